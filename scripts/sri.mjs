// Copies the SDK into a versioned folder (dist/v<version>/, served at /sdk/v<version>/) and
// prints the Subresource Integrity hashes a merchant pins in its script tag.
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";

const { version } = JSON.parse(readFileSync("package.json", "utf8"));
const dir = `dist/v${version}`;
mkdirSync(dir, { recursive: true });
for (const name of readdirSync("dist", { withFileTypes: true })) {
  if (name.isFile()) copyFileSync(`dist/${name.name}`, `${dir}/${name.name}`);
}
cpSync("dist/i18n", `${dir}/i18n`, { recursive: true });
for (const file of ["checkout-widget.js", "checkout-widget.mjs", "checkout_bg.wasm"]) {
  const digest = createHash("sha384").update(readFileSync(`dist/${file}`)).digest("base64");
  console.log(`sri: /sdk/v${version}/${file}  integrity="sha384-${digest}"`);
}
