//! List items made without a bullet in the text: the marker they get, and the report
//! entry that gives the evidence.

use crate::report::{Action, ActionKind, Report};
use crate::structure::classify::{BulletClass, ItemMarker};
use crate::structure::units::Unit;

use super::{Piece, PieceKind};

/// The marker of an item whose bullet is not in the text.
pub(super) fn unmarked_item() -> ItemMarker {
    ItemMarker {
        class: crate::structure::classify::BulletClass::Square,
        ordinal: None,
        len: 0,
        misread: false,
        misread_as: None,
        style: crate::structure::classify::LabelStyle::None,
    }
}

/// Reports a list item made without a bullet in the text, and the evidence for it.
pub(super) fn report_unmarked_item(
    report: &mut Report,
    unit: &Unit,
    text: &str,
    evidence: &str,
    confidence: f32,
) {
    report.push(
        Action::new(ActionKind::Guess)
            .page(unit.page())
            .lines(unit.source_lines().into_iter().take(1))
            .after(
                crate::rich::plain(text)
                    .chars()
                    .take(60)
                    .collect::<String>(),
            )
            .evidence(format!(
                "list item without a bullet in the text: {evidence}"
            ))
            .confidence(confidence),
    );
}

/// Whether a piece is an item made without a bullet in the text.
fn unmarked(p: &Piece) -> bool {
    matches!(&p.kind, PieceKind::Item(mk) if mk.len == 0 && !mk.misread)
}

/// Extracted text that kept no indentation: each run of items whose bullets were lost,
/// nested by their lead-ins (see `raw_items::depths_by_lead_ins`). The term-led items take
/// the first level's bullet and the plain items under them the second's, so that nesting
/// by marker family puts them one level apart; no text changes.
pub(super) fn nest_by_lead_ins(out: &mut [Piece], report: &mut Report) {
    let mut at = 0;
    while at < out.len() {
        let len = out[at..].iter().take_while(|p| unmarked(p)).count();
        if len == 0 {
            at += 1;
            continue;
        }
        let run = at..at + len;
        at += len;
        if out[run.clone()].iter().any(|p| p.font_size.is_some()) {
            continue;
        }
        let texts: Vec<&str> = out[run.clone()].iter().map(|p| p.text.as_str()).collect();
        let Some(depths) = crate::structure::raw_items::depths_by_lead_ins(&texts) else {
            continue;
        };
        let first = &out[run.start];
        report.push(
            Action::new(ActionKind::Guess)
                .page(first.page)
                .lines(first.lines.iter().copied().take(1))
                .evidence(format!(
                    "{} items without bullets nested by their lead-ins: the run opens with a \
                     \"Term: …\" item, {} of its items have one, and the plain items between \
                     them are read as items of the term-led item above them",
                    len,
                    depths.iter().filter(|&&d| d == 1).count()
                ))
                .confidence(0.4),
        );
        for (p, depth) in out[run].iter_mut().zip(depths) {
            if let PieceKind::Item(mk) = &mut p.kind {
                mk.class = if depth == 1 {
                    BulletClass::Disc
                } else {
                    BulletClass::Circle
                };
            }
        }
    }
}
