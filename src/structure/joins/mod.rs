//! Rejoining what line ends broke: words hyphenated at a line end, URLs cut by a line
//! break or a stray space, and the lines of a paragraph.
//!
//! Whether "long-" + "term" is a hyphenation or a compound is decided with the document's
//! own words as the dictionary: if the text elsewhere writes "longterm" the hyphen goes, if
//! it writes "long-term" it stays.

mod hyphens;
mod lexicon;
mod link_targets;
mod urls;

pub use hyphens::{BoundDash, bound_dash_join, hyphenated_word, rejoin, trim_end_hyphen};
pub use lexicon::Lexicon;
pub use link_targets::LinkTargets;
pub use urls::{
    continues_url, is_url_fragment, repair_spaced_urls, restore_urls, splits_url_opening,
    url_runs_on,
};

use hyphens::{SHORT_WORDS, spaced_hyphen_head, splits_email};
use urls::may_end_with_url;

use crate::lines::TextLine;
use crate::report::{Action, ActionKind, Report};
use crate::rich;
use crate::structure::shapes::trailing_url;

/// Joins the lines of one unit into rich text, recording de-hyphenations and URL joins.
pub fn join_lines(lines: &[TextLine], lex: &Lexicon, report: &mut Report) -> String {
    // Room for every line and a space between each two, so the paragraph is never regrown.
    let mut out = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    for (k, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(text);
            continue;
        }
        let visible_end = visible_tail(&out);
        // Only its words are read, which the line's untrimmed plain text has the same.
        let next_plain = line.plain_cow();
        let next_first = next_plain.split_whitespace().next().unwrap_or("");
        let is_last = k + 1 == lines.len() && next_plain.split_whitespace().count() == 1;
        // A URL cut by the line end, in its opening or after it; an e-mail address cut
        // at its "@".
        let email = splits_email(&visible_end, next_first);
        if email || splits_url_opening(&visible_end, next_first) {
            report.push(
                Action::new(ActionKind::UrlJoined)
                    .page(line.page)
                    .lines([lines[k - 1].source_line, line.source_line])
                    .before(format!(
                        "{} | {next_first}",
                        visible_end.split_whitespace().last().unwrap_or("")
                    ))
                    .evidence(if email {
                        "an e-mail address cut at its @ by the line end"
                    } else {
                        "a URL's opening cut by the line end"
                    })
                    .confidence(0.9),
            );
            out.push_str(text);
            continue;
        }
        if may_end_with_url(&visible_end)
            && let Some(url) = trailing_url(&visible_end)
            && continues_url(url, next_first, is_last)
            && !out.ends_with(char::is_whitespace)
        {
            report.push(
                Action::new(ActionKind::UrlJoined)
                    .page(line.page)
                    .lines([lines[k - 1].source_line, line.source_line])
                    .before(format!("{url} | {next_first}"))
                    .evidence("URL continued on the next line")
                    .confidence(0.9),
            );
            out.push_str(text);
            continue;
        }
        // "Hy -" / "dropower": a hyphenation set apart by justification. Only a short
        // fragment that is no word of its own, or a join the text confirms, counts.
        if let Some(head) = spaced_hyphen_head(&visible_end)
            && next_first.starts_with(|c: char| c.is_lowercase())
        {
            let tail: String = next_first
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let confirmed = lex.count_forms(&format!("{head}{tail}")) > 0;
            let fragment =
                head.chars().count() <= 3 && !SHORT_WORDS.contains(&head.to_lowercase().as_str());
            if confirmed || fragment {
                while out.ends_with(['-', ' ']) || out.ends_with(char::is_whitespace) {
                    out.pop();
                }
                report.push(
                    Action::new(ActionKind::Dehyphenated)
                        .page(line.page)
                        .lines([lines[k - 1].source_line, line.source_line])
                        .before(format!("{head} - {tail}"))
                        .after(format!("{head}{tail}"))
                        .evidence("hyphen set apart at a line end")
                        .confidence(0.7),
                );
                out.push_str(text);
                continue;
            }
        }
        // A word hyphenated (or soft-hyphenated) at the line end, or a dash binding two
        // words, numbers or an identifier's parts across it: kept, without the space a
        // line break would add; a hyphen the document's words show to be a word's
        // hyphenation ("FED-" / "ERAL") goes.
        let soft = visible_end.ends_with('\u{AD}');
        let cut = rejoin(&visible_end, next_plain.trim_start(), lex, false).map(|(mut b, word)| {
            let soft = soft && word;
            b.dropped |= soft;
            let why = if soft {
                "soft hyphen at line end".to_string()
            } else if b.dropped {
                format!("line-end hyphenation: {}", b.why)
            } else if word {
                format!("compound kept: {}", b.why)
            } else {
                "dash at a line end between two words or numbers: kept, no space added".to_string()
            };
            (b, why)
        });
        if let Some((
            BoundDash {
                dash,
                head,
                tail,
                dropped,
                ..
            },
            why,
        )) = cut
        {
            trim_end_hyphen(&mut out, dropped);
            report.push(
                Action::new(ActionKind::Dehyphenated)
                    .page(line.page)
                    .lines([lines[k - 1].source_line, line.source_line])
                    .before(format!("{head}{dash} {tail}"))
                    .after(if dropped {
                        format!("{head}{tail}")
                    } else {
                        format!("{head}{dash}{tail}")
                    })
                    .evidence(why)
                    .confidence(0.8),
            );
            out.push_str(text);
            continue;
        }
        if out.ends_with('\u{AD}') {
            out.pop();
        }
        out.push(' ');
        out.push_str(text);
    }
    if out.contains('\u{AD}') {
        out = out.replace('\u{AD}', "");
    }
    // Two lines of one italic or bold run come joined as "*…found* *after…*": one run.
    crate::rich::tidy_owned(out)
}

/// Longest stretch at the end of a paragraph that the join decisions look at, in bytes:
/// longer than the URLs of real notes, and a bound that keeps joining linear in the
/// paragraph. Each line joined reads it once, so it is also the cost per line of a
/// paragraph that is one endless word (a million "inter-" lines: 10 s at 2 KiB).
const MAX_TAIL: usize = 1 << 10;
/// The visible text (as [`rich::plain`]) of the last three whitespace-separated tokens of
/// `s`, at most [`MAX_TAIL`] bytes of it. Every join decision depends only on the end of
/// the text built so far (a URL's last token, "Hy -", a hyphenated word); reading the
/// whole paragraph again for each line joined would make joining quadratic.
pub fn visible_tail(s: &str) -> std::borrow::Cow<'_, str> {
    let mut start = s.len().saturating_sub(MAX_TAIL);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    let mut tokens = 0;
    let mut in_token = false;
    for (i, c) in s[start..].char_indices().rev() {
        if c.is_whitespace() {
            if in_token {
                tokens += 1;
                if tokens == 3 {
                    start += i + c.len_utf8();
                    break;
                }
            }
            in_token = false;
        } else {
            in_token = true;
        }
    }
    rich::plain_cow(&s[start..])
}

#[cfg(test)]
mod tests {
    use super::hyphens::MAX_WORD;
    use super::*;

    fn tl(s: &str, n: usize) -> TextLine {
        TextLine::new(s, 1, n)
    }

    #[test]
    fn joins_lines_urls_and_hyphens() {
        let lex = Lexicon::default();
        let mut r = Report::default();
        let lines = [
            tl("Read the report at https://www.example.org/reports/", 1),
            tl("annual-2024 which covers ob-", 2),
            tl("servations of long-", 3),
            tl("term trends.", 4),
        ];
        assert_eq!(
            join_lines(&lines, &lex, &mut r),
            "Read the report at https://www.example.org/reports/annual-2024 which covers observations of long-term trends."
        );
        assert_eq!(r.count(ActionKind::UrlJoined), 1);
        assert_eq!(r.count(ActionKind::Dehyphenated), 2);
    }

    #[test]
    fn urls_cut_in_their_opening_are_joined() {
        let lex = Lexicon::default();
        let mut r = Report::default();
        let join = |a: &str, b: &str, r: &mut Report| join_lines(&[tl(a, 1), tl(b, 2)], &lex, r);
        assert_eq!(
            join(
                "Delta Daily News, 2020. https:",
                "//www.example.com/news/a-b",
                &mut r
            ),
            "Delta Daily News, 2020. https://www.example.com/news/a-b"
        );
        assert_eq!(
            join(
                "(Manila: ADB, 2023), 18. http",
                "s://www.adb.example.org/x",
                &mut r
            ),
            "(Manila: ADB, 2023), 18. https://www.adb.example.org/x"
        );
        assert_eq!(
            join("available at (www", ".example.org/report).", &mut r),
            "available at (www.example.org/report)."
        );
        assert_eq!(r.count(ActionKind::UrlJoined), 3);
        // Words that only look like an opening stay apart.
        assert_eq!(
            join("the http", "server failed", &mut r),
            "the http server failed"
        );
        assert_eq!(join("see www", ". Then", &mut r), "see www . Then");
        assert_eq!(
            join("a https:", "// comment", &mut r),
            "a https: // comment"
        );
        assert_eq!(r.count(ActionKind::UrlJoined), 3);
    }

    #[test]
    fn spaced_hyphens_at_line_ends() {
        let lex = Lexicon::default();
        let mut r = Report::default();
        let lines = [
            tl("bears the cost of the change. Hy -", 1),
            tl("dropower revenues accrue", 2),
        ];
        assert_eq!(
            join_lines(&lines, &lex, &mut r),
            "bears the cost of the change. Hydropower revenues accrue"
        );
        let lines = [tl("the river is -", 1), tl("as always - low", 2)];
        assert_eq!(
            join_lines(&lines, &lex, &mut r),
            "the river is - as always - low"
        );
    }

    /// A hyphen or dash that ends a line after a letter or figure binds what the next
    /// line goes on with: no space is added, and a hyphen goes only when the document's
    /// words make the halves one word. Without the rule, "FAA–2020–" / "0686" read
    /// "FAA–2020– 0686" and "Trace-" / "Monkey" read "Trace- Monkey".
    #[test]
    fn dashes_at_line_ends_bind_without_a_space() {
        let lex = Lexicon::from_lines(&[tl("TraceMonkey records a trace.", 9)]);
        let join = |a: &str, b: &str| {
            let mut r = Report::default();
            let out = join_lines(&[tl(a, 1), tl(b, 2)], &lex, &mut r);
            (out, r.count(ActionKind::Dehyphenated))
        };
        assert_eq!(
            join("Docket No. FAA–2020–", "0686; or in person"),
            ("Docket No. FAA–2020–0686; or in person".to_string(), 1)
        );
        assert_eq!(join("pp. 1-", "26.").0, "pp. 1-26.");
        assert_eq!(
            join("at Soekarno-", "Hatta airport").0,
            "at Soekarno-Hatta airport"
        );
        assert_eq!(
            join("so Trace-", "Monkey starts").0,
            "so TraceMonkey starts"
        );
        assert_eq!(
            join("9,10-epoxy-9-", "methyl-decatrienoic").0,
            "9,10-epoxy-9-methyl-decatrienoic"
        );
        assert_eq!(join("the past—", "what it did").0, "the past—what it did");
        assert_eq!(join("mid-", "Sep. and").0, "mid-Sep. and");
        // Lower case before a capital is no prefix: another text's line came between.
        assert_eq!(
            join("changes ap-", "Department of").0,
            "changes ap- Department of"
        );
        assert_eq!(
            join("Your tax is—", "Example. Mr").0,
            "Your tax is— Example. Mr"
        );
        // A dash set apart by spaces is no binding dash.
        assert_eq!(
            join("Revenue –", "2020 figures").0,
            "Revenue – 2020 figures"
        );
    }

    /// A hyphen at a line end inside a compound whose other parts carry hyphens is the
    /// compound's own, and one before "and" with a compound after it waits for that
    /// compound's second part; a syllable break is still joined. Without these rules
    /// "end-" / "to-end" read "endto-end", "low-molecular-" / "weight" read
    /// "low-molecularweight" and "first-" / "and second-line" read "first-and".
    #[test]
    fn compound_hyphens_at_line_ends_stay() {
        let lex = Lexicon::from_lines(&[
            tl(
                "An end of it; low-molecular-weight heparin and bitops-bitwise-and runs.",
                9,
            ),
            tl(
                "The effective cost-effective route, liquid chromatography-tandem assays.",
                10,
            ),
        ]);
        let join = |a: &str, b: &str| {
            let mut r = Report::default();
            join_lines(&[tl(a, 1), tl(b, 2)], &lex, &mut r)
        };
        assert_eq!(join("an end-", "to-end pipeline"), "an end-to-end pipeline");
        assert_eq!(
            join("with low-molecular-", "weight heparin"),
            "with low-molecular-weight heparin"
        );
        assert_eq!(
            join("the bitops-bitwise-", "and test"),
            "the bitops-bitwise-and test"
        );
        assert_eq!(
            join("compared to first-", "and second-line providers"),
            "compared to first- and second-line providers"
        );
        assert_eq!(
            join("sentence-", "and token-level tasks"),
            "sentence- and token-level tasks"
        );
        // Syllables: the joined word is printed, or the head is no word of its own.
        assert_eq!(
            join("a cost-effec-", "tive route"),
            "a cost-effective route"
        );
        assert_eq!(
            join("liquid chroma-", "tography-tandem"),
            "liquid chromatography-tandem"
        );
        // "and" with no compound after it is the word's last syllable or a word.
        assert_eq!(join("the husb-", "and went"), "the husband went");
    }

    #[test]
    fn e_mail_addresses_cut_at_the_at_sign_are_joined() {
        let lex = Lexicon::default();
        let mut r = Report::default();
        let join = |a: &str, b: &str, r: &mut Report| join_lines(&[tl(a, 1), tl(b, 2)], &lex, r);
        assert_eq!(
            join("email 9-FAA-SACO-AD-Inquiry@", "faa.gov. Then", &mut r),
            "email 9-FAA-SACO-AD-Inquiry@faa.gov. Then"
        );
        assert_eq!(
            join("write to ad-requests", "@faa.gov today", &mut r),
            "write to ad-requests@faa.gov today"
        );
        assert_eq!(r.count(ActionKind::UrlJoined), 2);
        assert_eq!(
            join("follow @", "brief2md daily", &mut r),
            "follow @ brief2md daily"
        );
    }

    #[test]
    fn the_visible_tail_is_the_last_three_tokens_within_a_bound() {
        let bold = format!("{}x{}", rich::BOLD_ON, rich::BOLD_OFF);
        assert_eq!(visible_tail(&format!("one two {bold} Hy -")), "x Hy -");
        assert_eq!(visible_tail("see https://a.org/b"), "see https://a.org/b");
        let endless = "inter".repeat(10_000);
        assert!(visible_tail(&endless).len() <= MAX_TAIL);
        assert!(
            hyphenated_word(&format!("{endless}-"), "national")
                .is_some_and(|(h, _)| h.len() <= MAX_WORD)
        );
    }
}
