//! The operations of a content stream, read by a direct scanner.
//!
//! lopdf's content grammar (combinators, one closure per alternative) was the largest single
//! cost of reading a PDF: about a fifth of a batch conversion. Nearly every operation in a
//! real stream is plain (numbers, names, strings, arrays of those, an operator), and this
//! scanner reads those directly. It yields exactly what `Content::decode_iter` yields: the
//! first time it meets anything it does not read itself (a comment, an inline image, a `#`
//! escape in a name, a possible reference inside an array or a dictionary, a number, string
//! or dictionary that lopdf would reject or read otherwise, deep nesting), it hands the
//! rest of the stream, from the start of that operation, to lopdf's own iterator. Every
//! operation ends with the white space after it, so the rest of a stream parses the same
//! on its own as it does after what came before.

use lopdf::content::{Content, ContentOperations, Operation};
use lopdf::{Dictionary, Object, StringFormat};

/// Nesting of arrays and dictionaries, and of parentheses in strings, read here; deeper
/// ones go to lopdf (which allows 100 of each).
const MAX_DEPTH: usize = 32;

/// The operations of `bytes`, as `Content::decode_iter(bytes)` gives them.
pub fn operations(bytes: &[u8]) -> Operations<'_> {
    Operations {
        bytes,
        pos: 0,
        started: false,
        current: Operation::new("", Vec::new()),
        spare: Spare::default(),
        rest: None,
    }
}

pub struct Operations<'a> {
    bytes: &'a [u8],
    pos: usize,
    started: bool,
    /// The operation read last: [`Operations::next_op`] lends it, and the next one is read
    /// into its operator and operand vector, so that a page's operations cost no
    /// allocation of their own (nor, mostly, do their strings, names and arrays: see
    /// `spare`).
    current: Operation,
    /// The buffers of the operation before's strings, names and arrays, for the next
    /// one's: a page shows most of its text one string operand at a time.
    spare: Spare,
    /// lopdf's iterator over the rest of the stream, once this scanner has handed it over.
    rest: Option<ContentOperations<'a>>,
}

impl Operations<'_> {
    /// The next operation, lent until the next call: what [`Iterator::next`] gives, without
    /// an operation's own allocations.
    pub fn next_op(&mut self) -> Option<lopdf::Result<&Operation>> {
        if let Some(rest) = &mut self.rest {
            return Some(rest.next()?.map(|op| &*replace(&mut self.current, op)));
        }
        if !self.started {
            self.started = true;
            self.pos = skip_white(self.bytes, 0);
        }
        if self.pos >= self.bytes.len() {
            return None;
        }
        match operation(self.bytes, self.pos, &mut self.current, &mut self.spare) {
            Some(end) => {
                self.pos = end;
                Some(Ok(&self.current))
            }
            None => {
                let op = self
                    .rest
                    .insert(Content::decode_iter(&self.bytes[self.pos..]))
                    .next()?;
                Some(op.map(|op| &*replace(&mut self.current, op)))
            }
        }
    }
}

/// Emptied byte and operand vectors kept from operations read before, so that the strings,
/// names and arrays of the next one are read into them rather than into new allocations.
/// Only what is read the same way each time is kept: a few vectors, none of them large,
/// so that what an owned operation (a form's, which are kept) takes stays small.
#[derive(Default)]
struct Spare {
    bytes: Vec<Vec<u8>>,
    arrays: Vec<Vec<Object>>,
    /// Whether the operation read last has an operand that is not a number (most have
    /// none: only then are its operands looked through for buffers).
    lent: bool,
}

/// Vectors of each kind kept at most.
const SPARE_VECTORS: usize = 16;
/// Byte vectors of larger capacity are dropped, not kept.
const SPARE_BYTES: usize = 1024;
/// Operand vectors of larger capacity are dropped, not kept.
const SPARE_ITEMS: usize = 256;

impl Spare {
    /// Takes the buffers of `objects` and empties it.
    #[inline(always)]
    fn keep_all(&mut self, objects: &mut Vec<Object>) {
        for object in objects.iter_mut() {
            match object {
                Object::String(bytes, _) | Object::Name(bytes) => self.keep_bytes(bytes),
                Object::Array(items) => self.keep_array(items),
                _ => {}
            }
        }
        objects.clear();
    }

    #[inline(always)]
    fn keep_bytes(&mut self, bytes: &mut Vec<u8>) {
        if self.bytes.len() < SPARE_VECTORS && bytes.capacity() <= SPARE_BYTES {
            let mut bytes = std::mem::take(bytes);
            bytes.clear();
            self.bytes.push(bytes);
        }
    }

    #[inline(never)]
    fn keep_array(&mut self, items: &mut Vec<Object>) {
        self.keep_all(items);
        if self.arrays.len() < SPARE_VECTORS && items.capacity() <= SPARE_ITEMS {
            self.arrays.push(std::mem::take(items));
        }
    }

    /// An empty byte vector.
    fn bytes(&mut self) -> Vec<u8> {
        self.bytes.pop().unwrap_or_default()
    }

    /// An empty operand vector with room for at least `room` items.
    fn array(&mut self, room: usize) -> Vec<Object> {
        let mut items = self.arrays.pop().unwrap_or_default();
        items.reserve(room);
        items
    }
}

/// Puts `op` in `slot` and returns the slot.
fn replace(slot: &mut Operation, op: Operation) -> &mut Operation {
    *slot = op;
    slot
}

impl Iterator for Operations<'_> {
    type Item = lopdf::Result<Operation>;

    /// An owned operation, its operand vector at its exact length (forms keep theirs).
    fn next(&mut self) -> Option<Self::Item> {
        Some(self.next_op()?.map(|_| ()).map(|()| Operation {
            operator: self.current.operator.clone(),
            operands: self.current.operands.drain(..).collect(),
        }))
    }
}

fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C')
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn skip_white(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && is_white(b[p]) {
        p += 1;
    }
    p
}

fn skip_digits(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && b[p].is_ascii_digit() {
        p += 1;
    }
    p
}

/// Reads one operation starting at `p` (white space before it already skipped) into `out`
/// and returns where the white space after it ends; `None` for anything lopdf should read
/// (`out` is then left half-written).
fn operation(b: &[u8], mut p: usize, out: &mut Operation, spare: &mut Spare) -> Option<usize> {
    if b[p] == b'%' || b[p..].starts_with(b"BI") {
        return None;
    }
    let operands = &mut out.operands;
    if spare.lent {
        spare.keep_all(operands);
    } else {
        operands.clear();
    }
    let mut lent = false;
    loop {
        let c = *b.get(p)?;
        let end = if matches!(c, b'0'..=b'9' | b'+' | b'-' | b'.') {
            // Most operands are numbers: read as a small value and made an `Object` in
            // the vector's own slot, not moved there through the parse's result (an
            // `Object` is many times a number's size).
            let (value, end) = number_value(b, p)?;
            operands.push(value.object());
            end
        } else {
            let (operand, end) = match c {
                b'n' if b[p..].starts_with(b"null") => (Object::Null, p + 4),
                b't' if b[p..].starts_with(b"true") => (Object::Boolean(true), p + 4),
                b'f' if b[p..].starts_with(b"false") => (Object::Boolean(false), p + 5),
                b'/' => name(b, p, spare)?,
                b'(' => literal(b, p, spare)?,
                b'<' if b.get(p + 1) == Some(&b'<') => dictionary(b, p, 1, spare)?,
                b'<' => hex(b, p, spare)?,
                b'[' => array(b, p, 1, spare)?,
                _ => break,
            };
            lent = true;
            operands.push(operand);
            end
        };
        p = skip_white(b, end);
    }
    let start = p;
    while p < b.len() && (b[p].is_ascii_alphanumeric() || matches!(b[p], b'*' | b'\'' | b'"')) {
        p += 1;
    }
    if p == start {
        return None;
    }
    spare.lent = lent;
    // Written only when it differs from the operation before: runs of the same operator
    // are common (`l`, `Tj`, `re`). Its bytes are ASCII, each its own character: pushed
    // one by one, as a general UTF-8 check and copy cost many times more for two bytes.
    let operator = &b[start..p];
    if out.operator.as_bytes() != operator {
        out.operator.clear();
        for &c in operator {
            out.operator.push(char::from(c));
        }
    }
    Some(skip_white(b, p))
}

/// A number operand, before it becomes an [`Object`].
#[derive(Clone, Copy)]
enum Number {
    Integer(i64),
    Real(f32),
}

impl Number {
    #[inline(always)]
    fn object(self) -> Object {
        match self {
            Number::Integer(v) => Object::Integer(v),
            Number::Real(v) => Object::Real(v),
        }
    }
}

/// [`number_value`] as an [`Object`].
fn number(b: &[u8], start: usize) -> Option<(Object, usize)> {
    number_value(b, start).map(|(value, end)| (value.object(), end))
}

/// A real (`1.5`, `-.5`, `3.`, with lopdf's reading of a `-` inside the fraction) or an
/// integer, its digits read once.
#[inline(always)]
fn number_value(b: &[u8], start: usize) -> Option<(Number, usize)> {
    let s = &b[start..];
    let negative = s.first() == Some(&b'-');
    let digits_start = usize::from(matches!(s.first(), Some(b'+' | b'-')));
    // The digits, whole part then fraction, as one integer: exact while there are at most
    // 19 of them (below 10^19, under `u64::MAX`); longer runs are read again, checked.
    let mut digits = 0u64;
    let whole_end = run_of_digits(s, digits_start, &mut digits);
    let whole = whole_end > digits_start;
    let real = s.get(whole_end) == Some(&b'.')
        && (whole || s.get(whole_end + 1).is_some_and(u8::is_ascii_digit));
    if real {
        let fraction_start = whole_end + 1;
        let plain_end = run_of_digits(s, fraction_start, &mut digits);
        let mut end = plain_end;
        while let Some(&c) = s.get(end)
            && (c == b'-' || c.is_ascii_digit())
        {
            end += 1;
        }
        let text = &s[..end];
        let value = if end > plain_end {
            // A `-` inside the fraction, which lopdf reads past.
            let mut digits = vec![text[0]];
            digits.extend(text[1..].iter().filter(|&&c| c != b'-'));
            std::str::from_utf8(&digits).ok()?.parse::<f32>().ok()?
        } else {
            let fraction_digits = plain_end - fraction_start;
            let digits = if whole_end - digits_start + fraction_digits <= 19 {
                Some(digits)
            } else {
                let mut checked = Some(0);
                accumulate_digits(s, digits_start, &mut checked);
                accumulate_digits(s, fraction_start, &mut checked);
                checked
            };
            match short_real(digits, fraction_digits) {
                Some(value) if negative => -value,
                Some(value) => value,
                None => std::str::from_utf8(text).ok()?.parse::<f32>().ok()?,
            }
        };
        return Some((Number::Real(value), start + end));
    }
    if !whole {
        return None;
    }
    let magnitude = if whole_end - digits_start <= 19 {
        digits
    } else {
        let mut checked = Some(0);
        accumulate_digits(s, digits_start, &mut checked);
        checked?
    };
    let value = if negative {
        0i64.checked_sub_unsigned(magnitude)?
    } else {
        i64::try_from(magnitude).ok()?
    };
    Some((Number::Integer(value), start + whole_end))
}

/// Reads the digits from `i` into `value` (ten times it plus each digit, wrapping: exact
/// while the run, with what `value` held, is at most 19 digits) and returns where they end.
#[inline(always)]
fn run_of_digits(s: &[u8], mut i: usize, value: &mut u64) -> usize {
    while let Some(&c) = s.get(i) {
        let digit = c.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        *value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
        i += 1;
    }
    i
}

/// Reads the digits from `p` into `value` (ten times it plus each digit; `None` once that
/// overflows) and returns where they end.
fn accumulate_digits(b: &[u8], mut p: usize, value: &mut Option<u64>) -> usize {
    while let Some(&c) = b.get(p)
        && c.is_ascii_digit()
    {
        let digit = u64::from(c - b'0');
        *value = value.and_then(|v| v.checked_mul(10)?.checked_add(digit));
        p += 1;
    }
    p
}

/// Powers of ten that are exact `f32` values (5^10 < 2^24).
const EXACT_POWERS_OF_TEN: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/// The magnitude of a real whose digits (whole part and fraction, `fraction_digits` of
/// them after the point) make the integer `digits`, without the general parser when that
/// integer is at most 2^24 and there are at most ten fraction digits (nearly every real in
/// a content stream): both the digits and the power of ten are then exact `f32` values, so
/// their one correctly rounded division is exactly the value `str::parse::<f32>` gives.
/// `None` for anything else.
fn short_real(digits: Option<u64>, fraction_digits: usize) -> Option<f32> {
    let mantissa = digits.filter(|&m| m <= 1 << 24)?;
    Some(mantissa as f32 / EXACT_POWERS_OF_TEN.get(fraction_digits)?)
}

/// A name without `#` escapes.
fn name(b: &[u8], start: usize, spare: &mut Spare) -> Option<(Object, usize)> {
    let mut p = start + 1;
    while p < b.len() && !is_white(b[p]) && !is_delimiter(b[p]) {
        if b[p] == b'#' {
            return None;
        }
        p += 1;
    }
    let mut text = spare.bytes();
    text.extend_from_slice(&b[start + 1..p]);
    Some((Object::Name(text), p))
}

/// A literal string: escapes, balanced parentheses kept, an end of line read as `\n`.
fn literal(b: &[u8], start: usize, spare: &mut Spare) -> Option<(Object, usize)> {
    // Most strings hold no escape, parenthesis or carriage return: their bytes are copied
    // at once, and the others' first run tells the size to start from.
    let body = b.get(start + 1..)?;
    let run = body
        .iter()
        .position(|&c| matches!(c, b')' | b'(' | b'\\' | b'\r'))?;
    if body[run] == b')' {
        let mut text = spare.bytes();
        text.extend_from_slice(&body[..run]);
        return Some((Object::String(text, StringFormat::Literal), start + run + 2));
    }
    let mut out = spare.bytes();
    out.reserve(run + 16);
    let mut depth = 0usize;
    let mut p = start + 1;
    loop {
        let c = *b.get(p)?;
        p += 1;
        match c {
            b')' if depth == 0 => return Some((Object::String(out, StringFormat::Literal), p)),
            b')' => {
                depth -= 1;
                out.push(c);
            }
            b'(' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return None;
                }
                out.push(c);
            }
            b'\r' => {
                if b.get(p) == Some(&b'\n') {
                    p += 1;
                }
                out.push(b'\n');
            }
            b'\\' => {
                let e = *b.get(p)?;
                p += 1;
                match e {
                    b'0'..=b'7' => {
                        let mut value = u16::from(e - b'0');
                        for _ in 0..2 {
                            match b.get(p) {
                                Some(&d @ b'0'..=b'7') => {
                                    value = value * 8 + u16::from(d - b'0');
                                    p += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(value as u8);
                    }
                    b'\r' => {
                        if b.get(p) == Some(&b'\n') {
                            p += 1;
                        }
                    }
                    b'\n' => {}
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(b'\x08'),
                    b'f' => out.push(b'\x0C'),
                    _ => out.push(e),
                }
            }
            _ => out.push(c),
        }
    }
}

/// A hexadecimal string (not a dictionary), white space between its digits allowed.
fn hex(b: &[u8], start: usize, spare: &mut Spare) -> Option<(Object, usize)> {
    if b.get(start + 1) == Some(&b'<') {
        return None;
    }
    let mut out = spare.bytes();
    let mut high = true;
    let mut p = start + 1;
    loop {
        p = skip_white(b, p);
        let Some(v) = b.get(p).and_then(|&c| (c as char).to_digit(16)) else {
            break;
        };
        let v = v as u8;
        if high {
            out.push(v << 4);
        } else if let Some(last) = out.last_mut() {
            *last |= v;
        }
        high = !high;
        p += 1;
    }
    (b.get(p) == Some(&b'>')).then(|| (Object::String(out, StringFormat::Hexadecimal), p + 1))
}

/// An array of numbers, names, strings, booleans, nulls, arrays and dictionaries. A
/// comment or anything that could be a reference (`12 0 R`) goes to lopdf.
fn array(b: &[u8], start: usize, depth: usize, spare: &mut Spare) -> Option<(Object, usize)> {
    if depth > MAX_DEPTH {
        return None;
    }
    // Room for a short `TJ` array's strings and kerns without regrowing.
    let mut items = spare.array(8);
    let mut p = skip_white(b, start + 1);
    loop {
        if b.get(p) == Some(&b']') {
            return Some((Object::Array(items), p + 1));
        }
        // A `TJ` array is mostly kerning numbers: each made in its slot, as above.
        let number = match b.get(p) {
            Some(b'0'..=b'9') => !may_be_reference(b, p),
            Some(b'+' | b'-' | b'.') => true,
            _ => false,
        };
        let end = if number {
            let (value, end) = number_value(b, p)?;
            items.push(value.object());
            end
        } else {
            let (item, end) = direct_object(b, p, depth, spare)?;
            items.push(item);
            end
        };
        p = skip_white(b, end);
        if b.get(p) == Some(&b'%') {
            return None;
        }
    }
}

/// A dictionary, its keys in the order lopdf keeps them (`Dictionary::set`: a repeated key
/// keeps its first place and takes its last value). A comment, a `#` in a name, anything
/// that could be a reference or anything lopdf would not read as a dictionary goes to lopdf.
fn dictionary(b: &[u8], start: usize, depth: usize, spare: &mut Spare) -> Option<(Object, usize)> {
    if depth > MAX_DEPTH {
        return None;
    }
    let mut dict = Dictionary::new();
    let mut p = skip_white(b, start + 2);
    loop {
        match *b.get(p)? {
            b'>' if b.get(p + 1) == Some(&b'>') => return Some((Object::Dictionary(dict), p + 2)),
            b'/' => {}
            _ => return None,
        }
        let (Object::Name(key), end) = name(b, p, spare)? else {
            return None;
        };
        p = skip_white(b, end);
        if b.get(p) == Some(&b'%') {
            return None;
        }
        let (value, end) = direct_object(b, p, depth, spare)?;
        dict.set(key, value);
        p = skip_white(b, end);
        if b.get(p) == Some(&b'%') {
            return None;
        }
    }
}

/// One element of an array or value of a dictionary nested `depth` deep, as lopdf's
/// direct-object grammar reads it; `None` for what goes to lopdf.
fn direct_object(b: &[u8], p: usize, depth: usize, spare: &mut Spare) -> Option<(Object, usize)> {
    match *b.get(p)? {
        b'n' if b[p..].starts_with(b"null") => Some((Object::Null, p + 4)),
        b't' if b[p..].starts_with(b"true") => Some((Object::Boolean(true), p + 4)),
        b'f' if b[p..].starts_with(b"false") => Some((Object::Boolean(false), p + 5)),
        b'0'..=b'9' => {
            if may_be_reference(b, p) {
                return None;
            }
            number(b, p)
        }
        b'+' | b'-' | b'.' => number(b, p),
        b'/' => name(b, p, spare),
        b'(' => literal(b, p, spare),
        b'<' if b.get(p + 1) == Some(&b'<') => dictionary(b, p, depth + 1, spare),
        b'<' => hex(b, p, spare),
        b'[' => array(b, p, depth + 1, spare),
        _ => None,
    }
}

/// Whether digits at `p` could begin a reference: digits, white space, digits, white
/// space, `R` (or a comment anywhere in between, which lopdf skips).
fn may_be_reference(b: &[u8], p: usize) -> bool {
    let q = skip_white(b, skip_digits(b, p));
    match b.get(q) {
        Some(b'%') => true,
        Some(c) if c.is_ascii_digit() => {
            let r = skip_white(b, skip_digits(b, q));
            matches!(b.get(r), Some(b'R' | b'%'))
        }
        _ => false,
    }
}

#[cfg(test)]
#[path = "ops_tests.rs"]
mod tests;
