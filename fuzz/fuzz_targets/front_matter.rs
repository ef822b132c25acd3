//! Any bytes, read as text, through the first two steps of reading a content file: splitting
//! the front matter from the body, then parsing the YAML into a tree with positions. Either
//! may refuse the input; neither may panic, overflow the stack or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portal_model::content::split_front_matter;
use portal_model::tree::parse_yaml;

fuzz_target!(|data: &[u8]| {
    // The loader refuses non-UTF-8 files before this point (load.rs, read_text).
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(parts) = split_front_matter(source) {
        assert!(parts.front_line >= 1 && parts.body_line > parts.front_line);
        let _ = parse_yaml(parts.front, parts.front_line);
    }
    // The whole input as YAML too, so that the parser sees inputs without `---` lines.
    if let Err(problem) = parse_yaml(source, 1) {
        let _ = problem.to_string();
    }
});
