// Fits a wasm module and its wasm-bindgen glue to what the piece's loader actually uses, then
// optimizes the module and shortens the names by which module and glue refer to each other.
//
// 1. Prune. Dependencies export things the widget never calls (leptos links server_fn, whose
//    wasm-streams classes are `#[wasm_bindgen]` exports), and exports keep their code alive.
//    The loader is bundled with the glue (esbuild, tree-shaken): an export that bundle never
//    touches is removed from the module, binaryen drops what only it reached, and glue imports
//    the module no longer imports are removed from the glue.
// 2. Optimize with wasm-opt (the passes in build.sh).
// 3. Minify names: wasm-bindgen names every import after the JS function and a hash
//    (`__wbg_setAttribute_5ad3…`); in a small module those names are KB that gzip cannot
//    squeeze. binaryen renames imports, exports and the import module and prints the mapping;
//    the same mapping is applied to the glue. Custom sections (producers, target features)
//    are dropped: the browser reads none of them.
// 4. Shorten wasm-bindgen's own messages for a bug in the widget (they stay whole otherwise).
// Then module and glue are checked to still agree: the glue provides every import and uses only
// exports that exist.
//
// usage: node scripts/link-wasm.mjs <module.wasm> <glue.js> <loader.js> -- <wasm-opt flags>
//        (the loader imports the glue; the flags: features, then `--` and the optimization passes)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "acorn";
import { buildSync } from "esbuild";

const [wasmPath, gluePath, loaderPath, , ...flags] = process.argv.slice(2);
const split = flags.indexOf("--");
const features = split < 0 ? flags : flags.slice(0, split);
const passes = split < 0 ? [] : flags.slice(split + 1);
const fail = (why) => {
  console.error(`link-wasm: ${why}`);
  process.exit(1);
};
// `-g` among the passes (for an analysis with twiggy) keeps the function names at every step.
const keepNames = passes.includes("-g") ? ["-g"] : [];
const wasmOpt = (args) =>
  execFileSync("node_modules/.bin/wasm-opt", [wasmPath, ...features, ...keepNames, ...args, "-o", wasmPath], {
    encoding: "utf8",
  });
const names = () => {
  const module = new WebAssembly.Module(readFileSync(wasmPath));
  return {
    imports: WebAssembly.Module.imports(module),
    exports: WebAssembly.Module.exports(module).map((e) => e.name),
  };
};

// ---- wasm binary: the export section ----

function readUleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}
function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/**
 * The module without the exports named in `drop` and, with `bare`, without custom sections
 * (producers, target features, wasm-split markers: nothing the browser reads).
 */
function withoutExports(bytes, drop, bare = false) {
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readUleb(bytes, at + 1);
    const end = body + size;
    if (id === 0 && bare) {
      // dropped
    } else if (id !== 7) {
      parts.push(bytes.subarray(at, end));
    } else {
      let [count, p] = readUleb(bytes, body);
      const kept = [];
      let keptCount = 0;
      while (count--) {
        const start = p;
        const [len, nameAt] = readUleb(bytes, p);
        const name = new TextDecoder().decode(bytes.subarray(nameAt, nameAt + len));
        [, p] = readUleb(bytes, nameAt + len + 1); // kind byte, then index
        if (!drop.has(name)) {
          kept.push(bytes.subarray(start, p));
          keptCount++;
        }
      }
      const payload = Buffer.concat([Buffer.from(uleb(keptCount)), ...kept]);
      parts.push(Buffer.from([7, ...uleb(payload.length)]), payload);
    }
    at = end;
  }
  return Buffer.concat(parts);
}

// ---- glue: the import object ----

/** The glue without the import functions whose names `keep` rejects. */
function withoutImports(glue, keep) {
  const ast = parse(glue, { ecmaVersion: "latest", sourceType: "module" });
  const getImports = ast.body.find(
    (n) => n.type === "FunctionDeclaration" && n.id.name === "__wbg_get_imports",
  );
  if (!getImports) fail("the glue has no __wbg_get_imports");
  const object = getImports.body.body
    .flatMap((s) => (s.type === "VariableDeclaration" ? s.declarations : []))
    .map((d) => d.init)
    .find((init) => init?.type === "ObjectExpression");
  if (!object) fail("the glue's imports are not an object literal");
  const props = object.properties;
  const kept = props.filter((p) => p.key?.name === "__proto__" || keep(p.key?.name));
  if (kept.length === props.length) return glue;
  const body = kept.map((p) => glue.slice(p.start, p.end)).join(",\n        ");
  return `${glue.slice(0, object.start)}{\n        ${body}\n    }${glue.slice(object.end)}`;
}

/**
 * The glue without its top-level `if (Symbol.dispose) C.prototype[Symbol.dispose] = …`
 * statements: they touch every exported class, so no class could be tree-shaken (nor its
 * exports pruned). The widget's one class, `CheckoutHandle`, is let go with `unmount()`, not
 * with a `using` declaration.
 */
function withoutDisposeHooks(glue) {
  const ast = parse(glue, { ecmaVersion: "latest", sourceType: "module" });
  const hooks = ast.body.filter(
    (n) => n.type === "IfStatement" && glue.slice(n.test.start, n.test.end) === "Symbol.dispose",
  );
  return hooks.reduceRight((g, n) => g.slice(0, n.start) + g.slice(n.end), glue);
}

/** The names of the module's exports the loader, bundled with the glue, can reach. */
function exportsUsed(glue) {
  writeFileSync(gluePath, glue);
  const { outputFiles } = buildSync({
    entryPoints: [loaderPath],
    bundle: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  return new Set([...outputFiles[0].text.matchAll(/(?<![\w$.-])wasm\d*\.([\w$]+)/g)].map((m) => m[1]));
}

// ---- 1. prune ----

// Exports and glue imports keep each other alive (an export's code calls an import whose glue
// builds an object of a class that calls exports), so pruning grows from the roots instead:
// start from the exports the loader reaches with no imports at all, keep the imports the module
// then still needs, add the exports their glue reaches, and repeat from the original module
// until the set no longer grows.
const original = readFileSync(wasmPath);
// The loaders instantiate the module themselves (sdk/load-wasm.mjs) with these two, so the
// glue's own loader (fallbacks, warnings, `initSync`) drops out of the bundles.
const fullGlue =
  withoutDisposeHooks(readFileSync(gluePath, "utf8")) +
  "\nexport { __wbg_get_imports, __wbg_finalize_init };\n";
const allExports = names().exports;
let used = exportsUsed(withoutImports(fullGlue, () => false));
let imported;
for (;;) {
  writeFileSync(wasmPath, withoutExports(original, new Set(allExports.filter((e) => !used.has(e)))));
  wasmOpt(["--remove-unused-module-elements"]);
  imported = new Set(names().imports.map((i) => i.name));
  const reached = exportsUsed(withoutImports(fullGlue, (name) => imported.has(name)));
  if ([...reached].every((e) => used.has(e))) break;
  used = new Set([...used, ...reached]);
}
let glue = withoutImports(fullGlue, (name) => imported.has(name));
const exportsBefore = allExports.length;

// ---- 2. optimize ----

wasmOpt(passes);
// Optimizing can leave more imports unused; their glue goes too.
const stillImported = new Set(names().imports.map((i) => i.name));
glue = withoutImports(glue, (name) => stillImported.has(name));

// ---- 3. minify names ----

const before = names();
const modules = new Set(before.imports.map((i) => i.module));
if (modules.size !== 1) fail(`expected the glue as the only import module, got ${[...modules]}`);
const [glueModule] = modules;
const mapping = JSON.parse(wasmOpt(["--minify-imports-and-exports-and-modules"]));
const after = names();
const [minifiedModule] = new Set(after.imports.map((i) => i.module));

// Longest names first, so that no name is replaced inside a longer one.
const byLength = (a, b) => b[0].length - a[0].length;
const escape = (s) => s.replace(/[$.]/g, "\\$&");
glue = glue.split(JSON.stringify(glueModule) + ":").join(JSON.stringify(minifiedModule) + ":");
for (const [old, short] of mapping.imports.map(([, base, short]) => [base, short]).sort(byLength)) {
  glue = glue.replace(new RegExp(`(?<![\\w$])${escape(old)}(?=\\s*:\\s*function)`, "g"), short);
}
for (const [old, short] of [...mapping.exports].sort(byLength)) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(old)}(?![\\w$])`, "g"), `wasm.${short}`);
}

if (!keepNames.length) writeFileSync(wasmPath, withoutExports(readFileSync(wasmPath), new Set(), true));

// ---- 4. shorten wasm-bindgen's own messages ----

// wasm-bindgen throws these only on a bug of the widget's (a closure called after it was
// dropped, an `unwrap_throw` on None), and they stay whole in the module's data. Each is cut
// to a few words and blanked after them in place, the same length (the code holds each
// message's length): about 70 B gzip a piece.
const module = readFileSync(wasmPath);
let shortened = 0;
for (const [message, short] of [
  ["closure invoked recursively or after being dropped", "closure"],
  ["FnOnce called more than once", "FnOnce"],
  ["called `Option::unwrap_throw()` on a `None` value", "unwrap"],
]) {
  const from = Buffer.from(message);
  const to = Buffer.from(short.padEnd(message.length));
  for (let at = module.indexOf(from); at >= 0; at = module.indexOf(from, at)) shortened += to.copy(module, at) && 1;
}
// (Every piece has closures: none found means wasm-bindgen reworded them.)
if (!shortened) fail("none of wasm-bindgen's messages to shorten is in the module: update step 4");
writeFileSync(wasmPath, module);

// ---- 5. drop the glue's string copy without `realloc` ----

// wasm-bindgen's `passStringToWasm0` copies a string in without `realloc` by encoding it
// whole first; every call in this glue passes `realloc` (`--encode-into always`), so that
// branch is dead weight in the first paint's script: about 40 B gzip a piece.
const copies = [...glue.matchAll(/passStringToWasm0\(([^)]*)\)/g)].map((m) => m[1].split(",").length);
const withoutRealloc = /\n    if \(realloc === undefined\) \{\n(?:        .*\n)+?    \}\n/;
if (copies.some((args) => args != 3) || !withoutRealloc.test(glue))
  fail("wasm-bindgen's passStringToWasm0 changed (a call without realloc, or no such branch): update step 5");
glue = glue.replace(withoutRealloc, "\n");

// ---- checks ----

const provided = new Set([...glue.matchAll(/^\s+([\w$]+): function\(/gm)].map((m) => m[1]));
const missing = after.imports.map((i) => i.name).filter((n) => !provided.has(n));
if (missing.length) fail(`the glue lacks imports ${missing.join(", ")}`);
const exported = new Set(after.exports);
const unknown = [...exportsUsed(glue)].filter((n) => !exported.has(n));
if (unknown.length) fail(`the glue uses exports the module no longer has: ${unknown.join(", ")}`);
if (!glue.includes(JSON.stringify(minifiedModule) + ":")) fail("the import module was not renamed");
writeFileSync(gluePath, glue);
console.log(
  `link-wasm: ${wasmPath}: ${exportsBefore - before.exports.length} unused exports removed; ` +
    `${after.imports.length} imports, ${after.exports.length} exports renamed`,
);
