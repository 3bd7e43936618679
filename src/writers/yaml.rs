//! A tiny YAML emitter for front matter: string scalars and lists, always double-quoted so
//! that colons, quotes and leading symbols in titles never change the meaning.

use crate::model::{Affiliation, AuthorNote, Contributor};

/// An ordered mapping of keys to quoted values.
#[derive(Debug, Default)]
pub(crate) struct Mapping {
    out: String,
}

impl Mapping {
    pub(crate) fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// `key: "value"`, skipped when the value is absent or blank.
    pub(crate) fn scalar(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            self.out.push_str(&format!("{key}: {}\n", quote(v)));
        }
    }

    /// A list of names; when any contributor has a role or affiliation, every entry is a
    /// mapping with `name` (the form pandoc templates and citation tools read).
    ///
    /// An affiliation printed once under a label (`affiliations`) is written out in full
    /// with each author whose marks name it, joined by "; " after the author's own
    /// affiliation line: the front matter stays a plain `affiliation` string per person,
    /// which templates read without resolving labels. A note the author's mark points to
    /// ("* I would like to thank…") is written the same way, as the person's `note` (the
    /// field Quarto's author schema gives it).
    pub(crate) fn contributors(
        &mut self,
        key: &str,
        people: &[Contributor],
        affiliations: &[Affiliation],
        notes: &[AuthorNote],
    ) {
        if people.is_empty() {
            return;
        }
        self.out.push_str(&format!("{key}:\n"));
        let resolved: Vec<Option<String>> = people
            .iter()
            .map(|p| affiliation_text(p, affiliations))
            .collect();
        let detailed = people
            .iter()
            .zip(&resolved)
            .any(|(p, aff)| p.role.is_some() || aff.is_some() || !p.note_labels.is_empty());
        for (p, aff) in people.iter().zip(&resolved) {
            if !detailed {
                self.out.push_str(&format!("  - {}\n", quote(&p.name)));
                continue;
            }
            self.out
                .push_str(&format!("  - name: {}\n", quote(&p.name)));
            if let Some(role) = &p.role {
                self.out.push_str(&format!("    role: {}\n", quote(role)));
            }
            if let Some(aff) = aff {
                self.out
                    .push_str(&format!("    affiliation: {}\n", quote(aff)));
            }
            let noted: Vec<&str> = p
                .note_labels
                .iter()
                .filter_map(|l| notes.iter().find(|n| &n.label == l))
                .map(|n| n.text.as_str())
                .collect();
            if !noted.is_empty() {
                self.out
                    .push_str(&format!("    note: {}\n", quote(&noted.join(" "))));
            }
        }
    }

    pub(crate) fn render(self) -> String {
        self.out
    }
}

/// A person's affiliation line and the labelled affiliations its marks name, in the
/// order of the marks; `None` when there is neither.
fn affiliation_text(person: &Contributor, affiliations: &[Affiliation]) -> Option<String> {
    let mut parts: Vec<&str> = person.affiliation.iter().map(String::as_str).collect();
    for label in &person.affiliation_labels {
        if let Some(a) = affiliations.iter().find(|a| &a.label == label)
            && !parts.contains(&a.text.as_str())
        {
            parts.push(&a.text);
        }
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// A YAML double-quoted scalar that every YAML 1.1 and 1.2 parser reads.
///
/// Line breaks and tabs become spaces; other C0 and C1 controls, DEL, the byte-order mark
/// and the Unicode line and paragraph separators are written as `\uXXXX` escapes (YAML
/// 1.2, 5.7: characters outside the printable set must be escaped). Noncharacters
/// (U+FFFE, U+FFFF, U+FDD0…) are no text at all and some parsers refuse even their
/// escapes: each becomes U+FFFD, the mark of a character that could not be kept. The
/// readers drop them from the text and report it; this is the last guard, for a file name
/// or a metadata string that reaches the front matter another way.
pub(crate) fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' | '\r' | '\t' => q.push(' '),
            c if crate::rich::is_noncharacter(c) => q.push('\u{FFFD}'),
            c if c.is_control() || matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}') => {
                q.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_escape_specials() {
        assert_eq!(quote("a \"b\" \\ c\u{7}"), "\"a \\\"b\\\" \\\\ c\\u0007\"");
        assert_eq!(quote("x:\ny"), "\"x: y\"");
        assert_eq!(quote("a\u{FFFE}b\u{10FFFF}"), "\"a\u{FFFD}b\u{FFFD}\"");
        assert_eq!(quote("\u{85}\u{2028}"), "\"\\u0085\\u2028\"");
    }

    #[test]
    fn plain_names_are_a_string_list() {
        let mut m = Mapping::default();
        m.contributors(
            "editor",
            &[Contributor::named("A B"), Contributor::named("C")],
            &[],
            &[],
        );
        m.scalar("title", Some("  "));
        assert_eq!(m.render(), "editor:\n  - \"A B\"\n  - \"C\"\n");
    }

    #[test]
    fn labelled_affiliations_are_written_out_with_each_author() {
        let mut m = Mapping::default();
        let mut a = Contributor::named("A B");
        a.affiliation_labels = vec!["2".into(), "*".into(), "1".into()];
        let c = Contributor::named("C D");
        let affs = [
            Affiliation {
                label: "1".into(),
                text: "Dept X, Uni Y".into(),
            },
            Affiliation {
                label: "2".into(),
                text: "Lab Z".into(),
            },
        ];
        m.contributors("author", &[a, c], &affs, &[]);
        assert_eq!(
            m.render(),
            "author:\n  - name: \"A B\"\n    affiliation: \"Lab Z; Dept X, Uni Y\"\n  - name: \"C D\"\n"
        );
    }

    /// A note the author's mark points to is the person's `note`; an author without the
    /// mark has none.
    #[test]
    fn a_marked_note_is_written_with_its_author() {
        let mut m = Mapping::default();
        let mut a = Contributor::named("A B");
        a.note_labels = vec!["*".into()];
        let notes = [AuthorNote {
            label: "*".into(),
            text: "I would like to thank C D.".into(),
        }];
        m.contributors("author", &[a, Contributor::named("E F")], &[], &notes);
        assert_eq!(
            m.render(),
            "author:\n  - name: \"A B\"\n    note: \"I would like to thank C D.\"\n  - name: \"E F\"\n"
        );
    }
}
