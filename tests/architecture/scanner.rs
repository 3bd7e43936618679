//! The scanner behind the architecture checks: it reads Rust source as text, blanks out
//! comments and literals, and lists every `crate::…` and `super::…` path the code names.

/// The code of a Rust source with comments, string and char literals blanked out
/// (replaced by spaces, so line structure survives).
pub fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
                out.push(' ');
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if c[i] == 'r'
            && (c.get(i + 1) == Some(&'"') || c.get(i + 1) == Some(&'#'))
            && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_'))
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            while j < c.len() {
                if c[j] == '"' && (1..=hashes).all(|h| c.get(j + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for &ch in &c[i..j.min(c.len())] {
                blank(&mut out, ch);
            }
            i = j;
        } else if c[i] == '"' {
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            for &ch in &c[i..(j + 1).min(c.len())] {
                blank(&mut out, ch);
            }
            i = j + 1;
        } else if c[i] == '\'' {
            // A char literal ('x', '\n', '\u{2014}'); otherwise a lifetime.
            let end = if c.get(i + 1) == Some(&'\\') {
                (i + 2..c.len().min(i + 12)).find(|&j| c[j] == '\'')
            } else {
                (c.get(i + 2) == Some(&'\'')).then_some(i + 2)
            };
            match end {
                Some(e) => {
                    for &ch in &c[i..=e] {
                        blank(&mut out, ch);
                    }
                    i = e + 1;
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// The module-relative paths a piece of code names: every `crate::…` and `super::…`
/// path, braces expanded (`crate::{a, b::c}` → `crate::a`, `crate::b::c`). Each path is
/// a list of segments starting with `crate` or `super`.
pub fn paths_named(code: &str) -> Vec<(usize, Vec<String>)> {
    let c: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < c.len() {
        if c[i] == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        let starts_word = i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        let head = ["crate::", "super::"]
            .into_iter()
            .find(|h| starts_word && c[i..].starts_with(&h.chars().collect::<Vec<_>>()));
        if head.is_some() {
            let mut j = i;
            for p in parse_tree(&c, &mut j) {
                found.push((line, p));
            }
            // Past the whole path (`super::super::x` is one path, not two).
            line += c[i..j].iter().filter(|&&ch| ch == '\n').count();
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    found
}

/// Parses a path tree at `c[*i..]` (`a::b::{c, d::e}`), returning its leaf paths.
fn parse_tree(c: &[char], i: &mut usize) -> Vec<Vec<String>> {
    let mut prefix = Vec::new();
    loop {
        skip_space(c, i);
        if c.get(*i) == Some(&'{') {
            *i += 1;
            let mut all = Vec::new();
            loop {
                skip_space(c, i);
                match c.get(*i) {
                    None => break,
                    Some('}') => {
                        *i += 1;
                        break;
                    }
                    Some(',') => *i += 1,
                    _ => {
                        let before = *i;
                        for tail in parse_tree(c, i) {
                            let mut p = prefix.clone();
                            p.extend(tail);
                            all.push(p);
                        }
                        if *i == before {
                            *i += 1;
                        }
                    }
                }
            }
            return all;
        }
        let start = *i;
        while c
            .get(*i)
            .is_some_and(|ch| ch.is_alphanumeric() || *ch == '_' || *ch == '*')
        {
            *i += 1;
        }
        if *i == start {
            return if prefix.is_empty() {
                Vec::new()
            } else {
                vec![prefix]
            };
        }
        prefix.push(c[start..*i].iter().collect());
        if c.get(*i) == Some(&':') && c.get(*i + 1) == Some(&':') {
            *i += 2;
        } else {
            return vec![prefix];
        }
    }
}

fn skip_space(c: &[char], i: &mut usize) {
    while c.get(*i).is_some_and(|ch| ch.is_whitespace()) {
        *i += 1;
    }
}
