// (A `.js` file: an ES module all the same, as package.json says `"type": "module"`, and
// served as JavaScript by every server, the browser tests' included.)
// The language the widget speaks, picked before its wasm arrives so that the language pack is
// fetched in parallel with it. The same rules as `Lang::find` / `Lang::pick_first` in
// crates/i18n (a browser test holds the two together): the merchant's `language`, else the
// browser's languages in order, else English; a tag the widget does not speak falls through.

// The languages (English is built in, the others are packs), in the order of `Lang::ALL`.
const CODES = "en ar de es fil fr he id it ms nl pl pt ru sv th tr vi zh-CN zh-TW".split(" ");
// Codes browsers still send for three of them.
const ALIASES = { tl: "fil", iw: "he", in: "id" };

/** The index of language `code` in `Lang::ALL`: how the loader names it to the wasm. */
export const languageIndex = (code) => CODES.indexOf(code);

/** The code of the first of `tags` the widget speaks, else "en". */
export function pickLanguage(tags) {
  for (const tag of tags) {
    if (typeof tag != "string") continue;
    const [primary, ...rest] = tag.toLowerCase().split(/[-_]/);
    let code = ALIASES[primary] || primary;
    if (code == "zh") {
      // The script says it when given (zh-Hans-HK is simplified); else the region.
      const script = rest.find((s) => s == "hans" || s == "hant");
      const traditional = script ? script == "hant" : rest.some((s) => s == "tw" || s == "hk" || s == "mo");
      code = traditional ? "zh-TW" : "zh-CN";
    }
    if (CODES.includes(code)) return code;
  }
  return "en";
}

/**
 * The text of `piece`'s pack for `code` in the SDK folder `base` (a URL, or what `new URL`
 * takes), or null when it cannot be had within 10 s: the widget then speaks English and says
 * why through `onError`. The request starts now, before the caller asks for its wasm.
 */
export async function fetchPack(base, piece, code) {
  if (code == "en") return null;
  try {
    const r = await fetch(new URL(`i18n/${piece}/${code}.txt`, base), { signal: AbortSignal.timeout(1e4) });
    return r.ok ? await r.text() : null;
  } catch {
    return null; // no answer in time, or not a URL: a bad apiUrl, which mount() refuses by name
  }
}
