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

let started, bankLists;
const packs = {};
/** The after-the-payment module (`actions.mjs`), fetched once a payment is on its way. */
const after = () => import("./actions.mjs");
/** The integration diagnostics (`diagnose.mjs`), fetched only to refuse or explain a mistake. */
const diagnose = () => import("./diagnose.mjs");

/** Mounts the checkout into `target` (an Element or a CSS selector); resolves with its handle. */
export async function mount(target, options) {
  const origin = new URL(import.meta.url).origin;
  // The language pack is fetched alongside the wasm, not after it.
  const language = pickLanguage([options?.language, ...(navigator.languages || [])]);
  // (A bad apiUrl fails the fetch here, and the wasm rejects it by name.)
  const api = (typeof options?.apiUrl == "string" ? options.apiUrl : origin).replace(/\/+$/, "");
  // The page's own origin (also a bundled SDK's default) cannot work: refused by name.
  if (api.startsWith(location.origin)) (await diagnose()).refuse(api, options);
  const pack = (packs[language] ||= fetchPack(`${api}/sdk/`, "host", language));
  // The session's methods are asked for alongside the wasm too: the wasm takes this request
  // as its first attempt (a failed one is made again), so the list does not wait for it.
  const { publicApiKey: key, checkoutSession: id, onToken, onError, paymentMethods: only } = options || {};
  const methods =
    typeof key == "string" &&
    typeof id == "string" &&
    typeof (options.apiUrl ?? "") == "string" &&
    /^https?:\/\//.test(api) &&
    fetch(`${api}/v1/checkout/sessions/${encodeURIComponent(id)}/payment-methods`, {
      headers: { "public-api-key": key },
      signal: AbortSignal.timeout(15e3),
    });
  methods && methods.catch(() => {}); // (left unawaited when the wasm refuses the options)
  // The secure frame starts loading as soon as they come, beside the wasm, not once shown.
  const take = methods ? early(target, `${api}/sdk/frame.html#origin=${encodeURIComponent(location.origin)}&lang=${language}`, methods) : null;
  let handle;
  try {
    started ||= loadWasm(new URL("checkout_bg.wasm", import.meta.url), __wbg_get_imports, __wbg_finalize_init).catch((e) => {
      started = null; // a failed load may be tried again
      throw e;
    });
    await started;
    const text = await pack;
    text ?? delete packs[language]; // no pack: tried again at the next mount
    // A token means a payment is on its way: the module that finishes it starts loading then.
    // An error the developer can fix gets its cause and fix (`detail`, and the console) first.
    const o =
      // (onError: absent or a function; anything else is left for the wasm to refuse by name.)
      typeof onToken == "function" && typeof (onError ?? onToken) == "function"
        ? {
            ...options,
            // The SDK's own copy (a page's array may change, or bring its own `includes`); an
            // empty list does not filter.
            paymentMethods: Array.isArray(only) ? (only.length ? [...only] : undefined) : only,
            onToken: (t, i) => (after().then((m) => m.prepare(api, language), () => {}), onToken(t, i)),
            // A method's bank list (PSE's; the wasm asks for no card's), unless `issuerForm`
            // is false: shown once the method is chosen, read as it pays. Anything but a
            // boolean (a function too) goes to the wasm as a string, refused by name.
            issuerForm:
              (options.issuerForm ?? true) === true
                ? (row, paying) => (paying ? bankLists?.detail(row) : import("./issuers.mjs").then((m) => (bankLists = m).show(row, api, o), () => {}))
                : options.issuerForm && "" + options.issuerForm,
            // (A throwing onError is the page's: ignored, as the wasm ignores other callbacks'.)
            onError: (e) =>
              diagnose()
                .then((m) => m.explain(e, api, options), () => {})
                .then(() => onError?.(e))
                .catch(() => {}),
          }
        : options;
    handle = await mountWasm(target, o, origin, languageIndex(language), text, methods, take);
  } catch (e) {
    take?.();
    // A refused option is named in the wasm's message; its words come with the diagnostics.
    throw e instanceof TypeError ? await diagnose().then((m) => m.worded(e), () => e) : e;
  }
  const state = {};
  const back = (result) => continuePayment(handle, result);
  return {
    submit: () => submit(handle),
    // With a status: the form comes back with the reason. Without: the payment is read, and
    // what it still needs is shown, awaited and reported (actions.mjs).
    continuePayment: (result) =>
      result?.status !== undefined ? back(result) : after().then((m) => m.continuePayment({ api, language, options, state, target, back })),
    unmount: () => ((state.gone = 1), state.stop?.(), take?.(), unmount(handle)),
  };
}

/**
 * Starts the secure frame at `src` once the API has answered `methods` for the session (a
 * wrong `apiUrl` or key starts none), hidden at the end of `target` (`display: none` through
 * the CSSOM: a page's `iframe { display: block }` would beat `hidden`), in browsers that can
 * move an iframe without reloading it (`moveBefore`). It waits there for the wasm: the
 * returned `take(slot, url)` moves it into `slot` and returns it when `url` is `src`, and gives
 * the wasm the frame's hello again if it came first (the wasm listens only from then on).
 * Called otherwise, it removes the frame, or stops one from starting.
 */
function early(target, src, methods) {
  let frame, hello, gone;
  const keep = (e) => e.source == frame.contentWindow && (hello = e);
  try {
    const at = typeof target == "string" ? document.querySelector(target) : target;
    if (!at.moveBefore) return;
    methods.then((r) => {
      if (r.ok && !gone) {
        // (The attributes of the frame the wasm makes, `frame` in src/host/secure_frame.rs.)
        frame = Object.assign(document.createElement("iframe"), { src, allow: "payment", scrolling: "no" });
        frame.style.display = "none";
        addEventListener("message", keep);
        at.append(frame);
      }
    }, () => {});
    return (slot, url) => {
      gone = 1;
      removeEventListener("message", keep);
      try {
        if (frame?.isConnected && url == src) {
          slot.moveBefore(frame, null);
          frame.style.display = "";
          hello && queueMicrotask(() => dispatchEvent(hello));
          return frame;
        }
      } catch {} // (a slot outside the page: the wasm makes its own frame)
      frame?.remove();
    };
  } catch {} // (no such element: the wasm refuses `target` by name)
}

/** The status piece of a return page: the session's payment result, read into `target`. */
export const mountStatus = (target, options) => after().then((m) => m.mountStatus(target, options, import.meta.url));

/**
 * Yuno Web SDK v1 compatible entry: `const yuno = await initialize(PUBLIC_API_KEY)`. The
 * compatibility layer is a module of its own, fetched only by pages that call this.
 */
export function initialize(publicApiKey) {
  return import("./yuno-compat.mjs").then((compat) => compat.initialize(mount, publicApiKey, mountStatus));
}
