//! A progress line on standard error for long `tact check` runs: files
//! done out of files named or found, messages linted, time taken. Shown
//! only when standard error is a terminal, the report is for people
//! (`human` or `concise`) and not `--quiet`, and only once a run has lasted
//! about a second, so that a quick run prints nothing more. Anything else
//! the run writes while it is shown is written with the line cleared
//! ([`Progress::suspend`]), so the two never mix.
//!
//! `TACT_PROGRESS_DELAY_MS` changes the second (tests set it to 0).

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};

/// How long a run goes before the line appears.
const DELAY: Duration = Duration::from_secs(1);

/// The progress of one run; does nothing when not shown.
#[derive(Clone)]
pub struct Progress {
    bar: Option<ProgressBar>,
    messages: u64,
}

impl Progress {
    /// Progress over `files` inputs, when `enabled` (see the module doc for
    /// what the caller checks).
    pub fn new(enabled: bool, files: usize) -> Self {
        let delay = std::env::var("TACT_PROGRESS_DELAY_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(DELAY, Duration::from_millis);
        let bar = enabled.then(|| {
            // Cleared, too, when a run stops with an error.
            let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::hidden())
                .with_finish(ProgressFinish::AndClear);
            let style = ProgressStyle::with_template("{spinner} checked {pos}/{len} files, {msg} [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.set_message("0 messages");
            // Shown from a timer, so that a long first file (one huge CSV)
            // is not silent either.
            let shown = bar.clone();
            std::thread::spawn(move || {
                std::thread::sleep(delay);
                if !shown.is_finished() {
                    shown.set_draw_target(ProgressDrawTarget::stderr());
                    shown.tick();
                    shown.enable_steady_tick(Duration::from_millis(120));
                }
            });
            bar
        });
        Self { bar, messages: 0 }
    }

    /// Count `files` more files and `messages` more messages done.
    pub fn advance(&mut self, files: usize, messages: usize) {
        let Some(bar) = &self.bar else { return };
        self.messages += messages as u64;
        if messages > 0 {
            bar.set_message(format!(
                "{} message{}",
                thousands(self.messages),
                if self.messages == 1 { "" } else { "s" }
            ));
        }
        if files > 0 {
            bar.inc(files as u64);
        }
    }

    /// Run `f` (which writes to the terminal) with the line cleared.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        // Also while hidden: the timer cannot show the line mid-write.
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Take the line away for good.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(10_000_000), "10,000,000");
    }
}
