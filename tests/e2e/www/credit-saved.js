// A merchant that charges cards as credit only (`card.creditOnly`), and a returning shopper
// with a saved debit card: the first checkout saves the card (the merchant's server asks with
// `vault_on_success`); the second, credit only, offers it first and must refuse it, saying why.
import { loadSdk, post } from "./page.js";

const customer = `credit-saved-${crypto.randomUUID()}@example.com`;
const result = document.getElementById("result");
const first = await post("/api/checkout", { country: "BR", customer });
await loadSdk(first.api_url);
const base = (c) => ({
  publicApiKey: c.public_api_key,
  checkoutSession: c.checkout_session,
  countryCode: c.country,
  apiUrl: c.api_url,
  language: "en",
});
const saving = await CheckoutWidget.mount("#widget", {
  ...base(first),
  async onToken(token) {
    const payment = await post("/api/payments", { checkout_session: first.checkout_session, token, vault_on_success: true });
    result.dataset.saved = payment.status;
    saving.unmount();
    const second = await post("/api/checkout", { country: "BR", customer });
    await CheckoutWidget.mount("#widget", {
      ...base(second),
      card: { creditOnly: true },
      onToken() {
        result.dataset.token = "made";
      },
      onError(e) {
        result.dataset.error = e.code;
      },
      onReady() {
        result.textContent = "second checkout";
      },
    });
  },
});
