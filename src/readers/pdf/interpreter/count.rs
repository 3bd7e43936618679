//! Counting a content stream's operators without running or even parsing them: what a page
//! stopped by an operator limit has left, for its warning.

/// PDF whitespace.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | 0)
}

/// A byte that is neither whitespace nor a delimiter.
fn is_regular(b: u8) -> bool {
    !is_space(b) && !b"()<>[]{}/%".contains(&b)
}

/// The operators in `content`: the tokens that are not operands (numbers, names, strings,
/// arrays, dictionaries, booleans, null). An inline image's data (`ID` … `EI`) is skipped.
/// A linear scan over bytes; damaged syntax only makes the count rough.
pub(super) fn count_operators(content: &[u8]) -> usize {
    let n = content.len();
    let mut i = 0;
    let mut count = 0;
    while i < n {
        let b = content[i];
        if is_space(b) || matches!(b, b'[' | b']' | b'{' | b'}' | b'>') {
            i += 1;
        } else if b == b'%' {
            while i < n && !matches!(content[i], b'\n' | b'\r') {
                i += 1;
            }
        } else if b == b'(' {
            let mut depth = 0usize;
            while i < n {
                match content[i] {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        } else if b == b'<' {
            if content.get(i + 1) == Some(&b'<') {
                i += 2;
            } else {
                i += content[i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(n, |p| p + 1);
            }
        } else if b == b'/' {
            i += 1;
            while i < n && is_regular(content[i]) {
                i += 1;
            }
        } else {
            let start = i;
            while i < n && is_regular(content[i]) {
                i += 1;
            }
            let token = &content[start..i];
            if b"+-.0123456789".contains(&token[0]) || matches!(token, b"true" | b"false" | b"null")
            {
                continue;
            }
            count += 1;
            if token == b"ID" {
                i = end_of_inline_image(content, i);
            }
        }
    }
    count
}

/// Where an inline image's data ends: just past the first `EI` that stands alone.
fn end_of_inline_image(content: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + 2 <= content.len() {
        if &content[i..i + 2] == b"EI"
            && i > 0
            && is_space(content[i - 1])
            && content.get(i + 2).is_none_or(|&c| !is_regular(c))
        {
            return i;
        }
        i += 1;
    }
    content.len()
}

#[cfg(test)]
mod tests {
    use super::count_operators;

    #[test]
    fn operands_of_every_kind_are_not_operators() {
        let content = b"q 1 0 0 1 72 700 cm BT /F1 10 Tf [(a) -20 (b\\) c (d))] TJ \
                        <0041> Tj ET /OC <</MCID 3 /T (x)>> BDC EMC % a comment Tj\n\
                        true false null -.5 +3 d0 T* Q";
        // q cm BT Tf TJ Tj ET BDC EMC d0 T* Q
        assert_eq!(count_operators(content), 12);
    }

    #[test]
    fn inline_image_data_is_skipped() {
        let content = b"BI /W 4 /H 1 /BPC 8 /CS /G ID \x00Tj(EI)Q\xff EI Q";
        // BI ID EI Q
        assert_eq!(count_operators(content), 4);
    }

    #[test]
    fn damaged_syntax_ends() {
        assert_eq!(count_operators(b"(unclosed Tj"), 0);
        assert_eq!(count_operators(b"<unclosed Tj"), 0);
        assert_eq!(count_operators(b"ID no end"), 1);
    }
}
