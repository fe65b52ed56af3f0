// The card form's Latin American fields, inside the secure frame: the payer's identity
// document and the installments of the card being typed. The frame's loader fetches this
// module only for a session whose country has them (`src/frame/latam.rs`), and answers for
// the fields until `start` resolves with their handle; the frame's wasm creates the token
// with what the handle's `submit()` gives. The document stays in the frame: it goes to the
// token endpoint only.
//
// The document is formatted as typed (the caret kept in place) and checked by the document
// engine, `checkout-document` compiled to `document_bg.wasm`: the crate the API checks it
// with. The installments are the API's offer for this session and the card's IIN
// (`GET …/installments?iin=`), in the shopper's language and the session's currency; until
// the IIN is known, or when the lookup fails, the select stays hidden and the payment is a
// single one: a lookup never blocks typing or paying.
import init, { check, format, kinds, normalize, numeric } from "./document_glue.js";

const here = (path) => new URL(path, import.meta.url);
/** The words of each of the engine's reasons (`checkout-document-wasm`'s codes). */
const REASONS = [
  "",
  "document_required",
  "document_incomplete",
  "document_too_long",
  "document_invalid_character",
  "document_invalid",
  "document_check_digit",
];

/** The fields' words in `language`, else English. */
async function wordsFor(language) {
  for (const code of [language, "en"]) {
    try {
      const r = await fetch(here(`i18n/latam/${code}.json`), { signal: AbortSignal.timeout(10000) });
      if (r.ok) return await r.json();
    } catch {}
  }
  throw new Error("the words of the document and installment fields could not be loaded");
}

/** An element with attributes and children. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** A labelled control in the form's markup (`.cw-field`, `.cw-input`). */
const field = (id, text, control, ...after) =>
  el("div", { class: "cw-field" }, el("label", { for: id }, text), el("div", { class: "cw-input" }, control), ...after);

/**
 * Adds the fields to the card form and resolves with their handle.
 * settings: { country, document: "required" | "optional" | "hidden", apiUrl, session, key }.
 */
export async function start(settings) {
  const { country, document: mode, apiUrl, session, key } = settings;
  // The language the form is shown in (the wasm sets it on the document).
  const language = document.documentElement.lang || "en";
  // The document engine only for a form that asks for the document.
  const asks = mode === "required" || mode === "optional";
  const [t] = await Promise.all([wordsFor(language), asks && init({ module_or_path: here("document_bg.wasm") })]);
  const form = document.querySelector(".cw-form");
  const before = form.querySelector(".cw-save");
  // The form hears an `input` event from these fields as a change, and reads their state.
  const changed = () => form.dispatchEvent(new Event("input", { bubbles: true }));
  const fill = (text, values) => text.replace(/\{(count|amount|total)\}/g, (_, k) => values[k]);
  // Enter in the document field pays, as in the card's: the form's submit goes to the wasm.
  // (Not in the selects: there Enter may still be choosing an option.)
  const enter = (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      if (form.requestSubmit) form.requestSubmit();
      else form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  };

  // The document: a type picker where the country has several, then the number.
  const types = asks ? kinds(country) : [];
  const optional = mode === "optional";
  let type = types[0];
  const input = el("input", {
    id: "cw-document",
    type: "text",
    autocomplete: "off",
    spellcheck: "false",
    maxlength: "24",
    "aria-describedby": "cw-document-error",
    "aria-invalid": "false",
  });
  // Said when it shows (on blur), not only when the field is next focused.
  const error = el("p", { id: "cw-document-error", class: "cw-error", "aria-live": "polite" });
  const number = field("cw-document", "", input, error);
  const label = number.firstChild;
  const picker = types.length > 1 ? el("select", { id: "cw-document-type" }, ...types.map((c) => el("option", { value: c }, c))) : null;
  /** The engine's reason code for what is typed (0: acceptable; nothing is fine if optional). */
  const reason = () => {
    const r = check(country, type, input.value);
    return r === 1 && optional ? 0 : r;
  };
  /** Shows (or clears) the error; returns the reason. */
  const show = () => {
    const r = reason();
    error.textContent = r ? (t[REASONS[r]] ?? t.document_invalid) : "";
    input.setAttribute("aria-invalid", String(r !== 0));
    return r;
  };
  // Next, one field at a time (frame-steps.mjs): not while the document is not right.
  input.addEventListener("cw-check", (e) => show() && e.preventDefault());
  const reformat = () => {
    const at = input.selectionStart ?? input.value.length;
    const [text, caret] = format(country, type, input.value, at);
    if (text !== input.value) input.value = text;
    if (document.activeElement === input) input.setSelectionRange(caret, caret);
  };
  // Digits, dots and dashes read left to right in a right-to-left form too (as the card's).
  input.dir = "ltr";
  if (document.documentElement.dir === "rtl") input.style.textAlign = "right";
  const setType = (code) => {
    type = code;
    input.inputMode = numeric(country, code) ? "numeric" : "text";
    label.textContent = t.document_number + (picker ? "" : ` (${code})`) + (optional ? ` ${t.optional}` : "");
  };
  // (The field's own `input` event then reaches the form.)
  const edited = () => {
    reformat();
    if (error.textContent) show();
  };
  if (types.length) {
    setType(type);
    form.insertBefore(picker ? el("div", { class: "cw-row" }, field("cw-document-type", t.document_type, picker), number) : number, before);
    input.addEventListener("input", edited);
    input.addEventListener("keydown", enter);
    input.addEventListener("blur", () => input.value && show());
    picker?.addEventListener("input", () => {
      setType(picker.value);
      edited();
    });
  }

  // The installments: hidden until the card's IIN has an offer of more than one payment.
  const select = el("select", { id: "cw-installments" });
  const plans = field("cw-installments", t.installments, select);
  plans.hidden = true;
  form.insertBefore(plans, before);
  // Amounts in the form's language as written in the session's country (`pt-BR`), else as the
  // language writes them; an offer that cannot be written (an unknown currency) is not shown.
  let locale;
  try {
    locale = new Intl.Locale(language, { region: country }).toString();
  } catch {
    locale = language;
  }
  const money = (value, currency) => new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(value));
  const words = (o) => {
    const { currency, value, total_value } = o.amount;
    const amount = money(value, currency);
    const total = money(total_value, currency);
    if (o.installment === 1) return fill(t.single_payment, { amount: total });
    // Mexico's "meses sin intereses" are monthly by name.
    if (o.interest_free) return fill(country === "MX" ? t.interest_free_monthly : t.interest_free, { count: o.installment, amount });
    return fill(t.with_interest, { count: o.installment, amount, total });
  };
  /** The offer's options as `[count, words]`, or null when it offers no choice. */
  const readOffer = (body) => {
    try {
      const list = (Array.isArray(body?.installments) ? body.installments : [])
        .filter((o) => Number.isInteger(o?.installment) && o.installment >= 1 && o.installment <= 48)
        .slice(0, 48)
        .map((o) => [o.installment, words(o)]);
      return typeof body.id == "string" && body.id && list.length > 1 ? { id: body.id, list } : null;
    } catch {
      return null;
    }
  };
  let offer = null;
  // The shopper's choice, kept while the offer is asked again for more digits.
  let chosen = 1;
  let asked = "";
  let lookups = 0;
  let lookup = Promise.resolve();
  select.addEventListener("input", () => (chosen = Number(select.value)));
  const render = () => {
    const list = offer?.list ?? [];
    select.replaceChildren(...list.map(([n, text]) => el("option", { value: String(n) }, text)));
    // A single payment unless the shopper chose otherwise in an offer that still has it.
    const pick = list.find(([n]) => n === chosen) ?? list.find(([n]) => n === 1) ?? list[0];
    if (pick) select.value = String(pick[0]);
    plans.hidden = !offer;
    changed();
  };
  const ask = async (value, mine) => {
    const url = `${apiUrl.replace(/\/+$/, "")}/v1/checkout/sessions/${encodeURIComponent(session)}/installments?iin=${value}`;
    let found = null;
    try {
      const r = await fetch(url, { headers: { "public-api-key": key }, signal: AbortSignal.timeout(10000) });
      if (r.ok) found = readOffer(await r.json());
    } catch {}
    if (mine !== lookups) return;
    offer = found;
    render();
  };
  /** The card's IIN changed: its offer is asked for (the last one shows meanwhile). */
  const iin = (value) => {
    if (value === asked) return;
    asked = value;
    const mine = ++lookups;
    if (/^\d{6,8}$/.test(value)) {
      lookup = ask(value, mine);
    } else {
      offer = null;
      render();
    }
  };
  const installments = () => (offer && Number(select.value)) || 1;
  // Once the loader holds the handle, the form reads the fields' state.
  setTimeout(changed);

  return {
    /** The card's IIN so far (`""`: too few digits); answers `installments × 2 + complete`. */
    state(value) {
      iin(value);
      return installments() * 2 + (!types.length || reason() === 0 ? 1 : 0);
    },
    /** Shows what is wrong, leaving the focus where it is. */
    show() {
      if (types.length) show();
    },
    busy(on) {
      input.readOnly = on;
      select.disabled = on;
      if (picker) picker.disabled = on;
    },
    clear() {
      input.value = "";
      error.textContent = "";
      input.setAttribute("aria-invalid", "false");
      // (A lookup under way is then stale.)
      lookups++;
      asked = "";
      chosen = 1;
      offer = null;
      render();
    },
    /**
     * What the token request carries, or null after showing what is wrong (focused). A shopper
     * who chose installments waits (at most 5 s) for the offer of the card's latest digits, so
     * the choice paid is the one shown; a single payment goes at once.
     */
    async submit() {
      if (types.length && show()) {
        input.focus();
        return null;
      }
      if (chosen > 1) await Promise.race([lookup, new Promise((r) => setTimeout(r, 5000))]);
      const n = installments();
      return {
        payer: types.length && input.value ? { document: { document_type: type, document_number: normalize(country, type, input.value) } } : undefined,
        installment: n > 1 ? { id: offer.id, value: n } : undefined,
      };
    },
  };
}
