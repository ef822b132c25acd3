//! Checks of single values: slugs, phone numbers, e-mail, web addresses, SIRET, RNA, languages.

use serde::Serialize;
use serde_json::json;

use crate::languages::LANGUAGES;
use crate::problem::{Problem, Problems, suggest};
use crate::read::shaped;
use crate::tree::{Node, quote};

/// A slug: lowercase ASCII letters, digits and single hyphens, not at either end.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// The slug an editor probably meant: lowercase ASCII, other scripts transliterated, other
/// characters as hyphens.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let push = |c: char, out: &mut String| {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            // Transliterated where a scheme exists (Продукты → Produkty, 食品 → Shi Pin,
            // 🍎 → red apple); a letter or emoji of its own is a word of its own.
            let ascii = deunicode::deunicode_char(c).unwrap_or(" ");
            let word = ascii.len() > 1 && ascii.contains(' ');
            if word {
                push(' ', &mut out);
            }
            ascii.chars().for_each(|a| push(a, &mut out));
            if word {
                push(' ', &mut out);
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Text as words are compared: lower case, accents dropped, every other character a
/// separator, words joined by one space (`Mise à l'abri` → `mise a l abri`).
pub fn fold_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The letter without its accent, for the accents of French.
pub fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
        'À' | 'Â' | 'Ä' | 'Á' | 'Ã' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'î' | 'ï' | 'í' => 'i',
        'Î' | 'Ï' | 'Í' => 'I',
        'ô' | 'ö' | 'ó' | 'õ' => 'o',
        'Ô' | 'Ö' | 'Ó' | 'Õ' => 'O',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'Ù' | 'Û' | 'Ü' | 'Ú' => 'U',
        'ç' => 'c',
        'Ç' => 'C',
        'ÿ' => 'y',
        'Ÿ' => 'Y',
        'ñ' => 'n',
        'Ñ' => 'N',
        'œ' => 'o',
        'Œ' => 'O',
        'æ' => 'a',
        'Æ' => 'A',
        other => other,
    }
}

/// Reads a slug (a reference to another entry, or a category key).
pub(crate) fn slug(node: &Node, path: &str, p: &mut Problems) -> Option<String> {
    const EXPECTED: &str =
        "un identifiant en minuscules, chiffres et tirets (ex. « restos-du-coeur »)";
    let raw = shaped(
        node,
        path,
        p,
        EXPECTED,
        || json!({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 100}),
    )?
    .trim();
    if is_slug(raw) {
        return Some(raw.to_string());
    }
    let hint = Some(slugify(raw)).filter(|s| is_slug(s));
    p.push(Problem::new(node.at, path, EXPECTED, quote(raw)).with_suggestion(hint));
    None
}

/// A French phone number, shown in the usual groups of two digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// As shown: `05 56 00 00 00`, or a short number such as `115`.
    pub display: String,
    /// For `tel:` links: `+33556000000`.
    pub tel: String,
}

impl Phone {
    /// Parses a number written freely: `05 56 00 00 00`, `05.56.00.00.00`, `+33 5 56 00 00 00`,
    /// `+33 (0)5 56 00 00 00`, or a short number (`115`, `3919`).
    pub(crate) fn parse(raw: &str) -> Option<Phone> {
        let compact: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}'))
            .collect();
        let national =
            if let Some(rest) = compact.strip_prefix("+33").or(compact.strip_prefix("0033")) {
                rest.strip_prefix('0').unwrap_or(rest).to_string()
            } else if let Some(rest) = compact.strip_prefix('0') {
                rest.to_string()
            } else if compact.bytes().all(|b| b.is_ascii_digit())
                && ((compact.len() == 3 && compact.starts_with('1'))
                    || (compact.len() == 4 && compact.starts_with('3')))
            {
                return Some(Phone {
                    display: compact.clone(),
                    tel: compact,
                });
            } else {
                return None;
            };
        if national.len() != 9
            || !national.bytes().all(|b| b.is_ascii_digit())
            || national.starts_with('0')
        {
            return None;
        }
        let digits = format!("0{national}");
        let display = digits
            .as_bytes()
            .chunks(2)
            .map(|pair| std::str::from_utf8(pair).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" ");
        Some(Phone {
            display,
            tel: format!("+33{national}"),
        })
    }

    pub(crate) fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Phone> {
        const EXPECTED: &str =
            "un numéro de téléphone français (ex. « 05 56 00 00 00 » ou « +33 5 56 00 00 00 »)";
        // YAML reads `phone: 0556000000` as a number: the schema takes one.
        let raw = shaped(
            node,
            path,
            p,
            EXPECTED,
            || json!({"type": ["string", "integer"], "pattern": PHONE_PATTERN}),
        )?;
        Phone::parse(raw).or_else(|| {
            p.push(Problem::new(node.at, path, EXPECTED, quote(raw)));
            None
        })
    }
}

/// The shape of what [`Phone::parse`] takes, for the schema: a French number with its
/// separators, or a short number.
const PHONE_PATTERN: &str = "^\\s*((\\+33|0033)[ .()\\-\\u00a0]*(0[ .()\\-\\u00a0]*)?|0)[1-9]([ .()\\-\\u00a0]*[0-9]){8}\\s*$|^\\s*(1[0-9]{2}|3[0-9]{3})\\s*$";

/// Whether `s` looks like an e-mail address; delivery is the only real proof.
pub(crate) fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && s.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        && !domain.contains('@')
}

pub(crate) fn email(node: &Node, path: &str, p: &mut Problems) -> Option<String> {
    const EXPECTED: &str = "une adresse e-mail (ex. « contact@exemple.org »)";
    let raw = shaped(node, path, p, EXPECTED, || {
        json!({"type": "string", "pattern": "^\\s*[^@\\s<>\"]+@[^@\\s<>\".][^@\\s<>\"]*\\.[^@\\s<>\"]*[^@\\s<>\".]\\s*$", "maxLength": 254})
    })?
    .trim();
    if is_email(raw) {
        Some(raw.to_string())
    } else {
        p.push(Problem::new(node.at, path, EXPECTED, quote(raw)));
        None
    }
}

/// A web address beginning with `http://` or `https://`.
pub(crate) fn website(node: &Node, path: &str, p: &mut Problems) -> Option<String> {
    const EXPECTED: &str = "une adresse web commençant par https:// ou http://";
    let raw = shaped(
        node,
        path,
        p,
        EXPECTED,
        || json!({"type": "string", "pattern": "^\\s*https?://[^\\s/?#]+"}),
    )?
    .trim();
    match url::Url::parse(raw) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
            Some(raw.to_string())
        }
        _ => {
            let hint = (!raw.contains("://") && raw.contains('.') && !raw.contains(' '))
                .then(|| format!("https://{raw}"));
            p.push(Problem::new(node.at, path, EXPECTED, quote(raw)).with_suggestion(hint));
            None
        }
    }
}

/// Whether a SIRET's 14 digits pass the Luhn key.
pub(crate) fn siret_key_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A SIRET: 14 digits (spaces allowed), with a valid key.
pub(crate) fn siret(node: &Node, path: &str, p: &mut Problems) -> Option<String> {
    const EXPECTED: &str = "un SIRET de 14 chiffres à la clé valide";
    let raw = shaped(
        node,
        path,
        p,
        EXPECTED,
        || json!({"type": ["string", "integer"], "pattern": "^\\s*([0-9]\\s*){14}$"}),
    )?;
    let digits: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        p.push(Problem::new(node.at, path, EXPECTED, quote(raw)));
        return None;
    }
    if !siret_key_ok(&digits) {
        p.push(Problem::new(
            node.at,
            path,
            EXPECTED,
            format!("{} dont la clé (formule de Luhn) est fausse : un chiffre est sans doute mal recopié", quote(raw)),
        ));
        return None;
    }
    Some(digits)
}

/// An RNA number: `W` and 9 digits.
pub(crate) fn rna(node: &Node, path: &str, p: &mut Problems) -> Option<String> {
    const EXPECTED: &str = "un numéro RNA, W suivi de 9 chiffres";
    let raw = shaped(
        node,
        path,
        p,
        EXPECTED,
        || json!({"type": "string", "pattern": "^\\s*W[0-9]{9}\\s*$"}),
    )?
    .trim();
    let ok =
        |s: &str| s.len() == 10 && s.starts_with('W') && s[1..].bytes().all(|b| b.is_ascii_digit());
    if ok(raw) {
        return Some(raw.to_string());
    }
    let upper = raw.to_uppercase().replace(' ', "");
    p.push(
        Problem::new(node.at, path, EXPECTED, quote(raw))
            .with_suggestion(ok(&upper).then_some(upper)),
    );
    None
}

/// An ISO 639-1 language code.
pub(crate) fn language(node: &Node, path: &str, p: &mut Problems) -> Option<String> {
    const EXPECTED: &str = "un code de langue ISO 639-1 en deux lettres (fr, en, ar, …)";
    let raw = shaped(
        node,
        path,
        p,
        EXPECTED,
        || json!({ "enum": LANGUAGES.iter().map(|(code, _)| *code).collect::<Vec<_>>() }),
    )?
    .trim();
    if language_name(raw).is_some() {
        return Some(raw.to_string());
    }
    let lower = raw.to_lowercase();
    let hint = LANGUAGES
        .iter()
        .find(|(code, name)| *code == lower || name.eq_ignore_ascii_case(&lower))
        .map(|(code, _)| code.to_string())
        .or_else(|| suggest(&lower, LANGUAGES.iter().map(|(c, _)| *c)));
    p.push(Problem::new(node.at, path, EXPECTED, quote(raw)).with_suggestion(hint));
    None
}

/// The French name of a language code, if it is one.
pub fn language_name(code: &str) -> Option<&'static str> {
    LANGUAGES
        .binary_search_by_key(&code, |(c, _)| c)
        .ok()
        .map(|i| LANGUAGES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("restos-du-coeur-33"));
        for bad in ["", "Restos", "a--b", "-a", "a-", "é", "a_b"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert_eq!(
            slugify("Épicerie Solidaire du Médoc"),
            "epicerie-solidaire-du-medoc"
        );
        assert_eq!(
            fold_words("  Mise à l'Abri — 24 h/24 "),
            "mise a l abri 24 h 24"
        );
    }

    #[test]
    fn phones_are_normalised() {
        for raw in [
            "05 56 00 00 00",
            "05.56.00.00.00",
            "+33 5 56 00 00 00",
            "+33 (0)5 56 00 00 00",
            "0556000000",
        ] {
            let phone = Phone::parse(raw).unwrap_or_else(|| panic!("{raw}"));
            assert_eq!(phone.display, "05 56 00 00 00");
            assert_eq!(phone.tel, "+33556000000");
        }
        assert_eq!(Phone::parse("115").unwrap().tel, "115");
        for bad in [
            "05 56 00 00",
            "12345678901",
            "+44 20 7946 0000",
            "appelez-nous",
        ] {
            assert!(Phone::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn siret_luhn_key() {
        // The key of 732 829 320 00074 (a published SIRET) is valid; one digit changed is not.
        assert!(siret_key_ok("73282932000074"));
        assert!(!siret_key_ok("73282932000075"));
    }

    #[test]
    fn languages_are_sorted_for_binary_search() {
        assert!(LANGUAGES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(language_name("ar"), Some("arabe"));
        assert_eq!(language_name("xx"), None);
    }

    #[test]
    fn emails() {
        assert!(is_email("contact@exemple.org"));
        for bad in ["contact", "a@b", "a b@c.fr", "@c.fr", "a@.fr"] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
