//! QR codes drawn at build time as inline SVG (the `qrcode` crate), for paper: a printed
//! guide carries the address of its page online, to scan. No network, no image file.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The QR code of `text` as an SVG element of 30 mm a side (its own title says what it
/// holds; the text is printed beside it), or nothing if the text is too long to encode.
pub(crate) fn svg(text: &str) -> String {
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else {
        return String::new();
    };
    let drawn = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .min_dimensions(120, 120)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // The crate writes an XML declaration and fixed sizes: inline in HTML, the element alone,
    // sized by the style sheet, with a text alternative.
    let start = drawn.find("<svg").unwrap_or(0);
    let element = &drawn[start..];
    element.replacen(
        "<svg",
        "<svg class=\"qr\" role=\"img\" aria-label=\"Code QR de l'adresse de cette page en ligne\"",
        1,
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_is_drawn_as_one_inline_svg() {
        let drawn =
            super::svg("https://solidarites-gironde.example.org/associations/commune/bordeaux/");
        assert!(
            drawn.starts_with("<svg class=\"qr\" role=\"img\""),
            "{drawn}"
        );
        assert!(drawn.ends_with("</svg>") && !drawn.contains("<?xml"));
        assert_eq!(drawn.matches("<svg").count(), 1);
    }
}
