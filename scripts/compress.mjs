// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) beside every file of dist/
// the browser fetches, as a CDN would serve them; the sandbox serves a variant to a browser
// that accepts it (Content-Encoding), and the file itself to one that does not. The SDK's
// first paint is about 245 KB as built and 87 KB in brotli: on a mobile network (1.6 Mbit/s)
// that is most of a cold mount. A variant no smaller than its file is not written. Each
// variant is checked to decompress to its file's bytes.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from "node:zlib";

const served = /\.(html|css|js|mjs|wasm|txt|json|svg|ts)$/;
const variants = [
  [".br", (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }), brotliDecompressSync],
  [".gz", (b) => gzipSync(b, { level: 9 }), gunzipSync],
];

let files = 0;
let before = 0;
let after = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (served.test(entry.name)) {
      const bytes = readFileSync(path);
      files++;
      before += bytes.length;
      let smallest = bytes.length;
      for (const [suffix, compress, decompress] of variants) {
        const packed = compress(bytes);
        // (A copy left from an earlier build would be served in the file's place.)
        if (packed.length >= bytes.length) {
          rmSync(path + suffix, { force: true });
          continue;
        }
        if (!decompress(packed).equals(bytes)) throw new Error(`compress: ${path}${suffix} does not decompress to its file`);
        writeFileSync(path + suffix, packed);
        smallest = Math.min(smallest, packed.length);
      }
      after += smallest;
    }
  }
};
walk(process.argv[2] || "dist");
console.log(`compress: ${files} files, ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB as served to a browser that takes brotli`);
