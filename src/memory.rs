//! A memory budget per conversion, so that a document that needs too much memory ends as a
//! one-line error naming the file instead of taking the machine (or the batch) down.
//!
//! Three parts:
//! - [`CountingAllocator`] counts, per thread, the bytes live that the thread allocated. It
//!   passes small allocations to mimalloc and large ones to the C library's allocator: the
//!   reader and the structure passes make many small short-lived allocations, and glibc's
//!   allocator took a fifth of the command's time on the corpus; but a large buffer (a
//!   stream decoded into a growing vector) is better served by the C library, which grows
//!   it in place (`mremap`) and gives it back to the system when it is freed, where
//!   mimalloc copies it on each growth and keeps the old block for a while. The `brief2md`
//!   command installs it as the global allocator, and so does the Python extension
//!   (`python/`: the allocator of its Rust code only; each Python thread converting with
//!   the GIL released counts on its own); a program that uses the library without it
//!   simply has no budget (every check passes).
//! - [`Budget`] marks the start of one conversion on the current thread: its limit and the
//!   file's printable name. A conversion runs on one thread, so the thread's count since
//!   the budget began is the document's memory.
//! - [`checkpoint`] is called where work grows with the input (per page and every few
//!   thousand operators in the PDF reader, between pipeline stages). Over the limit, it
//!   unwinds with an [`OverBudget`] payload, which [`crate::batch::convert`] turns into the
//!   document's error. The budget is per document: in a batch with `-j N`, up to N
//!   documents may each use their budget at once.
//!
//! When the system itself refuses memory (an address-space limit, or a request from a
//! damaged length that got past the checks), the allocator prints one line,
//! `brief2md: FILE: out of memory (...)`, and exits with status 1, instead of the standard
//! library's three-line message and `SIGABRT`.

use std::alloc::{GlobalAlloc, Layout, System};

use mimalloc::MiMalloc;
use std::cell::Cell;
use std::ffi::c_void;
use std::io::Write;

/// The default budget of one conversion, in bytes (1 GiB): many times what a long report
/// needs, small enough that a few documents converted at once fit in an ordinary machine.
pub const DEFAULT_BUDGET: usize = 1 << 30;

thread_local! {
    /// Bytes this thread allocated and nobody freed yet (frees on another thread make it
    /// drift; a conversion allocates and frees on its own thread).
    static LIVE: Cell<isize> = const { Cell::new(0) };
    /// `LIVE` when the current budget began, its limit (0: none) and the file's name.
    static SCOPE: Cell<Scope> = const { Cell::new(Scope::NONE) };
}

#[derive(Clone, Copy)]
struct Scope {
    base: isize,
    limit: usize,
    /// The printable file name, owned by the [`Budget`] that set it.
    name: *const str,
}

impl Scope {
    const NONE: Scope = Scope {
        base: 0,
        limit: 0,
        name: "" as *const str,
    };
}

/// mimalloc for small allocations and the C library's allocator for large ones, counting
/// per thread the bytes allocated and not yet freed.
#[derive(Debug, Default, Clone, Copy)]
pub struct CountingAllocator;

/// Allocations of this size or more go to the C library's allocator. Which allocator owns
/// a block follows from its size alone, which every call receives (`dealloc` and
/// `realloc` get the layout the block was allocated with).
const LARGE: usize = 1 << 20;

fn count(delta: isize) {
    // `try_with`: the thread's storage may be gone while it is torn down.
    let _ = LIVE.try_with(|live| live.set(live.get().wrapping_add(delta)));
}

/// Says which file ran out of memory, in one line, and ends the process (status 1).
#[cold]
fn out_of_memory(size: usize) -> ! {
    let name = SCOPE.try_with(|s| s.get().name).unwrap_or("" as *const str);
    // SAFETY: the name is owned by the live `Budget` that set it (it resets the pointer
    // when dropped), or is the static empty string.
    let name = unsafe { &*name };
    let name = if name.is_empty() { "<input>" } else { name };
    // Formatting into stderr allocates nothing.
    let _ = writeln!(
        std::io::stderr().lock(),
        "brief2md: {name}: out of memory ({size} bytes could not be allocated); nothing converted"
    );
    std::process::exit(1)
}

/// The allocator that owns blocks of `size` bytes.
fn owner(size: usize) -> &'static dyn GlobalAlloc {
    if size >= LARGE { &System } else { &MiMalloc }
}

unsafe extern "C" {
    // mimalloc's unaligned entry points (the C library linked by the `mimalloc` crate).
    fn mi_malloc(size: usize) -> *mut c_void;
    fn mi_zalloc(size: usize) -> *mut c_void;
    fn mi_realloc(p: *mut c_void, new_size: usize) -> *mut c_void;
    fn mi_free(p: *mut c_void);
}

/// The largest alignment every mimalloc block has: its blocks' sizes are whole words and
/// each page's first block is aligned to 16 bytes.
const WORD: usize = std::mem::size_of::<usize>();

/// Whether a block of `layout` goes to mimalloc's plain `malloc`, `realloc` and `free`
/// instead of its aligned entry points (what `MiMalloc` calls for every layout): a small
/// block whose alignment is at most a word, nearly every allocation. The aligned entry
/// points check and look up the alignment first, which cost about a third of each small
/// allocation's instructions.
fn plain_small(size: usize, align: usize) -> bool {
    size < LARGE && align <= WORD
}

// SAFETY: every call goes to the allocator that owns blocks of its size, unchanged (a
// small block to mimalloc: through `mi_malloc`, `mi_zalloc` and `mi_realloc` when a word's
// alignment is all it needs, which every mimalloc block has, through its aligned entry
// points otherwise; `mi_free` frees both); a reallocation across `LARGE` allocates from the
// new size's allocator, copies and frees from the old one, as `GlobalAlloc::realloc`'s
// default does. Only counters are updated around the calls.
unsafe impl GlobalAlloc for CountingAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = if plain_small(layout.size(), layout.align()) {
            unsafe { mi_malloc(layout.size()).cast() }
        } else {
            unsafe { owner(layout.size()).alloc(layout) }
        };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        count(layout.size() as isize);
        p
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = if plain_small(layout.size(), layout.align()) {
            unsafe { mi_zalloc(layout.size()).cast() }
        } else {
            unsafe { owner(layout.size()).alloc_zeroed(layout) }
        };
        if p.is_null() {
            out_of_memory(layout.size());
        }
        count(layout.size() as isize);
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if layout.size() < LARGE {
            // `MiMalloc::dealloc` is `mi_free` too, for blocks of any alignment.
            unsafe { mi_free(ptr.cast()) };
        } else {
            unsafe { System.dealloc(ptr, layout) };
        }
        count(-(layout.size() as isize));
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (old_large, new_large) = (layout.size() >= LARGE, new_size >= LARGE);
        let p = if !old_large && !new_large && layout.align() <= WORD {
            // A block from `mi_malloc` (or one aligned to at most a word, all the same to
            // mimalloc) stays word-aligned when `mi_realloc` moves it.
            unsafe { mi_realloc(ptr.cast(), new_size).cast() }
        } else if old_large == new_large {
            unsafe { owner(new_size).realloc(ptr, layout, new_size) }
        } else {
            // SAFETY: the caller guarantees that `new_size`, rounded up to the alignment,
            // does not overflow `isize`, which is all the layout needs.
            let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
            let p = unsafe { owner(new_size).alloc(new_layout) };
            if !p.is_null() {
                // SAFETY: both blocks are live, distinct, and at least this long.
                unsafe {
                    std::ptr::copy_nonoverlapping(ptr, p, layout.size().min(new_size));
                    owner(layout.size()).dealloc(ptr, layout);
                }
            }
            p
        };
        if p.is_null() {
            out_of_memory(new_size);
        }
        count(new_size as isize - layout.size() as isize);
        p
    }
}

/// The memory budget of the conversion running on this thread; ends with it (dropped).
#[must_use = "the budget ends when this value is dropped"]
pub struct Budget {
    previous: Scope,
    _name: Box<str>,
}

impl Budget {
    /// Starts a budget of `limit` bytes (0: none) for the file printed as `name`.
    pub fn begin(name: &str, limit: usize) -> Budget {
        Budget::begin_holding(name, limit, 0)
    }

    /// [`Budget::begin`] for a conversion that owns `held` bytes allocated before it began
    /// (its input, read already): they count from the start, so that freeing them midway
    /// does not lift the budget by their size.
    pub fn begin_holding(name: &str, limit: usize, held: usize) -> Budget {
        let name: Box<str> = name.into();
        let scope = Scope {
            base: LIVE
                .with(Cell::get)
                .saturating_sub(isize::try_from(held).unwrap_or(isize::MAX)),
            limit,
            name: &*name as *const str,
        };
        Budget {
            previous: SCOPE.with(|s| s.replace(scope)),
            _name: name,
        }
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        SCOPE.with(|s| s.set(self.previous));
    }
}

/// The unwinding payload of a conversion over its budget.
#[derive(Debug, Clone, Copy)]
pub struct OverBudget {
    /// Bytes in use when the checkpoint saw it.
    pub used: usize,
    /// The budget.
    pub limit: usize,
}

impl std::fmt::Display for OverBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "over the memory budget ({} MiB in use, the limit is {} MiB; see --max-memory)",
            self.used >> 20,
            self.limit >> 20
        )
    }
}

/// Bytes the current conversion has allocated and not freed (0 without the counting
/// allocator).
pub fn used() -> usize {
    let base = SCOPE.with(|s| s.get().base);
    LIVE.with(Cell::get).saturating_sub(base).max(0) as usize
}

/// Gives the memory freed so far back to the system, where the allocators keep it for
/// reuse otherwise: after a PDF's object model is dropped, a long file's conversion would
/// otherwise keep its largest size for the rest of the run.
pub fn release_freed() {
    unsafe extern "C" {
        /// mimalloc's own (the C library linked by the `mimalloc` crate): frees the
        /// calling thread's empty pages and returns unused memory to the system.
        fn mi_collect(force: bool);
    }
    // SAFETY: mi_collect takes no pointers and may be called at any time from any thread.
    unsafe {
        mi_collect(true);
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim takes no pointers and may be called at any time.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// Tells mimalloc not to tidy its heap when the process exits. At exit it otherwise
/// collects every page and hands the memory back to the system page by page (`madvise`),
/// which the system does anyway, at once, when the process ends: for a one-file
/// conversion that was about a twentieth of its time. For programs only (the `brief2md`
/// command), never for a library loaded into another process, which may outlive its use.
pub fn skip_cleanup_at_exit() {
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    // SAFETY: setting an option takes no pointers and may be done at any time.
    unsafe {
        mi_option_set(DESTROY_ON_EXIT, 2);
    }
}

/// `mi_option_destroy_on_exit`'s place in the `mi_option_t` of mimalloc 3.3 (a test checks
/// the linked version): a value above 1 makes mimalloc's exit handler return at once.
const DESTROY_ON_EXIT: std::ffi::c_int = 22;

/// Unwinds with [`OverBudget`] if the conversion on this thread is over its budget.
/// Callers that catch panics must let this payload through ([`is_over_budget`]).
pub fn checkpoint() {
    let limit = SCOPE.with(|s| s.get().limit);
    if limit == 0 {
        return;
    }
    let used = used();
    if used > limit {
        std::panic::resume_unwind(Box::new(OverBudget { used, limit }));
    }
}

/// Whether a caught panic is a budget stop (which must reach the conversion's caller).
pub fn is_over_budget(payload: &(dyn std::any::Any + Send)) -> bool {
    payload.is::<OverBudget>()
}

/// Parses a size such as `512M`, `2G`, `1500000000`, `0` (no limit).
pub fn parse_size(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let (digits, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => t.split_at(i),
        None => (t, ""),
    };
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return Err(format!("expected a size such as 512M or 2G, got `{text}`")),
    };
    let n: usize = digits
        .parse()
        .map_err(|_| format!("expected a size such as 512M or 2G, got `{text}`"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("size `{text}` is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exit_option_is_read_from_the_linked_mimalloc() {
        unsafe extern "C" {
            fn mi_version() -> std::ffi::c_int;
            fn mi_option_get(option: std::ffi::c_int) -> std::ffi::c_long;
        }
        // SAFETY: neither takes pointers; both may be called at any time.
        let version = unsafe { mi_version() };
        // The option's number was read from mimalloc 3.3's header: another version may
        // number its options otherwise, and this constant must be checked again.
        assert_eq!(
            version / 100,
            303,
            "mimalloc {version}: check DESTROY_ON_EXIT"
        );
        skip_cleanup_at_exit();
        // SAFETY: as above.
        assert_eq!(unsafe { mi_option_get(DESTROY_ON_EXIT) }, 2);
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("0"), Ok(0));
        assert!(parse_size("2X").is_err());
        assert!(parse_size("G").is_err());
        assert!(parse_size("99999999999T").is_err());
    }

    #[test]
    fn checkpoint_passes_without_a_budget_and_stops_over_one() {
        // Without the counting allocator (the test harness uses the system one) nothing is
        // counted, so only an explicit over-limit scope can be checked here: a budget of 0
        // means none.
        let _none = Budget::begin("a.pdf", 0);
        checkpoint();
        LIVE.with(|l| l.set(l.get() + 10_000));
        let budget = Budget::begin("b.pdf", 100);
        LIVE.with(|l| l.set(l.get() + 1_000));
        let caught = std::panic::catch_unwind(checkpoint).unwrap_err();
        assert!(is_over_budget(&*caught));
        let over = caught.downcast_ref::<OverBudget>().unwrap();
        assert_eq!((over.used, over.limit), (1_000, 100));
        drop(budget);
        checkpoint();
    }

    /// A block keeps its bytes when a reallocation moves it from one allocator to the
    /// other and back, large alignments hold on both sides, and the count follows.
    #[test]
    fn blocks_move_between_the_allocators_intact() {
        let a = CountingAllocator;
        let before = LIVE.with(Cell::get);
        let layout = |size| Layout::from_size_align(size, 64).unwrap();
        // SAFETY: each block is used within its size and freed once, with its layout.
        unsafe {
            let p = a.alloc(layout(100));
            assert_eq!(p as usize % 64, 0);
            for i in 0..100 {
                *p.add(i) = i as u8;
            }
            let big = LARGE * 3;
            let q = a.realloc(p, layout(100), big);
            assert_eq!(q as usize % 64, 0);
            *q.add(big - 1) = 7;
            let r = a.realloc(q, layout(big), LARGE * 5);
            assert_eq!(*r.add(big - 1), 7);
            let s = a.realloc(r, layout(LARGE * 5), 50);
            assert_eq!(s as usize % 64, 0);
            for i in 0..50 {
                assert_eq!(*s.add(i), i as u8);
            }
            assert_eq!(LIVE.with(Cell::get) - before, 50);
            a.dealloc(s, layout(50));
            let z = a.alloc_zeroed(layout(LARGE + 1));
            assert!((0..LARGE + 1).all(|i| *z.add(i) == 0));
            a.dealloc(z, layout(LARGE + 1));
        }
        assert_eq!(LIVE.with(Cell::get), before);
    }

    /// An input read before the budget began counts from its start, and freeing it midway
    /// gives back exactly its size (no credit beyond what the conversion holds).
    #[test]
    fn held_input_counts_until_freed() {
        let budget = Budget::begin_holding("c.pdf", 1 << 20, 5_000);
        assert_eq!(used(), 5_000);
        LIVE.with(|l| l.set(l.get() + 2_000));
        assert_eq!(used(), 7_000);
        LIVE.with(|l| l.set(l.get() - 5_000));
        assert_eq!(used(), 2_000);
        drop(budget);
    }
}
