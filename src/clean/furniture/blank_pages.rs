//! Notices that a page was left blank on purpose ("This page intentionally left blank"):
//! a book or a report printed for both sides sets one on a page that would otherwise be
//! empty. It is furniture, not a heading, and the paragraph that runs over that page
//! reads on across it.

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::TextLine;
use crate::report::ActionKind;

/// "This page intentionally left blank", "Page left blank on purpose", "[Intentionally
/// blank]", in English, with or without its article, verb, brackets and stop.
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\[(]?\s*(?:this\s+)?(?:page\s+)?(?:is\s+|has\s+been\s+)?(?:intentionally|deliberately|purposely|purposefully)\s+(?:left\s+)?blank(?:\s+page)?\s*\.?\s*[\])]?$|^[\[(]?\s*(?:this\s+)?page\s+(?:is\s+|has\s+been\s+)?left\s+blank(?:\s+(?:intentionally|deliberately|on\s+purpose))?\s*\.?\s*[\])]?$",
    )
    .expect("valid pattern")
});

/// Whether a line is a blank-page notice.
pub(super) fn is_notice(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 60 && NOTICE.is_match(&t.to_lowercase())
}

/// Marks each blank-page notice that is the only text its page has left (the running
/// heads and page number around it already marked).
pub(super) fn mark_blank_page_notices(
    lines: &[TextLine],
    verdict: &mut [Option<(ActionKind, &'static str)>],
) {
    for on_page in crate::lines::page_ranges(lines) {
        let mut left = on_page.filter(|&k| verdict[k].is_none() && !lines[k].is_blank());
        if let (Some(only), None) = (left.next(), left.next())
            && is_notice(&lines[only].plain())
        {
            verdict[only] = Some((
                ActionKind::BlankPageNotice,
                "the only text of its page: a notice that the page was left blank",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_of_a_blank_page_in_their_usual_wordings() {
        for t in [
            "This page is intentionally left blank",
            "This page intentionally left blank.",
            "THIS PAGE INTENTIONALLY LEFT BLANK",
            "[Intentionally blank]",
            "Page left blank intentionally",
            "This page has been left blank intentionally.",
            "Intentionally Blank Page",
        ] {
            assert!(is_notice(t), "{t}");
        }
        for t in [
            "Intentionally left blank pages are common in books printed for both sides.",
            "Blank",
            "Leave this page blank if you have no income to report",
            "Left blank",
        ] {
            assert!(!is_notice(t), "{t}");
        }
    }

    #[test]
    fn a_notice_is_furniture_only_alone_on_its_page() {
        let line = |t: &str, page: usize| TextLine::new(t, page, 1);
        let lines = vec![
            line("The survey ran for thirty years across the", 1),
            line("This page intentionally left blank", 2),
            line("12", 2),
            line("highlands, where rain fell most.", 3),
            line("This page intentionally left blank", 3),
        ];
        let mut verdict = vec![None; lines.len()];
        // The page number is already furniture.
        verdict[2] = Some((ActionKind::PageNumber, "page-number line"));
        mark_blank_page_notices(&lines, &mut verdict);
        assert_eq!(verdict[1].map(|v| v.0), Some(ActionKind::BlankPageNotice));
        // On a page with text of its own, the same words are that page's text.
        assert_eq!(verdict[4], None);
    }
}
