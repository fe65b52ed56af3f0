// Compatibility with the Yuno Web SDK v1 integration: a page written against Yuno's documented
// example runs unchanged but for the script URL. It maps Yuno's calls and callbacks onto
// `mount()`; the merchant's own button calls `startPayment()`. (Loaded only by `initialize`,
// so it is written small: it counts against the host's size budget on that path.)

export const fail = (message) => {
  throw new TypeError("checkout-widget: " + message);
};

/** Yuno's `card.texts.cardForm.paymentSubmitButton`, checked under its own name. */
const paySubmitText = (t) =>
  t === undefined || (typeof t == "string" && t.trim())
    ? t
    : fail("option `card.texts.cardForm.paymentSubmitButton` must be a non-empty string");

/**
 * Yuno's `card.texts.cardStepper` (its step buttons' labels) as the native `card.steps` labels,
 * each checked under its own name; `true` (the form's words) without any.
 */
const stepLabels = (stepper) => {
  const labels = {};
  for (const [yuno, step] of [["numberCardStep", "number"], ["expirationDateStep", "expiry"], ["cvvStep", "cvc"], ["cardHolderNameStep", "holderName"]])
    for (const [button, native] of [["prevButton", "back"], ["nextButton", "next"]]) {
      const text = stepper?.[yuno]?.[button];
      if (text === undefined) continue;
      if (typeof text != "string" || !text.trim() || [...text].length > 40)
        fail(`option \`card.texts.cardStepper.${yuno}.${button}\` must be a non-empty string of at most 40 characters`);
      (labels[step] ||= {})[native] = text;
    }
  return Object.keys(labels).length ? labels : true;
};

/** Yuno's `card.isCreditCardProcessingOnly`, checked under its own name: the native `card.creditOnly`. */
export const creditOnly = (card) =>
  [undefined, true, false].includes(card?.isCreditCardProcessingOnly)
    ? card?.isCreditCardProcessingOnly
    : fail("option `card.isCreditCardProcessingOnly` must be a boolean");

/**
 * Yuno's options for what this SDK does not have: a wrong value is refused; a right one is
 * said in the console, with what the shopper gets instead (the page still works).
 */
const unoffered = (o) => {
  const type = o.card?.type;
  if (type !== undefined && type !== "extends" && type !== "step") fail('option `card.type` must be "extends" or "step"');
  for (const [given, option, what, instead] of [
    [o.card?.fonts, "`card.fonts`", "fonts loaded into the card form", "the form keeps its own font"],
    [o.texts?.customerForm, "`texts.customerForm`", "the customer data form", "its texts are not shown"],
    [o.texts?.paymentOtp, "`texts.paymentOtp`", "the one-time password form", "its texts are not shown"],
  ])
    if (given) console.warn(`checkout-widget: ${option} (${what}) is not offered by this SDK: ${instead}`);
};

/** The callback under the first of `names` the options give (Yuno's name, then the newer). */
export function pick(options, names) {
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
const oneTimeToken = (token, i, credit) => ({
  token,
  type: i.type,
  vaulted_token: i.vaultedToken ?? null,
  vault_on_success: !!i.saveCard, // the shopper's tick in the card form (cardSaveEnable)
  // Yuno's fields; the holder's name stays in the secure frame, and the sandbox knows no
  // issuer or category. The card type is known under `isCreditCardProcessingOnly`: the API
  // charges the card as credit or makes no token.
  card_data: i.lfd
    ? {
        holder_name: "",
        iin: i.iin ?? "",
        lfd: i.lfd,
        number_length: i.numberLength ?? 0,
        security_code_length: i.securityCodeLength ?? 0,
        brand: i.brand ?? "",
        issuer_name: "",
        issuer_code: null,
        category: null,
        type: credit ? "CREDIT" : "",
        expiration_month: i.expirationMonth,
        expiration_year: i.expirationYear,
      }
    : undefined,
  // (The payer's document, `card.documentEnable`, stays in the secure frame: the token carries
  // it to the API, and the payment has it.)
  customer: {},
});

let sheet;

/**
 * The Yuno layer's own look, a constructed stylesheet (it works under `style-src 'self'`): the
 * loader's spinner and the modal dialog.
 */
export function adopt() {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(
    ".cw-yuno-busy{position:relative}.cw-yuno-busy::after{content:'';position:absolute;inset:0;background:rgb(255 255 255/.7) no-repeat center/32px;" +
      "background-image:radial-gradient(circle,#2563eb 40%,transparent 42%);animation:cw-pulse 1s infinite alternate}" +
      "@keyframes cw-pulse{to{opacity:.4}}" +
      "dialog.cw-yuno-modal{border:0;border-radius:10px;padding:0;width:min(480px,96vw);max-height:96vh}" +
      "dialog.cw-yuno-modal::backdrop{background:rgb(0 0 0/.5)}" +
      ".cw-yuno-modal header{display:flex;justify-content:space-between;align-items:center;padding:10px 14px;border-bottom:1px solid #e5e7eb}" +
      ".cw-yuno-modal h2{font-size:1.1em;margin:0}.cw-yuno-modal header button{background:none;border:0;font-size:1.4em;padding:0 6px;cursor:pointer}" +
      ".cw-yuno-body{padding:14px}",
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * Yuno's loader: over the checkout from the token's creation until `hideLoader()` or
 * `continuePayment()` (its `showLoading`, default true). Busy for assistive technology.
 */
export function loader(where, on) {
  const el = typeof where == "string" ? document.querySelector(where) : where;
  if (!el) return;
  adopt();
  el.classList.toggle("cw-yuno-busy", on);
  el.setAttribute("aria-busy", on);
}

/** An element with attributes and children. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/**
 * Yuno's `renderMode: { type: "modal" }`: a modal dialog for the checkout (focus trapped, the
 * page inert), open at once. Closing it (its button, Escape) calls `onClose`. Its name and
 * close button are English until `name(language)` gives them the checkout's language (the
 * action module's words, fetched then, off the checkout's first paint).
 */
export function modal(api, onClose, title = "checkout_title", text = "Payment") {
  adopt();
  const heading = el("h2", { id: `cw-yuno-modal-${Math.random().toString(36).slice(2)}` }, text);
  const close = el("button", { type: "button", "aria-label": "Close" }, "×");
  const body = el("div", { class: "cw-yuno-body" });
  const dialog = el("dialog", { class: "cw-yuno-modal", "aria-labelledby": heading.id }, el("header", {}, heading, close), body);
  // Escape, like the button, is the shopper closing it (the key too, for engines whose dialog
  // does not cancel on it).
  const cancel = (e) => (e?.preventDefault(), onClose());
  dialog.addEventListener("cancel", cancel);
  dialog.addEventListener("keydown", (e) => e.key == "Escape" && cancel(e));
  close.addEventListener("click", () => onClose());
  document.body.append(dialog);
  dialog.showModal();
  return {
    body,
    async name(language, dir) {
      dialog.lang = language;
      dialog.dir = dir || "ltr";
      try {
        const { prepare } = await import("./actions.mjs");
        const t = await Promise.race([prepare(api, language), new Promise((r) => setTimeout(r, 10000))]);
        if (t?.[title]) heading.textContent = t[title];
        if (t?.close) close.setAttribute("aria-label", t.close);
        return t;
      } catch {}
    },
    // Closed first, so the focus goes back where it was.
    drop() {
      if (dialog.open) dialog.close();
      dialog.remove();
    },
  };
}

/**
 * Where `o` renders: `renderMode.elementSelector` (or the older `elementSelector`), a selector
 * or `{ apmForm, actionForm }` (the form in `apmForm`; what the payment asks after it — 3-D
 * Secure, a PIX code — in `actionForm`, else in a dialog); or, with `renderMode: { type:
 * "modal" }` (the default where `modal` says so), in a dialog, which needs no element.
 */
export function placement(o, modal) {
  const type = o.renderMode?.type ?? (modal ? "modal" : "element");
  if (type !== "modal" && type !== "element") fail('option `renderMode.type` must be "modal" or "element"');
  const s = o.renderMode?.elementSelector ?? o.elementSelector;
  const where = typeof s === "string" ? s : s?.apmForm;
  if (typeof where !== "string" && !(type == "modal" && (s === undefined || typeof s === "object"))) {
    fail("option `renderMode.elementSelector` (or `elementSelector`) must be a selector string or { apmForm, actionForm }");
  }
  return { inModal: type == "modal", where, actionForm: s?.actionForm };
}

/** What Yuno's SDK offers and this one does not: each method rejects, naming the feature. */
const NOT_OFFERED = {
  "seamless mode": "startSeamlessCheckout mountSeamlessCheckout mountSeamlessCheckoutLite",
  "external wallet buttons":
    "mountExternalButtons unmountExternalButton unmountAllExternalButtons mountSeamlessExternalButtons unmountSeamlessExternalButtons unmountSeamlessExternalButton",
  "fraud SDKs": "mountFraud executeFraudCheck",
  "secure fields": "secureFields",
  "Click to Pay": "clickToPay",
};

/** `Yuno.initialize(publicApiKey)`, resolving to the v1 SDK object. */
export async function initialize(mount, publicApiKey, mountStatus) {
  if (typeof publicApiKey !== "string" || !publicApiKey.trim()) {
    fail("`initialize(publicApiKey)` needs the public API key");
  }
  // What `startCheckout` validated: the options, where to render, the callbacks.
  let opts, selector, actionForm, createPayment, paymentResult, error, methodSelected;
  // Yuno's modal render mode: the dialog the checkout shows in, while it is open.
  let dialog;
  // The mounted checkout, its promise, its options and what it was mounted with.
  let handle, mounting, current, last, status;
  // Which mount is the latest: one that resolves after another began (or after
  // `unmountSdk`) is unmounted at once, so two never share the element.
  let generation = 0;
  // The card enrollment mounted (`mountEnrollmentLite`), while it is.
  let enrolling;

  const sdk = {
    async startCheckout(o) {
      if (!o || typeof o !== "object") fail("`startCheckout(options)` needs an object");
      // `renderMode.elementSelector` (or the older `elementSelector`): a selector, or
      // `{ apmForm, actionForm }` (the methods and form render in `apmForm`; what the payment
      // asks after it — 3-D Secure, a PIX code — in `actionForm`, else in a dialog).
      // `renderMode: { type: "modal" }`: in a dialog, which needs no element.
      const { where, actionForm: action } = placement(o, false);
      const create = pick(o, ["yunoCreatePayment", "createPayment"]);
      if (!create) fail("option `yunoCreatePayment` (or `createPayment`) is required");
      const callbacks = [
        pick(o, ["yunoPaymentResult", "paymentResult"]),
        pick(o, ["yunoError", "error"]),
        pick(o, ["yunoPaymentMethodSelected", "paymentMethodSelected", "onPaymentMethodSelected"]),
      ];
      for (const name of ["onLoading", "onRendered", "onOneTimeTokenCreationStart"]) pick(o, [name]);
      if (![undefined, true, false].includes(o.issuersFormEnable)) fail("option `issuersFormEnable` must be a boolean");
      creditOnly(o.card);
      stepLabels(o.card?.texts?.cardStepper);
      if (o.card?.onChange !== undefined && typeof o.card.onChange != "function") fail("option `card.onChange` must be a function");
      unoffered(o);
      opts = o;
      selector = where;
      actionForm = action;
      createPayment = create;
      [paymentResult, error, methodSelected] = callbacks;
    },

    async mountCheckout(selection = {}) {
      if (!opts) fail("call `startCheckout` before `mountCheckout`");
      last = selection;
      const mine = ++generation;
      handle?.unmount();
      handle = null;
      const o = opts;
      const { inModal } = placement(o, false);
      dialog?.drop();
      dialog = null;
      if (inModal) {
        const api = (o.apiUrl || new URL(import.meta.url).origin).replace(/\/+$/, "");
        // A stale dialog's close (after another mount) only closes it.
        const d = modal(api, () => (dialog === d ? sdk.unmountSdk() : d.drop()));
        dialog = d;
        selector = d.body;
      }
      const create = createPayment;
      const onError = error;
      const selected = methodSelected;
      let installments = 1;
      // Kept: `continuePayment({ showPaymentStatus })` changes it for the payment at hand.
      const mountOptions = (current = {
        // Yuno's `checkoutSession`, `countryCode` and `language` mean what `mount`'s do;
        // `mount` reads only the options it knows.
        ...o,
        publicApiKey,
        card:
          o.card && typeof o.card === "object"
            ? {
                saveCard: !!o.card.cardSaveEnable,
                steps: o.card.type == "step" && stepLabels(o.card.texts?.cardStepper),
                holderName: o.card.hideCardholderName ? "hidden" : undefined,
                styles: o.card.styles || undefined,
                document: o.card.documentEnable ? "required" : undefined,
                creditOnly: creditOnly(o.card),
              }
            : undefined,
        initialPaymentMethod: selection.paymentMethodType
          ? { type: selection.paymentMethodType, vaultedToken: selection.vaultedToken }
          : undefined,
        payButtonText: paySubmitText(o.card?.texts?.cardForm?.paymentSubmitButton),
        // The bank list before the token (PSE's), as Yuno's default.
        issuerForm: o.issuersFormEnable ?? true,
        // Lite shows its one method (or its one saved card); the full checkout, what
        // `showOnlyThesePaymentMethods` lists.
        paymentMethods: selection.lite
          ? [selection.vaultedToken || selection.paymentMethodType]
          : o.showOnlyThesePaymentMethods,
        // The full checkout is paid from the merchant's button (`startPayment`); Lite shows
        // the form's own, as Yuno's does, unless told otherwise; so does the modal (the page
        // behind it cannot be used).
        showPayButton: o.showPayButton ?? (!!selection.lite || inModal),
        onReady: () => o.onRendered?.(),
        onChange: (c) => {
          // Yuno's `card.onChange({ error, data })`: whether the card form shows an error. (Not
          // its `data.cardIIN`, the IIN's issuer lookup: the IIN stays in the secure frame.)
          o.card?.onChange?.({ error: c.errors.length > 0, data: { isCardIINLoading: false, isInstallmentLoading: false, cardConfig: null } });
          // The number of installments the shopper picked, when it changes (1: a single payment).
          if (c.installment !== installments) {
            installments = c.installment;
            o.card?.onInstallmentSelected?.({ installment: installments });
          }
        },
        // Yuno shows its result screen unless told not to.
        showPaymentStatus: o.showPaymentStatus ?? true,
        actionElement: actionForm,
        // `automaticallyUnmount`: the SDK goes once the payment's result is known.
        onPaymentResult: (r) => {
          paymentResult?.(r.status, r.subStatus);
          if (o.automaticallyUnmount && mine === generation) sdk.unmountSdk();
        },
        onToken: (token, info) => {
          if (o.showLoading ?? true) loader(selector, true);
          o.onLoading?.({ isLoading: false, type: "ONE_TIME_TOKEN" });
          // The loader goes with a payment that could not be created.
          return Promise.resolve(create(token, oneTimeToken(token, info, o.card?.isCreditCardProcessingOnly))).catch((e) => {
            loader(selector, false);
            throw e;
          });
        },
        onError: (e) => {
          loader(selector, false);
          onError?.(e.message, e);
        },
        // Yuno's `{ type, name }`.
        onPaymentMethodSelected: (m) => selected?.({ type: m.type, name: m.name, vaulted_token: m.vaultedToken }),
      });
      const shown = dialog;
      mounting = mount(selector, mountOptions).then((h) => {
        if (mine === generation) handle = h;
        else h.unmount();
        // The dialog speaks the checkout's language (as the widget picked it).
        const root = shown?.body.querySelector(".cw-checkout");
        if (root && mine === generation) shown.name(root.lang, root.dir);
      });
      return mounting;
    },

    async startPayment() {
      await mounting;
      opts.onOneTimeTokenCreationStart?.();
      opts.onLoading?.({ isLoading: true, type: "ONE_TIME_TOKEN" });
      return handle?.submit();
    },

    // Lite: one method, chosen by the merchant's own list; its form's pay button shows.
    mountCheckoutLite({ paymentMethodType, vaultedToken } = {}) {
      if (typeof paymentMethodType != "string" || !paymentMethodType) {
        fail("`mountCheckoutLite({ paymentMethodType })` needs the method's type, e.g. \"CARD\"");
      }
      return sdk.mountCheckout({ paymentMethodType, vaultedToken: vaultedToken ?? undefined, lite: true });
    },

    // Lite's pay-button-less form: what the form's button would do.
    submitOneTimeTokenForm() {
      return sdk.startPayment();
    },

    // The shopper pays again under a new session (after a failed payment): the checkout is
    // mounted anew for it, on the same method.
    async updateCheckoutSession(checkoutSession) {
      if (typeof checkoutSession != "string" || !checkoutSession) fail("`updateCheckoutSession(checkoutSession)` needs the new session's id");
      if (!opts) fail("call `startCheckout` before `updateCheckoutSession`");
      opts = { ...opts, checkoutSession };
      if (mounting) await sdk.mountCheckout(last);
    },

    async showLoader() {
      loader(selector, true);
    },

    async hideLoader() {
      loader(selector, false);
    },

    // A rejected payment (Yuno's older retry): the form is free again, with the error shown.
    async notifyError() {
      loader(selector, false);
      await mounting;
      handle?.continuePayment({ status: "ERROR" });
    },

    // As Yuno's guide calls it, with no status: the SDK reads the payment, shows what it
    // still needs and reports it; resolves to null, or Yuno's redirect object when the page
    // asked for it (`redirect: "return"`). With a status (this SDK's first form): the form
    // comes back after a decline.
    async continuePayment({ status, subStatus, showPaymentStatus } = {}) {
      loader(selector, false);
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
      let where =
        o.elementSelector ||
        (typeof selector == "string" ? document.querySelector(selector) : selector?.isConnected ? selector : null);
      if (!where) document.body.append((where = document.createElement("div")));
      const result = pick(o, ["yunoPaymentResult", "paymentResult"]);
      const err = pick(o, ["yunoError", "error"]);
      return mountStatus(where, {
        ...o,
        publicApiKey,
        onPaymentResult: (r) => result?.(r.status, r.subStatus),
        onError: (e) => err?.(e.message, e),
      }).then((shown) => {
        status = shown;
      });
    },

    // Yuno's card enrollment (Lite): its own module, fetched when a page mounts one.
    async mountEnrollmentLite(o = {}) {
      sdk.unmountSdk();
      const mine = generation;
      const { enroll } = await import("./yuno-enrollment.mjs");
      if (mine !== generation) return;
      enrolling = enroll(mount, publicApiKey, o, () => mine === generation, () => sdk.unmountSdk());
      await enrolling.mounted;
    },

    unmountSdk() {
      generation++;
      enrolling?.unmount();
      enrolling = null;
      loader(selector, false);
      status?.unmount();
      handle?.unmount();
      handle = mounting = status = null;
      dialog?.drop();
      dialog = null;
    },
  };
  for (const [feature, names] of Object.entries(NOT_OFFERED)) {
    for (const name of names.split(" ")) {
      sdk[name] = async () => {
        throw new Error(`checkout-widget: \`${name}\` (${feature}) is not offered by this SDK; use \`startCheckout\` and \`mountCheckout\` (or \`mountCheckoutLite\`)`);
      };
    }
  }
  return sdk;
}
