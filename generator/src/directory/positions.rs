//! Where things are written in a JSON file, for messages that name a line and a column:
//! the start of each element of the top-level array, and of each of its fields' values.
//! The text is known to be valid JSON (serde_json read it first).

/// One element of the top-level array: where it starts, and where each of its top-level
/// fields' values starts (byte offsets).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Element {
    pub(crate) start: usize,
    pub(crate) fields: Vec<(String, usize)>,
}

/// The elements of the top-level array of `text`, in order; none if it is not an array.
pub(crate) fn elements(text: &str) -> Vec<Element> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'[') {
        return Vec::new();
    }
    i += 1;
    let mut out = Vec::new();
    loop {
        i = skip_ws(b, i);
        match b.get(i) {
            None | Some(b']') => break,
            Some(b',') => {
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        let mut element = Element {
            start: i,
            fields: Vec::new(),
        };
        if b[i] == b'{' {
            i += 1;
            loop {
                i = skip_ws(b, i);
                match b.get(i) {
                    None => return out,
                    Some(b'}') => {
                        i += 1;
                        break;
                    }
                    Some(b',') => {
                        i += 1;
                        continue;
                    }
                    Some(b'"') => {
                        let end = skip_string(b, i);
                        let key = serde_json::from_str::<String>(&text[i..end]).unwrap_or_default();
                        i = skip_ws(b, end);
                        i += usize::from(b.get(i) == Some(&b':'));
                        i = skip_ws(b, i);
                        element.fields.push((key, i));
                        i = skip_value(b, i);
                    }
                    Some(_) => return out,
                }
            }
        } else {
            i = skip_value(b, i);
        }
        out.push(element);
    }
    out
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// Past the string starting at `i` (its opening quote).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while let Some(&c) = b.get(i) {
        i += 1;
        match c {
            b'\\' => i += 1,
            b'"' => break,
            _ => {}
        }
    }
    i
}

/// Past the value starting at `i`.
fn skip_value(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                i = skip_string(b, i);
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_and_their_fields_are_found_past_strings_and_nesting() {
        let text =
            "[\n {\"a\": \"x,}\\\"]\", \"b\": [1, {\"c\": 2}], \"d\": 3},\n {\"a\": null}\n]";
        let found = elements(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].fields[0].1..][..3], "\"x,");
        assert_eq!(found[0].fields[1].0, "b");
        assert_eq!(&text[found[0].fields[1].1..][..2], "[1");
        assert_eq!(&text[found[0].fields[2].1..][..1], "3");
        assert_eq!(&text[found[1].start..][..2], "{\"");
        assert_eq!(&text[found[1].fields[0].1..][..4], "null");
    }
}
