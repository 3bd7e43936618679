use super::{Piece, PieceKind};

/// A piece of `kind` on page 1 with a blank line before it.
pub fn piece(kind: PieceKind, text: &str) -> Piece {
    Piece {
        kind,
        text: text.to_string(),
        page: 1,
        lines: vec![],
        indent: 0.0,
        blank_before: true,
        font_size: None,
        ends_full: false,
    }
}

/// An unnumbered, stand-alone heading.
pub fn heading(text: &str) -> Piece {
    piece(
        PieceKind::Heading {
            number: None,
            run_in: false,
        },
        text,
    )
}
