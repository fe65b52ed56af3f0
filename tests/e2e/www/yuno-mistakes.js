// A page using the parts of Yuno's `YunoInstance` this SDK does not offer (Yuno's calls, as its
// docs show them), and an enrollment without its customer session: each must fail loudly, with
// an error naming the feature or the option, never silently.
import { loadSdk, post } from "./page.js";

const checkout = await post("/api/checkout", { country: "BR" });
await loadSdk(checkout.api_url);
const yuno = await Yuno.initialize(checkout.public_api_key);
const result = document.getElementById("result");
const said = {};
const attempt = async (name, call) => {
  try {
    await call();
    said[name] = "resolved";
  } catch (e) {
    said[name] = `${e.name}: ${e.message}`;
  }
};
await attempt("secureFields", () => yuno.secureFields({ publicApiKey: checkout.public_api_key, countryCode: "BR", checkoutSession: checkout.checkout_session }));
await attempt("startSeamlessCheckout", () => yuno.startSeamlessCheckout({ checkoutSession: checkout.checkout_session, elementSelector: "#form-element", countryCode: "BR" }));
await attempt("mountExternalButtons", () => yuno.mountExternalButtons([{ paymentMethodType: "PAYPAL", elementSelector: "#form-element" }]));
await attempt("mountFraud", () => yuno.mountFraud({ checkoutSession: checkout.checkout_session, countryCode: "BR" }));
await attempt("clickToPay", () => yuno.clickToPay({}));
await attempt("enrollmentWithoutSession", () => yuno.mountEnrollmentLite({ countryCode: "BR", language: "en" }));
await attempt("enrollmentOnACheckoutSession", () =>
  yuno.mountEnrollmentLite({ customerSession: checkout.checkout_session, countryCode: "BR", language: "en", renderMode: { type: "element", elementSelector: "#form-element" } }),
);
// Yuno's options for what this SDK does not have, as Yuno's reference spells them: a wrong
// `card.type` is refused; the right ones still start the checkout, each said in the console.
const start = (card, texts) => () =>
  yuno.startCheckout({
    checkoutSession: checkout.checkout_session,
    elementSelector: "#form-element",
    countryCode: "BR",
    language: "en",
    card,
    texts,
    async yunoCreatePayment() {},
  });
await attempt("stepperType", start({ type: "stepper" }));
await attempt("issuersAsAWord", () =>
  yuno.startCheckout({ checkoutSession: checkout.checkout_session, elementSelector: "#form-element", countryCode: "BR", issuersFormEnable: "yes", async yunoCreatePayment() {} }),
);
await attempt("cardOnChangeNotAFunction", start({ type: "extends", onChange: "log" }));
await attempt("creditOnlyAsAWord", start({ type: "extends", isCreditCardProcessingOnly: "yes" }));
await attempt("stepperLabelNotText", start({ type: "step", texts: { cardStepper: { cvvStep: { nextButton: 5 } } } }));
await attempt(
  "notOffered",
  start(
    {
      type: "step",
      fonts: [{ familyName: "Inter", files: [{ url: "https://fonts.example/inter.woff2", weight: 400 }] }],
    },
    { customerForm: { submitButton: "Continue" }, paymentOtp: { sendOtpButton: "Send code" } },
  ),
);
said.warnings = window.__warnings.filter((w) => w.includes("is not offered by this SDK"));
result.dataset.json = JSON.stringify(said);
result.textContent = "done";
