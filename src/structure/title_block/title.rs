//! Finding the title (and subtitle) among the title zone's lines: by size, by the
//! file's declared title, or by position between the letterhead and the author line.

use super::*;

/// A title without an author line under it must be set in larger type than the page's
/// body text (a form's field label or a table's header row is not a title).
pub(super) const TITLE_SIZE_RATIO: f32 = 1.15;

/// Type sizes of the title zone's lines and of the first page's body text (PDF input).
pub(super) struct TitleSizes {
    /// Font size per zone line, when the line has geometry.
    line: Vec<Option<f32>>,
    /// The size most of the first page's characters are set in.
    body: Option<f32>,
    /// Per zone line, why it cannot be the title whatever its type (see [`not_title`]).
    pub(super) excluded: Vec<Option<&'static str>>,
    /// Per zone line, its left and right edge, when the line has geometry.
    span: Vec<Option<(f32, f32)>>,
}

impl TitleSizes {
    /// `credited`: the zone has an author line, which places the title (see
    /// [`section_type_goes_on`]).
    pub(super) fn new(lines: &[TextLine], zone: &[TextLine], credited: bool) -> Self {
        let mut by_size: Vec<(f32, usize)> = Vec::new();
        for l in lines.iter().take_while(|l| l.page <= 1) {
            if let Some(g) = l.geometry {
                let n = l.text.chars().filter(|c| !c.is_whitespace()).count();
                match by_size
                    .iter_mut()
                    .find(|(s, _)| (s - g.font_size).abs() < 0.25)
                {
                    Some(entry) => entry.1 += n,
                    None => by_size.push((g.font_size, n)),
                }
            }
        }
        let body = by_size
            .iter()
            .max_by_key(|(_, n)| *n)
            .map(|(s, _)| *s)
            .filter(|s| *s > 0.0);
        let mut sizes = TitleSizes {
            line: zone
                .iter()
                .map(|l| l.geometry.map(|g| g.font_size))
                .collect(),
            body,
            excluded: (0..zone.len()).map(|i| not_title(lines, zone, i)).collect(),
            span: zone
                .iter()
                .map(|l| l.geometry.map(|g| (g.bbox.x0, g.bbox.x1)))
                .collect(),
        };
        if !credited {
            // The zone is the head of `lines`: its line `i` is line `i` there.
            for i in 0..zone.len() {
                if sizes.excluded[i].is_none()
                    && sizes.line[i].is_some()
                    && sizes.set_apart(i)
                    && section_type_goes_on(lines, i)
                {
                    sizes.excluded[i] =
                        Some("set in the type of a section heading further on (a section's title)");
                }
            }
        }
        sizes
    }

    /// Whether line `i` stands under line `above` (their horizontal extents overlap;
    /// always, without geometry): a title's lines are stacked, while the cells of a
    /// table's header stand side by side ("DATES", "POSTED", "START").
    fn stacked(&self, above: usize, i: usize) -> bool {
        match (self.span[above], self.span[i]) {
            (Some((a0, a1)), Some((b0, b1))) => b0 < a1 && a0 < b1,
            _ => true,
        }
    }

    /// Whether line `i` stands out from the body text by size (always, without geometry).
    pub(super) fn set_apart(&self, i: usize) -> bool {
        match (self.line[i], self.body) {
            (Some(size), Some(body)) => size >= body * TITLE_SIZE_RATIO,
            _ => true,
        }
    }

    /// Whether line `i` has a type size and no line of the title zone is set larger, nor
    /// as large beside it (one header cell among several in the same type is not singled
    /// out; a title set a word a line, "WORLD" / "ECONOMIC" / "OUTLOOK", is stacked).
    fn largest_in_zone(&self, i: usize) -> bool {
        self.line[i].is_some_and(|size| {
            self.line.iter().enumerate().all(|(k, other)| {
                other.is_none_or(|o| o < size * 0.98 || o <= size * 1.02 && self.stacked(i, k))
            })
        })
    }

    /// Whether line `i` is set in the same type size as line `first` (always, without
    /// geometry): a title does not run on into smaller author or affiliation lines.
    fn same_size(&self, first: usize, i: usize) -> bool {
        match (self.line[first], self.line[i]) {
            (Some(a), Some(b)) => (a - b).abs() <= a * 0.1,
            _ => true,
        }
    }
}

/// Words that cannot end a title: a line ending on one goes on in the next.
pub(super) const OPEN_ENDINGS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "for", "in", "on", "to", "with", "from", "by", "at", "&",
];

/// Whether a line ends on a word that leaves its phrase open ("Instructions for").
fn ends_open(line: &str) -> bool {
    line.split_whitespace()
        .next_back()
        .is_some_and(|w| OPEN_ENDINGS.iter().any(|e| w.eq_ignore_ascii_case(e)))
}

/// Indexes of the title's lines.
pub(super) fn find_title(
    texts: &[String],
    roles: &[Role],
    sizes: &TitleSizes,
    by_line: Option<usize>,
    past_zone: Option<&str>,
    dictionary: &WordCase<'_>,
) -> Vec<usize> {
    // A contents list starts below the title: its entries are never the title.
    let contents = texts
        .iter()
        .position(|t| is_contents_line(t))
        .unwrap_or(texts.len());
    let is_candidate = |i: usize| {
        i < contents
            && matches!(roles[i], Role::Other | Role::Name)
            && !is_address_like(&texts[i])
            && !is_label_or_number(&texts[i])
            && sizes.excluded[i].is_none()
    };
    if let Some(a) = by_line {
        // The run of candidate lines just above the author line (blank lines allowed).
        let mut run: Vec<usize> = Vec::new();
        for i in (0..a).rev() {
            match roles[i] {
                Role::Blank => continue,
                _ if is_candidate(i) => run.push(i),
                _ if run.is_empty() => continue,
                _ => break,
            }
        }
        run.reverse();
        // A line above the title in smaller type is a kicker ("Open Access", "Original
        // article"), not the title's first line.
        let largest = run
            .iter()
            .filter_map(|&i| sizes.line[i])
            .fold(0.0, f32::max);
        let kickers = run
            .iter()
            .take_while(|&&i| sizes.line[i].is_some_and(|s| s < largest * 0.9))
            .count();
        run.drain(..kickers);
        // A line that only repeats the end of the line above adds nothing (a copy of the
        // title's last word set elsewhere on the page and read in between).
        let repeats: Vec<usize> = run
            .windows(2)
            .filter(|w| {
                let (above, line) = (texts[w[0]].trim_end(), texts[w[1]].trim());
                !line.is_empty() && above.ends_with(line)
            })
            .map(|w| w[1])
            .collect();
        run.retain(|i| !repeats.contains(i));
        // Keep the caps title and one subtitle line; older lines above are not title.
        // A title set in one large type may run to five lines.
        let one_type = match run.last() {
            Some(&last) if sizes.line[last].is_some() => run
                .iter()
                .rev()
                .take_while(|&&i| sizes.line[i].is_some() && sizes.same_size(last, i))
                .count(),
            _ => 0,
        };
        let keep = one_type.clamp(4, MAX_TITLE_RUN);
        if run.len() > keep {
            run.drain(..run.len() - keep);
        }
        return run;
    }
    // No author line. A repository's cover sheet cites the work it wraps ("Weigelt, B.
    // (2005). Molecular markers of …"): the lines the citation repeats after its year are
    // the title, whatever stands above them in the same type (the repository's name).
    if let Some(run) = cited_title(texts, &is_candidate) {
        return run;
    }
    // Otherwise the first run of capitals, else the first title-shaped line.
    let caps = (0..texts.len()).find(|&i| {
        is_candidate(i) && is_upper(&texts[i]) && words(&texts[i]) >= 2 && sizes.set_apart(i)
    });
    let first = caps.or_else(|| {
        (0..texts.len()).find(|&i| {
            is_candidate(i)
                && sizes.set_apart(i)
                // A name set apart in large type is a heading, not a credit.
                && (roles[i] != Role::Name || sizes.line[i].is_some())
                && !texts[i].trim_end().ends_with(['.', ',', ';'])
                && words(&texts[i]) <= 25
                // One word printed alone in plain text ("SECTIONS") is too little
                // evidence of a title; type size would be, when no line of the zone is
                // set larger (a word picked from the middle of a page of notes is not).
                && (words(&texts[i]) >= 2 || sizes.largest_in_zone(i))
                // "Government of India –": a phrase left hanging on a dash leads into
                // what follows; a title does not.
                && !ends_on_a_dash(&texts[i])
        })
    });
    let Some(first) = first else {
        return Vec::new();
    };
    let mut run = vec![first];
    if caps.is_none() {
        // A mixed-case title: lines that continue it (the first did not end with ?, ! or
        // :), then one subtitle line when it ended with ? or !.
        let mut last = first;
        for i in first + 1..texts.len() {
            if roles[i] == Role::Blank {
                break;
            }
            let prev = texts[last].trim_end();
            // A line of common words looks like a name only by its capitals ("Learning
            // Based Document Image Analysis" under "…Toolkit for Deep").
            let role_fits = roles[i] == Role::Other
                || roles[i] == Role::Name && dictionary.mostly_common_words(&texts[i]);
            // A line ending on "for", "of", "the" leaves its phrase open: the next line in
            // the same type finishes it, even as a number ("Instructions for" / "Form
            // 1040NR").
            let completes_phrase = ends_open(prev)
                && role_fits
                && sizes.line[i].is_some()
                && sizes.same_size(first, i)
                && sizes.excluded[i].is_none();
            let fits = sizes.stacked(last, i)
                && (completes_phrase
                    || role_fits
                        && is_candidate(i)
                        && sizes.same_size(first, i)
                        && !texts[i].trim_end().ends_with(['.', ',', ';'])
                        && words(&texts[i]) <= 20
                        && (title_like(&texts[i])
                            || texts[i].starts_with(|c: char| c.is_lowercase())));
            if !fits {
                break;
            }
            run.push(i);
            last = i;
            if prev.ends_with(['?', '!', ':']) || run.len() >= 3 {
                break;
            }
        }
        // Plain text has no type size to set a mixed-case title apart; its neighbours
        // must: above it the top of the text, a blank line or a line the title block
        // explains (letterhead, document type, contact); below it a blank line, a credit
        // or a date. A first line that runs straight into a form, a contact line or a paragraph
        // is not a title.
        let above = first == 0 || roles[first - 1] != Role::Other;
        // A lower-case line under the run is the title's wrapped tail ("of Phoenix
        // paludosa Roxb."): what stands under that decides.
        let last = (last + 1..texts.len())
            .take_while(|&k| texts[k].trim_start().starts_with(char::is_lowercase))
            .last()
            .unwrap_or(last);
        // Where the zone ends under the run, the running text that ended it may still be
        // the run's own sentence going on in lower case ("…It now looks like that" /
        // "with vigilance, …"): a sentence cut in two is no title.
        // So may the next line past blank lines, in text that sets every line apart.
        let next_filled = (last + 1..texts.len()).find(|&k| roles[k] != Role::Blank);
        let cut_sentence = match next_filled {
            None => past_zone.is_some_and(|t| t.trim_start().starts_with(char::is_lowercase)),
            Some(k) => {
                k > last + 1
                    && roles[k] == Role::Other
                    && texts[k].trim_start().starts_with(char::is_lowercase)
            }
        };
        // A credit or a date right under the run.
        let credit_role = roles
            .get(last + 1)
            .is_some_and(|r| matches!(r, Role::Author | Role::Editor | Role::Date | Role::Name));
        let person = texts.get(last + 1).is_some_and(|t| opens_with_person(t));
        let credited = credit_role || person;
        let below = !cut_sentence
            && (credit_role || roles.get(last + 1).is_none_or(|r| *r == Role::Blank))
            || person;
        // Nor is a line under a sentence that stands above it in the zone: a title block
        // holds labels, names and dates over the title, not running text. Text that sets
        // every line apart with blank lines (as some extractors print justified text)
        // leaves nothing else to tell a line of a paragraph from a title.
        let prose_above = (0..first).any(|k| roles[k] == Role::Other && ends_a_sentence(&texts[k]));
        // A line in a script without case (Arabic, Hebrew, Hangul, Chinese) shows neither
        // a title's capitals nor a sentence going on in lower case: a blank line under it
        // proves nothing, and only a credit or a date under it makes it a title.
        let uncased = !texts[first]
            .chars()
            .any(|c| c.is_uppercase() || c.is_lowercase());
        if sizes.line[first].is_none() && (!(above && below) || prose_above || uncased && !credited)
        {
            return Vec::new();
        }
        return run;
    }
    for i in first + 1..texts.len() {
        match roles[i] {
            Role::Blank => continue,
            // Lines side by side are cells of a row, not a title and its subtitle.
            _ if run.last().is_some_and(|&k| !sizes.stacked(k, i)) => break,
            Role::Other
                if caps.is_some()
                    && is_upper(&texts[i])
                    && sizes.same_size(first, i)
                    && is_candidate(i) =>
            {
                run.push(i)
            }
            // One subtitle line after a capitals title.
            Role::Other
                if caps.is_some() && run.len() == 1
                    || caps.is_some() && run.iter().all(|&k| is_upper(&texts[k])) =>
            {
                // A subtitle stands out from the body and ends where its line does: a
                // body-size line whose sentence runs on into the next is the text's start.
                let runs_on = texts[i + 1..]
                    .iter()
                    .map(String::as_str)
                    .chain(past_zone)
                    .find(|t| !t.trim().is_empty())
                    .is_some_and(|t| crate::rich::plain(t).starts_with(char::is_lowercase));
                if is_candidate(i)
                    && !texts[i].trim_end().ends_with('.')
                    && words(&texts[i]) <= 20
                    && sizes.set_apart(i)
                    && !runs_on
                {
                    run.push(i);
                }
                break;
            }
            _ => break,
        }
    }
    // In plain text a capitals line over the fields of a form ("STARLIGHT CINEMAS" /
    // "Orders" / "Order / Rev: 2024-12-5678" / "Alt Order #: …") names who issued it, as
    // a letterhead does; type size would have to set a title apart there.
    if sizes.line[first].is_none()
        && let Some(&last) = run.last()
        && over_form_fields(&texts[last + 1..], past_zone)
    {
        return Vec::new();
    }
    run
}

/// Whether a line ends a sentence of three words or more on a word ("… 158명으로
/// 나타났다."), not on a figure or an abbreviation's single letter ("Vol. 3, No. 2.").
fn ends_a_sentence(t: &str) -> bool {
    let t = t.trim_end();
    words(t) >= 3
        && t.ends_with(['.', '!', '?'])
        && t.split_whitespace()
            .next_back()
            .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// Whether the lines that follow (blank lines skipped) open with form fields: three or
/// more of the first four are a short label, a colon and a value ("Order / Rev:
/// 2024-12-5678"), the first of them included. A memo's heading fields (To, From, Date,
/// Subject) are a memo's, under its title; they do not count.
fn over_form_fields(after: &[String], past_zone: Option<&str>) -> bool {
    let next: Vec<&str> = after
        .iter()
        .map(String::as_str)
        .chain(past_zone)
        .filter(|t| !t.trim().is_empty())
        .take(4)
        .collect();
    let field = |t: &str| {
        t.split_once(':').is_some_and(|(label, value)| {
            let label = label.trim();
            let memo = matches!(
                label.to_lowercase().as_str(),
                "to" | "from" | "date" | "subject" | "re" | "cc" | "attention" | "attn"
            );
            (1..=3).contains(&words(label))
                && !memo
                && !label.ends_with(['.', ',', ';'])
                && !value.trim().is_empty()
                && words(value) <= 8
        })
    };
    next.len() == 4 && field(next[0]) && next.iter().filter(|t| field(t)).count() >= 3
}

/// Whether zone line `i` (a name) is part of a form or table rather than a credit: it
/// shares its baseline with a line that is not a name ("Insured name  Gabriel Diaz"), or
/// the line under it has a name beside it ("Customer Information" over such a row).
pub(super) fn in_form_row(zone: &[TextLine], roles: &[Role], i: usize) -> bool {
    let partners = |k: usize| -> Vec<usize> {
        let Some(g) = zone[k].geometry else {
            return Vec::new();
        };
        (0..zone.len())
            .filter(|&j| {
                j != k
                    && zone[j].page == zone[k].page
                    && zone[j]
                        .geometry
                        .is_some_and(|h| (h.baseline - g.baseline).abs() < 1.0)
            })
            .collect()
    };
    if partners(i).iter().any(|&j| roles[j] != Role::Name) {
        return true;
    }
    // Names side by side have their details side by side; a name beside the detail line
    // is a field's value.
    // (The names beside this one on its baseline are its row, not the next.)
    let beside = partners(i);
    let next = (i + 1..zone.len()).find(|&k| roles[k] != Role::Blank && !beside.contains(&k));
    next.is_some_and(|k| partners(k).iter().any(|&j| roles[j] == Role::Name))
}

/// Whether lines `a` and `b` of the zone stand side by side on one baseline of a page.
pub(super) fn side_by_side(zone: &[TextLine], a: usize, b: usize) -> bool {
    match (zone[a].geometry, zone[b].geometry) {
        (Some(g), Some(h)) => zone[a].page == zone[b].page && (g.baseline - h.baseline).abs() < 1.0,
        _ => false,
    }
}

/// Most lines one title spans.
pub(super) const MAX_TITLE_RUN: usize = 5;

/// The lines (blank lines skipped) that print `declared` and little else.
pub(super) fn printed_run(texts: &[String], declared: &str) -> Option<Vec<usize>> {
    let want = crate::structure::declared::squash(declared);
    if want.is_empty() {
        return None;
    }
    // A few characters more than the declared title: "The", a trailing mark.
    let slack = 4 + want.len() / 5;
    for start in 0..texts.len() {
        let mut got = String::new();
        let mut run = Vec::new();
        for (i, text) in texts.iter().enumerate().skip(start) {
            let sq = crate::structure::declared::squash(text);
            if sq.is_empty() {
                if run.is_empty() {
                    break;
                }
                continue;
            }
            got.push_str(&sq);
            run.push(i);
            if got.len() > want.len() + slack || run.len() > MAX_TITLE_RUN {
                break;
            }
            // Only a short word ("The") may come before the declared title, not a
            // page count ("1 of 1") or a number.
            if got
                .find(&want)
                .is_some_and(|at| at <= 4 && got[..at].chars().all(char::is_alphabetic))
            {
                return Some(run);
            }
        }
    }
    None
}

/// A declared title that goes on past the printed one ("Rethinking the Financial Network,
/// Speech by A. Haldane … on 28 April 2009"): its leading clause, printed on its own lines
/// in type at least as large as the page's own guess, is the title. The clause must be a
/// phrase (three words or more), so a document type ("Report, …") does not qualify.
pub(super) fn declared_clause_run<'d>(
    zone: &[TextLine],
    texts: &[String],
    declared: &'d str,
    guess: &[usize],
) -> Option<(&'d str, Vec<usize>)> {
    let clause = leading_clause(declared)?;
    let run = printed_run(texts, clause)?;
    let size = |i: usize| zone[i].geometry.map_or(0.0, |g| g.font_size);
    let guess_size = guess.iter().map(|&i| size(i)).fold(0.0, f32::max);
    run.iter()
        .all(|&i| size(i) >= guess_size - 0.25)
        .then_some((clause, run))
}

/// The declared title's text before its first comma, when that text is a phrase of three
/// words or more and something follows it. A dash or bar more often parts a title from
/// its publisher or series ("Comité de démolition - Procès-verbal …"), which of the two
/// is the title the declaration does not say; a colon parts a title from its subtitle.
pub(super) fn leading_clause(declared: &str) -> Option<&str> {
    let cut = declared.find(", ")?;
    let (head, tail) = declared.split_at(cut);
    let head = head.trim();
    (head.split_whitespace().count() >= 3 && tail.chars().any(char::is_alphanumeric))
        .then_some(head)
}

/// The title's text for a declared title printed on `run`: the declared form when the
/// page prints exactly its words, else the printed lines as printed.
pub(super) fn declared_title_text(declared: &str, run: &[usize], texts: &[String]) -> String {
    let lines: Vec<&str> = run.iter().map(|&i| texts[i].as_str()).collect();
    let printed = join_lines(&lines);
    if crate::structure::declared::squash(&printed) == crate::structure::declared::squash(declared)
    {
        return declared.trim().to_string();
    }
    printed
}

/// The publisher's name from a letterhead line, in its printed case: series names after a
/// dash or bar dropped.
pub(super) fn publisher_name(line: &str) -> String {
    let parts: Vec<&str> = line
        .split(['—', '–', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let best = parts
        .iter()
        .find(|p| is_org(p))
        .copied()
        .unwrap_or(line.trim());
    best.to_string()
}

/// The title from its lines (rejoined, de-hyphenated, in the case the page prints: an
/// archive's record must not guess at a name's spelling); a line in a different case after
/// an all-capitals title is the subtitle.
pub(super) fn title_and_subtitle(
    zone: &[TextLine],
    texts: &[String],
    roles: &[Role],
    idx: &[usize],
    by_line: Option<usize>,
) -> (String, Option<String>, Vec<usize>) {
    let _ = (zone, roles, by_line);
    let caps: Vec<bool> = idx.iter().map(|&i| is_upper(&texts[i])).collect();
    let split = if caps[0] {
        caps.iter().position(|c| !c)
    } else {
        // "Who Saves for the Self-Employed?" then a subtitle line.
        idx.iter()
            .position(|&i| texts[i].trim_end().ends_with(['?', '!']))
            .map(|k| k + 1)
            .filter(|&k| k < idx.len())
    };
    let (title_idx, sub_idx) = match split {
        Some(k) if k > 0 => (&idx[..k], &idx[k..]),
        _ => (idx, &idx[idx.len()..]),
    };
    let title_lines: Vec<&str> = title_idx.iter().map(|&i| texts[i].as_str()).collect();
    let title = join_lines(&title_lines);
    let sub_lines: Vec<&str> = sub_idx.iter().map(|&i| texts[i].as_str()).collect();
    let subtitle = Some(join_lines(&sub_lines)).filter(|s| !s.is_empty());
    (title, subtitle, idx.to_vec())
}

/// The title lines a citation further down the page repeats right after its year in
/// parentheses, as repository cover sheets print one under the title. Lines of three or
/// more words only; the run goes on while the citation goes on repeating the next line.
fn cited_title(texts: &[String], is_candidate: &dyn Fn(usize) -> bool) -> Option<Vec<usize>> {
    let lines: Vec<String> = texts
        .iter()
        .map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect();
    // "(2005). " ends the text before the title: a "(" and four digits in its last 12
    // characters.
    let after_year = |before: &str| {
        let from = before.char_indices().rev().nth(11).map_or(0, |(at, _)| at);
        let tail = &before[from..];
        tail.match_indices('(').any(|(at, _)| {
            tail[at + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .count()
                == 4
        })
    };
    for i in 0..texts.len() {
        if !is_candidate(i) || words(&texts[i]) < 3 {
            continue;
        }
        let later = lines[i + 1..].join(" ");
        let mut cited = lines[i].clone();
        let Some(at) = later.find(&cited) else {
            continue;
        };
        if !after_year(&later[..at]) {
            continue;
        }
        let mut run = vec![i];
        for (k, line) in lines.iter().enumerate().skip(i + 1) {
            if line.is_empty() || !is_candidate(k) {
                break;
            }
            let longer = format!("{cited} {line}");
            if !later.contains(&longer) {
                break;
            }
            run.push(k);
            cited = longer;
        }
        return Some(run);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_title_leads_with_a_phrase_before_its_first_comma() {
        assert_eq!(
            leading_clause("Rethinking the Financial Network, Speech by A. Haldane"),
            Some("Rethinking the Financial Network")
        );
        assert_eq!(leading_clause("Trade, Aid and Growth"), None);
        assert_eq!(
            leading_clause("Comité de démolition - Procès-verbal du 20 juin"),
            None
        );
        assert_eq!(leading_clause("The State of Ports: a Review"), None);
    }
}
