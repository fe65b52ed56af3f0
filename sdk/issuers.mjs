// A method's issuer (bank) list, before its token: PSE's banks (Yuno's `issuersFormEnable`,
// the native `issuerForm`). Shown under the method's row once the shopper chooses it, and sent
// as the token's `detail.issuer_id`, so the bank's page opens at the shopper's own bank. Its
// own module: the JS entry imports it only when a method other than a card is chosen, so a
// card payment never fetches it. Its words come with the action module's
// (`/sdk/i18n/actions/`).

/** Per method slot: its list (`<select>`) once built, null for a method without issuers. */
const lists = new WeakMap();
/** The slots whose list is still being asked for. */
const pending = new WeakSet();

const CSS =
  ".cw-issuer{display:grid;gap:4px}" +
  ".cw-issuer label{font-weight:600}" +
  ".cw-issuer select{font:inherit;padding:10px 12px;border:1px solid var(--cw-color-border);border-radius:var(--cw-radius);background:var(--cw-color-bg);color:var(--cw-color-text)}" +
  ".cw-issuer select:focus-visible{outline:3px solid var(--cw-color-accent);outline-offset:2px}" +
  ".cw-issuer select[aria-invalid=true]{border-color:var(--cw-color-error)}" +
  ".cw-issuer p{margin:0;color:var(--cw-color-error)}.cw-issuer p:empty{display:none}";
let sheet;

/** An element with attributes and children. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/**
 * Shows the bank list of the method of `row` (a method row of the checkout, `data-type` its
 * type) in the slot under it, if the method has one: built once, then shown while the row's
 * radio is checked. Never rejects (a list that could not be had is asked for again at the
 * next choice; meanwhile the token goes without a bank). `api` and `options` are the
 * checkout's; its words are in the checkout's language (`lang` on its root).
 */
export async function show(row, api, options) {
  const slot = row.nextElementSibling;
  let list = lists.get(slot);
  if (!list) {
    pending.add(slot);
    list = build(row, slot, api, options)
      .catch(() => lists.delete(slot) && undefined)
      .finally(() => pending.delete(slot));
    lists.set(slot, list);
  }
  // (Shown only if the shopper has not chosen another method meanwhile.)
  if (await list) slot.hidden = !row.querySelector("input").checked;
}

/**
 * The token's `detail` for the method of `row`: `{ issuer_id }`, null while no bank is chosen
 * (the list says so and takes the focus), undefined without a list. Synchronous: the checkout
 * asks it as the shopper pays.
 */
export function detail(row) {
  const slot = row.nextElementSibling;
  const select = slot?.querySelector(".cw-issuer select");
  // Still being asked for: no bank yet, and no token (the shopper pays again once it shows).
  if (!select) return pending.has(slot) ? null : undefined;
  if (select.value) return { issuer_id: select.value };
  select.setAttribute("aria-invalid", "true");
  select.nextElementSibling.textContent = select.options[0].text;
  // (Not at once: the checkout is asking, and a focus event's handler could call it back.)
  setTimeout(() => select.focus());
  return null;
}

/** Asks the API for the issuers of the method of `row` and, if it has some, adds their list to `slot`. */
async function build(row, slot, api, options) {
  const query = new URLSearchParams({
    checkout_session: options.checkoutSession,
    country_code: options.countryCode,
    payment_method: row.dataset.type,
  });
  const answer = await fetch(`${api}/v1/issuers?${query}`, {
    headers: { "public-api-key": options.publicApiKey },
    signal: AbortSignal.timeout(15e3),
  }).then((r) => (r.ok ? r.json() : Promise.reject(r.status)));
  const banks = answer?.issuers;
  if (!Array.isArray(banks) || !banks.length) return null;
  // The words only for a method that has banks.
  const words = await import("./actions.mjs").then((m) => m.prepare(api, row.closest("[lang]").lang));
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  // English when not even the English words could be fetched.
  const t = { bank: "Bank", choose_bank: "Choose your bank", ...words };
  const id = `cw-issuer-${Math.random().toString(36).slice(2)}`;
  const select = el(
    "select",
    // (Not `required`: the merchant's own <form> around the checkout must not be held by it.)
    { id, "aria-required": "true", "aria-describedby": `${id}-why` },
    el("option", { value: "" }, t.choose_bank),
    ...banks.map((b) => el("option", { value: String(b.id) }, String(b.name))),
  );
  const why = el("p", { id: `${id}-why`, role: "alert" });
  // (Its `change` stays here: the checkout reads any `change` below it as a method's radio.)
  select.addEventListener("change", (e) => {
    e.stopPropagation();
    select.removeAttribute("aria-invalid");
    why.textContent = "";
  });
  slot.append(el("div", { class: "cw-issuer" }, el("label", { for: id }, t.bank), select, why));
  // It shows while its row's radio is checked (the checkout shows only a card's slot itself).
  // (Until the rows are made anew: a retry keeps the list element, not its rows.)
  const radio = row.querySelector("input");
  const follow = (e) => (slot.isConnected ? (slot.hidden = !radio.checked) : e.currentTarget.removeEventListener("change", follow));
  slot.parentElement?.addEventListener("change", follow);
  return select;
}
