// Hosts the widget, then a frame from a third origin that forges protocol messages to both
// the page and the secure frame. Nothing may react: no token, no error, no reconfiguration.
import { loadSdk, newCheckout } from "./page.js";

const checkout = await newCheckout();
await loadSdk(checkout.api_url);
await CheckoutWidget.mount("#widget", {
  publicApiKey: checkout.public_api_key,
  checkoutSession: checkout.checkout_session,
  countryCode: "BR",
  apiUrl: checkout.api_url,
  language: "en",
  onToken(token) {
    document.getElementById("result").textContent = `TOKEN ${token}`;
  },
  onError(e) {
    document.getElementById("errors").textContent = `ERROR ${e.code}`;
  },
  onReady() {
    // The third origin: the same server under another host name.
    const hostile = document.createElement("iframe");
    hostile.title = "hostile";
    hostile.src = `${location.protocol}//localhost:${location.port}/hostile-frame.html`;
    document.body.append(hostile);
  },
});
