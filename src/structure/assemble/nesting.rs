//! List nesting: each item's depth from its marker family and indentation.

use crate::structure::classify::BulletClass;

/// The deepest list level kept: an XML parser refuses elements nested past 256 by
/// default (a JATS list level is two), CommonMark readers stop nesting well before, and
/// no document's outline goes near it. Deeper items are set at this level.
pub const MAX_LIST_DEPTH: usize = 32;

/// Depths for a run of list items from their marker family and indentation.
///
/// With varying indentation (layout text, PDF), indentation decides; without it, the
/// conventional order of bullet families does (•, then ◦, then ▪; numbers, then letters).
pub fn nest(items: &[(BulletClass, f32)], tolerance: f32) -> Vec<usize> {
    let min = items.iter().map(|i| i.1).fold(f32::INFINITY, f32::min);
    let max = items.iter().map(|i| i.1).fold(f32::NEG_INFINITY, f32::max);
    let by_indent = max - min > tolerance;
    let mut stack: Vec<(f32, f32, bool)> = Vec::new(); // (indent, rank, ordered)
    let mut depths = Vec::with_capacity(items.len());
    // Glyphs without a conventional level (‣, ✓, ❖…) take the level where they first
    // appear: at the top if they open the list, else under the item before them.
    let mut dynamic: Vec<(BulletClass, f32)> = Vec::new();
    for &(class, indent) in items {
        let rank = if class.conventional() {
            class.rank()
        } else if let Some(&(_, r)) = dynamic.iter().find(|(c, _)| *c == class) {
            r
        } else {
            let r = stack.last().map_or(0.25, |top| top.1 + 0.6);
            dynamic.push((class, r));
            r
        };
        let deeper = |top: &(f32, f32, bool)| {
            if by_indent {
                indent > top.0 + tolerance
            } else {
                rank > top.1
            }
        };
        let same = |top: &(f32, f32, bool)| {
            if by_indent {
                (indent - top.0).abs() <= tolerance
            } else {
                rank == top.1
            }
        };
        while let Some(top) = stack.last() {
            if same(top) || deeper(top) {
                break;
            }
            stack.pop();
        }
        match stack.last() {
            Some(top) if same(top) => {
                let len = stack.len();
                stack[len - 1] = (indent, rank, class.ordered());
            }
            _ => stack.push((indent, rank, class.ordered())),
        }
        depths.push(stack.len());
    }
    depths
}

#[cfg(test)]
mod tests {
    use super::*;
    use BulletClass::*;

    #[test]
    fn nesting_by_family_without_indentation() {
        let items = [
            (Disc, 0.0),
            (Circle, 0.0),
            (Circle, 0.0),
            (Disc, 0.0),
            (Circle, 0.0),
            (Square, 0.0),
            (Square, 0.0),
            (Circle, 0.0),
            (Disc, 0.0),
        ];
        assert_eq!(nest(&items, 1.0), vec![1, 2, 2, 1, 2, 3, 3, 2, 1]);
        // An unconventional glyph first, then the usual bullet under it.
        assert_eq!(
            nest(&[(Arrow, 0.0), (Disc, 0.0), (Disc, 0.0), (Arrow, 0.0)], 1.0),
            vec![1, 2, 2, 1]
        );
        // A list that starts with a hollow bullet does not start at depth 2.
        assert_eq!(nest(&[(Circle, 0.0), (Disc, 0.0)], 1.0), vec![1, 1]);
        // Bullets under numbered items nest; the numbering resumes at depth 1.
        assert_eq!(
            nest(
                &[(Number, 0.0), (Circle, 0.0), (Circle, 0.0), (Number, 0.0)],
                1.0
            ),
            vec![1, 2, 2, 1]
        );
        assert_eq!(
            nest(&[(Number, 0.0), (Disc, 0.0), (Number, 0.0)], 1.0),
            vec![1, 2, 1]
        );
    }

    #[test]
    fn nesting_by_indentation() {
        let items = [
            (Disc, 0.0),
            (Circle, 4.0),
            (Circle, 4.0),
            (Disc, 0.0),
            (Disc, 8.0),
        ];
        assert_eq!(nest(&items, 1.0), vec![1, 2, 2, 1, 2]);
    }
}
