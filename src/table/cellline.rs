//! One cell per line (HTML tables flattened cell by cell).

use super::Piece;
use crate::lines::Line;
use crate::model::Warning;

/// Reads a cell-per-line region.
pub fn read(_lines: &[Line], _furniture: &[bool], _warnings: &mut Vec<Warning>) -> Vec<Piece> {
    Vec::new()
}
