//! Every integration test, in one binary: the library and its dependencies are linked
//! once instead of once per file, which is most of what a test build costs here.
//! Each file below is one area; `cargo test --test all cli::` runs one of them.

mod common {
    pub mod bin;
    pub mod helpers;
    pub mod printed;
    pub mod quirks;
}

mod aging_pdf;
mod analytics;
mod audit;
mod backups;
mod bank_samples;
mod book_safety;
mod cli;
mod cli_chinese;
mod credit_control;
mod demo_worklist;
mod discount;
mod disputes;
mod email;
mod fees;
mod forecast;
mod hostile_files;
mod import_book;
mod import_classes;
mod import_csv;
mod import_formats;
mod import_kill;
mod import_quirks;
mod import_sequence;
mod import_sheets;
mod import_stream;
mod journal;
mod ladder;
mod ladder_example;
mod ladder_rules;
mod ladder_spell;
mod letters;
mod money_rules;
mod payment_reminder;
mod printed_logo;
mod printed_names;
mod printed_pages;
mod promise_plans;
mod properties;
mod review;
mod risk;
mod risk_cli;
mod statement_runs;
mod statements;
mod text_rules;
mod whole_files;
mod worked_example;
mod worklist;
