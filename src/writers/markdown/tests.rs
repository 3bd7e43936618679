use super::text::starts_block;
use super::*;
use crate::model::{
    Caption, Contributor, Footnote, FootnoteId, List, ListItem, ListKind, PubDate, TableCaption,
};

fn para(s: &str) -> Block {
    Block::Paragraph(vec![Inline::text(s)])
}

fn md(doc: &Document) -> String {
    write(doc, &MarkdownOptions::default())
}

#[test]
fn escapes_markup_characters_in_text() {
    let doc = Document {
        blocks: vec![para("a *b* [c] <d> `e` f_g _h_ x|y AT&T &amp; ~~z~~ !")],
        ..Default::default()
    };
    assert_eq!(
        md(&doc),
        "a \\*b\\* \\[c\\] \\<d\\> \\`e\\` f_g \\_h\\_ x\\|y AT&T \\&amp; \\~\\~z\\~\\~ !\n"
    );
}

#[test]
fn escapes_block_starts() {
    let doc = Document {
        blocks: vec![para("# not a heading"), para("1. not a list"), para("- no")],
        ..Default::default()
    };
    assert_eq!(md(&doc), "\\# not a heading\n\n1\\. not a list\n\n\\- no\n");
}

#[test]
fn a_parenthesis_after_a_reference_does_not_make_a_link() {
    let doc = Document {
        blocks: vec![Block::Paragraph(vec![
            Inline::text("x"),
            Inline::FootnoteRef(FootnoteId(0)),
            Inline::text("(r) and (s)"),
        ])],
        footnotes: vec![Footnote {
            label: "1".into(),
            recovered: false,
            blocks: vec![para("note")],
        }],
        ..Default::default()
    };
    assert_eq!(md(&doc), "x[^1]\\(r) and (s)\n\n[^1]: note\n");
}

#[test]
fn footnotes_keep_their_printed_labels_in_order_of_reference() {
    let doc = Document {
        blocks: vec![Block::Paragraph(vec![
            Inline::text("a"),
            Inline::FootnoteRef(FootnoteId(1)),
            Inline::text(" b"),
            Inline::FootnoteRef(FootnoteId(0)),
        ])],
        footnotes: vec![
            Footnote {
                label: "7".into(),
                recovered: false,
                blocks: vec![para("seven")],
            },
            Footnote {
                label: "3".into(),
                recovered: false,
                blocks: vec![para("three"), para("more")],
            },
        ],
        ..Default::default()
    };
    assert_eq!(
        md(&doc),
        "a[^3] b[^7]\n\n[^3]: three\n\n    more\n\n[^7]: seven\n"
    );
}

#[test]
fn footnote_labels_printed_again_or_as_symbols_stay_unique() {
    let note = |label: &str| Footnote {
        label: label.into(),
        recovered: false,
        blocks: vec![para(&format!("note {label}"))],
    };
    // Notes numbered anew on the second page, a starred note, and a note whose label is
    // lost, referred to in this order.
    let doc = Document {
        blocks: vec![Block::Paragraph(
            (0..5)
                .flat_map(|i| [Inline::text("w"), Inline::FootnoteRef(FootnoteId(i))])
                .collect(),
        )],
        footnotes: vec![note("1"), note("2"), note("1"), note("*"), note("")],
        ..Default::default()
    };
    let out = md(&doc);
    assert!(out.starts_with("w[^1]w[^2]w[^1-2]w[^4]w[^5]\n"), "{out}");
    assert!(
        out.contains("[^1-2]: note 1\n") && out.contains("[^4]: note \\*\n"),
        "{out}"
    );
}

#[test]
fn nested_lists_indent_to_content_column() {
    let inner = List {
        kind: ListKind::Bullet,
        items: vec![ListItem {
            blocks: vec![para("inner")],
            label: None,
        }],
    };
    let doc = Document {
        blocks: vec![Block::List(List {
            kind: ListKind::Ordered { start: 9 },
            items: vec![
                ListItem {
                    blocks: vec![para("nine")],
                    label: None,
                },
                ListItem {
                    blocks: vec![para("ten"), Block::List(inner)],
                    label: None,
                },
            ],
        })],
        ..Default::default()
    };
    assert_eq!(md(&doc), "9. nine\n10. ten\n    - inner\n");
}

#[test]
fn numbers_that_skip_make_one_list_per_run_that_counts() {
    let item = |label: &str, text: &str| ListItem {
        blocks: vec![para(text)],
        label: Some(label.to_string()),
    };
    let list = |items| {
        Block::List(List {
            kind: ListKind::Ordered { start: 150 },
            items,
        })
    };
    let doc = Document {
        blocks: vec![list(vec![
            item("150.", "one"),
            item("151.", "two"),
            item("157.", "three"),
        ])],
        ..Default::default()
    };
    assert_eq!(md(&doc), "150. one\n151. two\n\n<!-- -->\n\n157. three\n");
    // Letters stay labels printed before each item's text.
    let doc = Document {
        blocks: vec![list(vec![item("a.", "one"), item("c.", "two")])],
        ..Default::default()
    };
    assert_eq!(md(&doc), "a. one\n\nc. two\n");
}

#[test]
fn consecutive_lists_are_kept_apart() {
    let list = |k| {
        Block::List(List {
            kind: k,
            items: vec![ListItem {
                blocks: vec![para("x")],
                label: None,
            }],
        })
    };
    let doc = Document {
        blocks: vec![list(ListKind::Bullet), list(ListKind::Bullet)],
        ..Default::default()
    };
    assert_eq!(md(&doc), "- x\n\n<!-- -->\n\n- x\n");
}

#[test]
fn front_matter_is_quoted_yaml() {
    let doc = Document {
        metadata: Metadata {
            title: Some("Engagements: \"Putin's\" Visit".into()),
            authors: vec![Contributor {
                name: "Muhammad Khan".into(),
                role: Some("Research Associate".into()),
                affiliation: None,
                ..Default::default()
            }],
            editors: vec![Contributor::named("Dr Neelum Nigar")],
            date: Some(PubDate {
                printed: "August 16, 2024".into(),
                year: Some(2024),
                month: Some(8),
                day: Some(16),
            }),
            doc_type: Some("Issue Brief".into()),
            ..Default::default()
        },
        blocks: vec![para("Body.")],
        ..Default::default()
    };
    assert_eq!(
        md(&doc),
        "---\ntitle: \"Engagements: \\\"Putin's\\\" Visit\"\nauthor:\n  - name: \"Muhammad Khan\"\n    role: \"Research Associate\"\neditor:\n  - \"Dr Neelum Nigar\"\ndate: \"2024-08-16\"\ntype: \"Issue Brief\"\n---\n\nBody.\n"
    );
}

#[test]
fn links_and_scripts() {
    let doc = Document {
        blocks: vec![Block::Paragraph(vec![
            Inline::Link {
                url: "https://x.example/a_b".into(),
                content: vec![Inline::text("https://x.example/a_b")],
            },
            Inline::text(" CO"),
            Inline::Subscript(vec![Inline::text("2")]),
            Inline::text(" "),
            Inline::Link {
                url: "https://y.example/".into(),
                content: vec![Inline::text("site")],
            },
            Inline::Strong(vec![Inline::text("Lead: ")]),
            Inline::text("text"),
        ])],
        ..Default::default()
    };
    assert_eq!(
        md(&doc),
        "<https://x.example/a_b> CO₂ [site](<https://y.example/>)**Lead:** text\n"
    );
}

#[test]
fn wrapping_never_starts_a_line_with_a_block_marker() {
    let doc = Document {
        blocks: vec![para("aaaa bbbb - cccc 12. dddd eeee")],
        ..Default::default()
    };
    let out = write(&doc, &MarkdownOptions { wrap: Some(9) });
    assert_eq!(out, "aaaa bbbb -\ncccc 12.\ndddd eeee\n");
    for line in out.lines() {
        assert!(!starts_block(line), "{line:?}");
        assert!(!line.ends_with(' '));
    }
}

#[test]
fn tables_and_code() {
    let cell = |s: &str| vec![Inline::text(s)];
    let doc = Document {
        blocks: vec![
            Block::Table(Table {
                header: true,
                rows: vec![vec![cell("Year"), cell("a|b")], vec![cell("2024")]],
                ..Default::default()
            }),
            Block::Preformatted("x ``` y".into()),
        ],
        ..Default::default()
    };
    assert_eq!(
        md(&doc),
        "| Year | a\\|b |\n| --- | --- |\n| 2024 |  |\n\n````\nx ``` y\n````\n"
    );
}

#[test]
fn table_notes_follow_their_table_as_labelled_paragraphs() {
    let doc = Document {
        blocks: vec![
            Block::Table(Table {
                header: true,
                rows: vec![
                    vec![vec![Inline::text("Station")], vec![Inline::text("mm")]],
                    vec![
                        vec![Inline::text("Kratie")],
                        vec![
                            Inline::text("1420"),
                            Inline::Superscript(vec![Inline::TableNoteRef("a".into())]),
                        ],
                    ],
                ],
                notes: vec![
                    TableNote {
                        label: "a".into(),
                        content: vec![Inline::text("Estimated.")],
                    },
                    TableNote {
                        label: "*".into(),
                        content: vec![Inline::Emphasis(vec![Inline::text("Provisional")])],
                    },
                ],
                caption: Some(TableCaption {
                    side: CaptionSide::Below,
                    caption: Caption {
                        label: "Table 2".into(),
                        printed: vec![Inline::text("Table 2. Rainfall")],
                    },
                }),
                ..Default::default()
            }),
            para("After."),
        ],
        ..Default::default()
    };
    // Labels as printed, restarting per table: never GFM footnotes; a leading `*`
    // label must not open a list. A caption printed below comes after the notes.
    assert_eq!(
        md(&doc),
        "| Station | mm |\n| --- | --- |\n| Kratie | 1420<sup>a</sup> |\n\na Estimated.\n\n\\* *Provisional*\n\nTable 2. Rainfall\n\nAfter.\n"
    );
}

#[test]
fn captions_are_paragraphs_as_printed_and_figure_text_a_comment() {
    let caption = |label: &str, printed: Vec<Inline>| Caption {
        label: label.into(),
        printed,
    };
    let doc = Document {
        blocks: vec![
            para("Before."),
            Block::Table(Table {
                header: true,
                rows: vec![
                    vec![vec![Inline::text("Year")]],
                    vec![vec![Inline::text("2024")]],
                ],
                caption: Some(TableCaption {
                    side: CaptionSide::Above,
                    caption: caption(
                        "Table 1",
                        vec![
                            Inline::Strong(vec![Inline::text("Table 1:")]),
                            Inline::text(" Costs"),
                        ],
                    ),
                }),
                ..Default::default()
            }),
            Block::Figure {
                caption: Some(caption("Fig. 2", vec![Inline::text("Fig. 2. Yields")])),
                lettering: vec!["0".into(), "2019 -- 2020".into(), "-->".into()],
                caption_below: false,
            },
        ],
        ..Default::default()
    };
    assert_eq!(
        md(&doc),
        "Before.\n\n**Table 1:** Costs\n\n| Year |\n| --- |\n| 2024 |\n\nFig. 2. Yields\n\n\
         <!-- figure text: 0 · 2019 - - 2020 · - -> -->\n"
    );
}

/// Subscripts of digits and signs print as Unicode subscripts, so "x₁" stays one word;
/// a letter subscript or one holding markup stays HTML.
#[test]
fn digit_subscripts_print_as_subscript_characters() {
    let doc = Document {
        blocks: vec![Block::Paragraph(vec![
            Inline::text("z"),
            Inline::Subscript(vec![Inline::text("-10")]),
            Inline::text(" x"),
            Inline::Subscript(vec![Inline::text("i")]),
            Inline::text(" y"),
            Inline::Subscript(vec![Inline::Emphasis(vec![Inline::text("2")])]),
        ])],
        ..Default::default()
    };
    assert_eq!(md(&doc), "z₋₁₀ x<sub>i</sub> y<sub>*2*</sub>\n");
}
