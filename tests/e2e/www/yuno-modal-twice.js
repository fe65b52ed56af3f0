// Yuno's guide in the modal render mode, with `mountCheckout()` called twice in a row (what an
// app whose effects run twice does, React's StrictMode among them): one dialog, one checkout.
import { loadSdk, post } from "./page.js";

const checkout = await post("/api/checkout", { country: "BR" });
await loadSdk(checkout.api_url);
const result = document.getElementById("result");

const yuno = await Yuno.initialize(checkout.public_api_key);
await yuno.startCheckout({
  checkoutSession: checkout.checkout_session,
  countryCode: checkout.country,
  language: "en",
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
yuno.mountCheckout();
