//! The `owed` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    owed::cli::main()
}
