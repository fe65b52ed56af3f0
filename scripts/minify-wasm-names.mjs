// Shortens the names by which a wasm module and its wasm-bindgen glue refer to each other.
//
// wasm-bindgen names every import after the JS function and a hash
// (`__wbg_setAttribute_5ad3…`) and every import entry repeats the glue's module name; in a
// small module these names are a few KB that gzip cannot squeeze (the hashes are random).
// binaryen's `--minify-imports-and-exports-and-modules` renames them and prints the mapping;
// this script applies the same mapping to the glue, then checks that the two still agree.
//
// usage: node scripts/minify-wasm-names.mjs <module.wasm> <glue.js> -- <wasm-opt feature flags>
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath, , ...features] = process.argv.slice(2);
const fail = (why) => {
  console.error(`minify-wasm-names: ${why}`);
  process.exit(1);
};
const names = (path) => {
  const module = new WebAssembly.Module(readFileSync(path));
  return {
    imports: WebAssembly.Module.imports(module),
    exports: WebAssembly.Module.exports(module).map((e) => e.name),
  };
};

const before = names(wasmPath);
const modules = new Set(before.imports.map((i) => i.module));
if (modules.size !== 1) fail(`expected the glue as the only import module, got ${[...modules]}`);
const [glueModule] = modules;

const mapping = JSON.parse(
  execFileSync(
    "node_modules/.bin/wasm-opt",
    [wasmPath, "--minify-imports-and-exports-and-modules", ...features, "-o", wasmPath],
    { encoding: "utf8" },
  ),
);
const after = names(wasmPath);
const [minifiedModule] = new Set(after.imports.map((i) => i.module));

// Longest names first, so that no name is replaced inside a longer one.
const byLength = (a, b) => b[0].length - a[0].length;
const escape = (s) => s.replace(/[$.]/g, "\\$&");
let glue = readFileSync(gluePath, "utf8");
glue = glue.split(JSON.stringify(glueModule) + ":").join(JSON.stringify(minifiedModule) + ":");
for (const [old, short] of mapping.imports.map(([, base, short]) => [base, short]).sort(byLength)) {
  glue = glue.replace(new RegExp(`(?<![\\w$])${escape(old)}(?=\\s*:\\s*function)`, "g"), short);
}
for (const [old, short] of [...mapping.exports].sort(byLength)) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(old)}(?![\\w$])`, "g"), `wasm.${short}`);
}

// The glue must now provide every import and use only exports that exist.
const provided = new Set([...glue.matchAll(/^\s+([\w$]+): function\(/gm)].map((m) => m[1]));
const missing = after.imports.map((i) => i.name).filter((n) => !provided.has(n));
if (missing.length) fail(`the glue lacks imports ${missing.join(", ")}`);
const exported = new Set(after.exports);
const unknown = [...new Set([...glue.matchAll(/\bwasm\.([\w$]+)/g)].map((m) => m[1]))].filter(
  (n) => !exported.has(n),
);
if (unknown.length) fail(`the glue uses exports the module no longer has: ${unknown.join(", ")}`);
if (!glue.includes(JSON.stringify(minifiedModule) + ":")) fail("the import module was not renamed");
writeFileSync(gluePath, glue);
console.log(
  `minify-wasm-names: ${wasmPath}: ${after.imports.length} imports, ${after.exports.length} exports renamed`,
);
