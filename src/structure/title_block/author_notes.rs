//! Notes about the authors marked with a symbol after a name on the title block ("Andrew
//! G Haldane*" over "* I would like to thank…" at the page's foot). The title block takes
//! the name, so the body's note passes never see the mark, and the note was read as a
//! bulleted paragraph with its mark replaced by a bullet. The mark on the name and a
//! single line opening with that mark on the same page prove the note: it is taken out of
//! the body, whole, and kept with the authors whose names carry the mark.

use crate::lines::TextLine;
use crate::model::{AuthorNote, Metadata};
use crate::report::{Action, ActionKind, Report};
use crate::structure::classify::{NoteLabel, note_label};
use crate::structure::joins::{self, Lexicon};

/// Symbols that mark a note about an author (doubled, "**", they make another mark).
const MARKS: [char; 7] = ['*', '∗', '⋆', '†', '‡', '§', '¶'];

/// Lines a note about the authors may run to.
const MAX_NOTE_LINES: usize = 12;

/// A mark after an author's name on the title block: the author's index, the mark, and
/// the page it is printed on.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorMark {
    author: usize,
    mark: String,
    page: usize,
}

/// The marks printed right after an author's name on the title block's lines, each run of
/// one symbol a mark of its own ("Mason†,*" has two, "Dominiczak**" one).
pub fn author_marks<'a>(
    title_lines: impl Iterator<Item = &'a TextLine>,
    meta: &Metadata,
) -> Vec<AuthorMark> {
    let mut marks: Vec<AuthorMark> = Vec::new();
    for line in title_lines {
        let plain = line.plain_cow();
        for (author, person) in meta.authors.iter().enumerate() {
            if person.name.is_empty() {
                continue;
            }
            for (at, _) in plain.match_indices(person.name.as_str()) {
                for mark in marks_after(&plain[at + person.name.len()..]) {
                    if !marks.iter().any(|m| m.author == author && m.mark == mark) {
                        marks.push(AuthorMark {
                            author,
                            mark: mark.to_string(),
                            page: line.page,
                        });
                    }
                }
            }
        }
    }
    marks
}

/// Takes out of `body` the note each mark points to, when exactly one line on the mark's
/// page opens with the mark and text, and keeps it in the metadata with its authors.
pub fn take_marked_notes(
    marks: &[AuthorMark],
    body: &mut Vec<TextLine>,
    meta: &mut Metadata,
    lex: &Lexicon,
    report: &mut Report,
) {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for m in marks {
        if seen.contains(&(m.mark.as_str(), m.page)) {
            continue;
        }
        seen.push((&m.mark, m.page));
        let opening: Vec<usize> = body
            .iter()
            .enumerate()
            .filter(|(_, l)| l.page == m.page && opens_with_mark(&l.plain_cow(), &m.mark))
            .map(|(k, _)| k)
            .collect();
        let [start] = opening[..] else {
            continue;
        };
        let end = note_end(body, start);
        // A note that labels parts of itself with marks ("† Research Group…, ‡Support
        // Society…") is a list of affiliations, not one note.
        let labels_parts = body[start..end].iter().enumerate().any(|(k, l)| {
            let plain = l.plain_cow();
            let own = if k == 0 {
                &plain.trim_start()[m.mark.len()..]
            } else {
                &plain[..]
            };
            own.contains(MARKS)
        });
        if labels_parts {
            continue;
        }
        let mut lines: Vec<TextLine> = body.drain(start..end).collect();
        let first = lines[0].plain_cow().trim_start()[m.mark.len()..]
            .trim_start()
            .to_string();
        lines[0].text = first;
        let text = crate::rich::plain(&joins::join_lines(&lines, lex, report));
        let label = m.mark.clone();
        for a in marks
            .iter()
            .filter(|a| a.mark == m.mark && a.page == m.page)
        {
            let labels = &mut meta.authors[a.author].note_labels;
            if !labels.contains(&label) {
                labels.push(label.clone());
            }
        }
        report.push(
            Action::new(ActionKind::Metadata)
                .page(m.page)
                .lines(lines.iter().map(|l| l.source_line))
                .before(format!(
                    "{label} {}",
                    text.chars().take(60).collect::<String>()
                ))
                .evidence(format!(
                    "note about an author: the only line on the page opening with \"{label}\", \
                     the mark after {} on the title block",
                    meta.authors[m.author].name
                )),
        );
        meta.author_notes.push(AuthorNote { label, text });
    }
}

/// The marks right after a name: runs of one symbol, separated by commas ("†,*" gives
/// "†" and "*") or by the figures that label affiliations ("1*", "1,2†"); the first other
/// character ends them.
fn marks_after(after: &str) -> Vec<&str> {
    let mut marks = Vec::new();
    let mut rest = after;
    loop {
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_ascii_digit());
        let Some(first) = rest.chars().next().filter(|c| MARKS.contains(c)) else {
            return marks;
        };
        let len = rest.len() - rest.trim_start_matches(first).len();
        marks.push(&rest[..len]);
        rest = &rest[len..];
    }
}

/// Whether a line opens with `mark` followed by a note's text (a letter, figure or
/// opening quotation mark): the mark exactly, since a longer run of its symbol ("**"
/// after "*") is another mark.
fn opens_with_mark(plain: &str, mark: &str) -> bool {
    let Some(rest) = plain.trim_start().strip_prefix(mark) else {
        return false;
    };
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '“' | '"' | '‘'))
}

/// The end (exclusive) of the note opening at `start`: the lines after it on its page that
/// continue it, in its size and spacing with no paragraph's gap (with geometry), or up to
/// a blank line (without), and none opening another note (a mark or a note's label).
fn note_end(body: &[TextLine], start: usize) -> usize {
    let first = &body[start];
    let mut end = start + 1;
    while end < body.len() && end - start < MAX_NOTE_LINES {
        let (prev, line) = (&body[end - 1], &body[end]);
        if line.page != first.page || line.is_blank() {
            break;
        }
        let plain = line.plain_cow();
        // Another note begins: a mark, a raised label, or a note's label.
        if plain.trim_start().starts_with(MARKS)
            || line.text.trim_start().starts_with(crate::rich::SUP_ON)
            || note_label(&line.text, true).0 != NoteLabel::None
        {
            break;
        }
        match (prev.geometry, line.geometry) {
            (Some(a), Some(b)) => {
                let size = a.font_size.max(1.0);
                let pitch = b.baseline - a.baseline;
                if (b.font_size - a.font_size).abs() > 0.5 || !(0.0..=1.6 * size).contains(&pitch) {
                    break;
                }
            }
            (None, None) => {}
            _ => break,
        }
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::test_placed;
    use crate::model::Contributor;

    fn haldane() -> Metadata {
        Metadata {
            authors: vec![Contributor::named("Andrew G Haldane")],
            ..Default::default()
        }
    }

    /// The name line of the title block, as printed.
    fn name_line(text: &str) -> [TextLine; 1] {
        [test_placed(text, 1, 248.0, 347.0, 372.8, 12.0)]
    }

    /// A line at the page foot, 10 pt.
    fn foot(text: &str, baseline: f32) -> TextLine {
        test_placed(text, 1, 90.0, 490.0, baseline, 10.0)
    }

    #[test]
    fn a_marked_name_keeps_its_note() {
        let mut meta = haldane();
        let marks = author_marks(name_line("Andrew G Haldane*").iter(), &meta);
        assert_eq!(marks.len(), 1);
        let mut body = vec![
            foot(
                "* I would like to thank Ian Bond, Sebastiano Daros, Kemal",
                729.7,
            ),
            foot(
                "Ercevik and Peter Zimmerman for comments and contri-",
                741.2,
            ),
            foot("butions.", 752.7),
            foot(
                "1 A numbered note starts here and is not the author's.",
                764.2,
            ),
        ];
        let lex = Lexicon::from_lines(&body);
        let mut report = Report::default();
        take_marked_notes(&marks, &mut body, &mut meta, &lex, &mut report);
        assert_eq!(body.len(), 1, "{body:?}");
        assert_eq!(meta.author_notes.len(), 1);
        let note = &meta.author_notes[0];
        assert_eq!(note.label, "*");
        assert!(
            note.text.starts_with("I would like to thank"),
            "{}",
            note.text
        );
        assert!(note.text.ends_with("contributions."), "{}", note.text);
        assert_eq!(meta.authors[0].note_labels, vec!["*".to_string()]);
    }

    /// Two lines opening with the mark on the page (a list drawn with asterisks), a line
    /// labelling affiliations with marks of its own, or a name without a mark: nothing
    /// is taken.
    #[test]
    fn without_one_plain_marked_line_nothing_is_taken() {
        let marks = author_marks(name_line("Andrew G Haldane*").iter(), &haldane());
        for lines in [
            vec![
                foot("* First point of the list", 700.0),
                foot("* Second point of the list", 712.0),
            ],
            vec![foot(
                "* Bank of England, London, UK, †Princeton University",
                700.0,
            )],
        ] {
            let mut meta = haldane();
            let mut body = lines.clone();
            let lex = Lexicon::from_lines(&body);
            take_marked_notes(&marks, &mut body, &mut meta, &lex, &mut Report::default());
            assert_eq!(body, lines);
            assert!(meta.author_notes.is_empty());
        }
        assert!(author_marks(name_line("Andrew G Haldane").iter(), &haldane()).is_empty());
    }

    #[test]
    fn marks_are_runs_of_one_symbol() {
        assert_eq!(marks_after("†,*, and Avril Mason"), vec!["†", "*"]);
        assert_eq!(marks_after("**, S. Faisal Ahmed"), vec!["**"]);
        assert_eq!(marks_after("∗, Barlas"), vec!["∗"]);
        assert!(marks_after(", Sze Choong Wong").is_empty());
        // After an affiliation's figure, as BioMed Central prints the corresponding author.
        assert_eq!(marks_after("1*, Lucas Rudmik1"), vec!["*"]);
        assert_eq!(marks_after("1,2†, Lucas Rudmik"), vec!["†"]);
        assert!(marks_after("1, Lucas Rudmik*").is_empty());
        // A single star does not open a line that opens with a double one.
        assert!(!opens_with_mark("**College of Medicine", "*"));
        assert!(opens_with_mark("*Correspondence address.", "*"));
    }
}
