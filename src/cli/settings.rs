//! `owed settings show|set|reset-letter`: the company profile and the demand letters'
//! texts and thresholds, by the keys `Store::set_setting` takes.

use serde_json::{Map, Value};

use super::output::{Table, print};
use super::{Cli, CliError, Format, SettingsCommand};
use crate::domain::letters::Level;
use crate::store::{Access, unescape};

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
        SettingsCommand::ResetLetter(args) => {
            let level = Level::from_number(args.level).ok_or_else(|| CliError::Input {
                field: "--level",
                message: format!("'{}' is not a level; use 1, 2, 3 or 4", args.level),
            })?;
            let languages: &[bool] = match args.lang.as_deref().map(str::trim) {
                None => &[false, true],
                Some("en") => &[false],
                Some("zh") => &[true],
                Some(other) => {
                    return Err(CliError::Input {
                        field: "--lang",
                        message: format!("'{other}' is not a language; use en or zh"),
                    });
                }
            };
            let mut store = super::commands::open(cli, Access::Write)?;
            for &chinese in languages {
                store.reset_letter_template(level, chinese)?;
                print(&format!(
                    "letter {} ({}) in {} is the default text again",
                    level.number(),
                    level.name(),
                    if chinese { "Chinese" } else { "English" }
                ));
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
            let mut table = Table::new(&["key", "source", "value"], &[false, false, false]);
            for (key, value, default) in values {
                let source = if *default { "default" } else { "book" };
                table
                    .rows
                    .push(vec![key.clone(), source.to_string(), value.clone()]);
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
