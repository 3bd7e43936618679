//! Prints how the structure stage classifies each unit of an input (a debugging aid):
//! `cargo run --example pieces -- FILE`.

use brief2md::structure::{pieces, units};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pieces FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let options = brief2md::Options {
        source_name: Some(path.clone()),
        ..Default::default()
    };
    let brief2md::Prepared {
        lines, mut report, ..
    } = brief2md::prepare(&bytes, &options).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    if std::env::var_os("LINES").is_some() {
        for l in &lines {
            let g = l
                .geometry
                .map(|g| format!("x{:.0} y{:.0} s{:.1}", g.bbox.x0, g.bbox.y0, g.font_size));
            println!(
                "p{} c{} {:?}{} {}",
                l.page,
                l.column,
                g.unwrap_or_default(),
                if l.form_label { " label" } else { "" },
                l.plain()
            );
        }
    }
    let (_, body, lex) =
        brief2md::structure::split_title_block(lines, &Default::default(), &mut report);
    let m = units::measure(&body);
    println!("measure: width {} wrapped {}", m.width, m.wrapped);
    for p in pieces::pieces(&body, m, &lex, &mut report) {
        let text = brief2md::rich::plain(&p.text);
        let short: String = text.chars().take(90).collect();
        println!(
            "p{:<2} l{:<4} {:<28} {}",
            p.page,
            p.lines.first().unwrap_or(&0),
            format!("{:?}", p.kind).chars().take(28).collect::<String>(),
            short
        );
    }
}
