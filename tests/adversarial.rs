//! Hostile content through the real `portal` binary, on copies of `basic`: markup and
//! spreadsheet formulas in every text field, links a browser would run, YAML and Markdown
//! made to exhaust a parser, huge, special and badly encoded files, links out of the site and
//! names that try to climb out of `content/`. Each must end in a clear refusal or a safe
//! rendering; never in a panic (exit code 101), a crash, a hang, or a file written outside
//! the output folder. (Cases already in `invalid.rs` and `valid.rs` are not repeated.)

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use portal_markdown::inert::{Scope, Token, decode_references, is_inert, tokens};

use crate::support::{NOW, Site, copy_tree, files, read, repo};

/// Far longer than any run here takes (under a second, a few for the 100 kB Markdown bodies
/// in a debug build), short enough to call a hang a hang.
const DEADLINE: Duration = Duration::from_secs(30);

/// What one run of `portal` did.
struct Run {
    code: i32,
    stderr: String,
    took: Duration,
}

/// A copy of `basic` three folders down in a temporary folder of its own, so that a file
/// written by climbing out of the site (`../../..`) still lands where [`Hostile::outside`]
/// sees it.
struct Hostile {
    site: Site,
    outer: tempfile::TempDir,
}

impl Hostile {
    fn new() -> Hostile {
        let outer = tempfile::tempdir().expect("temporary folder");
        let deep = outer.path().join("un/deux/trois");
        fs::create_dir_all(&deep).unwrap();
        let site = Site {
            dir: tempfile::tempdir_in(&deep).unwrap(),
        };
        copy_tree(&repo().join("tests/sites/basic"), site.root());
        Hostile { site, outer }
    }

    fn write(&self, rel: &str, text: &str) {
        self.site.write(rel, text);
    }

    fn bytes(&self, rel: &str, bytes: &[u8]) {
        fs::write(self.site.path(rel), bytes).unwrap();
    }

    /// Every file and folder under the outer temporary folder but the output, with its size:
    /// what a run may not change. Links are listed, never followed.
    fn outside(&self) -> BTreeMap<PathBuf, u64> {
        fn walk(dir: &Path, skip: &Path, out: &mut BTreeMap<PathBuf, u64>) {
            for entry in fs::read_dir(dir).unwrap() {
                let entry = entry.unwrap();
                let path = entry.path();
                if path == skip {
                    continue;
                }
                let meta = fs::symlink_metadata(&path).unwrap();
                out.insert(path.clone(), if meta.is_dir() { 0 } else { meta.len() });
                if meta.is_dir() {
                    walk(&path, skip, out);
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(self.outer.path(), &self.site.path("public"), &mut out);
        out
    }

    /// Runs `portal --root <site> <args>` with a deadline, and checks that it did not panic,
    /// crash, hang or change anything outside `<site>/public`.
    fn portal(&self, args: &[&str]) -> Run {
        let before = self.outside();
        let run = run_with_deadline(self.site.root(), args);
        let after = self.outside();
        let changed: Vec<_> = after
            .iter()
            .filter(|(path, size)| before.get(*path) != Some(*size))
            .map(|(path, _)| path)
            .chain(before.keys().filter(|path| !after.contains_key(*path)))
            .collect();
        assert!(
            changed.is_empty(),
            "portal {args:?} changed files outside its output folder: {changed:?}"
        );
        run
    }

    /// `portal check` and `portal build` both refuse the content, with every `wanted`
    /// message in the report, and the build writes nothing (a previous output is removed).
    fn refused(&self, wanted: &[&str]) -> String {
        let _ = fs::remove_dir_all(self.site.path("public"));
        let check = self.portal(&["check"]);
        assert_eq!(check.code, 1, "check must refuse:\n{}", check.stderr);
        for w in wanted {
            assert!(check.stderr.contains(w), "no {w:?} in:\n{}", check.stderr);
        }
        let build = self.build();
        assert_eq!(build.code, 1, "build must refuse:\n{}", build.stderr);
        assert!(build.stderr.ends_with("Rien n'a été écrit.\n"));
        assert!(!self.site.path("public").exists());
        check.stderr
    }

    fn build(&self) -> Run {
        let out = self.site.path("public");
        self.portal(&["build", "--now", NOW, "--output", out.to_str().unwrap()])
    }

    /// Builds into `<site>/public`, which must succeed; checks every output file on the way.
    fn built(&self) -> PathBuf {
        let run = self.build();
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        let out = self.site.path("public");
        every_output_is_inert(&out);
        out
    }
}

fn run_with_deadline(root: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_portal"))
        .arg("--root")
        .arg(root)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the portal binary runs");
    // Read both pipes while waiting, so that a chatty run cannot block on a full pipe.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).unwrap();
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let _stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > DEADLINE {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("portal {args:?} still runs after {DEADLINE:?}: it hangs");
        }
        thread::sleep(Duration::from_millis(5));
    };
    let took = start.elapsed();
    let stderr = stderr.join().unwrap();
    let Some(code) = status.code() else {
        panic!("portal {args:?} was killed ({status}), as by a stack overflow:\n{stderr}");
    };
    assert_ne!(code, 101, "portal {args:?} panicked:\n{stderr}");
    eprintln!("portal {args:?}: exit {code} in {took:?}");
    Run { code, stderr, took }
}

/// Quotes a text for YAML, in single quotes (which only `'` itself breaks).
fn yaml(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

// ---------------------------------------------------------------------------------------
// What every output must be, whatever the content: checked after each successful build.

/// Every HTML page, feed, calendar and data file of a build is inert and well-formed.
fn every_output_is_inert(out: &Path) {
    for (path, bytes) in files(out) {
        // The theme's images (Leaflet's, under vendor/) are copied as they are: no content
        // reaches them.
        if path.ends_with(".png") {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{path}: not UTF-8"));
        match path.rsplit_once('.').map_or("", |(_, ext)| ext) {
            "html" => html_is_inert(&path, &text),
            "xml" => {
                let doc = roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("{path}: malformed XML: {e}"));
                for node in doc.descendants().filter(|n| n.is_element()) {
                    let name = node.tag_name().name().to_ascii_lowercase();
                    assert!(
                        !["script", "iframe", "img", "svg"].contains(&name.as_str()),
                        "{path}: a <{name}> element"
                    );
                }
            }
            "ics" => calendar_is_well_formed(&path, &text),
            "json" | "geojson" => {
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|e| panic!("{path}: malformed JSON: {e}"));
            }
            _ => {}
        }
    }
}

/// A page as a browser reads it (see `portal_markdown::inert`, the oracle the fuzz targets
/// share): no script but JSON-LD and the site's files, no handler, no address that runs.
fn html_is_inert(path: &str, html: &str) {
    if let Err(why) = is_inert(html, Scope::Page) {
        panic!("{path}: {why}");
    }
}

fn calendar_is_well_formed(path: &str, ics: &str) {
    assert!(ics.ends_with("\r\n"), "{path}: lines end with CRLF");
    let unfolded = ics.replace("\r\n ", "");
    for line in unfolded.split_terminator("\r\n") {
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "{path}: a control character in {line:?}"
        );
        let name_end = line.find([':', ';']).unwrap_or(0);
        assert!(
            name_end > 0
                && line[..name_end]
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '-'),
            "{path}: not a property line: {line:?}"
        );
    }
    assert_eq!(
        ics.matches("\r\nBEGIN:VEVENT\r\n").count(),
        ics.matches("\r\nEND:VEVENT\r\n").count()
    );
}

// ---------------------------------------------------------------------------------------
// Markup, formulas and control characters in fields.

const NAME: &str = "</title></script><script>alert(1)</script><img src=x onerror=alert(2)>";
const SUMMARY: &str = "\"><svg onload=alert(3)> ' onmouseover='alert(4)' ]]> &amp; {{ 7*7 }}";
const CALL_TITLE: &str = "</script><script>alert(11)</script>";
const RESOURCE_TITLE: &str = "<script>alert(13)</script>]]><x>";
const PAGE_TITLE: &str = "<iframe src=javascript:alert(14)></iframe>";
const BODY: &str = "Texte <script>alert(20)</script> <SCRIPT SRC=//evil.example/x.js></SCRIPT>\n\
<iframe src=\"javascript:alert(21)\"></iframe> <img src=x onerror=alert(22)>\n\
<a href=\"javascript:alert(23)\">lien</a> <style>*{}</style> <!-- commentaire -->\n\n\
<div onmouseover=\"alert(24)\">bloc</div>\n";

fn hostile_markup_site() -> Hostile {
    let site = Hostile::new();
    site.write(
        "content/associations/piege.md",
        &format!(
            "---\nname: {}\nsummary: {}\ncategories: [hygiene]\nlocations:\n  \
             - name: {}\n    address: {}\n    postal_code: \"33000\"\n    city: {}\n    \
             geo: [44.85, -0.57]\n    closures:\n      - {{from: 2026-12-24, to: 2027-01-02, note: {}}}\n    \
             accessibility: {{wheelchair: true, notes: {}}}\npublic: [{}]\nconditions: {}\n\
             contact: {{email: contact@piege.example.org}}\nupdated: 2026-11-01\n---\n{BODY}",
            yaml(NAME),
            yaml(SUMMARY),
            yaml("<iframe src=javascript:alert(5)></iframe>"),
            yaml("12 rue <b>]]></b> & <i>"),
            yaml("Bordeaux</title><script>alert(6)</script>"),
            yaml("<script>alert(7)</script>"),
            yaml("<img src=x onerror=alert(8)>"),
            yaml("<script>alert(9)</script>"),
            "\"</script><script>alert(10)</script>\\nsur deux lignes\"",
        ),
    );
    site.write(
        "content/benevolat/piege.md",
        &format!(
            "---\ntitle: {}\nassociation: piege\nskills: [{}]\nslots:\n  \
             - {{date: 2026-12-10, start: \"09:00\", end: \"12:00\", volunteers: 2}}\n---\n{BODY}",
            yaml(CALL_TITLE),
            yaml("<img src=x onerror=alert(12)>")
        ),
    );
    site.write(
        "content/ressources/piege.md",
        &format!(
            "---\ntitle: {}\nassociation: piege\nkind: request\ncategory: transport\n---\n{BODY}",
            yaml(RESOURCE_TITLE)
        ),
    );
    site.write(
        "content/pages/piege.md",
        &format!("---\ntitle: {}\nmenu: 3\n---\n{BODY}", yaml(PAGE_TITLE)),
    );
    site
}

/// The text of the first `<tag …>…</tag>`, references decoded.
fn text_of(html: &str, tag: &str) -> String {
    let start = html.find(&format!("<{tag}")).unwrap();
    let start = start + html[start..].find('>').unwrap() + 1;
    let end = start + html[start..].find(&format!("</{tag}>")).unwrap();
    decode_references(&html[start..end])
}

#[test]
fn markup_in_every_text_field_is_shown_as_text_in_every_output() {
    let site = hostile_markup_site();
    let out = site.built(); // every page, feed and data file is inert (see above)

    // Shown, not dropped: each title is the page's heading, to the character.
    let association = read(&out, "associations/piege/index.html");
    assert_eq!(text_of(&association, "h1"), NAME);
    assert_eq!(
        text_of(&read(&out, "benevolat/piege/index.html"), "h1"),
        CALL_TITLE
    );
    assert_eq!(
        text_of(&read(&out, "ressources/piege/index.html"), "h1"),
        RESOURCE_TITLE
    );
    assert_eq!(text_of(&read(&out, "piege/index.html"), "h1"), PAGE_TITLE);
    for shown in ["alert(5)", "alert(7)", "alert(8)", "alert(9)", "alert(10)"] {
        assert!(association.contains(shown), "{shown} is not on the page");
    }
    assert!(
        association.contains("&lt;script>alert(20)"),
        "raw HTML as text"
    );

    // JSON-LD holds the fields as they were written.
    let ld = tokens(&association)
        .into_iter()
        .find_map(|t| match t {
            Token::Start(tag) if tag.attr("type") == Some("application/ld+json") => tag.text,
            _ => None,
        })
        .expect("JSON-LD on the association page");
    let ld: serde_json::Value = serde_json::from_str(&ld).unwrap();
    assert_eq!(ld["name"], NAME);
    assert_eq!(ld["description"], SUMMARY);

    // Feeds, calendar and open data carry the titles as text.
    let atom = read(&out, "flux/benevolat.xml");
    let doc = roxmltree::Document::parse(&atom).unwrap();
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("title") && n.text() == Some(CALL_TITLE)),
        "{atom}"
    );
    let atom = read(&out, "flux/ressources.xml");
    let doc = roxmltree::Document::parse(&atom).unwrap();
    assert!(doc.descendants().any(|n| n.has_tag_name("title")
        && n.text() == Some(format!("Demande : {RESOURCE_TITLE}").as_str())));
    let ics = read(&out, "benevolat/creneaux.ics").replace("\r\n ", "");
    assert!(
        ics.contains(&format!("\r\nSUMMARY:{CALL_TITLE}\r\n")),
        "{ics}"
    );
    let data: serde_json::Value =
        serde_json::from_str(&read(&out, "donnees/associations.json")).unwrap();
    assert!(
        data["associations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["name"] == NAME && a["summary"] == SUMMARY)
    );
}

#[test]
fn formulas_in_fields_are_defused_in_the_csv() {
    let site = Hostile::new();
    let formulas = [
        "=HYPERLINK(\"https://evil.example\",\"clic\")",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "-1+cmd|' /C calc'!A0",
        "+1 +cmd|' /C calc'!A0",
        "=1+1",
    ];
    site.write(
        "content/associations/tableur.md",
        &format!(
            "---\nname: {}\nsummary: {}\ncategories: hygiene\nlocations:\n  - address: {}\n    \
             postal_code: \"33000\"\n    city: {}\n    geo: [44.85, -0.57]\npublic: [{}]\n\
             updated: 2026-11-01\n---\nUne association dont chaque champ est une formule de tableur.\n",
            yaml(formulas[0]),
            yaml(formulas[1]),
            yaml(formulas[2]),
            yaml(formulas[3]),
            yaml(formulas[4]),
        ),
    );
    let out = site.built();
    let mut csv = csv::Reader::from_path(out.join("donnees/associations.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    let row = rows.iter().find(|r| &r[0] == "tableur").expect("its row");
    for cell in row {
        let mut chars = cell.chars();
        let risky = match chars.next() {
            Some('=' | '@' | '\t' | '\r') => true,
            Some('+' | '-') => !chars.all(|c| c.is_ascii_digit() || c == '.' || c == ' '),
            _ => false,
        };
        assert!(!risky, "a spreadsheet would run {cell:?}");
    }
    for formula in &formulas[..4] {
        assert!(
            row.iter().any(|cell| cell == format!("'{formula}")),
            "{formula} is not in the row, defused: {row:?}"
        );
    }
    // The JSON keeps the text as written: only a spreadsheet needs the apostrophe.
    assert!(read(&out, "donnees/associations.json").contains("\"-1+cmd|' /C calc'!A0\""));
}

#[test]
fn control_characters_are_refused_before_they_reach_feeds_or_the_calendar() {
    let site = Hostile::new();
    // In YAML escapes: a carriage return would start a calendar line, \x01 is not XML.
    site.write(
        "content/benevolat/collecte-noel.md",
        &read(site.site.root(), "content/benevolat/collecte-noel.md").replace(
            "title: Collecte de Noël",
            "title: \"Collecte\\rBEGIN:VEVENT\\x01 de Noël\"",
        ),
    );
    site.write(
        "content/ressources/camion.md",
        &read(site.site.root(), "content/ressources/camion.md").replace(
            "title: Besoin d'un camion frigorifique",
            "title: \"Besoin\\uFFFE d'un camion\"",
        ),
    );
    // Raw in a body: an escape sequence and a NUL.
    site.write(
        "content/ressources/pommes.md",
        &read(site.site.root(), "content/ressources/pommes.md")
            .replace("à retirer", "\u{1b}[31m à retirer\u{0}"),
    );
    site.refused(&[
        "content/benevolat/collecte-noel.md:2:8: title : attendu un texte d'une ligne de 3 à 150 caractères, trouvé le caractère de contrôle invisible U+0001",
        "content/ressources/camion.md:2:8: title : attendu un texte d'une ligne de 3 à 150 caractères, trouvé le caractère de contrôle invisible U+FFFE",
        "content/ressources/pommes.md:10:34: (description) : attendu du texte sans caractère de contrôle, trouvé le caractère de contrôle invisible U+001B",
    ]);
    // A carriage return alone is a line break, refused in a one-line text.
    site.write(
        "content/benevolat/collecte-noel.md",
        &read(
            &repo().join("tests/sites/basic"),
            "content/benevolat/collecte-noel.md",
        )
        .replace(
            "title: Collecte de Noël",
            "title: \"Collecte\\rBEGIN:VEVENT\"",
        ),
    );
    site.refused(&["title : attendu un texte d'une ligne de 3 à 150 caractères, trouvé un texte sur plusieurs lignes"]);
}

// ---------------------------------------------------------------------------------------
// Links.

#[test]
fn links_that_run_code_are_dropped_however_they_are_written() {
    let site = Hostile::new();
    let links = [
        "[a1](javascript:alert(1))",
        "[a2](JaVaScRiPt:alert(2))",
        "[a3](&#106;avascript:alert(3))",
        "[a4](&#x6A;&#x41;vascript:alert(4))",
        "[a5](java&#x09;script:alert(5))",
        "[a6](java&#10;script:alert(6))",
        "[a7](<java\tscript:alert(7)>)",
        "[a8](&#0000106avascript:alert(8))",
        "[a9](javascript&colon;alert(9))",
        "[a10](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=)",
        "[a11](vbscript:msgbox(11))",
        "[a12](VBScript:msgbox(12))",
        "[a13][ref]",
        "<javascript:alert(14)>",
        "![a15](javascript:alert(15))",
        "![a16](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTYpPg==)",
        "[a17](&#x20;javascript:alert(17))",
        "[a18](<javascript:alert(18)>)",
        "[sûr](https://exemple.org/)",
    ];
    site.write(
        "content/pages/liens.md",
        &format!(
            "---\ntitle: Liens piégés\n---\n{}\n\n[ref]: javascript:alert(13)\n",
            links.join("\n")
        ),
    );
    let out = site.built(); // no href or src that runs code, anywhere
    let page = read(&out, "liens/index.html");
    for text in ["a1", "a2", "a5", "a9", "a10", "a12", "a13", "a17", "a18"] {
        assert!(page.contains(text), "the text of {text} stays");
    }
    assert!(
        page.contains("<a href=https://exemple.org/>sûr</a>"),
        "a web link stays"
    );

    // In a field, such an address is refused, not dropped.
    for website in [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\\tscript:alert(1)",
        "data:text/html,x",
    ] {
        site.write(
            "content/associations/ecoute-telephone.md",
            &read(
                &repo().join("tests/sites/basic"),
                "content/associations/ecoute-telephone.md",
            )
            .replace(
                "remote_only: true",
                &format!("remote_only: true\ncontact: {{website: \"{website}\"}}"),
            ),
        );
        site.refused(&["contact.website"]);
    }
}

// ---------------------------------------------------------------------------------------
// Parsers pushed to their limits.

#[test]
fn yaml_bombs_and_deep_nesting_are_refused_quickly() {
    let site = Hostile::new();
    let page = |name: &str, front: &str| {
        site.write(
            &format!("content/pages/{name}.md"),
            &format!("---\n{front}\n---\nTexte.\n"),
        );
    };
    // "Billion laughs": nine levels of nine aliases, 10⁹ strings if expanded.
    let mut laughs = String::from("a0: &a0 [\"lol\"]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        laughs.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    page("rires", &format!("title: Rires\n{laughs}"));
    // Nesting far past any limit, in every YAML style, each file under 1 MiB.
    page("crochets", &format!("title: {}", "[".repeat(500_000)));
    page("accolades", &format!("title: {}", "{a: ".repeat(200_000)));
    page("tirets", &format!("title:\n{}x", "- ".repeat(300_000)));
    let block: String = (0..1_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    page("retraits", &block);
    let report = site.refused(&[
        "content/pages/rires.md:4:10: attendu des valeurs écrites en entier (les alias YAML *nom ne sont pas acceptés), trouvé un alias YAML",
        "content/pages/crochets.md:2:263: attendu du YAML valide, trouvé une imbrication trop profonde de [ ] ou de { }",
        "content/pages/accolades.md:2:132: attendu au plus 32 niveaux d'imbrication, trouvé une imbrication plus profonde",
        "content/pages/tirets.md:3:63: attendu au plus 32 niveaux d'imbrication",
        "content/pages/retraits.md:34:33: attendu au plus 32 niveaux d'imbrication",
    ]);
    assert!(report.ends_with("\nContenu refusé : 5 problèmes dans 5 fichiers.\n"));
}

#[test]
fn pathological_markdown_renders_in_bounded_time() {
    // Patterns known to make Markdown parsers slow or deep (CommonMark's pathological
    // tests), each about 100 kB, in the body of a listing: page, feed summary and JSON-LD.
    let bodies = [
        ("quotes", ">".repeat(100_000) + " x"),
        ("lists", "- ".repeat(50_000) + "x"),
        ("brackets", "[".repeat(100_000) + "x" + &"]".repeat(100_000)),
        ("openers", "*a **a ".repeat(15_000)),
        ("links", "[a](<b".repeat(20_000)),
        ("images", "![[]()".repeat(20_000)),
        (
            "backticks",
            (1..400).map(|i| "`".repeat(i) + "a").collect::<String>(),
        ),
        ("html", "<a ".repeat(30_000)),
        ("entities", "&#x".repeat(30_000)),
        (
            "table",
            "|a".repeat(2_000) + "|\n" + &"|-".repeat(2_000) + "|\n" + &"x\n".repeat(20_000),
        ),
        ("refs", "[a]: b\n".repeat(15_000) + &"[a]".repeat(15_000)),
    ];
    for (name, body) in bodies {
        let site = Hostile::new();
        site.write(
            "content/ressources/camion.md",
            &format!(
                "---\ntitle: Motif {name}\nassociation: ecoute-telephone\nkind: request\n\
                 category: transport\n---\n{body}\n"
            ),
        );
        let run = site.build();
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        every_output_is_inert(&site.site.path("public"));
        eprintln!("{name}: built in {:?}", run.took);
    }
}

// ---------------------------------------------------------------------------------------
// Files: size, kind, encoding, links and names.

#[test]
fn a_50_mb_file_is_refused_from_its_size_without_being_read() {
    let site = Hostile::new();
    // Sparse: no disk used, and reading it would still take 50 MB of memory.
    let file = fs::File::create(site.site.path("content/pages/enorme.md")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    site.refused(&[
        "content/pages/enorme.md: attendu un fichier de 1024 Kio au plus, trouvé 51200 Kio",
    ]);
    let run = site.portal(&["check"]);
    assert!(
        run.took < Duration::from_secs(5),
        "refused in {:?}: was it read?",
        run.took
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_not_waited_on() {
    let site = Hostile::new();
    let fifo = site.site.path("content/pages/tube.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    site.refused(&[
        "content/pages/tube.md: attendu un fichier ordinaire, trouvé un fichier spécial",
    ]);
}

#[test]
fn badly_encoded_files_are_refused_at_their_line() {
    let site = Hostile::new();
    let page = "---\ntitle: Page\n---\nUne ligne.\n".as_bytes();
    let with = |bytes: &[u8], at: usize| [&page[..at], bytes, &page[at..]].concat();
    // UTF-16, as some editors save: a BOM, then two bytes a character.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "---\ntitle: Page\n---\nTexte.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    site.bytes("content/pages/utf16.md", &utf16);
    site.bytes("content/pages/surlong.md", &with(b"\xC0\xAF", 14)); // overlong "/"
    site.bytes("content/pages/substitut.md", &with(b"\xED\xA0\x80", 14)); // a surrogate
    site.bytes("content/pages/tronque.md", &with(b"\xE2\x82", page.len())); // cut at the end
    let report = site.refused(&[
        "content/pages/utf16.md:1:1: attendu du texte encodé en UTF-8",
        "content/pages/surlong.md:2:11: attendu du texte encodé en UTF-8",
        "content/pages/substitut.md:2:11: attendu du texte encodé en UTF-8",
        "content/pages/tronque.md:5:1: attendu du texte encodé en UTF-8",
    ]);
    assert!(
        report.ends_with("\nContenu refusé : 4 problèmes dans 4 fichiers.\n"),
        "{report}"
    );

    // A file name that is not UTF-8 either.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let site = Hostile::new();
        let name = std::ffi::OsStr::from_bytes(b"caf\xE9.md");
        fs::write(
            site.site.path("content/pages").join(name),
            read(site.site.root(), "content/pages/a-propos.md"),
        )
        .unwrap();
        site.refused(&["(nom du fichier) : attendu un nom en minuscules"]);
    }
}

#[cfg(unix)]
#[test]
fn links_out_of_content_are_refused_and_never_followed() {
    use std::os::unix::fs::symlink;
    let site = Hostile::new();
    symlink("/", site.site.path("content/pages/racine")).unwrap();
    symlink("/", site.site.path("content/data")).unwrap();
    symlink("../../site.toml", site.site.path("content/pages/config.md")).unwrap();
    symlink("boucle.md", site.site.path("content/pages/boucle.md")).unwrap();
    fs::remove_dir_all(site.site.path("content/ressources")).unwrap();
    symlink("/etc", site.site.path("content/ressources")).unwrap();
    let report = site.refused(&[
        "content/data: attendu un fichier ordinaire, trouvé un lien symbolique",
        "content/pages/boucle.md: attendu un fichier ordinaire, trouvé un lien symbolique",
        "content/pages/config.md: attendu un fichier ordinaire, trouvé un lien symbolique",
        "content/pages/racine: attendu un fichier ordinaire, trouvé un lien symbolique",
        "content/ressources: attendu un fichier ordinaire, trouvé un lien symbolique",
    ]);
    assert!(report.ends_with("Contenu refusé : 5 problèmes dans 5 fichiers.\n"));
    assert!(!report.contains("root:"), "nothing of /etc is read");

    // content/ itself a link to the root of the disk: refused, not walked.
    let site = Hostile::new();
    fs::remove_dir_all(site.site.path("content")).unwrap();
    symlink("/", site.site.path("content")).unwrap();
    let report =
        site.refused(&["content: attendu un dossier ordinaire, trouvé un lien symbolique"]);
    assert!(report.ends_with("Contenu refusé : 1 problème dans 1 fichier.\n"));
}

#[test]
fn names_and_references_that_climb_out_are_refused() {
    let site = Hostile::new();
    let page = read(site.site.root(), "content/pages/a-propos.md");
    for name in [
        "a..b.md",
        "a%2F..%2F..%2Fdehors.md",
        "a\\..\\..\\dehors.md",
        "café.md",
        "ｐａｇｅ.md",
        "page\u{202e}dm.md",
        "deux\nlignes.md",
    ] {
        site.write(&format!("content/pages/{name}"), &page);
    }
    let report = site.refused(&[
        "content/pages/a..b.md: (nom du fichier)",
        "content/pages/a%2F..%2F..%2Fdehors.md: (nom du fichier)",
        "content/pages/a\\..\\..\\dehors.md: (nom du fichier)",
        "content/pages/café.md: (nom du fichier) : attendu un nom en minuscules, chiffres et tirets simples, terminé par .md, trouvé « café.md » ; vouliez-vous dire « cafe.md » ?",
        "content/pages/ｐａｇｅ.md: (nom du fichier)",
        "content/pages/page\u{202e}dm.md: (nom du fichier)",
    ]);
    assert!(
        report.ends_with("\nContenu refusé : 7 problèmes dans 7 fichiers.\n"),
        "{report}"
    );

    // Names starting with a dot are hidden files (editors' backups): left out, not built.
    let site = Hostile::new();
    for name in ["..md", "...md", "..%2F..%2Fdehors.md"] {
        site.write(&format!("content/pages/{name}"), &page);
    }
    let paths = |out: &Path| -> Vec<String> { files(out).into_iter().map(|(p, _)| p).collect() };
    let with_hidden = paths(&site.built());
    let plain = Hostile::new();
    assert_eq!(with_hidden, paths(&plain.built()));

    // References to other entries and categories are slugs, never paths.
    let site = Hostile::new();
    let call = read(site.site.root(), "content/benevolat/collecte-noel.md");
    site.write(
        "content/benevolat/collecte-noel.md",
        &call.replace(
            "association: epicerie-du-port",
            "association: ../../../../etc/passwd",
        ),
    );
    let association = read(site.site.root(), "content/associations/ecoute-telephone.md");
    site.write(
        "content/associations/ecoute-telephone.md",
        &association.replace("categories: hygiene", "categories: [\"../../../dehors\"]"),
    );
    site.refused(&[
        "content/benevolat/collecte-noel.md:3:14: association : attendu un identifiant en minuscules",
        "content/associations/ecoute-telephone.md:4:14: categories[0] : attendu un identifiant en minuscules",
    ]);

    // `portal new` takes a slug, and never writes through a link.
    let site = Hostile::new();
    for slug in ["../../../../dehors", "/tmp/dehors", "..", ""] {
        let run = site.portal(&["new", "page", slug]);
        assert_eq!(run.code, 1, "new page {slug:?}: {}", run.stderr);
    }
    #[cfg(unix)]
    {
        let target = site.outer.path().join("dehors.md");
        std::os::unix::fs::symlink(&target, site.site.path("content/pages/piege.md")).unwrap();
        let run = site.portal(&["new", "page", "piege"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(
            run.stderr,
            format!(
                "{} existe déjà : rien n'a été écrit\n",
                site.site.path("content/pages/piege.md").display()
            )
        );
        assert!(!target.exists(), "written through the link");
    }

    // A commune whose name has no letter of a slug gets no page outside its section.
    let site = Hostile::new();
    let association = read(site.site.root(), "content/associations/epicerie-du-port.md");
    site.write(
        "content/associations/epicerie-du-port.md",
        &association.replace("city: Libourne", "city: \"../../..\""),
    );
    site.built(); // and nothing outside public/, which every run checks

    // The output may not be the site itself, nor a folder portal did not make.
    let site = Hostile::new();
    let root = site.site.root().display();
    for (output, message) in [
        (
            root.to_string(),
            format!("le dossier de sortie {root} est le dossier du site"),
        ),
        (
            "/".to_string(),
            format!("le dossier de sortie / contient le dossier du site ({root})"),
        ),
    ] {
        let run = site.portal(&["build", "--now", NOW, "--output", &output]);
        assert_eq!(run.code, 1, "--output {output}: {}", run.stderr);
        assert_eq!(
            run.stderr,
            format!(
                "{message} : le remplacer par le site construit l'effacerait ; choisissez-en un \
                 autre avec --output\nRien n'a été écrit.\n"
            )
        );
    }
}
