//! What a batch run shows while it works: a progress bar when standard error is a
//! terminal, nothing per file otherwise (unless verbose), and a closing summary line.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::manifest::Status;

/// Counts and the progress bar of one run.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    converted: usize,
    failed: usize,
    skipped: usize,
    pages: usize,
}

impl Progress {
    /// A bar for `total` inputs, drawn only when standard error is a terminal and not
    /// `quiet`.
    pub fn new(total: usize, quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(total as u64),
                ProgressDrawTarget::stderr_with_hz(10),
            );
            let style =
                ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  ETA {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message("0 pages/s, 0 failed");
            bar.tick();
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            converted: 0,
            failed: 0,
            skipped: 0,
            pages: 0,
        }
    }

    /// Prints one line on standard error, above the bar when there is one.
    pub fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{text}")),
            None => eprintln!("{text}"),
        }
    }

    /// Counts one input as finished.
    pub fn finished(&mut self, status: Status, pages: usize) {
        match status {
            Status::Ok => self.converted += 1,
            Status::Error => self.failed += 1,
            Status::Skipped => self.skipped += 1,
        }
        self.pages += pages;
        if let Some(bar) = &self.bar {
            bar.set_message(format!(
                "{:.1} pages/s, {} failed",
                pages_per_second(self.pages, self.started.elapsed()),
                self.failed
            ));
            bar.inc(1);
        }
    }

    /// Inputs that failed so far.
    pub fn failed(&self) -> usize {
        self.failed
    }

    /// Clears the bar and returns the summary line:
    /// `N converted, M failed, S skipped in T s, P pages/s`.
    pub fn finish(self) -> String {
        if let Some(bar) = &self.bar {
            bar.finish();
        }
        let elapsed = self.started.elapsed();
        format!(
            "{} converted, {} failed, {} skipped in {:.1} s, {:.1} pages/s",
            self.converted,
            self.failed,
            self.skipped,
            elapsed.as_secs_f64(),
            pages_per_second(self.pages, elapsed)
        )
    }
}

fn pages_per_second(pages: usize, elapsed: Duration) -> f64 {
    let secs = elapsed.as_secs_f64();
    if secs > 0.0 { pages as f64 / secs } else { 0.0 }
}
