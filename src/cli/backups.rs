//! `owed backup FILE` / `backup now` / `backup list` and `owed restore PATH`: copies of
//! the book and putting one back, through the same library calls as the Settings screen.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use crate::store::{Access, BackupKind, Restored};

use super::output::{Format, Table, headers, print};
use super::{Cli, CliError};
use crate::fl;

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
            print(&fl!("cli-backed-up", path = made.display().to_string()));
            Ok(())
        }
        (None, Some(dest)) => {
            let store = super::commands::open(cli, Access::Read)?;
            store.backup_to(dest)?;
            print(&fl!("cli-backed-up", path = dest.display().to_string()));
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
    let columns = headers(format, &["made at", "kind", "bytes", "ok", "path"], || {
        vec![
            fl!("cli-col-made-at"),
            fl!("cli-col-kind"),
            fl!("cli-col-bytes"),
            fl!("cli-col-check"),
            fl!("cli-col-path"),
        ]
    });
    let mut table = Table::headed(columns, &[false, false, true, false, false]);
    for backup in &backups {
        // CSV keeps `ok`/`DAMAGED`, which scripts test for; a table says it.
        let verdict = match (format, backup.ok) {
            (Format::Table, true) => fl!("cli-backup-ok"),
            (Format::Table, false) => fl!("cli-backup-damaged"),
            (_, true) => "ok".to_string(),
            (_, false) => "DAMAGED".to_string(),
        };
        table.rows.push(vec![
            backup.made_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            backup.kind.as_str().to_string(),
            backup.bytes.to_string(),
            verdict,
            backup.path.display().to_string(),
        ]);
    }
    if format == Format::Table && backups.is_empty() {
        print(&fl!("cli-no-backups", book = book.display().to_string()));
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
    let mut line = fl!(
        "cli-restored",
        book = book.display().to_string(),
        from = restored.from.display().to_string()
    );
    if let Some(replaced) = &restored.replaced {
        line.push_str(&fl!(
            "cli-restored-replaced-kept",
            path = replaced.display().to_string()
        ));
    }
    print(&line);
}
