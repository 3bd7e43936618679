//! A subtitle set apart from the title by other lines (a cover page's "UPDATE" between
//! "WORLD ECONOMIC OUTLOOK" and "Inflation Peaking / amid Low Growth"), which the file's
//! declared title names together with the title ("World Economic Outlook Update, January
//! 2023: Inflation Peaking amid Low Growth"). Without that second witness a line in large
//! type under a title could as well be a section title, a slogan or a date, and stays in
//! the text.

use crate::lines::TextLine;
use crate::words::{words, words_key};

/// Lines of a subtitle run at most this many.
const MAX_LINES: usize = 3;

/// How much larger than the body the subtitle must be set: a display size, not a heading
/// of the text's own.
const DISPLAY: f32 = 1.5;

/// Whether the words of `part` stand in `whole` as a run of whole words.
fn names(whole: &str, part: &str) -> bool {
    !part.is_empty() && format!(" {whole} ").contains(&format!(" {part} "))
}

/// The zone lines from `from` on (not in `used`) that print a subtitle the declared title
/// names: the first run of up to [`MAX_LINES`] consecutive lines in one size, at least
/// [`DISPLAY`] times the body's, holding two words or more, whose words the declared title
/// holds apart from the title's own. `None` unless the declared title names the printed
/// title as well.
pub(super) fn declared_subtitle(
    zone: &[TextLine],
    texts: &[String],
    from: usize,
    used: &[usize],
    title: &str,
    declared: &str,
    body: f32,
) -> Option<Vec<usize>> {
    let (declared, title) = (words_key(declared), words_key(title));
    if !names(&declared, &title) {
        return None;
    }
    // The declared title without the title's words: the subtitle must come from the rest.
    let rest = format!(" {declared} ").replacen(&format!(" {title} "), " | ", 1);
    let size = |i: usize| {
        zone[i]
            .geometry
            .map(|g| g.font_size)
            .filter(|&s| s >= DISPLAY * body)
    };
    let mut i = from;
    while i < zone.len() {
        let Some(s) = size(i).filter(|_| !used.contains(&i)) else {
            i += 1;
            continue;
        };
        let mut run = vec![i];
        while run.len() < MAX_LINES
            && let Some(k) = run.last().map(|&k| k + 1)
            && k < zone.len()
            && !used.contains(&k)
            && zone[k].page == zone[i].page
            && size(k).is_some_and(|t| (t - s).abs() <= 0.5)
        {
            run.push(k);
        }
        // The longest run from `i` the declared title names.
        while !run.is_empty() {
            let text: Vec<&str> = run.iter().map(|&k| texts[k].as_str()).collect();
            let text = words_key(&text.join(" "));
            if words(&text) >= 2 && names(&rest, &text) {
                return Some(run);
            }
            run.pop();
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::test_placed;

    fn zone() -> (Vec<TextLine>, Vec<String>) {
        let lines = vec![
            test_placed("WORLD", 1, 60.0, 350.0, 275.0, 76.0),
            test_placed("ECONOMIC", 1, 60.0, 500.0, 351.0, 76.0),
            test_placed("OUTLOOK", 1, 60.0, 450.0, 427.0, 76.0),
            test_placed("UPDATE", 1, 60.0, 280.0, 496.0, 60.0),
            test_placed("2023", 1, 60.0, 150.0, 716.0, 35.0),
            test_placed("Inflation Peaking", 1, 60.0, 300.0, 560.0, 34.0),
            test_placed("amid Low Growth", 1, 60.0, 320.0, 597.0, 34.0),
        ];
        let texts = lines.iter().map(TextLine::plain).collect();
        (lines, texts)
    }

    const DECLARED: &str =
        "World Economic Outlook Update, January 2023: Inflation Peaking amid Low Growth";

    #[test]
    fn the_declared_title_names_the_subtitle_set_apart_from_the_title() {
        let (lines, texts) = zone();
        let found = declared_subtitle(
            &lines,
            &texts,
            3,
            &[0, 1, 2],
            "WORLD ECONOMIC OUTLOOK",
            DECLARED,
            10.0,
        );
        assert_eq!(found, Some(vec![5, 6]));
    }

    #[test]
    fn no_subtitle_without_both_witnesses() {
        let (lines, texts) = zone();
        let run = |title: &str, declared: &str, body: f32| {
            declared_subtitle(&lines, &texts, 3, &[0, 1, 2], title, declared, body)
        };
        // The declared title does not name the printed title.
        assert_eq!(
            run(
                "WORLD ECONOMIC OUTLOOK",
                "Inflation Peaking amid Low Growth",
                10.0
            ),
            None
        );
        // It names the title only.
        assert_eq!(
            run("WORLD ECONOMIC OUTLOOK", "World Economic Outlook", 10.0),
            None
        );
        // The lines are not in display type against this body.
        assert_eq!(run("WORLD ECONOMIC OUTLOOK", DECLARED, 30.0), None);
        // A single word the declared title holds is not enough ("2023", "UPDATE").
        let (lines, texts) = zone();
        let short = declared_subtitle(
            &lines[..5],
            &texts[..5],
            3,
            &[0, 1, 2],
            "WORLD ECONOMIC OUTLOOK",
            DECLARED,
            10.0,
        );
        assert_eq!(short, None);
    }

    #[test]
    fn words_are_compared_whole_and_in_lower_case() {
        assert_eq!(
            words_key("Inflation  Peaking,\namid LOW growth!"),
            "inflation peaking amid low growth"
        );
        assert!(names("world economic outlook update", "economic outlook"));
        assert!(!names("world economic outlook update", "conomic outlook"));
    }
}
