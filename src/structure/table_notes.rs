//! Notes printed under a table ("a Estimated from …", "† Provisional"): which notes are the
//! table's own, and the marks in its cells that refer to them.
//!
//! A note belongs to the table when it stands right under it, its label is a letter or a
//! symbol (the families tables use, so as not to clash with the page's numbered notes) and
//! the table's cells carry a raised mark of that family. The table keeps the note; the
//! cell's raised mark becomes a reference to it when the table has a note of that label.

use crate::model::Inline;
use crate::rich;

use super::classify::NoteLabel;
use super::families::{self, Family};

/// The raised marks in a table's cells ("1420^a" gives "a").
pub fn raised_marks(rows: &[Vec<String>]) -> Vec<String> {
    let mut marks = Vec::new();
    for cell in rows.iter().flatten() {
        let mut rest = cell.as_str();
        while let Some(s) = rest.find(rich::SUP_ON) {
            let inner = &rest[s + rich::SUP_ON.len_utf8()..];
            let Some(e) = inner.find(rich::SUP_OFF) else {
                break;
            };
            marks.extend(
                inner[..e]
                    .split([',', ' '])
                    .filter(|m| !m.is_empty())
                    .map(str::to_string),
            );
            rest = &inner[e..];
        }
    }
    marks
}

/// The label as printed of a note right under a table whose cells carry `marks`, when the
/// note is the table's own (see the module comment).
pub fn label_under_table(label: NoteLabel, marks: &[String]) -> Option<String> {
    let NoteLabel::Family(family @ (Family::Letter | Family::Symbol), ordinal) = label else {
        return None;
    };
    marks
        .iter()
        .any(|m| families::ordinal_in(m, family).is_some())
        .then(|| families::printed(family, ordinal))
}

/// A cell's content with each raised mark that names one of `labels` (the table's notes)
/// made a reference to that note; the raise is kept, and marks without a note stay text.
pub fn link_marks(cell: Vec<Inline>, labels: &[String]) -> Vec<Inline> {
    if labels.is_empty() {
        return cell;
    }
    cell.into_iter()
        .map(|inline| match inline {
            Inline::Superscript(c) => Inline::Superscript(refs_in(c, labels)),
            Inline::Strong(c) => Inline::Strong(link_marks(c, labels)),
            Inline::Emphasis(c) => Inline::Emphasis(link_marks(c, labels)),
            other => other,
        })
        .collect()
}

/// Raised content "a,b" as references to notes `a` and `b`, separators kept as text.
fn refs_in(content: Vec<Inline>, labels: &[String]) -> Vec<Inline> {
    let mut out = Vec::new();
    for inline in content {
        let Inline::Text(text) = inline else {
            out.push(inline);
            continue;
        };
        let mut plain = String::new();
        let mut token = String::new();
        for c in text.chars() {
            if c == ',' || c.is_whitespace() {
                end_token(&mut token, &mut plain, &mut out, labels);
                plain.push(c);
            } else {
                token.push(c);
            }
        }
        end_token(&mut token, &mut plain, &mut out, labels);
        if !plain.is_empty() {
            out.push(Inline::Text(plain));
        }
    }
    out
}

/// Ends a token of raised text: a reference when it names a note, else text.
fn end_token(token: &mut String, plain: &mut String, out: &mut Vec<Inline>, labels: &[String]) {
    if labels.iter().any(|l| l == token) {
        if !plain.is_empty() {
            out.push(Inline::Text(std::mem::take(plain)));
        }
        out.push(Inline::TableNoteRef(std::mem::take(token)));
    } else {
        plain.push_str(token);
        token.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sup(s: &str) -> Inline {
        Inline::Superscript(vec![Inline::text(s)])
    }

    #[test]
    fn raised_marks_with_a_note_become_references() {
        let labels = vec!["a".to_string(), "b".to_string()];
        let cell = vec![Inline::text("1420"), sup("a,c")];
        assert_eq!(
            link_marks(cell, &labels),
            vec![
                Inline::text("1420"),
                Inline::Superscript(vec![Inline::TableNoteRef("a".into()), Inline::text(",c"),]),
            ]
        );
        // Text at the baseline is never a mark, and a raise without a note stays as printed.
        let cell = vec![Inline::text("a b"), sup("2")];
        assert_eq!(link_marks(cell.clone(), &labels), cell);
        assert_eq!(link_marks(vec![sup("a")], &[]), vec![sup("a")]);
    }

    #[test]
    fn only_letter_or_symbol_notes_under_marked_tables_are_the_tables() {
        let marks = raised_marks(&[vec![format!("1420{}a{}", rich::SUP_ON, rich::SUP_OFF)]]);
        assert_eq!(marks, vec!["a"]);
        assert_eq!(
            label_under_table(NoteLabel::Family(Family::Letter, 2), &marks).as_deref(),
            Some("b")
        );
        assert_eq!(label_under_table(NoteLabel::Number(1), &marks), None);
        assert_eq!(
            label_under_table(NoteLabel::Family(Family::Symbol, 1), &marks),
            None
        );
    }
}
