//! A running head that one page of extracted text proves: the page's first line is a
//! title and a page number ("Optimized Table Tokenization for Table Structure
//! Recognition 9", "148 A. Sundström et al."), and the text under it opens in lower
//! case, mid-sentence — the page continues a sentence from the page before, so it is not
//! the page that prints the document's title. Without geometry nothing else tells such a
//! line from a title; repetition across pages (see [`super::furniture`]) needs two pages.

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;
use crate::report::ActionKind;

/// Title words, then a page number of one to three digits, or the other way round.
static NUMBERED_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<a>\D.*?)\s+[1-9][0-9]{0,2}|[1-9][0-9]{0,2}\s+(?P<b>\D.*?))$")
        .expect("valid regex")
});

/// Whether the words beside the number read as a running title or an author line: three
/// words or more, mostly words, opening with a capital, not a sentence (an author line's
/// "et al." aside) and not broken off.
fn running_title(t: &str) -> bool {
    let t = t.trim();
    let n = t.split_whitespace().count();
    (3..=16).contains(&n)
        && t.starts_with(|c: char| c.is_uppercase())
        && crate::words::mostly_words(t)
        && (!crate::words::ends_sentence(t) || t.ends_with("et al."))
        && !t.ends_with([',', ';', ':', '-'])
}

/// Whether `text` opens in lower case: a word, not an address or a label ("e.g.").
fn opens_mid_sentence(text: &str) -> bool {
    let t = crate::rich::plain(text);
    let first = t.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    word.chars().count() >= 2
        && word.starts_with(|c: char| c.is_lowercase())
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// Marks (in `verdict`) extracted-text lines that open a page as a running title with
/// its page number over text that opens mid-sentence.
pub fn mark_numbered_heads(lines: &[TextLine], verdict: &mut [Option<(ActionKind, &'static str)>]) {
    let mut prev_page: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        let opens_page = prev_page != Some(line.page);
        prev_page = Some(line.page);
        if !opens_page || line.geometry.is_some() || verdict[i].is_some() {
            i += 1;
            continue;
        }
        let t = crate::rich::plain(&line.text);
        let t = t.trim();
        let head = NUMBERED_HEAD
            .captures(t)
            .and_then(|c| c.name("a").or(c.name("b")))
            .is_some_and(|m| running_title(m.as_str()));
        let next = lines[i + 1..]
            .iter()
            .find(|l| !l.is_blank())
            .filter(|l| l.page == line.page);
        if head && next.is_some_and(|n| opens_mid_sentence(&n.text)) {
            verdict[i] = Some((
                ActionKind::RunningHeader,
                "running title and page number over a page that opens mid-sentence",
            ));
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, page: usize, n: usize) -> TextLine {
        TextLine::new(text, page, n)
    }

    fn marked(texts: &[(&str, usize)]) -> Vec<bool> {
        let lines: Vec<TextLine> = texts
            .iter()
            .enumerate()
            .map(|(i, (t, p))| line(t, *p, i + 1))
            .collect();
        let mut verdict = vec![None; lines.len()];
        mark_numbered_heads(&lines, &mut verdict);
        verdict.iter().map(Option::is_some).collect()
    }

    #[test]
    fn a_running_title_with_its_page_number_over_a_sentence_running_on() {
        assert_eq!(
            marked(&[
                (
                    "Optimized Table Tokenization for Table Structure Recognition          9",
                    1
                ),
                (
                    "order to compute the TED score. Inference timing results",
                    1
                ),
                ("148 A. Sundström et al.", 2),
                ("the same machine on a single core.", 2),
            ]),
            vec![true, false, true, false]
        );
    }

    #[test]
    fn a_title_over_a_new_paragraph_or_with_a_year_stays() {
        assert_eq!(
            marked(&[
                ("Apollo Program Lessons Learned 13", 1),
                ("The program flew eleven crewed missions.", 1),
                ("Strategy for Water Security 2030", 2),
                ("and beyond, the agency will invest", 2),
                ("Annual report of the fund", 3),
                ("and its partners", 3),
            ]),
            vec![false, false, false, false, false, false]
        );
    }
}
