//! Units inside the footnote zones: lines cut at each note start, and where a blank line
//! ends a note.

use crate::lines::TextLine;
use crate::structure::classify::{NoteLabel, note_label};
use crate::structure::note_zones::{NoteZones, zone_of};
use crate::structure::units::{Measure, Unit, segment};

/// What a unit is with respect to the footnote zones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ZoneUnit {
    /// Outside every zone.
    Body,
    /// A note in a zone.
    Note,
    /// A zone's opening lines that carry on the previous note.
    Continued,
}

/// Cuts lines into units; lines inside a footnote zone are cut at each note start.
pub(super) fn segment_with_zones(
    lines: &[TextLine],
    zones: &NoteZones,
    m: Measure,
    from: usize,
    to: usize,
) -> Vec<(Unit, ZoneUnit)> {
    let mut out = Vec::new();
    let mut start = from;
    while start < to {
        let z = zone_of(zones, start);
        let mut end = start + 1;
        while end < to
            && zone_of(zones, end) == z
            && !(z.is_some()
                && (zones.note_starts.contains(&end)
                    || zones.continued.contains(&end)
                    || ends_note_at_blank(lines, start, end, m.wrapped)))
        {
            end += 1;
        }
        if z.is_some() {
            let role = if zones.continued.contains(&start) {
                ZoneUnit::Continued
            } else {
                ZoneUnit::Note
            };
            // One note: from its start line to the next start or the zone's end.
            let unit = Unit {
                lines: lines[start..end]
                    .iter()
                    .filter(|l| !l.is_blank())
                    .cloned()
                    .collect(),
                blank_before: true,
            };
            if !unit.lines.is_empty() {
                out.push((unit, role));
            }
        } else {
            out.extend(
                segment(&lines[start..end], m)
                    .into_iter()
                    .map(|u| (u, ZoneUnit::Body)),
            );
        }
        start = end;
    }
    out
}

/// Inside a footnote zone, a blank line ends a note unless the next line continues it
/// (indented under the note's first line, starting in lower case, or — in hard-wrapped
/// text, where blank lines fall anywhere — after a line left mid-phrase).
fn ends_note_at_blank(lines: &[TextLine], start: usize, at: usize, wrapped: bool) -> bool {
    if !lines[at].is_blank() {
        return false;
    }
    let Some(next) = lines[at..].iter().find(|l| !l.is_blank()) else {
        return false;
    };
    let first = &lines[start];
    let prev = lines[start..at]
        .iter()
        .rev()
        .find(|l| !l.is_blank())
        .map(|l| l.plain())
        .unwrap_or_default();
    let last_word = prev.split_whitespace().last().unwrap_or("");
    // A note left mid-phrase (not after a full stop or a link) runs on past the blank.
    let open = wrapped
        && !prev.trim_end().ends_with(['.', '!', '?', ')', ']'])
        && !crate::structure::classify::has_url(last_word)
        && note_label(&next.text, true).0 == NoteLabel::None;
    let continues = next.indent > first.indent + 1.0
        || crate::rich::plain(&next.text).starts_with(|c: char| c.is_lowercase())
        || open;
    !continues
}
