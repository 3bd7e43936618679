//! What a file declares about itself (PDF `/Title`, `/Author`, XMP `dc:title`,
//! `dc:creator`, `/CreationDate`), weighed against what its opening pages print.
//!
//! Declared fields are often noise: `/Title` is a file name ("Microsoft Word - x.docx"),
//! a template's name ("PowerPoint Presentation", "untitled") or a number, and `/Author` is
//! usually the account that saved the file ("Toshiba", "MSO", "anonymous"). So a declared
//! field is used only when it is plausible for what it claims to be *and* the document
//! prints it on its opening pages; otherwise it stays out and the report says why.

use foldhash::{HashSet, HashSetExt};

use crate::date::parse_date_line;
use crate::lines::TextLine;
use crate::model::{Contributor, Metadata, PubDate};
use crate::report::{Action, ActionKind, Report};
use crate::source::SourceInfo;

use crate::line_kinds::split_names;

/// Pages that count as the document's opening (title page, first page of text).
const OPENING_PAGES: usize = 2;

/// Share of a declared title's words the opening pages must print when the title is not
/// printed word for word (a title broken over columns or lines).
const TITLE_WORDS_PRINTED: f32 = 0.8;

/// The text of the opening pages, in the two forms the checks need.
pub struct Opening {
    /// Lower-case words.
    words: HashSet<String>,
    /// Letters and digits only, lower case, in reading order ("hyphen-\nated" → "hyphenated").
    squashed: String,
    /// Lines that are a date.
    dates: Vec<PubDate>,
    /// Lines of one word, [`squash`]ed: where a one-word name stands as a credit.
    single_words: HashSet<String>,
}

impl Opening {
    /// Reads the opening pages from the document's lines, when the file declares
    /// something for them to confirm (a title, an author, a creation date); nothing is
    /// read otherwise (a text file, which declares nothing, may be one page of millions
    /// of lines).
    pub fn from_lines(lines: &[TextLine], info: &SourceInfo) -> Self {
        let declared = info.title.is_some() || info.author.is_some() || info.created.is_some();
        let lines = if declared { lines } else { &[] };
        let mut words = HashSet::new();
        let mut squashed = String::new();
        let mut dates = Vec::new();
        let mut single_words = HashSet::new();
        // One lower-case buffer for every word: a word is copied into the set only the
        // first time it is seen.
        let mut lower = String::new();
        for line in lines.iter().filter(|l| l.page <= OPENING_PAGES) {
            let text = line.plain_cow();
            dates.extend(parse_date_line(&text));
            for w in text.split(|c: char| !c.is_alphanumeric()) {
                if w.is_empty() {
                    continue;
                }
                crate::structure::casing::lowercase_into(&mut lower, w);
                if !words.contains(lower.as_str()) {
                    words.insert(lower.clone());
                }
            }
            if !text.trim().contains(char::is_whitespace) || letter_spaced(&text) {
                single_words.insert(squash(&text));
            }
            squash_into(&mut squashed, &text);
        }
        Opening {
            words,
            squashed,
            dates,
            single_words,
        }
    }

    /// Whether the opening pages print `s`: word for word (ignoring case, spacing and
    /// punctuation), or at least most of its words when it has several.
    pub fn prints(&self, s: &str) -> bool {
        let sq = squash(s);
        if sq.is_empty() {
            return false;
        }
        if self.squashed.contains(&sq) {
            return true;
        }
        let ws = word_tokens(s);
        ws.len() >= 3
            && ws.iter().filter(|w| self.words.contains(*w)).count() as f32
                >= ws.len() as f32 * TITLE_WORDS_PRINTED
    }

    /// Whether every word of a name (initials aside) is printed; a name of one word
    /// ("David", "UNICEF") on a line of its own: inside a line it is any word ("IN THE
    /// SUPREME COURT" prints no author "Supreme").
    fn prints_name(&self, name: &str) -> bool {
        let ws: Vec<String> = word_tokens(name)
            .into_iter()
            .filter(|w| w.chars().count() > 1)
            .collect();
        match ws.as_slice() {
            [] => false,
            [one] if !name.trim().contains(char::is_whitespace) => self.single_words.contains(one),
            _ => ws.iter().all(|w| self.words.contains(w)),
        }
    }
}

/// Whether `line` prints the declared title `declared` with a few words added: all of
/// its words (three or more), in order, among at most three more ("National Weekly Ag
/// Energy Round-Up" for a declared "National Ag Energy"). The line is then the title as
/// printed, of which the declared one is a short form.
pub fn prints_with_words_added(line: &str, declared: &str) -> bool {
    let want = word_tokens(declared);
    let have = word_tokens(line);
    if want.len() < 3 || have.len() > want.len() + 3 {
        return false;
    }
    let mut rest = have.iter();
    want.iter().all(|w| rest.any(|h| h == w))
}

/// Whether a line sets one word a letter at a time ("김 창 호*", as a Korean or Chinese
/// name is often printed on a title page): two to eight pieces of one letter each, marks
/// aside. Squashed, it is the word.
fn letter_spaced(text: &str) -> bool {
    let pieces: Vec<&str> = text.split_whitespace().collect();
    (2..=8).contains(&pieces.len())
        && pieces
            .iter()
            .all(|p| p.chars().filter(|c| c.is_alphanumeric()).count() == 1)
}

/// Lower-case runs of letters and digits.
fn word_tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Letters and digits only, lower case.
pub fn squash(s: &str) -> String {
    let mut out = String::new();
    squash_into(&mut out, s);
    out
}

/// [`squash`] of `s` appended to `out`.
fn squash_into(out: &mut String, s: &str) {
    out.extend(
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
}

/// File extensions that make a declared title a file name.
const FILE_EXTENSIONS: &[&str] = &[
    "doc", "docx", "dot", "dotx", "rtf", "odt", "txt", "pdf", "ps", "eps", "tex", "dvi", "ppt",
    "pptx", "xls", "xlsx", "indd", "indt", "qxd", "qxp", "pub", "pages", "key", "htm", "html",
    "wpd", "md", "xml", "jpg", "png", "tif", "tiff",
];

/// Titles that a program or template writes when the author gave none.
const GENERIC_TITLES: &[&str] = &[
    "untitled",
    "no title",
    "title",
    "document",
    "new document",
    "word document",
    "microsoft word document",
    "presentation",
    "powerpoint presentation",
    "slide",
    "book",
    "example",
    "sample",
    "test",
    "draft",
    "template",
    "report",
    "paper",
    "article",
    "layout",
    "blank",
    "default",
    "print",
    "scan",
    "doi",
];

/// Why a declared title is not a real title, or `None` when it may be one.
pub fn title_rejection(t: &str) -> Option<&'static str> {
    let t = t.trim();
    let lower = t.to_lowercase();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    if letters < 3 {
        return Some("has no words");
    }
    if digits * 2 > letters {
        return Some("is mostly a number");
    }
    for app in ["microsoft word", "microsoft powerpoint", "microsoft excel"] {
        if lower.starts_with(app) {
            return Some("is a word processor's file label");
        }
    }
    let ext = lower.rsplit_once('.').map(|(_, e)| e.trim());
    if ext.is_some_and(|e| FILE_EXTENSIONS.contains(&e)) {
        return Some("is a file name");
    }
    if !t.contains(' ') && (t.contains(['\\', '/', '_']) || digits > 0) {
        return Some("is a file name or identifier");
    }
    let core = lower
        .trim_matches(|c: char| !c.is_alphabetic())
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-' || c == '_');
    if GENERIC_TITLES.contains(&core) || lower.split_whitespace().any(|w| w == "template") {
        return Some("is a program's or template's placeholder");
    }
    if lower.starts_with("doi:") || lower.starts_with("http") || lower.starts_with("www.") {
        return Some("is an identifier or address");
    }
    if parse_date_line(t).is_some() {
        return Some("is a date");
    }
    None
}

/// Account and program names that fill `/Author` when no person did.
const ACCOUNT_NAMES: &[&str] = &[
    "anonymous",
    "unknown",
    "user",
    "admin",
    "administrator",
    "owner",
    "author",
    "default",
    "guest",
    "microsoft",
    "microsoft office user",
    "office user",
    "windows user",
    "valued customer",
    "customer",
    "pc",
    "staff",
];

/// Why a declared author is not a person's or body's name, or `None` when it may be one.
pub fn author_rejection(a: &str) -> Option<&'static str> {
    let a = a.trim();
    let lower = a.to_lowercase();
    if a.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return Some("has no name");
    }
    if ACCOUNT_NAMES.contains(&lower.as_str()) {
        return Some("is an account or program name");
    }
    if a.contains('@') || a.contains(['\\', '/', '_']) || a.chars().any(|c| c.is_ascii_digit()) {
        return Some("is an account name");
    }
    if !a.contains(char::is_whitespace) {
        let letters: Vec<char> = a.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.iter().all(|c| c.is_lowercase()) {
            return Some("is an account name");
        }
        if letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
            return Some("is an account or program abbreviation");
        }
    }
    None
}

/// The declared title when it is plausible and printed on the opening pages; the report
/// says why a declared title was left out.
pub fn confirmed_title(
    info: &SourceInfo,
    opening: &Opening,
    report: &mut Report,
) -> Option<String> {
    let title = info.title.as_deref()?.trim();
    let why = title_rejection(title)
        .or_else(|| (!opening.prints(title)).then_some("is not printed on the opening pages"));
    match why {
        Some(why) => {
            report.push(
                Action::new(ActionKind::Guess)
                    .before(title)
                    .evidence(format!("declared title not used: it {why}")),
            );
            None
        }
        None => Some(title.to_string()),
    }
}

/// Fills what the page did not show with what the file declares and the opening pages
/// confirm: the title (already weighed by [`confirmed_title`]), authors printed there,
/// and a printed date in the month the file was created.
pub fn fill(
    mut meta: Metadata,
    info: &SourceInfo,
    declared_title: Option<String>,
    opening: &Opening,
    report: &mut Report,
) -> Metadata {
    if meta.title.is_none()
        && let Some(title) = declared_title
    {
        report.push(
            Action::new(ActionKind::Metadata)
                .after(title.clone())
                .evidence("title from the file's declared title, printed on its opening pages"),
        );
        meta.title = Some(title);
    }
    if meta.authors.is_empty()
        && let Some(author) = info
            .author
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
    {
        let names = split_names(author);
        // A list of names opens with a name ("Ana Silva; MSO": a person, then the
        // program's tag). One opening with something else ("LGMN, Des Moines, IA": an
        // office's code, its city, its state) is an address: a city printed in the text
        // is no author for being printed.
        let no_list = names.len() >= 2 && author_rejection(&names[0]).is_some();
        for name in names {
            let why = author_rejection(&name)
                .or_else(|| {
                    no_list
                        .then_some("is one part of a declared author that is not a list of names")
                })
                .or_else(|| {
                    (!opening.prints_name(&name)).then_some("is not printed on the opening pages")
                });
            match why {
                Some(why) => report.push(
                    Action::new(ActionKind::Guess)
                        .before(name)
                        .evidence(format!("declared author not used: it {why}")),
                ),
                None => {
                    report.push(
                        Action::new(ActionKind::Metadata)
                            .after(name.clone())
                            .evidence("author from the file's declared author, printed on its opening pages"),
                    );
                    meta.authors.push(Contributor::named(name));
                }
            }
        }
    }
    if meta.date.is_none()
        && let Some(created) = info.created.as_deref()
    {
        // The creation date is when the file was written, not when the work was
        // published; it only confirms a date the opening pages print.
        let declared = parse_date_line(created.get(..10).unwrap_or(created));
        let printed = declared.as_ref().and_then(|d| {
            opening
                .dates
                .iter()
                .find(|p| p.year == d.year && p.month.is_some() && p.month == d.month)
        });
        match printed {
            Some(date) => {
                report.push(
                    Action::new(ActionKind::Metadata)
                        .after(date.printed.clone())
                        .evidence("date printed on the opening pages, in the month of the file's creation date"),
                );
                meta.date = Some(date.clone());
            }
            None => report.push(Action::new(ActionKind::Guess).before(created).evidence(
                "file creation date not used: the opening pages print no date in its month",
            )),
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opening(text: &str) -> Opening {
        let lines: Vec<TextLine> = text
            .lines()
            .enumerate()
            .map(|(i, l)| TextLine::new(l, 1, i + 1))
            .collect();
        let declared = SourceInfo {
            title: Some("declared".into()),
            ..SourceInfo::default()
        };
        Opening::from_lines(&lines, &declared)
    }

    #[test]
    fn nothing_declared_reads_no_opening() {
        let lines = [TextLine::new("Water and Power", 1, 1)];
        let o = Opening::from_lines(&lines, &SourceInfo::default());
        assert!(!o.prints("Water and Power"));
        assert!(opening("Water and Power").prints("Water and Power"));
    }

    /// A name printed a letter at a time ("김 창 호*") confirms the declared "김창호";
    /// its letters inside a line of prose do not.
    #[test]
    fn a_letter_spaced_name_on_its_own_line_is_printed() {
        assert!(opening("이슈와 논점\n김 창 호*\n본문").prints_name("김창호"));
        assert!(!opening("김창호의 보고서는 이렇게 말한다").prints_name("김창호"));
        assert!(!opening("a b c d e f g h i j k").prints_name("abcdefghijk"));
    }

    #[test]
    fn a_line_printing_the_declared_title_with_words_added_is_found() {
        let declared = "National Ag Energy";
        assert!(prints_with_words_added(
            "National Weekly Ag Energy Round-Up",
            declared
        ));
        // Words out of order, too many added, or a title too short to tell.
        assert!(!prints_with_words_added(
            "Energy for National Agriculture",
            declared
        ));
        assert!(!prints_with_words_added(
            "National prices of Ag inputs and Energy in the Midwest",
            declared
        ));
        assert!(!prints_with_words_added("Annual Ag Report", "Ag Report"));
    }

    #[test]
    fn placeholder_titles_are_rejected() {
        for t in [
            "Microsoft Word - 02. 206.doc",
            "PowerPoint Presentation",
            "untitled",
            "Untitled-1",
            "doi:",
            "example",
            "report_final_v2",
            "2021-03-04",
            "12345",
            "brief.docx",
            "Annual report template",
        ] {
            assert!(title_rejection(t).is_some(), "{t} accepted");
        }
        for t in [
            "20 Most Important Mathematical Equations",
            "코로나-19 관련 보험약관상 재해보험금 지급문제 및 개선과제",
            "Water and Power in the Sahel",
        ] {
            assert_eq!(title_rejection(t), None, "{t} rejected");
        }
    }

    #[test]
    fn account_names_are_rejected_as_authors() {
        for a in [
            "anonymous",
            "MSO",
            "jsmith",
            "user01",
            "Administrator",
            "j.smith@x.org",
        ] {
            assert!(author_rejection(a).is_some(), "{a} accepted");
        }
        for a in ["Toshiba Corporation", "Ana Silva", "김창호", "UNICEF"] {
            assert_eq!(author_rejection(a), None, "{a} rejected");
        }
    }

    #[test]
    fn a_title_counts_as_printed_despite_case_hyphens_and_line_breaks() {
        let o = opening("THE 20 MOST IMPORTANT MATHE-\nMATICAL EQUATIONS\nBy Ana Silva");
        assert!(o.prints("20 Most Important Mathematical Equations"));
        assert!(!o.prints("Claude Artifact"));
        assert!(o.prints_name("Ana Silva"));
        assert!(!o.prints_name("Md. Shah Alam"));
        // A name of one word is printed as a credit on a line of its own.
        let o = opening("IN THE SUPREME COURT\nDavid\nMay 2019");
        assert!(o.prints_name("David"));
        assert!(!o.prints_name("Supreme"));
    }

    #[test]
    fn declared_fields_need_the_opening_pages_to_print_them() {
        let info = SourceInfo {
            title: Some("Claude Artifact".into()),
            author: Some("Toshiba".into()),
            created: Some("2024-07-04T10:00:00".into()),
            ..Default::default()
        };
        let o = opening("Water and Power\nIn 2019 the rains failed.");
        let mut report = Report::default();
        let title = confirmed_title(&info, &o, &mut report);
        assert_eq!(title, None);
        let meta = fill(Metadata::default(), &info, title, &o, &mut report);
        assert_eq!(meta.title, None);
        assert!(meta.authors.is_empty());
        assert!(meta.date.is_none());
        // Every declared field left out is reported with its reason.
        assert_eq!(
            report
                .actions
                .iter()
                .filter(|a| a.kind == ActionKind::Guess
                    && a.evidence.as_deref().unwrap_or("").contains("not"))
                .count(),
            3
        );

        let info = SourceInfo {
            title: Some("Water and Power".into()),
            author: Some("Ana Silva; MSO".into()),
            created: Some("2019-05-01".into()),
            ..Default::default()
        };
        let o = opening("WATER AND POWER\nAna Silva\nMay 2019\nIn 2019 the rains failed.");
        let title = confirmed_title(&info, &o, &mut report);
        let meta = fill(Metadata::default(), &info, title, &o, &mut report);
        assert_eq!(meta.title.as_deref(), Some("Water and Power"));
        assert_eq!(
            meta.authors,
            vec![Contributor::named("Ana Silva".to_string())]
        );
        assert_eq!(meta.date.map(|d| d.printed).as_deref(), Some("May 2019"));

        // An office's code, its city and state: no part is an author, though the city
        // is printed.
        let info = SourceInfo {
            author: Some("LGMN, Des Moines, IA".into()),
            ..Default::default()
        };
        let o = opening("Prices paid in Des Moines this week");
        let meta = fill(Metadata::default(), &info, None, &o, &mut report);
        assert!(meta.authors.is_empty());
    }
}
