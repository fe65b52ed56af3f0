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

/**
 * Yuno's `OneTimeToken` (`tokenWithInformation`) from what the host knows of the token: the
 * method, and for cards the IIN, last four, brand and expiry (the holder's name stays in the
 * secure frame).
 */
const oneTimeToken = (token, i, save) => ({
  token,
  type: i.type,
  vaulted_token: i.vaultedToken ?? null,
  vault_on_success: !!save && !i.vaultedToken,
  card_data: i.lfd
    ? { iin: i.iin, lfd: i.lfd, brand: i.brand, expiration_month: i.expirationMonth, expiration_year: i.expirationYear }
    : undefined,
  customer: {},
});

/** `Yuno.initialize(publicApiKey)`, resolving to the v1 SDK object. */
export async function initialize(mount, publicApiKey, mountStatus) {
  if (typeof publicApiKey !== "string" || !publicApiKey.trim()) {
    fail("`initialize(publicApiKey)` needs the public API key");
  }
  // What `startCheckout` validated: the options, where to render, the callbacks.
  let opts, selector, actionForm, createPayment, paymentResult, error, methodSelected;
  let handle, mounting, current;

  return {
    async startCheckout(o) {
      if (!o || typeof o !== "object") fail("`startCheckout(options)` needs an object");
      // `renderMode.elementSelector` (or the older `elementSelector`): a selector, or
      // `{ apmForm, actionForm }` (the methods and form render in `apmForm`; what the payment
      // asks after it — 3-D Secure, a PIX code — in `actionForm`, else in a dialog).
      const s = o.renderMode?.elementSelector ?? o.elementSelector;
      const where = typeof s === "string" ? s : s?.apmForm;
      if (typeof where !== "string") {
        fail("option `renderMode.elementSelector` (or `elementSelector`) must be a selector string or { apmForm, actionForm }");
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
      actionForm = s.actionForm;
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
      // Kept: `continuePayment({ showPaymentStatus })` changes it for the payment at hand.
      const mountOptions = (current = {
        // Yuno's `checkoutSession`, `countryCode` and `language` mean what `mount`'s do;
        // `mount` reads only the options it knows.
        ...o,
        publicApiKey,
        card: o.card && typeof o.card === "object" ? { saveCard: !!o.card.cardSaveEnable } : undefined,
        initialPaymentMethod: selection.paymentMethodType
          ? { type: selection.paymentMethodType, vaultedToken: selection.vaultedToken }
          : undefined,
        showPayButton: false,
        // Yuno shows its result screen unless told not to.
        showPaymentStatus: o.showPaymentStatus ?? true,
        actionElement: actionForm,
        onPaymentResult: (r) => paymentResult?.(r.status, r.subStatus),
        onToken: (token, info) => create(token, oneTimeToken(token, info, mountOptions.card?.saveCard)),
        onError: (e) => onError?.(e.message, e),
        onPaymentMethodSelected: (m) => selected?.({ type: m.type, vaulted_token: m.vaultedToken }),
      });
      mounting = mount(selector, mountOptions).then((h) => {
        handle = h;
      });
      return mounting;
    },

    async startPayment() {
      await mounting;
      return handle?.submit();
    },

    // As Yuno's guide calls it, with no status: the SDK reads the payment, shows what it
    // still needs and reports it; resolves to null, or Yuno's redirect object when the page
    // asked for it (`redirect: "return"`). With a status (this SDK's first form): the form
    // comes back after a decline.
    async continuePayment({ status, subStatus, showPaymentStatus } = {}) {
      if (!status) {
        await mounting;
        // Yuno's `showPaymentStatus` here overrides `startCheckout`'s for this payment.
        if (showPaymentStatus !== undefined && current) current.showPaymentStatus = showPaymentStatus;
        const r = await handle?.continuePayment();
        return r?.action ? r : null;
      }
      if (status !== "SUCCEEDED") handle?.continuePayment({ status, subStatus });
      paymentResult?.(status, subStatus);
      return null;
    },

    // The return page's status piece: `{ checkoutSession, countryCode, language,
    // yunoPaymentResult }`; it renders where `elementSelector` says, else at the end of the page.
    mountStatusPayment(o = {}) {
      let where = o.elementSelector || (selector && document.querySelector(selector));
      if (!where) document.body.append((where = document.createElement("div")));
      const result = pick(o, ["yunoPaymentResult", "paymentResult"]);
      const err = pick(o, ["yunoError", "error"]);
      return mountStatus(where, {
        ...o,
        publicApiKey,
        onPaymentResult: (r) => result?.(r.status, r.subStatus),
        onError: (e) => err?.(e.message, e),
      }).then(() => {});
    },

    unmountSdk() {
      handle?.unmount();
      handle = mounting = null;
    },
  };
}
