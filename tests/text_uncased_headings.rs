//! Headings of extracted text that capitals cannot show: numbered headings in a script
//! without case (Korean), kept only when their numbers run in sequence; a second-level
//! section number after a table's last row; a running title with its page number over a
//! page that opens mid-sentence; a name-shaped first line over prose.

use brief2md::model::{Block, plain_text};
use brief2md::report::ActionKind;

fn convert(text: &str) -> brief2md::Conversion {
    brief2md::convert(text.as_bytes(), &brief2md::Options::default()).expect("converts")
}

/// (level, text) of each heading.
fn headings(c: &brief2md::Conversion) -> Vec<(u8, String)> {
    c.document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, content } => Some((*level, plain_text(content))),
            _ => None,
        })
        .collect()
}

fn all_text(c: &brief2md::Conversion) -> String {
    c.document
        .blocks
        .iter()
        .map(|b| format!("{b:?}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// pdftotext -raw of a two-column Korean brief: the section's number printed alone after
/// its title, parenthesised subsections, lines wrapped mid-word.
const KOREAN: &str = "\
들어가며
1
2020.3.30. 0시 기준 현재 코로나바이러스감염
증-19의 국내 확진자는 9,661명, 사망자는 158명으로 나타났다.
이와 관련하여 세계보건기구(WHO)는 지난 2020.
3.11. 코로나-19가 세계적 유행(Pandemic) 단계
에 돌입하였음을 선언하였다.
코로나-19 관련 보험 현황
2
(1) 「감염병의 예방 및 관리에 관한 법률」 개정
2020.1.1. 시행된 「감염병의 예방 및 관리에 관
한 법률」 제2조 제2호에 의하면 제1급감염병이란
생물테러감염병 또는 치명률이 높은 감염병을 말한다.
(2) 생명보험 표준약관 재해분류표
현행 생명보험 표준약관상 재해분류표는 위 법률의
제1급 감염병들을 보장대상이 되는 재해로 규정하고 있다.
(7) 생보업계의 의견
생명보험 업계는 보험상품은 측정가능한 위험(Measurable Risk)을
보장하는 금융상품이라는 의견을 제시하고 있다.
";

#[test]
fn numbered_headings_in_a_script_without_case() {
    let c = convert(KOREAN);
    assert_eq!(
        headings(&c),
        vec![
            (1, "들어가며 1".to_string()),
            (1, "코로나-19 관련 보험 현황 2".to_string()),
            (
                2,
                "(1) 「감염병의 예방 및 관리에 관한 법률」 개정".to_string()
            ),
            (2, "(2) 생명보험 표준약관 재해분류표".to_string()),
        ]
    );
    // A number out of sequence stays text, and so does a wrapped date; no word is lost.
    let text = all_text(&c);
    for kept in ["(7) 생보업계의 의견", "3.11. 코로나-19가", "선언하였다."] {
        assert!(text.contains(kept), "{kept}");
    }
    assert!(c.report.actions.iter().any(|a| {
        a.before.as_deref() == Some("(7) 생보업계의 의견")
            && a.evidence
                .as_deref()
                .is_some_and(|e| e.contains("continues no sequence"))
    }));
}

#[test]
fn numbered_lines_in_a_row_are_a_list_not_headings() {
    let text = "\
보험사는 다음의 원칙에 따라 보험금을 지급하여야 한다.
(1) 약관의 명시 원칙
(2) 작성자 불이익의 원칙
(3) 신의성실의 원칙
이 원칙들은 약관규제법에 규정되어 있으며 보험 실무에서 널리 적용되고 있다.
";
    assert!(headings(&convert(text)).is_empty());
}

#[test]
fn a_section_number_after_a_table_row_starts_a_heading() {
    let text = "\
Table 1. Results on the three data sets, with the time each model took to run.
OTSL 0.952 0.92 0.942 0.857 1.22
HTML 0.944 0.903 0.931 0.824 2
5.2 Quantitative Results
We picked the model parameter configuration that produced the best prediction
quality with PubTabNet alone, then trained and evaluated it on three data sets.
";
    let c = convert(text);
    assert_eq!(
        headings(&c),
        vec![(2, "5.2 Quantitative Results".to_string())]
    );
}

#[test]
fn a_running_title_with_its_page_number_is_no_title() {
    let text = "\
Optimized Table Tokenization for Table Structure Recognition 9
order to compute the TED score. Inference timing results for all experiments
were obtained from the same machine on a single core.
5.1 Hyper Parameter Optimization
We have chosen the PubTabNet data set to perform the optimisation, since it
includes a highly diverse set of tables.
";
    let c = convert(text);
    assert_eq!(c.document.metadata.title, None);
    assert!(!all_text(&c).contains("Optimized Table Tokenization"));
    assert!(c.report.actions.iter().any(|a| {
        a.kind == ActionKind::RunningHeader
            && a.before
                .as_deref()
                .is_some_and(|b| b.starts_with("Optimized Table Tokenization"))
    }));
    assert!(all_text(&c).contains("order to compute the TED score"));
}

#[test]
fn a_name_shaped_line_over_prose_is_a_heading_not_an_author() {
    let text = "\
JavaScript Code Example
Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod
tempor invidunt ut labore et dolore magna aliquyam erat, sed diam voluptua.
";
    let c = convert(text);
    assert!(c.document.metadata.authors.is_empty());
    assert_eq!(
        headings(&c),
        vec![(1, "JavaScript Code Example".to_string())]
    );
}
