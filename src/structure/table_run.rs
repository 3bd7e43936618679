//! What every table finder produces, below them all: a table found among the lines (its
//! extent and its rows of cells), how a cell's text grows as its lines are read, and the
//! checks on cell texts every finder makes (a first column of markers, columns of prose).

/// A table found among the lines.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRun {
    /// First line index.
    pub start: usize,
    /// One past the last line index.
    pub end: usize,
    /// Rows of cell texts; the first row is the header.
    pub rows: Vec<Vec<String>>,
    /// Rows over the header row grouping its columns, and the cells printed across them.
    pub head: GroupedHead,
}

/// The rows of a table's header above the row naming its columns, with headings printed
/// across groups of those columns ("Year Ended" over "2023 | 2022"). Empty for a single
/// header row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupedHead {
    /// How many rows from the top group the columns.
    pub rows: usize,
    /// The cells printed across several columns.
    pub spans: Vec<crate::model::CellSpan>,
    /// The row the table was found from is a body row, like the rows under it: the table
    /// has no header (see [`super::table_header::names_columns`]), and the rows above
    /// that row are body rows too.
    pub headless: bool,
}

impl TableRun {
    /// The table with its header judged: without one when the row that would name the
    /// columns reads as a body row.
    /// A row grouping the columns right above a body row, set all in bold, is the header
    /// ("Dataset  Train  Dev  Test" over "Natural Questions  79,168 ..."); one in the
    /// body's type is a section row of the body ("Rocket Science").
    pub fn with_header_judged(mut self) -> TableRun {
        let at = self.head.rows;
        if super::table_header::names_columns(&self.rows, at) {
            return self;
        }
        let bold_above = at > 0
            && self.rows[at - 1]
                .iter()
                .filter(|c| !c.trim().is_empty())
                .all(|c| crate::rich::all_bold(c));
        if bold_above {
            self.head.rows = at - 1;
        } else {
            self.head.headless = true;
        }
        self
    }

    /// Whether `next` goes on with this table: it starts on the line this one ends, on
    /// the same page, with as many columns and no header of its own (a section of rows
    /// under a title row, cut off where the title is set apart).
    pub fn continued_by(&self, next: &TableRun, lines: &[crate::lines::TextLine]) -> bool {
        let width = |t: &TableRun| t.rows.first().map_or(0, Vec::len);
        next.start == self.end
            && next.head.headless
            && width(next) == width(self)
            && lines.get(self.start).map(|l| l.page) == lines.get(next.start).map(|l| l.page)
    }

    /// This table with the rows of `next`, which goes on with it (see
    /// [`TableRun::continued_by`]), appended: its cells across columns keep their rows.
    pub fn append(&mut self, next: TableRun) {
        let offset = self.rows.len();
        self.head
            .spans
            .extend(next.head.spans.into_iter().map(|s| crate::model::CellSpan {
                row: s.row + offset,
                ..s
            }));
        self.rows.extend(next.rows);
        self.end = next.end;
    }

    /// The table in reading order when it was found by its columns' places on the page
    /// (left to right): mirrored when most letters of its cells are written right to left
    /// (an Arabic or Persian table starts at its right edge). A cell across columns keeps
    /// its columns and moves its text to the first of them.
    pub fn read_right_to_left_if_written_so(mut self) -> TableRun {
        let cells = self.rows.iter().flatten().flat_map(|cell| cell.chars());
        if !crate::words::mostly_right_to_left(cells) {
            return self;
        }
        for row in &mut self.rows {
            row.reverse();
        }
        for span in &mut self.head.spans {
            let Some(row) = self.rows.get_mut(span.row) else {
                continue;
            };
            let width = row.len();
            let Some(first) = width.checked_sub(span.column + span.columns) else {
                continue;
            };
            // The text sat in the span's first column, now its last.
            row.swap(width - 1 - span.column, first);
            span.column = first;
        }
        self
    }

    /// The table without its rows grouping the columns, from its header row at line
    /// `header`; as it is when it has none.
    pub fn without_groups(mut self, header: usize) -> TableRun {
        if self.head.rows > 0 {
            self.rows.drain(..self.head.rows.min(self.rows.len()));
            self.start = header;
            self.head = GroupedHead::default();
        }
        self
    }
}

/// Appends a line's text to a cell: after a space, or joining a word hyphenated across
/// the lines.
pub(super) fn append_cell(cell: &mut String, text: &str) {
    if cell.is_empty() {
        cell.push_str(text);
    } else if cell.ends_with('-') && text.starts_with(|c: char| c.is_lowercase()) {
        cell.pop();
        cell.push_str(text);
    } else {
        cell.push(' ');
        cell.push_str(text);
    }
}

/// Columns of running text that line up by accident (a three-column page read line by
/// line, a justified paragraph with wide gaps): a word hyphenated at a cell's end whose
/// rest went to another cell, or columns whose cells are long and mostly start in lower
/// case (each is the previous line's sentence going on).
pub(super) fn reads_as_prose(rows: &[Vec<String>]) -> bool {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| crate::rich::plain(c)).collect())
        .collect();
    let broken_word = rows.iter().flatten().any(|c| {
        let mut tail = c.chars().rev();
        tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic)
    });
    let columns = rows.first().map_or(0, Vec::len);
    let prose_columns = (0..columns)
        .filter(|&k| {
            let cells: Vec<&String> = rows[1..]
                .iter()
                .filter_map(|r| r.get(k))
                .filter(|c| !c.is_empty())
                .collect();
            let n = cells.len().max(1);
            let lower = cells
                .iter()
                .filter(|c| c.starts_with(char::is_lowercase))
                .count();
            let chars: usize = cells.iter().map(|c| c.chars().count()).sum();
            lower * 2 > n && chars / n >= 25
        })
        .count();
    // A cell of several words left open, continued below in lower case: a sentence
    // running down the column.
    let (mut flows, mut open) = (0, 0);
    for k in 0..columns {
        for pair in rows.windows(2) {
            let (upper, lower) = (&pair[0][k], &pair[1][k]);
            if upper.split_whitespace().count() < 3 || lower.is_empty() {
                continue;
            }
            open += 1;
            if !upper.trim_end().ends_with(['.', ':', ';', '!', '?'])
                && lower.starts_with(char::is_lowercase)
            {
                flows += 1;
            }
        }
    }
    broken_word || prose_columns * 2 >= columns.max(1) || (flows >= 2 && flows * 3 >= open)
}

/// Rows whose first cells are all markers (see [`is_marker`]): a list or notes, not a
/// table, unless most rows hold four or more cells (a row number, then columns of
/// values: a list item's text never splits into three columns set alike row after row).
pub(super) fn labels_only(rows: &[Vec<String>]) -> bool {
    let many_cells = rows
        .iter()
        .filter(|r| r.iter().filter(|c| !c.trim().is_empty()).count() >= 4)
        .count();
    rows.iter().all(|r| r.first().is_none_or(|c| is_marker(c))) && many_cells * 3 < rows.len() * 2
}

/// A list bullet or a note number: a first column of these is a list, not a table.
pub(super) fn is_marker(cell: &str) -> bool {
    let plain = crate::rich::plain(cell);
    let t = plain.trim();
    t.chars().count() <= 4
        && t.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ')' | '(' | '•' | '◦' | '▪' | '-' | '*')
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CellSpan;

    fn run(start: usize, end: usize, rows: &[&[&str]], headless: bool) -> TableRun {
        TableRun {
            start,
            end,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
            head: GroupedHead {
                headless,
                ..Default::default()
            },
        }
    }

    #[test]
    fn a_headless_section_right_after_a_table_goes_on_with_it() {
        let lines: Vec<crate::lines::TextLine> = (0..12)
            .map(|i| crate::lines::TextLine::new("cell", 1, i))
            .collect();
        let mut table = run(
            0,
            4,
            &[&["#", "Task", "Score"], &["1", "Easy", "0.87"]],
            false,
        );
        let mut section = run(
            4,
            8,
            &[
                &["Chemistry", "Exploring combinations", ""],
                &["4", "Easy", "0.87"],
            ],
            true,
        );
        section.head.spans.push(CellSpan {
            row: 0,
            column: 1,
            columns: 2,
        });
        assert!(table.continued_by(&section, &lines));
        table.append(section);
        assert_eq!((table.start, table.end, table.rows.len()), (0, 8, 4));
        assert_eq!(table.head.spans[0].row, 2);
        // Not after a gap, not with a header of its own, not with other columns.
        let apart = run(9, 12, &[&["5", "Hard", "0.1"]], true);
        assert!(!table.continued_by(&apart, &lines));
        let own_header = run(
            8,
            12,
            &[&["Topic", "Level", "Cost"], &["5", "Hard", "0.1"]],
            false,
        );
        assert!(!table.continued_by(&own_header, &lines));
        let narrower = run(8, 12, &[&["5", "Hard"]], true);
        assert!(!table.continued_by(&narrower, &lines));
    }

    #[test]
    fn a_right_to_left_table_is_mirrored_with_its_spans() {
        // Placed left to right: the year's column, then a heading across region and city.
        let mut table = run(
            0,
            3,
            &[
                &["", "מיקום", ""],
                &["שנה", "מחוז", "עיר"],
                &["1948", "צפון", "חיפה"],
            ],
            false,
        );
        table.head.rows = 1;
        table.head.spans.push(CellSpan {
            row: 0,
            column: 1,
            columns: 2,
        });
        let mirrored = table.read_right_to_left_if_written_so();
        let rows: Vec<Vec<&str>> = mirrored
            .rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            rows,
            [
                vec!["מיקום", "", ""],
                vec!["עיר", "מחוז", "שנה"],
                vec!["חיפה", "צפון", "1948"]
            ]
        );
        assert_eq!(
            (
                mirrored.head.spans[0].column,
                mirrored.head.spans[0].columns
            ),
            (0, 2)
        );
        // A table written left to right stays as placed.
        let latin = run(0, 2, &[&["Year", "Region"], &["1948", "North"]], false);
        assert_eq!(latin.clone().read_right_to_left_if_written_so(), latin);
    }
}
