// Measures mount() → onReady (methods shown, secure frame interactive) over several runs, each
// with a fresh session; the session is created before the clock starts.
import { loadSdk, newCheckout } from "./page.js";

const first = await newCheckout();
await loadSdk(first.api_url);
const runs = [];
for (let i = 0; i < 11; i++) {
  const checkout = i === 0 ? first : await newCheckout();
  let done;
  const ready = new Promise((resolve) => (done = resolve));
  const started = performance.now();
  const handle = await CheckoutWidget.mount("#widget", {
    publicApiKey: checkout.public_api_key,
    checkoutSession: checkout.checkout_session,
    countryCode: "BR",
    apiUrl: checkout.api_url,
    language: "en",
    onToken() {},
    onReady: () => done(performance.now() - started),
  });
  runs.push(await ready);
  // The last one stays mounted for the keystroke measurement.
  if (i < 10) handle.unmount();
}
document.getElementById("result").dataset.runs = JSON.stringify(runs.slice(1));
