//! Any text through the generator's Markdown renderer. Bodies may come from public forms, so
//! besides never panicking the output must be inert as a body: no element or attribute but
//! those Markdown writes, balanced and bounded in depth, no script, no event handler and no
//! link or image whose address a browser would run (the oracle of `portal_markdown::inert`,
//! which the adversarial tests hold whole pages to).
#![no_main]

use libfuzzer_sys::fuzz_target;
use portal_markdown::inert::{Scope, is_inert};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for depth in [1, 2] {
        let html = portal_markdown::to_html(text, depth);
        if let Err(why) = is_inert(&html, Scope::Body) {
            panic!("{why} in {html:?} from {text:?}");
        }
    }
    let _ = portal_markdown::plain_summary(text, 160);
});
