#!/usr/bin/env node
// The linker of the release wasm builds (build.sh: `-C linker=…`): rust-lld, minus the exports
// of crates the widget links but never calls.
//
// leptos depends on server_fn, which depends on wasm-streams, whose `IntoUnderlying*` classes
// are `#[wasm_bindgen]` exports. A cdylib exports every `#[no_mangle]` symbol of every crate it
// links, and an export is a root: it keeps its code alive, and with it the function table
// entries, futures and formatting code that code reaches (about 6 KB gzip per piece). Nothing
// after the link can tell those table entries are dead; the linker can, if it is not told to
// export them. So this drops their `--export` arguments and, from the linked module's
// wasm-bindgen metadata (`__wasm_bindgen_unstable`, one [schema, program] pair per module),
// the programs of those crates, which would otherwise make wasm-bindgen look for the exports.
// Should anything of theirs still be used, wasm-bindgen fails for want of its binding: the
// build breaks loudly rather than shipping something half-bound.
//
// env: CW_RUST_LLD, the path of rust-lld (build.sh finds it in the toolchain's sysroot).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

/** Crates (their wasm-bindgen crate ids start with `<name>-`) and the exports they make. */
const UNUSED = [{ crate: "wasm-streams", exports: /^(__wbg_)?intounderlying/ }];

const args = process.argv.slice(2);
const kept = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--export" && UNUSED.some((u) => u.exports.test(args[i + 1] ?? ""))) {
    i++;
    continue;
  }
  kept.push(args[i]);
}
const lld = process.env.CW_RUST_LLD;
if (!lld) {
  console.error("wasm-link: CW_RUST_LLD (the path of rust-lld) is not set");
  process.exit(1);
}
const run = spawnSync(lld, kept, { stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);

const output = kept[kept.indexOf("-o") + 1];
const bytes = readFileSync(output);

function readUleb(b, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const x = b[at++];
    value += (x & 0x7f) * 2 ** shift;
    shift += 7;
    if (x < 0x80) return [value, at];
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
  return Buffer.from(out);
}

const ids = UNUSED.map((u) => Buffer.from(`${u.crate}-`));
const parts = [bytes.subarray(0, 8)];
for (let at = 8; at < bytes.length; ) {
  const id = bytes[at];
  const [size, body] = readUleb(bytes, at + 1);
  const end = body + size;
  const [nameLen, nameAt] = id === 0 ? readUleb(bytes, body) : [0, body];
  const name = bytes.subarray(nameAt, nameAt + nameLen).toString();
  if (id !== 0 || name !== "__wasm_bindgen_unstable") {
    parts.push(bytes.subarray(at, end));
    at = end;
    continue;
  }
  // Length-prefixed (u32 LE) blobs in pairs: the schema version, then a module's program.
  const data = bytes.subarray(nameAt + nameLen, end);
  const pairs = [];
  for (let p = 0; p < data.length; ) {
    const schema = data.subarray(p, p + 4 + data.readUInt32LE(p));
    p += schema.length;
    const program = data.subarray(p, p + 4 + data.readUInt32LE(p));
    p += program.length;
    if (!ids.some((crate) => program.includes(crate))) pairs.push(schema, program);
  }
  const payload = Buffer.concat([uleb(nameLen), Buffer.from(name), ...pairs]);
  parts.push(Buffer.from([0]), uleb(payload.length), payload);
  at = end;
}
writeFileSync(output, Buffer.concat(parts));
