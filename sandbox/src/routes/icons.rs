//! Method and brand icons: small generated SVG badges, so the sandbox needs no image files.
//!
//! The label is drawn as a path in a 3×5 pixel font, not as SVG `<text>`: a browser lays out an
//! image's text in a document of its own, with font matching, on the page's main thread. With
//! `<text>`, a cold page spent about 25 ms of a checkout's mount on three badges (measured in
//! Chromium; `npm run bench`).

use axum::extract::Path;
use axum::http::header;
use axum::response::IntoResponse;

use crate::error::ApiError;

/// A–Z in 3×5 pixels: row by row from the top, three bits a row, the leftmost the highest.
const GLYPHS: [u16; 26] = [
    0b010_101_111_101_101, // A
    0b110_101_110_101_110, // B
    0b011_100_100_100_011, // C
    0b110_101_101_101_110, // D
    0b111_100_110_100_111, // E
    0b111_100_110_100_100, // F
    0b011_100_101_101_011, // G
    0b101_101_111_101_101, // H
    0b111_010_010_010_111, // I
    0b001_001_001_101_010, // J
    0b101_101_110_101_101, // K
    0b100_100_100_100_111, // L
    0b101_111_111_101_101, // M
    0b110_101_101_101_101, // N
    0b010_101_101_101_010, // O
    0b110_101_110_100_100, // P
    0b010_101_101_110_011, // Q
    0b110_101_110_101_101, // R
    0b011_100_010_001_110, // S
    0b111_010_010_010_010, // T
    0b101_101_101_101_111, // U
    0b101_101_101_101_010, // V
    0b101_101_111_111_101, // W
    0b101_101_010_101_101, // X
    0b101_101_010_010_010, // Y
    0b111_001_010_100_111, // Z
];

/// `GET /icons/{name}.svg`
pub async fn icon(Path(file): Path<String>) -> Result<impl IntoResponse, ApiError> {
    let name = file
        .strip_suffix(".svg")
        .filter(|n| {
            !n.is_empty() && n.len() <= 24 && n.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
        .ok_or_else(|| ApiError::not_found("NOT_FOUND", "no such icon"))?;
    let label = name.split('_').next().unwrap_or(name);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"26\" viewBox=\"0 0 40 26\">\
<rect width=\"40\" height=\"26\" rx=\"4\" fill=\"#1f2a44\"/><path fill=\"#fff\" d=\"{}\"/></svg>",
        label_path(label)
    );
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        svg,
    ))
}

/// The first four letters of `label` (a–z), upper case, centred on the 40×26 badge in 2-unit
/// pixels: one square subpath per lit pixel.
fn label_path(label: &str) -> String {
    let letters: Vec<u16> = label
        .bytes()
        .filter(u8::is_ascii_lowercase)
        .take(4)
        .map(|b| GLYPHS[usize::from(b - b'a')])
        .collect();
    // (A name that starts with `_` has no letters: a blank badge.)
    if letters.is_empty() {
        return String::new();
    }
    // Each letter is 3 pixels and a 1-pixel gap, 2 units a pixel.
    let width = letters.len() * 8 - 2;
    let left = (40 - width) / 2;
    let mut d = String::new();
    for (i, glyph) in letters.iter().enumerate() {
        for row in 0..5 {
            for col in 0..3 {
                if glyph >> (14 - (row * 3 + col)) & 1 == 1 {
                    let (x, y) = (left + i * 8 + col * 2, 8 + row * 2);
                    d.push_str(&format!("M{x} {y}h2v2h-2z"));
                }
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pixels `label_path` lit, as rows of `#` and `.` over the label's box.
    fn rows(label: &str) -> Vec<String> {
        let d = label_path(label);
        let width = label.len().min(4) * 4 - 1;
        let left = (40 - (width * 2)) / 2;
        let mut grid = vec![vec!['.'; width]; 5];
        for square in d.split('M').filter(|s| !s.is_empty()) {
            let xy: Vec<usize> = square
                .trim_end_matches("h2v2h-2z")
                .split(' ')
                .map(|n| n.parse().unwrap())
                .collect();
            grid[(xy[1] - 8) / 2][(xy[0] - left) / 2] = '#';
        }
        grid.into_iter().map(|r| r.into_iter().collect()).collect()
    }

    #[test]
    fn a_label_is_drawn_in_pixels_centred_on_the_badge() {
        assert_eq!(
            rows("pix"),
            [
                "##..###.#.#",
                "#.#..#..#.#",
                "##...#...#.",
                "#....#..#.#",
                "#...###.#.#",
            ]
        );
        // Four letters at most, each 6 units wide with 2 between: 30 units, 5 from each edge
        // (C's top row starts one pixel in).
        assert!(label_path("card").starts_with("M7 8h"));
        assert_eq!(rows("nupayments").len(), 5);
        assert_eq!(rows("nupayments")[0].len(), 15);
        assert_eq!(label_path(""), "");
    }
}
