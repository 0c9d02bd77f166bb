//! `owed settings show|set|reset-letter`: the company profile and the demand letters'
//! texts and thresholds, by the keys `Store::set_setting` takes.

use clap::{Args, Subcommand};
use serde_json::{Map, Value};

use super::output::{Table, print};
use super::{Cli, CliError, Format};
use crate::domain::letters::Level;
use crate::store::{Access, unescape};

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Every setting and its value (texts with \n for new lines).
    Show(SettingsShowArgs),
    /// Change one setting, e.g. `company.address "1 Main St\nSpringfield"`, `paper letter`,
    /// `company.logo logo.png`, `letter.2.days 20`, `letter.1.zh.title 付款提醒`.
    Set(SettingsSetArgs),
    /// Put a level's letter back to the default text.
    ResetLetter(ResetLetterArgs),
    /// Keep the mail server's password in the system keyring (read from standard
    /// input, one line), for email.username at email.smtp_host; never in the book.
    Password(PasswordArgs),
}

#[derive(Debug, Args)]
pub struct PasswordArgs {
    /// Remove the password kept in the keyring instead.
    #[arg(long)]
    pub forget: bool,
}

#[derive(Debug, Args)]
pub struct SettingsShowArgs {
    /// table, csv or json.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct SettingsSetArgs {
    /// company.name, company.address, company.phone, company.email, company.tax_id,
    /// company.payment_instructions, company.logo, paper, locale, letter.N.days,
    /// letter.N.en|zh.title|paragraphs|closing (N = 0 to 4), letter.0.send,
    /// tier.A|B|C.letter.N.days, tier.A|B|C.letter.interval_days.
    pub key: String,
    /// The new value: `\n` is a new line; letter paragraphs are separated by a blank
    /// line (`\n\n`); for company.logo the path of a PNG or JPEG file ("" removes it).
    #[arg(allow_hyphen_values = true)]
    pub value: String,
}

#[derive(Debug, Args)]
pub struct ResetLetterArgs {
    /// The level: 0 payment reminder before the due date, 1 reminder, 2 second notice,
    /// 3 final demand, 4 before legal action.
    #[arg(long)]
    pub level: u8,
    /// en or zh (default: both).
    #[arg(long)]
    pub lang: Option<String>,
}

pub fn run(cli: &Cli, command: &SettingsCommand) -> Result<(), CliError> {
    match command {
        SettingsCommand::Show(args) => {
            let store = super::commands::open(cli, Access::Read)?;
            show(&store.setting_values()?, args.format)
        }
        SettingsCommand::Set(args) => {
            let mut store = super::commands::open(cli, Access::Write)?;
            let shown = store.set_setting(&args.key, &args.value)?;
            print(&format!("{} = {}", args.key.trim(), shown));
            Ok(())
        }
        SettingsCommand::Password(args) => {
            let store = super::commands::open(cli, Access::Read)?;
            let settings = store.email_settings()?;
            let refused = CliError::Keyring;
            if args.forget {
                crate::mail::forget_password(&settings).map_err(refused)?;
                print(&crate::fl!("cli-password-forgotten"));
                return Ok(());
            }
            if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                eprintln!("{}", crate::fl!("cli-password-prompt"));
            }
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| CliError::Output(e.to_string()))?;
            let password = line.trim_end_matches(['\r', '\n']);
            if password.is_empty() {
                return Err(CliError::Input {
                    field: "password",
                    message: crate::fl!("cli-password-empty"),
                });
            }
            crate::mail::save_password(&settings, password).map_err(refused)?;
            print(&crate::fl!(
                "cli-password-kept",
                account = format!("{}@{}", settings.username.trim(), settings.host.trim())
            ));
            Ok(())
        }
        SettingsCommand::ResetLetter(args) => {
            let level = Level::any_from_number(args.level).ok_or_else(|| CliError::Input {
                field: "--level",
                message: crate::fl!("cli-reset-not-a-level", level = args.level.to_string()),
            })?;
            let languages: &[bool] = match args.lang.as_deref().map(str::trim) {
                None => &[false, true],
                Some("en") => &[false],
                Some("zh") => &[true],
                Some(other) => {
                    return Err(CliError::Input {
                        field: "--lang",
                        message: crate::fl!("cli-reset-not-a-language", text = other),
                    });
                }
            };
            let mut store = super::commands::open(cli, Access::Write)?;
            for &chinese in languages {
                store.reset_letter_template(level, chinese)?;
                let name = crate::i18n::words::level_name(level);
                let level = level.number().to_string();
                print(&if chinese {
                    crate::fl!("cli-letter-reset-chinese", level = level, name = name)
                } else {
                    crate::fl!("cli-letter-reset-english", level = level, name = name)
                });
            }
            Ok(())
        }
    }
}

fn show(values: &[(String, String, bool)], format: Format) -> Result<(), CliError> {
    match format {
        Format::Json => {
            // Real strings with real new lines, for scripts.
            let object: Map<String, Value> = values
                .iter()
                .map(|(key, value, _)| {
                    let value = if key == "company.logo" {
                        value.clone()
                    } else {
                        unescape(value)
                    };
                    (key.clone(), Value::String(value))
                })
                .collect();
            let text = serde_json::to_string_pretty(&Value::Object(object))
                .map_err(|e| CliError::Output(e.to_string()))?;
            print(&text);
        }
        Format::Table | Format::Csv => {
            // The value last: paragraphs are long, and nothing needs aligning after them.
            let columns = super::output::headers(format, &["key", "source", "value"], || {
                vec![
                    crate::fl!("cli-col-key"),
                    crate::fl!("cli-col-source"),
                    crate::fl!("cli-col-value"),
                ]
            });
            let mut table = Table::headed(columns, &[false, false, false]);
            for (key, value, default) in values {
                // CSV keeps `default`/`book`, which scripts test for; a table says them.
                let source = match (format, *default) {
                    (Format::Table, true) => crate::fl!("cli-setting-default"),
                    (Format::Table, false) => crate::fl!("cli-setting-book"),
                    (_, true) => "default".to_string(),
                    (_, false) => "book".to_string(),
                };
                table.rows.push(vec![key.clone(), source, value.clone()]);
            }
            let text = if format == Format::Csv {
                table
                    .to_csv()
                    .map_err(|e| CliError::Output(e.to_string()))?
            } else {
                table.render()
            };
            print(&text);
        }
    }
    Ok(())
}
