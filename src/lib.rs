//! Owed: an offline accounts-receivable book. Layers, one direction only:
//! `domain` (pure rules) ← `store` (SQLite) ← `report`, `load`, `export`, `demo` ← `ui`
//! (the iced desktop app) and `cli`.

pub mod cli;
pub mod demo;
pub mod domain;
pub mod export;
pub mod load;
pub mod report;
pub mod store;
pub mod ui;
