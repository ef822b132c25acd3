//! `kill -9` at random points of `portal import`, again and again, then a last import:
//! every approved submission is in exactly one file, none is lost, no submission is marked
//! imported without its file, and `content/` holds no temporary file.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use portal_forms::rules::Submissions;
use portal_forms::store::{Action, Decision, EmbeddedStore, Status, Store};
use portal_model::Draft;
use portal_model::site::FormSettings;
use serde_json::json;

use crate::support::{NOW, Site};

/// Submissions approved before each run that is killed (and before the first, timed one).
const PER_RUN: usize = 4;
/// Kills of a running import.
const KILLS: usize = 60;
/// Every submission of the test.
const SUBMISSIONS: usize = PER_RUN * (KILLS + 1);

/// A small seeded generator: the same points every run (xorshift64*).
struct Points(u64);

impl Points {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % below
    }
}

async fn approve(store: Arc<dyn Store>, from: usize) -> Vec<String> {
    let submissions = Submissions::new(store);
    let settings = FormSettings::default();
    let mut ids = Vec::new();
    for n in from..from + PER_RUN {
        // Titles that collide (every fourth is « Pommes »), and one change of an entry.
        let title = if n % 4 == 0 {
            "Pommes".to_string()
        } else {
            format!("Lot numéro {n}")
        };
        let target = (n == 7).then(|| "camion".to_string());
        let draft: Draft = serde_json::from_value(json!({
            "type": "resource", "target": target,
            "fields": {"title": title, "association": "epicerie-du-port", "kind": "offer",
                       "category": "equipment"},
            "body": format!("Proposition {n} du test de kill -9."),
            "contact_email": "kill@example.org"}))
        .unwrap();
        let accepted = submissions
            .submit(&draft, Default::default(), &settings)
            .await
            .unwrap();
        let decision = Decision {
            submission: accepted.id.clone(),
            action: Action::Approve,
            note: String::new(),
            by: "alice".into(),
            at: 0,
            version: 1,
            corrected: false,
        };
        submissions.decide(&decision, &settings).await.unwrap();
        ids.push(accepted.id);
    }
    ids
}

#[test]
fn kill_9_at_any_point_of_an_import_loses_nothing() {
    let site = Site::copy("basic");
    let data = site.path(".portal");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let open =
        || -> Arc<dyn Store> { Arc::new(EmbeddedStore::open(&data.join("store.sqlite")).unwrap()) };
    let mut ids = runtime.block_on(approve(open(), 0));
    let before: BTreeSet<String> = std::fs::read_dir(site.path("content/ressources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();

    let import = || {
        Command::new(env!("CARGO_BIN_EXE_portal"))
            .arg("--root")
            .arg(site.root())
            .args(["import", "--now", NOW])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("portal import starts")
    };
    // How long an import of PER_RUN submissions takes here, uninterrupted: the kills land
    // anywhere from its start to a little after its end.
    let probe = Instant::now();
    assert!(import().wait().unwrap().success());
    let spread = probe.elapsed() * 6 / 5;

    let mut points = Points(0x9e37_79b9_7f4a_7c15);
    let mut mid_import = 0;
    let imported = |store: &Arc<dyn Store>| {
        runtime.block_on(async {
            let page = store.list(Status::Approved, None, 1000).await.unwrap();
            page.items
                .iter()
                .filter(|s| s.imported_as.is_some())
                .count()
        })
    };
    let store = open();
    let mut progress = Vec::new();
    for round in 1..=KILLS {
        ids.extend(runtime.block_on(approve(open(), round * PER_RUN)));
        let mut child = import();
        let wait = Duration::from_micros(points.next(spread.as_micros() as u64));
        std::thread::sleep(wait);
        // SIGKILL: nothing of the process runs after it.
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.code().is_none() {
            mid_import += 1;
        }
        progress.push(imported(&store));
        // No temporary file in content/, whatever the point.
        for (rel, _) in crate::support::files(&site.path("content")) {
            assert!(
                rel.ends_with(".md") && !rel.contains("import-"),
                "stray file content/{rel}"
            );
        }
        // Marked imported means the file is there, with the submission's text.
        let page = runtime
            .block_on(store.list(Status::Approved, None, 1000))
            .unwrap();
        for sub in page.items.iter().filter(|s| s.imported_as.is_some()) {
            let file = site.path(sub.imported_as.as_deref().unwrap());
            let text = std::fs::read_to_string(&file)
                .unwrap_or_else(|_| panic!("{} marked imported without its file", sub.id));
            assert!(
                text.contains(&sub.body),
                "{} holds another entry",
                file.display()
            );
        }
    }
    let last = Command::new(env!("CARGO_BIN_EXE_portal"))
        .arg("--root")
        .arg(site.root())
        .args(["import", "--now", NOW])
        .output()
        .unwrap();
    assert!(
        last.status.success(),
        "the last import: {}{}",
        String::from_utf8_lossy(&last.stdout),
        String::from_utf8_lossy(&last.stderr)
    );
    println!(
        "kill -9 : {KILLS} kills ({mid_import} during an import, spread over {} ms), {SUBMISSIONS} submissions; imported after each kill: {progress:?}",
        spread.as_millis()
    );
    assert!(
        mid_import * 2 >= KILLS,
        "most kills land during an import ({mid_import})"
    );
    assert!(
        progress.windows(2).any(|w| w[1] > w[0]),
        "kills land after some files"
    );

    // Every approved submission in exactly one file of its own; nothing else added.
    let page = runtime
        .block_on(store.list(Status::Approved, None, 1000))
        .unwrap();
    assert_eq!(page.items.len(), SUBMISSIONS, "none set aside, none lost");
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for sub in &page.items {
        let file = sub.imported_as.clone().expect("every submission imported");
        assert!(sub.staged.is_none(), "{} still staged", sub.id);
        if let Some(other) = files.insert(file.clone(), sub.id.clone()) {
            panic!("{file} holds {other} and {}", sub.id);
        }
        let text = std::fs::read_to_string(site.path(&file)).unwrap();
        assert!(text.contains(&sub.body), "{file}");
    }
    assert_eq!(ids.len(), files.len());
    let after: BTreeSet<String> = std::fs::read_dir(site.path("content/ressources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    let added: BTreeSet<&String> = after.difference(&before).collect();
    assert_eq!(
        added.len(),
        SUBMISSIONS - 1,
        "one file per new entry, the change in place: {added:?}"
    );
    let check = site.portal(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
