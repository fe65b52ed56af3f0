// Measures mount() → onReady (methods shown, secure frame interactive) over several runs, each
// with a fresh session; the session is created before the clock starts. `?language=` mounts in
// that language, `?runs=` sets how many (the first is cold: wasm and language pack fetched).
import { loadSdk, newCheckout } from "./page.js";

const params = new URLSearchParams(location.search);
const language = params.get("language") || "en";
const count = Number(params.get("runs") || 11);
const first = await newCheckout();
await loadSdk(first.api_url);
const runs = [];
for (let i = 0; i < count; i++) {
  const checkout = i === 0 ? first : await newCheckout();
  let done;
  const ready = new Promise((resolve) => (done = resolve));
  const started = performance.now();
  const handle = await CheckoutWidget.mount("#widget", {
    publicApiKey: checkout.public_api_key,
    checkoutSession: checkout.checkout_session,
    countryCode: "BR",
    apiUrl: checkout.api_url,
    language,
    onToken() {},
    onReady: () => done(performance.now() - started),
  });
  runs.push(await ready);
  // (When the first mount started, on the browser's clock, to line its fetches up with the frame's.)
  if (i === 0) document.getElementById("result").dataset.started = String(performance.timeOrigin + started);
  // The last one stays mounted for the keystroke measurement.
  if (i < count - 1) handle.unmount();
}
const result = document.getElementById("result");
// When the language pack and the wasm were requested and arrived (ms since the page started).
const timing = (part) => {
  const e = performance.getEntriesByType("resource").find((e) => e.name.includes(part));
  return e ? [e.startTime, e.responseEnd] : null;
};
result.dataset.requests = JSON.stringify([timing("/i18n/host/"), timing("checkout_bg.wasm")]);
result.dataset.first = String(runs[0]);
result.dataset.runs = JSON.stringify(runs.slice(1));
