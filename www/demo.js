// The demo merchant page: steps 1–2 through its own backend (which holds the secret key),
// the payment methods and an alternative-method payment, and the webhook log.
// Everything from a server is written with textContent, never as HTML.

const $ = (id) => document.getElementById(id);
let checkout = null;
let pendingPayment = null;

async function json(url, options = {}) {
  const res = await fetch(url, {
    ...options,
    headers: { "content-type": "application/json", ...(options.headers || {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.messages?.join(" ") || `HTTP ${res.status}`);
  return body;
}

function item(text) {
  const li = document.createElement("li");
  li.textContent = text;
  return li;
}

$("buy").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  $("result").textContent = "";
  try {
    checkout = await json("/api/checkout", {
      method: "POST",
      body: JSON.stringify({ country: form.get("country"), customer: form.get("customer") }),
    });
    const { currency, value } = checkout.amount;
    const price = new Intl.NumberFormat(undefined, { style: "currency", currency }).format(value);
    $("session").textContent = `Session ${checkout.checkout_session} for ${price}.`;
    const methods = await json(
      `${checkout.api_url}/v1/checkout/sessions/${checkout.checkout_session}/payment-methods`,
      { headers: { "public-api-key": checkout.public_api_key } },
    );
    $("methods").replaceChildren(...methods.map((m) => item(`${m.name} (${m.type})`)));
    const apm = methods.find((m) => m.type !== "CARD");
    $("apm").disabled = !apm;
    $("apm").dataset.type = apm ? apm.type : "";
    $("apm").textContent = apm ? `Pay with ${apm.name}` : "No alternative method in this country";
    $("frame").src = `${checkout.api_url}/sdk/frame.html`;
    $("checkout").hidden = false;
  } catch (e) {
    $("result").textContent = `Could not start the checkout: ${e.message}`;
  }
});

$("apm").addEventListener("click", async () => {
  try {
    const token = await json(
      `${checkout.api_url}/v1/checkout/sessions/${checkout.checkout_session}/token`,
      {
        method: "POST",
        headers: { "public-api-key": checkout.public_api_key, "x-idempotency-key": crypto.randomUUID() },
        body: JSON.stringify({ payment_method: { type: $("apm").dataset.type } }),
      },
    );
    const payment = await json("/api/payments", {
      method: "POST",
      body: JSON.stringify({ checkout_session: checkout.checkout_session, token: token.token }),
    });
    pendingPayment = payment.id;
    $("result").textContent = `Payment ${payment.id}: ${payment.status} / ${payment.sub_status}`;
    $("complete").hidden = payment.status !== "PENDING";
  } catch (e) {
    $("result").textContent = `Payment failed: ${e.message}`;
  }
});

$("complete").addEventListener("click", async () => {
  try {
    const payment = await json(`/api/payments/${pendingPayment}/complete`, { method: "POST" });
    $("result").textContent = `Payment ${payment.id}: ${payment.status} / ${payment.sub_status}`;
    $("complete").hidden = true;
  } catch (e) {
    $("result").textContent = `Could not complete: ${e.message}`;
  }
});

async function refreshWebhooks() {
  try {
    const log = await json("/api/webhooks");
    $("webhooks").replaceChildren(
      ...log.map((w) => {
        const p = w.event?.data?.payment || {};
        const sig = w.signature_valid ? "signature ok" : "BAD SIGNATURE";
        return item(`${w.received_at} ${w.event?.type_event} ${p.id} ${p.status}/${p.sub_status} (${sig})`);
      }),
    );
  } catch {
    // The log is best effort; the next poll tries again.
  }
}
refreshWebhooks();
setInterval(refreshWebhooks, 2000);
