//! The entries' current files sent to the forms' store (`portal sources`, and `portal
//! serve` after each rebuild), so that moderators see a change against the file published.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use portal_forms::api::SiteState;
use portal_forms::rules::{RuleError, Sources, sources::Synced};
use portal_model::SubmissionType;

/// Makes the store hold the file of every entry of `state` that a form can change, as it is
/// on disk under `state.content_root`.
pub async fn sync(sources: &Sources, state: &SiteState) -> Result<Synced, RuleError> {
    let mut total = Synced::default();
    let Some(content) = &state.content_root else {
        return Ok(total);
    };
    for kind in SubmissionType::ALL.map(SubmissionType::kind) {
        let dir = content.join(kind.folder());
        let slugs = state.slugs(kind).clone();
        // Many files at national size: read off the async runtime's threads.
        let files = tokio::task::spawn_blocking(move || read(&dir, &slugs))
            .await
            .unwrap_or_default();
        let synced = sources.sync(kind, &files).await?;
        total.written += synced.written;
        total.removed += synced.removed;
        total.unchanged += synced.unchanged;
    }
    Ok(total)
}

/// The files `dir/<slug>.md` that can be read, by slug.
fn read(dir: &Path, slugs: &BTreeSet<String>) -> BTreeMap<String, String> {
    slugs
        .iter()
        .filter_map(|slug| {
            let text = std::fs::read_to_string(dir.join(format!("{slug}.md"))).ok()?;
            Some((slug.clone(), text))
        })
        .collect()
}
