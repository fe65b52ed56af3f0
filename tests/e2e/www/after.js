// A native integration that sets the after-the-payment options from the query string
// (`country`, `challengeTimeout`, `redirect`, `issuerForm`; `slowIssuers`: the bank lists
// answer 2 s late, as on a slow network), and shows what `continuePayment()` resolves to
// and what `onError` says.
import { loadSdk, post } from "./page.js";

const query = new URLSearchParams(location.search);
if (query.has("slowIssuers")) {
  const fetch = window.fetch;
  window.fetch = (url, init) =>
    String(url).includes("/v1/issuers") ? new Promise((r) => setTimeout(r, 2000)).then(() => fetch(url, init)) : fetch(url, init);
}
const checkout = await post("/api/checkout", { country: query.get("country") || "BR" });
await loadSdk(checkout.api_url);
const $ = (id) => document.getElementById(id);

const handle = await CheckoutWidget.mount("#root", {
  publicApiKey: checkout.public_api_key,
  checkoutSession: checkout.checkout_session,
  countryCode: checkout.country,
  apiUrl: checkout.api_url,
  language: "en",
  challengeTimeout: query.has("challengeTimeout") ? Number(query.get("challengeTimeout")) : undefined,
  redirect: query.get("redirect") || undefined,
  issuerForm: query.has("issuerForm") ? query.get("issuerForm") == "true" : undefined,
  async onToken(token) {
    await post("/api/payments", { checkout_session: checkout.checkout_session, token });
    $("result").textContent = `continuePayment: ${JSON.stringify(await handle.continuePayment())}`;
  },
  onError(error) {
    $("error").textContent = `${error.code}: ${error.message}`;
  },
});
