//! Running the `owed` binary on a book, for the tests that drive it as a script would.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// Makes a spawned `owed` speak English whatever the developer's `LANG` or the language
/// saved on their Settings screen: the tests compare its English output.
pub fn english(command: &mut Command) -> &mut Command {
    command.env("OWED_LANG", "en").env(
        "OWED_PREFERENCES",
        "/nonexistent/owed-tests/preferences.json",
    )
}

/// The `owed` binary, speaking English (see [`english`]).
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_owed"));
    english(&mut command);
    command
}

/// Runs `owed --book BOOK ARGS…`; (success, stdout, stderr).
pub fn run(book: &Path, args: &[&str]) -> (bool, String, String) {
    run_in("en", book, args)
}

/// [`run`] with `OWED_LANG` set to `language` (`en`, `zh_CN`).
pub fn run_in(language: &str, book: &Path, args: &[&str]) -> (bool, String, String) {
    let out = command()
        .env("OWED_LANG", language)
        .arg("--book")
        .arg(book)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs it expecting success; its standard output.
pub fn owed(book: &Path, args: &[&str]) -> String {
    let (ok, stdout, stderr) = run(book, args);
    assert!(ok, "{args:?}: {stderr}");
    stdout
}

/// Runs it expecting success and JSON on standard output.
pub fn json(book: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&owed(book, args)).unwrap()
}
