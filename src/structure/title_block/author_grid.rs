//! Authors set side by side in a PDF's title block, each heading a column of their own
//! details: the name, then the department, the institution and the e-mail address stacked
//! under it (the IEEE conference template). The zone's reading order runs down one column
//! after another, so neither the names nor one author's details come one after another;
//! the positions show the grid.

use crate::lines::TextLine;

use super::people::is_person;

/// Names on one row, at most: more is a table's header.
const MOST_COLUMNS: usize = 6;

/// Detail lines under a name, at most.
const MOST_DETAILS: usize = 4;

/// Baselines of a column's lines lie at most this many of the name's ems apart.
const LINE_PITCH: f32 = 2.0;

/// One author of the grid: the zone index of the name's line and of its detail lines.
pub(super) struct GridAuthor {
    pub(super) name: usize,
    pub(super) details: Vec<usize>,
}

/// The grid of authors whose row of names holds zone line `i`: two to six lines on its
/// baseline, at about its size, each a person's name, and under each name one to four
/// lines stacked at a line's pitch within the name's column (between the midpoints to the
/// neighbouring names). Every column needs a detail: names alone on a row are read as
/// names side by side, and a row with nothing under it is no grid.
pub(super) fn author_grid(zone: &[TextLine], i: usize) -> Option<Vec<GridAuthor>> {
    let g = zone[i].geometry?;
    let size = g.font_size.max(4.0);
    let page = zone[i].page;
    let mut row: Vec<(usize, f32, f32)> = zone
        .iter()
        .enumerate()
        .filter(|(_, l)| l.page == page)
        .filter_map(|(k, l)| l.geometry.map(|h| (k, h)))
        .filter(|(_, h)| {
            (h.baseline - g.baseline).abs() <= 0.3 * size
                && (h.font_size - g.font_size).abs() <= 0.2 * size
        })
        .map(|(k, h)| (k, h.bbox.x0, h.bbox.x1))
        .collect();
    if !(2..=MOST_COLUMNS).contains(&row.len())
        || !row.iter().all(|&(k, ..)| is_person(zone[k].plain().trim()))
    {
        return None;
    }
    row.sort_by(|a, b| a.1.total_cmp(&b.1));
    // Names apart: no two overlap across.
    if row.windows(2).any(|w| w[1].1 < w[0].2) {
        return None;
    }
    let centre = |&(_, x0, x1): &(usize, f32, f32)| (x0 + x1) / 2.0;
    let mut authors = Vec::with_capacity(row.len());
    for (c, name) in row.iter().enumerate() {
        let left = c.checked_sub(1).map_or(f32::NEG_INFINITY, |p| {
            (centre(&row[p]) + centre(name)) / 2.0
        });
        let right = row
            .get(c + 1)
            .map_or(f32::INFINITY, |n| (centre(name) + centre(n)) / 2.0);
        let mut under: Vec<(usize, f32)> = zone
            .iter()
            .enumerate()
            .filter(|(k, l)| l.page == page && !row.iter().any(|r| r.0 == *k))
            .filter_map(|(k, l)| l.geometry.map(|h| (k, h)))
            .filter(|(_, h)| h.baseline > g.baseline && h.bbox.x0 >= left && h.bbox.x1 <= right)
            .map(|(k, h)| (k, h.baseline))
            .collect();
        under.sort_by(|a, b| a.1.total_cmp(&b.1));
        let mut details = Vec::new();
        let mut last = g.baseline;
        for (k, baseline) in under {
            if baseline - last > LINE_PITCH * size || details.len() == MOST_DETAILS {
                break;
            }
            details.push(k);
            last = baseline;
        }
        if details.is_empty() {
            return None;
        }
        authors.push(GridAuthor {
            name: name.0,
            details,
        });
    }
    Some(authors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::test_placed;

    /// IEEE's title block: three names on one row, their details stacked under each, then
    /// the abstract across the column below.
    fn block(second_name: &str) -> Vec<TextLine> {
        let at = |t: &str, x0: f32, x1: f32, y: f32, s: f32| test_placed(t, 1, x0, x1, y, s);
        vec![
            at("Muhammad Atif Iqbal", 89.0, 188.0, 138.6, 11.0),
            at("Department of Computer Sciences,", 63.0, 214.0, 151.3, 11.0),
            at("NUST, Pakistan", 103.0, 174.0, 163.9, 11.0),
            at(second_name, 258.0, 353.0, 139.4, 12.0),
            at(
                "Department of Computer Sciences,",
                230.0,
                381.0,
                152.4,
                11.0,
            ),
            at("NUST, Pakistan", 270.0, 341.0, 165.1, 11.0),
            at("Saeed Murtaza", 428.0, 518.0, 139.4, 12.0),
            at("School of Engineering,", 397.0, 549.0, 152.4, 11.0),
            at(
                "Abstract. As compared to bespoke software development,",
                62.0,
                296.0,
                200.0,
                9.0,
            ),
        ]
    }

    #[test]
    fn names_in_a_row_each_over_their_details_are_a_grid() {
        let zone = block("Athar Mohsin Zaidi");
        let grid = author_grid(&zone, 0).expect("a grid");
        let read: Vec<(usize, Vec<usize>)> =
            grid.iter().map(|a| (a.name, a.details.clone())).collect();
        assert_eq!(read, [(0, vec![1, 2]), (3, vec![4, 5]), (6, vec![7])]);
        // Found from any of its names.
        assert_eq!(author_grid(&zone, 6).map(|g| g.len()), Some(3));
    }

    #[test]
    fn a_row_that_is_not_all_names_or_has_nothing_under_a_name_is_no_grid() {
        // A table's header: "Hours" is no person's name.
        assert!(author_grid(&block("Hours"), 0).is_none());
        // A name with nothing under it.
        let mut zone = block("Athar Mohsin Zaidi");
        zone.truncate(7);
        assert!(author_grid(&zone, 0).is_none());
    }
}
