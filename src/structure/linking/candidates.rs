//! Where a note marker may stand in the body's text: raised or lowered runs, digits glued
//! after punctuation or a closing quote, digits after a sentence end, note symbols after a
//! word. Each candidate carries the ordinals it would stand for; whether it is a marker is
//! decided by the sequence.

use std::sync::LazyLock;

use regex::Regex;

use crate::rich::{
    self, BOLD_OFF, BOLD_ON, ITALIC_OFF, ITALIC_ON, SUB_OFF, SUB_ON, SUP_OFF, SUP_ON,
};
use crate::structure::families::{self, Family};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    Raised,
    Lowered,
    Glued,
    Spaced,
    /// A note symbol (`*`, `†`) after a word or punctuation, in a document whose notes
    /// are labelled with symbols: as good as raised, since no text is made of them.
    Symbol,
}

#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) slot: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) values: Vec<u32>,
    pub(super) form: Form,
}

/// Digits glued after punctuation or a closing quote.
static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(\S?)([.,;:!?)\]]["”’']?|["”’'])([0-9]{1,3})(?:$|[\s)\]\u{10FFF0}-\u{10FFF9}])"#)
        .expect("valid regex")
});
/// Digits after a sentence end and a space, followed by a new sentence or the end.
static SPACED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ)”"’'])([.!?;:]["”’']?)( [0-9]{1,3})(?:$|\s+["“‘(]?[A-ZÀ-ÖØ-Þ]|\s*[\u{10FFF0}-\u{10FFF9}]*$)"#).expect("valid regex")
});
/// Abbreviations a number follows without being a note marker ("p.5", "No.3").
const ABBREVIATIONS_BEFORE_NUMBERS: &[&str] = &[
    "p", "pp", "no", "nos", "vol", "art", "arts", "sec", "fig", "ch", "para", "paras", "tab", "n",
    "v", "ver",
];

/// Note symbols glued after a word, a figure, punctuation or a quote, and followed by a
/// space, punctuation or the end.
static GLUED_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[\p{L}\p{N}.,;:!?)\]"”’']([*†‡§¶‖]{1,3})(?:$|[\s.,;:)\]\u{10FFF0}-\u{10FFF9}])"#)
        .expect("valid regex")
});

/// Whether `text` may hold a `GLUED` match: the pattern needs an ASCII digit right after
/// punctuation, a closing bracket or a quote.
fn may_hold_glued(text: &str) -> bool {
    let mut prev = None;
    for ch in text.chars() {
        if ch.is_ascii_digit() && prev.is_some_and(|p| ".,;:!?)]\"”’'".contains(p)) {
            return true;
        }
        prev = Some(ch);
    }
    false
}

/// Whether `text` may hold a `SPACED` match: the pattern needs a sentence end or a quote,
/// one space and an ASCII digit, in that order.
fn may_hold_spaced(text: &str) -> bool {
    let mut last = [None, None];
    for ch in text.chars() {
        if ch.is_ascii_digit()
            && last[1] == Some(' ')
            && last[0].is_some_and(|p| ".!?;:\"”’'".contains(p))
        {
            return true;
        }
        last = [last[1], Some(ch)];
    }
    false
}

/// Whether `text` may hold a `GLUED_SYMBOL` match: the pattern needs a note symbol.
fn may_hold_glued_symbol(text: &str) -> bool {
    text.contains(['*', '†', '‡', '§', '¶', '‖'])
}

/// The ordinals a raised run's text stands for in the document's family: `3`, `3)`,
/// `(3)`, `[3]`, `iv`, `b`, `†`, or a list of them ("2,3").
fn raised_values(inner: &str, family: Family) -> Vec<u32> {
    inner
        .split([',', ' '])
        .filter(|v| !v.is_empty())
        .map(|v| match family {
            Family::Arabic => number_range(v)
                .or_else(|| marker_number(v).map(|n| vec![n]))
                .ok_or(()),
            f => families::ordinal_in(v.trim_matches(['(', ')', '[', ']']), f)
                .map(|n| vec![n])
                .ok_or(()),
        })
        .collect::<Result<Vec<Vec<u32>>, _>>()
        .map(|parts| parts.concat())
        .unwrap_or_default()
}

/// A raised range of note numbers, "10-12" or "10–12": every number in it (ranges of
/// more than twenty are not citations).
fn number_range(v: &str) -> Option<Vec<u32>> {
    let (a, b) = v.split_once(['-', '–'])?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (a < b && b - a <= 20).then(|| (a..=b).collect())
}

pub(super) fn find_candidates(text: &str, slot: usize, family: Family, out: &mut Vec<Candidate>) {
    // Every web address holds "://" or "www."; most texts hold neither.
    let urls: Vec<std::ops::Range<usize>> = if text.contains("://") || text.contains("www.") {
        crate::structure::shapes::url_spans(text).collect()
    } else {
        Vec::new()
    };
    let in_url = |i: usize| urls.iter().any(|r| r.contains(&i));
    let mut found: Vec<Candidate> = Vec::new();
    // Raised and lowered runs.
    for (on, off, form) in [
        (SUP_ON, SUP_OFF, Form::Raised),
        (SUB_ON, SUB_OFF, Form::Lowered),
    ] {
        let mut from = 0;
        while let Some(s) = text[from..].find(on).map(|k| k + from) {
            let Some(e) = text[s..].find(off).map(|k| k + s) else {
                break;
            };
            let inner = &text[s + on.len_utf8()..e];
            let values = raised_values(inner, family);
            let prev = last_plain_char(&text[..s]);
            // A marker set low follows punctuation of the text; punctuation inside a
            // subscript run set apart by a change of font (`K₃,₃`) is followed by more of
            // the subscript.
            let lowered_ok = form == Form::Raised
                || !text[..s]
                    .trim_end_matches([BOLD_ON, BOLD_OFF, ITALIC_ON, ITALIC_OFF])
                    .ends_with(SUB_OFF)
                    && prev.is_some_and(|c| {
                        matches!(
                            c,
                            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '”' | '’' | '\'' | ')'
                        )
                    });
            if !values.is_empty()
                && values.iter().all(|&v| (1..=999).contains(&v))
                && lowered_ok
                && !(form == Form::Raised && follows_a_variable(&text[..s]))
                && !(form == Form::Raised && prefixes_a_word(prev, &text[e + off.len_utf8()..]))
                && !(form == Form::Raised
                    && crate::words::opens_a_fraction(&text[e + off.len_utf8()..]))
            {
                found.push(Candidate {
                    slot,
                    start: s,
                    end: e + off.len_utf8(),
                    values,
                    form,
                });
            }
            from = e + off.len_utf8();
        }
    }
    // Each pattern below runs (and is built) only where its cheap necessary test passes.
    if family == Family::Symbol && may_hold_glued_symbol(text) {
        for c in GLUED_SYMBOL.captures_iter(text) {
            let m = c.get(1).map_or(0..0, |m| m.range());
            if in_url(m.start) || inside_run(text, m.start) {
                continue;
            }
            if let Some(v) = families::symbol_ordinal(&text[m.clone()]) {
                found.push(Candidate {
                    slot,
                    start: m.start,
                    end: m.end,
                    values: vec![v],
                    form: Form::Symbol,
                });
            }
        }
    }
    // Digits as markers only where the notes are numbered.
    let digits = family == Family::Arabic;
    // (The patterns are only touched, and so only built, where the notes are numbered.)
    for c in (digits && may_hold_glued(text))
        .then(|| GLUED.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let digits = c.get(3).map_or(0..0, |m| m.range());
        let punct = c.get(2).map_or(0..0, |m| m.range());
        if in_url(digits.start) || inside_run(text, digits.start) {
            continue;
        }
        let before_punct = &text[..punct.start];
        let prev = last_plain_char(before_punct);
        // Only a marker after a number asks what follows it: a new sentence. A bracket
        // after it is what a decimal takes ("a mean of 1.5 (SD = 1.8)"), not a marker.
        let next_ok = || {
            let after = rich::plain(&text[digits.end..]);
            after.trim_start().is_empty()
                || after.starts_with(char::is_whitespace)
                    && after
                        .trim_start()
                        .starts_with(|ch: char| ch.is_uppercase() || matches!(ch, '“' | '"' | '‘'))
        };
        let ok = match prev {
            Some(p) if p.is_alphabetic() => {
                let word: String = rich::plain(before_punct)
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .to_string();
                // Not after "p." or "no.", nor after an initial ("J.2").
                let initial = c[2].starts_with(['.', ','])
                    && word.chars().all(|ch| ch.is_uppercase())
                    && word.len() <= 2;
                !ABBREVIATIONS_BEFORE_NUMBERS.contains(
                    &word
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .find(|w| !w.is_empty())
                        .unwrap_or("")
                        .to_ascii_lowercase()
                        .as_str(),
                ) && !initial
            }
            // After a number ("in 1961.2"), only at a sentence end, never in a decimal
            // ("85.4"), a section number ("2.1 Node Types") or a date.
            Some(p) if p.is_ascii_digit() => {
                c[2].starts_with(['.', ')']) && next_ok() && number_follows_a_word(before_punct)
            }
            Some(p) => {
                matches!(p, '"' | '”' | '’' | '\'' | ')') || c[2].starts_with(['"', '”', '’', '\''])
            }
            None => false,
        };
        if ok && let Ok(v) = c[3].parse::<u32>() {
            found.push(Candidate {
                slot,
                start: digits.start,
                end: digits.end,
                values: vec![v],
                form: Form::Glued,
            });
        }
    }
    for c in (digits && may_hold_spaced(text))
        .then(|| SPACED.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let m = c.get(3).map_or(0..0, |m| m.range());
        if in_url(m.start) || inside_run(text, m.start) || opens_a_date(&text[m.end..]) {
            continue;
        }
        if let Ok(v) = c[3].trim().parse::<u32>() {
            found.push(Candidate {
                slot,
                start: m.start,
                end: m.end,
                values: vec![v],
                form: Form::Spaced,
            });
        }
    }
    found.sort_by_key(|c| c.start);
    out.extend(found);
}

/// Whether the text after a number opens with a month's name: the number is the day of a
/// date ("Received: 2 February 2023"), not a note's marker after the label.
fn opens_a_date(after: &str) -> bool {
    // A month's name is near: a paragraph's rest need not be read for each candidate.
    let near = after
        .char_indices()
        .nth(32)
        .map_or(after, |(i, _)| &after[..i]);
    rich::plain_cow(near)
        .split_whitespace()
        .next()
        .is_some_and(|w| crate::date::month_number(w.trim_end_matches(',')).is_some())
}

/// The last character of [`rich::plain`]`(s)`, found from the end without building it:
/// each candidate looks at what precedes it, and a paragraph holds many.
fn last_plain_char(s: &str) -> Option<char> {
    let mut head = s;
    loop {
        let (at, c) = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !rich::is_sentinel(c))?;
        // The last reference mark before it says whether a reference holds it; if one
        // does, nothing from that reference's start on is plain.
        match last_sentinel(&head[..at], |c| c == rich::REF_ON || c == rich::REF_OFF) {
            Some(r) if head[r..].starts_with(rich::REF_ON) => head = &head[..r],
            _ => return Some(c),
        }
    }
}

/// Whether a raised run opens a word: it follows a space (or an opening bracket, or the
/// start) and a capital follows it without a space, as an isotope's mass number does
/// ("¹H NMR", "¹³C", "(³¹P)"). A note is called after the word it annotates, never
/// before the next one.
fn prefixes_a_word(prev: Option<char>, after: &str) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '['))
        && after
            .chars()
            .find(|&c| !rich::is_sentinel(c))
            .is_some_and(|c| c.is_ascii_uppercase())
}

/// Whether the text before a raised run ends in a mathematical variable: a letter
/// standing alone as a word, Greek or set in italic (`χ²`, `σ²`, *R*², *x*²). The run is
/// then its exponent, not a note marker: a note is called after a word or a sentence,
/// not after a lone symbol.
fn follows_a_variable(before: &str) -> bool {
    let mut chars = before.chars().rev();
    let mut italic = false;
    let mut letter = None;
    for c in chars.by_ref() {
        if c == ITALIC_OFF {
            italic = true;
        } else if rich::is_sentinel(c) {
            continue;
        } else {
            letter = Some(c);
            break;
        }
    }
    let Some(letter) = letter.filter(|c| c.is_alphabetic()) else {
        return false;
    };
    // The letter stands alone: what precedes it (past any style marks) is no letter or
    // digit. An italic one is a variable when its italics began right before it (not the
    // last letter of a phrase in italics).
    let mut opened = false;
    for c in chars {
        if c == ITALIC_ON {
            opened = true;
        } else if rich::is_sentinel(c) {
            continue;
        } else if c.is_alphanumeric() {
            return false;
        } else {
            break;
        }
    }
    let greek = matches!(letter, '\u{0370}'..='\u{03FF}');
    greek || (italic && opened)
}

/// Whether byte `i` sits inside a raised or lowered run or a reference: the last of their
/// sentinels before it opens one.
fn inside_run(text: &str, i: usize) -> bool {
    let open = [SUP_ON, SUB_ON, rich::REF_ON];
    let close = [SUP_OFF, SUB_OFF, rich::REF_OFF];
    last_sentinel(&text[..i], |c| open.contains(&c) || close.contains(&c))
        .is_some_and(|at| text[at..].starts_with(open))
}

/// The byte offset of the last character of `s` that `wanted` accepts, among the
/// characters of the sentinels' plane (U+100000 and up, the only ones whose UTF-8 form
/// leads with byte F4): a scan of bytes from the end, where a search by character decodes
/// every character of the text before a candidate, and a paragraph holds many. (A text
/// dense with sentinels, a formula's, would make a vector search restart at each one.)
fn last_sentinel(s: &str, wanted: impl Fn(char) -> bool) -> Option<usize> {
    let bytes = s.as_bytes();
    (0..bytes.len())
        .rev()
        .find(|&at| bytes[at] == 0xF4 && s[at..].chars().next().is_some_and(&wanted))
}

/// The number a raised marker carries: `3`, or the `3)`, `(3)` and `[3]` styles.
fn marker_number(v: &str) -> Option<u32> {
    let v = v.trim();
    let v = v
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| v.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
        .or_else(|| v.strip_suffix(')'))
        .unwrap_or(v);
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

/// Whether the number that ends `before` (the text before a glued marker's punctuation)
/// stands alone after a word, as a year or a count does ("signed in 1961"): not at the
/// start of the text (a section number), not part of a longer number or a date ("3.11",
/// "12/03"), not among other numbers (a row of figures).
fn number_follows_a_word(before: &str) -> bool {
    let plain = rich::plain_without_scripts(before);
    let mut tokens = plain.split_whitespace().rev();
    let Some(number) = tokens.next() else {
        return false;
    };
    let digits = number.trim_start_matches(['(', '"', '“', '‘']);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    tokens
        .next()
        .is_some_and(|word| word.chars().any(char::is_alphabetic))
}

#[cfg(test)]
#[path = "candidates_tests.rs"]
mod tests;
