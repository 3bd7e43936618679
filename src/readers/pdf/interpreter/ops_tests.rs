//! The scanner against lopdf's own iterator: the same operations, the same damage, the
//! same end, on plain streams and on every kind of input the scanner hands over.

use super::*;

fn lopdf_reads(bytes: &[u8]) -> Vec<String> {
    Content::decode_iter(bytes).map(|r| shown(&r)).collect()
}

fn scanner_reads(bytes: &[u8]) -> Vec<String> {
    operations(bytes).map(|r| shown(&r)).collect()
}

fn shown(r: &lopdf::Result<Operation>) -> String {
    match r {
        Ok(op) => format!("{op:?}"),
        Err(_) => "damaged".into(),
    }
}

fn same(bytes: &[u8]) {
    assert_eq!(
        scanner_reads(bytes),
        lopdf_reads(bytes),
        "{:?}",
        String::from_utf8_lossy(bytes)
    );
}

#[test]
fn plain_text_operations() {
    same(b"BT /F1 12 Tf 72 712 Td (Hello, world) Tj ET");
    same(b"  q 1 0 0 1 0 0 cm\n0.5 g 10 10 100 50 re f Q\r\n");
    same(b"BT [(A) -120 (wa) 50.5 (y)] TJ T* (x) ' 1 2 (y) \" ET");
    same(b"/Span <</MCID 3>> BDC (a) Tj EMC");
    same(b"");
    same(b"   \n\t ");
}

#[test]
fn numbers() {
    same(b"1 -2 +3 .5 -.5 +.25 3. -4. 0.00-4142502 -0.0-5 1.5- 1.2.3 5-3 m");
    same(b"99999999999999999999 m");
    same(b"9223372036854775807 -9223372036854775808 -9223372036854775809 m");
    same(b"- m");
    same(b"+. m");
    same(b". m");
    same(b"1true 2null 3false x");
    same(b"1e5 m");
    same(b"123456789012345678901234567890.5 m");
    // Runs of more than 19 digits whose value is small (leading zeros), either side of
    // the point, and the values at the edge of 19 digits.
    same(b"00000000000000000000001 -000000000000000000000042 m");
    same(b"0000000000000000000001.5 -0.00000000000000000000025 000000000000.0000000005 m");
    same(b"9999999999999999999 -9999999999999999999 999999999999999999.9 m");
    same(b"[00000000000000000000007 (a) 0000000000000000000000.5] TJ");
}

/// Reals read directly give exactly what the general parser gives: every
/// sign, digit count on either side of the point up to past the limits, and the values
/// around 2^24 where `f32` stops holding every integer.
#[test]
fn short_reals_read_as_the_general_parser_reads_them() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut texts: Vec<String> = vec![
        "16777216.".into(),
        "16777217.".into(),
        "16777215.5".into(),
        "1677721.7".into(),
        "-0.0".into(),
        "+.5".into(),
        "0.0000000001".into(),
        "0.00000000001".into(),
        "4294967295.5".into(),
        "4294967296.5".into(),
    ];
    for whole in 0..=9 {
        for fraction in 0..=12 {
            for _ in 0..400 {
                let mut t = String::new();
                match next() % 3 {
                    0 => t.push('-'),
                    1 => t.push('+'),
                    _ => {}
                }
                for _ in 0..whole {
                    t.push(char::from(b'0' + (next() % 10) as u8));
                }
                t.push('.');
                for _ in 0..fraction {
                    t.push(char::from(b'0' + (next() % 10) as u8));
                }
                texts.push(t);
            }
        }
    }
    let mut direct = 0;
    for t in &texts {
        let Ok(parsed) = t.parse::<f32>() else {
            continue;
        };
        let Some((Object::Real(value), end)) = number(t.as_bytes(), 0) else {
            panic!("{t} reads as a real");
        };
        assert_eq!((value.to_bits(), end), (parsed.to_bits(), t.len()), "{t}");
        let (whole, fraction) = t.trim_start_matches(['+', '-']).split_once('.').unwrap();
        let digits = format!("{whole}{fraction}").parse::<u64>().ok();
        if short_real(digits, fraction.len()).is_some() {
            direct += 1;
        }
    }
    // Most of them take the direct path, so the comparison means something.
    assert!(direct > texts.len() / 5, "{direct} of {}", texts.len());
}

#[test]
fn names() {
    same(b"/F1 Tf /A#20B Do /#4 x /# y / z /\xe9t\xe9 w");
    same(b"/a/b/c d");
}

#[test]
fn strings() {
    same(b"(a\\(b\\)c) Tj (nested (parens) here) Tj (\\101\\1012\\7777\\8) Tj");
    same(b"(line\r\nbreak\rand\nmore) Tj (cont\\\r\ninued\\\nx\\\ry) Tj");
    same(b"(\\n\\r\\t\\b\\f\\\\\\q) Tj");
    same(b"(unterminated Tj");
    same(b"(ends with \\");
    same(b"(((((((((((((((((((((((((((((((((((((((deep)))))))))))))))))))))))))))))))))))))))) Tj");
    same(b"<48656C6C6F> Tj <4 8 6\n5 6> Tj <1> Tj <> Tj <zz> Tj <12");
}

#[test]
fn arrays() {
    same(b"[1 2 3] 0 d [(a) 1 0 R] TJ");
    same(b"[1 2 R] x [1\n0\nR] y [12 0 obj] z");
    same(b"[[1 [2 [3]]] /a (b) <cc> true false null] x");
    same(b"[1 % comment\n 2] d");
    same(b"[<</A 1>>] x");
    same(b"[nonsense] x [1 2");
    let deep = [
        b"[".repeat(120),
        b"1".to_vec(),
        b"]".repeat(120),
        b" x".to_vec(),
    ]
    .concat();
    same(&deep);
    let less_deep = [
        b"[".repeat(40),
        b"1".to_vec(),
        b"]".repeat(40),
        b" x".to_vec(),
    ]
    .concat();
    same(&less_deep);
}

#[test]
fn inline_dictionaries() {
    same(b"/P <</MCID 0>> BDC (a) Tj EMC /Span<</MCID 1/Lang(en-GB)>>BDC EMC");
    same(b"/Artifact <</Type /Pagination /Subtype /Header /Attached [/Top]>> BDC EMC");
    same(b"<< >> x <<>> y <<\n/A\r\n1\t>> z");
    same(b"/X <</A <</B <</C [1 <</D null>>] /E true>> /F false>> /G -.5>> BDC");
    same(b"/X <</S (a\\(b\\)c) /H <41 42> /E <> /N /Name /R 1.25 /I -7 /Z null>> BDC");
    // A repeated key keeps its first place and takes its last value.
    same(b"/X <</A 1 /B 2 /A 3 /C 4 /B 5>> BDC");
    same(b"/X <</A/B/C/D>> BDC /Y <</ 1 /A()>> BDC");
    same(b"[<</A 1>> <</B [2 3]>>] x [<<>>] y");
    same(b"/X <</A 99999999999999999999>> BDC /Y <</A 1e5>> BDC");
    same(b"/X <</A 1 0.5 >> BDC /Y <</A 1 2 3>> BDC");
}

/// Everything in a dictionary that the scanner leaves to lopdf, and damaged dictionaries.
#[test]
fn dictionaries_handed_over() {
    same(b"/X <</A#20B 1>> BDC (a) Tj");
    same(b"/X <</A /B#43>> BDC (a) Tj");
    same(b"/X <</A 12 0 R>> BDC (a) Tj /Y <</A 12\n0\nR /B 1>> BDC");
    same(b"/X <</A 1 % comment\n/B 2>> BDC (a) Tj");
    same(b"/X <<% comment\n/A 1>> BDC");
    same(b"/X <</A % comment\n1>> BDC");
    same(b"/X <</A 1>>% comment\n BDC");
    same(b"/X <</A 1 BDC (a) Tj");
    same(b"/X <</A>> BDC (a) Tj");
    same(b"/X <</A 1 /B>> BDC");
    same(b"/X <<1 2>> BDC");
    same(b"/X <</A 1> BDC");
    same(b"/X <</A 1 >");
    same(b"/X <<");
    same(b"/X <</A {1}>> BDC");
    same(b"/X <</A <1 2>> BDC");
    same(b"/X <</A <zz>>> BDC");
    let deep = [
        b"/X ".to_vec(),
        b"<</A ".repeat(60),
        b"1".to_vec(),
        b">>".repeat(60),
        b" BDC (a) Tj".to_vec(),
    ]
    .concat();
    same(&deep);
    let less_deep = [
        b"/X ".to_vec(),
        b"<</A [".repeat(12),
        b"1".to_vec(),
        b"]>>".repeat(12),
        b" BDC (a) Tj".to_vec(),
    ]
    .concat();
    same(&less_deep);
    let base: &[u8] = b"/P <</MCID 0 /A [1 (x) <41>] /D <</E /F>>>> BDC (a) Tj EMC";
    for end in 0..=base.len() {
        same(&base[..end]);
    }
    for i in 0..base.len() {
        for c in [
            b'%', b'(', b')', b'[', b']', b'<', b'>', b'/', b'#', b'.', b'-', b'R', b' ', b'0',
        ] {
            let mut changed = base.to_vec();
            changed[i] = c;
            same(&changed);
        }
    }
}

#[test]
fn what_the_scanner_hands_over() {
    same(b"% a comment\nBT (a) Tj ET");
    same(b"BT (a) Tj % trailing comment\n(b) Tj ET");
    same(b"BT 1 % inside operands\n2 Td ET");
    same(b"BI /W 2 /H 1 /CS /G /BPC 8 ID \x00\x01 EI Q (after) Tj");
    same(b"BI /W 2 /H 1 ID xx");
    same(b"BIG x");
    same(b"q ] Q");
    same(b"q } Q");
    same(b"1 2");
    same(b"(a) Tj %");
    same(b"/a #b x");
    same(b"<</A 1>> BDC EMC");
}

#[test]
fn damaged_streams_read_the_same() {
    let base: &[u8] =
        b"BT /F1 12 Tf 72 712 Td [(He) -20 (llo)] TJ (a\\(b) Tj <414243> Tj ET q 1 0 0 1 5 5 cm Q";
    // Every prefix, and every single-byte change to a few troublesome bytes.
    for end in 0..=base.len() {
        same(&base[..end]);
    }
    for i in 0..base.len() {
        for c in [
            b'%', b'(', b')', b'[', b']', b'<', b'>', b'/', b'\\', b'#', b'.', b'-', b'R',
        ] {
            let mut changed = base.to_vec();
            changed[i] = c;
            same(&changed);
        }
    }
}

/// Every stream of every PDF under `$BRIEF2MD_OPS_DIFF` (content streams, and fonts and
/// images as damaged input), read both ways. Run by hand:
/// `BRIEF2MD_OPS_DIFF=../shared cargo test --release --lib ops::tests::every_stream -- --ignored`
#[test]
#[ignore]
fn every_stream_of_a_folder_reads_the_same() {
    let Ok(root) = std::env::var("BRIEF2MD_OPS_DIFF") else {
        return;
    };
    let (mut files, mut streams) = (0, 0);
    for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
        let path = entry.path();
        if !path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            continue;
        }
        let Ok(doc) = lopdf::Document::load(path) else {
            continue;
        };
        files += 1;
        for object in doc.objects.values() {
            if let Object::Stream(stream) = object {
                let bytes = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                if bytes.len() > 4 << 20 {
                    continue;
                }
                streams += 1;
                assert_eq!(
                    scanner_reads(&bytes),
                    lopdf_reads(&bytes),
                    "{} stream of {} bytes",
                    path.display(),
                    bytes.len()
                );
            }
        }
    }
    eprintln!("{files} files, {streams} streams read the same");
}

/// The marked-content dictionaries of a tagged PDF are read here, not handed to lopdf.
#[test]
fn plain_dictionaries_are_not_handed_over() {
    let bytes = b"/P <</MCID 0>> BDC [<</A [1 (x)]>>] x /S <</T <</U /V>> /W <41>>> BDC EMC";
    let mut ops = operations(bytes);
    let mut count = 0;
    while let Some(op) = ops.next_op() {
        assert!(op.is_ok());
        count += 1;
    }
    assert_eq!(count, 4);
    assert!(ops.rest.is_none());
}

/// Operations lent one after another read the same as lopdf's, though each is read into
/// the strings, names and arrays of those before it (emptied): long ones before short,
/// short before long, nested, and ones too large to be kept.
#[test]
fn lent_operations_read_into_the_buffers_before_them_the_same() {
    let long = "x".repeat(SPARE_BYTES + 10);
    let many: String = (0..SPARE_ITEMS + 5)
        .map(|i| format!("({i}) -{i} "))
        .collect();
    let bytes = format!(
        "BT /F1 12 Tf (a longer string first) Tj (b) Tj <414243> Tj [(A) -120 (wa) [1 (x)] \
         50.5 (y)] TJ [(z)] TJ /Span <</MCID 3 /Alt (alt)>> BDC (esc\\)aped\\n) Tj EMC ({long}) \
         Tj (s) Tj [{many}] TJ [(t) 5] TJ /GS0 gs /Im1 Do () Tj [] TJ ET"
    );
    let mut ops = operations(bytes.as_bytes());
    let mut lent = Vec::new();
    while let Some(op) = ops.next_op() {
        lent.push(match op {
            Ok(op) => format!("{op:?}"),
            Err(_) => "damaged".into(),
        });
    }
    assert!(ops.rest.is_none());
    assert_eq!(lent, lopdf_reads(bytes.as_bytes()));
}
