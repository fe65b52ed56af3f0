// checkout-widget, ES module entry: `import { mount } from "checkout-widget"`.
// The wasm is found next to this file (new URL(…, import.meta.url)), so Vite, webpack 5 and
// esbuild bundle it without plugins. The default apiUrl is the origin this file came from,
// which also serves the language packs (beside the secure frame, under /sdk/).
import {
  __wbg_finalize_init,
  __wbg_get_imports,
  continuePayment,
  mount as mountWasm,
  submit,
  unmount,
} from "./checkout_glue.js";
import { fetchPack, pickLanguage } from "./language.mjs";
import { loadWasm } from "./load-wasm.mjs";

let started;
const packs = {};

/** Mounts the checkout into `target` (an Element or a CSS selector); resolves with its handle. */
export async function mount(target, options) {
  const origin = new URL(import.meta.url).origin;
  // The language pack is fetched alongside the wasm, not after it.
  const language = pickLanguage([options?.language, ...(navigator.languages || [])]);
  const api = typeof options?.apiUrl === "string" ? options.apiUrl : origin;
  let base;
  try {
    base = new URL(`${api.replace(/\/+$/, "")}/sdk/`);
  } catch {} // a bad apiUrl: the wasm rejects it by name
  const pack = (packs[language] ||= base ? fetchPack(base, "host", language) : Promise.resolve(null));
  started ||= loadWasm(new URL("checkout_bg.wasm", import.meta.url), __wbg_get_imports, __wbg_finalize_init).catch((e) => {
    started = null; // a failed load may be tried again
    throw e;
  });
  await started;
  const text = await pack;
  if (text === null) delete packs[language]; // tried again at the next mount
  const id = await mountWasm(target, options, origin, language, text ?? undefined);
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
