// The page the bank's or wallet's page sends the shopper back to: the widget's status piece
// reads the session's payment and shows its result (Yuno's `mountStatusPayment`).

const session = new URLSearchParams(location.search).get("checkout_session");
const config = await fetch("/api/config").then((r) => r.json());
const script = document.createElement("script");
script.src = `${config.api_url}/sdk/checkout-widget.js`;
await new Promise((resolve, reject) => {
  script.onload = resolve;
  script.onerror = () => reject(new Error("the widget script did not load"));
  document.head.append(script);
});
await window.CheckoutWidget.mountStatus("#status", {
  publicApiKey: config.public_api_key,
  checkoutSession: session,
  apiUrl: config.api_url,
  onPaymentResult({ status, subStatus }) {
    document.getElementById("result").textContent = `Payment: ${status} / ${subStatus}`;
  },
  onError(error) {
    document.getElementById("result").textContent = `${error.code}: ${error.message}`;
  },
});
