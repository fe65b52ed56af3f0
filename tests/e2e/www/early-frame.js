// The secure frame starts loading as soon as the session's methods come, beside the host's
// wasm. Here the wasm comes 1.5 s late, so the frame has long said hello before the host
// listens: the checkout must still become ready with that same frame (one request for its
// page), and a checkout whose methods have no card must leave no frame behind.
import { loadSdk, newCheckout } from "./page.js";

const late = await newCheckout();
const pix = await newCheckout();
await loadSdk(late.api_url);
const fetched = window.fetch;
window.fetch = (url, init) =>
  String(url).endsWith("/checkout_bg.wasm")
    ? new Promise((resolve) => setTimeout(resolve, 1500)).then(() => fetched(url, init))
    : fetched(url, init);

const frames = () => performance.getEntriesByType("resource").filter((e) => e.name.includes("/sdk/frame.html")).length;
const mounted = (id, checkout, more) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    CheckoutWidget.mount(`#${id}`, {
      publicApiKey: checkout.public_api_key,
      checkoutSession: checkout.checkout_session,
      countryCode: "BR",
      apiUrl: checkout.api_url,
      language: "en",
      onToken() {},
      onReady: () => resolve(performance.now() - started),
      ...more,
    }).catch(reject);
  });

const result = { moveBefore: "moveBefore" in Element.prototype };
// Where the browser can move it, the frame is there (hidden) while the wasm is still on its way.
setTimeout(() => (result.lateStartedBeforeWasm = !!document.querySelector("#late iframe[hidden]")), 1000);
result.lateReadyMs = Math.round(await mounted("late", late));
result.lateFramePages = frames();
const frame = document.querySelector("#late iframe");
result.lateFrameInSlot = frame?.parentElement?.className == "cw-card-slot" && !frame.hidden;
result.lateFrames = document.querySelectorAll("#late iframe").length;
await mounted("pix", pix, { paymentMethods: ["PIX"] });
result.pixFrames = document.querySelectorAll("#pix iframe").length;
const out = document.getElementById("result");
out.dataset.json = JSON.stringify(result);
out.textContent = "done";
