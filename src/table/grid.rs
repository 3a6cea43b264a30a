//! Box-drawing and ASCII grids.

use super::Piece;
use crate::lines::Line;
use crate::model::Warning;

/// True for a grid border line.
pub fn is_rule(_t: &str) -> bool {
    false
}

/// True for a box-drawing row.
pub fn is_boxed(_t: &str) -> bool {
    false
}

/// Reads a grid region.
pub fn read(_lines: &[Line], _warnings: &mut Vec<Warning>) -> Vec<Piece> {
    Vec::new()
}
