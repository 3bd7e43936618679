//! A list label that is the running text's own word wrapped to a line's start: "an
//! effective batch size of" / "32. Each training epoch…", "prefrontal regions" / "–
//! structures critical for memory…". Read as items they cut a sentence in two and drop
//! the dash. The page shows it: the line before ran to the measure without ending, and
//! the label stands where that line starts, not out at a list's margin.

use crate::lines::TextLine;
use crate::structure::classify::{BulletClass, ItemMarker};
use crate::words::ends_sentence;

use super::Unit;

/// Whether `line`'s label `mk` only continues the sentence of `prev` (the last line of
/// `unit`): PDF lines in one column, `prev` unfinished (no sentence end, colon or
/// semicolon) and running to the unit's measure and near the text's usual line length
/// (`width`, in characters), `line` starting at `prev`'s left edge
/// with no paragraph's gap above it. Only labels a sentence can hold count: numbers,
/// letters, roman numerals and dashes; a drawn bullet opens an item wherever it stands,
/// unless `prev` uses it as the separator of a run the line goes on with (see
/// [`separates_in_prev`]), in any input.
pub(super) fn wraps_onto_label(
    prev: &TextLine,
    line: &TextLine,
    unit: &Unit,
    mk: &ItemMarker,
    width: f32,
) -> bool {
    if separates_in_prev(prev, &line.text) {
        return true;
    }
    let (Some(a), Some(b)) = (prev.geometry, line.geometry) else {
        return false;
    };
    let sentence_sign = match mk.class {
        BulletClass::Number | BulletClass::Alpha | BulletClass::Roman | BulletClass::Dash => true,
        BulletClass::Disc => line.plain_cow().trim_start().starts_with('-'),
        _ => false,
    };
    if !sentence_sign || mk.misread {
        return false;
    }
    let before = prev.plain_cow();
    let before = before.trim_end();
    if before.is_empty()
        || ends_sentence(&prev.text)
        || before.ends_with([':', ';'])
        || (before.chars().count() as f32) < 0.8 * width
    {
        return false;
    }
    let size = a.font_size.max(b.font_size).max(1.0);
    let measure = unit
        .lines
        .iter()
        .filter_map(|l| l.geometry)
        .map(|g| g.bbox.x1)
        .fold(b.bbox.x1, f32::max);
    (a.bbox.x0 - b.bbox.x0).abs() <= 0.5 * size
        && a.bbox.x1 >= measure - 1.5 * size
        && b.bbox.y0 - a.bbox.y1 < 0.8 * size
}

/// Whether a line opening with a bullet glyph only wraps a run that `prev` separates
/// with that glyph between spaces ("Document Image Analysis · Deep Learning · Layout
/// Analysis" / "· Character Recognition · Toolkit."): `prev` unfinished and using the
/// glyph inside its text, so the glyph is the run's separator, not a bullet.
fn separates_in_prev(prev: &TextLine, text: &str) -> bool {
    let t = crate::rich::plain_cow(text);
    let Some(glyph) = t
        .trim_start()
        .chars()
        .next()
        .filter(|c| matches!(c, '·' | '•' | '|' | '–'))
    else {
        return false;
    };
    let before = prev.plain_cow();
    let before = before.trim_end();
    !ends_sentence(&prev.text)
        && !before.ends_with([':', ';'])
        && before.contains(&format!(" {glyph} "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::classify::line_marker;

    fn placed(text: &str, x1: f32, baseline: f32) -> TextLine {
        crate::lines::test_placed(text, 1, 72.0, x1, baseline, 10.0)
    }

    fn wraps(prev: &TextLine, line: &TextLine) -> bool {
        let unit = Unit {
            lines: vec![prev.clone()],
            blank_before: true,
        };
        let mk = line_marker(&line.text).expect("a label");
        wraps_onto_label(prev, line, &unit, &mk, 50.0)
    }

    #[test]
    fn a_bullet_glyph_the_line_above_uses_as_a_separator_wraps_its_run() {
        let prev = placed(
            "Keywords: Image Analysis · Deep Learning · Layout Analysis",
            300.0,
            100.0,
        );
        assert!(separates_in_prev(
            &prev,
            "· Character Recognition · Toolkit."
        ));
        // The unit split asks through `wraps_onto_label`.
        assert!(wraps(
            &prev,
            &placed("· Character Recognition · Toolkit.", 200.0, 112.0)
        ));
        // A bullet after a finished line, or under a line with no such separator, opens
        // an item.
        let done = placed("Keywords: Image Analysis · Deep Learning.", 300.0, 100.0);
        assert!(!separates_in_prev(&done, "· Character Recognition"));
        let plain = placed("The toolkit covers three areas of work", 300.0, 100.0);
        assert!(!separates_in_prev(&plain, "· Character Recognition"));
    }

    #[test]
    fn a_label_under_an_unfinished_full_line_goes_on_with_it() {
        let prev = placed(
            "with gradient accumulation for an effective batch size of",
            300.0,
            100.0,
        );
        assert!(wraps(
            &prev,
            &placed("32. Each training epoch takes a day.", 298.0, 112.0)
        ));
        let prev = placed("in medial temporal and prefrontal regions", 300.0, 100.0);
        assert!(wraps(
            &prev,
            &placed("– structures critical for memory function", 296.0, 112.0)
        ));
        // A finished sentence, a lead-in's colon, a short line or a paragraph's gap: an item.
        let done = placed("The model was trained for three days in all.", 300.0, 100.0);
        assert!(!wraps(
            &done,
            &placed("2. Each epoch took a day.", 200.0, 112.0)
        ));
        let lead = placed(
            "The steps, taken in order, were the following:",
            300.0,
            100.0,
        );
        assert!(!wraps(&lead, &placed("1. Collect the data", 200.0, 112.0)));
        let short = placed("1. Collect the data", 180.0, 100.0);
        assert!(!wraps(&short, &placed("2. Clean the data", 170.0, 112.0)));
        assert!(!wraps(
            &prev,
            &placed("– structures critical", 296.0, 130.0)
        ));
        // A drawn bullet opens an item wherever it stands.
        assert!(!wraps(
            &prev,
            &placed("• structures critical", 296.0, 112.0)
        ));
    }
}
