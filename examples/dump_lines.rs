//! Prints what the PDF reader sees: per page, each line with its bounding box, baseline,
//! size and spans (script, bold/italic, invisible flags). For tuning line building and for
//! the layout work that reads these lines.
//!
//! ```sh
//! cargo run --release --example dump_lines -- FILE.pdf [PAGE]
//! cargo run --release --example dump_lines -- --text FILE.pdf   # line texts only
//! cargo run --release --example dump_lines -- --fonts FILE.pdf  # font, size and x range per span
//! ```
//!
//! `--text` prints just the text of each line, pages separated by form feeds: what
//! `scripts/corpus-check` compares with pdftotext.

use brief2md::readers::pdf;
use brief2md::report::Report;
use brief2md::source::Script;
use std::fmt::Write as _;
use std::io::Write as _;

/// Output is gathered and written once, so that a closed pipe (`| head`) ends quietly.
macro_rules! out {
    ($buf:expr, $($arg:tt)*) => { let _ = write!($buf, $($arg)*); };
}
macro_rules! outln {
    ($buf:expr) => { $buf.push('\n'); };
    ($buf:expr, $($arg:tt)*) => { let _ = writeln!($buf, $($arg)*); };
}

fn main() {
    let mut buf = String::new();
    run(&mut buf);
    let _ = std::io::stdout().write_all(buf.as_bytes());
}

fn run(buf: &mut String) {
    let mut args = std::env::args().skip(1).peekable();
    let text_only = args.next_if(|a| a == "--text").is_some();
    let fonts = args.next_if(|a| a == "--fonts").is_some();
    let Some(path) = args.next() else {
        eprintln!("usage: dump_lines [--text | --fonts] FILE.pdf [PAGE]");
        std::process::exit(2);
    };
    let only: Option<usize> = args.next().and_then(|p| p.parse().ok());
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("dump_lines: {path}: {e}");
            std::process::exit(1);
        }
    };
    let mut report = Report::default();
    let doc = match pdf::read(&bytes, &mut report) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dump_lines: {path}: {e}");
            std::process::exit(1);
        }
    };
    if text_only {
        for page in &doc.pages {
            for line in &page.lines {
                outln!(buf, "{}", line.text());
            }
            out!(buf, "\x0c");
        }
        return;
    }
    let info = &doc.info;
    outln!(
        buf,
        "# title={:?} author={:?} created={:?} producer={:?} tagged={} outline={}",
        info.title,
        info.author,
        info.created,
        info.producer,
        info.tagged,
        info.outline.len()
    );
    for page in doc
        .pages
        .iter()
        .filter(|p| only.is_none_or(|n| n == p.number))
    {
        let size = page
            .size
            .map(|s| format!("{}x{} rot {}", s.width, s.height, s.rotation))
            .unwrap_or_default();
        outln!(
            buf,
            "== page {} ({size}), {} lines, {} links",
            page.number,
            page.lines.len(),
            page.links.len()
        );
        for line in &page.lines {
            let b = line.bbox.unwrap_or_default();
            out!(
                buf,
                "{:>4} [{:6.1} {:6.1} {:6.1} {:6.1}] base {:>6} size {:>5} |",
                line.source_line,
                b.x0,
                b.y0,
                b.x1,
                b.y1,
                line.baseline
                    .map(|y| format!("{y:.1}"))
                    .unwrap_or("-".into()),
                line.font_size()
                    .map(|s| format!("{s:.1}"))
                    .unwrap_or("-".into()),
            );
            for span in &line.spans {
                let mut flags = String::new();
                match span.style.script {
                    Script::Super => flags.push('^'),
                    Script::Sub => flags.push('_'),
                    Script::Normal => {}
                }
                if span.style.bold {
                    flags.push('B');
                }
                if span.style.italic {
                    flags.push('I');
                }
                if span.style.invisible {
                    flags.push('H');
                }
                if fonts {
                    let b = span.bbox.unwrap_or_default();
                    out!(
                        buf,
                        " <{} {} x {:.1}-{:.1}>",
                        span.style.font.as_deref().unwrap_or("?"),
                        span.style.size.unwrap_or(0.0),
                        b.x0,
                        b.x1
                    );
                }
                if flags.is_empty() {
                    out!(buf, " {:?}", span.text);
                } else {
                    out!(buf, " {flags}{:?}", span.text);
                }
            }
            outln!(buf);
        }
        for link in &page.links {
            let r = link.rect;
            outln!(
                buf,
                "  link [{:.1} {:.1} {:.1} {:.1}] {}",
                r.x0,
                r.y0,
                r.x1,
                r.y1,
                link.url
            );
        }
        for rule in &page.rules {
            let r = rule.rect;
            outln!(
                buf,
                "  rule [{:.1} {:.1} {:.1} {:.1}] {}",
                r.x0,
                r.y0,
                r.x1,
                r.y1,
                if rule.horizontal { "across" } else { "down" }
            );
        }
        for rect in &page.rects {
            let r = rect.rect;
            outln!(
                buf,
                "  rect [{:.1} {:.1} {:.1} {:.1}]{}{}",
                r.x0,
                r.y0,
                r.x1,
                r.y1,
                if rect.stroked { " stroked" } else { "" },
                if rect.filled { " filled" } else { "" }
            );
        }
    }
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
}
