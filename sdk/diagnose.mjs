// checkout-widget's integration diagnostics: what a developer got wrong, and the fix.
// Its own module, fetched only when a mount is refused or a checkout cannot load, so the
// first paint does not carry these words. English only: they are for the developer (the
// console and `onError`'s `detail`), never for the shopper, whose message stays translated.

const warn = (text) => console.warn(`checkout-widget: ${text}`);
const base = 'the payment API\'s base URL, such as "https://api.example.com"';

/**
 * Throws a TypeError naming `apiUrl` when it is the page's own origin: the card form would
 * share the page's origin, so the page could read the card. It is also what a bundled SDK
 * without `apiUrl` falls back to. `api` is the URL in use.
 */
export function refuse(api, options) {
  let url;
  try {
    url = new URL(api);
  } catch {
    return; // not absolute: the wasm refuses it by name
  }
  if (url.origin == location.origin) {
    throw new TypeError(
      typeof options?.apiUrl == "string"
        ? `option \`apiUrl\` (${api}) is this page's own origin. The card form is served from the payment API's origin and must not share the page's, or the page could read the card: pass ${base}.`
        : `option \`apiUrl\` is required here. Without it the widget calls the origin its SDK was loaded from, and this SDK was loaded from the page's own origin (${url.origin}), as it is when bundled (Vite, webpack, esbuild) or copied to your server: pass ${base}.`,
    );
  }
}

// What a refused option (or `target`) must be, by the letter the wasm names it with
// (src/host/options.rs, src/host/js_api.rs); `$` stands for what was given, where the words
// say it themselves.
const must = {
  r: "is required",
  F: "is required (a function)",
  e: "must not be empty",
  s: "must be a string",
  b: "must be a boolean",
  f: "must be a function",
  O: "must be an object",
  c: 'must be an ISO 3166-1 alpha-2 code such as "BR"',
  u: "must be an absolute http(s) URL",
  t: 'must be "light" or "dark"',
  m: 'must be "required", "optional" or "hidden"',
  l: 'must be a list of method types such as ["CARD", "PIX"]',
  v: "may only set `--cw-*` properties",
  V: 'must set each `--cw-*` property to a string, and sets "$" to something else',
  T: "must be an HTML element or a CSS selector",
  n: 'is "$", and no element on the page matches it',
  x: 'is "$", which is not a valid CSS selector',
};

/** Words the wasm's refusal of an option (`` option `card.steps` b `` → `must be a boolean`). */
export function worded(error) {
  error.message = error.message.replace(
    /^(checkout-widget: (?:option )?`[^`]*`) (\w)(?:, got "(.*)")?$/s,
    (all, option, letter, given) => {
      // (`card.steps` may also be its buttons' labels: the wasm says `b` for it.)
      const words = option.endsWith("`card.steps`") && letter == "b" ? "must be a boolean, or an object of its buttons' labels" : must[letter];
      if (!words) return all;
      if (words.includes("$")) return `${option} ${words.replace("$", () => given)}`;
      return `${option} ${words}${given === undefined ? "" : `, got "${given}"`}`;
    },
  );
  return error;
}

/**
 * Explains an error the developer can fix (a checkout that could not load, or a later call
 * the API refused the same way): sets `error.detail` to the cause and the fix and warns in
 * the console. `api` is the URL in use; a network failure is probed (within seconds) to tell
 * an unreachable server from one that is not the API.
 */
export async function explain(error, api, options) {
  // The wasm names the missing pack (the checkout's or its card form's) by its language.
  if (error.code == "LANGUAGE_PACK_UNAVAILABLE" && /^[\w-]+$/.test(error.message)) {
    error.message = `a language pack for "${error.message}" could not be loaded; the checkout (or its card form) is shown in English`;
  }
  const session = options?.checkoutSession;
  const url = `${api}/v1/checkout/sessions/${encodeURIComponent(session)}/payment-methods`;
  const detail = {
    __proto__: null,
    UNAUTHORIZED: () =>
      `the payment API at ${api} refused option \`publicApiKey\` (401). Pass the public API key (not the secret key) of the account that created checkout session "${session}", for the same environment.`,
    CHECKOUT_SESSION_NOT_FOUND: () =>
      `checkout session "${session}" does not exist at ${api} in the account of this \`publicApiKey\`. Create it on your server (POST ${api}/v1/checkout/sessions) with that account's secret key, and pass its \`checkout_session\` as option \`checkoutSession\`.`,
    CHECKOUT_SESSION_EXPIRED: () =>
      `checkout session "${session}" has expired. Create a new session for each checkout, just before mounting.`,
    NO_PAYMENT_METHODS: () =>
      `checkout session "${session}" offers no payment method: enable methods for its country (${options?.countryCode}) in the account, or check the country the session was created with.`,
    TOO_MANY_REQUESTS: () =>
      `the payment API at ${api} is limiting this client's requests (429); the shopper can try again in a minute. (Load-testing the sandbox? It takes --no-rate-limits.)`,
    LANGUAGE_PACK_UNAVAILABLE: () =>
      `a language pack could not be fetched from ${api}/sdk/i18n/, so English is shown. If you serve the SDK yourself, serve its i18n/ folder beside it; otherwise the network failed.`,
    NETWORK_ERROR: () => probe(api, url, options),
    API_ERROR: () => probe(api, url, options),
    INVALID_RESPONSE: () => probe(api, url, options),
  };
  const text = Object.hasOwn(detail, error.code) ? await detail[error.code]() : null;
  if (text) {
    error.detail = text;
    warn(`${error.code}: ${text}`);
  }
}

/** Why `url` failed: mixed content, unreachable, not allowed for this page, or not the API. */
async function probe(api, url, options) {
  if (api.endsWith("/v1")) {
    return `option \`apiUrl\` (${api}) ends in /v1, so the widget called ${url}: pass "${api.slice(0, -3)}" (it adds /v1/… itself).`;
  }
  const local = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(api);
  if (location.protocol == "https:" && api.startsWith("http:") && !local) {
    return `this https page cannot call the payment API over http (option \`apiUrl\`: ${api}): browsers block mixed content. Pass the API's https URL.`;
  }
  let answer;
  try {
    answer = await fetch(url, { headers: { "public-api-key": String(options?.publicApiKey) }, signal: AbortSignal.timeout(5e3) });
  } catch {
    try {
      await fetch(url, { mode: "no-cors", signal: AbortSignal.timeout(5e3) });
    } catch {
      return `the payment API is unreachable at ${api} (tried ${url}): check option \`apiUrl\`, that the server is running, and that this page's Content-Security-Policy allows it (connect-src and frame-src).`;
    }
    return `${api} answered, but not to this page: its answer to ${url} carries no CORS permission for ${location.origin}. Either option \`apiUrl\` (${api}) is not the payment API, or the API does not accept this page's origin.`;
  }
  const body = await answer.json().catch(() => null);
  if (answer.ok && Array.isArray(body)) {
    return `the payment API at ${api} failed a moment ago and answers now: a network interruption (or a timeout); trying again should work.`;
  }
  return `${url} answered ${answer.status}${body?.code ? ` ${body.code}` : ""}, not as the payment API does: check option \`apiUrl\` (${api}); it must be ${base}.`;
}
