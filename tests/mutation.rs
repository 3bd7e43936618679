//! A bounded mutation test: damaged copies of a few PDFs that live in the repository go
//! through the whole library path (`convert`, then the Markdown and JATS writers). None may
//! panic or hang; an error must be one line. The next hang should be found here, by CI,
//! not by a user with a damaged file.
//!
//! The mutants are deterministic (a fixed-seed xorshift generator written here), so a
//! failure names a mutant that the same build reproduces: its source, its round and what
//! was done to it.
//!
//! Size: `MUTANTS_PER_SOURCE` (300) × 3 sources = 900 mutants. Most damaged files fail
//! fast (a broken xref is rebuilt or refused in milliseconds); the ones that still read
//! cost about as much as the original, a few ms in release. Measured: 900 mutants in
//! about 4 s in release on this 2-core machine, so a loaded machine stays under the 20 s
//! budget (a debug build takes several times longer). Set `BRIEF2MD_MUTANTS` to hunt longer.
//!
//! Each mutant converts on its own thread under a generous wall-clock guard. The guard
//! only turns a hang into a failure instead of a stuck test run; it is no timing
//! assertion.

mod support;

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use brief2md::{Options, convert};
use lopdf::dictionary;
use support::*;

/// Mutants made from each source PDF; `BRIEF2MD_MUTANTS` overrides it for a longer hunt.
const MUTANTS_PER_SOURCE: u64 = 300;

fn mutants_per_source() -> u64 {
    std::env::var("BRIEF2MD_MUTANTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(MUTANTS_PER_SOURCE)
}

/// Long enough for a debug build on a busy machine; a hang never ends.
const HANG_GUARD: Duration = Duration::from_secs(30);

/// xorshift64*: deterministic noise without a dependency.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // Never zero: xorshift would stay at zero for ever.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A value in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A small uncompressed PDF, so that mutations hit content streams, fonts and the page
/// tree rather than a deflate checksum: three pages, a heading-sized line, a raised
/// footnote mark, a form drawn twice, a CID font with a ToUnicode CMap.
fn generated() -> Vec<u8> {
    let mut b = PdfBuilder::new();
    b.std_font("F1", "Helvetica", Some("WinAnsiEncoding"));
    b.identity_type0_font("F2", &[(1, "x"), (2, "y"), (3, "z")]);
    let form = b.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 200.into(), 20.into()],
        },
        b"BT /F1 9 Tf 0 0 Td (Text drawn by a form) Tj ET",
    );
    b.xobject("X", form);
    b.page(
        "BT /F1 18 Tf 72 760 Td (A short brief on rivers) Tj ET \
         BT /F1 11 Tf 72 720 Td (The first paragraph says what the brief is about) Tj \
         0 -14 Td (and goes on for a second line of ordinary words.) Tj \
         /F1 7 Tf 4 Ts (1) Tj 0 Ts ET \
         q 1 0 0 1 72 600 cm /X Do Q \
         BT /F1 8 Tf 72 80 Td (1 A footnote at the foot of the page.) Tj ET",
    );
    b.page(
        "BT /F1 14 Tf 72 760 Td (Second section) Tj ET \
         BT /F2 11 Tf 72 720 Td <000100020003> Tj ET \
         q 2 0 0 2 72 500 cm /X Do Q",
    );
    b.page("BT /F1 11 Tf 72 760 Td [(Kerned) -250 (words on the) 120 (last page.)] TJ ET");
    b.build()
}

fn bench_pdf(name: &str) -> Vec<u8> {
    let stem = name.rsplit_once("__").expect("bench file name").0;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bench/docs")
        .join(stem)
        .join("input")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The sources: the generated PDF, a LibreOffice PDF (classic xref table, a page tree with
/// several `/Count`s) and a LaTeX PDF (object streams and an xref stream).
fn sources() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("generated", generated()),
        ("d04_water__lo.pdf", bench_pdf("d04_water__lo.pdf")),
        ("d04_water__latex.pdf", bench_pdf("d04_water__latex.pdf")),
    ]
}

/// Byte ranges of the decimal numbers the structure of a PDF hangs on: the values after
/// `/Length`, `/Count`, `/Size`, `/N`, `/First`, `/Prev`, after `startxref`, and the
/// offsets of classic xref entries (`0000012345 00000 n`).
fn structural_numbers(bytes: &[u8]) -> Vec<(usize, usize)> {
    let digits_from = |start: usize| {
        let mut s = start;
        while s < bytes.len() && matches!(bytes[s], b' ' | b'\r' | b'\n') {
            s += 1;
        }
        let mut e = s;
        while e < bytes.len() && (bytes[e].is_ascii_digit() || (e == s && bytes[e] == b'-')) {
            e += 1;
        }
        (e > s).then_some((s, e))
    };
    let mut found = Vec::new();
    for key in [
        &b"/Length"[..],
        b"/Count",
        b"/Size",
        b"/N ",
        b"/First",
        b"/Prev",
        b"startxref",
    ] {
        let mut from = 0;
        while let Some(at) = find(&bytes[from..], key) {
            let end = from + at + key.len();
            if let Some(range) = digits_from(end) {
                found.push(range);
            }
            from = end;
        }
    }
    // Classic xref entries: ten digits, a space, five digits, a space, `n`.
    for i in 0..bytes.len().saturating_sub(18) {
        let w = &bytes[i..i + 18];
        if w[..10].iter().all(u8::is_ascii_digit)
            && w[10] == b' '
            && w[11..16].iter().all(u8::is_ascii_digit)
            && w[16] == b' '
            && w[17] == b'n'
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
        {
            found.push((i, i + 10));
        }
    }
    found
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// One mutant of `bytes` (`other` is the next source, for splicing), and what was done.
fn mutate(
    rng: &mut Rng,
    bytes: &[u8],
    other: &[u8],
    numbers: &[(usize, usize)],
) -> (Vec<u8>, String) {
    let mut out = bytes.to_vec();
    let len = out.len();
    match rng.below(7) {
        0 => {
            let n = 1 + rng.below(16);
            for _ in 0..n {
                let at = rng.below(len);
                out[at] ^= 1 << rng.below(8);
            }
            (out, format!("{n} bit flip(s)"))
        }
        1 => {
            let at = rng.below(len + 1);
            let n = 1 + rng.below(64);
            // Bytes a PDF parser cares about, mixed with noise.
            const TOKENS: &[u8] = b"()<>[]{}/%\\ \n\r0123456789.-+RobjBTETQq";
            let ins: Vec<u8> = (0..n)
                .map(|_| {
                    if rng.below(2) == 0 {
                        TOKENS[rng.below(TOKENS.len())]
                    } else {
                        rng.next() as u8
                    }
                })
                .collect();
            out.splice(at..at, ins);
            (out, format!("{n} byte(s) inserted at {at}"))
        }
        2 => {
            let at = rng.below(len);
            let n = (1 + rng.below(256)).min(len - at);
            out.drain(at..at + n);
            (out, format!("{n} byte(s) deleted at {at}"))
        }
        3 => {
            let keep = rng.below(len);
            out.truncate(keep);
            (out, format!("truncated to {keep} bytes"))
        }
        4 if !numbers.is_empty() => {
            let (s, e) = numbers[rng.below(numbers.len())];
            let old: i64 = std::str::from_utf8(&out[s..e])
                .ok()
                .and_then(|t| t.parse().ok())
                .unwrap_or(0);
            let new = match rng.below(8) {
                0 => 0,
                1 => -1,
                2 => 1,
                3 => 2_147_483_647,
                4 => 999_999_999_999,
                5 => old.saturating_mul(1000),
                6 => old / 2,
                _ => old + rng.below(41) as i64 - 20,
            };
            let text = new.to_string();
            out.splice(s..e, text.bytes());
            (out, format!("number at {s} changed from {old} to {new}"))
        }
        5 => {
            let a = rng.below(len);
            let b = rng.below(other.len());
            let mut spliced = bytes[..a].to_vec();
            spliced.extend_from_slice(&other[b..]);
            (
                spliced,
                format!("first {a} bytes, then the other source from {b}"),
            )
        }
        _ => {
            // Copy a chunk of the file elsewhere in it: repeated objects, doubled
            // `endstream`, a page tree that points at itself.
            let a = rng.below(len);
            let n = (1 + rng.below(4096)).min(len - a);
            let chunk = bytes[a..a + n].to_vec();
            let at = rng.below(len + 1);
            out.splice(at..at, chunk);
            (out, format!("{n} bytes from {a} copied to {at}"))
        }
    }
}

/// Converts one mutant and writes it both ways on a worker thread. `Err` says how the
/// mutant failed the test: a panic (with its message) or a hang.
fn check(name: &str, bytes: Vec<u8>) -> Result<&'static str, String> {
    let (tx, rx) = mpsc::channel();
    let source_name = name.to_string();
    std::thread::spawn(move || {
        let outcome = std::panic::catch_unwind(move || {
            let options = Options {
                source_name: Some(source_name),
                ..Options::default()
            };
            match convert(&bytes, &options) {
                Ok(c) => {
                    let md = brief2md::writers::markdown::write(&c.document, &Default::default());
                    let xml = brief2md::writers::jats::write(&c.document);
                    assert!(xml.contains("<article"), "JATS without an article: {xml}");
                    drop(md);
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            }
        });
        let _ = tx.send(outcome);
    });
    match rx.recv_timeout(HANG_GUARD) {
        Ok(Ok(Ok(()))) => Ok("converted"),
        Ok(Ok(Err(msg))) if msg.is_empty() || msg.contains('\n') => {
            Err(format!("error is not one line: {msg:?}"))
        }
        Ok(Ok(Err(_))) => Ok("refused"),
        Ok(Err(payload)) => {
            let msg = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("panicked: {msg}"))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("still converting after {HANG_GUARD:?}: a hang"))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("the worker died".to_string()),
    }
}

#[test]
fn damaged_pdfs_convert_or_fail_in_one_line_never_panic_or_hang() {
    let sources = sources();
    let mut failures = Vec::new();
    let (mut converted, mut refused) = (0, 0);
    for (index, (name, bytes)) in sources.iter().enumerate() {
        // The originals must convert, or the mutants test nothing.
        assert_eq!(check(name, bytes.clone()), Ok("converted"), "{name}");
        let other = &sources[(index + 1) % sources.len()].1;
        let numbers = structural_numbers(bytes);
        assert!(!numbers.is_empty(), "{name}: no structural numbers found");
        let mut rng = Rng::new(0x6D75_7461_6E74 + index as u64);
        for round in 0..mutants_per_source() {
            let (mutant, what) = mutate(&mut rng, bytes, other, &numbers);
            match check(name, mutant) {
                Ok("converted") => converted += 1,
                Ok(_) => refused += 1,
                Err(why) => failures.push(format!("{name} round {round} ({what}): {why}")),
            }
        }
    }
    eprintln!("mutants: {converted} converted, {refused} refused with a one-line error");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A mutation that every mutant survives, or that none does, tests little: both outcomes
    // must occur.
    assert!(
        converted > 0 && refused > 0,
        "converted {converted}, refused {refused}"
    );
}
