// The demo merchant page: steps 1–2 through its own backend (which holds the secret key),
// step 3 with the widget loaded by a script tag from the payment origin, step 4 through the
// backend again, and the webhook log. Server text is written with textContent only.

const $ = (id) => document.getElementById(id);
let handle = null;
let pendingPayment = null;
let paymentId = null;

async function json(url, options = {}) {
  const res = await fetch(url, {
    ...options,
    headers: { "content-type": "application/json", ...(options.headers || {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.messages?.join(" ") || `HTTP ${res.status}`);
  return body;
}

function loadSdk(api) {
  if (window.CheckoutWidget) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = `${api}/sdk/checkout-widget.js`;
    script.onload = resolve;
    script.onerror = () => reject(new Error("the widget script did not load"));
    document.head.append(script);
  });
}

$("buy").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const save = form.get("save") === "on";
  $("result").textContent = "";
  $("complete").hidden = true;
  try {
    const checkout = await json("/api/checkout", {
      method: "POST",
      body: JSON.stringify({ country: form.get("country"), customer: form.get("customer") }),
    });
    $("session").textContent = `Session ${checkout.checkout_session}`;
    $("checkout").hidden = false;
    await loadSdk(checkout.api_url);
    handle?.unmount();
    handle = await window.CheckoutWidget.mount("#widget", {
      publicApiKey: checkout.public_api_key,
      checkoutSession: checkout.checkout_session,
      countryCode: checkout.country,
      language: form.get("language") || undefined,
      apiUrl: checkout.api_url,
      // Where the country has them (BR, MX, AR, CO…): CPF, RFC, DNI… checked as typed.
      card: {
        saveCard: save,
        document: form.get("document") === "on" ? "required" : "hidden",
        steps: form.get("steps") === "on",
      },
      showPaymentStatus: true,
      async onToken(token) {
        const payment = await json("/api/payments", {
          method: "POST",
          // (The token carries the shopper's "Save this card" choice: nothing to add here.)
          body: JSON.stringify({ checkout_session: checkout.checkout_session, token }),
        });
        paymentId = payment.id;
        $("result").textContent = `Payment ${payment.id}: ${payment.status} / ${payment.sub_status}`;
        if (payment.status === "PENDING") {
          pendingPayment = payment.id;
          $("complete").hidden = false;
        }
        // As Yuno's guide does: the widget reads the payment, shows what it still needs
        // (3-D Secure, a PIX code, a voucher, the bank's page) and reports the result.
        handle.continuePayment();
      },
      onPaymentResult({ status, subStatus }) {
        $("result").textContent = `Payment ${paymentId}: ${status} / ${subStatus}`;
        if (status !== "PENDING") $("complete").hidden = true;
      },
      onError(error) {
        $("result").textContent = `${error.code}: ${error.message}`;
      },
    });
  } catch (e) {
    $("result").textContent = `Could not start the checkout: ${e.message}`;
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
        const li = document.createElement("li");
        const sig = w.signature_valid ? "signature ok" : "BAD SIGNATURE";
        li.textContent = `${w.received_at} ${w.event?.type_event} ${p.id} ${p.status}/${p.sub_status} (${sig})`;
        return li;
      }),
    );
  } catch {
    // Best effort: the next poll tries again.
  }
}
refreshWebhooks();
setInterval(refreshWebhooks, 2000);
