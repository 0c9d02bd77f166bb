//! What every benchmark reads and reports: a size from the environment, and the
//! process's peak memory. Each bench is its own crate; they include this file with
//! `#[path = "support/measure.rs"] mod measure;` (a folder cargo does not take for a
//! bench of its own).

/// The number in the environment variable `name`, or `default`.
pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The process's peak resident memory so far (`VmHWM` on Linux, as `123456 kB`), or
/// "unknown" elsewhere.
#[allow(dead_code)] // not every bench reports memory
pub fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "unknown".into())
}
