//! Which lines that repeat once digits are ignored really repeat: a running header or
//! footer varies in one number at most (a page, a section, a print time: "Page 3 of 10",
//! "§ 1308.02"), while a page's own heading that two numbers tell apart ("20,000 miles or
//! 24 months", then "30,000 miles or 36 months") is content, and so is a footnote that each
//! page prints again under its own label ("6 Not all vehicles are designed for towing.").

/// The runs of ASCII digits in `t`, in order.
fn digit_runs(t: &str) -> Vec<&str> {
    t.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect()
}

/// Whether the lines of one repeated shape (the pages' copies, in page order) differ as
/// furniture does: from one copy to the next in one digit run at most, and not only in the
/// label that opens a sentence. Judged over successive copies, by majority: a header
/// that names its chapter as well as its page changes in both only where a chapter
/// begins.
pub(super) fn varies_like_furniture(copies: &[String]) -> bool {
    let runs: Vec<Vec<&str>> = copies.iter().map(|t| digit_runs(t)).collect();
    let mut content = 0;
    let mut pairs = 0;
    for (k, w) in runs.windows(2).enumerate() {
        // Equal shapes have as many runs (a run split by a lone separator counts once
        // more in each); otherwise the pair says nothing.
        if w[0].len() != w[1].len() {
            continue;
        }
        pairs += 1;
        let varying: Vec<usize> = (0..w[0].len()).filter(|&r| w[0][r] != w[1][r]).collect();
        let differs = match varying.as_slice() {
            [0] => is_labelled_sentence(&copies[k]) && is_labelled_sentence(&copies[k + 1]),
            [] | [_] => false,
            _ => true,
        };
        content += usize::from(differs);
    }
    content * 2 <= pairs
}

/// Whether a line is a sentence under a leading number: "6 Not all vehicles are designed
/// for towing." A running head that opens with its page number names a publication and
/// ends without a full stop.
fn is_labelled_sentence(t: &str) -> bool {
    let t = t.trim();
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.ends_with('.')
        && t.split_whitespace().count() >= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copies(ts: &[&str]) -> Vec<String> {
        ts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn one_varying_number_is_furniture() {
        assert!(varies_like_furniture(&copies(&[
            "Page 2 of 7",
            "Page 3 of 7"
        ])));
        assert!(varies_like_furniture(&copies(&[
            "Annual Report 2023 | 14",
            "Annual Report 2023 | 15"
        ])));
        assert!(varies_like_furniture(&copies(&["§ 1308.01", "§ 1308.02"])));
        assert!(varies_like_furniture(&copies(&[
            "12 Journal of Policy Studies",
            "14 Journal of Policy Studies"
        ])));
        // A new chapter changes two numbers once; the page goes on changing alone.
        assert!(varies_like_furniture(&copies(&[
            "Chapter 3 | 45",
            "Chapter 3 | 46",
            "Chapter 4 | 47",
            "Chapter 4 | 48"
        ])));
    }

    #[test]
    fn two_varying_numbers_are_content() {
        assert!(!varies_like_furniture(&copies(&[
            "20,000 miles or 24 months",
            "30,000 miles or 36 months"
        ])));
    }

    #[test]
    fn a_note_printed_again_under_its_label_is_content() {
        let note =
            |n: u32| format!("{n} Not all vehicles are designed for towing. Refer to your Manual.");
        assert!(!varies_like_furniture(&[note(6), note(7)]));
        // The same note under the same label is a repeated footer.
        assert!(varies_like_furniture(&[note(6), note(6)]));
    }
}
