// A merchant labelling the buttons of the card form shown one field at a time (`card.steps` as
// an object), with labels the secure frame must use and labels it must drop (and say so).
import { loadSdk, newCheckout } from "./page.js";

const checkout = await newCheckout();
await loadSdk(checkout.api_url);
await CheckoutWidget.mount("#widget", {
  publicApiKey: checkout.public_api_key,
  checkoutSession: checkout.checkout_session,
  countryCode: checkout.country,
  apiUrl: checkout.api_url,
  language: "es",
  card: {
    steps: {
      number: { next: "Continuar" },
      expiry: { back: "x".repeat(41), next: "Al código" },
      cvc: { next: 5 },
      holderName: { next: "\u200b" },
      pin: { next: "Seguir" },
    },
  },
  onToken() {},
  onReady() {
    document.getElementById("result").textContent = "ready";
  },
});
