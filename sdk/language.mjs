// The language the widget speaks, picked before its wasm arrives so that the language pack is
// fetched in parallel with it. The same rules as `Lang::find` / `Lang::pick_first` in
// crates/i18n (a browser test holds the two together): the merchant's `language`, else the
// browser's languages in order, else English; a tag the widget does not speak falls through.

/** The languages with a pack; English is built into the wasm. Keep in step with crates/i18n. */
const CODES = ["en", "ar", "de", "es", "fil", "fr", "he", "id", "it", "ms", "nl", "pl", "pt",
  "ru", "sv", "th", "tr", "vi", "zh-CN", "zh-TW"];
// Codes browsers still send for three of them.
const ALIASES = { tl: "fil", iw: "he", in: "id" };

function find(tag) {
  if (typeof tag !== "string") return;
  const [primary, ...rest] = tag.toLowerCase().split(/[-_]/);
  if (primary === "zh") {
    // The script says it when given (zh-Hans-HK is simplified); else the region.
    const script = rest.find((s) => s === "hans" || s === "hant");
    const traditional = script ? script === "hant" : rest.some((s) => s === "tw" || s === "hk" || s === "mo");
    return traditional ? "zh-TW" : "zh-CN";
  }
  const code = ALIASES[primary] || primary;
  return CODES.includes(code) ? code : undefined;
}

/** The code of the first of `tags` the widget speaks, else "en". */
export function pickLanguage(tags) {
  for (const tag of tags) {
    const code = find(tag);
    if (code) return code;
  }
  return "en";
}

/**
 * The text of `piece`'s pack for `code` under `base` (the SDK's folder), or null when it cannot
 * be had within 10 s (the widget then speaks English and says why through `onError`).
 */
export function fetchPack(base, piece, code) {
  if (code === "en") return Promise.resolve(null);
  const url = new URL(`i18n/${piece}/${code}.txt`, base);
  return fetch(url, { signal: AbortSignal.timeout(10000) })
    .then((r) => (r.ok ? r.text() : null))
    .catch(() => null);
}
