// Size report of dist/ as the browser fetches it (gzip -9), per piece, against
// size-budget.json: prints each piece against the spec budget and fails when a piece
// exceeds the budget or its ceiling (the ratchet below it). First-paint pieces and on-demand
// pieces alike; a piece whose files name `{lang}` is measured once per language pack in
// dist/i18n (each language's pack is its own on-demand piece).
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const budget = JSON.parse(readFileSync("size-budget.json", "utf8"));
const kb = (n) => (n / 1024).toFixed(1);
const languages = readdirSync("dist/i18n/host").filter((f) => f.endsWith(".txt")).map((f) => f.replace(/\.txt$/, "")).filter((l) => l !== "en");
let failed = false;

function measure(name, files, piece, quiet) {
  let total = 0;
  for (const file of files) {
    const bytes = readFileSync(`dist/${file}`);
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    if (!quiet) console.log(`size: ${name} · ${file.padEnd(20)} ${String(bytes.length).padStart(8)} B ${String(gz).padStart(8)} B gzip`);
  }
  const within = total <= piece.target_kb * 1024;
  const underCeiling = total <= piece.ceiling_kb * 1024;
  failed ||= !within || !underCeiling;
  return { total, within, underCeiling };
}

function line(name, piece, { total, within, underCeiling }) {
  const vsTarget = within ? "within" : `EXCEEDED by ${kb(total - piece.target_kb * 1024)} KB`;
  console.log(`size: ${name} total ${kb(total)} KB gzip; spec budget ${piece.target_kb} KB: ${vsTarget}; ceiling ${piece.ceiling_kb} KB: ${underCeiling ? "ok" : "EXCEEDED"}`);
}

for (const [group, pieces] of [["first paint", budget.first_paint], ["on demand", budget.on_demand]]) {
  console.log(`size: — ${group} —`);
  for (const [name, piece] of Object.entries(pieces)) {
    if (!piece.files.some((f) => f.includes("{lang}"))) {
      line(name, piece, measure(name, piece.files, piece, false));
      continue;
    }
    // One line for the largest language, and every language that fails.
    let largest;
    for (const lang of languages) {
      const files = piece.files.map((f) => f.replace("{lang}", lang));
      const m = measure(`${name} ${lang}`, files, piece, true);
      if (!m.within || !m.underCeiling) line(`${name} ${lang}`, piece, m);
      if (!largest || m.total > largest.m.total) largest = { lang, m };
    }
    line(`${name} (${languages.length} languages; largest ${largest.lang})`, piece, largest.m);
  }
}
process.exit(failed ? 1 : 0);
