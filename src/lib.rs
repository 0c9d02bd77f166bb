//! Owed: an offline accounts-receivable book. Layers, one direction only:
//! `domain` (pure rules) ← `store` (SQLite) ← `pdf` (printed statements and letters) ←
//! `report`, `load`, `export`, `demo` ← `ui` (the iced desktop app) and `cli`. `import`
//! reads bank statement exports and touches neither the store nor the screen. `pdf` lays
//! out values of `domain::printed` and touches neither the store nor the screen. `files`
//! writes the user's files whole (temporary name, then rename) for all of them;
//! `csv_out` is the one CSV writer every layer above `domain` uses (formula-safe cells).

pub mod cli;
pub mod csv_out;
pub mod demo;
pub mod domain;
pub mod export;
pub mod files;
pub mod i18n;
pub mod import;
pub mod load;
pub mod mail;
pub mod pdf;
pub mod preferences;
pub mod report;
pub mod store;
pub mod ui;
