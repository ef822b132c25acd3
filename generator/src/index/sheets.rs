//! A commune's printable guide, cut into A4 sheets: its associations by need (the site's
//! categories, in order), each need continued on the next sheet when the sheet is full, so
//! that each page of the guide prints on one sheet and says which of how many it is.
//!
//! How much a sheet holds is estimated from the length of what the guide prints, against
//! the print style of the theme (`style.css`, `@media print`: A4 with 12 mm margins, 9 pt
//! type on two columns): about 60 lines of 52 characters a column, less the title, the
//! emergency numbers, the QR code of the online page and the footer, which every sheet
//! carries. The estimate rounds every line up and keeps a margin, so that a sheet never
//! spills onto a second (the browser tests print the guides of the bundled site and of a
//! large one to check it).

use portal_model::Association;
use portal_model::checks::slugify;

use super::{AssociationId, CategoryId, Commune, Index};
use crate::phrasing;
use crate::render::views::WhoView;

/// Lines of text a sheet holds, both columns together: 100 less the emergency numbers (about
/// 11 lines of a column) and the QR code's band across both columns (30 mm: about 17).
const LINES: usize = 72;
/// Characters on a line of a column.
const WIDTH: usize = 52;
/// A need's heading, with its space around.
const HEADING: usize = 3;

/// The associations of one need on one sheet.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub category: CategoryId,
    pub associations: Vec<AssociationId>,
    /// The need began on an earlier sheet.
    pub continued: bool,
}

/// One sheet of a guide: a need, or the end of one and the start of others.
pub(crate) type Sheet = Vec<Part>;

/// Lines a text takes, wrapped at the column's width.
fn lines(chars: usize) -> usize {
    chars.div_ceil(WIDTH).max(1)
}

/// The lines an association's entry takes in the guide of `commune`: its name and phone,
/// each of its places there with its hours, directions, season and closures to come, who
/// may come, and the space between entries.
fn entry(index: &Index, a: &Association, commune: &str) -> usize {
    let phone = a
        .contact
        .as_ref()
        .and_then(|c| c.phone.as_ref())
        .map_or(0, |p| p.display.chars().count() + 8);
    let text = |t: &str| lines(t.chars().count());
    let places: usize = a
        .locations
        .iter()
        .filter(|l| slugify(&l.place.city) == commune)
        .map(|l| {
            let hours = l
                .hours
                .as_ref()
                .map_or(0, |h| phrasing::open_days(h).chars().count() + 3);
            let directions = l
                .directions
                .as_deref()
                .map_or(0, |d| lines(d.chars().count() + 8));
            let season = l.season.as_ref().map_or(0, |s| text(&phrasing::season(s)));
            let closures: usize = l
                .closures
                .iter()
                .filter(|c| c.to >= index.today)
                .map(|c| text(&phrasing::closure(c)))
                .sum();
            lines(l.place.address.chars().count() + l.place.city.chars().count() + 2 + hours)
                + directions
                + season
                + closures
        })
        .sum();
    let who = WhoView::of(a, index);
    let access =
        who.access.chars().count() + who.note.as_deref().map_or(0, |n| n.chars().count() + 2);
    let who_lines =
        if access > 0 { lines(access) } else { 0 } + who.publics_line.as_deref().map_or(0, text);
    lines(a.name.chars().count() + phone) + places + who_lines + 1
}

/// The sheets of a commune's guide: at least one, even when no association has a need
/// listed there.
pub(super) fn cut(index: &Index, commune: &Commune) -> Vec<Sheet> {
    let mut sheets: Vec<Sheet> = vec![Vec::new()];
    let mut used = 0;
    for (category, c) in index.categories() {
        let mut started = false;
        for &id in &commune.associations {
            let a = index.association(id);
            if !a.categories.contains(&c.key) {
                continue;
            }
            let need = entry(index, a, &commune.slug);
            let heading = |sheet: &Sheet| {
                if sheet.last().is_some_and(|p| p.category == category) {
                    0
                } else {
                    HEADING
                }
            };
            // A full sheet: the need goes on (or starts) on the next one. An entry taller
            // than a sheet has one of its own.
            let last = sheets.last().expect("a sheet");
            if used > 0 && used + heading(last) + need > LINES {
                sheets.push(Vec::new());
                used = 0;
            }
            let sheet = sheets.last_mut().expect("a sheet");
            used += heading(sheet) + need;
            match sheet.last_mut() {
                Some(part) if part.category == category => part.associations.push(id),
                _ => sheet.push(Part {
                    category,
                    associations: vec![id],
                    continued: started,
                }),
            }
            started = true;
        }
    }
    sheets
}
