//! A spreadsheet saved as CSV by LibreOffice or Excel: UTF-8 (with or without BOM) or
//! Windows-1252, `,`, `;` or tab between cells, one association per row. The columns are
//! recognised by their headers, as a French territory writes them (`Nom`, `Adresse`,
//! `Code postal`, `Ville`, `Téléphone`, `Courriel`…), and `--column field=Header` says
//! which column holds a field when the guess is wrong. A problem names the row's line and
//! the cell's column number (1 is A), as a spreadsheet shows them.

use jiff::civil::Date;
use portal_model::SiteConfig;
use portal_model::checks::fold_accent;
use portal_model::tree::{Pos, quote};
use serde_json::Value;

use super::{ImportError, Record, Source, category, first_sentence, hours, number};

/// A field the import fills: its name (for `--column`), the headers that name it (folded:
/// lower case, no accents, words separated by one space) and its path in the model.
struct Column {
    field: &'static str,
    headers: &'static [&'static str],
    path: &'static str,
}

const COLUMNS: &[Column] = &[
    Column {
        field: "name",
        headers: &[
            "nom",
            "nom de la structure",
            "nom de l association",
            "structure",
            "association",
            "raison sociale",
            "name",
        ],
        path: "name",
    },
    Column {
        field: "summary",
        headers: &[
            "resume",
            "description courte",
            "accroche",
            "en bref",
            "summary",
        ],
        path: "summary",
    },
    Column {
        field: "description",
        headers: &[
            "description",
            "presentation",
            "activites",
            "activite",
            "texte",
        ],
        path: "body",
    },
    Column {
        field: "categories",
        headers: &[
            "categorie",
            "categories",
            "type",
            "type d aide",
            "thematique",
            "thematiques",
        ],
        path: "categories",
    },
    Column {
        field: "place",
        headers: &["lieu", "nom du lieu", "lieu d accueil"],
        path: "locations[0].name",
    },
    Column {
        field: "address",
        headers: &["adresse", "adresse postale", "rue", "voie", "address"],
        path: "locations[0].address",
    },
    Column {
        field: "postal_code",
        headers: &["code postal", "cp", "code_postal", "postal code"],
        path: "locations[0].postal_code",
    },
    Column {
        field: "city",
        headers: &["ville", "commune", "localite", "city"],
        path: "locations[0].city",
    },
    Column {
        field: "latitude",
        headers: &["latitude", "lat", "y"],
        path: "locations[0].geo",
    },
    Column {
        field: "longitude",
        headers: &["longitude", "lon", "lng", "long", "x"],
        path: "locations[0].geo",
    },
    Column {
        field: "hours",
        headers: &[
            "horaires",
            "horaires d ouverture",
            "heures d ouverture",
            "ouverture",
            "opening hours",
        ],
        path: "locations[0].hours",
    },
    Column {
        field: "public_holidays",
        headers: &["jours feries", "feries"],
        path: "locations[0].public_holidays",
    },
    Column {
        field: "wheelchair",
        headers: &[
            "accessible fauteuil",
            "accessibilite pmr",
            "pmr",
            "accessible en fauteuil",
        ],
        path: "locations[0].accessibility.wheelchair",
    },
    Column {
        field: "phone",
        headers: &[
            "telephone",
            "tel",
            "numero de telephone",
            "phone",
            "portable",
        ],
        path: "contact.phone",
    },
    Column {
        field: "email",
        headers: &[
            "courriel",
            "email",
            "e mail",
            "mail",
            "adresse mail",
            "adresse e mail",
            "adresse electronique",
            "mel",
        ],
        path: "contact.email",
    },
    Column {
        field: "website",
        headers: &[
            "site",
            "site web",
            "site internet",
            "internet",
            "web",
            "url",
        ],
        path: "contact.website",
    },
    Column {
        field: "conditions",
        headers: &["conditions", "conditions d acces", "acces"],
        path: "conditions",
    },
    Column {
        field: "public",
        headers: &["public", "publics", "public accueilli"],
        path: "public",
    },
    Column {
        field: "languages",
        headers: &["langues", "langues parlees", "languages"],
        path: "languages",
    },
    Column {
        field: "rna",
        headers: &["rna", "numero rna"],
        path: "identifiers.rna",
    },
    Column {
        field: "siret",
        headers: &["siret", "numero siret"],
        path: "identifiers.siret",
    },
    Column {
        field: "food_bank_partner",
        headers: &["partenaire banque alimentaire", "banque alimentaire"],
        path: "food_bank_partner",
    },
    Column {
        field: "updated",
        headers: &[
            "mise a jour",
            "mis a jour",
            "date de mise a jour",
            "derniere mise a jour",
            "date maj",
            "updated",
        ],
        path: "updated",
    },
];

/// A header folded: lower case, accents dropped, anything but letters and digits as one
/// space (`Tél.` → `tel`, `Code_postal` → `code postal`).
fn fold(header: &str) -> String {
    let mut out = String::new();
    for c in header.chars() {
        let c = fold_accent(c).to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// The text of a file: UTF-8 with or without BOM, else Windows-1252 (what Excel writes for
/// « CSV (séparateur : point-virgule) » on a French Windows).
fn text(bytes: &[u8]) -> (String, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), "UTF-8 avec BOM");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The separator of the header line: the most frequent of `;`, `,` and tab outside quotes.
fn separator(text: &str) -> u8 {
    let mut quoted = false;
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    for c in text.bytes() {
        if c == b'\n' && !quoted {
            break;
        }
        if c == b'"' {
            quoted = !quoted;
        }
        if !quoted {
            for (sep, n) in &mut counts {
                if c == *sep {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(s, _)| *s)
}

/// The letter of a spreadsheet's column: 1 → A, 27 → AA.
fn letter(mut n: usize) -> String {
    let mut out = String::new();
    while n > 0 {
        n -= 1;
        out.insert(0, (b'A' + (n % 26) as u8) as char);
        n /= 26;
    }
    out
}

/// Reads the rows of a CSV file into records; also says how the file was read.
pub(super) fn read(
    bytes: &[u8],
    file: &str,
    config: &SiteConfig,
    overrides: &[(String, String)],
    today: Date,
) -> Result<(Vec<Record>, Vec<String>), ImportError> {
    let (text, encoding) = text(bytes);
    let sep = separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .from_reader(text.as_bytes());
    let csv_error = |source| ImportError::Csv {
        file: file.to_string(),
        source,
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    // Each field's column: the override, else the first header that names it.
    let mut mapped: Vec<(&Column, usize)> = Vec::new();
    for column in COLUMNS {
        let found = headers
            .iter()
            .position(|h| column.headers.contains(&fold(h).as_str()));
        if let Some(i) = found {
            mapped.push((column, i));
        }
    }
    for (field, header) in overrides {
        let column = COLUMNS.iter().find(|c| c.field == field).ok_or_else(|| {
            let fields: Vec<&str> = COLUMNS.iter().map(|c| c.field).collect();
            ImportError::Column {
                given: format!("{field}={header}"),
                expected: format!("un champ parmi {}", fields.join(", ")),
                found: quote(field),
                suggestion: portal_model::problem::suggest(field, fields.iter().copied()),
            }
        })?;
        let i = headers
            .iter()
            .position(|h| fold(h) == fold(header))
            .ok_or_else(|| ImportError::Column {
                given: format!("{field}={header}"),
                expected: format!("une colonne de {file} ({})", headers.join(", ")),
                found: quote(header),
                suggestion: portal_model::problem::suggest(
                    header,
                    headers.iter().map(String::as_str),
                ),
            })?;
        mapped.retain(|(c, j)| c.field != column.field && *j != i);
        mapped.push((column, i));
    }
    mapped.sort_by_key(|(_, i)| *i);
    let name = match sep {
        b';' => "« ; »",
        b'\t' => "tabulation",
        _ => "« , »",
    };
    let mut notes = vec![format!("{file} : encodage {encoding}, séparateur {name}")];
    let described: Vec<String> = mapped
        .iter()
        .map(|(c, i)| format!("{} → {}", headers[*i], c.field))
        .collect();
    notes.push(format!("  colonnes : {}", described.join(", ")));
    let ignored: Vec<&str> = headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !h.is_empty() && !mapped.iter().any(|(_, j)| j == i))
        .map(|(_, h)| h.as_str())
        .collect();
    if !ignored.is_empty() {
        notes.push(format!(
            "  colonnes ignorées : {} (--column CHAMP=COLONNE pour en lire une)",
            ignored.join(", ")
        ));
    }

    let mut records = Vec::new();
    for row in reader.records() {
        let row = row.map_err(csv_error)?;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = row.position().map_or(0, |p| p.line()) as u32;
        let source = |i: usize| Source {
            file: file.to_string(),
            at: Pos::new(line, i as u32 + 1),
            label: format!("{}, colonne {}", headers[i], letter(i + 1)),
        };
        let cell = |field: &str| {
            mapped
                .iter()
                .find(|(c, _)| c.field == field)
                .and_then(|(_, i)| Some((row.get(*i)?.trim(), *i)))
                .filter(|(v, _)| !v.is_empty())
        };
        let mut r = Record::new(Source {
            file: file.to_string(),
            at: Pos::new(line, 1),
            label: String::new(),
        });
        let mut labels = Vec::new();
        for (column, i) in &mapped {
            let Some(raw) = row.get(*i).map(str::trim).filter(|v| !v.is_empty()) else {
                continue;
            };
            let at = Some(source(*i));
            let list = |raw: &str| -> Vec<Value> {
                raw.split([',', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(Value::from)
                    .collect()
            };
            match column.field {
                // The point and the description are put together below.
                "latitude" | "longitude" | "description" => {}
                "categories" => {
                    let keys: Vec<Value> = raw
                        .split([',', ';', '/', '|'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(|c| Value::from(category(config, c)))
                        .collect();
                    for k in &keys {
                        if let Some(label) = k.as_str().and_then(|k| config.categories.label(k)) {
                            labels.push(label.to_string());
                        }
                    }
                    r.set(column.path, Value::Array(keys), at);
                }
                "public" | "languages" => r.set(column.path, Value::Array(list(raw)), at),
                "hours" => match hours::parse(raw) {
                    Ok(week) => {
                        if let Some(h) = week.hours() {
                            r.set(column.path, h, at.clone());
                        }
                        if let (Some(word), None) = (week.holidays, cell("public_holidays")) {
                            r.set("locations[0].public_holidays", Value::from(word), at);
                        }
                    }
                    Err(what) => {
                        let s = source(*i);
                        r.refuse(
                            column.path,
                            &s,
                            hours::EXPECTED,
                            format!("{} : {what}", quote(raw)),
                        );
                        r.sources.push((column.path.to_string(), s));
                    }
                },
                "public_holidays" => {
                    let word = match fold(raw).as_str() {
                        "ouvert" | "oui" | "open" => "open",
                        "ferme" | "non" | "closed" => "closed",
                        _ => raw,
                    };
                    r.set(column.path, Value::from(word), at);
                }
                "wheelchair" | "food_bank_partner" => r.set(column.path, yes_no(raw), at),
                "website" if raw.starts_with("www.") => {
                    r.set(column.path, Value::from(format!("https://{raw}")), at)
                }
                "rna" | "siret" => r.set(column.path, Value::from(raw.replace(' ', "")), at),
                "updated" => r.set(column.path, Value::from(french_date(raw)), at),
                _ => r.set(column.path, Value::from(raw), at),
            }
        }
        // The point: both coordinates, or the address is reported as having none.
        match (cell("latitude"), cell("longitude")) {
            (Some((lat, i)), Some((lon, _))) => {
                let n = |raw: &str| number(raw).map_or(Value::from(raw), Value::from);
                r.set(
                    "locations[0].geo",
                    Value::Array(vec![n(lat), n(lon)]),
                    Some(source(i)),
                );
            }
            (lat, lon) => {
                let at = lat
                    .or(lon)
                    .map(|(_, i)| source(i))
                    .or_else(|| cell("address").map(|(_, i)| source(i)))
                    .unwrap_or_else(|| r.at.clone());
                r.no_coordinates = true;
                r.refuse(
                    "locations[0].geo",
                    &at,
                    "la latitude et la longitude du lieu (aucun service de géocodage n'est appelé : géocodez le fichier, voir GUIDE.md, puis importez-le à nouveau)",
                    match (lat, lon) {
                        (None, None) => "une adresse sans coordonnées".to_string(),
                        _ => "une seule des deux coordonnées".to_string(),
                    },
                );
            }
        }
        let city = cell("city").map(|(c, _)| c).unwrap_or("");
        r.qualifier = city.to_string();
        // What it does, in the site's words, else as the table says it.
        let what = if labels.is_empty() {
            cell("categories")
                .map(|(c, _)| c.to_string())
                .unwrap_or_default()
        } else {
            labels.join(", ")
        };
        if cell("summary").is_none() {
            let from_body = cell("description").map(|(d, _)| first_sentence(d));
            let summary = from_body.filter(|s| !s.is_empty()).unwrap_or_else(|| {
                match (what.is_empty(), city.is_empty()) {
                    (false, false) => format!("{what}, à {city}."),
                    (false, true) => format!("{what}."),
                    _ => String::new(),
                }
            });
            if !summary.is_empty() {
                r.set("summary", Value::from(summary), None);
            }
        }
        match cell("description") {
            Some((d, i)) => {
                r.body = d.to_string();
                r.sources.push(("body".into(), source(i)));
            }
            None => {
                // Said from the row itself: who, where, what; nothing made up.
                let name = cell("name").map(|(n, _)| n).unwrap_or("");
                let town = [cell("postal_code"), cell("city")]
                    .iter()
                    .flatten()
                    .map(|(v, _)| *v)
                    .collect::<Vec<_>>()
                    .join(" ");
                let address = [cell("address").map(|(a, _)| a.to_string()), Some(town)]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                if !name.is_empty() && !address.is_empty() {
                    let what = if what.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", what.to_lowercase())
                    };
                    r.body = format!("{name} accueille le public au {address}{what}.");
                }
            }
        }
        if cell("updated").is_none() {
            r.set("updated", Value::from(today.to_string()), None);
        }
        records.push(r);
    }
    Ok((records, notes))
}

/// `oui`/`non` (and the like) as a boolean; anything else as written, for the model to
/// refuse with a suggestion.
fn yes_no(raw: &str) -> Value {
    match fold(raw).as_str() {
        "oui" | "o" | "yes" | "x" | "1" | "vrai" | "true" => Value::Bool(true),
        "non" | "n" | "no" | "0" | "faux" | "false" => Value::Bool(false),
        _ => Value::from(raw),
    }
}

/// `JJ/MM/AAAA`, as a French spreadsheet writes a date, as `AAAA-MM-JJ`; anything else as
/// written.
fn french_date(raw: &str) -> String {
    let parts: Vec<&str> = raw.split('/').collect();
    match parts[..] {
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        _ => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_encodings_and_separators_are_guessed() {
        assert_eq!(fold("  Tél. "), "tel");
        assert_eq!(fold("Code_Postal"), "code postal");
        assert_eq!(fold("Adresse e-mail"), "adresse e mail");
        assert_eq!(text(b"\xEF\xBB\xBFNom;Ville").0, "Nom;Ville");
        assert_eq!(
            text(b"Nom;T\xe9l\xe9phone"),
            ("Nom;Téléphone".to_string(), "Windows-1252")
        );
        assert_eq!(separator("Nom;Adresse;\"a,b\"\n1,2,3,4"), b';');
        assert_eq!(separator("Nom,Adresse\n"), b',');
        assert_eq!(letter(1), "A");
        assert_eq!(letter(28), "AB");
        assert_eq!(french_date("2/11/2026"), "2026-11-02");
    }
}
