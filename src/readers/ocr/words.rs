//! What both OCR formats describe — pages of lines of boxed words — and how it becomes the
//! [`source`](crate::source) model: boxes in points, one span per word, a raised small word
//! marked as superscript.

use crate::source::{Line, Page, PageSize, Rect, Script, Span, Style};

/// Resolution assumed when neither the file nor the page's width gives one: 300 dpi, the
/// usual archival scan.
const DEFAULT_DPI: f32 = 300.0;

/// Points per pixel: from the scan's resolution when the file states it (hOCR
/// `scan_res`), else from the page's width in pixels, taking the page to be about as wide
/// as a Letter or A4 sheet (8.5 in) — which puts sizes near their printed points. Only
/// absolute sizes depend on this; the passes mostly compare sizes.
pub(super) fn pixel_scale(page_width: Option<f32>, dpi: Option<f32>) -> f32 {
    if let Some(dpi) = dpi.filter(|d| (50.0..=2400.0).contains(d)) {
        return 72.0 / dpi;
    }
    page_width
        .filter(|w| w.is_finite() && *w > 0.0)
        .map(|w| (72.0 * 8.5 / w).clamp(72.0 / 2400.0, 72.0 / 50.0))
        .unwrap_or(72.0 / DEFAULT_DPI)
}

/// One recognised word.
#[derive(Debug, Clone, Default)]
pub(super) struct OcrWord {
    pub text: String,
    /// Box in the file's units.
    pub bbox: Option<Rect>,
    /// Font size in points, when the file gives it.
    pub size: Option<f32>,
    pub bold: bool,
    pub italic: bool,
    /// What the file says of the word's position (ALTO `superscript`/`subscript`); `None`
    /// when it says nothing and the boxes decide.
    pub script: Option<Script>,
    /// Each character's box and text, when the engine wrote them (hOCR `ocrx_cinfo`,
    /// Tesseract's `hocr_char_boxes`).
    pub chars: Vec<(Option<Rect>, String)>,
}

/// One line of words.
#[derive(Debug, Clone, Default)]
pub(super) struct OcrLine {
    pub bbox: Option<Rect>,
    /// Baseline y in the file's units.
    pub baseline: Option<f32>,
    /// Height of the line's text in the file's units (hOCR `x_size`).
    pub text_height: Option<f32>,
    pub words: Vec<OcrWord>,
}

/// One page, in the file's units; `scale` turns them into points.
#[derive(Debug, Clone, Default)]
pub(super) struct OcrPage {
    pub number: usize,
    pub bbox: Option<Rect>,
    pub scale: f32,
    pub lines: Vec<OcrLine>,
}

/// A word is read as raised (a footnote marker, an ordinal) when it is this much shorter
/// than the line's ordinary words...
const RAISED_HEIGHT: f32 = 0.75;
/// ...and its bottom stands at least this fraction of their height above the baseline.
const RAISED_LIFT: f32 = 0.25;
/// Raised words are short: a marker, not a raised phrase.
const RAISED_MAX_CHARS: usize = 4;

impl OcrPage {
    /// The page as the rest of the pipeline reads it.
    pub fn into_page(self) -> Page {
        let scale = if self.scale.is_finite() && self.scale > 0.0 {
            self.scale
        } else {
            pixel_scale(None, None)
        };
        let to_points = |r: Rect| Rect {
            x0: r.x0 * scale,
            y0: r.y0 * scale,
            x1: r.x1 * scale,
            y1: r.y1 * scale,
        };
        let size = self.bbox.map(|b| PageSize {
            width: b.width() * scale,
            height: b.height() * scale,
            rotation: 0,
        });
        let mut lines = Vec::with_capacity(self.lines.len());
        for line in self.lines {
            let words: Vec<OcrWord> = line
                .words
                .into_iter()
                .filter(|w| !w.text.trim().is_empty())
                .collect();
            if words.is_empty() {
                continue;
            }
            let bbox = line.bbox.or_else(|| {
                words
                    .iter()
                    .filter_map(|w| w.bbox)
                    .reduce(|a, b| a.union(&b))
            });
            let ordinary = ordinary_height(&words);
            let baseline = line.baseline.or_else(|| baseline_of(&words));
            let words = split_raised_tails(words, ordinary, baseline);
            let line_size = line.text_height.or(ordinary).map(|h| h * scale);
            let mut spans: Vec<Span> = words
                .into_iter()
                .enumerate()
                .map(|(i, w)| {
                    let script = w
                        .script
                        .unwrap_or_else(|| boxed_script(&w, ordinary, baseline, i == 0));
                    let size = w.size.or(match (script, w.bbox, ordinary) {
                        (Script::Normal, _, _) | (_, None, _) | (_, _, None) => line_size,
                        (_, Some(b), Some(h)) => line_size.map(|s| s * (b.height() / h).min(1.0)),
                    });
                    Span {
                        text: w.text.trim().to_string(),
                        style: Style {
                            size,
                            bold: w.bold,
                            italic: w.italic,
                            script,
                            ..Default::default()
                        },
                        bbox: w.bbox.map(to_points),
                    }
                })
                .collect();
            space_words(&mut spans, ordinary.map(|h| h * scale));
            lines.push(Line {
                spans,
                source_line: lines.len() + 1,
                bbox: bbox.map(to_points),
                baseline: baseline.map(|b| b * scale),
                tag: None,
            });
        }
        Page {
            number: self.number,
            size,
            lines,
            links: Vec::new(),
            rects: Vec::new(),
            rules: Vec::new(),
        }
    }
}

/// With character boxes, a word whose last characters are raised digits (a note marker
/// printed against its word, which OCR reads into the word: "depended.1") is cut in two:
/// the word, and its raised tail as a superscript word of its own. At most three digits,
/// each clearly above the baseline and of a marker's height. A raised glyph OCR misread
/// ("depended.!") stays in its word, where the note linking's repair of misread markers
/// looks for it; quotation marks sit high by nature and are never a tail.
fn split_raised_tails(
    words: Vec<OcrWord>,
    ordinary: Option<f32>,
    baseline: Option<f32>,
) -> Vec<OcrWord> {
    let (Some(h), Some(base)) = (ordinary, baseline) else {
        return words;
    };
    let raised = |(b, t): &(Option<Rect>, String)| {
        b.is_some_and(|b| {
            b.height() >= 0.35 * h && b.height() <= RAISED_HEIGHT * h && b.y1 <= base - 0.3 * h
        }) && !t.trim().is_empty()
            && t.trim().chars().all(|c| c.is_ascii_digit())
    };
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let joined: String = w.chars.iter().map(|(_, t)| t.as_str()).collect();
        let n = w.chars.len();
        let tail = w.chars.iter().rev().take_while(|c| raised(c)).count();
        if tail == 0 || tail >= n || tail > 3 || joined.trim() != w.text.trim() {
            out.push(w);
            continue;
        }
        let union = |cs: &[(Option<Rect>, String)]| {
            cs.iter().filter_map(|(b, _)| *b).reduce(|a, b| a.union(&b))
        };
        let text = |cs: &[(Option<Rect>, String)]| -> String {
            cs.iter().map(|(_, t)| t.as_str()).collect()
        };
        let (head, rest) = w.chars.split_at(n - tail);
        out.push(OcrWord {
            text: text(head),
            bbox: union(head),
            chars: head.to_vec(),
            ..w.clone()
        });
        out.push(OcrWord {
            text: text(rest),
            bbox: union(rest),
            chars: rest.to_vec(),
            script: w.script.or(Some(Script::Super)),
            size: None,
            ..w
        });
    }
    out
}

/// Puts a space after every word but the last, except before a raised word set close to
/// the word it follows: a marker printed against its word ("percent.⁴") is not a word of
/// its own.
fn space_words(spans: &mut [Span], ordinary: Option<f32>) {
    for i in 1..spans.len() {
        let attached = spans[i].style.script != Script::Normal
            && match (spans[i - 1].bbox, spans[i].bbox, ordinary) {
                (Some(a), Some(b), Some(h)) => b.x0 - a.x1 < MARKER_GAP * h,
                _ => false,
            };
        if !attached {
            spans[i - 1].text.push(' ');
        }
    }
}

/// A raised word this close to the word before it (a fraction of the ordinary text height)
/// is printed against it.
const MARKER_GAP: f32 = 0.35;

/// The median height of the line's words of two or more letters or digits: the height of
/// its ordinary text, which a marker's box is compared with.
fn ordinary_height(words: &[OcrWord]) -> Option<f32> {
    let mut heights: Vec<f32> = words
        .iter()
        .filter(|w| w.text.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
        .filter_map(|w| w.bbox.map(|b| b.height()))
        .filter(|h| h.is_finite() && *h > 0.0)
        .collect();
    if heights.is_empty() {
        return None;
    }
    heights.sort_by(f32::total_cmp);
    Some(heights[heights.len() / 2])
}

/// Without a stated baseline: the lowest bottom edge shared by most of the line's words
/// (descenders reach below it, so the median of the bottoms is a fair stand-in).
fn baseline_of(words: &[OcrWord]) -> Option<f32> {
    let mut bottoms: Vec<f32> = words.iter().filter_map(|w| w.bbox.map(|b| b.y1)).collect();
    if bottoms.is_empty() {
        return None;
    }
    bottoms.sort_by(f32::total_cmp);
    Some(bottoms[bottoms.len() / 2])
}

/// Whether a word's box shows it raised above the line: short text, a box clearly smaller
/// than the line's ordinary words, its bottom clearly above the baseline. A line's first
/// word is raised only when it is a numbered note label: a list bullet is small and sits
/// above the baseline too, and OCR reads it as `e`, `o`, `*`, `°`, `¢` or `=`.
fn boxed_script(
    word: &OcrWord,
    ordinary: Option<f32>,
    baseline: Option<f32>,
    first: bool,
) -> Script {
    let (Some(b), Some(h), Some(base)) = (word.bbox, ordinary, baseline) else {
        return Script::Normal;
    };
    let chars = word.text.trim().chars().count();
    if chars == 0 || chars > RAISED_MAX_CHARS {
        return Script::Normal;
    }
    if first && !word.text.trim().chars().all(|c| c.is_ascii_digit()) {
        return Script::Normal;
    }
    if b.height() <= RAISED_HEIGHT * h && b.y1 <= base - RAISED_LIFT * h {
        Script::Super
    } else {
        Script::Normal
    }
}

/// An attribute's value with its entities resolved; as written when they do not resolve.
pub(super) fn attribute_value(a: &quick_xml::events::attributes::Attribute) -> String {
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .map(|v| v.into_owned())
        .unwrap_or_else(|_| a.value.to_string())
}

/// Parses the numbers after a key in an hOCR title or an ALTO attribute, skipping what does
/// not parse; non-finite values are dropped.
pub(super) fn numbers(s: &str) -> Vec<f32> {
    s.split_whitespace()
        .filter_map(|t| t.parse::<f32>().ok())
        .filter(|v| v.is_finite())
        .collect()
}

/// A box from four numbers `x0 y0 x1 y1`, when they make one.
pub(super) fn rect(v: &[f32]) -> Option<Rect> {
    match v {
        [x0, y0, x1, y1, ..] if x1 >= x0 && y1 >= y0 => Some(Rect {
            x0: *x0,
            y0: *y0,
            x1: *x1,
            y1: *y1,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x0: f32, y0: f32, x1: f32, y1: f32) -> OcrWord {
        OcrWord {
            text: text.into(),
            bbox: rect(&[x0, y0, x1, y1]),
            ..Default::default()
        }
    }

    #[test]
    fn a_small_raised_number_is_a_superscript_and_a_number_in_the_line_is_not() {
        let page = OcrPage {
            number: 1,
            bbox: rect(&[0.0, 0.0, 1000.0, 1000.0]),
            scale: 72.0 / 200.0,
            lines: vec![OcrLine {
                bbox: rect(&[100.0, 100.0, 600.0, 130.0]),
                baseline: Some(125.0),
                text_height: Some(28.0),
                words: vec![
                    word("Rivers", 100.0, 100.0, 180.0, 125.0),
                    word("rose", 190.0, 105.0, 240.0, 125.0),
                    word("12", 250.0, 105.0, 270.0, 125.0),
                    word("percent.", 280.0, 105.0, 380.0, 130.0),
                    word("4", 385.0, 98.0, 393.0, 112.0),
                ],
            }],
        };
        let page = page.into_page();
        let line = &page.lines[0];
        assert_eq!(line.text(), "Rivers rose 12 percent.4");
        let scripts: Vec<Script> = line.spans.iter().map(|s| s.style.script).collect();
        assert_eq!(
            scripts,
            [
                Script::Normal,
                Script::Normal,
                Script::Normal,
                Script::Normal,
                Script::Super
            ]
        );
        // 28 px at 200 dpi is about 10 points.
        let size = line.spans[0].style.size.unwrap();
        assert!((size - 10.08).abs() < 0.01, "{size}");
        assert!(line.spans[4].style.size.unwrap() < size);
        assert!((page.size.unwrap().width - 360.0).abs() < 0.01);
    }

    #[test]
    fn a_raised_digit_in_a_word_with_character_boxes_is_cut_off_but_a_misread_glyph_is_not() {
        let boxed = |text: &str, x0: f32, chars: &[(&str, f32, f32)]| {
            let mut w = word(text, x0, 100.0, x0 + 20.0 * chars.len() as f32, 125.0);
            let mut x = x0;
            w.chars = chars
                .iter()
                .map(|(t, top, bottom)| {
                    x += 20.0;
                    (rect(&[x - 20.0, *top, x - 2.0, *bottom]), t.to_string())
                })
                .collect();
            w
        };
        let page = OcrPage {
            number: 1,
            bbox: rect(&[0.0, 0.0, 1000.0, 1000.0]),
            scale: 1.0,
            lines: vec![OcrLine {
                baseline: Some(125.0),
                words: vec![
                    boxed(
                        "Rivers",
                        0.0,
                        &[
                            ("R", 100.0, 125.0),
                            ("i", 100.0, 125.0),
                            ("v", 105.0, 125.0),
                            ("e", 105.0, 125.0),
                            ("r", 105.0, 125.0),
                            ("s", 105.0, 125.0),
                        ],
                    ),
                    boxed(
                        "rose.4",
                        200.0,
                        &[
                            ("r", 105.0, 125.0),
                            ("o", 105.0, 125.0),
                            ("s", 105.0, 125.0),
                            ("e", 105.0, 125.0),
                            (".", 120.0, 125.0),
                            ("4", 98.0, 112.0),
                        ],
                    ),
                    boxed(
                        "fell.!",
                        300.0,
                        &[
                            ("f", 100.0, 125.0),
                            ("e", 105.0, 125.0),
                            ("l", 100.0, 125.0),
                            ("l", 100.0, 125.0),
                            (".", 120.0, 125.0),
                            ("!", 98.0, 112.0),
                        ],
                    ),
                    boxed(
                        "said.”",
                        400.0,
                        &[
                            ("s", 105.0, 125.0),
                            ("a", 105.0, 125.0),
                            ("i", 100.0, 125.0),
                            ("d", 100.0, 125.0),
                            (".", 120.0, 125.0),
                            ("”", 98.0, 110.0),
                        ],
                    ),
                ],
                ..Default::default()
            }],
        };
        let line = &page.into_page().lines[0];
        assert_eq!(line.text(), "Rivers rose.4 fell.! said.”");
        let scripts: Vec<(&str, Script)> = line
            .spans
            .iter()
            .map(|s| (s.text.trim(), s.style.script))
            .collect();
        assert_eq!(
            scripts,
            [
                ("Rivers", Script::Normal),
                ("rose.", Script::Normal),
                ("4", Script::Super),
                ("fell.!", Script::Normal),
                ("said.”", Script::Normal)
            ]
        );
    }

    #[test]
    fn lines_without_words_are_left_out() {
        let page = OcrPage {
            number: 1,
            scale: 1.0,
            lines: vec![OcrLine::default()],
            ..Default::default()
        };
        assert!(page.into_page().lines.is_empty());
    }
}
