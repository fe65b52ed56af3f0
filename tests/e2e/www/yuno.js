// A page written like Yuno's documented v1 example; only the script URL is ours.
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

const yuno = await Yuno.initialize(checkout.public_api_key);
yuno.startCheckout({
  checkoutSession: checkout.checkout_session,
  elementSelector: "#root",
  countryCode: "BR",
  language: "en",
  showLoading: true,
  async yunoCreatePayment(oneTimeToken) {
    const payment = await post("/api/payments", { checkout_session: checkout.checkout_session, token: oneTimeToken });
    document.getElementById("result").textContent = payment.status;
    yuno.continuePayment({ status: payment.status, subStatus: payment.sub_status });
  },
  yunoPaymentResult(status) {
    document.getElementById("result").dataset.result = status;
  },
  yunoError(message) {
    document.getElementById("result").textContent = `error: ${message}`;
  },
});
yuno.mountCheckout();
document.getElementById("pay").addEventListener("click", () => yuno.startPayment());
