//! Captions: a paragraph that opens with a caption label ("Table 3:", "Fig. 2.") becomes
//! the caption of the table it is printed right above or below, or, when it names a figure,
//! a figure of its own (the picture is not converted; its caption is what the text holds).
//!
//! "Right above or below" is in reading order: nothing but whitespace between the caption
//! and the table, both on one page. Captions are taken on one side, the document's: above
//! the table, as most styles set them, or below where more than one caption touches a
//! table from below and more do so than from above. A caption on the other side (under one table, it may
//! head the next one, not found as a table) stays a paragraph as printed, as does a second
//! caption for a table.

use crate::caption_labels::{
    CaptionOpening, Captioned, bold_label, caption_opening, lone_caption_label,
};
use crate::model::CaptionSide;
use crate::rich;

use super::assemble::{Draft, DraftCaption, Placed};

/// Ties captions to their tables and turns figure captions into figures.
pub fn attach(drafts: &mut Vec<Placed>) {
    let labels: Vec<Option<(String, Captioned)>> = drafts.iter().map(label).collect();
    let is_table = |i: usize| matches!(drafts[i].draft, Draft::Table { .. });
    // Whether the block at `a` is followed by the block at `b` with nothing between them.
    let touch = |a: usize, b: usize| {
        drafts[a].last + 1 == drafts[b].first && drafts[a].page == drafts[b].page
    };
    // Each table caption's candidate tables: the one right under it, the one right over it.
    let sides: Vec<(usize, Option<usize>, Option<usize>)> = labels
        .iter()
        .enumerate()
        .filter(|(_, l)| l.as_ref().is_some_and(|(_, c)| *c == Captioned::Table))
        .map(|(i, _)| {
            let under =
                (i + 1 < drafts.len() && is_table(i + 1) && touch(i, i + 1)).then_some(i + 1);
            let over = (i > 0 && is_table(i - 1) && touch(i - 1, i)).then_some(i - 1);
            (i, under, over)
        })
        .collect();
    // How many captions touch a table on each side.
    let above = sides.iter().filter(|(_, under, _)| under.is_some()).count();
    let below = sides.iter().filter(|(_, _, over)| over.is_some()).count();
    // Captions go above tables in most styles; below only where the document shows it
    // more than once and more often (a caption under one table may head the next one).
    let usual = if below >= 2 && below > above {
        CaptionSide::Below
    } else {
        CaptionSide::Above
    };
    // caption index -> table index; a table takes one caption, on the usual side.
    let mut taken: Vec<Option<usize>> = vec![None; drafts.len()];
    let mut captioned = vec![false; drafts.len()];
    for &(i, under, over) in &sides {
        let table = match usual {
            CaptionSide::Above => under,
            CaptionSide::Below => over,
        };
        if let Some(t) = table
            && !captioned[t]
        {
            taken[i] = Some(t);
            captioned[t] = true;
        }
    }
    let mut captions: Vec<Option<DraftCaption>> = vec![None; drafts.len()];
    for (i, slot) in taken.iter().enumerate() {
        if let (Some(t), Some((label, _)), Draft::Para { text }) =
            (slot, &labels[i], &drafts[i].draft)
        {
            captions[*t] = Some(DraftCaption {
                label: label.clone(),
                text: text.clone(),
                side: usual,
            });
        }
    }
    let old = std::mem::take(drafts);
    for (i, mut placed) in old.into_iter().enumerate() {
        if taken[i].is_some() {
            continue;
        }
        if let Draft::Table { caption, .. } = &mut placed.draft {
            *caption = captions[i].take();
        }
        if let (Some((label, Captioned::Figure)), Draft::Para { text }) =
            (&labels[i], &placed.draft)
        {
            placed.draft = Draft::Figure {
                caption: Some(DraftCaption {
                    label: label.clone(),
                    text: text.clone(),
                    side: CaptionSide::Above,
                }),
                lettering: Vec::new(),
            };
        }
        drafts.push(placed);
    }
    join_lettering(drafts);
}

/// Joins a figure known only by its caption to the lettering of the chart or diagram it
/// touches (right before or after it on its page, with no caption of its own): one
/// figure, captioned, holding its drawn text.
fn join_lettering(drafts: &mut Vec<Placed>) {
    // A figure that is its caption alone, or its lettering alone.
    let caption_only = |d: &Draft| matches!(d, Draft::Figure { caption: Some(_), lettering } if lettering.is_empty());
    let lettering_only = |d: &Draft| matches!(d, Draft::Figure { caption: None, lettering } if !lettering.is_empty());
    let old = std::mem::take(drafts);
    for placed in old {
        let Some(prev) = drafts.last_mut().filter(|prev| {
            prev.page == placed.page
                && prev.last + 1 == placed.first
                && (caption_only(&prev.draft) && lettering_only(&placed.draft)
                    || lettering_only(&prev.draft) && caption_only(&placed.draft))
        }) else {
            drafts.push(placed);
            continue;
        };
        // Both are figures (the filter says so): the caption joins the lettering.
        if let (
            Draft::Figure { caption, lettering },
            Draft::Figure {
                caption: c,
                lettering: l,
            },
        ) = (&mut prev.draft, placed.draft)
        {
            if caption.is_none() {
                // Under the drawing: its lettering is read first.
                *caption = c.map(|c| DraftCaption {
                    side: CaptionSide::Below,
                    ..c
                });
            } else {
                *lettering = l;
            }
        }
        prev.last = placed.last;
    }
}

/// The caption label a paragraph opens with, and what it names: a label with its stop
/// ("Table 3:", "Fig. 2."), one standing alone ("TABLE IV"), or one set in bold at the
/// paragraph's start with no stop ("**Table 1** Composition of …", "**Fig. 1 Yields**"):
/// type set apart is no sentence that names a table.
fn label(placed: &Placed) -> Option<(String, Captioned)> {
    let Draft::Para { text } = &placed.draft else {
        return None;
    };
    let plain = rich::plain(text);
    let plain = plain.trim();
    let opening: CaptionOpening = caption_opening(plain)
        .or_else(|| lone_caption_label(plain))
        .or_else(|| bold_label(text))?;
    let label = opening
        .label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some((label, opening.captioned))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, order: usize) -> Placed {
        placed(
            Draft::Para {
                text: text.to_string(),
            },
            order,
        )
    }

    fn table(order: usize) -> Placed {
        let draft = Draft::Table {
            rows: vec![vec!["Year".into(), "Total".into()]],
            head: Default::default(),
            notes: Vec::new(),
            caption: None,
        };
        placed(draft, order)
    }

    fn placed(draft: Draft, order: usize) -> Placed {
        Placed {
            draft,
            first: order,
            last: order,
            page: 1,
            origins: Vec::new(),
        }
    }

    /// Each block: "T" a table (with its caption's label and side), "F" a figure, "P" a
    /// paragraph.
    fn shape(drafts: &[Placed]) -> Vec<String> {
        drafts
            .iter()
            .map(|p| match &p.draft {
                Draft::Table { caption: None, .. } => "T".to_string(),
                Draft::Table {
                    caption: Some(c), ..
                } => format!("T {} {:?}", c.label, c.side),
                Draft::Figure {
                    caption: Some(c), ..
                } => format!("F {}", c.label),
                _ => "P".to_string(),
            })
            .collect()
    }

    fn lettering(order: usize) -> Placed {
        placed(
            Draft::Figure {
                caption: None,
                lettering: vec!["Memory".into(), "Sequencer".into()],
            },
            order,
        )
    }

    #[test]
    fn a_figure_caption_touching_a_drawings_lettering_captions_it() {
        let bold = format!(
            "{}Figure 1-1 Processor architecture{}",
            rich::BOLD_ON,
            rich::BOLD_OFF
        );
        let mut drafts = vec![
            lettering(0),
            para(&bold, 1),
            para("Fig. 2: Rainfall", 2),
            para("The text goes on.", 3),
            lettering(4),
        ];
        attach(&mut drafts);
        assert_eq!(shape(&drafts), ["F Figure 1-1", "F Fig. 2", "P", "P"]);
        assert!(matches!(
            &drafts[0].draft,
            Draft::Figure { lettering, .. } if lettering.len() == 2
        ));
        // The drawing after the paragraph has no caption of its own to take ("P" in the
        // shape: a figure without a caption).
        assert!(matches!(
            &drafts[3].draft,
            Draft::Figure { caption: None, lettering } if lettering.len() == 2
        ));
    }

    #[test]
    fn a_table_caption_goes_to_the_table_it_touches() {
        let bold = format!("{}Table 1:{} Yields", rich::BOLD_ON, rich::BOLD_OFF);
        let mut drafts = vec![
            para(&bold, 0),
            table(1),
            para("Table 1 shows the yields.", 2),
            para("Fig. 2. Rainfall by month", 3),
            para("Figure 3 shows the rest.", 4),
            para(
                &format!("{}Fig. 4 Yields{} by month", rich::BOLD_ON, rich::BOLD_OFF),
                5,
            ),
        ];
        attach(&mut drafts);
        assert_eq!(
            shape(&drafts),
            ["T Table 1 Above", "P", "F Fig. 2", "P", "F Fig. 4"],
            "a sentence naming a table or figure is no caption; a bold label needs no stop"
        );
    }

    #[test]
    fn no_caption_without_a_table_right_next_to_it() {
        // A block between them, or a gap in the reading order (a note taken out), or
        // another page.
        let mut apart = vec![para("Table 1: Yields", 0), table(2)];
        attach(&mut apart);
        assert_eq!(shape(&apart), ["P", "T"]);
        let mut other_page = vec![table(0), para("TABLE IV", 1)];
        other_page[1].page = 2;
        attach(&mut other_page);
        assert_eq!(shape(&other_page), ["T", "P"]);
        let mut listing = vec![para("Listing 1: Code", 0), table(1)];
        attach(&mut listing);
        assert_eq!(shape(&listing), ["P", "T"]);
    }

    #[test]
    fn captions_are_taken_on_the_side_the_document_sets_them() {
        // Captions printed below their tables: the one in the middle is the first table's.
        let mut below = vec![
            table(0),
            para("Table 1: Costs", 1),
            table(2),
            para("Table 2: Yields", 3),
        ];
        attach(&mut below);
        assert_eq!(shape(&below), ["T Table 1 Below", "T Table 2 Below"]);
        // Captions above: the middle one is the second table's, the first keeps its own.
        let mut above = vec![
            para("Table 1: Costs", 0),
            table(1),
            para("Table 2: Yields", 2),
            table(3),
        ];
        attach(&mut above);
        assert_eq!(shape(&above), ["T Table 1 Above", "T Table 2 Above"]);
        // One caption under a table may head the next table, not found: it stays as printed.
        let mut one_below = vec![table(0), para("Table 2: Ages", 1)];
        attach(&mut one_below);
        assert_eq!(shape(&one_below), ["T", "P"]);
        // A table takes one caption; the other stays a paragraph as printed.
        let mut two = vec![
            para("Table 1: Costs", 0),
            table(1),
            para("Exhibit 2: Yields", 2),
        ];
        attach(&mut two);
        assert_eq!(shape(&two), ["T Table 1 Above", "P"]);
    }
}
