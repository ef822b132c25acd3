//! Lists longer than a page: which slice a page shows, and the links to the others.

use serde::Serialize;

use crate::urls::Urls;

#[derive(Serialize)]
pub(crate) struct Pagination {
    /// What a page is called: `Page`, or `Feuille` for a guide's sheets.
    noun: &'static str,
    /// The navigation's name: `Pages de la liste`.
    label: &'static str,
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
    /// Pages are left out between the previous link and this one (`…`).
    gap: bool,
}

/// How many pages on each side of the current one the pagination links to, besides the
/// first and the last: a list of 800 pages offers 7 links, not 800 to tab through.
const PAGE_WINDOW: usize = 2;

/// The page numbers the pagination of page `current` of `total` links to, in order.
fn page_window(current: usize, total: usize) -> Vec<usize> {
    let near = current.saturating_sub(PAGE_WINDOW).max(1)..=(current + PAGE_WINDOW).min(total);
    let mut pages = vec![1];
    pages.extend(near.filter(|&k| k != 1 && k != total));
    if total > 1 {
        pages.push(total);
    }
    pages
}

/// The number of pages a list of `len` items takes, `size` a page (at least one, even
/// when empty).
pub(crate) fn page_count(len: usize, size: usize) -> usize {
    len.div_ceil(size).max(1)
}

/// Slices `items` for page `n` (1-based) of pages of `size`, the first at `first_url`, and
/// describes the pagination.
pub(crate) fn paginate<T: Clone>(
    items: &[T],
    n: usize,
    size: usize,
    first_url: &str,
    urls: &Urls,
) -> (Vec<T>, Pagination) {
    let total = page_count(items.len(), size);
    let start = ((n - 1) * size).min(items.len());
    let end = (start + size).min(items.len());
    (
        items[start..end].to_vec(),
        Pagination::of(n, total, first_url, urls),
    )
}

impl Pagination {
    /// The links of page `n` of `total`, the first at `first_url`.
    pub(crate) fn of(n: usize, total: usize, first_url: &str, urls: &Urls) -> Pagination {
        let url = |k: usize| urls.paginated(first_url, k);
        Pagination {
            noun: "Page",
            label: "Pages de la liste",
            current: n,
            total,
            prev: (n > 1).then(|| url(n - 1)),
            next: (n < total).then(|| url(n + 1)),
            pages: page_window(n, total)
                .into_iter()
                .scan(0, |last, k| {
                    let gap = k > *last + 1;
                    *last = k;
                    Some(PageLink {
                        number: k,
                        url: url(k),
                        current: k == n,
                        gap,
                    })
                })
                .collect(),
        }
    }

    /// The same links, between the sheets of a printed guide.
    pub(crate) fn sheets(mut self) -> Pagination {
        self.noun = "Feuille";
        self.label = "Feuilles du guide";
        self
    }
}

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn pagination_links_the_ends_and_the_pages_near_the_current_one() {
        assert_eq!(page_window(1, 1), [1]);
        assert_eq!(page_window(1, 2), [1, 2]);
        assert_eq!(page_window(3, 5), [1, 2, 3, 4, 5]);
        assert_eq!(page_window(1, 800), [1, 2, 3, 800]);
        assert_eq!(page_window(400, 800), [1, 398, 399, 400, 401, 402, 800]);
        assert_eq!(page_window(800, 800), [1, 798, 799, 800]);
    }
}
