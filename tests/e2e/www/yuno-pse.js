// A page written like Yuno's Lite checkout guide (docs/sdks/lite-web/), in Colombia, for PSE,
// with the options its example passes (`showLoading`, `issuersFormEnable`,
// `showPaymentStatus`): the shopper picks their bank in the SDK's form before paying. Only the
// script URL and the demo merchant's backend are ours.
import { loadSdk, post } from "./page.js";

const checkout = await post("/api/checkout", { country: "CO" });
await loadSdk(checkout.api_url);
const result = document.getElementById("result");

const yuno = await Yuno.initialize(checkout.public_api_key);
await yuno.startCheckout({
  checkoutSession: checkout.checkout_session,
  elementSelector: "#root",
  countryCode: "CO",
  language: "es",
  showLoading: true,
  // (`?issuersFormEnable=false` for the e2e scenario's second run.)
  issuersFormEnable: new URLSearchParams(location.search).get("issuersFormEnable") != "false",
  showPaymentStatus: true,
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
yuno.mountCheckoutLite({ paymentMethodType: "PSE" });
