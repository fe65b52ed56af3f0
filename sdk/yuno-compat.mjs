// Compatibility with the Yuno Web SDK v1 integration: a page written against Yuno's documented
// example runs unchanged but for the script URL. It maps Yuno's calls and callbacks onto
// `mount()`; the merchant's own button calls `startPayment()`. (Loaded only by `initialize`,
// so it is written small: it counts against the host's size budget on that path.)

const fail = (message) => {
  throw new TypeError("checkout-widget: " + message);
};

/** The callback under the first of `names` the options give (Yuno's name, then the newer). */
function pick(options, names) {
  const name = names.find((n) => options[n] !== undefined);
  const f = name && options[name];
  if (name && typeof f !== "function") fail(`option \`${name}\` must be a function`);
  return f;
}

/** `Yuno.initialize(publicApiKey)`, resolving to the v1 SDK object. */
export async function initialize(mount, publicApiKey) {
  if (typeof publicApiKey !== "string" || !publicApiKey.trim()) {
    fail("`initialize(publicApiKey)` needs the public API key");
  }
  // What `startCheckout` validated: the options, where to render, the callbacks.
  let opts, selector, createPayment, paymentResult, error, methodSelected;
  let handle, mounting;

  return {
    startCheckout(o) {
      if (!o || typeof o !== "object") fail("`startCheckout(options)` needs an object");
      // `elementSelector`: a selector, or `{ apmForm, actionForm }` (everything renders in
      // `apmForm`).
      const s = o.elementSelector;
      const where = typeof s === "string" ? s : s?.apmForm;
      if (typeof where !== "string") {
        fail("option `elementSelector` must be a selector string or { apmForm, actionForm }");
      }
      const create = pick(o, ["yunoCreatePayment", "createPayment"]);
      if (!create) fail("option `yunoCreatePayment` (or `createPayment`) is required");
      const callbacks = [
        pick(o, ["yunoPaymentResult", "paymentResult"]),
        pick(o, ["yunoError", "error"]),
        pick(o, ["yunoPaymentMethodSelected", "paymentMethodSelected"]),
      ];
      opts = o;
      selector = where;
      createPayment = create;
      [paymentResult, error, methodSelected] = callbacks;
    },

    async mountCheckout(selection = {}) {
      if (!opts) fail("call `startCheckout` before `mountCheckout`");
      handle?.unmount();
      const o = opts;
      const create = createPayment;
      const onError = error;
      const selected = methodSelected;
      mounting = mount(selector, {
        // Yuno's `checkoutSession`, `countryCode` and `language` mean what `mount`'s do;
        // `mount` reads only the options it knows.
        ...o,
        publicApiKey,
        card: o.card && typeof o.card === "object" ? { saveCard: !!o.card.cardSaveEnable } : undefined,
        initialPaymentMethod: selection.paymentMethodType
          ? { type: selection.paymentMethodType, vaultedToken: selection.vaultedToken }
          : undefined,
        showPayButton: false,
        onToken: (token, info) => create(token, { ...info, token }),
        onError: (e) => onError?.(e.message, e),
        onPaymentMethodSelected: (m) => selected?.({ type: m.type, vaulted_token: m.vaultedToken }),
      }).then((h) => (handle = h));
      return mounting;
    },

    async startPayment() {
      await mounting;
      return handle?.submit();
    },

    continuePayment({ status, subStatus } = {}) {
      if (status !== "SUCCEEDED") handle?.continuePayment({ status: status || "DECLINED", subStatus });
      if (status) paymentResult?.(status, subStatus);
    },

    unmountSdk() {
      handle?.unmount();
      handle = mounting = null;
    },
  };
}
