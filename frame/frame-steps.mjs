// The card form one field at a time (`card.steps`; Yuno's `card.type: "step"`): Back and Next.
// The secure frame fetches this module only for a form that asks for it, so no other card
// form pays for it.
//
// A step is a shown `.cw-field` of the form (the Latin American fields included), in document
// order. The current one has `data-now`; the wasm has set `data-steps` on the document, under
// which frame.css keeps the others out of sight but focusable, so whatever moves the focus to
// a field — Tab, the form moving on once a field is filled, an error found at payment, Back
// and Next — makes it the current step. Next (and Enter in a field, but on the last step,
// where Enter pays as it always does) first asks the field whether it is right: a cancelable
// `cw-check` event, which the form (and the document field) cancels when it is not, showing
// and saying why.
//
// The merchant may label the buttons of the card's own steps (`card.steps` as an object, Yuno's
// `card.texts.cardStepper`): `{ number: { next }, expiry: { back, next }, cvc: …, holderName: … }`.
// A label must be a string of at most 40 characters with a letter or a digit and no control,
// format or unassigned character (no invisible, bidi-reordered or empty name); anything else is
// named in a console warning and the button keeps the form's own words.

/** The card's steps, by their control's id: the names their labels go under. */
const STEPS = { "cw-number": "number", "cw-expiry": "expiry", "cw-cvc": "cvc", "cw-holder": "holderName" };

/** Whether `text` can label a button: see above. */
const label = (text) => typeof text == "string" && [...text].length <= 40 && /[\p{L}\p{N}]/u.test(text) && !/\p{C}/u.test(text);

/** The merchant's labels that are usable, by step and button; a warning names the others. */
function usable(labels) {
  const out = {};
  if (!labels || typeof labels != "object") return out;
  const bad = [];
  for (const [step, buttons] of Object.entries(labels)) {
    if (!Object.values(STEPS).includes(step) || !buttons || typeof buttons != "object") {
      bad.push(`card.steps.${step} (not a step of the card form: ${Object.values(STEPS).join(", ")})`);
      continue;
    }
    for (const [button, text] of Object.entries(buttons)) {
      if ((button == "back" || button == "next") && label(text)) (out[step] ||= {})[button] = text;
      else bad.push(`card.steps.${step}.${button} (a label is "back" or "next": at most 40 characters, with a letter or a digit, and none invisible)`);
    }
  }
  if (bad.length) console.warn(`checkout-widget: ignored, the buttons keep the form's words: ${bad.join("; ")}`);
  return out;
}

const CSS = `@layer cw {
.cw-steps { display: flex; gap: var(--cw-gap); }
.cw-steps button { font: inherit; font-weight: 600; padding: 8px 16px; cursor: pointer; color: var(--cw-color-accent); background: var(--cw-color-bg); border: 1px solid var(--cw-color-accent); border-radius: var(--cw-radius); }
.cw-steps button:last-child { margin-inline-start: auto; }
.cw-steps button:focus-visible { outline: 3px solid var(--cw-color-accent) !important; outline-offset: 2px !important; }
}`;

/**
 * Adds Back and Next, saying `back` and `next` (or the merchant's `labels`, for the card's own
 * steps), to the form shown one field at a time.
 */
export function start(next, back, labels) {
  const own = usable(labels);
  const form = document.querySelector(".cw-form");
  if (!form || form.querySelector(".cw-steps")) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const steps = () => [...form.querySelectorAll(".cw-field:not([hidden])")];
  const control = (step) => step?.querySelector("input, select");
  const button = (text, forward) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.onclick = () => go(forward);
    return b;
  };
  const [backButton, nextButton] = [button(back, false), button(next, true)];
  const bar = document.createElement("div");
  bar.className = "cw-steps";
  bar.append(backButton, nextButton);
  form.insertBefore(bar, form.querySelector(".cw-form-error"));

  /** Makes `field` the current step (if it is one), and shows the buttons that lead somewhere. */
  const show = (field) => {
    const all = steps();
    const now = all.indexOf(field);
    if (now < 0) return;
    all.forEach((step, i) => step.toggleAttribute("data-now", i == now));
    // (Set only when it changes: a set attribute is a mutation, which calls this again.)
    const mine = own[STEPS[control(field)?.id]] || {};
    for (const [b, hidden, text] of [
      [backButton, now == 0, mine.back || back],
      [nextButton, now == all.length - 1, mine.next || next],
    ]) {
      if (b.hidden != hidden) b.hidden = hidden;
      if (b.textContent != text) b.textContent = text;
    }
  };
  /** Back or Next: the focus goes to that step's control, which makes it current. */
  const go = (forward) => {
    const all = steps();
    const now = all.findIndex((step) => step.hasAttribute("data-now"));
    const here = control(all[now]);
    if (forward && here && !here.dispatchEvent(new Event("cw-check", { bubbles: true, cancelable: true }))) return here.focus();
    control(all[now + (forward ? 1 : -1)])?.focus();
  };

  form.addEventListener("focusin", (e) => show(e.target.closest(".cw-field")));
  // Enter in a field is Next until the last step; caught first, so the form's own Enter (pay)
  // is not told. (Not in a select, where Enter may still be choosing, nor while an input
  // method is composing.)
  form.addEventListener(
    "keydown",
    (e) => {
      if (e.key == "Enter" && !e.isComposing && e.target.matches(".cw-field input") && !nextButton.hidden) {
        e.preventDefault();
        e.stopPropagation();
        go(true);
      }
    },
    true,
  );
  // Fields that come later (the document, installments) or change their mode: the buttons
  // follow, and a current step that is hidden gives way to the first.
  new MutationObserver(() => show(form.querySelector("[data-now]:not([hidden])") || steps()[0])).observe(form, {
    childList: true,
    subtree: true,
    attributeFilter: ["hidden"],
  });
  // Where the shopper (or autofill) already is, else the first field.
  const here = document.activeElement?.closest(".cw-field");
  show(steps().includes(here) ? here : steps()[0]);
}
