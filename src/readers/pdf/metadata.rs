//! Document-level facts: the Info dictionary, XMP (`dc:` fields), the outline, and
//! whether the file is tagged.

use foldhash::{HashMap, HashSet, HashSetExt};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::encodings::decode_text_string;
use super::objects::{as_dict, deref, get, get_array, get_dict, get_stream, stream_bytes, string};
use crate::source::{OutlineEntry, SourceInfo};

/// Most outline entries read.
const MAX_OUTLINE: usize = 5_000;
/// Deepest outline level read.
const MAX_OUTLINE_DEPTH: usize = 16;
/// Largest XMP packet read.
const MAX_XMP: usize = 4 << 20;

/// Reads everything [`SourceInfo`] holds. `pages` maps page object ids to 1-based numbers.
pub fn read(doc: &Document, pages: &HashMap<ObjectId, usize>) -> SourceInfo {
    let mut info = SourceInfo::default();
    let info_dict = doc.trailer.get(b"Info").ok().and_then(|o| as_dict(doc, o));
    let text = |key: &[u8]| -> Option<String> {
        let s = decode_text_string(string(get(doc, info_dict?, key)?)?);
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    };
    info.title = text(b"Title");
    info.author = text(b"Author");
    info.subject = text(b"Subject");
    info.producer = text(b"Producer");
    info.created = text(b"CreationDate").and_then(|d| pdf_date(&d));

    let catalog = doc.catalog().ok();
    if let Some(xmp) = catalog
        .and_then(|c| get_stream(doc, c, b"Metadata"))
        .and_then(|s| stream_bytes(doc, s, MAX_XMP))
    {
        let xmp = String::from_utf8_lossy(&xmp);
        info.title = info.title.or_else(|| xmp_field(&xmp, "dc:title"));
        info.author = info.author.or_else(|| xmp_field(&xmp, "dc:creator"));
        info.subject = info.subject.or_else(|| xmp_field(&xmp, "dc:description"));
        info.producer = info.producer.or_else(|| xmp_simple(&xmp, "pdf:Producer"));
        info.created = info.created.or_else(|| xmp_simple(&xmp, "xmp:CreateDate"));
    }
    if let Some(catalog) = catalog {
        info.tagged = catalog.has(b"StructTreeRoot")
            || get_dict(doc, catalog, b"MarkInfo")
                .and_then(|m| get(doc, m, b"Marked"))
                .is_some_and(|m| matches!(m, Object::Boolean(true)));
        info.outline = outline(doc, catalog, pages);
    }
    info
}

/// `D:YYYYMMDDHHmmSSOHH'mm'` → ISO 8601 (as much as the string gives).
pub fn pdf_date(raw: &str) -> Option<String> {
    let s = raw.trim().strip_prefix("D:").unwrap_or(raw.trim());
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() < 4 {
        return None;
    }
    let part = |a: usize, b: usize| digits.get(a..b);
    let mut out = part(0, 4)?.to_string();
    if let Some(m) = part(4, 6) {
        out.push('-');
        out.push_str(m);
        if let Some(d) = part(6, 8) {
            out.push('-');
            out.push_str(d);
            if let (Some(h), Some(mi)) = (part(8, 10), part(10, 12)) {
                out.push('T');
                out.push_str(h);
                out.push(':');
                out.push_str(mi);
                out.push(':');
                out.push_str(part(12, 14).unwrap_or("00"));
                let rest = &s[digits.len()..];
                match rest.chars().next() {
                    Some('Z') => out.push('Z'),
                    Some(sign @ ('+' | '-')) => {
                        let tz: String = rest[1..].chars().filter(|c| c.is_ascii_digit()).collect();
                        if let (Some(th), tm) = (tz.get(0..2), tz.get(2..4).unwrap_or("00")) {
                            out.push(sign);
                            out.push_str(th);
                            out.push(':');
                            out.push_str(tm);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Some(out)
}

/// First `<rdf:li>` (or the text) inside `<tag>…</tag>`.
fn xmp_field(xmp: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}");
    let start = xmp.find(&open)?;
    let close = format!("</{tag}>");
    let end = start + xmp[start..].find(&close)?;
    let inner = &xmp[start..end];
    let value = match inner.find("<rdf:li") {
        Some(li) => {
            let from = li + inner[li..].find('>')? + 1;
            let to = from + inner[from..].find("</rdf:li>")?;
            &inner[from..to]
        }
        None => &inner[inner.find('>')? + 1..],
    };
    let value = unescape_xml(value.trim());
    (!value.is_empty()).then_some(value)
}

/// A simple property, as an element or an attribute.
fn xmp_simple(xmp: &str, tag: &str) -> Option<String> {
    xmp_field(xmp, tag).or_else(|| {
        let attr = format!("{tag}=\"");
        let start = xmp.find(&attr)? + attr.len();
        let end = start + xmp[start..].find('"')?;
        let v = unescape_xml(&xmp[start..end]);
        (!v.is_empty()).then_some(v)
    })
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn outline(
    doc: &Document,
    catalog: &Dictionary,
    pages: &HashMap<ObjectId, usize>,
) -> Vec<OutlineEntry> {
    let mut out = Vec::new();
    let Some(root) = get_dict(doc, catalog, b"Outlines") else {
        return out;
    };
    let mut seen = HashSet::new();
    // Depth-first with an explicit stack: (item reference, level).
    let mut stack: Vec<(ObjectId, usize)> = Vec::new();
    if let Ok(first) = root.get(b"First").and_then(Object::as_reference) {
        stack.push((first, 1));
    }
    while let Some((id, level)) = stack.pop() {
        if out.len() >= MAX_OUTLINE || !seen.insert(id) {
            continue;
        }
        let Some(item) = doc.get_object(id).ok().and_then(|o| as_dict(doc, o)) else {
            continue;
        };
        // Push the next sibling first so that children come out before it.
        if let Ok(next) = item.get(b"Next").and_then(Object::as_reference) {
            stack.push((next, level));
        }
        if level < MAX_OUTLINE_DEPTH
            && let Ok(child) = item.get(b"First").and_then(Object::as_reference)
        {
            stack.push((child, level + 1));
        }
        let title = get(doc, item, b"Title")
            .and_then(string)
            .map(decode_text_string)
            .unwrap_or_default();
        let title = title.trim().to_string();
        if title.is_empty() {
            continue;
        }
        out.push(OutlineEntry {
            level: level as u8,
            title,
            page: destination_page(doc, catalog, item, pages),
        });
    }
    out
}

fn destination_page(
    doc: &Document,
    catalog: &Dictionary,
    item: &Dictionary,
    pages: &HashMap<ObjectId, usize>,
) -> Option<usize> {
    let dest = get(doc, item, b"Dest").or_else(|| {
        let action = get_dict(doc, item, b"A")?;
        get(doc, action, b"D")
    })?;
    let dest = match dest {
        Object::Name(n) => get_dict(doc, catalog, b"Dests").and_then(|d| get(doc, d, n))?,
        Object::String(s, _) => named_dest(doc, catalog, s)?,
        other => other,
    };
    let arr = match dest {
        Object::Array(a) => a.as_slice(),
        Object::Dictionary(d) => get_array(doc, d, b"D")?,
        _ => return None,
    };
    match arr.first()? {
        Object::Reference(id) => pages.get(id).copied(),
        // Some producers write a 0-based page index instead of a reference.
        Object::Integer(i) => usize::try_from(*i).ok().map(|i| i + 1),
        _ => None,
    }
}

/// Looks a name up in the catalog's `/Names /Dests` tree (bounded walk).
fn named_dest<'a>(doc: &'a Document, catalog: &'a Dictionary, name: &[u8]) -> Option<&'a Object> {
    let names = get_dict(doc, catalog, b"Names")?;
    let mut queue = vec![get_dict(doc, names, b"Dests")?];
    let mut visits = 0;
    while let Some(node) = queue.pop() {
        visits += 1;
        if visits > 10_000 {
            return None;
        }
        if let Some(pairs) = get_array(doc, node, b"Names") {
            for pair in pairs.chunks_exact(2) {
                if deref(doc, &pair[0]).and_then(string) == Some(name) {
                    return deref(doc, &pair[1]);
                }
            }
        }
        if let Some(kids) = get_array(doc, node, b"Kids") {
            queue.extend(kids.iter().filter_map(|k| as_dict(doc, k)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates() {
        assert_eq!(
            pdf_date("D:20230115093000+01'00'").as_deref(),
            Some("2023-01-15T09:30:00+01:00")
        );
        assert_eq!(pdf_date("D:2021").as_deref(), Some("2021"));
        assert_eq!(pdf_date("D:20210304").as_deref(), Some("2021-03-04"));
        assert_eq!(
            pdf_date("D:20210304101010Z").as_deref(),
            Some("2021-03-04T10:10:10Z")
        );
        assert_eq!(pdf_date("garbage"), None);
    }

    #[test]
    fn xmp_fields() {
        let xmp = r#"<x><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Water &amp; Power</rdf:li></rdf:Alt></dc:title>
            <rdf:Description pdf:Producer="Typesetter 1.0"/></x>"#;
        assert_eq!(xmp_field(xmp, "dc:title").as_deref(), Some("Water & Power"));
        assert_eq!(
            xmp_simple(xmp, "pdf:Producer").as_deref(),
            Some("Typesetter 1.0")
        );
        assert_eq!(xmp_field(xmp, "dc:creator"), None);
    }
}
