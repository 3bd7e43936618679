//! Boxes into the model: the blocks made of one box's lines (see
//! [`crate::layout::boxes`]) are gathered into a [`Block::Boxed`], its opening heading
//! becoming its title.
//!
//! A block counts as the box's only when every piece it was made of lies in that box: a
//! paragraph that joined a box line to running text stays running text, as it was.

use foldhash::{HashMap, HashMapExt};

use crate::lines::TextLine;
use crate::model::{Block, Boxed, Inline};

use super::assemble::{Draft, Placed};
use super::output;
use super::pieces::Piece;

/// Box number of a line claimed by two boxes (the two halves of a line cut by a gutter).
const MIXED: u32 = u32::MAX;

/// The box each piece lies in wholly (0: none), by position.
pub fn piece_boxes(pieces: &[Piece], body: &[TextLine]) -> Vec<u32> {
    if body.iter().all(|l| l.boxed == 0) {
        return vec![0; pieces.len()];
    }
    let mut of_line: HashMap<(usize, usize), u32> = HashMap::new();
    for l in body {
        of_line
            .entry((l.page, l.source_line))
            .and_modify(|b| {
                if *b != l.boxed {
                    *b = MIXED;
                }
            })
            .or_insert(l.boxed);
    }
    pieces
        .iter()
        .map(|p| {
            let mut boxes = p
                .lines
                .iter()
                .map(|&n| of_line.get(&(p.page, n)).copied().unwrap_or(0));
            let first = boxes.next().unwrap_or(0);
            if first != MIXED && boxes.all(|b| b == first) {
                first
            } else {
                0
            }
        })
        .collect()
}

/// The box a block lies in wholly (0: none).
fn box_of(p: &Placed, piece_boxes: &[u32]) -> u32 {
    let at = |i: usize| piece_boxes.get(i).copied().unwrap_or(0);
    let first = at(p.first);
    let all = std::iter::once(p.last)
        .chain(p.origins.iter().map(|o| o.order))
        .all(|i| at(i) == first);
    if all { first } else { 0 }
}

/// The document's blocks, each run of blocks from one box gathered into a box.
pub fn blocks(drafts: Vec<Placed>, piece_boxes: &[u32]) -> Vec<Block> {
    if piece_boxes.iter().all(|&b| b == 0) {
        return output::blocks(drafts);
    }
    let mut out = Vec::new();
    let mut run: Vec<Placed> = Vec::new();
    let mut run_box = 0;
    for p in drafts {
        let b = box_of(&p, piece_boxes);
        if b != run_box && !run.is_empty() {
            flush(std::mem::take(&mut run), run_box, &mut out);
        }
        run_box = b;
        run.push(p);
    }
    flush(run, run_box, &mut out);
    out
}

/// Appends a run of blocks: as they are outside a box, gathered inside one.
fn flush(mut run: Vec<Placed>, boxed: u32, out: &mut Vec<Block>) {
    // Headings alone in a tint are a title band (over a table, atop a page), and a code
    // listing alone on a tint is the listing's own background: neither is a box.
    let band_or_listing = run.iter().all(|p| matches!(p.draft, Draft::Heading { .. }))
        || matches!(run.as_slice(), [p] if matches!(p.draft, Draft::Listing { .. }));
    if boxed == 0 || band_or_listing {
        out.extend(output::blocks(run));
        return;
    }
    let title = match &run[0].draft {
        Draft::Heading { text, .. } if run.len() > 1 => {
            let title = output::inlines(text);
            run.remove(0);
            Some(title).filter(|t| !t.is_empty())
        }
        _ => None,
    };
    let mut blocks = output::blocks(run);
    // A box opening with a line all in bold opens with its title.
    let title = title.or_else(|| match blocks.as_slice() {
        [Block::Paragraph(first), _, ..] => match first.as_slice() {
            [Inline::Strong(bold)] => Some(bold.clone()),
            _ => None,
        },
        _ => None,
    });
    if title.is_some()
        && matches!(blocks.first(), Some(Block::Paragraph(p)) if matches!(p.as_slice(), [Inline::Strong(_)]))
    {
        blocks.remove(0);
    }
    if blocks.is_empty() {
        // Nothing under the title: the title is all the box says.
        match title {
            Some(title) => blocks.push(Block::Paragraph(title)),
            None => return,
        }
        out.push(Block::Boxed(Boxed {
            title: None,
            blocks,
        }));
        return;
    }
    out.push(Block::Boxed(Boxed { title, blocks }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::assemble::Origin;

    fn placed(draft: Draft, order: usize) -> Placed {
        Placed {
            draft,
            first: order,
            last: order,
            page: 1,
            origins: vec![Origin {
                item: None,
                offset: 0,
                order,
            }],
        }
    }

    fn heading(text: &str, order: usize) -> Placed {
        let text = text.into();
        placed(Draft::Heading { level: 2, text }, order)
    }

    fn para(text: &str, order: usize) -> Placed {
        placed(Draft::Para { text: text.into() }, order)
    }

    #[test]
    fn a_run_of_one_box_becomes_a_box_titled_by_its_heading() {
        let drafts = vec![
            para("Body.", 0),
            heading("Key findings", 1),
            para("Inside.", 2),
            para("After.", 3),
        ];
        let blocks = blocks(drafts, &[0, 1, 1, 0]);
        assert_eq!(blocks.len(), 3);
        let Block::Boxed(b) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(b.title, Some(output::inlines("Key findings")));
        assert_eq!(b.blocks, vec![Block::Paragraph(output::inlines("Inside."))]);
    }

    #[test]
    fn a_title_band_a_tinted_listing_and_a_block_half_outside_stay_as_they_are() {
        let listing = placed(
            Draft::Listing {
                text: "exit".into(),
            },
            1,
        );
        for (drafts, boxes) in [
            (
                vec![heading("Appendix", 0), heading("Accidents", 1)],
                vec![1, 1],
            ),
            (vec![para("Body.", 0), listing], vec![0, 1]),
        ] {
            let got = blocks(drafts.clone(), &boxes);
            assert_eq!(got, output::blocks(drafts));
        }
        // A paragraph joining a box line to the body is the body's.
        let mut joined = para("Body and box.", 0);
        joined.last = 1;
        joined.origins.push(Origin {
            item: None,
            offset: 5,
            order: 1,
        });
        let got = blocks(vec![joined.clone()], &[1, 0]);
        assert_eq!(got, output::blocks(vec![joined]));
    }
}
