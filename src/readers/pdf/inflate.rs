//! `/FlateDecode` with one decompressor per thread, reset between streams instead of built
//! anew for each.
//!
//! lopdf's decoder sets up a fresh decompressor for every stream it inflates: a 43 KB state
//! built, boxed and zeroed, and a 32 KB input buffer, about 97 K instructions each time, paid
//! again for every content stream, form, font program and map a document holds (2.5 % of a
//! batch conversion). This reads a stream exactly as lopdf's `Stream::decompressed_content_with_limit`
//! does for a lone `/FlateDecode` without `/DecodeParms`: the same reads in the same sizes
//! (input in 32 KiB chunks, as flate2's buffered reader hands it over), so that a damaged
//! stream keeps the same output up to its damage; zlib first and, when that fails before
//! any output, raw deflate after the two header bytes; at most `limit + 1` bytes read.
//!
//! A sound stream (nearly all of them) is first inflated whole by zlib-rs, a third fewer
//! instructions than flate2's miniz_oxide. Inflating is exact, so a stream that ends
//! cleanly within the limit reads the same either way, and so does one that runs cleanly
//! past the limit and on for [`CLEAN_PAST_LIMIT`] (miniz_oxide decodes at most its 32 KiB
//! window ahead of what it hands over, so it too reaches the limit without an error).
//! Anything else (damage, a cut-short stream) is read again as above, because how much of
//! a damaged stream comes out depends on the decoder's buffering, and lopdf's is
//! miniz_oxide's.

use std::cell::RefCell;
use std::io::{self, Read};

use flate2::{Decompress, FlushDecompress, Status};

use super::objects::StreamFailure;

/// The input chunk flate2's buffered reader reads at a time.
const CHUNK: usize = 32 * 1024;

thread_local! {
    /// This thread's decompressor, built on its first stream.
    static DECOMPRESSOR: RefCell<Option<Decompress>> = const { RefCell::new(None) };
    /// This thread's zlib-rs state for sound streams, built on its first stream.
    static SOUND: RefCell<Option<zlib_rs::Inflate>> = const { RefCell::new(None) };
    /// This thread's buffer that sound streams inflate into (see [`sound_stream`]).
    static INFLATED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The inflating buffer is given back after a stream longer than this, not kept.
const KEPT_BUFFER: usize = 8 << 20;

/// The inflated bytes of a zlib stream (lopdf's reading, see the module's comment);
/// `OverLimit` when they would be more than `limit`.
pub fn zlib(input: &[u8], limit: usize) -> Result<Vec<u8>, StreamFailure> {
    let sound = SOUND.with(|cell| {
        INFLATED.with(
            |buffer| match (cell.try_borrow_mut(), buffer.try_borrow_mut()) {
                (Ok(mut slot), Ok(mut buffer)) => {
                    let reading = sound_stream(
                        slot.get_or_insert_with(|| zlib_rs::Inflate::new(true, 15)),
                        input,
                        limit,
                        &mut buffer,
                    );
                    if buffer.len() > KEPT_BUFFER {
                        *buffer = Vec::new();
                    }
                    reading
                }
                _ => None,
            },
        )
    });
    match sound {
        Some(reading) => reading,
        None => with_decompressor(|data| zlib_with(data, input, limit)),
    }
}

/// How far past the limit a stream must inflate without an error for [`sound_stream`] to
/// call it over the limit: twice miniz_oxide's window.
const CLEAN_PAST_LIMIT: usize = 64 * 1024;

/// The whole of a zlib stream that ends cleanly (checksum included) in at most `limit`
/// bytes, or `OverLimit` for one that runs cleanly [`CLEAN_PAST_LIMIT`] past it; `None`
/// for any other stream, left to lopdf's reading.
///
/// The stream is inflated into `buffer`, kept from the streams before, and copied out at
/// its length: a new buffer for each stream was zeroed first, then regrown (copied and
/// zeroed again) for most, since content streams inflate to several times twice their
/// size. The part of `buffer` in use never passes one byte over the limit, as a new one
/// did not, so the same streams reach the limit.
fn sound_stream(
    data: &mut zlib_rs::Inflate,
    input: &[u8],
    limit: usize,
    buffer: &mut Vec<u8>,
) -> Option<Result<Vec<u8>, StreamFailure>> {
    if input.is_empty() {
        return None;
    }
    data.reset(true);
    let cap = limit.saturating_add(1);
    // At least lopdf's starting capacity (twice the input), never past one byte over the
    // limit.
    let start = input.len().saturating_mul(2).min(cap);
    if buffer.len() < start {
        // Replaced rather than regrown: nothing in it is kept, and memory fresh from the
        // system is zero already.
        *buffer = vec![0u8; start];
    }
    let mut output = &mut buffer[..];
    if output.len() > cap {
        output = &mut output[..cap];
    }
    loop {
        let (consumed, filled) = (data.total_in() as usize, data.total_out() as usize);
        let status = data
            .decompress(
                input.get(consumed..)?,
                output.get_mut(filled..)?,
                zlib_rs::InflateFlush::NoFlush,
            )
            .ok()?;
        let (now_consumed, now_filled) = (data.total_in() as usize, data.total_out() as usize);
        if status == zlib_rs::Status::StreamEnd {
            return Some(if now_filled <= limit {
                Ok(output[..now_filled].to_vec())
            } else {
                Err(StreamFailure::OverLimit)
            });
        }
        if now_filled == output.len() {
            if now_filled >= cap {
                return clean_for(data, &input[now_consumed..], CLEAN_PAST_LIMIT)
                    .then_some(Err(StreamFailure::OverLimit));
            }
            let more = now_filled.clamp(1, cap - now_filled);
            if buffer.len() < now_filled + more {
                buffer.resize(now_filled + more, 0);
            }
            output = &mut buffer[..now_filled + more];
        } else if now_consumed == input.len() || (now_consumed, now_filled) == (consumed, filled) {
            // Cut short, or no progress: not a sound stream.
            return None;
        }
    }
}

/// Whether the stream `data` is inflating goes on cleanly for `span` more bytes, or to
/// its end; a stream cut short within them is not known to.
fn clean_for(data: &mut zlib_rs::Inflate, input: &[u8], span: usize) -> bool {
    let mut scratch = vec![0u8; span];
    let before = data.total_out();
    match data.decompress(input, &mut scratch, zlib_rs::InflateFlush::NoFlush) {
        Ok(zlib_rs::Status::StreamEnd) => true,
        Ok(_) => data.total_out() - before == span as u64,
        Err(_) => false,
    }
}

/// [`zlib`] for a reader that needs only the bytes up to the first `needle` (the clear text
/// of a Type 1 font program, which ends at `eexec`): the input is fed a little at a time
/// and inflating stops once the output holds the needle, a few KiB into a program of tens.
/// The answer is the start of [`zlib`]'s through the needle, or, when the needle is not
/// found within `limit` (or the stream is damaged before it), [`zlib`]'s own.
pub fn zlib_until(input: &[u8], limit: usize, needle: &[u8]) -> Result<Vec<u8>, StreamFailure> {
    match with_decompressor(|data| inflate_through(data, input, limit, needle)) {
        Some(prefix) => Ok(prefix),
        None => zlib(input, limit),
    }
}

fn with_decompressor<T>(inflate: impl FnOnce(&mut Decompress) -> T) -> T {
    DECOMPRESSOR.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slot) => inflate(slot.get_or_insert_with(|| Decompress::new(true))),
        // Not reachable (nothing inflates while inflating), but a fresh one does as well.
        Err(_) => inflate(&mut Decompress::new(true)),
    })
}

/// The input chunk [`zlib_until`] feeds at a time: the decompressor inflates all the input
/// it is given into its 32 KiB window, so a 32 KiB chunk would inflate most of a font
/// program before the first check.
const SMALL_CHUNK: usize = 1024;

/// The inflated zlib `input` through the first `needle`; `None` when it is not found
/// within `limit` bytes or before the end or damage.
fn inflate_through(
    data: &mut Decompress,
    input: &[u8],
    limit: usize,
    needle: &[u8],
) -> Option<Vec<u8>> {
    if needle.is_empty() {
        return None;
    }
    data.reset(true);
    let mut reader = Inflating {
        data,
        input,
        pos: 0,
        chunk_end: 0,
        chunk: SMALL_CHUNK,
    };
    let mut output = Vec::new();
    let mut buf = [0u8; 4096];
    while output.len() <= limit {
        let n = match reader.read(&mut buf) {
            Ok(0) => return None,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return None,
        };
        // The needle may straddle the previous read and this one.
        let from = output.len().saturating_sub(needle.len() - 1);
        output.extend_from_slice(&buf[..n]);
        if memchr::memmem::find(&output[from..], needle).is_some() {
            return (output.len() <= limit).then_some(output);
        }
    }
    None
}

fn zlib_with(data: &mut Decompress, input: &[u8], limit: usize) -> Result<Vec<u8>, StreamFailure> {
    // lopdf's starting capacity: twice the input, never past one byte over the limit.
    let mut output = Vec::with_capacity(input.len().saturating_mul(2).min(limit.saturating_add(1)));
    if !input.is_empty() {
        data.reset(true);
        if read_capped(data, input, &mut output, limit).is_err()
            && output.is_empty()
            && input.len() > 2
        {
            // A damaged zlib wrapper (a wrong checksum in some encrypted files): raw deflate.
            data.reset(false);
            let _ = read_capped(data, &input[2..], &mut output, limit);
        }
    }
    if output.len() > limit {
        return Err(StreamFailure::OverLimit);
    }
    Ok(output)
}

/// Reads the inflated `input` to its end (or to `limit + 1` bytes) onto `output`, keeping
/// what was read before an error.
fn read_capped(
    data: &mut Decompress,
    input: &[u8],
    output: &mut Vec<u8>,
    limit: usize,
) -> io::Result<usize> {
    let reader = Inflating {
        data,
        input,
        pos: 0,
        chunk_end: 0,
        chunk: CHUNK,
    };
    reader
        .take((limit as u64).saturating_add(1))
        .read_to_end(output)
}

/// flate2's `read::ZlibDecoder` (or `DeflateDecoder`) over a slice, its decompressor lent.
struct Inflating<'a> {
    data: &'a mut Decompress,
    input: &'a [u8],
    /// Input consumed.
    pos: usize,
    /// End of the chunk being consumed; the next starts there once `pos` reaches it.
    chunk_end: usize,
    /// The input handed over at a time ([`CHUNK`] for lopdf's reading).
    chunk: usize,
}

impl Read for Inflating<'_> {
    /// flate2's `zio::read`, step for step.
    fn read(&mut self, dst: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.pos == self.chunk_end {
                self.chunk_end = self.input.len().min(self.pos + self.chunk);
            }
            let chunk = &self.input[self.pos..self.chunk_end];
            let eof = chunk.is_empty();
            let (before_out, before_in) = (self.data.total_out(), self.data.total_in());
            let flush = if eof {
                FlushDecompress::Finish
            } else {
                FlushDecompress::None
            };
            let ret = self.data.decompress(chunk, dst, flush);
            let read = (self.data.total_out() - before_out) as usize;
            let consumed = (self.data.total_in() - before_in) as usize;
            self.pos = (self.pos + consumed).min(self.chunk_end);
            match ret {
                Ok(Status::Ok | Status::BufError) if read == 0 && !eof && !dst.is_empty() => {
                    continue;
                }
                Ok(Status::Ok | Status::BufError) if read == 0 && eof && !dst.is_empty() => {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "incomplete deflate stream",
                    ));
                }
                Ok(Status::Ok | Status::BufError | Status::StreamEnd) => return Ok(read),
                Err(_) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        "corrupt deflate stream",
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use lopdf::{Object, Stream, dictionary};
    use std::io::Write;

    fn compress(bytes: &[u8]) -> Vec<u8> {
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    /// What lopdf makes of `content` as a lone `/FlateDecode` stream.
    fn lopdf_reading(content: &[u8], limit: usize) -> Result<Vec<u8>, StreamFailure> {
        let stream = Stream::new(
            dictionary! { "Filter" => Object::Name(b"FlateDecode".to_vec()) },
            content.to_vec(),
        );
        stream
            .decompressed_content_with_limit(limit)
            .map_err(|e| match e {
                lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                }) => StreamFailure::OverLimit,
                _ => StreamFailure::Damaged,
            })
    }

    /// Text long enough to span several input chunks and output reads.
    fn sample() -> Vec<u8> {
        (0..40_000u32)
            .flat_map(|i| format!("{} {} Td ({}) Tj\n", i % 613, i * 7 % 997, i).into_bytes())
            .collect()
    }

    #[test]
    fn inflates_as_lopdf_does_whole_truncated_damaged_and_over_limit() {
        let plain = sample();
        let packed = compress(&plain);
        assert!(packed.len() > 2 * CHUNK);
        let mut damaged = packed.clone();
        damaged[packed.len() / 2] ^= 0x5a;
        let mut bad_checksum = packed.clone();
        let n = bad_checksum.len();
        bad_checksum[n - 1] ^= 1;
        let mut bad_header = packed.clone();
        bad_header[0] = 0;
        let cases: Vec<(&str, Vec<u8>, usize)> = vec![
            ("whole", packed.clone(), usize::MAX),
            ("truncated", packed[..packed.len() / 3].to_vec(), usize::MAX),
            ("damaged", damaged, usize::MAX),
            ("bad checksum", bad_checksum, usize::MAX),
            ("bad header", bad_header, usize::MAX),
            ("over limit", packed.clone(), plain.len() - 1),
            ("at limit", packed.clone(), plain.len()),
            ("empty", Vec::new(), 100),
            ("garbage", b"not a zlib stream at all".to_vec(), 100),
        ];
        // Twice each, so that the second reading runs on a decompressor used before.
        for _ in 0..2 {
            for (what, content, limit) in &cases {
                assert_eq!(
                    zlib(content, *limit),
                    lopdf_reading(content, *limit),
                    "{what}"
                );
            }
        }
        assert_eq!(zlib(&packed, usize::MAX).unwrap(), plain);
    }

    #[test]
    fn zlib_rs_reads_only_sound_streams_and_leaves_the_rest_to_lopdfs_reading() {
        let plain = sample();
        let packed = compress(&plain);
        // Output many times the input: the output buffer grows several times.
        let zeros = compress(&vec![0u8; 1 << 20]);
        let mut damaged = packed.clone();
        damaged[packed.len() / 2] ^= 0x5a;
        let mut bad_checksum = packed.clone();
        let n = bad_checksum.len();
        bad_checksum[n - 1] ^= 1;
        let mut data = zlib_rs::Inflate::new(true, 15);
        // One buffer for every reading, as a thread's is kept: after the zeros, it is
        // longer than most of the limits below.
        let mut buffer = Vec::new();
        let mut sound = |data: &mut zlib_rs::Inflate, input: &[u8], limit: usize| {
            sound_stream(data, input, limit, &mut buffer)
        };
        assert_eq!(
            sound(&mut data, &packed, usize::MAX),
            Some(Ok(plain.clone()))
        );
        assert_eq!(
            sound(&mut data, &zeros, usize::MAX),
            Some(Ok(vec![0u8; 1 << 20]))
        );
        assert_eq!(
            sound(&mut data, &packed, plain.len()),
            Some(Ok(plain.clone()))
        );
        // Clean well past the limit, or to its end: over the limit, as lopdf finds.
        for limit in [plain.len() - 1, plain.len() / 2, 10] {
            assert_eq!(
                sound(&mut data, &packed, limit),
                Some(Err(StreamFailure::OverLimit))
            );
        }
        for (what, input) in [
            ("damaged", damaged.as_slice()),
            ("bad checksum", &bad_checksum),
            ("cut short", &packed[..packed.len() / 3]),
            ("empty", &[]),
            ("garbage", b"not a zlib stream at all"),
        ] {
            assert_eq!(sound(&mut data, input, usize::MAX), None, "{what}");
        }
        // Damaged soon after the limit: not known to be read as lopdf reads it; damaged
        // well after it: over the limit, as lopdf finds.
        data.reset(true);
        let mut whole = vec![0u8; 2 * plain.len()];
        let found = data.decompress(&damaged, &mut whole, zlib_rs::InflateFlush::NoFlush);
        assert!(found.is_err());
        let damage_at = data.total_out() as usize;
        assert!(damage_at > 2 * CLEAN_PAST_LIMIT);
        assert_eq!(sound(&mut data, &damaged, damage_at - 1000), None);
        let well_before = damage_at - CLEAN_PAST_LIMIT - 1000;
        assert_eq!(
            sound(&mut data, &damaged, well_before),
            Some(Err(StreamFailure::OverLimit))
        );
        assert_eq!(
            zlib(&damaged, well_before),
            lopdf_reading(&damaged, well_before)
        );
    }

    #[test]
    fn reading_up_to_a_needle_gives_the_start_of_the_whole_reading() {
        let plain = sample();
        let packed = compress(&plain);
        let mut damaged = packed.clone();
        damaged[packed.len() / 2] ^= 0x5a;
        let needle = b"(9999) Tj";
        let at = plain
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap()
            + needle.len();
        let early = zlib_until(&packed, usize::MAX, needle).unwrap();
        assert!(early.len() >= at && early.len() < plain.len() / 2);
        assert_eq!(early[..], plain[..early.len()]);
        // Damage after the needle does not matter; over the limit before it, or no needle,
        // or damage before it: the whole reading, whatever it is.
        assert_eq!(zlib_until(&damaged, usize::MAX, needle).unwrap(), early);
        for (content, limit, needle) in [
            (&packed, usize::MAX, b"absent".as_slice()),
            (&packed, at - 1, needle),
            (&damaged, usize::MAX, b"(39999) Tj"),
            (&packed[..packed.len() / 8].to_vec(), usize::MAX, needle),
        ] {
            assert_eq!(zlib_until(content, limit, needle), zlib(content, limit));
        }
    }
}
