// The merchant's CSS for the card form (`card.styles`, Yuno's option). The secure frame
// fetches this module only when a merchant gives some, so no other card form pays for it.
//
// The CSS is applied as a constructed stylesheet (the frame's `style-src 'self'` allows one):
// the browser parses it, then only declarations that restyle the fields stay. Dropped, and
// each named in one console warning: a value that could load a resource (a channel out of the
// frame: `url(`, `image-set(`…, and `var()` or escapes that could hide one; the frame's CSP
// blocks loads from elsewhere too), any property that could hide, move or cover a field (only
// a list of visual properties is taken), transparent or tiny text, `@import`, at-rules, and
// rules for the page or the form's containers, nested ones included. The form's state (an
// invalid field, the focus ring, what is hidden) is `!important` in its own CSS, so a
// merchant's rule cannot switch it off.

const PROPERTIES = new Set([
  "color",
  "caret-color",
  "accent-color",
  "text-align",
  "text-transform",
  "box-shadow",
  "gap",
  "row-gap",
  "column-gap",
  "font-family",
  "font-style",
  "font-weight",
  "font-size",
  "outline-color",
  "outline-style",
  "outline-width",
]);
// Families taken by prefix (`border-top-color`…). Not taken: `margin`, positions and sizes
// (they move a field out of sight), `border-image` and `outline-offset` (they paint over
// neighbours), `transition` (it can freeze a state), spacing of letters and lines, and the
// form's `--cw-*` properties (`appearance.variables` sets those).
const FAMILIES = ["background", "border", "padding", "text-decoration"];
// Functions that fetch (also with a vendor prefix), and what could smuggle one past this check:
// `var()` (its value is only known later) and escapes.
const LOADERS = /(url|image|image-set|cross-fade|element|src|expression|var)\(|\\/i;
// What hides the text typed: a transparent colour, a size under 10px.
const CLEAR = /transparent|[,/]\s*0(\.0*)?%?\s*\)$/i;
const TINY = /^(0|[0-9](\.[0-9]*)?px)/;
// Rules for these are not taken at all: the page, its containers and the brand badge (what
// a merchant grows there covers or pushes away the fields).
const CONTAINERS = /(^|[\s,>+~(])(html|body|:root|main|form|\.cw-(form|row|brand|live|input))\b/i;

/** Why the form does not take the declaration `property: value`, or "" when it does. */
function refused(property, value) {
  const p = property.toLowerCase();
  if (!PROPERTIES.has(p) && !FAMILIES.some((f) => p.startsWith(f)) || p.startsWith("border-image")) {
    return "could hide, move or cover a field";
  }
  if (LOADERS.test(value)) return "would load a resource";
  if ((p == "color" && CLEAR.test(value.trim())) || (p == "font-size" && TINY.test(value.trim()))) {
    return "would hide the text";
  }
  return "";
}

/** Keeps the style rules of `owner` (a sheet or a style rule) and their allowed declarations. */
function clean(owner, dropped) {
  for (let i = owner.cssRules.length - 1; i >= 0; i--) {
    const rule = owner.cssRules[i];
    if (!(rule instanceof CSSStyleRule) || CONTAINERS.test(rule.selectorText)) {
      dropped.push(`${rule.cssText.split("{")[0].trim()} (only rules for the fields and their labels are taken)`);
      owner.deleteRule(i);
      continue;
    }
    for (let j = rule.style.length - 1; j >= 0; j--) {
      const name = rule.style[j];
      const why = refused(name, rule.style.getPropertyValue(name));
      if (why) {
        rule.style.removeProperty(name);
        dropped.push(`${rule.selectorText} { ${name} } (${why})`);
      }
    }
    if (rule.cssRules) clean(rule, dropped);
  }
}

/** Applies the merchant's `css` to the card form; warns about what it dropped. */
export function apply(css) {
  const dropped = /@import/i.test(css) ? ["@import (only the form's own styles are taken)"] : [];
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  clean(sheet, dropped);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  if (dropped.length) console.warn(`checkout-widget: card.styles: dropped ${dropped.reverse().join("; ")}`);
}
