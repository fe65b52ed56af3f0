// Hosts the widget, then a frame from a third origin that forges protocol messages to both
// the page and the secure frame. Nothing may react: no token, no error, no reconfiguration.
const post = (url, body) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) =>
    r.json(),
  );
const checkout = await post("/api/checkout", { country: "BR" });
await new Promise((resolve, reject) => {
  const script = document.createElement("script");
  script.src = `${checkout.api_url}/sdk/checkout-widget.js`;
  script.onload = resolve;
  script.onerror = reject;
  document.head.append(script);
});
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
