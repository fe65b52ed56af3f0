// The merchant's CSS for the card form (`card.styles`, Yuno's option). The secure frame
// fetches this module only when a merchant gives some, so no other card form pays for it.
//
// The CSS is applied as a constructed stylesheet (the frame's `style-src 'self'` allows one):
// the browser parses it, then only declarations that restyle the form stay. Dropped, and each
// named in one console warning: a value that could load a resource (a channel out of the
// frame: `url(`, `image-set(`…; the frame's CSP blocks the load as well), any property that
// could hide, move or cover a field (only a list of visual properties is taken), `@import`,
// and every rule that is not a plain style rule, nested ones included.

const PROPERTIES = new Set([
  "color",
  "caret-color",
  "accent-color",
  "letter-spacing",
  "line-height",
  "text-align",
  "text-shadow",
  "text-transform",
  "box-shadow",
  "gap",
  "row-gap",
  "column-gap",
]);
// Families taken by prefix (`border-top-color`…). No `margin`: a negative one moves a field
// out of sight; `padding` and `gap` space it.
const FAMILIES = ["--cw-", "background", "border", "font", "outline", "padding", "text-decoration", "transition"];
// Functions that fetch.
const LOADERS = /(^|[^a-z-])(url|image|image-set|cross-fade|element|src|expression)\(/i;

/** Why the form does not take the declaration `property: value`, or "" when it does. */
export function refused(property, value) {
  const p = property.toLowerCase();
  if (!PROPERTIES.has(p) && !FAMILIES.some((f) => p.startsWith(f))) return "could hide or move a field";
  if (LOADERS.test(value)) return "would load a resource";
  return "";
}

/** Keeps the style rules of `owner` (a sheet or a style rule) and their allowed declarations. */
function clean(owner, dropped) {
  for (let i = owner.cssRules.length - 1; i >= 0; i--) {
    const rule = owner.cssRules[i];
    if (!(rule instanceof CSSStyleRule)) {
      dropped.push(`${rule.cssText.split("{")[0].trim()} (only plain style rules are taken)`);
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
