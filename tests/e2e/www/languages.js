// The checkout in the language of `?language=`, with the SDK's script tag, as a merchant
// would mount it; `#ready` says "ready" (or the first error's code) once it is.
import { loadSdk, newCheckout } from "./page.js";

const language = new URLSearchParams(location.search).get("language");
document.getElementById("language").textContent = language;
const checkout = await newCheckout();
await loadSdk(checkout.api_url);
const ready = document.getElementById("ready");
await CheckoutWidget.mount("#widget", {
  publicApiKey: checkout.public_api_key,
  checkoutSession: checkout.checkout_session,
  countryCode: "BR",
  apiUrl: checkout.api_url,
  language,
  onToken() {},
  onReady() {
    ready.textContent ||= "ready";
  },
  onError(e) {
    ready.textContent = e.code;
  },
});
