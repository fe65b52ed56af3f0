// The integration mistakes a developer makes, each made on purpose by an app that bundles the
// SDK (so the SDK is served from this page's own origin, as in any Vite or webpack app), with
// what the widget said: the TypeError `mount` rejected with, or the error `onError` received
// and whether it was also written to the console. The e2e scenario `integration-mistakes`
// reads the results from #result.
import { mount } from "checkout-widget";

const post = (url, body) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) =>
    r.json(),
  );

const warnings = [];
const warn = console.warn.bind(console);
console.warn = (...args) => (warnings.push(args.join(" ")), warn(...args));

const checkout = await post("/api/checkout", { country: "BR" });
const right = {
  publicApiKey: checkout.public_api_key,
  checkoutSession: checkout.checkout_session,
  countryCode: checkout.country,
  apiUrl: checkout.api_url,
  language: "en",
  onToken() {},
};

/**
 * Mounts with `mistake` over the right options (into `where`, if given, instead of a new
 * element): what the developer is told.
 */
async function attempt(mistake, where) {
  const target = document.body.appendChild(document.createElement("div"));
  let handle;
  try {
    const error = await new Promise((resolve, reject) => {
      mount(where ?? target, { ...right, ...mistake, onError: resolve }).then((h) => (handle = h), reject);
      setTimeout(() => resolve(null), 15000);
    });
    const warned = warnings.some((w) => error && w.includes(error.code) && w.includes(error.detail));
    return { code: error?.code, message: error?.message, detail: error?.detail, warned };
  } catch (e) {
    // Nothing is left behind: no secure frame (one starts as soon as the methods come), now
    // or once the methods' request, if one was made, has answered.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { refused: `${e.name}: ${e.message}`, framesLeft: target.querySelectorAll("iframe").length };
  } finally {
    handle?.unmount();
    target.remove();
  }
}

/** Runs `f` while the network fails every language pack's request (as a flaky network would). */
async function withoutPacks(f) {
  const fetch = window.fetch;
  window.fetch = (url, init) => (String(url).includes("/i18n/") ? Promise.reject(new TypeError("Failed to fetch")) : fetch(url, init));
  try {
    return await f();
  } finally {
    window.fetch = fetch;
  }
}

const results = {
  bundledWithoutApiUrl: await attempt({ apiUrl: undefined }),
  apiUrlIsThePage: await attempt({ apiUrl: location.origin }),
  // One option mistake for each way the wasm names one (src/host/options.rs's letters).
  countryAsAName: await attempt({ countryCode: "Brazil" }),
  themeMisspelt: await attempt({ appearance: { theme: "night" } }),
  stepsAsAWord: await attempt({ card: { steps: "yes" } }),
  issuerFormAsAWord: await attempt({ issuerForm: "no" }),
  creditOnlyAsAWord: await attempt({ card: { creditOnly: "yes" } }),
  noSession: await attempt({ checkoutSession: undefined }),
  noOnToken: await attempt({ onToken: undefined }),
  blankPayButton: await attempt({ payButtonText: "  " }),
  numberPayButton: await attempt({ payButtonText: 5 }),
  onReadyNotAFunction: await attempt({ onReady: "ready" }),
  variablesNotAnObject: await attempt({ appearance: { variables: "dark" } }),
  apiUrlNotHttp: await attempt({ apiUrl: "ftp://payments.example" }),
  holderNameMaybe: await attempt({ card: { holderName: "maybe" } }),
  methodsAsAString: await attempt({ paymentMethods: "CARD" }),
  variableNotOurs: await attempt({ appearance: { variables: { color: "red" } } }),
  variableNotAString: await attempt({ appearance: { variables: { "--cw-radius": 6 } } }),
  // The same for `target`.
  targetNowhere: await attempt({}, "#checkout-that-is-not-there"),
  targetNotASelector: await attempt({}, "#checkout[["),
  targetANumber: await attempt({}, 42),
  wrongKey: await attempt({ publicApiKey: "not-the-public-key" }),
  unknownSession: await attempt({ checkoutSession: "0b6e1a32-6d59-4c55-9d4a-9a7ee0f7a1c4" }),
  apiUrlEndsInV1: await attempt({ apiUrl: `${checkout.api_url}/v1` }),
  apiUrlNotTheApi: await attempt({ apiUrl: `${checkout.api_url}/payments` }),
  unreachable: await attempt({ apiUrl: "http://127.0.0.1:9" }),
  packUnreachable: await withoutPacks(() => attempt({ language: "sv" })),
};
const out = document.getElementById("result");
out.dataset.json = JSON.stringify(results);
out.textContent = "done";
