// Compatibility with the Yuno Web SDK v1 integration: a page written against Yuno's documented
// example runs unchanged but for the script URL. It maps Yuno's calls and callbacks onto
// `mount()`; the merchant's own button calls `startPayment()`.

function pick(options, names) {
  for (const name of names) if (typeof options[name] === "function") return options[name];
  for (const name of names) {
    if (options[name] !== undefined) throw new TypeError(`checkout-widget: option \`${name}\` must be a function`);
  }
  return undefined;
}

function selectorOf(elementSelector) {
  if (typeof elementSelector === "string") return elementSelector;
  if (elementSelector && typeof elementSelector === "object") {
    // `{ apmForm, actionForm }`: the methods and forms render in `apmForm`.
    if (typeof elementSelector.apmForm === "string") return elementSelector.apmForm;
  }
  throw new TypeError("checkout-widget: option `elementSelector` must be a selector string or { apmForm, actionForm }");
}

/** `Yuno.initialize(publicApiKey)`, resolving to the v1 SDK object. */
export function initialize(mount, publicApiKey) {
  if (typeof publicApiKey !== "string" || publicApiKey.trim() === "") {
    return Promise.reject(new TypeError("checkout-widget: `initialize(publicApiKey)` needs the public API key"));
  }
  let options = null;
  let handle = null;
  let mounting = null;

  const sdk = {
    startCheckout(opts) {
      if (!opts || typeof opts !== "object") throw new TypeError("checkout-widget: `startCheckout(options)` needs an object");
      const createPayment = pick(opts, ["yunoCreatePayment", "createPayment"]);
      if (!createPayment) throw new TypeError("checkout-widget: option `yunoCreatePayment` (or `createPayment`) is required");
      options = {
        selector: selectorOf(opts.elementSelector),
        checkoutSession: opts.checkoutSession,
        countryCode: opts.countryCode,
        language: opts.language,
        apiUrl: opts.apiUrl,
        card: opts.card && typeof opts.card === "object" ? { saveCard: Boolean(opts.card.cardSaveEnable) } : undefined,
        createPayment,
        paymentResult: pick(opts, ["yunoPaymentResult", "paymentResult"]),
        error: pick(opts, ["yunoError", "error"]),
        methodSelected: pick(opts, ["yunoPaymentMethodSelected", "paymentMethodSelected"]),
      };
    },

    mountCheckout(selection = {}) {
      if (!options) return Promise.reject(new TypeError("checkout-widget: call `startCheckout` before `mountCheckout`"));
      handle?.unmount();
      const o = options;
      const initialPaymentMethod = selection.paymentMethodType
        ? { type: selection.paymentMethodType, vaultedToken: selection.vaultedToken }
        : undefined;
      mounting = mount(o.selector, {
        publicApiKey,
        checkoutSession: o.checkoutSession,
        countryCode: o.countryCode,
        language: o.language,
        apiUrl: o.apiUrl,
        card: o.card,
        initialPaymentMethod,
        showPayButton: false,
        onToken: (token, info) => o.createPayment(token, { ...info, token }),
        onError: (e) => o.error?.(e.message, e),
        onPaymentMethodSelected: (m) => o.methodSelected?.({ type: m.type, vaulted_token: m.vaultedToken }),
      }).then((h) => (handle = h));
      return mounting;
    },

    async startPayment() {
      await mounting;
      return handle?.submit();
    },

    continuePayment(result = {}) {
      const status = result.status || "DECLINED";
      if (status === "SUCCEEDED") {
        options?.paymentResult?.(status, result.subStatus);
        return;
      }
      handle?.continuePayment({ status, subStatus: result.subStatus });
      if (result.status) options?.paymentResult?.(status, result.subStatus);
    },

    unmountSdk() {
      handle?.unmount();
      handle = null;
      mounting = null;
    },
  };
  return Promise.resolve(sdk);
}
