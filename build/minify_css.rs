//! A small CSS minifier for the host's stylesheet, which the wasm carries as a string: drops
//! comments and the white space around `{ } ; , :` (and the last `;` of a block), and keeps
//! quoted strings as they are. Enough for our own stylesheet; not a general CSS parser.

/// `css` without comments and needless white space.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            '"' | '\'' => {
                if space && !out.is_empty() && !ends_with_punct(&out) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                for s in chars.by_ref() {
                    out.push(s);
                    if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' | ':' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                // A space before `:` can be a descendant combinator (`.a :hover`): keep it.
                if c == ':' && space && !out.is_empty() && !ends_with_punct(&out) {
                    out.push(' ');
                }
                out.push(c);
                space = false;
            }
            c => {
                if space && !out.is_empty() && !ends_with_punct(&out) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

fn ends_with_punct(s: &str) -> bool {
    s.ends_with(['{', '}', ';', ',', ':'])
}

#[cfg(test)]
mod tests {
    use super::minify_css;

    #[test]
    fn keeps_what_the_rules_mean() {
        assert_eq!(
            minify_css("/* c */ .a .b, .c:hover {\n  color: red;\n  grid-template-areas: \"x  y\" \"z\";\n}\n.d :focus { x: 1 }"),
            ".a .b,.c:hover{color:red;grid-template-areas:\"x  y\" \"z\"}.d :focus{x:1}"
        );
    }

    #[test]
    fn the_host_stylesheet_loses_only_white_space_comments_and_last_semicolons() {
        let css = include_str!("../src/host/checkout.css");
        let min = minify_css(css);
        let squeeze = |s: &str| s.split_whitespace().collect::<String>().replace(";}", "}");
        let mut uncommented = String::new();
        for (i, part) in css.split("/*").enumerate() {
            uncommented.push_str(if i == 0 {
                part
            } else {
                part.split_once("*/").map_or("", |p| p.1)
            });
        }
        assert_eq!(squeeze(&min), squeeze(&uncommented));
        assert!(
            min.len() < css.len() * 85 / 100,
            "{} of {}",
            min.len(),
            css.len()
        );
    }
}
