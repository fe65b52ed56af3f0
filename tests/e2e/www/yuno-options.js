// A page written from Yuno's startCheckout reference with options the other pages leave out:
// `card.hideCardholderName` (no name field), `automaticallyUnmount` (the SDK goes once the
// result is known), and the SDK's own pay button (`showPayButton`) with its label
// (`card.texts.cardForm.paymentSubmitButton`). Only the script URL and the backend (the demo
// merchant's) are ours.
import { loadSdk, post } from "./page.js";

const checkout = await post("/api/checkout", { country: "BR" });
await loadSdk(checkout.api_url);
const result = document.getElementById("result");

const yuno = await Yuno.initialize(checkout.public_api_key);
await yuno.startCheckout({
  checkoutSession: checkout.checkout_session,
  countryCode: checkout.country,
  language: "en",
  renderMode: { type: "element", elementSelector: { apmForm: "#form-element", actionForm: "#action-form-element" } },
  automaticallyUnmount: true,
  showPayButton: true,
  card: { hideCardholderName: true, texts: { cardForm: { paymentSubmitButton: "Complete order" } } },
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
await yuno.mountCheckout();
