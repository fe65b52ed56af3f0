//! Method and brand icons: small generated SVG badges, so the sandbox needs no image files.

use axum::extract::Path;
use axum::http::header;
use axum::response::IntoResponse;

use crate::error::ApiError;

/// `GET /icons/{name}.svg`
pub async fn icon(Path(file): Path<String>) -> Result<impl IntoResponse, ApiError> {
    let name = file
        .strip_suffix(".svg")
        .filter(|n| {
            !n.is_empty() && n.len() <= 24 && n.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
        .ok_or_else(|| ApiError::not_found("NOT_FOUND", "no such icon"))?;
    // Only [a-z_] reaches the markup, so nothing needs escaping.
    let label: String = name
        .split('_')
        .next()
        .unwrap_or(name)
        .chars()
        .take(4)
        .collect::<String>()
        .to_uppercase();
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"26\" viewBox=\"0 0 40 26\">\
<rect width=\"40\" height=\"26\" rx=\"4\" fill=\"#1f2a44\"/>\
<text x=\"20\" y=\"17\" font-family=\"sans-serif\" font-size=\"10\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\">{label}</text></svg>"
    );
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        svg,
    ))
}
