// Bundles the npm app (app.js, which imports "checkout-widget" as an installed package) with
// each bundler a merchant is likely to use, each as documented for an app and with no plugin:
// esbuild into <site>/npm/, Vite into <site>/npm-vite/, webpack 5 into <site>/npm-webpack/.
// The pages npm.html, npm-vite.html and npm-webpack.html load them. mistakes.js, bundled by
// esbuild into <site>/npm-mistakes/, makes every integration mistake (npm-mistakes.html).
// Usage: node tests/e2e/npm-app/build.mjs <site dir>
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const site = resolve(process.argv[2]);
const entry = join(root, "tests/e2e/npm-app/app.js");

// esbuild does not follow `new URL(…, import.meta.url)`: its users copy the wasm beside the
// bundle, as the package's README says.
const esbuild = await import("esbuild");
await esbuild.build({
  entryPoints: [entry],
  bundle: true,
  format: "esm",
  logLevel: "warning",
  outfile: join(site, "npm/app.js"),
});
copyFileSync(join(root, "dist/checkout_bg.wasm"), join(site, "npm/checkout_bg.wasm"));
// The app that makes every integration mistake on purpose (npm-mistakes.html).
await esbuild.build({
  entryPoints: [join(root, "tests/e2e/npm-app/mistakes.js")],
  bundle: true,
  format: "esm",
  logLevel: "warning",
  outfile: join(site, "npm-mistakes/app.js"),
});
copyFileSync(join(root, "dist/checkout_bg.wasm"), join(site, "npm-mistakes/checkout_bg.wasm"));

// Vite (Rollup): emits the wasm as an asset and rewrites its URL.
const vite = await import("vite");
await vite.build({
  configFile: false,
  root,
  logLevel: "warn",
  base: "/npm-vite/",
  build: {
    outDir: join(site, "npm-vite"),
    emptyOutDir: true,
    target: "es2022",
    rollupOptions: { input: entry, output: { entryFileNames: "app.js" } },
  },
});

// webpack 5: `new URL(…, import.meta.url)` is an asset module; top-level await is on by default.
const { default: webpack } = await import("webpack");
const stats = await new Promise((done, fail) =>
  webpack(
    {
      mode: "production",
      context: root,
      entry,
      output: { path: join(site, "npm-webpack"), filename: "app.js", publicPath: "/npm-webpack/", clean: true },
      devtool: false,
    },
    (err, stats) => (err ? fail(err) : done(stats)),
  ),
);
if (stats.hasErrors()) {
  console.error(stats.toString("errors-only"));
  process.exit(1);
}
mkdirSync(join(site, "npm-webpack"), { recursive: true });
