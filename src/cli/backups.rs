//! `owed backup FILE` / `backup now` / `backup list` and `owed restore PATH`: copies of
//! the book and putting one back, through the same library calls as the Settings screen.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use crate::store::{Access, BackupKind, Restored};

use super::output::{Format, Table, print};
use super::{Cli, CliError};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub action: Option<BackupAction>,
    /// A new file to copy the book to (safe while the book is open). A file named
    /// `list` or `now` is written as `./list`, `./now`.
    pub dest: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum BackupAction {
    /// Every backup of the book, newest first, each checked: automatic, manual and the
    /// copies kept before upgrades.
    List {
        /// table or json.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Make a manual backup in the book's backups/ folder now.
    Now,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to put in place of the book (e.g. from `owed backup list`).
    pub path: PathBuf,
    /// Replace the book; without it, what would happen is shown and nothing changes.
    #[arg(long)]
    pub yes: bool,
}

pub(super) fn backup(cli: &Cli, args: &BackupArgs) -> Result<(), CliError> {
    match (&args.action, &args.dest) {
        (Some(BackupAction::List { format }), _) => list(cli, *format),
        (Some(BackupAction::Now), _) => {
            let store = super::commands::open(cli, Access::Read)?;
            let made = store.backup_now(BackupKind::Manual)?;
            print(&format!("backed up to {}", made.display()));
            Ok(())
        }
        (None, Some(dest)) => {
            let store = super::commands::open(cli, Access::Read)?;
            store.backup_to(dest)?;
            print(&format!("backed up to {}", dest.display()));
            Ok(())
        }
        (None, None) => Err(CliError::Input {
            field: "backup",
            message: crate::fl!("cli-backup-what"),
        }),
    }
}

fn list(cli: &Cli, format: Format) -> Result<(), CliError> {
    let book = super::commands::book_path(cli)?;
    let backups = crate::store::list_backups(&book, true)?;
    let mut table = Table::new(
        &["made at", "kind", "bytes", "ok", "path"],
        &[false, false, true, false, false],
    );
    for backup in &backups {
        table.rows.push(vec![
            backup.made_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            backup.kind.as_str().to_string(),
            backup.bytes.to_string(),
            if backup.ok { "ok" } else { "DAMAGED" }.to_string(),
            backup.path.display().to_string(),
        ]);
    }
    if format == Format::Table && backups.is_empty() {
        print(&format!(
            "no backups of {} yet; one is made after the first day's writes, or now with `owed backup now`",
            book.display()
        ));
        return Ok(());
    }
    super::reports::emit(format, &table, json!(backups))
}

pub(super) fn restore(cli: &Cli, args: &RestoreArgs) -> Result<(), CliError> {
    let book = super::commands::book_path(cli)?;
    if !args.yes {
        crate::store::verify_backup(&args.path).map_err(|why| {
            crate::store::StoreError::BadBackup {
                path: args.path.clone(),
                why,
            }
        })?;
        return Err(CliError::Input {
            field: "--yes",
            message: crate::fl!(
                "cli-restore-say-yes",
                backup = args.path.display().to_string(),
                book = book.display().to_string()
            ),
        });
    }
    let restored = crate::store::restore(&book, &args.path)?;
    // The one place a completed restore is reported (the audit log records it here).
    report_restored(&book, &restored);
    Ok(())
}

fn report_restored(book: &std::path::Path, restored: &Restored) {
    let mut line = format!(
        "restored {} from {}",
        book.display(),
        restored.from.display()
    );
    if let Some(replaced) = &restored.replaced {
        line.push_str(&format!(
            "; the replaced book is kept as {}",
            replaced.display()
        ));
    }
    print(&line);
}
