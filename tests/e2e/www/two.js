// Two widgets on one page, each with its own session: tokens must never cross.
const post = (url, body) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) =>
    r.json(),
  );
const [a, b] = await Promise.all([post("/api/checkout", { country: "BR" }), post("/api/checkout", { country: "BR" })]);
await new Promise((resolve, reject) => {
  const script = document.createElement("script");
  script.src = `${a.api_url}/sdk/checkout-widget.js`;
  script.onload = resolve;
  script.onerror = reject;
  document.head.append(script);
});
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
