// After the payment: what `continuePayment()` does when no status is passed in, and the status
// piece of a return page (`mountStatus`). An on-demand module: fetched only when a payment
// exists (the loader starts it when `onToken` is called), never on the first paint.
//
// It reads the session's payment from the payment origin
// (`GET /v1/checkout/sessions/{id}/payment`, public key) and shows what is pending: the
// issuer's 3-D Secure page in an iframe on the payment origin, a PIX code, a voucher, a
// transfer reference, or the bank's page (the window goes there). It polls until the payment
// is final, with a bounded interval, then reports the result. Card data never reaches this
// module: the read carries none. Words come from `/sdk/i18n/actions/<code>.json`.

import { pickLanguage } from "./language.js";

const POLL_FIRST_MS = 1000;
const POLL_MAX_MS = 5000;
const READ_TIMEOUT_MS = 10000;
const FINAL = ["SUCCEEDED", "DECLINED", "ERROR", "EXPIRED", "CANCELED", "REJECTED"];

const words = {};
let sheet;

/** Starts fetching the words for `language` (called as soon as a payment is on its way). */
export function prepare(api, language) {
  const get = (code) =>
    fetch(`${api}/sdk/i18n/actions/${code}.json`).then((r) => (r.ok ? r.json() : Promise.reject()));
  return (words[language] ||= get(language)
    .catch(() => language !== "en" && get("en"))
    .catch(() => null));
}

const fail = (message) => {
  throw new TypeError("checkout-widget: " + message);
};

/** The options this module reads, checked here (the wasm ignores options it does not know). */
function read(o) {
  const fn = (name) => {
    if (o[name] !== undefined && typeof o[name] != "function") fail(`option \`${name}\` must be a function`);
    return o[name];
  };
  const timeout = o.challengeTimeout ?? 600;
  if (typeof timeout != "number" || !(timeout > 0)) fail("option `challengeTimeout` must be a number of seconds above 0");
  if (![undefined, "navigate", "return"].includes(o.redirect)) fail('option `redirect` must be "navigate" or "return"');
  let place = o.actionElement;
  if (typeof place == "string") place = document.querySelector(place) || fail(`option \`actionElement\`: no element matches "${o.actionElement}"`);
  if (place != null && !(place instanceof Element)) fail("option `actionElement` must be an Element or a CSS selector");
  return {
    onResult: fn("onPaymentResult"),
    onError: fn("onError"),
    showStatus: !!o.showPaymentStatus,
    timeoutMs: timeout * 1000,
    redirect: o.redirect || "navigate",
    place,
  };
}

/** A DOM element: `h("p", { class: "x" }, "text", child)`. */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const k in attrs) if (attrs[k] != null) el.setAttribute(k, attrs[k]);
  el.append(...children.filter((c) => c != null && c !== false));
  return el;
}

/** The module's look, adopted through the CSSOM (works under `style-src 'self'`). */
function adoptStyles() {
  if (sheet) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(
    `.cw-after{font:16px/1.4 system-ui,sans-serif;color:#1a1f36;display:grid;gap:10px}
.cw-after h2{font-size:1.15em;margin:0}.cw-after p{margin:0}
.cw-after dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}.cw-after dt{color:#5c6477}.cw-after dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.cw-after button,.cw-after a.cw-button{font:inherit;padding:8px 14px;border-radius:6px;border:1px solid #2563eb;background:#2563eb;color:#fff;cursor:pointer;text-decoration:none;justify-self:start}
.cw-after :focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.cw-after img{max-width:240px;height:auto;background:#fff}.cw-after code{font:14px ui-monospace,monospace;overflow-wrap:anywhere;background:#f3f4f6;padding:6px;border-radius:4px}
.cw-after [data-tone=bad]{color:#b42318}.cw-after [data-tone=good]{color:#067647}
dialog.cw-dialog{border:0;border-radius:10px;padding:0;width:min(440px,96vw);max-height:96vh}
dialog.cw-dialog::backdrop{background:rgb(0 0 0/.5)}
.cw-dialog header{display:flex;justify-content:space-between;align-items:center;padding:10px 14px;border-bottom:1px solid #e5e7eb}
.cw-dialog header button{background:none;border:0;color:#1a1f36;font-size:1.4em;padding:0 6px}
.cw-dialog .cw-after{padding:14px}.cw-dialog iframe{display:block;border:0;width:100%;height:420px}`,
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** The payment origin's answer, or an error with a stable `code`. */
async function readPayment(c) {
  const error = (code) => Object.assign(new Error(code), { code });
  for (let attempt = 0; ; attempt++) {
    let r;
    try {
      r = await fetch(`${c.api}/v1/checkout/sessions/${encodeURIComponent(c.session)}/payment`, {
        headers: { "public-api-key": c.key },
        cache: "no-store",
        signal: AbortSignal.timeout(READ_TIMEOUT_MS),
      });
    } catch {
      r = null;
    }
    if (r?.ok) return r.json();
    const body = r && (await r.json().catch(() => ({})));
    if (body?.code === "CHECKOUT_SESSION_EXPIRED") throw error("SESSION_EXPIRED");
    if (r && r.status < 500) throw error(body?.code || "PAYMENT_READ_FAILED");
    if (attempt >= 2 || c.stopped) throw error("PAYMENT_READ_FAILED");
    await sleep(500 * 2 ** attempt);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * `url` from the API, if it is a web address (never `javascript:` or `data:`: it becomes an
 * iframe, an image, a link or where the window goes), with the shopper's language set.
 */
function web(c, url) {
  let u;
  try {
    u = new URL(url);
  } catch {}
  if (u?.protocol != "https:" && u?.protocol != "http:") throw Object.assign(new Error("ACTION_INVALID"), { code: "ACTION_INVALID" });
  u.searchParams.set("lang", c.language);
  return u.href;
}

/**
 * Reads until the payment is final, with a growing interval; `stop()` (asked every 100 ms, so
 * a closed dialog or an unmount ends the wait at once) may end it sooner with its reason.
 */
async function untilFinal(c, first, stop) {
  let p = first;
  for (let wait = POLL_FIRST_MS; !FINAL.includes(p.status); wait = Math.min(wait * 1.5, POLL_MAX_MS)) {
    for (let waited = 0; waited < wait; waited += 100) {
      const reason = stop();
      if (reason) return { stopped: reason, payment: p };
      await sleep(100);
    }
    p = await readPayment(c);
  }
  return { payment: p };
}

function format(c, amount) {
  try {
    return new Intl.NumberFormat(c.language, { style: "currency", currency: amount.currency }).format(amount.value);
  } catch {
    return `${amount.value} ${amount.currency}`;
  }
}

function date(c, iso) {
  const d = new Date(iso);
  return isNaN(d) ? "" : new Intl.DateTimeFormat(c.language, { dateStyle: "long", timeStyle: "short" }).format(d);
}

/** A place for a screen: the merchant's `actionElement`, else a modal dialog. */
function place(c, title, content, onClose) {
  adoptStyles();
  const heading = h("h2", { id: `cw-after-${c.session}` }, title);
  if (c.opts.place) {
    const box = h("section", { class: "cw-after", "aria-labelledby": heading.id }, heading, ...content);
    c.opts.place.replaceChildren(box);
    return () => box.remove();
  }
  const close = h("button", { type: "button", "aria-label": c.t("close") }, "×");
  const d = h("dialog", { class: "cw-dialog", "aria-labelledby": heading.id },
    h("header", {}, heading, close), h("div", { class: "cw-after" }, ...content));
  // Escape, like the close button, is the shopper closing it (`cancel`, and the key itself
  // for engines whose dialog does not cancel on it); `showModal` traps focus.
  const cancel = (e) => (e.preventDefault(), onClose?.());
  d.addEventListener("cancel", cancel);
  d.addEventListener("keydown", (e) => e.key == "Escape" && cancel(e));
  close.addEventListener("click", () => onClose?.());
  document.body.append(d);
  d.showModal();
  return () => d.remove();
}

/** A copy button for `text`, with its feedback in a live region. */
function copyButton(c, text, label) {
  const said = h("p", { role: "status" });
  const b = h("button", { type: "button" }, label);
  b.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text);
      said.textContent = c.t("copied");
    } catch {
      said.textContent = c.t("copy_failed");
    }
  });
  return [b, said];
}

/** The screen of a pending action that is not a page (PIX, voucher, transfer). */
function details(c, a) {
  const t = c.t;
  const amount = a.amount ? [h("dt", {}, t("amount")), h("dd", {}, format(c, a.amount))] : [];
  if (a.type === "QR") {
    const left = h("span", { role: "timer" });
    return {
      title: t("pix_title"),
      left,
      content: [
        h("p", {}, t("pix_steps")),
        h("img", { src: web(c, a.image_url), alt: t("qr_label"), width: 240, height: 240 }),
        h("code", {}, a.code),
        ...copyButton(c, a.code, t("copy_code")),
        h("dl", {}, ...amount, h("dt", {}, t("time_left")), h("dd", {}, left)),
      ],
    };
  }
  if (a.type === "VOUCHER") {
    return {
      title: t("voucher_title"),
      content: [
        h("p", {}, t("voucher_steps")),
        h("dl", {}, ...amount, h("dt", {}, t("reference")), h("dd", {}, a.reference), h("dt", {}, t("due_date")), h("dd", {}, date(c, a.expires_at))),
        a.barcode_url && h("img", { src: web(c, a.barcode_url), alt: t("barcode_label") }),
        a.url && h("a", { class: "cw-button", href: web(c, a.url), target: "_blank", rel: "noopener" }, t("print")),
      ],
    };
  }
  return {
    title: t("transfer_title"),
    content: [
      h("p", {}, t("transfer_steps")),
      h("dl", {}, ...amount, h("dt", {}, t("clabe")), h("dd", {}, a.clabe), h("dt", {}, t("bank")), h("dd", {}, a.bank_name),
        h("dt", {}, t("beneficiary")), h("dd", {}, a.beneficiary_name), h("dt", {}, t("reference")), h("dd", {}, a.reference)),
      ...copyButton(c, a.clabe, t("copy_code")),
    ],
  };
}

/** Shows the issuer's page and waits for its outcome, the shopper closing it, or the time. */
async function challenge(c, p) {
  let closed, loaded;
  const frame = h("iframe", {
    src: web(c, p.action.url),
    title: c.t("challenge_frame_title"),
    sandbox: "allow-forms allow-scripts allow-same-origin",
    referrerpolicy: "no-referrer",
  });
  frame.addEventListener("load", () => (loaded = true));
  const remove = place(c, c.t("verify_title"), [frame], () => ((closed = true), remove()));
  c.shown.push(remove);
  const started = Date.now();
  try {
    const end = await untilFinal(c, p, () =>
      closed ? "CANCELLED" : c.stopped ? "UNMOUNTED" : Date.now() - started > c.opts.timeoutMs ? "TIMEOUT" : !loaded && Date.now() - started > 20000 ? "PAGE_FAILED" : null,
    );
    return end;
  } finally {
    remove();
  }
}

/** Shows a PIX code, voucher or transfer; a PIX code completes (or expires) by itself. */
async function showDetails(c, p) {
  const a = p.action;
  const d = details(c, a);
  let closed;
  const remove = place(c, d.title, d.content, () => ((closed = true), remove()));
  c.shown.push(remove);
  if (a.type !== "QR") return { payment: p, keep: true };
  const expires = Date.parse(a.expires_at) || Date.now() + c.opts.timeoutMs;
  const tick = () => {
    const s = Math.max(0, Math.round((expires - Date.now()) / 1000));
    d.left.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  };
  tick();
  const timer = setInterval(tick, 1000);
  try {
    // Bounded: a minute past the code's expiry, the payment is what it is.
    const end = await untilFinal(c, p, () => (closed ? "CANCELLED" : c.stopped ? "UNMOUNTED" : Date.now() > expires + 6e4 ? "WAITED" : null));
    if (end.payment.status === "EXPIRED" || end.stopped === "WAITED") {
      d.left.textContent = "0:00";
      d.content.at(-1).after(h("p", { role: "alert", "data-tone": "bad" }, c.t("qr_expired")));
      return { ...end, keep: true };
    }
    if (!end.stopped) remove();
    // Closed before paying: the code may still be paid; the shopper is told so.
    return end.stopped === "CANCELLED" ? { ...end, notice: "pending_detail" } : end;
  } finally {
    clearInterval(timer);
  }
}

/** The status screen (success, declined with the reason, pending with what to do). */
function statusScreen(c, status, subStatus, retry) {
  const t = c.t;
  const [title, detail, tone] =
    status === "SUCCEEDED" ? [t("succeeded"), t("succeeded_detail"), "good"]
    : status === "PENDING" ? [t("pending"), t("pending_detail")]
    : status === "ERROR" ? [t("error"), t("reason_error"), "bad"]
    : [t("declined"), reason(t, subStatus), "bad"];
  adoptStyles();
  const again = retry ? h("button", { type: "button" }, t("try_again")) : null;
  const box = h("section", { class: "cw-after", role: "status", "data-status": status },
    h("h2", { "data-tone": tone }, title), h("p", {}, detail), again);
  again?.addEventListener("click", () => (box.remove(), retry()));
  return box;
}

function reason(t, subStatus) {
  return {
    INSUFFICIENT_FUNDS: t("reason_insufficient_funds"),
    FRAUD_DECLINED: t("reason_fraud"),
    FAILED_AUTHENTICATION: t("reason_authentication"),
    CANCELLED_BY_USER: t("cancelled"),
  }[subStatus] || t("reason_declined");
}

/**
 * A context: where to read, in which words, for whom. `a`: { api, language, options, target
 * (where the checkout is mounted), back(result) (the form comes back with the reason), state
 * (shared with the handle's `unmount`: `stop()` is set here, `gone` there) }.
 */
async function context(a) {
  const o = a.options || {};
  for (const name of ["publicApiKey", "checkoutSession"]) {
    if (typeof o[name] != "string" || !o[name]) fail(`option \`${name}\` is required`);
  }
  const opts = read(o);
  const w = (await prepare(a.api, a.language)) || {};
  const root = typeof a.target == "string" ? document.querySelector(a.target) : a.target;
  // One flow at a time: a new one ends the last (its screens, its polling); `unmount()` ends
  // this one, and one that has not started yet (`gone`).
  a.state.stop?.();
  const c = { ...a, key: o.publicApiKey, session: o.checkoutSession, root, opts, t: (k) => w[k] || k };
  c.stopped = !!a.state.gone;
  c.shown = []; // what this flow put on the page
  c.remove = () => c.shown.splice(0).forEach((remove) => remove());
  c.stop = a.state.stop = () => ((c.stopped = true), c.remove());
  return c;
}

/**
 * `continuePayment()` with no status: shows what the payment needs, waits for the outcome and
 * reports it. Resolves to `{ status, subStatus }`, or Yuno's redirect object when the
 * merchant asked for it (`redirect: "return"`), or null when the flow ended without a result.
 */
export async function continuePayment(a) {
  const c = await context(a);
  if (c.stopped) return null;
  const error = (code, key) => {
    c.remove();
    notice(c, key);
    c.opts.onError?.({ code, message: c.t(key), retryable: code !== "SESSION_EXPIRED" });
    return null;
  };
  let p;
  try {
    p = await readPayment(c);
    const action = p.action;
    let end = { payment: p };
    if (action?.type === "REDIRECT") {
      const url = web(c, action.url);
      if (c.opts.redirect === "return") {
        const back = action.return_url || location.href;
        return { action: "REDIRECT_URL", type: action.method, redirect: { init_url: url, success_url: back, error_url: back } };
      }
      location.assign(url);
      return null;
    }
    if (action?.type === "THREE_D_SECURE") end = await challenge(c, p);
    else if (action) end = await showDetails(c, p);
    else if (!FINAL.includes(p.status)) {
      // Pending with nothing to show (the processor is deciding): waited for, within bounds.
      const started = Date.now();
      end = await untilFinal(c, p, () => (c.stopped ? "UNMOUNTED" : Date.now() - started > c.opts.timeoutMs ? "WAITED" : null));
    }
    if (end.stopped === "UNMOUNTED") return null;
    if (end.stopped === "TIMEOUT") return error("CHALLENGE_TIMEOUT", "timed_out");
    if (end.stopped === "PAGE_FAILED") return error("CHALLENGE_PAGE_FAILED", "page_failed");
    // Closing the verification leaves the payment as it is (Yuno reports it so, too).
    const [status, subStatus] = end.stopped === "CANCELLED" ? ["PENDING", "CANCELLED_BY_USER"] : [end.payment.status, end.payment.sub_status];
    return report(c, status, subStatus, end.keep, end.notice);
  } catch (e) {
    if (!e.code) throw e; // a bug, not a failed read: not to be reported as one
    return e.code === "SESSION_EXPIRED" ? error("SESSION_EXPIRED", "session_expired") : error(e.code, "read_failed");
  }
}

/** A message above the checkout (what the form cannot say: a closed verification, no answer). */
function notice(c, key) {
  adoptStyles();
  const p = h("p", { class: "cw-after", role: "alert", "data-tone": "bad" }, c.t(key));
  c.root?.prepend(p);
  c.shown.push(() => p.remove());
}

/** Tells the merchant, then shows the result or brings the form back with the reason. */
function report(c, status, subStatus, keep, closed = "cancelled") {
  c.opts.onResult?.({ status, subStatus });
  if (subStatus === "CANCELLED_BY_USER") {
    notice(c, closed);
    return { status, subStatus };
  }
  const retry = !["SUCCEEDED", "PENDING"].includes(status);
  const form = c.root?.querySelector(".cw-checkout");
  if (c.opts.showStatus && !keep && form) {
    const box = statusScreen(c, status, subStatus, retry && (() => ((form.hidden = false), c.back?.({ status, subStatus }))));
    form.hidden = true;
    c.root.prepend(box);
    c.shown.push(() => (box.remove(), (form.hidden = false)));
  } else if (retry) {
    c.back?.({ status, subStatus });
  }
  return { status, subStatus };
}

/**
 * The status piece of a return page (Yuno's `mountStatusPayment`): reads the session's
 * payment into `target`, waits while it is pending without an action, and reports it.
 */
export async function mountStatus(target, options, sdkUrl) {
  const o = options || {};
  const api = (typeof o.apiUrl == "string" ? o.apiUrl : new URL(sdkUrl).origin).replace(/\/+$/, "");
  const language = pickLanguage([o.language, ...(navigator.languages || [])]);
  const c = await context({ api, language, options: o, target, state: {} });
  const el = c.root;
  if (!(el instanceof Element)) fail("`mountStatus(target)`: target must be an Element or a CSS selector that matches one");
  try {
    let p = await readPayment(c);
    const started = Date.now();
    if (!p.action && !FINAL.includes(p.status)) {
      p = (await untilFinal(c, p, () => (c.stopped ? "UNMOUNTED" : Date.now() - started > c.opts.timeoutMs ? "WAITED" : null))).payment;
    }
    el.replaceChildren(statusScreen(c, p.status, p.sub_status));
    c.shown.push(() => el.replaceChildren());
    c.opts.onResult?.({ status: p.status, subStatus: p.sub_status });
    return { status: p.status, subStatus: p.sub_status, unmount: c.stop };
  } catch (e) {
    if (!e.code) throw e;
    const code = e.code;
    const message = c.t(code === "SESSION_EXPIRED" ? "session_expired" : "read_failed");
    el.replaceChildren(h("p", { role: "alert" }, message));
    c.opts.onError?.({ code, message, retryable: code !== "SESSION_EXPIRED" });
    return { status: null, unmount: c.stop };
  }
}
