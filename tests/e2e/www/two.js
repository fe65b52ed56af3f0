// Two widgets on one page, each with its own session: tokens must never cross.
import { loadSdk, newCheckout, post } from "./page.js";

const [a, b] = await Promise.all([newCheckout(), newCheckout()]);
await loadSdk(a.api_url);
for (const [name, checkout] of [["a", a], ["b", b]]) {
  await CheckoutWidget.mount(`#${name}`, {
    publicApiKey: checkout.public_api_key,
    checkoutSession: checkout.checkout_session,
    countryCode: "BR",
    apiUrl: checkout.api_url,
    language: "en",
    async onToken(token) {
      const payment = await post("/api/payments", { checkout_session: checkout.checkout_session, token });
      document.getElementById(`result-${name}`).textContent = payment.status;
    },
  });
}
