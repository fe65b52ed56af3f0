// A page written like Yuno's documented v1 example; only the script URL is ours.
import { loadSdk, post } from "./page.js";

// A shopper of its own (the card saved here must not show up in another engine's run).
const checkout = await post("/api/checkout", { country: "BR", customer: `yuno-${crypto.randomUUID()}@example.com` });
await loadSdk(checkout.api_url);

const yuno = await Yuno.initialize(checkout.public_api_key);
yuno.startCheckout({
  checkoutSession: checkout.checkout_session,
  elementSelector: "#root",
  countryCode: "BR",
  language: "en",
  showLoading: true,
  // Yuno's "save card" checkbox in the card form, and the payer's document (CPF in Brazil).
  card: {
    cardSaveEnable: true,
    documentEnable: true,
    // Yuno's guide logs the card form's errors and data.
    onChange: ({ error, data }) => {
      document.getElementById("result").dataset.cardChange = `${error} ${data?.isCardIINLoading}`;
    },
  },
  async yunoCreatePayment(oneTimeToken, tokenWithInformation) {
    // Yuno's OneTimeToken: the card's last four under `card_data.lfd`.
    document.getElementById("result").dataset.card = `${tokenWithInformation.type} ${tokenWithInformation.card_data?.lfd}`;
    // …and the lengths of its number and security code.
    const data = tokenWithInformation.card_data;
    document.getElementById("result").dataset.lengths = `${data?.number_length}/${data?.security_code_length}`;
    // What the shopper chose in that checkbox.
    document.getElementById("result").dataset.vault = `${tokenWithInformation.vault_on_success}`;
    const payment = await post("/api/payments", { checkout_session: checkout.checkout_session, token: oneTimeToken });
    document.getElementById("result").dataset.payment = payment.id;
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
