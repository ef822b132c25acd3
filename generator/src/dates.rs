//! The build date, and the date each content file last changed.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use jiff::civil::Date;
use portal_model::SiteConfig;

/// Today in the site's time zone (UTC when `site.toml` cannot be read).
pub fn today(root: &Path) -> Date {
    let tz = crate::load::load_config(root)
        .map(|c| c.time_zone())
        .unwrap_or(jiff::tz::TimeZone::UTC);
    tz.to_datetime(jiff::Timestamp::now()).date()
}

/// Today in the time zone of settings already read.
pub fn today_in(config: &SiteConfig) -> Date {
    config
        .time_zone()
        .to_datetime(jiff::Timestamp::now())
        .date()
}

/// The day each content file last changed, from git when the site is in a repository.
///
/// A file's date is that of the last commit that touched it, so a build depends only on
/// the repository's state and `--now`. Outside a repository, or for a file never
/// committed, the build date is used.
#[derive(Debug, Default, Clone)]
pub struct ChangeDates {
    by_file: HashMap<String, Date>,
    fallback: Option<Date>,
}

impl ChangeDates {
    /// Reads the history of `content/` in one `git log` run.
    pub fn from_git(root: &Path, fallback: Date) -> ChangeDates {
        let mut dates = ChangeDates {
            by_file: HashMap::new(),
            fallback: Some(fallback),
        };
        let output = Command::new("git")
            .arg("-C")
            .arg(root)
            .args([
                "log",
                "--format=@%cs",
                "--name-only",
                "--no-renames",
                "--relative",
                "--",
                "content",
            ])
            .output();
        let Ok(output) = output else {
            return dates;
        };
        if !output.status.success() {
            return dates;
        }
        let text = String::from_utf8_lossy(&output.stdout);
        let mut current: Option<Date> = None;
        for line in text.lines() {
            if let Some(d) = line.strip_prefix('@') {
                current = d.parse().ok();
            } else if let (Some(d), false) = (current, line.is_empty()) {
                // The log is newest first: the first date seen for a file is its last change.
                dates.by_file.entry(line.to_string()).or_insert(d);
            }
        }
        dates
    }

    /// Dates known only from a fallback (tests, sites outside git).
    pub fn fixed(date: Date) -> ChangeDates {
        ChangeDates {
            by_file: HashMap::new(),
            fallback: Some(date),
        }
    }

    /// The last change of `content/<folder>/<slug>.md`, never after `today`.
    pub fn of(&self, file: &str, today: Date) -> Date {
        self.by_file
            .get(file)
            .copied()
            .or(self.fallback)
            .unwrap_or(today)
            .min(today)
    }
}
