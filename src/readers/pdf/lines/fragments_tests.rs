//! Fragments: how pieces relate to a line, scripts set against their bases, and the
//! window a piece looks back over for its line.

use super::*;

#[test]
fn relations() {
    assert_eq!(relation(100.0, 10.0, 100.5, 10.0, 0.0), Relation::Same);
    assert_eq!(relation(100.0, 10.0, 96.0, 7.0, 0.0), Relation::Super);
    assert_eq!(relation(100.0, 10.0, 102.0, 7.0, 0.0), Relation::Sub);
    // The next line down is not a subscript.
    assert_eq!(relation(100.0, 10.0, 112.0, 10.0, 0.0), Relation::Apart);
    assert_eq!(relation(100.0, 10.0, 88.0, 7.0, 0.0), Relation::Apart);
    // Body text beside a drop cap four times its size is not a script of it.
    assert_eq!(relation(100.0, 40.0, 80.0, 10.0, 0.0), Relation::Apart);
    assert_eq!(relation(100.0, 40.0, 110.0, 10.0, 0.0), Relation::Apart);
    // A footnote marker raised half the size, and the superscript of a stacked pair
    // (raised further to clear the subscript), stay scripts.
    assert_eq!(relation(392.8, 10.0, 387.6, 7.0, 0.0), Relation::Super);
    assert_eq!(relation(183.7, 10.9, 177.9, 8.0, 0.0), Relation::Super);
    assert_eq!(relation(254.7, 12.0, 246.7, 9.0, 0.0), Relation::Super);
}

pub(in crate::readers::pdf::lines) fn piece(
    text: &str,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    order: usize,
) -> Piece {
    Piece {
        dir: Dir::default(),
        x0,
        x1,
        y,
        size,
        font: 0,
        invisible: false,
        rise: 0.0,
        text: text.to_string(),
        space_before: false,
        prev: order.checked_sub(1),
        order,
        logical: false,
        mark: 0,
    }
}

#[test]
fn slightly_shifted_smaller_type_set_tight_is_a_script() {
    // ζₙ of an arXiv page (12 pt text, 9 pt script): lowered 2.13 pt, under a quarter
    // of the script's size, so on the line by the quarter-em rule alone.
    assert_eq!(relation(165.32, 11.96, 167.45, 8.97, 0.0), Relation::Same);
    assert_eq!(
        tight_relation(165.32, 11.96, 167.45, 8.97, 0.0),
        Relation::Sub
    );
    let cases = [
        // K₃,₃ in a figure label (9 pt, 6 pt script lowered 1 pt), and a raised one.
        (496.5, 8.97, 497.49, 5.98, Relation::Sub),
        (100.0, 10.0, 98.5, 7.0, Relation::Super),
        // TeX's lowered E in the LaTeX logo keeps the line's size; small capitals
        // keep its baseline; a shift under a tenth of the size is jitter.
        (347.51, 10.91, 349.86, 10.91, Relation::Same),
        (100.0, 10.0, 100.0, 8.0, Relation::Same),
        (100.0, 10.0, 100.8, 7.0, Relation::Same),
        // Further off, the relation is the ordinary one.
        (100.0, 10.0, 112.0, 10.0, Relation::Apart),
    ];
    for (base, main, y, size, want) in cases {
        assert_eq!(tight_relation(base, main, y, size, 0.0), want, "{y} {size}");
    }
}

#[test]
fn a_note_mark_a_step_smaller_and_raised_tight_is_a_script() {
    // Word's note mark after "pedia" (grobid/footnotes-test): 9 pt against 10.02 pt,
    // raised 3 pt. Above the script sizes, so apart by the ordinary relation.
    assert_eq!(relation(563.6, 10.02, 560.6, 9.0, 0.0), Relation::Apart);
    assert_eq!(
        tight_relation(563.6, 10.02, 560.6, 9.0, 0.0),
        Relation::Super
    );
    let cases = [
        // The line's own size raised as much: no script.
        (563.6, 10.02, 560.6, 10.02, Relation::Apart),
        // Raised more than half the line's type: the line above.
        (563.6, 10.02, 557.0, 9.0, Relation::Apart),
        // Lowered as much: not a note mark's place.
        (563.6, 10.02, 566.6, 9.0, Relation::Apart),
    ];
    for (base, main, y, size, want) in cases {
        assert_eq!(tight_relation(base, main, y, size, 0.0), want, "{y} {size}");
    }
}

#[test]
fn a_script_is_set_tight_against_its_base() {
    let zeta = piece("\u{3b6}", 252.91, 258.22, 165.32, 11.96, 0);
    let n = piece("n", 258.90, 263.88, 167.45, 8.97, 1);
    assert!(tight_after((0, &zeta), &n) && shifted_from(&zeta, &n));
    // A word space before it (a bullet, a gutter's line number, an OCR word) or a
    // space glyph is no script's setting.
    let apart = piece("n", 261.5, 266.5, 167.45, 8.97, 1);
    assert!(!tight_after((0, &zeta), &apart));
    let spaced = Piece {
        space_before: true,
        ..n.clone()
    };
    assert!(!tight_after((0, &zeta), &spaced));
    // Text continuing on the base's own baseline is not shifted from it.
    let on_line = piece("-", 258.9, 262.0, 165.6, 9.0, 1);
    assert!(!shifted_from(&zeta, &on_line));
}

#[test]
fn a_subscript_drawn_after_its_superscript_joins_its_base() {
    // ζₙ^ψ(gs) = as TeX draws it: the base, the superscript, then the subscript back
    // under it, then the rest of the line.
    let pieces = vec![
        piece("\u{3bb}", 205.99, 213.22, 165.32, 11.96, 0),
        piece("=", 222.24, 231.93, 165.32, 12.46, 1),
        piece("\u{2211}", 236.66, 249.50, 167.80, 16.74, 2),
        piece("\u{3b6}", 252.91, 258.22, 165.32, 11.96, 3),
        piece("\u{3c8}", 259.08, 264.90, 158.73, 8.97, 4),
        piece("(", 265.13, 268.76, 158.73, 9.34, 5),
        piece("gs", 269.17, 277.37, 158.73, 8.97, 6),
        piece(")", 277.59, 281.23, 158.73, 9.34, 7),
        piece("n", 258.90, 263.88, 167.45, 8.97, 8),
        piece("=", 285.29, 294.98, 165.32, 12.46, 9),
    ];
    let groups = group(&pieces);
    assert_eq!(groups.len(), 1, "{groups:?}");
    // A word of the line's size drawn back over the line (an OCR layer's neighbouring
    // line) is no script of it.
    let mut ocr = pieces.clone();
    ocr[8] = piece("kindly", 253.5, 281.0, 167.45, 11.96, 8);
    assert!(group(&ocr).len() > 1);
}

#[test]
fn zero_width_spaces_do_not_push_a_base_out_of_reach() {
    // ∇×B = μ₀J + μ₀ε₀ ∂E/∂t as a browser's PDF draws it: the bases, a zero-width
    // space after each atom, then the subscripts back under the bases, then the
    // fraction below and above the line.
    let zw = |x: f32, order| piece("\u{200b}", x, x + 0.19, 477.75, 0.75, order);
    let pieces = vec![
        piece("B", 512.54, 522.23, 478.5, 14.52, 0),
        piece("=", 526.27, 534.45, 478.5, 14.52, 1),
        piece("\u{3bc}", 538.49, 546.76, 478.5, 14.52, 2),
        zw(552.56, 3),
        piece("J", 552.56, 559.82, 478.5, 14.52, 4),
        piece("+", 563.05, 571.24, 478.5, 14.52, 5),
        piece("0", 546.76, 551.84, 480.0, 10.16, 6),
        piece("\u{3bc}", 574.46, 582.73, 478.5, 14.52, 7),
        zw(588.54, 8),
        piece("\u{3b5}", 588.54, 594.98, 478.5, 14.52, 9),
        zw(600.79, 10),
        zw(620.94, 11),
        piece("0", 582.74, 587.82, 480.0, 10.16, 12),
        piece("0", 594.98, 600.07, 480.0, 10.16, 13),
        piece("\u{2202}", 605.34, 612.52, 488.25, 14.52, 14),
        piece("t", 613.32, 617.36, 488.25, 14.52, 15),
    ];
    let groups = group(&pieces);
    let line = groups.iter().find(|g| g.contains(&9)).expect("the line");
    assert!(line.contains(&12) && line.contains(&13), "{groups:?}");
    assert!(!line.contains(&14), "{groups:?}");
    // Four fragments of visible text still bound the look back.
    let frags: Vec<Frag> = (0..7)
        .map(|k| {
            Frag::new(
                k,
                &piece(
                    if k % 2 == 0 { "a" } else { "\u{200b}" },
                    0.0,
                    1.0,
                    10.0 * k as f32,
                    9.0,
                    k,
                ),
            )
        })
        .collect();
    assert_eq!(
        window(&frags).collect::<Vec<_>>(),
        vec![6, 5, 4, 3, 2, 1, 0]
    );
    let shown: Vec<Frag> = (0..7)
        .map(|k| Frag::new(k, &piece("a", 0.0, 1.0, 10.0 * k as f32, 9.0, k)))
        .collect();
    assert_eq!(window(&shown).collect::<Vec<_>>(), vec![6, 5, 4, 3]);
}

#[test]
fn a_line_above_a_tilted_line_is_no_script_of_it() {
    // A scanned newspaper's OCR layer: "The Oregon" on one line, then the line under
    // it climbing 6 pt along its length, one word of it read at 13 pt, which sets
    // the line's baseline at its right end; against that baseline "The Oregon" is
    // raised and smaller, but it stands over "for this", words of the line itself.
    let pieces = vec![
        piece("The", 149.47, 166.57, 1765.49, 11.0, 0),
        piece("Oregon", 175.28, 205.27, 1763.83, 10.0, 1),
        piece("for", 140.95, 153.78, 1774.86, 11.0, 2),
        piece("this", 158.94, 176.28, 1775.06, 12.0, 3),
        piece("port", 181.69, 201.02, 1773.68, 12.0, 4),
        piece("on", 205.84, 215.84, 1773.04, 10.0, 5),
        piece("the", 222.19, 235.63, 1773.30, 11.0, 6),
        piece("16th", 241.62, 259.40, 1772.25, 10.0, 7),
        piece("instant.", 265.07, 300.07, 1772.46, 12.0, 8),
        piece("Cap-", 310.30, 327.80, 1770.24, 9.0, 9),
        piece("-", 329.26, 332.26, 1769.10, 9.0, 10),
        piece("May", 340.16, 360.32, 1770.27, 11.0, 11),
        piece("22:", 364.80, 375.02, 1769.53, 8.0, 12),
        piece("thence.", 382.33, 413.79, 1770.57, 11.0, 13),
        piece("May", 420.45, 438.78, 1769.21, 10.0, 14),
        piece("2:", 444.86, 454.97, 1770.61, 13.0, 15),
        piece("arrived", 461.45, 492.60, 1770.32, 11.0, 16),
    ];
    let groups = group(&pieces);
    let line = groups.iter().find(|g| g.contains(&2)).expect("the line");
    assert!(!line.contains(&0) && !line.contains(&1), "{groups:?}");
    // A numerator over a denominator that began its fragment still joins the line:
    // the denominator is no word of the line's type.
    let fraction = vec![
        piece("Sei", 136.34, 150.21, 559.36, 10.91, 0),
        piece("\u{2202}u", 155.02, 164.85, 563.12, 7.97, 1),
        piece("1", 164.85, 168.51, 564.22, 5.98, 2),
        piece("(", 170.20, 174.44, 559.35, 10.91, 3),
        piece("p", 174.44, 179.93, 559.35, 10.91, 4),
        piece(")", 179.93, 184.17, 559.35, 10.91, 5),
    ];
    let mut outer = Frag::new(1, &fraction[1]);
    for k in 2..6 {
        outer.push(k, &fraction[k], &fraction);
    }
    let numerator = Frag::new(6, &piece("\u{2202}F", 156.28, 166.57, 555.06, 7.97, 6));
    let mut all = fraction.clone();
    all.push(piece("\u{2202}F", 156.28, 166.57, 555.06, 7.97, 6));
    assert!(!covers(&outer, &numerator, &all));
}

#[test]
fn baseline_neighbours() {
    assert!(on_baseline(100.0, 10.0, 102.0, 11.0));
    assert!(!on_baseline(100.0, 10.0, 103.0, 11.0));
    assert!(has_word("l'eau") && has_word("12") && !has_word("\u{2014}") && !has_word(";"));
}

#[test]
fn body_lines_beside_a_headline_are_no_scripts_of_it() {
    // A newspaper's OCR layer: a column's lines at 10-11 pt across a 9-pt gutter from
    // a 17-pt headline, one raised, one nearly on its baseline and one lowered against
    // it (drawn in this order); each only looks like a script of the headline.
    let drawn = |words: &[(&str, f32, f32, f32, f32)]| {
        words
            .iter()
            .enumerate()
            .map(|(k, &(t, x0, x1, y, size))| piece(t, x0, x1, y, size, k))
            .collect::<Vec<_>>()
    };
    let pieces = drawn(&[
        ("spectable", 139.5, 180.5, 1686.3, 11.0),
        ("gait", 190.7, 208.7, 1686.2, 12.0),
        ("of", 216.5, 225.7, 1686.3, 11.0),
        ("thirteen", 233.1, 269.7, 1686.5, 12.0),
        ("Knots", 278.1, 302.0, 1685.3, 10.0),
        ("protection,", 139.3, 186.6, 1668.3, 11.0),
        ("but", 193.8, 207.8, 1668.5, 11.0),
        ("in", 213.9, 221.7, 1668.0, 10.0),
        ("spite", 227.6, 248.4, 1667.8, 11.0),
        ("or", 254.6, 263.0, 1666.5, 10.0),
        ("tnis", 268.6, 284.5, 1667.7, 11.0),
        ("tne", 290.9, 304.3, 1666.9, 11.0),
        ("gon", 139.1, 154.1, 1676.9, 10.0),
        ("managed", 160.6, 200.3, 1677.3, 11.0),
        ("to", 209.2, 216.9, 1676.9, 10.0),
        ("maintain", 223.6, 262.1, 1676.7, 11.0),
        ("the", 272.2, 285.6, 1675.6, 11.0),
        ("very", 291.8, 311.4, 1674.2, 11.0),
        ("test", 33.2, 54.0, 1676.6, 15.0),
        ("Economy", 64.4, 129.6, 1679.7, 17.0),
    ]);
    let groups = group(&pieces);
    let headline = groups.iter().find(|g| g.contains(&19)).expect("headline");
    assert_eq!(headline, &vec![18, 19], "{groups:?}");
    assert_eq!(groups.len(), 4, "{groups:?}");
    // A form's boxed field number, larger than the sentence it stands in (drawn after
    // it), keeps the sentence's words on its line on both sides.
    let form = drawn(&[
        ("AUTHORIZATION:", 39.7, 96.0, 523.9, 7.0),
        ("The", 98.0, 110.0, 523.9, 7.0),
        ("registrant", 112.0, 140.0, 523.9, 7.0),
        ("described", 142.0, 168.0, 523.9, 7.0),
        ("in", 170.0, 174.2, 523.9, 7.0),
        ("is", 189.6, 194.0, 523.9, 6.6),
        ("authorized", 196.0, 226.0, 523.9, 6.6),
        ("to", 228.0, 234.0, 523.9, 6.6),
        ("register", 236.0, 259.0, 523.9, 6.6),
        ("the", 261.0, 270.0, 523.9, 6.6),
        ("boat", 272.0, 285.0, 523.9, 6.6),
        ("2", 178.5, 185.0, 526.1, 9.0),
    ]);
    assert_eq!(group(&form).len(), 1, "{:?}", group(&form));
}

#[test]
fn body_text_across_a_gutter_from_a_heading_is_no_script_of_it() {
    // A tax form's instructions: a 17-pt heading, then the next column's 9.5-pt text
    // drawn straight after it, 15 pt right of its end and 3.7 pt below its baseline.
    let mut pieces: Vec<Piece> = (0..6)
        .map(|k| {
            piece(
                "ordinary running words",
                42.0,
                200.0,
                300.0 + 10.0 * k as f32,
                9.5,
                k,
            )
        })
        .collect();
    let n = pieces.len();
    let drawn = [
        ("General", 42.0, 105.3, 201.0, 17.0),
        ("Instructions", 110.1, 207.4, 201.0, 17.0),
        ("deduction.", 222.0, 268.0, 204.7, 9.5),
        ("The", 270.6, 287.0, 204.7, 9.5),
        ("deduction", 289.6, 331.0, 204.7, 9.5),
    ];
    for (k, &(t, x0, x1, y, size)) in drawn.iter().enumerate() {
        pieces.push(piece(t, x0, x1, y, size, n + k));
    }
    let groups = group(&pieces);
    let heading = groups.iter().find(|g| g.contains(&n)).expect("heading");
    assert_eq!(heading, &vec![n, n + 1], "{groups:?}");
    // Control: a note mark set tight against the heading's last word stays on it.
    pieces.truncate(n + 2);
    pieces.push(piece("1", 208.0, 213.0, 195.0, 9.5, n + 2));
    let groups = group(&pieces);
    let heading = groups.iter().find(|g| g.contains(&n)).expect("heading");
    assert_eq!(heading, &vec![n, n + 1, n + 2], "{groups:?}");
}
