//! Owed: an offline accounts-receivable book. Layers, one direction only:
//! `domain` (pure rules) ← `store` (SQLite) ← `report`, `load`, `demo` ← `cli`.

pub mod domain;
pub mod store;
