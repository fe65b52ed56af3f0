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
import { fetchPack, languageIndex, pickLanguage } from "./language.js";
import { loadWasm } from "./load-wasm.mjs";

let started;
const packs = {};

/** Mounts the checkout into `target` (an Element or a CSS selector); resolves with its handle. */
export async function mount(target, options) {
  const origin = new URL(import.meta.url).origin;
  // The language pack is fetched alongside the wasm, not after it.
  const language = pickLanguage([options?.language, ...(navigator.languages || [])]);
  // (A bad apiUrl fails the fetch here, and the wasm rejects it by name.)
  const api = typeof options?.apiUrl == "string" ? options.apiUrl : origin;
  const pack = (packs[language] ||= fetchPack(`${api.replace(/\/+$/, "")}/sdk/`, "host", language));
  started ||= loadWasm(new URL("checkout_bg.wasm", import.meta.url), __wbg_get_imports, __wbg_finalize_init).catch((e) => {
    started = null; // a failed load may be tried again
    throw e;
  });
  await started;
  const text = await pack;
  if (text === null) delete packs[language]; // tried again at the next mount
  const id = await mountWasm(target, options, origin, languageIndex(language), text);
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
