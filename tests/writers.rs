//! Writers on a hand-built document that uses every block and inline kind: the JATS must
//! validate against the DTD, the Markdown must parse back to the same structure and text.

mod common;

use brief2md::model::*;
use brief2md::writers::{jats, markdown};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, TextMergeStream};

fn t(s: &str) -> Inline {
    Inline::text(s)
}

fn para(v: Vec<Inline>) -> Block {
    Block::Paragraph(v)
}

fn item(blocks: Vec<Block>) -> ListItem {
    ListItem {
        blocks,
        label: None,
    }
}

const TRICKY: &str =
    "Prices rose 5* in 2024 [est.] <draft> `code` _x_ a|b #1 & &amp; \\ ~~no~~ 1. end";

fn sample() -> Document {
    let nested = List {
        kind: ListKind::Bullet,
        items: vec![
            item(vec![para(vec![t("Inner one")])]),
            item(vec![
                para(vec![t("Inner two"), Inline::FootnoteRef(FootnoteId(2))]),
                Block::List(List {
                    kind: ListKind::Ordered { start: 1 },
                    items: vec![item(vec![para(vec![t("Third level")])])],
                }),
            ]),
        ],
    };
    Document {
        metadata: Metadata {
            doc_type: Some("Issue Brief".into()),
            title: Some("Rivers & \"Rights\": A Test".into()),
            subtitle: Some("Subtitle: with colon".into()),
            authors: vec![
                Contributor {
                    name: "Dr Amara Okafor".into(),
                    role: Some("Senior Fellow".into()),
                    affiliation: Some("Centre for Tests".into()),
                    note_labels: vec!["*".into()],
                    ..Default::default()
                },
                Contributor::named("Jean-Luc de la Croix"),
            ],
            author_notes: vec![AuthorNote {
                label: "*".into(),
                text: "Thanks to the reviewers.".into(),
            }],
            editors: vec![Contributor::named("Priya Raman")],
            date: Some(PubDate {
                printed: "16 March 2025".into(),
                year: Some(2025),
                month: Some(3),
                day: Some(16),
            }),
            publisher: Some("Centre for Tests".into()),
            rights: Some("(Views are the author's own.)".into()),
            source: Some("sample.txt".into()),
            ..Default::default()
        },
        blocks: vec![
            para(vec![
                t("Opening paragraph"),
                Inline::FootnoteRef(FootnoteId(1)),
            ]),
            Block::Heading {
                level: 1,
                content: vec![t("Background")],
            },
            para(vec![t(TRICKY)]),
            Block::Heading {
                level: 2,
                content: vec![t("Details #"), Inline::FootnoteRef(FootnoteId(0))],
            },
            para(vec![
                Inline::Strong(vec![t("Lead-in:")]),
                t(" text with "),
                Inline::Emphasis(vec![t("emphasis")]),
                t(", CO"),
                Inline::Subscript(vec![t("2")]),
                t(", the 1"),
                Inline::Superscript(vec![t("st")]),
                t(" link "),
                Inline::Link {
                    url: "https://example.org/a_(b)".into(),
                    content: vec![t("https://example.org/a_(b)")],
                },
                t(" and "),
                Inline::Link {
                    url: "https://example.org/x".into(),
                    content: vec![t("named")],
                },
                t("."),
            ]),
            Block::List(List {
                kind: ListKind::Bullet,
                items: vec![
                    item(vec![para(vec![t("Outer one")]), Block::List(nested)]),
                    item(vec![para(vec![t("Outer two")])]),
                ],
            }),
            Block::List(List {
                kind: ListKind::Ordered { start: 3 },
                items: vec![
                    item(vec![para(vec![t("Third")])]),
                    item(vec![para(vec![t("Fourth")]), para(vec![t("More")])]),
                ],
            }),
            Block::Heading {
                level: 3,
                content: vec![t("Deep")],
            },
            Block::BlockQuote(vec![para(vec![t("Quoted.")])]),
            Block::Table(Table {
                header: true,
                rows: vec![
                    vec![vec![t("Year")], vec![t("Value")]],
                    vec![vec![t("2024")], vec![t("3|4")]],
                ],
                ..Default::default()
            }),
            Block::Preformatted("  aligned   text\nline two".into()),
            Block::Heading {
                level: 1,
                content: vec![t("Conclusion")],
            },
            para(vec![t("Ends here.")]),
        ],
        footnotes: vec![
            Footnote {
                label: "2".into(),
                recovered: false,
                blocks: vec![para(vec![t("Second note.")])],
            },
            Footnote {
                label: "1".into(),
                recovered: false,
                blocks: vec![
                    para(vec![
                        t("First note, "),
                        Inline::Link {
                            url: "https://example.org/report-2024".into(),
                            content: vec![t("https://example.org/report-2024")],
                        },
                    ]),
                    para(vec![t("Second paragraph of the note.")]),
                ],
            },
            Footnote {
                label: "3".into(),
                recovered: false,
                blocks: vec![Block::List(List {
                    kind: ListKind::Bullet,
                    items: vec![item(vec![para(vec![t("A listed note")])])],
                })],
            },
        ],
    }
}

#[test]
fn jats_of_every_construct_is_dtd_valid() {
    let xml = jats::write(&sample());
    assert!(xml.contains("dtd-version=\"1.4\""));
    assert!(xml.contains(jats::PUBLIC_ID));
    assert!(xml.contains(
        "<name><surname>Okafor</surname><given-names>Amara</given-names><prefix>Dr</prefix></name>"
    ));
    assert!(xml.contains("<string-name>Jean-Luc de la Croix</string-name>"));
    assert!(xml.contains("<xref ref-type=\"author-notes\" rid=\"author-note-1\">*</xref>"));
    assert!(xml.contains(
        "<author-notes><fn id=\"author-note-1\"><label>*</label><p>Thanks to the reviewers.</p>"
    ));
    assert!(xml.contains("iso-8601-date=\"2025-03-16\""));
    // References are numbered by first appearance: the note labelled 1 is referenced first.
    assert!(xml.contains("Opening paragraph<xref ref-type=\"fn\" rid=\"fn1\">1</xref>"));
    assert!(xml.contains("<fn id=\"fn1\"><label>1</label><p>First note"));
    common::assert_valid_jats(&xml, "sample document");
    // The same document with every optional part missing is valid too.
    common::assert_valid_jats(&jats::write(&Document::default()), "empty document");
}

#[test]
fn markdown_parses_to_the_model_structure() {
    let doc = sample();
    for wrap in [None, Some(30)] {
        let md = markdown::write(&doc, &markdown::MarkdownOptions { wrap });
        common::assert_markdown_matches_model(&md, &doc);
        assert!(md.lines().all(|l| !l.ends_with(' ')), "trailing whitespace");
        assert!(md.starts_with("---\ntitle: \"Rivers & \\\"Rights\\\": A Test\"\n"));
    }
}

/// Text of the first paragraph that starts with `prefix`, as a CommonMark parser reads it.
fn parsed_paragraph(md: &str, prefix: &str) -> Option<String> {
    let mut in_para = false;
    let mut buf = String::new();
    for ev in TextMergeStream::new(Parser::new_ext(md, Options::ENABLE_FOOTNOTES)) {
        match ev {
            Event::Start(Tag::Paragraph) => {
                in_para = true;
                buf.clear();
            }
            Event::End(TagEnd::Paragraph) => {
                in_para = false;
                if buf.starts_with(prefix) {
                    return Some(buf.clone());
                }
            }
            Event::Text(s) | Event::Code(s) if in_para => buf.push_str(&s),
            Event::SoftBreak if in_para => buf.push(' '),
            _ => {}
        }
    }
    None
}

#[test]
fn escaped_text_round_trips_through_a_commonmark_parser() {
    let doc = sample();
    for wrap in [None, Some(20)] {
        let md = markdown::write(&doc, &markdown::MarkdownOptions { wrap });
        assert_eq!(
            parsed_paragraph(&md, "Prices").as_deref(),
            Some(TRICKY),
            "wrap {wrap:?}\n{md}"
        );
    }
}

#[test]
fn writers_are_deterministic() {
    let doc = sample();
    let opts = markdown::MarkdownOptions::default();
    assert_eq!(markdown::write(&doc, &opts), markdown::write(&doc, &opts));
    assert_eq!(jats::write(&doc), jats::write(&doc));
}
