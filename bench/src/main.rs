//! `synth`: writes a synthetic, reproducible site of N entries for the benchmarks.
//!
//! ```text
//! synth --out DIR --entries N [--seed 42] [--today 2026-11-23] [--site-toml site.toml]
//! ```
//!
//! About 40 % associations, 20 % calls for volunteers, 40 % listings, and a few free pages,
//! all following the content contract (`shared/spec/content.md`): real communes of
//! Gironde with their real coordinates (those of the bundled `content/associations/`),
//! the categories of the given `site.toml`, hours spread over the week, one-off slots and
//! weekly recurrences, some of them over (archived) on `--today`. The same arguments
//! always write the same bytes.
//!
//! Every value is written so that both `portal` and Hugo (YAML 1.1) read it the same way:
//! texts, times and postal codes are double-quoted, language codes avoid `no`.
//!
//! It also writes `DIR/hugo/content/communes/`, one section per commune, for the Hugo
//! theme of `bench/hugo-theme/` (Hugo cannot make a taxonomy of a nested field such as
//! `locations[].city`): `portal` never reads `DIR/hugo/`.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

/// xorshift64*: tiny, seeded, good enough to pick words.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that seeds 1, 2, 3 do not start alike; never zero.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
    /// `k` distinct items, in the order of `items`.
    fn some<'a, T>(&mut self, items: &'a [T], k: usize) -> Vec<&'a T> {
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < k.min(items.len()) {
            let i = self.below(items.len());
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen.sort_unstable();
        chosen.into_iter().map(|i| &items[i]).collect()
    }
    /// `k` distinct items in a random order (a partial Fisher-Yates shuffle).
    fn shuffled<'a, T>(&mut self, items: &'a [T], k: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..items.len()).collect();
        let k = k.min(items.len());
        for i in 0..k {
            let j = i + self.below(items.len() - i);
            idx.swap(i, j);
        }
        idx[..k].iter().map(|&i| &items[i]).collect()
    }
    /// A small offset for a coordinate, about ±300 m.
    fn jitter(&mut self) -> f64 {
        (self.below(601) as f64 - 300.0) / 100_000.0
    }
}

// ---------------------------------------------------------------------------------------
// Dates, without a date library: days since 1970-01-01 (Howard Hinnant's algorithms).

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

fn parse_date(s: &str) -> Option<i64> {
    let mut it = s.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| days_from_civil(y, m, d))
}

// ---------------------------------------------------------------------------------------
// Vocabulary.

/// Communes of the bundled content, with the real coordinates used there.
const COMMUNES: &[(&str, &str, f64, f64)] = &[
    ("Bordeaux", "33000", 44.8347, -0.5718),
    ("Bordeaux", "33000", 44.8378, -0.5781),
    ("Bordeaux", "33100", 44.8412, -0.5589),
    ("Bordeaux", "33100", 44.8561, -0.5534),
    ("Bordeaux", "33200", 44.8469, -0.6071),
    ("Bordeaux", "33300", 44.8521, -0.5711),
    ("Bordeaux", "33800", 44.8279, -0.5644),
    ("Arcachon", "33120", 44.6604, -1.1652),
    ("Bègles", "33130", 44.8057, -0.5512),
    ("Cenon", "33150", 44.8563, -0.5344),
    ("La Réole", "33190", 44.5818, -0.0338),
    ("Langon", "33210", 44.5547, -0.2473),
    ("Sainte-Foy-la-Grande", "33220", 44.8398, 0.2201),
    ("Pineuilh", "33220", 44.8359, 0.2306),
    ("Coutras", "33230", 45.0397, -0.1302),
    ("Pauillac", "33250", 45.1994, -0.7471),
    ("La Teste-de-Buch", "33260", 44.6319, -1.1436),
    ("Floirac", "33270", 44.8362, -0.5231),
    ("Lormont", "33310", 44.8771, -0.5238),
    ("Lesparre-Médoc", "33340", 45.3081, -0.9391),
    ("Blaye", "33390", 45.1262, -0.6609),
    ("Talence", "33400", 44.8101, -0.5873),
    ("Bazas", "33430", 44.4302, -0.2116),
    ("Libourne", "33500", 44.9136, -0.2457),
    ("Pessac", "33600", 44.7977, -0.6162),
    ("Mérignac", "33700", 44.8351, -0.6489),
    ("Soulac-sur-Mer", "33780", 45.5122, -1.1251),
];

const STREETS: &[&str] = &[
    "rue Notre-Dame",
    "quai de la Monnaie",
    "cours de la Libération",
    "place de la Mairie",
    "rue du Général de Gaulle",
    "avenue Jean Jaurès",
    "rue Victor Hugo",
    "allée des Tilleuls",
    "rue de la République",
    "chemin du Moulin",
    "rue Pasteur",
    "boulevard Aristide Briand",
    "rue des Écoles",
    "place du Marché",
    "rue Sainte-Catherine",
    "avenue de la Gare",
    "impasse des Lilas",
    "rue Camille Pelletan",
];

const ASSOCIATION_KINDS: &[&str] = &[
    "Épicerie solidaire",
    "Banque alimentaire",
    "Restaurant solidaire",
    "Accueil de jour",
    "Vestiaire solidaire",
    "Maison des solidarités",
    "Collectif d'entraide",
    "Relais social",
    "Table ouverte",
    "Maraude",
    "Point d'accès aux droits",
    "Bagagerie",
    "Halte de nuit",
    "Jardin partagé",
    "Atelier numérique",
    "Laverie solidaire",
    "Permanence santé",
    "Café social",
];

const QUALIFIERS: &[&str] = &[
    "du Port",
    "de la Bastide",
    "des Chartrons",
    "Saint-Michel",
    "des Capucins",
    "du Bourg",
    "de l'Estuaire",
    "des Quais",
    "du Marché",
    "des Vignes",
    "de la Gare",
    "du Lac",
    "des Dunes",
    "du Vieux Pont",
    "de la Garonne",
    "des Coteaux",
];

const SUMMARIES: &[&str] = &[
    "Distribution de colis alimentaires pour les habitants du secteur, sur orientation.",
    "Une épicerie où les familles font leurs courses pour 10 % du prix habituel.",
    "Repas chauds servis le midi, sans condition, dans une salle chauffée.",
    "Accueil de jour, douches, laverie et bagagerie pour les personnes sans domicile.",
    "Aide aux démarches administratives et accès aux droits, sur rendez-vous ou sans.",
    "Maraudes du soir à la rencontre des personnes qui vivent à la rue.",
    "Vêtements, chaussures et linge de maison pour quelques euros ou gratuitement.",
    "Lutte contre l'isolement : visites, sorties et ateliers pour les personnes seules.",
    "Consultations gratuites et prévention santé pour les personnes sans couverture.",
    "Hébergement d'urgence et mise à l'abri pendant l'hiver.",
];

const ASSOCIATION_SENTENCES: &[&str] = &[
    "Nous accueillons les personnes et les familles du secteur de {commune} qui traversent une période difficile.",
    "Chaque semaine, les bénévoles préparent des colis composés de produits secs, de fruits et légumes frais et, selon les arrivages, de produits laitiers.",
    "Un café est servi pendant l'attente, et l'équipe prend le temps d'orienter vers les autres structures du quartier.",
    "L'accueil se fait sans rendez-vous le {jour}, et sur orientation d'un travailleur social les autres jours.",
    "Les denrées proviennent de la banque alimentaire de la Gironde, de collectes en magasin et de dons de producteurs locaux.",
    "Une permanence d'accès aux droits aide à remplir les dossiers de la CAF, de l'assurance maladie et des impôts.",
    "Des douches, une laverie et une bagagerie sont à la disposition des personnes sans domicile.",
    "Nous proposons aussi des ateliers de cuisine, de couture et d'initiation au numérique.",
    "La participation demandée est de 10 % du prix habituel des produits, ajustée selon la situation de chacun.",
    "Les enfants sont les bienvenus : un coin jeux les attend pendant que les parents font leurs courses.",
    "L'équipe compte une trentaine de bénévoles et deux salariées, et cherche toujours du renfort.",
    "Nous travaillons avec le centre communal d'action sociale de {commune} et les assistantes sociales du département.",
    "Un repas chaud est servi le midi dans une salle chauffée, dans le calme et la convivialité.",
    "Les maraudes partent le soir à la rencontre des personnes qui vivent à la rue, avec des boissons chaudes et des duvets.",
    "Des interprètes bénévoles peuvent accompagner les personnes qui ne parlent pas encore bien le français.",
    "Un vestiaire propose des vêtements d'enfants, des manteaux et des chaussures, gratuitement ou pour quelques euros.",
    "L'association est née en {annee} de la volonté de quelques habitants de {commune} de ne laisser personne seul.",
    "Pendant l'été, l'accueil continue avec des horaires réduits ; pensez à vérifier les fermetures ci-dessous.",
];

const OFFERS_LIST: &[&str] = &[
    "faire le point sur ses droits (CAF, assurance maladie, retraite)",
    "être aidé pour une démarche en ligne",
    "prendre une douche et laver son linge",
    "recevoir un colis alimentaire chaque semaine",
    "trouver des vêtements chauds pour l'hiver",
    "rencontrer une infirmière ou un médecin bénévole",
    "partager un repas et un moment de convivialité",
];

const CALL_TITLES: &[&str] = &[
    "Renfort pour la distribution du {jour}",
    "Chauffeurs pour la ramasse en magasin",
    "Accueil du public à l'épicerie",
    "Rejoindre une équipe de maraude du soir",
    "Cuisine du repas solidaire",
    "Tri des dons de vêtements",
    "Collecte de denrées en supermarché",
    "Aide aux devoirs après l'école",
    "Accompagnement aux démarches en ligne",
    "Inventaire de l'entrepôt",
    "Écoutants bénévoles au téléphone",
    "Interprètes pour les permanences",
];

const CALL_SENTENCES: &[&str] = &[
    "Nous cherchons des bénévoles pour renforcer l'équipe du {jour}.",
    "Aucune compétence particulière n'est demandée : une personne expérimentée accompagne toujours les nouveaux.",
    "Il faut pouvoir porter des cartons et rester debout quelques heures.",
    "Une courte formation est proposée avant le premier créneau.",
    "Le permis B est apprécié pour les tournées de ramasse dans les magasins partenaires.",
    "Un créneau de quelques heures suffit ; chacun vient selon ses disponibilités.",
    "L'essentiel est d'aimer aller vers les autres et de savoir écouter sans juger.",
    "Le rendez-vous est donné au local de {commune}, un quart d'heure avant le début du créneau.",
    "Les frais de déplacement peuvent être remboursés sur justificatif.",
    "Nous demandons de s'engager sur au moins un créneau toutes les deux semaines pendant trois mois.",
];

const SKILLS: &[&str] = &[
    "accueil du public",
    "port de cartons",
    "permis B",
    "écoute",
    "discrétion",
    "cuisine",
    "informatique",
    "langue arabe",
    "anglais",
    "comptabilité",
    "bricolage",
];

/// Listing titles by category (`food`, `equipment`, …).
const LISTINGS: &[(&str, &[&str])] = &[
    (
        "food",
        &[
            "Pommes du verger",
            "Yaourts et fromages blancs",
            "Pain de la veille",
            "Plats cuisinés en barquettes",
            "Légumes de saison",
            "Lait UHT demi-écrémé",
            "Conserves de légumes",
            "Clémentines en cagettes",
        ],
    ),
    (
        "equipment",
        &[
            "Congélateur coffre",
            "Vitrine réfrigérée",
            "Portants à vêtements",
            "Tables pliantes",
            "Ordinateurs reconditionnés",
            "Transpalette manuel",
        ],
    ),
    (
        "skills",
        &[
            "Comptable bénévole",
            "Cours de français",
            "Formation premiers secours",
            "Conseil juridique",
        ],
    ),
    (
        "premises",
        &["Salle de réunion", "Local de stockage", "Cuisine équipée"],
    ),
    (
        "transport",
        &[
            "Camion frigorifique le lundi",
            "Minibus pour les sorties",
            "Camionnette pour la ramasse",
        ],
    ),
    (
        "other",
        &[
            "Kits d'hygiène",
            "Duvets grand froid",
            "Produits d'hygiène bébé",
            "Cartons et cabas",
        ],
    ),
];

const LISTING_SENTENCES: &[&str] = &[
    "À retirer sur place aux heures d'ouverture, en prévenant la veille.",
    "Le lot peut être partagé entre plusieurs associations si besoin.",
    "Nous pouvons livrer dans un rayon de vingt kilomètres autour de {commune}.",
    "Les produits sont en bon état et stockés au sec.",
    "Le matériel a servi pendant deux ans et fonctionne parfaitement.",
    "Merci de nous contacter par téléphone pour convenir d'un créneau.",
    "Une camionnette est nécessaire pour le transport.",
    "Nous cherchons une solution avant la fin du mois.",
    "Toute proposition, même partielle, nous aiderait beaucoup.",
];

const DAYS: &[(&str, &str)] = &[
    ("mo", "lundi"),
    ("tu", "mardi"),
    ("we", "mercredi"),
    ("th", "jeudi"),
    ("fr", "vendredi"),
    ("sa", "samedi"),
    ("su", "dimanche"),
];
const MORNINGS: &[&str] = &["09:00-12:00", "08:30-12:30", "10:00-13:00", "09:30-11:30"];
const AFTERNOONS: &[&str] = &["14:00-17:00", "13:30-18:00", "14:00-17:30", "15:00-19:00"];
const EVENINGS: &[&str] = &["18:00-20:00", "19:00-22:00", "20:00-24:00"];
const PUBLICS: &[&str] = &[
    "familles",
    "personnes-isolees",
    "seniors",
    "jeunes",
    "etudiants",
    "personnes-sans-domicile",
    "personnes-exilees",
    "femmes-avec-enfants",
    "travailleurs-saisonniers",
];
/// ISO 639-1 codes; not `no`, which YAML 1.1 (Hugo) reads as false.
const LANGUAGES: &[&str] = &[
    "en", "es", "ar", "pt", "pl", "ro", "uk", "ru", "tr", "it", "de", "fa", "ps", "ti",
];
const CONDITIONS: &[&str] = &[
    "Sur orientation d'un travailleur social.",
    "Sans condition, sans rendez-vous.",
    "Inscription lors d'un premier rendez-vous, sur présentation d'un justificatif de domicile.",
    "Ouvert à tous ; une participation de quelques euros est demandée.",
];
const ACCESS_NOTES: &[&str] = &[
    "Entrée de plain-pied par la cour.",
    "Une rampe amovible est disponible à l'accueil ; sonnez à l'interphone.",
    "Local à l'étage sans ascenseur : l'équipe peut recevoir au rez-de-chaussée sur demande.",
];

// ---------------------------------------------------------------------------------------
// Writing.

/// A double-quoted YAML scalar, read the same by YAML 1.1 and 1.2.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Lowercase ASCII letters, digits and single hyphens.
fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'œ' => {
                out.push('o');
                'e'
            }
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

struct Fill<'a> {
    commune: &'a str,
    day: &'a str,
    year: i64,
}

fn fill(template: &str, f: &Fill) -> String {
    template
        .replace("{commune}", f.commune)
        .replace("{jour}", f.day)
        .replace("{annee}", &f.year.to_string())
}

/// A few paragraphs of sentences, sometimes a list.
fn body(
    rng: &mut Rng,
    sentences: &[&'static str],
    paragraphs: usize,
    f: &Fill,
    list: bool,
) -> String {
    let mut out = String::new();
    let sizes: Vec<usize> = (0..paragraphs).map(|_| rng.range(2, 4) as usize).collect();
    let mut chosen = rng
        .shuffled(sentences, sizes.iter().sum())
        .into_iter()
        .map(|s| fill(s, f));
    for (i, &n) in sizes.iter().enumerate() {
        let para: Vec<String> = chosen.by_ref().take(n).collect();
        if para.is_empty() {
            break;
        }
        // Lines wrapped around 90 columns, as editors write them.
        let text = para.join(" ");
        let mut line = String::new();
        for word in text.split(' ') {
            if !line.is_empty() && line.len() + word.len() > 88 {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push_str("\n\n");
        if list && i == 0 {
            out.push_str("Sur place, on peut notamment :\n\n");
            for item in rng.some(OFFERS_LIST, 3) {
                let _ = writeln!(out, "- {item} ;");
            }
            out.push('\n');
        }
    }
    out
}

struct Place {
    city: &'static str,
    postal_code: &'static str,
    lat: f64,
    lon: f64,
    address: String,
}

fn place(rng: &mut Rng) -> Place {
    let &(city, postal_code, lat, lon) = rng.pick(COMMUNES);
    Place {
        city,
        postal_code,
        lat: lat + rng.jitter(),
        lon: lon + rng.jitter(),
        address: format!("{} {}", rng.range(1, 120), rng.word(STREETS)),
    }
}

fn write_place(out: &mut String, indent: &str, name: Option<&str>, p: &Place) {
    let first = format!("{indent}- ");
    let rest = format!("{indent}  ");
    let mut lead = first.as_str();
    if let Some(name) = name {
        let _ = writeln!(out, "{lead}name: {}", q(name));
        lead = &rest;
    }
    let _ = writeln!(out, "{lead}address: {}", q(&p.address));
    let _ = writeln!(out, "{rest}postal_code: {}", q(p.postal_code));
    let _ = writeln!(out, "{rest}city: {}", q(p.city));
    let _ = writeln!(out, "{rest}geo: [{:.4}, {:.4}]", p.lat, p.lon);
}

/// A `place:` block (a mapping, not a list item).
fn write_single_place(out: &mut String, name: &str, p: &Place) {
    let _ = writeln!(out, "place:");
    let _ = writeln!(out, "  name: {}", q(name));
    let _ = writeln!(out, "  address: {}", q(&p.address));
    let _ = writeln!(out, "  postal_code: {}", q(p.postal_code));
    let _ = writeln!(out, "  city: {}", q(p.city));
    let _ = writeln!(out, "  geo: [{:.4}, {:.4}]", p.lat, p.lon);
}

fn hours(rng: &mut Rng, out: &mut String) {
    let _ = writeln!(out, "    hours:");
    let ndays = rng.range(1, 5) as usize;
    for (key, _) in rng.some(DAYS, ndays) {
        let ranges: Vec<&str> = match rng.below(10) {
            0..=3 => vec![rng.word(MORNINGS)],
            4..=6 => vec![rng.word(MORNINGS), rng.word(AFTERNOONS)],
            7..=8 => vec![rng.word(AFTERNOONS)],
            _ => vec![rng.word(EVENINGS)],
        };
        let ranges: Vec<String> = ranges.iter().map(|r| q(r)).collect();
        let _ = writeln!(out, "      {key}: [{}]", ranges.join(", "));
    }
}

/// A SIRET whose Luhn key is right.
fn siret(rng: &mut Rng) -> String {
    let mut digits: Vec<u32> = (0..13).map(|_| rng.below(10) as u32).collect();
    let sum = |d: &[u32]| -> u32 {
        d.iter()
            .rev()
            .enumerate()
            .map(|(i, &x)| {
                if i % 2 == 1 {
                    let y = x * 2;
                    if y > 9 { y - 9 } else { y }
                } else {
                    x
                }
            })
            .sum()
    };
    let key = (0..10)
        .find(|k| {
            let mut all = digits.clone();
            all.push(*k);
            sum(&all) % 10 == 0
        })
        .expect("one key of ten fits");
    digits.push(key);
    digits
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap())
        .collect()
}

fn phone(rng: &mut Rng) -> String {
    let lead = rng.word(&["05 56", "05 57", "05 35", "06", "07"]);
    let groups = if lead.len() == 2 { 4 } else { 3 };
    let mut s = lead.to_string();
    for _ in 0..groups {
        let _ = write!(s, " {:02}", rng.below(100));
    }
    s
}

struct Site {
    out: PathBuf,
    today: i64,
    categories: Vec<String>,
    /// Association slugs, in the order written.
    associations: Vec<String>,
    /// Cities where associations receive people (for the Hugo commune sections).
    cities: std::collections::BTreeSet<&'static str>,
}

impl Site {
    fn write(&self, folder: &str, slug: &str, text: &str) -> std::io::Result<()> {
        fs::write(
            self.out
                .join("content")
                .join(folder)
                .join(format!("{slug}.md")),
            text,
        )
    }

    fn association(&mut self, rng: &mut Rng, i: usize) -> std::io::Result<()> {
        let name = format!("{} {}", rng.word(ASSOCIATION_KINDS), rng.word(QUALIFIERS));
        let slug = format!("{}-{i}", slugify(&name));
        let mut y = String::from("---\n");
        let _ = writeln!(y, "name: {}", q(&name));
        let _ = writeln!(y, "summary: {}", q(rng.word(SUMMARIES)));
        let ncat = rng.range(1, 3) as usize;
        let cats: Vec<&String> = rng.some(&self.categories, ncat);
        let _ = writeln!(y, "categories:");
        for c in cats {
            let _ = writeln!(y, "  - {c}");
        }
        // A few associations work only remotely (a helpline, say).
        let remote_only = rng.chance(2);
        let mut first_city = "Bordeaux";
        if remote_only {
            let _ = writeln!(y, "remote_only: true");
        } else {
            let _ = writeln!(y, "locations:");
            let nloc = match rng.below(10) {
                0..=6 => 1,
                7..=8 => 2,
                _ => 3,
            };
            for k in 0..nloc {
                let p = place(rng);
                if k == 0 {
                    first_city = p.city;
                }
                self.cities.insert(p.city);
                let label = format!("Local de {}", p.city);
                write_place(&mut y, "  ", rng.chance(60).then_some(label.as_str()), &p);
                if rng.chance(90) {
                    hours(rng, &mut y);
                }
                let _ = writeln!(
                    y,
                    "    public_holidays: {}",
                    rng.word(&["open", "closed", "closed", "unknown"])
                );
                if rng.chance(30) {
                    let _ = writeln!(y, "    closures:");
                    // Some closures are over, some to come.
                    let from = self.today + rng.range(-60, 60);
                    let to = from + rng.range(0, 14);
                    let _ = writeln!(
                        y,
                        "      - {{from: {}, to: {}, note: {}}}",
                        date(from),
                        date(to),
                        q("Fermeture exceptionnelle, reprise aux horaires habituels")
                    );
                }
                if rng.chance(50) {
                    let _ = writeln!(y, "    accessibility:");
                    let _ = writeln!(y, "      wheelchair: {}", rng.chance(60));
                    if rng.chance(50) {
                        let _ = writeln!(y, "      notes: {}", q(rng.word(ACCESS_NOTES)));
                    }
                }
            }
        }
        let _ = writeln!(y, "contact:");
        let _ = writeln!(y, "  phone: {}", q(&phone(rng)));
        let _ = writeln!(y, "  email: contact@{slug}.example.org");
        if rng.chance(40) {
            let _ = writeln!(y, "  website: https://{slug}.example.org");
        }
        if rng.chance(80) {
            let _ = writeln!(y, "identifiers:");
            let _ = writeln!(y, "  rna: W33{:07}", rng.below(10_000_000));
            if rng.chance(25) {
                let _ = writeln!(y, "  siret: {}", q(&siret(rng)));
            }
        }
        let _ = writeln!(y, "food_bank_partner: {}", rng.chance(40));
        let npub = rng.range(1, 3) as usize;
        let publics: Vec<&&str> = rng.some(PUBLICS, npub);
        let publics: Vec<&str> = publics.into_iter().copied().collect();
        let _ = writeln!(y, "public: [{}]", publics.join(", "));
        if rng.chance(60) {
            let _ = writeln!(y, "conditions: {}", q(rng.word(CONDITIONS)));
        }
        let nlang = rng.range(0, 3) as usize;
        let mut langs = vec!["fr"];
        langs.extend(rng.some(LANGUAGES, nlang).into_iter().copied());
        let _ = writeln!(y, "languages: [{}]", langs.join(", "));
        let _ = writeln!(y, "updated: {}", date(self.today - rng.range(1, 365)));
        y.push_str("---\n");
        let f = Fill {
            commune: first_city,
            day: rng.pick(DAYS).1,
            year: rng.range(1985, 2024),
        };
        let paragraphs = rng.range(2, 4) as usize;
        let list = rng.chance(30);
        y.push_str(&body(rng, ASSOCIATION_SENTENCES, paragraphs, &f, list));
        y.push_str("*Association fictive : contenu de démonstration.*\n");
        self.write("associations", &slug, &y)?;
        self.associations.push(slug);
        Ok(())
    }

    fn call(&self, rng: &mut Rng, i: usize) -> std::io::Result<()> {
        let day = rng.pick(DAYS).1;
        let own = place(rng);
        let f = Fill {
            commune: own.city,
            day,
            year: 2000,
        };
        let title = fill(rng.word(CALL_TITLES), &f);
        let slug = format!("{}-{i}", slugify(&title));
        let mut y = String::from("---\n");
        let _ = writeln!(y, "title: {}", q(&title));
        let _ = writeln!(y, "association: {}", rng.pick(&self.associations));
        let nskills = rng.range(0, 3) as usize;
        if nskills > 0 {
            let skills: Vec<String> = rng.some(SKILLS, nskills).iter().map(|s| q(s)).collect();
            let _ = writeln!(y, "skills: [{}]", skills.join(", "));
        }
        if rng.chance(40) {
            write_single_place(&mut y, "Rendez-vous", &own);
        }
        if rng.chance(10) {
            let _ = writeln!(y, "remote: true");
        }
        // Spread around today: about a quarter is over.
        let start = self.today + rng.range(-90, 120);
        if rng.chance(55) {
            let _ = writeln!(y, "slots:");
            let n = rng.range(1, 5);
            for k in 0..n {
                let d = start + k * rng.range(1, 7);
                let (s, e) = *rng.pick(&[
                    ("09:00", "12:00"),
                    ("13:00", "19:30"),
                    ("14:00", "17:00"),
                    ("18:30", "21:00"),
                ]);
                let _ = writeln!(
                    y,
                    "  - {{date: {}, start: {}, end: {}, volunteers: {}}}",
                    date(d),
                    q(s),
                    q(e),
                    rng.range(1, 8)
                );
            }
            if rng.chance(30) {
                let _ = writeln!(y, "deadline: {}", date(start - rng.range(0, 5)));
            }
        } else {
            let ndays = rng.range(1, 3) as usize;
            let days: Vec<&str> = rng.some(DAYS, ndays).iter().map(|d| d.0).collect();
            let (s, e) = *rng.pick(&[
                ("09:00", "12:00"),
                ("14:00", "17:00"),
                ("20:00", "24:00"),
                ("11:30", "14:00"),
            ]);
            let _ = writeln!(y, "recurrence:");
            let _ = writeln!(y, "  freq: weekly");
            let _ = writeln!(y, "  days: [{}]", days.join(", "));
            let _ = writeln!(y, "  start: {}", q(s));
            let _ = writeln!(y, "  end: {}", q(e));
            let from = start - 60;
            let _ = writeln!(y, "  from: {}", date(from));
            if rng.chance(50) {
                let _ = writeln!(y, "  until: {}", date(from + rng.range(30, 240)));
            }
            let _ = writeln!(y, "  volunteers: {}", rng.range(1, 6));
        }
        if rng.chance(25) {
            let _ = writeln!(y, "open_to_minors: true");
        }
        if rng.chance(8) {
            let _ = writeln!(y, "status: {}", rng.word(&["filled", "cancelled"]));
        }
        y.push_str("---\n");
        let paragraphs = rng.range(1, 3) as usize;
        y.push_str(&body(rng, CALL_SENTENCES, paragraphs, &f, false));
        self.write("benevolat", &slug, &y)
    }

    fn listing(&self, rng: &mut Rng, i: usize) -> std::io::Result<()> {
        let &(category, titles) = rng.pick(LISTINGS);
        let title = rng.word(titles);
        let slug = format!("{}-{i}", slugify(title));
        let offer = rng.chance(55);
        let food = category == "food";
        let own = place(rng);
        let mut y = String::from("---\n");
        let _ = writeln!(y, "title: {}", q(title));
        let _ = writeln!(y, "association: {}", rng.pick(&self.associations));
        let _ = writeln!(y, "kind: {}", if offer { "offer" } else { "request" });
        let _ = writeln!(y, "category: {category}");
        if rng.chance(70) {
            let unit = match category {
                "food" => rng.word(&["kg", "l", "portions"]),
                "skills" => "hours",
                "premises" => "m2",
                _ => "items",
            };
            let _ = writeln!(
                y,
                "quantity: {{amount: {}, unit: {unit}}}",
                rng.range(1, 300)
            );
        }
        let from = self.today + rng.range(-60, 30);
        let until = from + rng.range(3, 90);
        if rng.chance(60) {
            if rng.chance(70) {
                let _ = writeln!(
                    y,
                    "available: {{from: {}, until: {}}}",
                    date(from),
                    date(until)
                );
            } else {
                let _ = writeln!(y, "available: {{from: {}}}", date(from));
            }
        }
        if food && (offer || rng.chance(30)) {
            let _ = writeln!(y, "expires: {}", date(from + rng.range(2, 40)));
        }
        if food && rng.chance(50) {
            let _ = writeln!(y, "cold_chain: {}", rng.chance(50));
        }
        if rng.chance(35) {
            write_single_place(&mut y, "Lieu de retrait", &own);
        }
        if rng.chance(10) {
            let _ = writeln!(
                y,
                "status: {}",
                rng.word(&["reserved", "done", "withdrawn"])
            );
        }
        y.push_str("---\n");
        let f = Fill {
            commune: own.city,
            day: rng.pick(DAYS).1,
            year: 2000,
        };
        let paragraphs = rng.range(1, 2) as usize;
        y.push_str(&body(rng, LISTING_SENTENCES, paragraphs, &f, false));
        self.write("ressources", &slug, &y)
    }

    fn pages(&self) -> std::io::Result<()> {
        let pages: &[(&str, &str, Option<u32>, &str)] = &[
            (
                "a-propos",
                "À propos",
                Some(1),
                "# Un portail pour trouver de l'aide\n\nLe portail rassemble les associations qui agissent contre la précarité :\naide alimentaire, hébergement, hygiène, vêtements, accès aux droits.\n\n- **trouver un lieu d'accueil** près de chez soi ;\n- **s'entraider entre associations**.\n\n# Qui le fait vivre\n\nLes associations elles-mêmes, avec l'appui de la [banque alimentaire](https://example.org/).\n",
            ),
            (
                "plan-grand-froid",
                "Plan grand froid",
                Some(2),
                "# Pendant le grand froid\n\nLes maraudes sont renforcées et des places d'hébergement supplémentaires ouvrent.\nAppelez le 115 pour une mise à l'abri, de jour comme de nuit.\n",
            ),
            (
                "mentions-legales",
                "Mentions légales",
                None,
                "# Éditeur\n\nLe portail est édité par un collectif d'associations, à titre d'exemple.\n\n# Hébergement\n\nLe site est un ensemble de fichiers statiques.\n",
            ),
            (
                "accessibilite",
                "Déclaration d'accessibilité",
                None,
                "# État de conformité\n\nLe portail vise la conformité au RGAA 4.1 ; chaque page a un lien d'évitement\net un seul titre de premier niveau.\n",
            ),
        ];
        for (slug, title, menu, text) in pages {
            let mut y = String::from("---\n");
            let _ = writeln!(y, "title: {}", q(title));
            if let Some(m) = menu {
                let _ = writeln!(y, "menu: {m}");
            }
            y.push_str("---\n");
            y.push_str(text);
            self.write("pages", slug, &y)?;
        }
        Ok(())
    }

    /// `hugo/content/communes/<slug>/_index.md`, one section per commune, for Hugo only.
    fn hugo_communes(&self) -> std::io::Result<()> {
        let dir = self.out.join("hugo/content/communes");
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("_index.md"), "---\ntitle: \"Communes\"\n---\n")?;
        for city in &self.cities {
            let d = dir.join(slugify(city));
            fs::create_dir_all(&d)?;
            fs::write(
                d.join("_index.md"),
                format!(
                    "---\ntitle: {}\ncity: {}\n---\n",
                    q(&format!("Associations à {city}")),
                    q(city)
                ),
            )?;
        }
        Ok(())
    }
}

/// The `[categories]` keys of a `site.toml`, in order (a line reader: no TOML library).
fn categories(site_toml: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in site_toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[categories]";
            continue;
        }
        if !inside || line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some((k, v)) = line.split_once('=') {
            out.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    out
}

fn site_toml(categories: &[(String, String)]) -> String {
    let mut s = String::from(
        "# Synthetic site written by bench/synth for the benchmarks (see bench/run).\n\
         title = \"Portail des solidarités en Gironde (banc d'essai)\"\n\
         base_url = \"https://solidarites-gironde.example.org\"\n\
         language = \"fr\"\n\
         timezone = \"Europe/Paris\"\n\
         description = \"Contenu synthétique pour mesurer les performances du générateur.\"\n\n\
         [territory]\n\
         name = \"Gironde\"\n\
         bounds = [[44.19, -1.27], [45.58, 0.32]]\n\n\
         [categories]\n",
    );
    for (k, v) in categories {
        let _ = writeln!(s, "{k} = {v}");
    }
    // The function benchmarks post thousands of submissions from one address, at once.
    s.push_str("\n[forms]\nrate_limit_per_hour = 100000000\nmin_fill_seconds = 0\n");
    s
}

struct Args {
    out: PathBuf,
    entries: usize,
    seed: u64,
    today: i64,
    site_toml: PathBuf,
}

fn args() -> Result<Args, String> {
    let mut out = None;
    let mut entries = None;
    let mut seed = 42;
    let mut today = parse_date("2026-11-23").expect("a date");
    let mut site = PathBuf::from("site.toml");
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} : valeur attendue"));
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--entries" => {
                entries = Some(value()?.parse().map_err(|e| format!("--entries : {e}"))?)
            }
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed : {e}"))?,
            "--today" => {
                today = parse_date(&value()?).ok_or("--today : AAAA-MM-JJ attendu")?;
            }
            "--site-toml" => site = PathBuf::from(value()?),
            "-h" | "--help" => {
                return Err("synth --out DIR --entries N [--seed 42] [--today 2026-11-23] [--site-toml site.toml]".into())
            }
            other => return Err(format!("argument inconnu : {other}")),
        }
    }
    Ok(Args {
        out: out.ok_or("--out DIR manque")?,
        entries: entries.ok_or("--entries N manque")?,
        seed,
        today,
        site_toml: site,
    })
}

fn run(a: Args) -> Result<(), String> {
    let source =
        fs::read_to_string(&a.site_toml).map_err(|e| format!("{} : {e}", a.site_toml.display()))?;
    let cats = categories(&source);
    if cats.is_empty() {
        return Err(format!("{} : pas de [categories]", a.site_toml.display()));
    }
    if a.out.exists() {
        fs::remove_dir_all(&a.out).map_err(|e| format!("{} : {e}", a.out.display()))?;
    }
    for folder in ["associations", "benevolat", "ressources", "pages"] {
        fs::create_dir_all(a.out.join("content").join(folder)).map_err(|e| e.to_string())?;
    }
    fs::write(a.out.join("site.toml"), site_toml(&cats)).map_err(|e| e.to_string())?;

    let n = a.entries.max(5);
    let n_assoc = (n * 2 / 5).max(1);
    let n_calls = n / 5;
    let n_listings = n - n_assoc - n_calls;
    let mut site = Site {
        out: a.out.clone(),
        today: a.today,
        categories: cats.into_iter().map(|(k, _)| k).collect(),
        associations: Vec::with_capacity(n_assoc),
        cities: Default::default(),
    };
    let mut rng = Rng::new(a.seed);
    let io = |e: std::io::Error| e.to_string();
    for i in 0..n_assoc {
        site.association(&mut rng, i + 1).map_err(io)?;
    }
    for i in 0..n_calls {
        site.call(&mut rng, i + 1).map_err(io)?;
    }
    for i in 0..n_listings {
        site.listing(&mut rng, i + 1).map_err(io)?;
    }
    site.pages().map_err(io)?;
    site.hugo_communes().map_err(io)?;
    println!(
        "{} : {} associations, {} appels, {} annonces, 4 pages ({} communes)",
        a.out.display(),
        n_assoc,
        n_calls,
        n_listings,
        site.cities.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    match args().and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth : {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for d in [-1000, 0, 1, 20_000, 20_780] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(date(parse_date("2026-11-23").unwrap()), "2026-11-23");
        assert_eq!(date(parse_date("2024-02-28").unwrap() + 1), "2024-02-29");
    }

    #[test]
    fn siret_keys_are_valid() {
        let mut rng = Rng::new(1);
        for _ in 0..100 {
            let s = siret(&mut rng);
            assert_eq!(s.len(), 14);
            let sum: u32 = s
                .chars()
                .rev()
                .enumerate()
                .map(|(i, c)| {
                    let x = c.to_digit(10).unwrap();
                    if i % 2 == 1 {
                        let y = x * 2;
                        if y > 9 { y - 9 } else { y }
                    } else {
                        x
                    }
                })
                .sum();
            assert_eq!(sum % 10, 0, "{s}");
        }
    }

    #[test]
    fn slugs_are_slugs() {
        assert_eq!(
            slugify("Épicerie solidaire de l'Estuaire"),
            "epicerie-solidaire-de-l-estuaire"
        );
        assert_eq!(
            slugify("Associations à Lesparre-Médoc"),
            "associations-a-lesparre-medoc"
        );
    }
}
