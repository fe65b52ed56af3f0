// Size report of dist/ as the browser fetches it (gzip -9), per piece, against
// size-budget.json: prints each piece against the spec budget and fails when a piece
// exceeds the budget or its ceiling (the ratchet below it).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const { pieces } = JSON.parse(readFileSync("size-budget.json", "utf8"));
const kb = (n) => (n / 1024).toFixed(1);
let failed = false;
for (const [name, piece] of Object.entries(pieces)) {
  let total = 0;
  for (const file of piece.files) {
    const bytes = readFileSync(`dist/${file}`);
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    console.log(`size: ${name} · ${file.padEnd(20)} ${String(bytes.length).padStart(8)} B ${String(gz).padStart(8)} B gzip`);
  }
  const within = total <= piece.target_kb * 1024;
  const vsTarget = within ? "within" : `EXCEEDED by ${kb(total - piece.target_kb * 1024)} KB`;
  const vsCeiling = total <= piece.ceiling_kb * 1024 ? "ok" : "EXCEEDED";
  console.log(`size: ${name} total ${kb(total)} KB gzip; spec budget ${piece.target_kb} KB: ${vsTarget}; ceiling ${piece.ceiling_kb} KB: ${vsCeiling}`);
  failed ||= !within || vsCeiling !== "ok";
}
process.exit(failed ? 1 : 0);
