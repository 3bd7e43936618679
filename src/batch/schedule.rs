//! The order a batch converts its inputs in: largest first, on a fixed number of threads
//! that each take the next input from one shared queue.
//!
//! Conversion time grows with an input's size, so a large input taken last keeps one
//! thread busy while the others idle; starting with the largest leaves the small ones to
//! fill the gaps at the end (the classic longest-first rule). The order of the results
//! does not depend on it: callers that need the inputs' order restore it themselves.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The order to take `weights`' items in: heaviest first, ties in their own order.
pub fn largest_first(weights: &[u64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Stable: equal weights keep the inputs' order.
    order.sort_by(|&a, &b| weights[b].cmp(&weights[a]));
    order
}

/// Runs `work` on every index of `order`, taken in that order by `threads` threads (at
/// least one; with one, the calling thread does the work).
pub fn run(order: &[usize], threads: usize, work: impl Fn(usize) + Sync) {
    let next = AtomicUsize::new(0);
    let worker = || {
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            work(i);
        }
    };
    let threads = threads.clamp(1, order.len().max(1));
    if threads == 1 {
        worker();
        return;
    }
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(worker);
        }
    });
}

/// Threads for `jobs` (`None`: one per core).
pub fn threads(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn largest_first_keeps_ties_in_order() {
        assert_eq!(largest_first(&[5, 9, 5, 1, 9]), vec![1, 4, 0, 2, 3]);
        assert!(largest_first(&[]).is_empty());
    }

    #[test]
    fn every_index_runs_once_on_any_number_of_threads() {
        for threads in [1, 2, 3, 8] {
            let order = largest_first(&(0..50).map(|i| (i * 37 % 11) as u64).collect::<Vec<_>>());
            let seen = Mutex::new(Vec::new());
            run(&order, threads, |i| seen.lock().unwrap().push(i));
            let mut seen = seen.into_inner().unwrap();
            if threads == 1 {
                assert_eq!(seen, order, "one thread takes the queue's order");
            }
            seen.sort_unstable();
            assert_eq!(seen, (0..50).collect::<Vec<_>>(), "{threads} threads");
        }
    }
}
