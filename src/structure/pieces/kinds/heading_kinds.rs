//! The steps of [`Context::classify`] that decide a unit is a heading: by its type
//! against the body's, by its shape and the text after it, by its section number, or (in a
//! script without case, or in Roman numerals before a title in capitals) by a number the
//! document keeps in sequence.

use super::*;
use crate::structure::classify::BulletClass;

impl Context<'_> {
    /// Extracted text in a script without case: a heading told by its number, kept only if
    /// the document numbers such lines in sequence (see `uncased`).
    pub(super) fn uncased_heading(
        &self,
        at: &Current,
        joined: &str,
        done: &mut Classified,
    ) -> bool {
        if at.unit.lines[0].geometry.is_some() {
            return false;
        }
        let Some((style, n)) = crate::structure::uncased::candidate(&at.unit.lines) else {
            return false;
        };
        done.uncased
            .push(super::super::uncased_headings::Candidate {
                at: done.out.len(),
                style,
                n,
            });
        done.shaped_headings.push(done.out.len());
        done.out
            .push(at.heading(Some(n.to_string()), joined.to_string()));
        true
    }

    /// The section number of a numbered heading on one line, or of one set in larger type
    /// and wrapping onto a second or third line (then it is still a heading, not a
    /// numbered list item). A numbered line in body type sharing its row with other text
    /// ("0. Auflage, 31. Dezember 2016" beside the author's name, a numbered table row)
    /// has only its number for evidence: it is not a heading. (A heading in a column of
    /// its own may share its baseline with the next column's text: its type sets it apart.)
    pub(super) fn heading_number(
        &self,
        at: &Current,
        joined: &str,
        out: &[Piece],
    ) -> Option<String> {
        // "13 November 2003" opens with a number too.
        if titles_no_section(crate::rich::plain_cow(joined).trim()) || Self::set_as_label(at.unit) {
            return None;
        }
        if at.single {
            return numbered_heading(&at.first)
                .map(|(number, _)| number)
                .filter(|number| is_numbered_heading(&at.first, number, self.unit(at.ui + 1)))
                .filter(|_| {
                    !carries_on_list(out, &at.first) && !self.in_a_row(at.unit)
                        || self.set_apart_by_type(at.unit, joined)
                });
        }
        let body = self.body_size?;
        (set_larger(at.unit, body, self.larger)
            && heading_by_type(at.unit, joined, body, self.larger, None).is_some()
            && !self.in_a_row(at.unit))
        .then(|| section_number(&at.first))
        .flatten()
    }

    /// Whether a unit's type (larger, bold, a face of its own) sets it apart from the body.
    pub(super) fn set_apart_by_type(&self, unit: &Unit, joined: &str) -> bool {
        self.body_size
            .is_some_and(|body| heading_by_type(unit, joined, body, self.larger, None).is_some())
    }

    /// A heading told by its type against the body's, unless it stands in a row, is a
    /// label over its value, or is the value under one. A heading by weight alone, or in
    /// a type shared with form labels and table cells, is marked weak.
    pub(super) fn heading_by_type(
        &self,
        at: &Current,
        joined: &str,
        done: &mut Classified,
    ) -> bool {
        let (unit, ui) = (at.unit, at.ui);
        let next_unit = self.unit(ui + 1);
        let prev_unit = ui.checked_sub(1).and_then(|i| self.unit(i));
        let Some(body) = self.body_size else {
            return false;
        };
        let Some(evidence) = heading_by_type(
            unit,
            joined,
            body,
            self.larger,
            self.m.body.filter(|_| ui > self.first_body_unit),
        ) else {
            return false;
        };
        // Under a heading, a line set alike is its second line or a heading of the next
        // rank down ("METHODS" over "Search strategy").
        let under_a_heading = done
            .out
            .last()
            .is_some_and(|p| matches!(p.kind, PieceKind::Heading { .. }));
        if goes_on_a_block(unit, prev_unit, joined) {
            let heading = done.out.last_mut().filter(|_| under_a_heading);
            match (heading, prev_unit) {
                (Some(h), Some(above)) if carries_heading_on(h, above, unit, joined) => {
                    h.text.push(' ');
                    h.text.push_str(joined);
                    h.lines.extend(unit.source_lines());
                    return true;
                }
                (None, _) => return false,
                _ => {}
            }
        }
        if self.in_a_row(unit)
            || Self::set_as_label(unit)
            || label_over_value(unit, next_unit, body)
            // The value under a label, unless set in bold like a heading of its own.
            || (prev_unit.is_some_and(|p| value_under_label(p, Some(unit), body))
                && !crate::rich::all_bold(joined))
        {
            return false;
        }
        // A size shared with form labels or table cells is no rank of its own.
        let cell_type = unit.lines.iter().all(|l| {
            l.geometry
                .is_some_and(|g| self.cells.contains(&(g.face, half_points(g.font_size))))
        });
        if evidence == TypeEvidence::Weight || cell_type {
            done.weak_headings.push(done.out.len());
        }
        let number = numbered_heading(joined).map(|(n, _)| n);
        done.out.push(at.heading(number, joined.to_string()));
        true
    }

    /// A section heading numbered in Roman numerals and set in capitals at the body's size
    /// ("I. INTRODUCTION"), in a PDF, where its type does not set it apart: a candidate
    /// until the second look finds the numbers in sequence (see `roman_headings`). A line
    /// in capitals set directly under a candidate in its type, the candidate unfinished,
    /// is its second line ("III. MDRPM (MARKET DRIVEN REQUIREMENT" over "PRIORITIZATION
    /// MODEL)").
    pub(super) fn roman_heading(&self, at: &Current, joined: &str, done: &mut Classified) -> bool {
        let unit = at.unit;
        // The title may wrap, in capitals throughout; a line opening with the next number
        // is a list's next item.
        let roman = super::super::roman_headings::roman_section_number;
        let capitals = unit.lines.len() <= crate::structure::units::HEADING_LINES
            && unit
                .lines
                .iter()
                .all(|l| !l.plain_cow().chars().any(char::is_lowercase))
            && unit.lines[1..].iter().all(|l| roman(&l.text).is_none());
        if !capitals || unit.lines[0].geometry.is_none() {
            return false;
        }
        let above = at.ui.checked_sub(1).and_then(|i| self.unit(i));
        let candidate_above = done
            .roman
            .last()
            .filter(|(i, _)| *i + 1 == done.out.len())
            .map(|(i, _)| *i);
        if let (Some(i), Some(above)) = (candidate_above, above)
            && at.single
            && goes_on_a_block(unit, Some(above), joined)
            && carries_heading_on(&done.out[i], above, unit, joined)
        {
            let heading = &mut done.out[i];
            heading.text.push(' ');
            heading.text.push_str(joined);
            heading.lines.extend(unit.source_lines());
            return true;
        }
        let Some(n) = roman(&at.first) else {
            return false;
        };
        if self.set_apart_by_type(unit, joined)
            || Self::set_as_label(unit)
            || self.in_a_row_with(unit, true)
        {
            return false;
        }
        let printed = crate::rich::plain(&at.first);
        let numeral = printed
            .trim()
            .split('.')
            .next()
            .unwrap_or_default()
            .to_string();
        done.roman.push((done.out.len(), n));
        done.shaped_headings.push(done.out.len());
        done.out.push(at.heading(Some(numeral), joined.to_string()));
        true
    }

    /// Whether a line of the unit is in a row (see [`Self::in_a_row`]); with
    /// `own_column`, lines level with it count as the row's other cells only in its own
    /// column, for a heading that may face the other column's text.
    pub(super) fn in_a_row_with(&self, unit: &Unit, own_column: bool) -> bool {
        unit.lines.iter().any(|l| {
            self.by_page.get(&l.page).is_some_and(|page| {
                let column: Vec<&TextLine>;
                let cells = if own_column {
                    column = page
                        .iter()
                        .copied()
                        .filter(|o| o.column == l.column)
                        .collect();
                    &column
                } else {
                    page
                };
                shares_row(l, page)
                    || beside_a_label(l, page)
                    || beside_a_caption_label(l, page)
                    || in_a_field(l, page)
                    || level_with_cells(l, cells)
            })
        })
    }

    /// A heading told by its shape and the text after it: a single short capitalised line
    /// before body text (in a PDF only where the type does not say otherwise), not a
    /// caption or a date (see `titles_no_section`). Extracted text's are marked for the
    /// second look.
    pub(super) fn heading_by_shape(
        &self,
        at: &Current,
        joined: &str,
        done: &mut Classified,
    ) -> bool {
        let next_unit = self.unit(at.ui + 1);
        let unit = at.unit;
        // Underlined, a heading may be in sentence case: the rule says what capitals would.
        let shaped = looks_like_heading_line(&at.first)
            || (self.body_size.is_some() && underlined(unit) && heading_line_shape(&at.first));
        if !(at.single
            && shaped
            && !titles_no_section(crate::rich::plain(&at.first).trim())
            && next_unit.is_some()
            && heading_context(unit, next_unit, self.m)
            && (self.body_size.is_none() || shape_suffices_in_pdf(unit, next_unit))
            && (unit.lines[0].geometry.is_some() || !reads_as_row(&at.first))
            && !Self::set_as_label(unit))
        {
            return false;
        }
        if unit.lines[0].geometry.is_none() {
            done.shaped_headings.push(done.out.len());
        }
        done.out.push(at.heading(None, joined.to_string()));
        true
    }
}

/// Whether the line `first` carries on the numbered list the pieces so far end with: the
/// last is an item numbered one less, its number set off alike ("5. The total of your
/// foreign taxes is …" before "6. All of your foreign taxes were:" at the next column's
/// top). Unless its type sets it apart (an agenda's bold items, which a later pass
/// reads as one run of headings), such a line is the list's next item, whatever its
/// colon or its length: a numbered section heading follows its section's text, not the
/// item before.
fn carries_on_list(out: &[Piece], first: &str) -> bool {
    let Some(marker) = line_marker(first).filter(|m| m.class == BulletClass::Number) else {
        return false;
    };
    let Some(n) = marker.ordinal.filter(|&n| n >= 2) else {
        return false;
    };
    matches!(
        out.last().map(|p| &p.kind),
        Some(PieceKind::Item(m))
            if m.class == BulletClass::Number && m.style == marker.style && m.ordinal == Some(n - 1)
    )
}
