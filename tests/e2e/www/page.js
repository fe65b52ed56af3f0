// What the test pages share: the demo merchant's API and the SDK's script tag.

/** POSTs JSON to the demo merchant backend. */
export const post = (url, body) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) =>
    r.json(),
  );

/** A new checkout session (steps 1–2 on the merchant's server). */
export const newCheckout = () => post("/api/checkout", { country: "BR" });

/** Loads checkout-widget.js from the payment origin with a script tag. */
export const loadSdk = (apiUrl) =>
  new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = `${apiUrl}/sdk/checkout-widget.js`;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
