// A page written like Yuno's full checkout guide (docs/sdks/full-checkout: `startCheckout`
// with `card: { type: "extends", isCreditCardProcessingOnly }`, `mountCheckout`, the page's
// own button calling `startPayment`, `continuePayment()` after the payment). Only the script
// URL and the backend (the demo merchant's) are ours. `?isCreditCardProcessingOnly=false` turns
// the option off.
import { loadSdk, post } from "./page.js";

const checkout = await post("/api/checkout", { country: "BR" });
await loadSdk(checkout.api_url);
const result = document.getElementById("result");
const creditOnly = new URLSearchParams(location.search).get("isCreditCardProcessingOnly") !== "false";

const yuno = await Yuno.initialize(checkout.public_api_key);
await yuno.startCheckout({
  checkoutSession: checkout.checkout_session,
  elementSelector: "#root",
  countryCode: checkout.country,
  language: "pt",
  showLoading: true,
  card: { type: "extends", isCreditCardProcessingOnly: creditOnly },
  async yunoCreatePayment(oneTimeToken, tokenWithInformation) {
    // What the token says the card is charged as, then what the payment says.
    result.dataset.token = tokenWithInformation.card_data?.type;
    const payment = await post("/api/payments", { checkout_session: checkout.checkout_session, token: oneTimeToken });
    result.dataset.charged = payment.payment_method?.card_data?.type;
    yuno.continuePayment();
  },
  yunoPaymentResult(status) {
    result.textContent = `result: ${status}`;
  },
  yunoError(message) {
    result.dataset.error = message;
  },
});
await yuno.mountCheckout();
document.getElementById("pay").addEventListener("click", () => yuno.startPayment());
