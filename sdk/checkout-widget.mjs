// checkout-widget, ES module entry: `import { mount } from "checkout-widget"`.
// The wasm is found next to this file (new URL(…, import.meta.url)), so Vite, webpack 5 and
// esbuild bundle it without plugins. The default apiUrl is the origin this file came from.
import init, { mount as mountWasm, setSdkOrigin } from "./checkout_glue.js";

let started;
function start() {
  started ||= init({ module_or_path: new URL("checkout_bg.wasm", import.meta.url) }).then(() =>
    setSdkOrigin(new URL(import.meta.url).origin),
  );
  return started;
}

/** Mounts the checkout into `target` (an Element or a CSS selector). */
export async function mount(target, options) {
  await start();
  return mountWasm(target, options);
}

/**
 * Yuno Web SDK v1 compatible entry: `const yuno = await initialize(PUBLIC_API_KEY)`. The
 * compatibility layer is a module of its own, fetched only by pages that call this.
 */
export function initialize(publicApiKey) {
  return import("./yuno-compat.mjs").then((compat) => compat.initialize(mount, publicApiKey));
}
