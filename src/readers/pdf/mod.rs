//! The native PDF reader: positioned, styled text from the page content streams.
//!
//! `lopdf` gives the object model (cross-reference repair, filters, decryption with the
//! empty user password); everything about text is ours: the content-stream interpreter
//! (`interpreter`), fonts and encodings (`fonts`, `encodings`, `cmap`, `afm`,
//! `font_program`, `truetype`), and the grouping of glyphs into words and lines (`lines`).
//!
//! Nothing here panics on a hostile file: object lookups are total (`objects`), all
//! recursion is bounded (Form XObjects, outlines, page-tree inheritance), and work per page
//! is capped ([`Limits`]). A page that still fails is reported and skipped.

mod afm;
mod cmap;
mod drop_caps;
mod encodings;
mod font_program;
mod fonts;
mod geometry;
mod inflate;
mod interpreter;
mod lines;
mod load;
mod metadata;
mod objects;
mod optional;
mod page;
mod pi_marks;
mod slim;
mod tagged;
mod truetype;

use foldhash::HashMap;
use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

use lopdf::Document;

use crate::error::Error;
use crate::memory;
use crate::report::{Action, ActionKind, Report};
use crate::source::{Page, PageSize, SourceDocument, SourceKind};
pub use interpreter::Limits;
use interpreter::{Interpreter, PageText};

/// Files from this size on hand the memory they free back to the system at once: below
/// it there is little to give back, and taking pages back costs more (the next document of
/// a batch faults them in again) than it saves.
const LONG_FILE: usize = 8 << 20;

/// Reads a PDF into pages of positioned, styled lines. Bytes given owned are freed once
/// the file's objects are loaded.
pub fn read<'a>(
    bytes: impl Into<Cow<'a, [u8]>>,
    report: &mut Report,
) -> Result<SourceDocument, Error> {
    read_with(bytes, report, Limits::default())
}

/// [`read`] with explicit limits (tests use small ones).
pub fn read_with<'a>(
    bytes: impl Into<Cow<'a, [u8]>>,
    report: &mut Report,
    limits: Limits,
) -> Result<SourceDocument, Error> {
    let bytes = bytes.into();
    let long_file = bytes.len() >= LONG_FILE;
    let (doc, found_by_scan) = load::load(&bytes)?;
    if found_by_scan > 0 {
        report.warn(format!(
            "{found_by_scan} object(s) were not where the file's cross-reference table puts \
             them; they were found by scanning the file"
        ));
    }
    // lopdf copied what it needs out of the file; the parser's scratch goes back too.
    drop(bytes);
    if long_file {
        memory::release_freed();
    }
    let page_ids = load::pages(&doc);
    if page_ids.is_empty() {
        return Err(Error::DamagedPdf("no pages found".into()));
    }
    let numbers: HashMap<_, _> = page_ids
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, i + 1))
        .collect();
    let info = match catch_unwind(AssertUnwindSafe(|| metadata::read(&doc, &numbers))) {
        Ok(info) => info,
        Err(payload) if memory::is_over_budget(&*payload) => resume_unwind(payload),
        Err(_) => {
            report.warn("document metadata could not be read");
            Default::default()
        }
    };

    let mut tagging = catch_unwind(AssertUnwindSafe(|| tagged::Tagging::read(&doc)))
        .unwrap_or_else(|_| {
            report.warn("structure tree could not be read");
            None
        });
    let mut work = interpreter::DocumentWork::default();
    let layers = optional::OptionalContent::read(&doc);
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut images = 0;
    let mut skipped_from = None;
    for (i, id) in page_ids.iter().enumerate() {
        let number = i + 1;
        if work.exhausted {
            // A document-wide limit was reached: the pages left are not read (one
            // warning below names them).
            skipped_from.get_or_insert(number);
            pages.push(Page {
                number,
                ..Default::default()
            });
            continue;
        }
        memory::checkpoint();
        let result = catch_unwind(AssertUnwindSafe(|| {
            read_page(
                &doc,
                *id,
                number,
                &mut work,
                &layers,
                limits,
                tagging.as_mut(),
            )
        }));
        match result {
            Ok((page, text_images, warnings)) => {
                images += text_images;
                for w in warnings {
                    report.warn(format!("page {number}: {w}"));
                }
                pages.push(page);
            }
            Err(payload) if memory::is_over_budget(&*payload) => resume_unwind(payload),
            Err(_) => {
                report.warn(format!(
                    "page {number}: could not be read (internal error); skipped"
                ));
                // A panic may leave cached fonts half-built: start afresh (the work done
                // so far still counts).
                work.forget_caches();
                pages.push(Page {
                    number,
                    ..Default::default()
                });
            }
        }
    }
    if let Some(first) = skipped_from {
        report.warn(format!(
            "document limit reached (operators or glyphs): pages {first}-{} not read",
            pages.len()
        ));
    }
    if work.outside.glyphs > 0 {
        report.warn(format!(
            "{} glyph(s) drawn outside the page (its crop box) left out, on {}; \
             their text is in the report",
            crate::report::thousands(work.outside.glyphs),
            work.outside.pages()
        ));
        for (page, text) in std::mem::take(&mut work.outside_text) {
            report.push(
                Action::new(ActionKind::OutsidePage)
                    .page(page)
                    .before(text)
                    .evidence("drawn outside the page's crop box (printer's marks, proof slugs)"),
            );
        }
    }
    if let Some(w) = interpreter::unreadable_warning(&work.unreadable) {
        report.warn(w);
        for (page, codes) in std::mem::take(&mut work.unreadable_codes) {
            report.push(
                Action::new(ActionKind::Unreadable)
                    .page(page)
                    .before(codes)
                    .evidence(
                        "glyphs whose font maps them to no character, left out: their codes, \
                         each as the character of its number (what extractors that print \
                         raw codes show)",
                    ),
            );
        }
    }
    for (page, font, befores, signs) in std::mem::take(&mut work.charted) {
        report.push(
            Action::new(ActionKind::CharactersRepaired)
                .page(page)
                .before(befores)
                .after(signs)
                .evidence(format!(
                    "drawn by the symbol font {font}: the codes its text names read through \
                     the font's own chart, as the signs printed"
                )),
        );
    }
    pi_marks::repair(&mut pages, report);
    drop_caps::place(&mut pages, report);
    let has_text = pages.iter().any(|p| p.lines.iter().any(|l| !l.is_blank()));
    if !has_text && images > 0 {
        return Err(Error::NoTextLayer { pages: pages.len() });
    }
    let mut info = info;
    info.structure = tagging.map(|t| t.info());
    // The object model is most of a long file's memory; what comes next needs none of it.
    drop(layers);
    drop(work);
    drop(doc);
    if long_file {
        memory::release_freed();
    }
    Ok(SourceDocument {
        kind: SourceKind::Pdf,
        pages,
        info,
    })
}

/// The direction (900, 1800 or 2700) in which most of a page's visible text runs, when
/// that is not left to right: three quarters of its characters, twenty at least.
fn sideways(text: &PageText) -> Option<u16> {
    let mut counts = [0usize; 4];
    let mut all = 0usize;
    for g in text.glyphs.iter().filter(|g| !g.space && !g.invisible) {
        all += 1;
        if let Some(slot) = [0u16, 900, 1800, 2700].iter().position(|&d| d == g.dir.0) {
            counts[slot] += 1;
        }
    }
    let (slot, &most) = counts.iter().enumerate().skip(1).max_by_key(|(_, n)| **n)?;
    (most >= 20 && most * 4 >= all * 3).then_some([0u16, 900, 1800, 2700][slot])
}

fn read_page(
    doc: &Document,
    id: lopdf::ObjectId,
    number: usize,
    work: &mut interpreter::DocumentWork,
    layers: &optional::OptionalContent,
    limits: Limits,
    tagging: Option<&mut tagged::Tagging>,
) -> (Page, usize, Vec<String>) {
    let Some(dict) = doc
        .get_object(id)
        .ok()
        .and_then(|o| objects::as_dict(doc, o))
    else {
        return (
            Page {
                number,
                ..Default::default()
            },
            0,
            vec!["page object missing or unreadable".into()],
        );
    };
    let mut frame = page::frame(doc, dict);
    let content = page::content(doc, dict, limits.max_content_bytes);
    let resources = page::resources(doc, dict);
    let interpret = |frame: &page::Frame, work: &mut interpreter::DocumentWork| {
        Interpreter::new(
            doc,
            work,
            layers,
            limits,
            frame.base,
            frame.width,
            frame.height,
        )
        .run_page(&content.bytes, resources, dict)
    };
    let mut text: PageText = interpret(&frame, work);
    // A page printed sideways (most of its text running down or up the page as
    // displayed) is read turned, the way it is meant to be held: its lines then keep
    // their baselines, columns and reading order.
    if let Some(dir) = sideways(&text) {
        frame = frame.turned(dir);
        text = interpret(&frame, work);
    }
    for (font, &n) in text.fonts.iter().zip(&text.unmapped) {
        if n > 0 {
            work.unreadable
                .entry(font.name.clone())
                .or_default()
                .add(n, number);
        }
    }
    for (slot, before, sign) in std::mem::take(&mut text.charted) {
        let Some(font) = text.fonts.get(usize::from(slot)) else {
            continue;
        };
        match work.charted.last_mut() {
            Some((page, name, befores, signs)) if *page == number && *name == font.name => {
                befores.push(' ');
                befores.push(before);
                signs.push(' ');
                signs.push(sign);
            }
            _ => work.charted.push((
                number,
                font.name.clone(),
                before.to_string(),
                sign.to_string(),
            )),
        }
    }
    let codes = text.unmapped_codes.trim();
    if !codes.is_empty() {
        work.unreadable_codes.push((number, codes.to_string()));
    }
    if text.off_page > 0 {
        work.outside.add(text.off_page, number);
        let slug = text
            .off_page_text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !slug.is_empty() {
            work.outside_text.push((number, slug));
        }
    }
    let mut warnings = text.warnings.clone();
    if content.damaged > 0 {
        warnings.push(format!(
            "{} content stream(s) could not be decoded; their text is lost",
            content.damaged
        ));
    }
    if content.over_limit > 0 {
        warnings.push(format!(
            "{} content stream(s) would decode past the page's limit of {} bytes \
             (a decompression bomb?); their text is lost",
            content.over_limit,
            crate::report::thousands(limits.max_content_bytes)
        ));
    }
    let marked = lines::build_marked_lines(&text, frame.height as f32, &mut work.spare_lines);
    let lines = match tagging {
        Some(tagging) if !text.marks.is_empty() => marked
            .into_iter()
            .map(|(mut line, counts)| {
                line.tag = tagging.tag_line(id, &text.marks, &counts);
                line
            })
            .collect(),
        _ => marked.into_iter().map(|(line, _)| line).collect(),
    };
    let page = Page {
        number,
        size: Some(PageSize {
            width: frame.width as f32,
            height: frame.height as f32,
            rotation: frame.rotation,
        }),
        lines,
        links: page::links(doc, dict, &frame),
        rects: std::mem::take(&mut text.rects),
        rules: std::mem::take(&mut text.rules),
    };
    (page, text.images, warnings)
}
