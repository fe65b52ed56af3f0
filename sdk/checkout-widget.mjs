// checkout-widget, ES module entry: `import { mount } from "checkout-widget"`.
// The wasm is found next to this file (new URL(…, import.meta.url)), so Vite, webpack 5 and
// esbuild bundle it without plugins. The default apiUrl is the origin this file came from.
import {
  __wbg_finalize_init,
  __wbg_get_imports,
  continuePayment,
  mount as mountWasm,
  submit,
  unmount,
} from "./checkout_glue.js";
import { loadWasm } from "./load-wasm.mjs";

let started;

/** Mounts the checkout into `target` (an Element or a CSS selector); resolves with its handle. */
export async function mount(target, options) {
  const url = new URL("checkout_bg.wasm", import.meta.url);
  started ||= loadWasm(url, __wbg_get_imports, __wbg_finalize_init).catch((e) => {
    started = null; // a failed load may be tried again
    throw e;
  });
  await started;
  const id = await mountWasm(target, options, new URL(import.meta.url).origin);
  return {
    submit: () => submit(id),
    continuePayment: (result) => continuePayment(id, result),
    unmount: () => unmount(id),
  };
}

/**
 * Yuno Web SDK v1 compatible entry: `const yuno = await initialize(PUBLIC_API_KEY)`. The
 * compatibility layer is a module of its own, fetched only by pages that call this.
 */
export function initialize(publicApiKey) {
  return import("./yuno-compat.mjs").then((compat) => compat.initialize(mount, publicApiKey));
}
