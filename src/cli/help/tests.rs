use std::collections::BTreeSet;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches};

use super::*;
use crate::cli::{Cli, Command as Owed};
use crate::i18n::{Language, catalogue, loader_for};

/// A text of `owed`'s help as the doc comments give it: its id, its text and its long
/// text.
struct Entry {
    id: String,
    text: String,
    long: Option<String>,
}

/// Every text of `owed`'s help, from the code (commands, then their arguments, then the
/// commands below).
fn entries() -> Vec<Entry> {
    fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<Entry>) {
        if let Some(about) = cmd.get_about() {
            out.push(Entry {
                id: command_id(path),
                text: about.to_string(),
                long: cmd.get_long_about().map(ToString::to_string),
            });
        }
        for arg in cmd.get_arguments() {
            if let Some(help) = arg.get_help() {
                out.push(Entry {
                    id: arg_id(path, arg),
                    text: help.to_string(),
                    long: arg.get_long_help().map(ToString::to_string),
                });
            }
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), &mut Vec::new(), &mut out);
    out
}

/// The path of every command below `owed` (`[]` is `owed` itself).
fn paths() -> Vec<Vec<String>> {
    fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), &mut Vec::new(), &mut out);
    out
}

/// What `owed PATH… FLAG` prints (`-h` or `--help`) with `cmd`, styles and all.
fn rendered(cmd: &Command, path: &[impl AsRef<str>], flag: &str) -> clap::builder::StyledStr {
    let mut args = vec!["owed"];
    args.extend(path.iter().map(AsRef::as_ref));
    args.push(flag);
    let error = cmd.clone().try_get_matches_from(args).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::DisplayHelp, "{error}");
    error.render()
}

fn english() -> Command {
    localized(Cli::command(), &loader_for(Language::English))
}

fn chinese() -> Command {
    localized(Cli::command(), &loader_for(Language::SimplifiedChinese))
}

#[test]
fn every_text_of_the_help_has_its_id_in_both_catalogues_and_every_help_id_a_text() {
    let entries = entries();
    let ids: BTreeSet<String> = entries.iter().map(|entry| entry.id.clone()).collect();
    assert_eq!(ids.len(), entries.len(), "two texts with one id");
    assert!(ids.len() > 200, "{}", ids.len());
    for language in ["en-US", "zh-CN"] {
        let held: BTreeSet<String> = catalogue(language)
            .into_iter()
            .map(|(id, _)| id)
            .filter(|id| id.starts_with("help-"))
            .collect();
        let missing: Vec<_> = ids.difference(&held).collect();
        let stale: Vec<_> = held.difference(&ids).collect();
        assert!(missing.is_empty(), "not in {language}: {missing:?}");
        assert!(
            stale.is_empty(),
            "in {language} but no help text: {stale:?}"
        );
    }
}

#[test]
fn the_english_catalogue_holds_the_doc_comments_word_for_word() {
    let loader = loader_for(Language::English);
    for entry in entries() {
        assert_eq!(loader.get(&entry.id), entry.text, "{}", entry.id);
        match &entry.long {
            Some(long) => assert_eq!(&loader.get_attr(&entry.id, "long"), long),
            None => assert!(!loader.has_attr(&entry.id, "long"), "{}", entry.id),
        }
    }
}

#[test]
fn english_help_is_what_clap_prints_of_the_doc_comments_styles_and_all() {
    let (plain, english) = (Cli::command(), english());
    for path in paths() {
        for flag in ["-h", "--help"] {
            assert_eq!(
                rendered(&english, &path, flag).ansi().to_string(),
                rendered(&plain, &path, flag).ansi().to_string(),
                "owed {} {flag}",
                path.join(" ")
            );
        }
    }
}

/// `[env: OWED_BOOK=…]` as it reads with `OWED_BOOK` unset.
fn without_book_env(text: &str) -> String {
    let Some(at) = text.find("OWED_BOOK=") else {
        return text.to_string();
    };
    let end = at + text[at..].find(']').unwrap();
    format!("{}OWED_BOOK={}", &text[..at], &text[end..])
}

#[test]
fn english_help_is_what_owed_printed_before() {
    // Captured from `owed … --help` before the help was localised (then given the texts
    // of the arguments that had none).
    const BEFORE: &[(&[&str], &str)] = &[
        (&[], include_str!("english/owed.txt")),
        (&["invoice", "add"], include_str!("english/invoice-add.txt")),
        (
            &["customer", "edit"],
            include_str!("english/customer-edit.txt"),
        ),
        (&["init"], include_str!("english/init.txt")),
        (&["aging"], include_str!("english/aging.txt")),
        (&["import"], include_str!("english/import.txt")),
        (
            &["settings", "set"],
            include_str!("english/settings-set.txt"),
        ),
    ];
    let english = english();
    for (path, before) in BEFORE {
        let now = rendered(&english, path, "--help").to_string();
        assert_eq!(without_book_env(&now), *before, "owed {}", path.join(" "));
    }
}

#[test]
fn chinese_help_is_chinese_with_the_flags_and_values_as_typed() {
    let chinese = chinese();
    let add = rendered(&chinese, &["invoice", "add"], "--help").to_string();
    for said in [
        "过账一张",
        "用法： owed invoice add [OPTIONS] --customer <CUSTOMER> --amount <AMOUNT>",
        "选项：",
        "--amount <AMOUNT>",
        "--customer <CUSTOMER>",
        "`net 30`",
        "-h, --help",
        "[环境变量: OWED_BOOK=",
    ] {
        assert!(add.contains(said), "{said:?} missing from:\n{add}");
    }
    let top = rendered(&chinese, &[] as &[&str], "--help").to_string();
    for said in [
        "命令：",
        "选项：",
        "-V, --version",
        "用法： owed [OPTIONS] [COMMAND]",
    ] {
        assert!(top.contains(said), "{said:?} missing from:\n{top}");
    }
    let init = rendered(&chinese, &["init"], "-h").to_string();
    assert!(init.contains("[默认值: \"My Company\"]"), "{init}");
    let aging = rendered(&chinese, &["aging"], "-h").to_string();
    assert!(
        aging.contains("[默认值: table] [可选值: table, csv, json, pdf]"),
        "{aging}"
    );
    // A second usage line stays beneath the first.
    let import = rendered(&chinese, &["import"], "-h").to_string();
    assert!(
        import.contains("用法： owed import [OPTIONS] [FILE]\n       owed import <COMMAND>\n"),
        "{import}"
    );
    let edit = rendered(&chinese, &["customer", "edit"], "-h").to_string();
    assert!(edit.contains("参数：\n  <CODE>"), "{edit}");
    // Nothing of clap's own English, nor of the doc comments, is left on any page.
    for path in paths() {
        let text = rendered(&chinese, &path, "--help").to_string();
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
            "Print version",
            "Print this message",
            "[default:",
            "[env:",
            "[possible values:",
        ] {
            assert!(!text.contains(english), "{english:?} in:\n{text}");
        }
        for line in text.lines().filter(|line| line.starts_with("  ")) {
            let words = line
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|word| word.len() >= 3 && word.chars().all(|c| c.is_ascii_lowercase()))
                .count();
            let han = line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(
                han || words < 3,
                "untranslated? {line:?} in owed {}",
                path.join(" ")
            );
        }
    }
}

#[test]
fn the_help_subcommand_speaks_the_language_chosen_and_still_finds_the_command() {
    let chinese = chinese();
    let top = rendered(&chinese, &[] as &[&str], "--help").to_string();
    let help_line = top
        .lines()
        .find(|line| line.trim_start().starts_with("help "))
        .unwrap();
    assert!(help_line.contains("打印"), "{help_line}");
    let error = chinese
        .clone()
        .try_get_matches_from(["owed", "help", "invoice", "add"])
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::DisplayHelp);
    assert!(error.to_string().contains("--amount <AMOUNT>"), "{error}");
    assert!(
        error.to_string().contains("用法： owed invoice add"),
        "{error}"
    );
}

#[test]
fn the_command_line_parses_as_before() {
    for cmd in [english(), chinese()] {
        cmd.clone().debug_assert();
        let mut matches = cmd
            .clone()
            .try_get_matches_from(["owed", "settings", "set", "paper", "letter"])
            .unwrap();
        let cli = Cli::from_arg_matches_mut(&mut matches).unwrap();
        let Some(Owed::Settings(crate::cli::SettingsCommand::Set(set))) = cli.command else {
            panic!("{:?}", cli.command);
        };
        assert_eq!((set.key.as_str(), set.value.as_str()), ("paper", "letter"));
        let error = cmd
            .clone()
            .try_get_matches_from(["owed", "-V"])
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::DisplayVersion);
        let error = cmd
            .clone()
            .try_get_matches_from(["owed", "invoice", "add", "--amount"])
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidValue);
    }
}

#[test]
fn long_help_and_what_clap_appends_read_as_clap_writes_them() {
    // Texts no catalogue holds stay as given: in English this is clap's own layout.
    let cmd = || {
        Command::new("owed")
            .version("1.0")
            .arg(
                Arg::new("zz_book")
                    .long("zz-book")
                    .global(true)
                    .env("OWED_HELP_TEST_NEVER_SET")
                    .help("The book"),
            )
            .subcommand(
                Command::new("zz-sub")
                    .about("Short about")
                    .long_about("Long about.\n\nIts second paragraph.")
                    .arg(
                        Arg::new("format")
                            .long("format")
                            .value_parser(["table", "csv"])
                            .default_value("table")
                            .help("The format")
                            .long_help("The format.\n\nIn full."),
                    )
                    .arg(Arg::new("name").default_value("My Company"))
                    .arg(Arg::new("bare").long("bare").default_value("x"))
                    .subcommand(
                        Command::new("zz-leaf")
                            .about("A leaf without a long help")
                            .arg(Arg::new("level").long("level").help("The level")),
                    ),
            )
    };
    let english = localized(cmd(), &loader_for(Language::English));
    for path in [&[] as &[&str], &["zz-sub"], &["zz-sub", "zz-leaf"]] {
        for flag in ["-h", "--help"] {
            assert_eq!(
                rendered(&english, path, flag).ansi().to_string(),
                rendered(&cmd(), path, flag).ansi().to_string(),
                "{path:?} {flag}"
            );
        }
    }
}

/// The English entries of the catalogue's help section, `id = text`, to paste into
/// `i18n/en-US/owed.ftl` when a command or argument is added:
/// `cargo test --lib print_the_english_entries -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_the_english_entries() {
    let escaped = |text: &str| {
        text.chars()
            .map(|c| match c {
                '{' | '}' => format!("{{\"{c}\"}}"),
                c => c.to_string(),
            })
            .collect::<String>()
    };
    for entry in entries() {
        println!("{} = {}", entry.id, escaped(&entry.text));
        if let Some(long) = &entry.long {
            println!("    .long = {}", escaped(long).replace('\n', "\n        "));
        }
    }
}

/// Every command and every argument `owed` defines (clap's own `--help`, `--version` and
/// `help` come later, when clap builds the tree) says what it is for: one without a text
/// shows a bare line in `--help`, in every language.
#[test]
fn every_command_and_argument_has_a_help_text() {
    fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<String>) {
        if cmd.get_about().is_none() {
            out.push(format!("owed {}", path.join(" ")));
        }
        for arg in cmd.get_arguments() {
            if arg.get_help().is_none() {
                let name = match arg.get_long() {
                    Some(long) => format!("--{long}"),
                    None => format!("<{}>", arg.get_id()),
                };
                out.push(format!("owed {} {name}", path.join(" ")));
            }
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut missing = Vec::new();
    walk(&Cli::command(), &mut Vec::new(), &mut missing);
    assert!(
        missing.is_empty(),
        "{} without a help text:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
