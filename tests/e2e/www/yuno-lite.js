// A page written like Yuno's Lite checkout demo (yuno-payments/yuno-sdk-web,
// vanilla/static/checkout-lite.js): the listener for `sdk-payments-ready` first, then the SDK
// script; `SdkPayments.initialize`, the newer callback names, `mountCheckoutLite` and
// `continuePayment()`. Only the script URL and the demo's api.js helpers (here, the demo
// merchant's backend) are ours.
import { loadSdk, post } from "./page.js";

const checkout = await post("/api/checkout", { country: "BR" });
const getCheckoutSession = async () => checkout;
const getPublicApiKey = async () => checkout.public_api_key;
const createPayment = ({ oneTimeToken, checkoutSession }) =>
  post("/api/payments", { checkout_session: checkoutSession, token: oneTimeToken });
const result = document.getElementById("result");

async function initCheckoutLite() {
  const { checkout_session: checkoutSession, country: countryCode } = await getCheckoutSession();
  const PAYMENT_METHOD_TYPE = "CARD";
  const VAULTED_TOKEN = null;
  const publicApiKey = await getPublicApiKey();
  const yuno = await SdkPayments.initialize(publicApiKey);
  await yuno.startCheckout({
    checkoutSession,
    elementSelector: "#root",
    countryCode,
    language: "es",
    async createPayment(oneTimeToken) {
      await createPayment({ oneTimeToken, checkoutSession });
      yuno.continuePayment();
    },
    paymentResult(data) {
      result.textContent = `paymentResult ${data}`;
    },
    error: (error) => {
      result.textContent = `There was an error ${error}`;
    },
    onLoading: (args) => {
      result.dataset.loading = JSON.stringify(args);
    },
  });
  yuno.mountCheckoutLite({ paymentMethodType: PAYMENT_METHOD_TYPE, vaultedToken: VAULTED_TOKEN });
}

window.addEventListener("sdk-payments-ready", initCheckoutLite);
loadSdk(checkout.api_url);
