//! Issue 10: a LaTeX book (`book` class, twoside, `\pagestyle{headings}`; built by
//! `scripts/make-book-fixture` into `tests/fixtures/book/`) prints the chapter's title
//! beside the page number on even pages and the current section's on odd pages, so the
//! head changes with the section: "1.1. INTRODUCTION" stands on one page only, "CONTENTS"
//! on an otherwise empty page. No running head may survive as a heading or as body text,
//! every chapter and section title must stay a heading, and the chapter labels over the
//! chapter titles stay as printed.

use brief2md::report::ActionKind;

const TEX: &str = include_str!("fixtures/book/running-heads.tex");

fn convert() -> (String, brief2md::Conversion) {
    let pdf = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/book/running-heads.pdf"
    ))
    .expect("fixture");
    let c = brief2md::convert(&pdf, &brief2md::Options::default()).expect("converts");
    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
    (md, c)
}

/// The argument of `\command[short]{long}` or `\command{long}` on a source line:
/// (short or long, long).
fn titles(line: &str, command: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix(command)?;
    let (short, rest) = match rest.strip_prefix('[') {
        Some(r) => {
            let (s, r) = r.split_once(']')?;
            (Some(s.to_string()), r)
        }
        None => (None, rest),
    };
    let long = rest.strip_prefix('{')?.strip_suffix('}')?.to_string();
    Some((short.unwrap_or_else(|| long.clone()), long))
}

/// The book's chapters and sections as LaTeX numbers them, with the running head each
/// prints and its own title.
fn divisions() -> Vec<(String, String)> {
    let (mut chapter, mut section) = (0, 0);
    let mut out = Vec::new();
    for line in TEX.lines() {
        if let Some((_, title)) = titles(line, "\\chapter") {
            chapter += 1;
            section = 0;
            out.push((
                format!("CHAPTER {chapter}. {}", title.to_uppercase()),
                title,
            ));
        } else if let Some((short, title)) = titles(line, "\\section") {
            section += 1;
            out.push((
                format!("{chapter}.{section}. {}", short.to_uppercase()),
                format!("{chapter}.{section} {title}"),
            ));
        }
    }
    out
}

#[test]
fn running_heads_that_change_with_the_section_go_and_every_title_stays_a_heading() {
    let (md, c) = convert();
    let divisions = divisions();
    assert_eq!(divisions.len(), 7, "{divisions:?}");
    let headings: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .map(|l| l.trim_start_matches('#').trim())
        .collect();
    for (head, title) in &divisions {
        assert!(
            headings.contains(&title.as_str()),
            "{title} is not a heading: {headings:?}"
        );
        // Neither a heading nor a line of text: the head is in capitals, the title not.
        assert!(!md.contains(head.as_str()), "{head} survived:\n{md}");
    }
    assert!(!md.contains("CONTENTS"), "{md}");
    // Each removed head is reported: the section heads on their odd pages, the chapter
    // heads on the even ones, and the contents' head.
    let reported: Vec<&str> = c
        .report
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::RunningHeader)
        .filter_map(|a| a.before.as_deref())
        .collect();
    for (head, _) in divisions.iter().filter(|(h, _)| h.starts_with("CHAPTER")) {
        assert!(reported.contains(&head.as_str()), "{head}: {reported:?}");
    }
    // Sections print their head on the odd pages they reach: once, beside the page number
    // ("1.1. INTRODUCTION", "1.2. GAUGES"), or on two pages; the contents' head on a page
    // of its own.
    for head in [
        "1.1. INTRODUCTION",
        "1.2. GAUGES",
        "1.3. SEDIMENT",
        "2.1. CROPS AND FIELDS",
        "2.2. WATER RIGHTS",
        "CONTENTS",
    ] {
        assert!(reported.contains(&head), "{head}: {reported:?}");
    }
}

#[test]
fn the_chapter_labels_over_the_chapter_titles_stay() {
    let (md, _) = convert();
    for label in ["Chapter 1", "Chapter 2"] {
        assert!(
            md.lines()
                .any(|l| l.trim_start_matches('#').trim() == label),
            "{label}:\n{md}"
        );
    }
}
