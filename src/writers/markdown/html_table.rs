//! Tables a pipe table cannot hold: a cell printed across several columns, or header rows
//! over the row naming the columns, are written as an HTML `<table>` (which CommonMark
//! passes through as an HTML block), with `<thead>`, `<tbody>` and `colspan`. The block
//! has no blank line inside, so that it stays one HTML block; cell text is HTML-escaped
//! and its markup written as HTML, since Markdown is not read inside the block.

use crate::model::{Inline, Table};

/// Whether the table goes out as HTML: it spans cells, and nothing in its cells needs
/// Markdown (a footnote call is only linked to its note outside HTML, so a table holding
/// one stays a grid of single cells, as a pipe table).
pub(super) fn wanted(table: &Table) -> bool {
    table.spans_cells()
        && !table
            .rows
            .iter()
            .flatten()
            .any(|cell| has_footnote_ref(cell))
}

fn has_footnote_ref(inlines: &[Inline]) -> bool {
    let mut found = false;
    crate::model::visit_inline_refs(inlines, &mut |_| found = true);
    found
}

/// The table's lines: `<table>`, then each row on a line of its own.
pub(super) fn lines(table: &Table) -> Vec<String> {
    let head = table.head_rows();
    let mut out = vec!["<table>".to_string()];
    for (r, row) in table.rows.iter().enumerate() {
        if r == 0 && head > 0 {
            out.push("<thead>".to_string());
        }
        if r == head {
            out.push("<tbody>".to_string());
        }
        let tag = if r < head { "th" } else { "td" };
        let mut line = String::from("<tr>");
        for (k, columns) in table.spanned_cells(r) {
            line.push('<');
            line.push_str(tag);
            if columns > 1 {
                line.push_str(&format!(" colspan=\"{columns}\""));
            }
            line.push('>');
            if let Some(cell) = row.get(k) {
                push_inlines(cell, &mut line);
            }
            line.push_str(&format!("</{tag}>"));
        }
        line.push_str("</tr>");
        out.push(line);
        if r + 1 == head {
            out.push("</thead>".to_string());
        }
    }
    if table.rows.len() > head {
        out.push("</tbody>".to_string());
    }
    out.push("</table>".to_string());
    out
}

/// Inline content as HTML: text escaped, line breaks as spaces.
fn push_inlines(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::TableNoteRef(t) => escape(t, out),
            Inline::Strong(c) => wrapped(c, "strong", out),
            Inline::Emphasis(c) => wrapped(c, "em", out),
            Inline::Superscript(c) => wrapped(c, "sup", out),
            Inline::Subscript(c) => match super::text::subscript_digits(c) {
                Some(lowered) => out.push_str(&lowered),
                None => wrapped(c, "sub", out),
            },
            Inline::Link { url, content } => {
                out.push_str("<a href=\"");
                escape(url, out);
                out.push_str("\">");
                push_inlines(content, out);
                out.push_str("</a>");
            }
            // Not met: such tables are written as pipe tables (see [`wanted`]).
            Inline::FootnoteRef(_) => {}
        }
    }
}

fn wrapped(content: &[Inline], tag: &str, out: &mut String) {
    out.push_str(&format!("<{tag}>"));
    push_inlines(content, out);
    out.push_str(&format!("</{tag}>"));
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CellSpan, FootnoteId};

    fn year_ended() -> Table {
        let cell = |s: &str| vec![Inline::text(s)];
        Table {
            header: true,
            group_rows: 1,
            spans: vec![CellSpan {
                row: 0,
                column: 1,
                columns: 2,
            }],
            rows: vec![
                vec![
                    cell(""),
                    vec![Inline::Strong(vec![Inline::text("Year Ended")])],
                    cell(""),
                ],
                vec![cell("Item"), cell("2023"), cell("2022")],
                vec![cell("R&D <net>"), cell("1,136"), cell("876")],
            ],
            ..Default::default()
        }
    }

    #[test]
    fn spanning_header_as_html() {
        let t = year_ended();
        assert!(wanted(&t));
        assert_eq!(
            lines(&t),
            [
                "<table>",
                "<thead>",
                "<tr><th></th><th colspan=\"2\"><strong>Year Ended</strong></th></tr>",
                "<tr><th>Item</th><th>2023</th><th>2022</th></tr>",
                "</thead>",
                "<tbody>",
                "<tr><td>R&amp;D &lt;net&gt;</td><td>1,136</td><td>876</td></tr>",
                "</tbody>",
                "</table>",
            ]
        );
    }

    #[test]
    fn a_footnote_call_keeps_the_grid() {
        let mut t = year_ended();
        t.rows[2][1].push(Inline::FootnoteRef(FootnoteId(0)));
        assert!(!wanted(&t));
        let plain = Table {
            spans: Vec::new(),
            group_rows: 0,
            ..year_ended()
        };
        assert!(!wanted(&plain));
    }
}
