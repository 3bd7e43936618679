//! Addresses the PDF links: a URL printed across lines and style changes ("…/knkt/" in
//! italics, "ntsc" "_" "aviation/…" with a roman underscore, "2018%20-" / "%20035" at a
//! line break) reads broken however the lines are joined, while the page's link
//! annotation holds the address whole. Where the text spells one of the annotations'
//! addresses, character for character but for the breaks between its lines and its style
//! marks, the address is printed whole.

use foldhash::{HashMap, HashMapExt};

use crate::report::{Action, ActionKind, Report};
use crate::rich::{self, is_sentinel};

/// Shortest address worth matching: a bare domain is printed whole anyway.
const MIN_ADDRESS: usize = 12;

/// Most addresses of one host that a printed address is tried against.
const MAX_PER_HOST: usize = 256;

/// The addresses of a document's link annotations, by host.
#[derive(Debug, Default)]
pub struct LinkTargets {
    by_host: HashMap<String, Vec<String>>,
}

impl LinkTargets {
    /// The annotations' addresses long enough to tell (with a scheme), by host. A host
    /// with more than [`MAX_PER_HOST`] addresses is left out, and the report says so:
    /// each of its printed addresses would be tried against all of them.
    pub fn new(targets: &[String], report: &mut Report) -> Self {
        let mut by_host: HashMap<String, Vec<String>> = HashMap::new();
        for t in targets {
            let t = t.trim();
            if t.len() >= MIN_ADDRESS
                && (t.starts_with("http://") || t.starts_with("https://"))
                && let Some(host) = host_of(t)
            {
                by_host
                    .entry(host.to_string())
                    .or_default()
                    .push(t.to_string());
            }
        }
        let mut crowded: Vec<(String, usize)> = by_host
            .iter()
            .filter(|(_, t)| t.len() > MAX_PER_HOST)
            .map(|(h, t)| (h.clone(), t.len()))
            .collect();
        crowded.sort();
        for (host, n) in crowded {
            by_host.remove(&host);
            report.push(
                Action::new(ActionKind::Guess)
                    .evidence(format!(
                        "{n} link annotations to {host}: more than {MAX_PER_HOST}, not matched against the text; its addresses stay as read"
                    ))
                    .confidence(1.0),
            );
        }
        LinkTargets { by_host }
    }

    /// `text` with every address it spells broken printed whole (see the module's
    /// documentation); each repair reported. Each host printed in the text is looked up
    /// once, so a long text with many links costs its length.
    pub fn print(&self, text: &str, report: &mut Report, page: usize, lines: &[usize]) -> String {
        if self.by_host.is_empty() || !(text.contains("://") || text.contains("www.")) {
            return text.to_string();
        }
        let mut out = text.to_string();
        let mut from = 0;
        while let Some((start, host)) = next_host(&out, from) {
            // Past the host (or the character after "://", where none is printed).
            let step = out[start..].chars().next().map_or(1, char::len_utf8);
            let mut next = start + host.len().max(step);
            let found = self.by_host.get(host).and_then(|targets| {
                targets.iter().find_map(|t| {
                    let (s, form) = printed_form(&out, start, t)?;
                    spelled_from(&out, s, form).map(|end| (s, end, form))
                })
            });
            if let Some((s, end, form)) = found {
                let spelled = &out[s..end];
                if spelled == form {
                    next = end;
                } else {
                    // The style marks the address crossed, less each closing mark that the
                    // next opening one undoes: a run set italic on both sides stays so.
                    let marks = cancel_pairs(spelled.chars().filter(|&c| is_sentinel(c)).collect());
                    let mut whole = String::with_capacity(form.len() + 8);
                    whole.push_str(form);
                    whole.extend(marks);
                    report.push(
                        Action::new(ActionKind::UrlJoined)
                            .page(page)
                            .lines(lines.iter().copied())
                            .before(rich::plain(spelled))
                            .after(form)
                            .evidence("the address of the page's link annotation, printed broken across lines or styles")
                            .confidence(0.95),
                    );
                    out.replace_range(s..end, &whole);
                    next = s + whole.len();
                }
            }
            from = next;
        }
        out
    }
}

/// How the text prints address `target` whose host starts at byte `host_at`: from its
/// scheme when the text prints one ("https://"), else from its host ("www.…"). Where the
/// printed address starts, and the form to spell.
fn printed_form<'t>(text: &str, host_at: usize, target: &'t str) -> Option<(usize, &'t str)> {
    let scheme_len = target.find("://")? + 3;
    if text[..host_at].ends_with("://") {
        let s = host_at.checked_sub(scheme_len)?;
        (text.get(s..host_at)? == &target[..scheme_len]).then_some((s, target))
    } else {
        Some((host_at, &target[scheme_len..]))
    }
}

/// An address's host: after its scheme, up to its path.
fn host_of(address: &str) -> Option<&str> {
    let from = address.find("://")? + 3;
    let rest = &address[from..];
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    (!host.is_empty()).then_some(host)
}

/// The next host printed in `text` from byte `from`: after "://", or a "www." name; its
/// byte offset and text (up to a character no host holds).
fn next_host(text: &str, from: usize) -> Option<(usize, &str)> {
    let rest = text.get(from..)?;
    let scheme = rest.find("://").map(|k| k + 3);
    let www = rest.find("www.");
    let k = match (scheme, www) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let start = from + k;
    let len = text[start..]
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | ':')))
        .unwrap_or(text.len() - start);
    Some((start, &text[start..start + len]))
}

/// Where the spelling of `form` that starts at byte `start` ends, if the text spells it
/// whole there: each character of `form` in turn, with only style marks, white space and a
/// hyphen added at a line break between them, and no address character right after.
fn spelled_from(text: &str, start: usize, form: &str) -> Option<usize> {
    let mut want = form.chars().peekable();
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let (Some(&w), Some((k, c))) = (want.peek(), chars.next()) {
        if c == w {
            want.next();
            end = start + k + c.len_utf8();
        } else if is_sentinel(c) || c.is_whitespace() {
            // A style mark, or the space a line break left.
        } else if c == '-' {
            // A hyphen added at a line's end: white space follows (style marks aside).
            let rest = &text[start + k + 1..];
            if !rest
                .trim_start_matches(is_sentinel)
                .starts_with(char::is_whitespace)
            {
                return None;
            }
        } else {
            return None;
        }
    }
    if want.peek().is_some() {
        return None;
    }
    // The address ends where the text's does: no address character follows.
    let next = text[end..].chars().find(|&c| !is_sentinel(c));
    (!next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '_' | '-' | '%' | '=' | '&')))
        .then_some(end)
}

/// Style marks with each closing mark followed directly by its own opening mark taken out
/// (an italic run broken and resumed), repeatedly.
fn cancel_pairs(marks: Vec<char>) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(marks.len());
    for m in marks {
        let undoes = out.last().is_some_and(|&last| closes_opened(last, m));
        if undoes {
            out.pop();
        } else {
            out.push(m);
        }
    }
    out
}

/// Whether `close` ends a run that `open`, right after it, starts again.
fn closes_opened(close: char, open: char) -> bool {
    matches!(
        (close, open),
        (rich::BOLD_OFF, rich::BOLD_ON)
            | (rich::ITALIC_OFF, rich::ITALIC_ON)
            | (rich::SUP_OFF, rich::SUP_ON)
            | (rich::SUB_OFF, rich::SUB_ON)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rich::{ITALIC_OFF, ITALIC_ON};

    const TARGET: &str = "http://knkt.dephub.go.id/knkt/ntsc_aviation/baru/2018%20-%20035%20-%20PK-LQP%20Final%20Report.pdf";

    #[test]
    fn an_address_broken_across_lines_and_styles_is_printed_whole() {
        let text = format!(
            "the final report ({ITALIC_ON}http://knkt.dephub.go.id/knkt/{ITALIC_OFF} {ITALIC_ON}ntsc{ITALIC_OFF}_{ITALIC_ON}aviation/baru/2018%20- %20035%20-%20PK- LQP%20Final%20Report.pdf{ITALIC_OFF}), indicated"
        );
        let mut report = Report::default();
        let out =
            LinkTargets::new(&[TARGET.to_string()], &mut report).print(&text, &mut report, 1, &[4]);
        assert_eq!(
            out,
            format!("the final report ({ITALIC_ON}{TARGET}{ITALIC_OFF}), indicated")
        );
        assert_eq!(report.actions.len(), 1);
    }

    #[test]
    fn other_text_is_left_as_printed() {
        let mut report = Report::default();
        let targets = LinkTargets::new(&[TARGET.to_string()], &mut report);
        // Another address on the same host, an address printed whole, and one whose text
        // runs on past the annotation's.
        for text in [
            "see http://knkt.dephub.go.id/knkt/other.pdf for more".to_string(),
            format!("see {TARGET} for more"),
            format!("see {TARGET}x for more"),
            "see http://knkt.dephub.go.id/knkt/ntsc_aviation and more words".to_string(),
        ] {
            assert_eq!(targets.print(&text, &mut report, 1, &[]), text);
        }
        assert!(report.actions.is_empty());
    }

    #[test]
    fn a_host_with_too_many_addresses_is_left_as_read_and_reported() {
        let mut targets: Vec<String> = (0..=MAX_PER_HOST)
            .map(|k| format!("https://doi.org/10.1000/item{k}"))
            .collect();
        targets.push(TARGET.to_string());
        let mut report = Report::default();
        let links = LinkTargets::new(&targets, &mut report);
        assert_eq!(report.actions.len(), 1);
        let text = "see https://doi.org/10.1000/ item7 and more".to_string();
        assert_eq!(links.print(&text, &mut report, 1, &[]), text);
        // The other host is still matched.
        let broken = "at http://knkt.dephub.go.id/knkt/ntsc_aviation/baru/2018%20- %20035%20-%20PK-LQP%20Final%20Report.pdf today";
        assert!(links.print(broken, &mut report, 1, &[]).contains(TARGET));
    }
}
