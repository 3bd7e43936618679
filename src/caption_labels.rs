//! Caption labels: the "Table 3:", "Fig. 2.", "Exhibit A-4:" that open a caption, what they
//! name (a table, a figure) and where the caption's own words start after them. Assembly
//! asks whether a line opens a caption (it then opens a block); structure reads the label
//! to tie the caption to its table or to make it a figure's.

/// What a caption's label says it captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Captioned {
    /// "Table", or "Exhibit" (which reports use for tables and charts alike).
    Table,
    /// "Figure", "Fig.", "Chart", "Graph", "Map", "Plate", "Diagram", "Illustration".
    Figure,
    /// "Listing", "Box", "Algorithm", "Scheme": a caption, but of neither.
    Other,
}

impl Captioned {
    /// Whether the label names a table or a figure, whose caption titles no section
    /// ("Box 1" heads a box, which may).
    pub fn table_or_figure(self) -> bool {
        matches!(self, Captioned::Table | Captioned::Figure)
    }
}

/// The words that open a caption, with what each names; matched lower-cased.
const LABELS: &[(&str, Captioned)] = &[
    ("figure", Captioned::Figure),
    ("fig.", Captioned::Figure),
    ("table", Captioned::Table),
    ("listing", Captioned::Other),
    ("chart", Captioned::Figure),
    ("exhibit", Captioned::Table),
    ("box", Captioned::Other),
    ("map", Captioned::Figure),
    ("graph", Captioned::Figure),
    ("plate", Captioned::Figure),
    ("algorithm", Captioned::Other),
    ("scheme", Captioned::Other),
    ("diagram", Captioned::Figure),
    ("illustration", Captioned::Figure),
];

/// A caption's opening: its label and where the caption's title starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaptionOpening<'a> {
    /// The label word and number as printed, without the stop after them ("Table 3",
    /// "Fig. 12", "TABLE IV").
    pub label: &'a str,
    /// What the label word names.
    pub captioned: Captioned,
    /// Byte offset in the line where the title after the label's stop starts (the line's
    /// length when the label stands alone).
    pub title_start: usize,
}

/// Whether a line opens with a caption label: a figure, table, listing or similar word, a
/// number (`3`, `2.1`, `A-4`, `IV`) and a colon or a full stop ("Listing 1: Simple program",
/// "Table 2.3. Growth by region"). Mid-sentence references ("see Table 2 below") have no
/// colon or stop after the number, so they are not caption openings.
pub fn opens_caption(t: &str) -> bool {
    caption_opening(t).is_some()
}

/// Whether a line opens with a caption's label and its number, with or without the
/// stop after it ("Table 1 Clinical features", "Figure 3. …"): a block of its own.
pub fn opens_with_label(t: &str) -> bool {
    label_named(t).is_some()
}

/// What the caption label a line opens with names, with or without the stop after its
/// number ("Figure 1-1 Processor architecture", "Table 2: …").
pub fn label_named(t: &str) -> Option<Captioned> {
    let mut words = t.split_whitespace();
    let (label, number) = (words.next()?, words.next()?);
    let captioned = label_word(label)?;
    is_label_number(number.trim_end_matches(['.', ':'])).then_some(captioned)
}

/// The caption label a line opens with, as [`opens_caption`] reads one.
pub fn caption_opening(t: &str) -> Option<CaptionOpening<'_>> {
    let mut words = t.split_whitespace();
    let (label, number) = (words.next()?, words.next()?);
    let captioned = label_word(label)?;
    // A full stop may end a sentence ("… status Box 6."): a title must follow it.
    let title = words.next();
    let bare = number
        .strip_suffix(':')
        .or_else(|| number.strip_suffix('.').filter(|_| title.is_some()))?;
    if !is_label_number(bare) {
        return None;
    }
    Some(CaptionOpening {
        label: &t[offset(t, label)..offset(t, bare) + bare.len()],
        captioned,
        title_start: title.map_or(t.len(), |w| offset(t, w)),
    })
}

/// A line that is a caption label and nothing else ("TABLE IV", "Figure 1", "Fig. 7."),
/// its title (if any) printed on lines of its own.
pub fn lone_caption_label(t: &str) -> Option<CaptionOpening<'_>> {
    let mut words = t.split_whitespace();
    let (label, number) = (words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    let captioned = label_word(label)?;
    let bare = number.strip_suffix([':', '.']).unwrap_or(number);
    is_label_number(bare).then(|| CaptionOpening {
        label: &t[offset(t, label)..offset(t, bare) + bare.len()],
        captioned,
        title_start: t.len(),
    })
}

/// Whether a line opens with a table's or a figure's label, with or without the stop
/// after its number ("Table A-2. Mean absolute …", "Figure 1-1 Processor architecture").
pub fn names_table_or_figure(t: &str) -> bool {
    label_named(t).is_some_and(Captioned::table_or_figure)
}

/// The caption label at the start of a bold run that opens rich text, without a stop
/// after it ("**Table 1** Composition of …", "**Fig. 1 Yields**"): type set apart is no
/// sentence that names a table.
pub fn bold_label(text: &str) -> Option<CaptionOpening<'_>> {
    let bold = text.trim_start().strip_prefix(crate::rich::BOLD_ON)?;
    let bold = &bold[..bold.find(crate::rich::BOLD_OFF)?];
    let number = bold.split_whitespace().nth(1)?;
    let end = number.as_ptr() as usize - bold.as_ptr() as usize + number.len();
    lone_caption_label(&bold[..end])
}

/// What a capitalised label word names ("box 6." in running text is not a label).
fn label_word(word: &str) -> Option<Captioned> {
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let lower = word.to_lowercase();
    LABELS.iter().find(|(w, _)| *w == lower).map(|&(_, c)| c)
}

/// A label's number: `3`, `2.1`, `A-4`, `IV`; a digit or a roman numeral in it.
fn is_label_number(number: &str) -> bool {
    let starts = number
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
    starts
        && number.chars().count() <= 8
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '–'))
        && number
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'))
}

/// Byte offset of `part`, a slice of `whole`, in `whole`.
fn offset(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_openings_need_a_label_a_number_and_a_stop() {
        assert!(opens_caption("Listing 1: Simple JavaScript Program"));
        assert!(opens_caption("Table 2.3. Growth by region"));
        assert!(opens_caption("Figure IV: Map of the delta"));
        assert!(opens_caption("Fig. 12. Yields"));
        assert!(opens_caption("Exhibit A-4: Costs"));
        assert!(!opens_caption("Table 2 shows the yields"));
        assert!(!opens_caption("Figures: none"));
        assert!(!opens_caption("Table. The next"));
        assert!(!opens_caption("Box office receipts rose."));
        assert!(!opens_caption("Map: the delta"));
        assert!(!opens_caption("box 6."));
        assert!(!opens_caption("Box 6."));
        assert!(opens_caption("Figure 6:"));
    }

    #[test]
    fn an_opening_gives_the_label_what_it_names_and_the_title() {
        let t = "Fig. 12.  Yields by region";
        let o = caption_opening(t).expect("a caption");
        assert_eq!(o.label, "Fig. 12");
        assert_eq!(o.captioned, Captioned::Figure);
        assert_eq!(&t[o.title_start..], "Yields by region");
        let o = caption_opening("TABLE 3: Growth").expect("a caption");
        assert_eq!((o.label, o.captioned), ("TABLE 3", Captioned::Table));
        let o = caption_opening("Figure 6:").expect("a caption");
        assert_eq!(o.title_start, "Figure 6:".len());
        assert_eq!(
            caption_opening("Listing 1: Code").map(|o| o.captioned),
            Some(Captioned::Other)
        );
    }

    #[test]
    fn a_lone_label_is_a_label_and_a_number_only() {
        assert_eq!(
            lone_caption_label("TABLE IV").map(|o| o.label),
            Some("TABLE IV")
        );
        assert_eq!(
            lone_caption_label("Fig. 7.").map(|o| o.label),
            Some("Fig. 7")
        );
        assert!(lone_caption_label("Table 2 shows").is_none());
        assert!(lone_caption_label("Table of").is_none());
        assert!(lone_caption_label("table 2").is_none());
    }
}
