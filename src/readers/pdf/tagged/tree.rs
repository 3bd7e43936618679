//! The structure tree (ISO 32000-1 §14.7, ISO 32000-2 §14.7–14.8): elements, their
//! standard types after `/RoleMap`, and which marked-content items each one owns.
//!
//! The walk is iterative, bounded in elements and depth, and visits each indirect object
//! once, so a tree that loops back on itself or is a million levels deep is cut and the
//! cut is named in [`StructTree::problems`].

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::readers::pdf::objects::{as_dict, deref, get, get_dict, get_name, number};

/// Elements read at most; the rest of a larger tree is ignored.
pub const MAX_ELEMENTS: usize = 200_000;
/// Kids queued at most over the whole walk: many elements may share one huge `/K` array.
pub const MAX_KIDS: usize = 1_000_000;
/// Nesting followed at most.
pub const MAX_DEPTH: usize = 128;
/// `/RoleMap` links followed from one type.
const MAX_ROLE_CHAIN: usize = 16;
/// Problems named at most.
const MAX_PROBLEMS: usize = 6;

/// The standard structure types of PDF 1.7 and 2.0.
const STANDARD: &[&str] = &[
    "Document",
    "DocumentFragment",
    "Part",
    "Art",
    "Sect",
    "Div",
    "Aside",
    "BlockQuote",
    "Caption",
    "TOC",
    "TOCI",
    "Index",
    "NonStruct",
    "Private",
    "Title",
    "H",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "P",
    "L",
    "LI",
    "Lbl",
    "LBody",
    "Table",
    "TR",
    "TH",
    "TD",
    "THead",
    "TBody",
    "TFoot",
    "Span",
    "Quote",
    "Note",
    "FENote",
    "Reference",
    "BibEntry",
    "Code",
    "Link",
    "Annot",
    "Ruby",
    "RB",
    "RT",
    "RP",
    "Warichu",
    "WT",
    "WP",
    "Figure",
    "Formula",
    "Form",
    "Sub",
    "Em",
    "Strong",
    "Artifact",
];

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Standard type after `/RoleMap` (or the type as written when it maps to none).
    pub role: String,
    /// The element it sits in (`None` for the tree's top elements).
    pub parent: Option<u32>,
    /// For a table cell, the columns and rows it spans (its `/A` attributes' `/ColSpan`
    /// and `/RowSpan`); 1 and 1 otherwise.
    pub span: (u32, u32),
}

/// A cell spanning more than this many columns or rows is taken to span this many.
pub const MAX_SPAN: u32 = 256;

/// The `/ColSpan` and `/RowSpan` among an element's attributes (`/A`: one attribute
/// object or an array of them, each possibly with a revision number after it).
fn cell_span(doc: &Document, dict: &Dictionary) -> (u32, u32) {
    let mut span = (1, 1);
    let Some(attributes) = get(doc, dict, b"A") else {
        return span;
    };
    let owners: Vec<&Dictionary> = match attributes {
        Object::Array(items) => items.iter().filter_map(|o| as_dict(doc, o)).collect(),
        other => as_dict(doc, other).into_iter().collect(),
    };
    let read = |d: &Dictionary, key: &[u8]| {
        get(doc, d, key)
            .and_then(number)
            .filter(|n| *n >= 1.0)
            .map(|n| (n as u32).min(MAX_SPAN))
    };
    for d in owners {
        span.0 = read(d, b"ColSpan").unwrap_or(span.0);
        span.1 = read(d, b"RowSpan").unwrap_or(span.1);
    }
    span
}

/// A structure tree as read.
#[derive(Debug, Default)]
pub struct StructTree {
    /// Elements in document (pre-)order.
    pub elements: Vec<Element>,
    /// Content items: (page or form stream, MCID) → element.
    pub content: HashMap<(ObjectId, u32), u32>,
    /// What was cut or could not be read.
    pub problems: Vec<String>,
}

impl StructTree {
    fn problem(&mut self, msg: String) {
        if self.problems.len() < MAX_PROBLEMS && !self.problems.contains(&msg) {
            self.problems.push(msg);
        }
    }
}

/// Reads the catalog's `/StructTreeRoot`; `None` when there is none.
pub fn read(doc: &Document) -> Option<StructTree> {
    let catalog = doc.catalog().ok()?;
    let root_entry = catalog.get(b"StructTreeRoot").ok()?;
    let root = as_dict(doc, root_entry)?;
    let mut roles = RoleMap::new(doc, get_dict(doc, root, b"RoleMap"));
    let mut tree = StructTree::default();
    let mut visited: HashSet<ObjectId> = HashSet::new();
    if let Ok(id) = root_entry.as_reference() {
        visited.insert(id);
    }
    // Work list of (kid object, parent element, inherited /Pg, depth), in reverse order.
    let mut stack: Vec<(&Object, Option<u32>, Option<ObjectId>, usize)> = Vec::new();
    let mut budget = MAX_KIDS;
    push_kids(doc, root, None, None, 0, &mut stack, &mut budget);
    while let Some((kid, parent, page, depth)) = stack.pop() {
        match kid {
            Object::Reference(id) => {
                match deref(doc, kid) {
                    Some(Object::Dictionary(_)) => {}
                    Some(Object::Integer(_)) => {} // an MCID given by reference (unusual)
                    _ => {
                        tree.problem("an element refers to a missing object".into());
                        continue;
                    }
                }
                if !visited.insert(*id) {
                    tree.problem("the tree refers back to an element already read (cycle or shared kid); cut".into());
                    continue;
                }
            }
            Object::Integer(_) | Object::Dictionary(_) => {}
            _ => continue,
        }
        if let Some(mcid) = deref(doc, kid).and_then(number) {
            add_content(&mut tree, page, parent, mcid, "an MCID without a page");
            continue;
        }
        let Some(dict) = as_dict(doc, kid) else {
            continue;
        };
        match get_name(doc, dict, b"Type") {
            Some(b"MCR") => {
                let stream = dict
                    .get(b"Stm")
                    .ok()
                    .and_then(|s| s.as_reference().ok())
                    .or_else(|| page_of(dict).or(page));
                if let Some(mcid) = get(doc, dict, b"MCID").and_then(number) {
                    add_content(
                        &mut tree,
                        stream,
                        parent,
                        mcid,
                        "a marked-content reference without a page",
                    );
                }
                continue;
            }
            // Annotations and XObjects as content: not text we map.
            Some(b"OBJR") => continue,
            _ => {}
        }
        if !dict.has(b"S") {
            continue;
        }
        if tree.elements.len() >= MAX_ELEMENTS {
            tree.problem(format!(
                "more than {MAX_ELEMENTS} structure elements; the rest ignored"
            ));
            break;
        }
        if depth >= MAX_DEPTH {
            tree.problem(format!("structure nested deeper than {MAX_DEPTH}; cut"));
            continue;
        }
        let written = get_name(doc, dict, b"S").unwrap_or(b"");
        let role = roles.resolve(written, &mut tree);
        let index = tree.elements.len() as u32;
        let span = if matches!(role.as_str(), "TD" | "TH") {
            cell_span(doc, dict)
        } else {
            (1, 1)
        };
        tree.elements.push(Element { role, parent, span });
        let page = page_of(dict).or(page);
        push_kids(
            doc,
            dict,
            Some(index),
            page,
            depth + 1,
            &mut stack,
            &mut budget,
        );
        if budget == 0 {
            tree.problem(format!(
                "more than {MAX_KIDS} kids in the tree; the rest ignored"
            ));
        }
    }
    Some(tree)
}

fn page_of(dict: &Dictionary) -> Option<ObjectId> {
    dict.get(b"Pg").ok().and_then(|p| p.as_reference().ok())
}

fn add_content(
    tree: &mut StructTree,
    stream: Option<ObjectId>,
    parent: Option<u32>,
    mcid: f64,
    missing: &str,
) {
    let (Some(stream), Some(parent)) = (stream, parent) else {
        tree.problem(missing.to_string());
        return;
    };
    if mcid < 0.0 || mcid > f64::from(u32::MAX) {
        return;
    }
    // The first claim wins: a content item belongs to one element.
    tree.content.entry((stream, mcid as u32)).or_insert(parent);
}

/// Pushes an element's `/K` (one kid or an array) so that they pop in order.
fn push_kids<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    parent: Option<u32>,
    page: Option<ObjectId>,
    depth: usize,
    stack: &mut Vec<(&'a Object, Option<u32>, Option<ObjectId>, usize)>,
    budget: &mut usize,
) {
    let Ok(k) = dict.get(b"K") else {
        return;
    };
    match deref(doc, k) {
        Some(Object::Array(kids)) => {
            let n = kids.len().min(*budget);
            *budget -= n;
            for kid in kids[..n].iter().rev() {
                stack.push((kid, parent, page, depth));
            }
        }
        Some(_) if *budget > 0 => {
            *budget -= 1;
            stack.push((k, parent, page, depth));
        }
        _ => {}
    }
}

/// `/RoleMap`: custom types to standard ones, following chains, cut at cycles.
struct RoleMap<'a> {
    doc: &'a Document,
    map: Option<&'a Dictionary>,
    cache: HashMap<Vec<u8>, String>,
}

impl<'a> RoleMap<'a> {
    fn new(doc: &'a Document, map: Option<&'a Dictionary>) -> Self {
        RoleMap {
            doc,
            map,
            cache: HashMap::new(),
        }
    }

    fn resolve(&mut self, written: &[u8], tree: &mut StructTree) -> String {
        if let Some(r) = self.cache.get(written) {
            return r.clone();
        }
        let mut name = written.to_vec();
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let role = loop {
            let text = String::from_utf8_lossy(&name).into_owned();
            if STANDARD.contains(&text.as_str()) {
                break text;
            }
            let next = self
                .map
                .and_then(|m| get_name(self.doc, m, &name))
                .map(<[u8]>::to_vec);
            match next {
                Some(next) if !seen.contains(&next) && seen.len() < MAX_ROLE_CHAIN => {
                    seen.push(name);
                    name = next;
                }
                Some(_) => {
                    tree.problem(format!(
                        "/RoleMap loops from {}; left unmapped",
                        String::from_utf8_lossy(written)
                    ));
                    break String::from_utf8_lossy(written).into_owned();
                }
                None => break heading_by_name(&text).unwrap_or(text),
            }
        };
        self.cache.insert(written.to_vec(), role.clone());
        role
    }
}

/// A custom type left unmapped that names a heading level itself ("Heading1",
/// "heading 2", "h3") is that heading.
fn heading_by_name(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase().replace([' ', '_', '-'], "");
    let digits = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix('h'))?;
    match digits.parse::<u8>() {
        Ok(n @ 1..=6) => Some(format!("H{n}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Object, dictionary};

    fn doc_with(root: Dictionary, extra: impl FnOnce(&mut Document) -> Object) -> Document {
        let mut doc = Document::with_version("1.7");
        let kids = extra(&mut doc);
        let mut root = root;
        root.set("K", kids);
        let root_id = doc.add_object(root);
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog",
            "StructTreeRoot" => root_id,
        });
        doc.trailer.set("Root", catalog);
        doc
    }

    #[test]
    fn walks_kids_in_order_with_page_inheritance_and_mcrs() {
        let page = (90, 0);
        let doc = doc_with(dictionary! {"Type" => "StructTreeRoot"}, |doc| {
            let h = doc.add_object(dictionary! {"S" => "H1", "K" => 0});
            let p = doc.add_object(dictionary! {
                "S" => "P",
                "K" => vec![1.into(), Object::Dictionary(dictionary! {"Type" => "MCR", "MCID" => 2})],
            });
            let sect = doc.add_object(dictionary! {
                "S" => "Sect", "Pg" => page, "K" => vec![h.into(), p.into()],
            });
            sect.into()
        });
        let tree = read(&doc).expect("tree");
        let roles: Vec<&str> = tree.elements.iter().map(|e| e.role.as_str()).collect();
        assert_eq!(roles, ["Sect", "H1", "P"]);
        assert_eq!(tree.elements[1].parent, Some(0));
        assert_eq!(tree.content.get(&(page, 0)), Some(&1));
        assert_eq!(tree.content.get(&(page, 1)), Some(&2));
        assert_eq!(tree.content.get(&(page, 2)), Some(&2));
        assert!(tree.problems.is_empty(), "{:?}", tree.problems);
    }

    #[test]
    fn role_map_chains_resolve_and_cycles_are_cut() {
        let root = dictionary! {
            "Type" => "StructTreeRoot",
            "RoleMap" => dictionary! {
                "Chapter Title" => "Heading",
                "Heading" => "H1",
                "Loop" => "Loop2",
                "Loop2" => "Loop",
            },
        };
        let doc = doc_with(root, |doc| {
            let a = doc.add_object(dictionary! {"S" => "Chapter Title", "Pg" => (9, 0), "K" => 0});
            let b = doc.add_object(dictionary! {"S" => "Loop", "Pg" => (9, 0), "K" => 1});
            let c = doc.add_object(dictionary! {"S" => "heading_3", "Pg" => (9, 0), "K" => 2});
            vec![a.into(), b.into(), c.into()].into()
        });
        let tree = read(&doc).expect("tree");
        let roles: Vec<&str> = tree.elements.iter().map(|e| e.role.as_str()).collect();
        assert_eq!(roles, ["H1", "Loop", "H3"]);
        assert!(tree.problems.iter().any(|p| p.contains("RoleMap loops")));
    }

    #[test]
    fn a_cycle_in_the_kids_is_cut_and_named() {
        let mut doc = Document::with_version("1.7");
        let a_id = doc.new_object_id();
        let b_id = doc.add_object(
            dictionary! {"S" => "P", "Pg" => (9, 0), "K" => vec![0.into(), a_id.into()]},
        );
        doc.objects.insert(
            a_id,
            Object::Dictionary(dictionary! {"S" => "Sect", "K" => vec![b_id.into()]}),
        );
        let root = doc.add_object(dictionary! {"Type" => "StructTreeRoot", "K" => a_id});
        let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "StructTreeRoot" => root});
        doc.trailer.set("Root", catalog);
        let tree = read(&doc).expect("tree");
        assert_eq!(tree.elements.len(), 2);
        assert!(tree.problems.iter().any(|p| p.contains("cycle")));
    }

    #[test]
    fn deep_trees_are_cut_without_recursion() {
        let mut doc = Document::with_version("1.7");
        let mut kid: Object = 0.into();
        for _ in 0..(MAX_DEPTH + 50) {
            kid = doc
                .add_object(dictionary! {"S" => "Div", "Pg" => (9, 0), "K" => kid})
                .into();
        }
        let root = doc.add_object(dictionary! {"Type" => "StructTreeRoot", "K" => kid});
        let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "StructTreeRoot" => root});
        doc.trailer.set("Root", catalog);
        let tree = read(&doc).expect("tree");
        assert_eq!(tree.elements.len(), MAX_DEPTH);
        assert!(tree.problems.iter().any(|p| p.contains("deeper")));
        assert!(tree.content.is_empty());
    }

    #[test]
    fn elements_sharing_one_huge_kids_array_stay_bounded() {
        let mut doc = Document::with_version("1.7");
        let kids: Vec<Object> = (0..2_000).map(Object::Integer).collect();
        let shared = doc.add_object(Object::Array(kids));
        let elements: Vec<Object> = (0..1_000)
            .map(|_| {
                doc.add_object(dictionary! {"S" => "P", "Pg" => (9, 0), "K" => shared})
                    .into()
            })
            .collect();
        let root = doc.add_object(dictionary! {"Type" => "StructTreeRoot", "K" => elements});
        let catalog = doc.add_object(dictionary! {"Type" => "Catalog", "StructTreeRoot" => root});
        doc.trailer.set("Root", catalog);
        let tree = read(&doc).expect("tree");
        // 1,000 elements of 2,000 kids each would queue 2,000,000 kids: the budget stops
        // the queueing halfway, and says so.
        assert_eq!(tree.elements.len(), 1_000);
        assert!(
            tree.problems.iter().any(|p| p.contains("kids")),
            "{:?}",
            tree.problems
        );
    }

    #[test]
    fn unmapped_heading_names() {
        assert_eq!(heading_by_name("Heading 2").as_deref(), Some("H2"));
        assert_eq!(heading_by_name("h4").as_deref(), Some("H4"));
        assert_eq!(heading_by_name("Heading7"), None);
        assert_eq!(heading_by_name("Hyperlink"), None);
    }
}
