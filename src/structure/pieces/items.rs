//! List items made without a bullet in the text: the marker they get, and the report
//! entry that gives the evidence.

use crate::report::{Action, ActionKind, Report};
use crate::structure::classify::ItemMarker;
use crate::structure::units::Unit;

/// The marker of an item whose bullet is not in the text.
pub(super) fn unmarked_item() -> ItemMarker {
    ItemMarker {
        class: crate::structure::classify::BulletClass::Square,
        ordinal: None,
        len: 0,
        misread: false,
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
