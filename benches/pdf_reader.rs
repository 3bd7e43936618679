//! Benchmarks of the PDF reader (interpreter, fonts, line building) on multi-page PDFs:
//! a generated 20-page two-column document, and the bench typesetters' files when
//! `../shared/bench/docs` is present.
//!
//! `cargo bench --bench pdf_reader`

use std::hint::black_box;
use std::path::PathBuf;

use brief2md::readers::pdf;
use brief2md::report::Report;
use criterion::{Criterion, criterion_group, criterion_main};
use lopdf::{Document, Object, Stream, dictionary};

/// 20 pages, two columns of 50 justified-looking lines each, with footnote markers.
fn generated() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let regular = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman", "Encoding" => "WinAnsiEncoding",
    });
    let bold = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Bold", "Encoding" => "WinAnsiEncoding",
    });
    let resources =
        doc.add_object(dictionary! { "Font" => dictionary! { "F1" => regular, "F2" => bold } });
    let words = [
        "water",
        "policy",
        "downstream",
        "delta",
        "sediment",
        "reservoir",
        "agreement",
        "basin",
        "drought",
        "fisheries",
        "commission",
        "monsoon",
    ];
    let mut kids = Vec::new();
    for page in 0..20 {
        let mut content = String::from("BT /F2 14 Tf 72 800 Td (Section heading) Tj ET\n");
        for column in 0..2 {
            let x = 72 + column * 240;
            content.push_str(&format!("BT /F1 10 Tf 12 TL {x} 770 Td\n"));
            for line in 0..50 {
                let mut parts = String::new();
                for w in 0..7 {
                    let word = words[(page * 7 + line * 3 + w + column) % words.len()];
                    parts.push_str(&format!("({word} ) -{} ", 20 + (w * 13) % 40));
                }
                content.push_str(&format!("[{parts}] TJ"));
                if line % 9 == 4 {
                    content.push_str(" /F1 6 Tf 3 Ts (7) Tj 0 Ts /F1 10 Tf");
                }
                content.push_str(" T*\n");
            }
            content.push_str("ET\n");
        }
        let stream = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("writing to memory");
    out
}

fn read(bytes: &[u8]) -> usize {
    let mut report = Report::default();
    pdf::read(bytes, &mut report)
        .map(|d| d.pages.len())
        .expect("the bench PDF reads")
}

fn bench(c: &mut Criterion) {
    let generated = generated();
    assert_eq!(read(&generated), 20);
    c.bench_function("read 20-page generated two-column PDF", |b| {
        b.iter(|| read(black_box(&generated)))
    });
    let bench_docs =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/docs/d01_mekong/input");
    for name in ["d01_mekong__latex.pdf", "d01_mekong__chrome.pdf"] {
        match std::fs::read(bench_docs.join(name)) {
            Ok(bytes) => {
                c.bench_function(&format!("read {name}"), |b| {
                    b.iter(|| read(black_box(&bytes)))
                });
            }
            Err(_) => eprintln!("(skipping {name}: shared bench documents not found)"),
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
