//! Where something was written: the one type every module's problems point with.

use serde::Serialize;

/// A position in a file: 1-based line and column, or 0 when unknown (JSON, forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Serialize)]
pub struct Pos {
    /// The line, from 1.
    pub line: u32,
    /// The column, in characters from 1.
    pub column: u32,
}

impl Pos {
    /// The position at `line` and `column`.
    pub fn new(line: u32, column: u32) -> Self {
        Pos { line, column }
    }
}
