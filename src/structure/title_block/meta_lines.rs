//! The title block's single-line fields other than title and authors: document type,
//! letterhead (the publisher, perhaps set over two lines or continued beside contact
//! details), editor, date, disclaimer, and contact or registration lines, which leave
//! the body and are reported.

use super::*;

/// The line after letterhead line `i` when it continues the letterhead: capitals in the
/// same type, directly below (PDF geometry).
fn letterhead_second_line(
    zone: &[TextLine],
    texts: &[String],
    roles: &[Role],
    i: usize,
) -> Option<usize> {
    let k = i + 1;
    let (a, b) = (zone.get(i)?.geometry?, zone.get(k)?.geometry?);
    let text = texts.get(k)?;
    let same_type = (a.font_size - b.font_size).abs() < 0.3;
    let tight = b.bbox.y0 - a.bbox.y1 < 0.6 * a.font_size;
    (same_type
        && tight
        && is_upper(text)
        && words(text) <= 8
        && matches!(roles[k], Role::Other | Role::Letterhead))
    .then_some(k)
}

pub(super) struct Reader<'a, 'r> {
    pub(super) zone: &'a [TextLine],
    pub(super) texts: &'a [String],
    pub(super) roles: &'a [Role],
    pub(super) tb: &'a mut TitleBlock,
    pub(super) report: &'r mut Report,
}

impl Reader<'_, '_> {
    pub(super) fn use_line(&mut self, i: usize) {
        self.tb.consumed.push(i);
    }

    /// Takes a metadata line other than title and authors; false when the line is not one.
    pub(super) fn take_meta(&mut self, i: usize) -> bool {
        let text = self.texts[i].trim();
        let meta = &mut self.tb.metadata;
        match self.roles[i] {
            Role::Contact | Role::Legal => {
                self.report.push(
                    Action::new(ActionKind::ContactLine)
                        .page(self.zone[i].page)
                        .lines([self.zone[i].source_line])
                        .before(text.to_string())
                        .evidence(if self.roles[i] == Role::Contact {
                            "contact line in the title block"
                        } else {
                            "registration or rights line in the title block"
                        }),
                );
            }
            Role::DocType if meta.doc_type.is_none() => {
                meta.doc_type = Some(text.to_string());
            }
            Role::Letterhead if meta.publisher.is_none() => {
                let segments = columns_of(text);
                let head = segments
                    .iter()
                    .map(|(_, s)| s.as_str())
                    .find(|s| role_of(s) == Role::Letterhead)
                    .unwrap_or(text);
                let mut name = split_contact_tail(head).0.to_string();
                // A letterhead wrapped after "AND" / "FOR" continues on the next line.
                if [" AND", " FOR", " OF", " THE", " &"]
                    .iter()
                    .any(|w| name.ends_with(w))
                {
                    // The continuation may sit below a contact line set beside it.
                    let next = (i + 1..self.texts.len().min(i + 4)).find(|&k| {
                        columns_of(&self.texts[k])
                            .first()
                            .is_some_and(|(_, s)| is_upper(s) && role_of(s) != Role::Contact)
                    });
                    if let Some(k) = next {
                        let cont = columns_of(&self.texts[k])[0].1.clone();
                        name = format!("{name} {cont}");
                        self.tb.consumed.push(k);
                        self.report.push(
                            Action::new(ActionKind::ContactLine)
                                .page(self.zone[k].page)
                                .lines([self.zone[k].source_line])
                                .before(self.texts[k].clone())
                                .evidence("letterhead continued beside contact details"),
                        );
                    }
                } else if let Some(k) = letterhead_second_line(self.zone, self.texts, self.roles, i)
                {
                    // PDF: the letterhead set over two lines in one type (same size,
                    // tight leading): "INSTITUTE FOR TROPICAL" / "LANDSCAPES AND POLICY".
                    name = format!("{name} {}", self.texts[k].trim());
                    self.tb.consumed.push(k);
                } else if let Some(h) = i.checked_sub(1).filter(|&h| {
                    self.roles[h] == Role::Other
                        && is_upper(&self.texts[h])
                        && !self.tb.consumed.contains(&h)
                        && letterhead_second_line(self.zone, self.texts, self.roles, h) == Some(i)
                }) {
                    // The same, with the organisation word on the second line:
                    // "ANDEAN URBAN RESEARCH" / "NETWORK".
                    name = format!("{} {name}", self.texts[h].trim());
                    self.tb.consumed.push(h);
                }
                self.tb.metadata.publisher = Some(publisher_name(&name));
            }
            Role::Editor => {
                if let Some(c) = editor_names(text) {
                    meta.editors
                        .extend(split_names(c).into_iter().map(Contributor::named));
                }
            }
            Role::Date if meta.date.is_none() => meta.date = parse_date_line(text),
            Role::Disclaimer if meta.rights.is_none() => meta.rights = Some(text.to_string()),
            _ => return false,
        }
        self.tb.consumed.push(i);
        true
    }
}
