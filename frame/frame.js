// The secure frame's loader: starts the wasm and, alongside it, the language pack the host
// asked for (`#…&lang=`), then the wasm waits for the host's handshake before it renders
// anything. Served from the payment origin under a CSP allowing only same-origin scripts,
// wasm and requests.
import { __wbg_finalize_init, __wbg_get_imports, startFrame } from "./frame_glue.js";
import { loadWasm } from "./load-wasm.mjs";
import { fetchPack } from "./language.js";
import { latamHandle } from "./latam-handle.js";

// The code the host picked (the wasm installs the pack only for a code it knows).
const language = /^[a-z]{2,3}(-[A-Z]{2})?$/.exec(new URLSearchParams(location.hash.slice(1)).get("lang"))?.[0] || "en";
const pack = fetchPack(import.meta.url, "frame", language);
await loadWasm(new URL("frame_bg.wasm", import.meta.url), __wbg_get_imports, __wbg_finalize_init);
const text = await pack;
if (text === null && language !== "en") {
  console.warn(`checkout-widget: the "${language}" pack of the card form could not be loaded; it is shown in English`);
}
// The merchant's `card` option, as JSON (the wasm reads none of it); `{}` if it is not.
const card = (json) => {
  try {
    return JSON.parse(json) || {};
  } catch {
    return {};
  }
};
// The merchant's CSS (`card.styles`) is applied by a module of its own, fetched only by a form
// that has some; so are the identity document and installment fields, fetched only by a form
// whose country has them (their handle answers for them until they are in), and the form one
// field at a time, fetched only by a form that asks for it (`card.steps`).
startFrame(
  language,
  text ?? undefined,
  (json) => {
    const css = card(json).styles;
    css && import("./frame-styles.mjs").then((m) => m.apply(css)).catch((e) => console.warn(`checkout-widget: card.styles: ${e}`));
  },
  latamHandle(new URL("frame-latam.mjs", import.meta.url).href),
  (next, back, json) =>
    import("./frame-steps.mjs")
      .then((m) => m.start(next, back, card(json).steps))
      .catch((e) => {
        // Without Back and Next, every field shows.
        document.documentElement.removeAttribute("data-steps");
        console.warn(`checkout-widget: card.steps: ${e}`);
      }),
);
