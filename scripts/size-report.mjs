// Prints the size of everything in dist/ as the browser fetches it (gzip -9).
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

let total = 0;
for (const name of readdirSync("dist").sort()) {
  const bytes = readFileSync(`dist/${name}`);
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`size: ${name.padEnd(28)} ${String(bytes.length).padStart(8)} B  ${String(gz).padStart(7)} B gzip`);
}
console.log(`size: total ${(total / 1024).toFixed(1)} KB gzip`);
