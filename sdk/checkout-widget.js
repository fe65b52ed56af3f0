// checkout-widget for a classic <script> tag: defines window.CheckoutWidget, loading the
// module and the wasm that sit next to this file. No bundler or type="module" needed.
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
})();
