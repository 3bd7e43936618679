//! Marked content: the sections a page opens with `BMC`/`BDC` and closes with `EMC`,
//! which tag what they hold (a structure element's `/MCID`, an artifact), hide it (a layer
//! that is off) or replace its glyphs by an `/ActualText`.

use lopdf::{Dictionary, Object};

use super::{Interpreter, TextGlyph};
use crate::readers::pdf::encodings::decode_text_string;
use crate::readers::pdf::objects::{as_dict, get, get_dict, get_name, number, string};
use crate::readers::pdf::tagged::marked::{Mark, artifact_kind};

/// Deepest marked-content nesting tracked.
pub(super) const MAX_MARKED_DEPTH: usize = 256;

/// An open marked-content section.
#[derive(Default)]
pub(super) struct Marked {
    pub(super) actual: Option<ActualText>,
    /// It belongs to a hidden layer.
    pub(super) hides: bool,
    /// Slot of the mark its content carries (its own, or the one it sits in).
    pub(super) mark: u32,
}

/// An open `/ActualText` span: its text and the first glyph it replaces.
pub(super) struct ActualText {
    pub(super) text: String,
    pub(super) first_glyph: usize,
}

impl<'a> Interpreter<'a> {
    /// A marked-content property list: inline, or named in `/Properties` (the entry
    /// itself is returned, so that a layer keeps its object identity).
    pub(super) fn properties<'o>(
        &self,
        props: Option<&'o Object>,
        resources: Option<&'o Dictionary>,
    ) -> Option<&'o Object>
    where
        'a: 'o,
    {
        match props? {
            Object::Name(name) => {
                let all = get_dict(self.doc, resources?, b"Properties")?;
                all.get(name).ok()
            }
            other => Some(other),
        }
    }

    /// The mark a section opened with `tag` and `props` gives its content: an artifact
    /// (and everything inside it) stays one; else its own `/MCID`, else the one it sits in.
    pub(super) fn open_mark(&mut self, tag: Option<&Object>, props: Option<&Object>) -> u32 {
        let current = self.current_mark();
        if matches!(self.out.marks.get(current), Some(Mark::Artifact(_))) {
            return current;
        }
        let dict = props.and_then(|p| as_dict(self.doc, p));
        if tag.and_then(|t| t.as_name().ok()) == Some(b"Artifact") {
            let kind = artifact_kind(
                dict.and_then(|d| get_name(self.doc, d, b"Type")),
                dict.and_then(|d| get_name(self.doc, d, b"Subtype")),
            );
            return self.out.marks.slot(Mark::Artifact(kind));
        }
        let mcid = dict
            .and_then(|d| get(self.doc, d, b"MCID"))
            .and_then(number)
            .filter(|n| *n >= 0.0 && *n <= f64::from(u32::MAX));
        match mcid {
            Some(mcid) => self.out.marks.slot(Mark::Content {
                stream: self.mark_stream,
                mcid: mcid as u32,
            }),
            None => current,
        }
    }

    /// The mark of the innermost open marked-content section (0: none).
    pub(super) fn current_mark(&self) -> u32 {
        self.marked.last().map_or(0, |m| m.mark)
    }

    pub(super) fn actual_text(&self, props: &Object) -> Option<String> {
        let dict = as_dict(self.doc, props)?;
        let text = string(get(self.doc, dict, b"ActualText")?)?;
        Some(decode_text_string(text))
    }

    pub(super) fn end_marked(&mut self) {
        let Some(marked) = self.marked.pop() else {
            return;
        };
        self.hidden -= usize::from(marked.hides);
        let Some(actual) = marked.actual else {
            return;
        };
        let glyphs = self.out.glyphs.get(actual.first_glyph..).unwrap_or(&[]);
        let (Some(first), Some(last)) = (glyphs.first().copied(), glyphs.last().copied()) else {
            return;
        };
        let same_dir = glyphs.iter().all(|g| g.dir == first.dir);
        let end = if same_dir {
            last.x + last.adv
        } else {
            first.x + first.adv
        };
        let text: String = actual
            .text
            .chars()
            .filter(|&c| !c.is_control() && !crate::rich::is_noncharacter(c))
            .collect();
        self.out.glyphs.truncate(actual.first_glyph);
        let start = self.out.text.len() as u32;
        self.out.text.push_str(&text);
        self.out.glyphs.push(TextGlyph {
            start,
            len: text.len() as u32,
            adv: end - first.x,
            space: text.trim().is_empty(),
            actual: true,
            ..first
        });
    }
}
