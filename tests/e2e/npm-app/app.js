// A tiny merchant app that imports the widget from npm, bundled by esbuild, Vite and webpack 5
// (build.mjs): proves the package works in each with no plugin.
import { mount } from "checkout-widget";

const json = (url, body) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) =>
    r.json(),
  );

const checkout = await json("/api/checkout", { country: "BR" });
await mount("#widget", {
  publicApiKey: checkout.public_api_key,
  checkoutSession: checkout.checkout_session,
  countryCode: checkout.country,
  apiUrl: checkout.api_url,
  language: "en",
  async onToken(token) {
    const payment = await json("/api/payments", { checkout_session: checkout.checkout_session, token });
    document.getElementById("result").textContent = payment.status;
  },
});
