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

const CSS = `@layer cw {
.cw-steps { display: flex; gap: var(--cw-gap); }
.cw-steps button { font: inherit; font-weight: 600; padding: 8px 16px; cursor: pointer; color: var(--cw-color-accent); background: var(--cw-color-bg); border: 1px solid var(--cw-color-accent); border-radius: var(--cw-radius); }
.cw-steps button:last-child { margin-inline-start: auto; }
.cw-steps button:focus-visible { outline: 3px solid var(--cw-color-accent) !important; outline-offset: 2px !important; }
}`;

/** Adds Back and Next, saying `back` and `next`, to the form shown one field at a time. */
export function start(next, back) {
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
    for (const [b, hidden] of [[backButton, now == 0], [nextButton, now == all.length - 1]]) if (b.hidden != hidden) b.hidden = hidden;
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
