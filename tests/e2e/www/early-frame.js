// The secure frame starts loading as soon as the session's methods come, beside the host's
// wasm. Here the wasm is held until the frame has said hello, so the hello comes before the
// host listens: the checkout must still become ready with that same frame (one request for
// its page), and a checkout whose methods have no card, or that unmounts before the card is
// chosen, must leave no frame behind.
import { loadSdk, newCheckout } from "./page.js";

const late = await newCheckout();
const pix = await newCheckout();
await loadSdk(late.api_url);
const result = { moveBefore: "moveBefore" in Element.prototype };
// Where the frame can start early, the host's wasm is held until the frame has said hello to
// this window: the host must then get that hello again to connect.
const said = new Promise((resolve) =>
  addEventListener("message", (e) => e.source == document.querySelector("#late iframe")?.contentWindow && resolve()),
);
const fetched = window.fetch;
window.fetch = (url, init) =>
  String(url).endsWith("/checkout_bg.wasm") && result.moveBefore
    ? said.then(() => {
        result.helloBeforeWasm = true;
        return fetched(url, init);
      })
    : fetched(url, init);

const frames = () => performance.getEntriesByType("resource").filter((e) => e.name.includes("/sdk/frame.html")).length;
/** Mounts `checkout` into #id: its handle, once ready. */
const mounted = (id, checkout, more) =>
  new Promise((resolve, reject) => {
    let ready;
    const isReady = new Promise((r) => (ready = r));
    CheckoutWidget.mount(`#${id}`, {
      publicApiKey: checkout.public_api_key,
      checkoutSession: checkout.checkout_session,
      countryCode: "BR",
      apiUrl: checkout.api_url,
      language: "en",
      onToken() {},
      onReady: ready,
      ...more,
    }).then((handle) => isReady.then(() => resolve(handle)), reject);
  });

await mounted("late", late);
result.lateFramePages = frames();
const frame = document.querySelector("#late iframe");
result.lateFrameInSlot = frame?.parentElement?.className == "cw-card-slot" && frame.style.display != "none";
result.lateFrames = document.querySelectorAll("#late iframe").length;
await mounted("pix", pix, { paymentMethods: ["PIX"] });
result.pixFrames = document.querySelectorAll("#pix iframe").length;
// PIX first: the frame waits, hidden, for the card to be chosen; unmounting removes it.
const later = await mounted("later", await newCheckout(), { initialPaymentMethod: { type: "PIX" } });
result.laterWaiting = document.querySelectorAll("#later iframe").length;
later.unmount();
result.laterAfterUnmount = document.querySelectorAll("#later iframe").length;
const out = document.getElementById("result");
out.dataset.json = JSON.stringify(result);
out.textContent = "done";
