// checkout-widget for a classic <script> tag: defines window.CheckoutWidget, and window.Yuno and
// window.SdkPayments for pages written against the Yuno Web SDK v1, loading the module and the
// wasm that sit next to this file. No bundler or type="module" needed.
(() => {
  const here = document.currentScript?.src;
  if (!here) return;
  let loaded;
  // Each entry point loads the module (once) and calls its namesake there.
  const call =
    (name) =>
    (...args) =>
      (loaded ||= import(new URL("checkout-widget.mjs", here))).then((m) => m[name](...args));
  window.CheckoutWidget = { mount: call("mount"), mountStatus: call("mountStatus") };
  const compat = { initialize: call("initialize") };
  window.Yuno ||= compat;
  window.SdkPayments ||= compat;
  // What pages written for Yuno's SDK wait for before `initialize` (both names, as Yuno's).
  for (const name of ["yuno-sdk-ready", "sdk-payments-ready"]) dispatchEvent(new Event(name));
})();
