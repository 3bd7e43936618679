//! Optional content (layers): text in a layer the document shows hidden by default (a
//! draft watermark, an alternative language) is not part of the page as read.

use foldhash::HashSet;

use lopdf::{Document, Object, ObjectId};

use super::objects::{as_dict, deref, get, get_array, get_dict, get_name};

/// The default visibility of a document's optional content groups.
#[derive(Debug, Default)]
pub struct OptionalContent {
    off: HashSet<ObjectId>,
    on: HashSet<ObjectId>,
    base_off: bool,
}

/// Most group references read from one list.
const MAX_GROUPS: usize = 4096;

impl OptionalContent {
    /// Reads `/OCProperties /D` (the default configuration) from the catalog.
    pub fn read(doc: &Document) -> OptionalContent {
        let mut oc = OptionalContent::default();
        let Some(config) = doc
            .catalog()
            .ok()
            .and_then(|c| get_dict(doc, c, b"OCProperties"))
            .and_then(|p| get_dict(doc, p, b"D"))
        else {
            return oc;
        };
        let ids = |key: &[u8]| -> HashSet<ObjectId> {
            get_array(doc, config, key)
                .unwrap_or(&[])
                .iter()
                .take(MAX_GROUPS)
                .filter_map(|o| o.as_reference().ok())
                .collect()
        };
        oc.off = ids(b"OFF");
        oc.on = ids(b"ON");
        oc.base_off = get_name(doc, config, b"BaseState") == Some(b"OFF");
        oc
    }

    /// Whether nothing is hidden (the common case: skip all checks).
    pub fn is_empty(&self) -> bool {
        self.off.is_empty() && !self.base_off
    }

    fn group_hidden(&self, id: ObjectId) -> bool {
        self.off.contains(&id) || (self.base_off && !self.on.contains(&id))
    }

    /// Whether content marked with this group or membership dictionary (`/OC` value or
    /// `/Properties` entry) is hidden by default.
    pub fn hides(&self, doc: &Document, entry: &Object) -> bool {
        if self.is_empty() {
            return false;
        }
        if let Ok(id) = entry.as_reference()
            && as_dict(doc, entry).is_some_and(|d| d.get_type().ok() != Some(b"OCMD"))
        {
            return self.group_hidden(id);
        }
        let Some(dict) = as_dict(doc, entry) else {
            return false;
        };
        if dict.get_type().ok() != Some(b"OCMD") {
            return false;
        }
        // A membership dictionary: its groups under a visibility policy (default AnyOn).
        let groups: Vec<bool> = match dict.get(b"OCGs").ok().map(|o| (o, deref(doc, o))) {
            Some((Object::Reference(id), _)) => vec![self.group_hidden(*id)],
            Some((_, Some(Object::Array(items)))) => items
                .iter()
                .take(MAX_GROUPS)
                .filter_map(|o| o.as_reference().ok())
                .map(|id| self.group_hidden(id))
                .collect(),
            _ => return false,
        };
        if groups.is_empty() {
            return false;
        }
        let policy = get(doc, dict, b"P").and_then(|p| match p {
            Object::Name(n) => Some(n.as_slice()),
            _ => None,
        });
        match policy.unwrap_or(b"AnyOn") {
            b"AllOn" => groups.iter().any(|h| *h),
            b"AnyOff" => groups.iter().all(|h| !*h),
            b"AllOff" => groups.iter().any(|h| !*h),
            _ => groups.iter().all(|h| *h),
        }
    }
}
