//! `owed --help` in the language chosen. clap writes its help from the texts a command
//! is built with (the doc comments, for the derive API) and from a few English words of
//! its own, so the command line's language is chosen before the arguments are parsed,
//! and [`localized`] rewrites the command tree from the Fluent catalogues first:
//!
//! - each command's `about` (and `long_about`) from `help-PATH`, each argument's `help`
//!   (and `long_help`) from `help-PATH--ARG` (a `.long` attribute holds the long text):
//!   `help-owed` is `owed` itself, `help-invoice-add` is `owed invoice add`, and
//!   `help-invoice-add--amount` its `--amount` (the argument's id, `_` written `-`). The
//!   English catalogue holds the doc comments word for word (a test holds the two
//!   together), so English help is what clap printed before, byte for byte;
//! - the headings (`Usage:`, `Commands:`, `Arguments:`, `Options:`), through a help
//!   template that names each heading itself;
//! - `-h, --help` and `-V, --version` (made here instead of by clap, with their texts
//!   from the catalogue) and the `help` subcommand clap adds (rewritten once built);
//! - `[env: …]`, `[default: …]` and `[possible values: …]`, written here into the help
//!   text as clap writes them, with clap's own hidden.
//!
//! clap's parse errors (`error: unexpected argument …`) are worded in `parse_errors`.
//! What stays English: the placeholders of the usage line (`[OPTIONS]`,
//! `[COMMAND]`, `<AMOUNT>`), which are syntax; `Possible values:` of the long help of a
//! value enum whose values have doc comments and `[aliases: …]` (Owed has neither).
//! A text a catalogue lacks stays as clap has it (the tests see that none does).

use std::ffi::OsStr;

use clap::builder::{PossibleValue, Styles};
use clap::{Arg, ArgAction, Command};
use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use unicode_width::UnicodeWidthStr;

/// `cmd` with every text of its help in `loader`'s language, built (ready to parse).
pub fn localized(cmd: Command, loader: &FluentLanguageLoader) -> Command {
    let words = Words::new(loader, cmd.get_styles().clone());
    let mut cmd = localize(cmd, &mut Vec::new(), &Vec::new(), &words);
    localize_help_commands(&mut cmd, &words);
    cmd
}

/// The catalogue id of the command at `path` below `owed` (empty: `owed` itself).
pub(crate) fn command_id<S: AsRef<str>>(path: &[S]) -> String {
    if path.is_empty() {
        "help-owed".to_string()
    } else {
        let names: Vec<&str> = path.iter().map(AsRef::as_ref).collect();
        format!("help-{}", names.join("-"))
    }
}

/// The catalogue id of the argument `arg` of the command at `path`.
pub(crate) fn arg_id<S: AsRef<str>>(path: &[S], arg: &Arg) -> String {
    format!(
        "{}--{}",
        command_id(path),
        arg.get_id().as_str().replace('_', "-")
    )
}

/// clap's own words, in the language chosen.
struct Words<'a> {
    loader: &'a FluentLanguageLoader,
    styles: Styles,
    usage: String,
    commands: String,
    arguments: String,
    options: String,
    env: String,
    default: String,
    possible_values: String,
}

impl<'a> Words<'a> {
    fn new(loader: &'a FluentLanguageLoader, styles: Styles) -> Words<'a> {
        Words {
            loader,
            styles,
            usage: fl!(loader, "clap-usage"),
            commands: fl!(loader, "clap-commands"),
            arguments: fl!(loader, "clap-arguments"),
            options: fl!(loader, "clap-options"),
            env: fl!(loader, "clap-env"),
            default: fl!(loader, "clap-default"),
            possible_values: fl!(loader, "clap-possible-values"),
        }
    }

    /// The message `id`, or `otherwise` when the catalogues lack it.
    fn text(&self, id: &str, otherwise: &impl ToString) -> String {
        if self.loader.has(id) {
            self.loader.get(id)
        } else {
            otherwise.to_string()
        }
    }

    /// The long text of `id` (its `.long`), or `otherwise` when the catalogues lack it.
    fn long_text(&self, id: &str, otherwise: &impl ToString) -> String {
        if self.loader.has_attr(id, "long") {
            self.loader.get_attr(id, "long")
        } else {
            otherwise.to_string()
        }
    }
}

/// The global arguments of the commands above, as written, each with its id. clap would
/// copy each down as localised where it is defined, but a command with a long help lays
/// out its `[…]` differently, so each command is given its own copy here (and clap,
/// finding it there, copies none).
type Inherited = Vec<(Arg, String)>;

/// The command at `path` and all below it, before clap builds them.
fn localize(
    mut cmd: Command,
    path: &mut Vec<String>,
    inherited: &Inherited,
    words: &Words,
) -> Command {
    let id = command_id(path);
    if let Some(about) = cmd.get_about() {
        let about = words.text(&id, about);
        cmd = cmd.about(about);
    }
    if let Some(long) = cmd.get_long_about() {
        let long = words.long_text(&id, long);
        cmd = cmd.long_about(long);
    }
    let long_help = has_long_help(&cmd) || inherited.iter().any(|(arg, _)| arg_has_long_help(arg));
    let mut below = inherited.clone();
    below.extend(
        cmd.get_arguments()
            .filter(|arg| arg.is_global_set())
            .map(|arg| (arg.clone(), arg_id(path, arg))),
    );
    // In place: the order of the positional arguments is their order on the line.
    cmd = cmd.mut_args(|arg| {
        let id = arg_id(path, &arg);
        localize_arg(arg, &id, long_help, words)
    });
    for (arg, id) in inherited {
        // One of its own by that id keeps clap from copying the global one down.
        if cmd.get_arguments().all(|own| own.get_id() != arg.get_id()) {
            cmd = cmd.arg(localize_arg(arg.clone(), id, long_help, words));
        }
    }
    if !cmd.is_disable_help_flag_set() {
        cmd = cmd.disable_help_flag(true).arg(help_flag(long_help, words));
    }
    if !cmd.is_disable_version_flag_set() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(fl!(words.loader, "clap-print-version"))
                .display_order(999),
        );
    }
    let template = template(&cmd, words);
    cmd = cmd.help_template(template);
    cmd.mut_subcommands(|sub| {
        path.push(sub.get_name().to_string());
        let sub = localize(sub, path, &below, words);
        path.pop();
        sub
    })
}

/// `-h, --help` as clap makes it (display order 999 is clap's for an argument with
/// none, so it sorts where clap's own did).
fn help_flag(long_help: bool, words: &Words) -> Arg {
    let flag = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .display_order(999);
    if long_help {
        flag.help(fl!(words.loader, "clap-print-help-more"))
            .long_help(fl!(words.loader, "clap-print-help-summary"))
    } else {
        flag.help(fl!(words.loader, "clap-print-help"))
    }
}

/// Whether clap gives `cmd` a long help (`--help` more than `-h`), as clap decides it.
fn has_long_help(cmd: &Command) -> bool {
    cmd.get_long_about().is_some()
        || cmd.get_before_long_help().is_some()
        || cmd.get_after_long_help().is_some()
        || cmd.get_arguments().any(arg_has_long_help)
}

fn arg_has_long_help(arg: &Arg) -> bool {
    !arg.is_hide_set()
        && (arg.get_long_help().is_some()
            || arg.is_hide_long_help_set()
            || arg.is_hide_short_help_set()
            || (!arg.is_hide_possible_values_set()
                && possible_values(arg)
                    .iter()
                    .any(|value| !value.is_hide_set() && value.get_help().is_some())))
}

/// The values `arg` takes, if it names them (clap's own list is empty until built).
fn possible_values(arg: &Arg) -> Vec<PossibleValue> {
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    arg.get_value_parser()
        .possible_values()
        .map(|values| values.collect())
        .unwrap_or_default()
}

/// `arg` with its help in the language chosen and the `[…]` clap appends to it written
/// into it (clap's own hidden). `long_help`: its command has a long help, where clap
/// puts them beneath the text, one a line.
fn localize_arg(mut arg: Arg, id: &str, long_help: bool, words: &Words) -> Arg {
    let help = arg.get_help().map(|help| words.text(id, help));
    let long = arg.get_long_help().map(|long| words.long_text(id, long));
    let mut specs = Vec::new();
    let ctx = words.styles.get_context();
    let ctx_val = words.styles.get_context_value();
    if let Some(name) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let shown = if arg.is_hide_env_values_set() {
            String::new()
        } else {
            let now = std::env::var_os(name).unwrap_or_default();
            format!("={}", now.to_string_lossy())
        };
        let (env, name) = (&words.env, name.to_string_lossy());
        specs.push(format!(
            "{ctx}[{env}: {ctx:#}{ctx_val}{name}{shown}{ctx_val:#}{ctx}]{ctx:#}"
        ));
        arg = arg.hide_env(true);
    }
    let takes_values = arg.get_action().takes_values();
    if takes_values && !arg.is_hide_default_value_set() && !arg.get_default_values().is_empty() {
        let defaults: Vec<String> = arg.get_default_values().iter().map(quoted).collect();
        let (default, defaults) = (&words.default, defaults.join(" "));
        specs.push(format!(
            "{ctx}[{default}: {ctx:#}{ctx_val}{defaults}{ctx_val:#}{ctx}]{ctx:#}"
        ));
        arg = arg.hide_default_value(true);
    }
    let values = possible_values(&arg);
    // Values with their own help are listed by clap beneath a long help; left to it.
    if takes_values
        && !arg.is_hide_possible_values_set()
        && !values.is_empty()
        && values.iter().all(|value| value.get_help().is_none())
    {
        let names: Vec<String> = values
            .iter()
            .filter(|value| !value.is_hide_set())
            .map(|value| format!("{ctx_val}{}{ctx_val:#}", quoted(value.get_name())))
            .collect();
        let (label, names) = (
            &words.possible_values,
            names.join(&format!("{ctx}, {ctx:#}")),
        );
        specs.push(format!("{ctx}[{label}: {ctx:#}{names}{ctx}]{ctx:#}"));
        arg = arg.hide_possible_values(true);
    }
    let short = help.clone().or_else(|| long.clone());
    if let Some(short) = joined(short, &specs.join(" "), " ") {
        arg = arg.help(short);
    }
    let long = if long_help {
        joined(long.or(help), &specs.join("\n"), "\n\n")
    } else {
        long
    };
    match long {
        Some(long) => arg.long_help(long),
        None => arg,
    }
}

/// `text` then `specs` with `between`, or whichever there is (`None`: neither).
fn joined(text: Option<String>, specs: &str, between: &str) -> Option<String> {
    match text {
        Some(text) if !text.is_empty() && !specs.is_empty() => {
            Some(format!("{text}{between}{specs}"))
        }
        Some(text) if !text.is_empty() => Some(text),
        _ if !specs.is_empty() => Some(specs.to_string()),
        text => text,
    }
}

/// A value as clap shows it: quoted when empty or holding a space.
fn quoted(value: impl AsRef<OsStr>) -> String {
    let value = value.as_ref().to_string_lossy();
    if value.is_empty() || value.contains(char::is_whitespace) {
        format!("{value:?}")
    } else {
        value.into_owned()
    }
}

/// clap's help layout with the headings in the language chosen: the sections clap
/// would show, each under its heading, in clap's order.
fn template(cmd: &Command, words: &Words) -> String {
    let header = words.styles.get_header();
    let usage = words.styles.get_usage();
    let shown = |arg: &&Arg| !arg.is_hide_set();
    let mut sections = Vec::new();
    if cmd.get_subcommands().any(|sub| !sub.is_hide_set())
        || (cmd.has_subcommands() && !cmd.is_disable_help_subcommand_set())
    {
        let heading = match cmd.get_subcommand_help_heading() {
            Some(heading) => format!("{heading}:"),
            None => words.commands.clone(),
        };
        sections.push(format!("{header}{heading}{header:#}\n{{subcommands}}"));
    }
    if cmd.get_positionals().any(|arg| shown(&arg)) {
        let heading = &words.arguments;
        sections.push(format!("{header}{heading}{header:#}\n{{positionals}}"));
    }
    // Every command has at least its `--help`, added before this is asked.
    if cmd
        .get_arguments()
        .filter(|arg| !arg.is_positional())
        .any(|arg| shown(&arg))
    {
        let heading = &words.options;
        sections.push(format!("{header}{heading}{header:#}\n{{options}}"));
    }
    // clap starts a second usage line 7 columns in, beneath the first after `Usage: `.
    let heading = &words.usage;
    let gap = " ".repeat(7usize.saturating_sub(heading.width()).max(1));
    let top =
        format!("{{before-help}}{{about-with-newline}}\n{usage}{heading}{usage:#}{gap}{{usage}}");
    if sections.is_empty() {
        format!("{top}{{after-help}}")
    } else {
        format!("{top}\n\n{}{{after-help}}", sections.join("\n\n"))
    }
}

/// The `help` subcommand clap adds to each command with subcommands when it builds it:
/// each such command is built here (above before below, as parsing builds them, so the
/// settings a command passes down reach those below first), then its `help` rewritten.
fn localize_help_commands(cmd: &mut Command, words: &Words) {
    if !cmd.has_subcommands() {
        return;
    }
    // Building is what rendering the usage does first.
    let _ = cmd.render_usage();
    for sub in cmd.get_subcommands_mut() {
        let added_by_clap =
            sub.get_name() == "help" && sub.get_arguments().any(|arg| arg.get_id() == "subcommand");
        if added_by_clap {
            *sub = std::mem::take(sub)
                .about(fl!(words.loader, "clap-help-command"))
                .mut_arg("subcommand", |arg| {
                    arg.help(fl!(words.loader, "clap-help-command-subcommand"))
                });
        } else {
            localize_help_commands(sub, words);
        }
    }
}

#[cfg(test)]
mod tests;
