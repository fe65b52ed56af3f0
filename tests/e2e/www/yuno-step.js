// A page written from Yuno's startCheckout reference with the card form's `type: "step"`
// (one field at a time) and its buttons' labels (`texts.cardStepper`, in the shape of Yuno's
// published types), the payer's document (`documentEnable`) and the SDK's own pay button. Only
// the script URL and the backend (the demo merchant's) are ours.
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
  showPayButton: true,
  card: {
    type: "step",
    documentEnable: true,
    texts: {
      cardStepper: {
        numberCardStep: { nextButton: "Continue" },
        cardHolderNameStep: { prevButton: "Back to the code", nextButton: "Done with the card" },
        expirationDateStep: { prevButton: "Back to the number", nextButton: "Continue" },
        cvvStep: { prevButton: "Back to the date", nextButton: "Continue" },
      },
    },
  },
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
