// checkout-widget for a classic <script> tag: defines window.CheckoutWidget, and window.Yuno and
// window.SdkPayments for pages written against the Yuno Web SDK v1, loading the module and the
// wasm that sit next to this file. No bundler or type="module" needed.
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var loaded;
  function load() {
    loaded = loaded || import(new URL("checkout-widget.mjs", here).href);
    return loaded;
  }
  window.CheckoutWidget = {
    mount: function (target, options) {
      return load().then(function (m) {
        return m.mount(target, options);
      });
    },
  };
  var compat = {
    initialize: function (publicApiKey) {
      return load().then(function (m) {
        return m.initialize(publicApiKey);
      });
    },
  };
  window.Yuno = window.Yuno || compat;
  window.SdkPayments = window.SdkPayments || compat;
})();
