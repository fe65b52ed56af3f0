// A page written like Yuno's full checkout guide with `renderMode: { type: "modal" }` (Yuno's
// default display mode: "the payment flow in an overlay centered on the screen"; no element
// is needed). Only the script URL and the backend (the demo merchant's) are ours.
import { loadSdk, post } from "./page.js";

const checkout = await post("/api/checkout", { country: "BR" });
await loadSdk(checkout.api_url);
const result = document.getElementById("result");

const yuno = await Yuno.initialize(checkout.public_api_key);
await yuno.startCheckout({
  checkoutSession: checkout.checkout_session,
  countryCode: checkout.country,
  language: "pt",
  renderMode: { type: "modal" },
  async yunoCreatePayment(oneTimeToken) {
    await post("/api/payments", { checkout_session: checkout.checkout_session, token: oneTimeToken });
    yuno.continuePayment();
  },
  yunoPaymentResult(status) {
    result.textContent = `result: ${status}`;
  },
  yunoError(message) {
    result.textContent = `error: ${message}`;
  },
});
yuno.mountCheckout();
