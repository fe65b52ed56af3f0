// Yuno's card enrollment (`mountEnrollmentLite`): a customer saves a card without paying. The
// card form mounts on the customer session the merchant's server created, with its own "Save
// card" button; the API verifies the card when its token is made and, approved, saves it for
// the customer. The page is told with `yunoEnrollmentStatus({ status, vaultedToken })`.
// (Fetched by the Yuno layer only when a page mounts an enrollment.)

import { adopt, creditOnly, el, fail, loader, modal, pick, placement } from "./yuno-compat.mjs";

// The button's and the message's look (a constructed stylesheet: `style-src 'self'` holds).
let sheet;

/**
 * Mounts the enrollment `o` (Yuno's `MountEnrollmentLiteArgs`) with the native `mount`.
 * `live()` says whether it is still the SDK's latest mount; `close()` unmounts the SDK.
 * Returns `{ mounted, unmount }`.
 */
export function enroll(mount, publicApiKey, o, live, close) {
  for (const name of ["customerSession", "countryCode"]) {
    if (typeof o[name] != "string" || !o[name]) {
      const hint = name == "customerSession" ? " (the `customer_session` your server created with POST /v1/customers/sessions)" : "";
      fail(`\`mountEnrollmentLite\` needs option \`${name}\`${hint}`);
    }
  }
  const told = pick(o, ["yunoEnrollmentStatus"]);
  const onError = pick(o, ["yunoError", "error"]);
  for (const name of ["onLoading", "onRendered", "onOneTimeTokenCreationStart"]) pick(o, [name]);
  const cardOptions = { creditOnly: creditOnly(o.card) };
  // Yuno's default here is the modal.
  const { inModal, where } = placement(o, true);
  const api = (o.apiUrl || new URL(import.meta.url).origin).replace(/\/+$/, "");
  let handle, dialog;
  // Closing the dialog before the card is saved is the shopper giving up (Yuno's
  // `CANCELED_BY_USER`); while a card is being verified, the outcome decides.
  let done = false;
  let verifying = false;
  const canceled = () => onError?.("CANCELED_BY_USER", { code: "CANCELED_BY_USER", message: "the shopper closed the enrollment" });
  if (inModal) {
    dialog = modal(
      api,
      () => {
        if (!live()) return dialog.drop();
        close();
        if (!done && !verifying) canceled();
      },
      "enroll_title",
      "Save a card",
    );
  }
  const target = dialog?.body || document.querySelector(where);
  if (!target) fail(`option \`renderMode.elementSelector\`: no element matches "${where}"`);

  let words = {};
  const button = el("button", { type: "button", class: "cw-yuno-enroll" }, "Save card");
  const note = el("p", { class: "cw-yuno-note" });
  note.hidden = true;
  note.tabIndex = -1;
  // Shown and focused: the button or the form the focus was in is going.
  const say = (text, role) => {
    note.textContent = text;
    note.setAttribute("role", role);
    note.hidden = false;
    if (!note.isConnected) target.append(note);
    note.focus();
  };
  button.addEventListener("click", async () => {
    if (button.getAttribute("aria-disabled") == "true") return;
    button.setAttribute("aria-disabled", "true");
    note.hidden = true;
    o.onOneTimeTokenCreationStart?.();
    o.onLoading?.({ isLoading: true, type: "ONE_TIME_TOKEN" });
    try {
      await handle?.submit();
    } finally {
      button.removeAttribute("aria-disabled");
    }
  });

  // The session's enrollment as the API has it (its status, and the vaulted token once saved);
  // a 404 means `customerSession` is not a customer session.
  const enrollment = () =>
    fetch(`${api}/v1/checkout/customers/sessions/${encodeURIComponent(o.customerSession)}/payment-methods`, {
      headers: { "public-api-key": publicApiKey },
    }).then(async (r) => {
      if (r.status == 404) {
        const why = "option `customerSession` is not a customer session of this `publicApiKey`'s account (create it with POST /v1/customers/sessions; a checkout session goes to `startCheckout`)";
        throw Object.assign(new TypeError("checkout-widget: " + why), { mistake: true });
      }
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return (await r.json()).payment_methods?.find((m) => m.type == "CARD");
    });
  // The card was verified when its token was made: how it went (asked up to three times,
  // 0.4 s and 1.2 s apart, while the network fails).
  const verified = async () => {
    for (let delay = 400; ; delay *= 3) {
      try {
        return await enrollment();
      } catch (e) {
        if (e.mistake || delay > 1200) throw e;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  };

  const onToken = async () => {
    verifying = true;
    if (o.showLoading ?? true) loader(target, true);
    let card;
    try {
      card = await verified();
    } catch (e) {
      // Unknown: the card may be saved. The form stays; the page hears why.
      onError?.("ENROLLMENT_STATUS_UNKNOWN", { code: "ENROLLMENT_STATUS_UNKNOWN", message: `the card's enrollment status could not be read: ${e.message}` });
    }
    verifying = false;
    loader(target, false);
    o.onLoading?.({ isLoading: false, type: "ONE_TIME_TOKEN" });
    if (!card) return;
    const status = card.status;
    done = status == "ENROLLED";
    const result = { status, vaultedToken: card.vaulted_token ?? undefined };
    // Closed meanwhile: the page hears the outcome all the same (saved, or given up).
    if (!live()) return done ? told?.(result) : canceled();
    handle?.unmount();
    handle = null;
    if (done) {
      button.remove();
      if (o.showPaymentStatus ?? true) say(words.enrolled || "Your card has been saved.", "status");
    } else {
      // The form comes back, cleared, for another card.
      say(words.enroll_failed || "This card could not be saved. Try another card.", "alert");
      show().catch((e) => onError?.(e.message, e));
    }
    told?.(result);
  };

  const show = () =>
    mount(target, {
      checkoutSession: o.customerSession,
      countryCode: o.countryCode,
      language: o.language,
      apiUrl: o.apiUrl,
      publicApiKey,
      paymentMethods: ["CARD"],
      card: cardOptions,
      showPayButton: false,
      onReady: () => o.onRendered?.(),
      onToken,
      onError: (e) => onError?.(e.message, e),
    }).then((h) => {
      if (!live()) return h.unmount();
      handle = h;
      target.append(note, button);
    });

  // A checkout session's id here is a mistake to name, not a card to save.
  const checked = enrollment().then(
    () => {},
    (e) => e.mistake && e,
  );
  adopt();
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      ".cw-yuno-enroll{display:block;width:100%;margin-top:12px;font:600 16px system-ui,sans-serif;padding:12px 16px;border:0;border-radius:6px;background:#2563eb;color:#fff;cursor:pointer}" +
        ".cw-yuno-enroll[aria-disabled=true]{opacity:.6;cursor:progress}.cw-yuno-enroll:focus-visible{outline:3px solid #2563eb;outline-offset:2px}" +
        ".cw-yuno-note{margin:12px 0 0;font:16px system-ui,sans-serif}.cw-yuno-note[role=alert]{color:#b42318}",
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const mounted = show().then(async () => {
    const mistake = await checked;
    if (mistake) {
      close();
      throw mistake;
    }
    if (!live()) return;
    // The button and the dialog speak the checkout's language (as the widget picked it).
    const root = target.querySelector(".cw-checkout");
    const lang = root?.lang || "en";
    button.lang = note.lang = lang;
    const { prepare } = await import("./actions.mjs");
    words = (await (dialog ? dialog.name(lang, root?.dir) : prepare(api, lang))) || {};
    // Yuno's `card.texts.cardForm.enrollmentSubmitButton`, else the words of the language.
    const label = o.card?.texts?.cardForm?.enrollmentSubmitButton || words.enroll_button;
    if (label && live()) button.textContent = label;
  });

  return {
    mounted,
    unmount() {
      handle?.unmount();
      handle = null;
      loader(target, false);
      button.remove();
      note.remove();
      dialog?.drop();
    },
  };
}
