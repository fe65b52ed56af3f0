// A page written like Yuno's documented v1 example; only the script URL is ours.
import { loadSdk, newCheckout, post } from "./page.js";


const checkout = await newCheckout();
await loadSdk(checkout.api_url);

const yuno = await Yuno.initialize(checkout.public_api_key);
yuno.startCheckout({
  checkoutSession: checkout.checkout_session,
  elementSelector: "#root",
  countryCode: "BR",
  language: "en",
  showLoading: true,
  async yunoCreatePayment(oneTimeToken, tokenWithInformation) {
    // Yuno's OneTimeToken: the card's last four under `card_data.lfd`.
    document.getElementById("result").dataset.card = `${tokenWithInformation.type} ${tokenWithInformation.card_data?.lfd}`;
    await post("/api/payments", { checkout_session: checkout.checkout_session, token: oneTimeToken });
    // Yuno's guide: always, with no argument; the SDK does the rest.
    yuno.continuePayment();
  },
  yunoPaymentMethodSelected({ type, name }) {
    document.getElementById("result").dataset.selected = `${type} ${name}`;
  },
  yunoPaymentResult(status) {
    document.getElementById("result").textContent = `result: ${status}`;
  },
  yunoError(message) {
    document.getElementById("result").textContent = `error: ${message}`;
  },
});
yuno.mountCheckout();
document.getElementById("pay").addEventListener("click", () => yuno.startPayment());
