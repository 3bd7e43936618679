//! A long table broken over pages. Each page's part is found on its own (a grid of rules
//! per page, or columns of cells), and the header the table prints again at each page's
//! top goes as a running header; the later parts then open with a body row, which the
//! table finders take for their header ("Burkina Faso | Ouagadougou | 2453496" as the
//! column names of page 2). Rejoined, the table keeps its one header and every row.

use crate::report::{Action, ActionKind, Report};

use super::assemble::{Draft, Placed};

/// Joins each table to the table right after it in reading order when that one goes on
/// with it over a page break (see [`goes_on`]), and records each join.
pub fn join_over_pages(drafts: &mut Vec<Placed>, report: &mut Report) {
    let mut out: Vec<Placed> = Vec::with_capacity(drafts.len());
    // The page the last table kept in `out` ends on.
    let mut last_page = 0;
    for placed in drafts.drain(..) {
        let page = placed.page;
        match out.last_mut() {
            Some(before) if goes_on(before, last_page, &placed) => {
                append(before, placed);
                report.push(
                    Action::new(ActionKind::Guess)
                        .page(page)
                        .evidence(format!(
                            "table goes on from page {last_page}: as many columns, nothing read between \
                             them over the page break, and its first row is set in the body's \
                             type, not in the bold of the header"
                        ))
                        .confidence(0.8),
                );
            }
            _ => out.push(placed),
        }
        last_page = page;
    }
    *drafts = out;
}

/// Whether `next` is the part of the table `before` (whose last part is on `last_page`)
/// printed on the next page: both tables, nothing read between them, as many columns,
/// `before` with a one-row header set in bold and no notes or caption under it, and no
/// row of `next` set all in bold (a table with a header of its own stays apart).
fn goes_on(before: &Placed, last_page: usize, next: &Placed) -> bool {
    let (
        Draft::Table {
            rows: a,
            head: head_a,
            notes: notes_a,
            ..
        },
        Draft::Table {
            rows: b,
            head: head_b,
            caption: caption_b,
            ..
        },
    ) = (&before.draft, &next.draft)
    else {
        return false;
    };
    let width = |rows: &[Vec<String>]| rows.first().map_or(0, Vec::len);
    next.page == last_page + 1
        && next.first == before.last + 1
        && width(a) > 1
        && width(a) == width(b)
        && notes_a.is_empty()
        && caption_b.is_none()
        && !head_a.headless
        && head_a.rows == 0
        && head_b.rows == 0
        && a.first().is_some_and(|r| bold_row(r))
        && !b.iter().any(|r| bold_row(r))
}

/// Whether every cell of a row that holds text is all in bold.
fn bold_row(row: &[String]) -> bool {
    let mut cells = row.iter().filter(|c| !c.trim().is_empty()).peekable();
    cells.peek().is_some() && cells.all(|c| crate::rich::all_bold(c))
}

/// Appends the rows of `next` (its first row, taken for a header, as a body row) to
/// `before`, with its cells across columns moved down by the rows before them.
fn append(before: &mut Placed, next: Placed) {
    let (
        Draft::Table { rows, head, .. },
        Draft::Table {
            rows: more,
            head: more_head,
            ..
        },
    ) = (&mut before.draft, next.draft)
    else {
        return;
    };
    let offset = rows.len();
    head.spans
        .extend(more_head.spans.into_iter().map(|s| crate::model::CellSpan {
            row: s.row + offset,
            ..s
        }));
    rows.extend(more);
    before.last = next.last;
    before.origins.extend(next.origins);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::table_run::GroupedHead;

    fn table(rows: &[[&str; 3]], page: usize, at: usize) -> Placed {
        Placed {
            draft: Draft::Table {
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.to_string()).collect())
                    .collect(),
                head: GroupedHead::default(),
                notes: Vec::new(),
                caption: None,
            },
            first: at,
            last: at,
            page,
            origins: Vec::new(),
        }
    }

    fn bold(text: &str) -> String {
        crate::rich::bold(text)
    }

    fn rows_of(p: &Placed) -> Vec<Vec<String>> {
        match &p.draft {
            Draft::Table { rows, .. } => rows.clone(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn a_table_goes_on_over_the_page_without_its_repeated_header() {
        let (c, k, p) = (bold("Country"), bold("Capital"), bold("Population"));
        let first = table(&[[&c, &k, &p], ["Botswana", "Gaborone", "273602"]], 1, 0);
        let second = table(
            &[
                ["Burkina Faso", "Ouagadougou", "2453496"],
                ["Burundi", "Gitega", "135467"],
            ],
            2,
            1,
        );
        let third = table(&[["Cambodia", "Phnom Penh", "2281951"]], 3, 2);
        let mut drafts = vec![first, second, third];
        let mut report = Report::default();
        join_over_pages(&mut drafts, &mut report);
        assert_eq!(drafts.len(), 1);
        let rows = rows_of(&drafts[0]);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[2][0], "Burkina Faso");
        assert_eq!(rows[4][0], "Cambodia");
        assert_eq!(report.actions.len(), 2);
    }

    #[test]
    fn a_table_with_a_header_of_its_own_or_elsewhere_stays_apart() {
        let (c, k, p) = (bold("Country"), bold("Capital"), bold("Population"));
        let first = || table(&[[&c, &k, &p], ["Botswana", "Gaborone", "273602"]], 1, 0);
        let (y, r, s) = (bold("Year"), bold("Region"), bold("Share"));
        let own_header = table(&[[&y, &r, &s], ["2020", "North", "0.4"]], 2, 1);
        let mut drafts = vec![first(), own_header];
        join_over_pages(&mut drafts, &mut Report::default());
        assert_eq!(drafts.len(), 2, "a header in bold of its own");
        for (page, at, why) in [
            (1, 1, "on the same page"),
            (3, 1, "a page further on"),
            (2, 2, "something read between them"),
        ] {
            let second = table(&[["Burundi", "Gitega", "135467"]], page, at);
            let mut drafts = vec![first(), second];
            join_over_pages(&mut drafts, &mut Report::default());
            assert_eq!(drafts.len(), 2, "{why}");
        }
    }
}
