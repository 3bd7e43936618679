//! The text path end to end (reader, cleaning passes, structure, Markdown writer) on the
//! seed brief, whose issue asks for under 5 ms. Falls back to one of our own fixtures, and
//! says so, when the shared seed is not there.

use std::path::PathBuf;

use brief2md::writers::markdown::{self, MarkdownOptions};
use brief2md::{Options, convert};
use criterion::{Criterion, criterion_group, criterion_main};

fn input() -> (String, Vec<u8>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seed = root.join("../shared/seeds/000_5a451798ca0430ba.txt");
    if let Ok(bytes) = std::fs::read(&seed) {
        return ("seed brief".into(), bytes);
    }
    eprintln!(
        "benchmark: ../shared/seeds is missing; timing fixtures/briefs/f01_fisheries instead"
    );
    let fixture = root.join("fixtures/briefs/f01_fisheries/input/f01_fisheries__debris.txt");
    (
        "f01_fisheries debris".into(),
        std::fs::read(fixture).expect("fixture"),
    )
}

fn bench(c: &mut Criterion) {
    let (name, bytes) = input();
    c.bench_function(&format!("convert {name} to Markdown"), |b| {
        b.iter(|| {
            let conv =
                convert(std::hint::black_box(&bytes), &Options::default()).expect("converts");
            markdown::write(&conv.document, &MarkdownOptions::default())
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
