//! Runs one parsed command against the book.

use std::path::PathBuf;

use crate::domain::Currency;
use crate::domain::customer::{CustomerDraft, Tier};
use crate::domain::document::DocKind;
use crate::domain::note::{NoteDraft, Promise};
use crate::domain::terms::Terms;
use crate::store::LeftEmpty;
use crate::store::{
    Access, BookSettings, CustomerUpdate, Discounting, NewRefund, Store, VoidRequest,
};

use super::output::print;

mod posting;

use super::words::{count, joined};
use super::{
    Cli, CliError, Command, CreditCommand, CustomerCommand, DebitCommand, NoteCommand,
    PaymentCommand, RefundCommand, input, parse_date_arg, parse_optional_date,
};
use crate::fl;
use posting::{post_credit, post_debit, report_posted};

pub(super) fn book_path(cli: &Cli) -> Result<PathBuf, CliError> {
    match &cli.book {
        Some(path) => Ok(path.clone()),
        None => crate::store::default_book_path().ok_or(CliError::NoDefaultBook),
    }
}

pub(super) fn open(cli: &Cli, access: Access) -> Result<Store, CliError> {
    let path = book_path(cli)?;
    let existed = path.exists();
    let store = Store::open(&path, access)?;
    // A writing command is refused at its first write instead, with the same advice.
    if access == Access::Read
        && let Some(warning) = store.known_damage()
    {
        // Once per command: reading goes on, but the reader should know.
        let warning = crate::i18n::errors::Described::described(&warning);
        eprintln!("owed: {}", fl!("cli-warning", warning = warning));
    }
    if !existed {
        // Say so: a mistyped --book should not pass silently as an empty book.
        eprintln!(
            "owed: {}",
            fl!(
                "cli-started-a-new-book",
                path = path.display().to_string(),
                currency = store.currency().code.as_str()
            )
        );
    }
    Ok(store)
}

/// The desktop app on the `--book` (or default) book; it handles a missing or
/// unopenable book itself, on its welcome screen.
fn open_app(cli: &Cli) -> Result<(), CliError> {
    let preferences = crate::preferences::Preferences::path();
    // Without --book the app reopens the book last opened (the sample book too), as a
    // desktop app does; else the default book.
    let last = crate::preferences::Preferences::load(preferences.as_deref())
        .existing_books()
        .into_iter()
        .next();
    let book = match (&cli.book, last) {
        (None, Some(last)) => last,
        _ => book_path(cli)?,
    };
    crate::ui::run(crate::ui::Options {
        book,
        today: chrono::Local::now().date_naive(),
        preferences,
    })
    .map_err(|e| CliError::App(e.to_string()))
}

pub fn run(cli: Cli) -> Result<(), CliError> {
    let Some(command) = &cli.command else {
        return open_app(&cli);
    };
    match command {
        Command::App => open_app(&cli)?,
        Command::Settings(command) => super::settings::run(&cli, command)?,
        Command::Fees(args) => super::fees::run(&cli, args)?,
        Command::Review(command) => super::review::run(&cli, command)?,
        Command::Statements(args) => {
            let mut store = open(&cli, Access::Write)?;
            super::documents::statements(&mut store, args)?;
        }
        Command::Letter(args) => {
            let mut store = open(&cli, Access::Write)?;
            super::documents::letter(&mut store, args)?;
        }
        Command::Letters(args) => {
            let mut store = open(&cli, Access::Write)?;
            super::documents::letters(&mut store, args)?;
        }
        Command::Outbox(command) => {
            let mut store = open(&cli, Access::Write)?;
            super::outbox::run(&mut store, command)?;
        }
        Command::Issued(command) => {
            let store = open(&cli, Access::Read)?;
            super::documents::issued(&store, command)?;
        }
        Command::Audit(super::AuditCommand::List(args)) => {
            let store = open(&cli, Access::Read)?;
            super::audit::list(&store, args)?;
        }
        Command::Worklist(args) => {
            let store = open(&cli, Access::Read)?;
            super::worklist::run(&store, args)?;
        }
        Command::Analytics(args) => {
            let store = open(&cli, Access::Read)?;
            super::analytics::run(&store, args)?;
        }
        Command::Risk(args) => match &args.command {
            Some(super::RiskCommand::Ack(ack)) => {
                let mut store = open(&cli, Access::Write)?;
                super::risk::ack(&mut store, ack)?;
            }
            None => {
                let store = open(&cli, Access::Read)?;
                super::risk::list(&store, args)?;
            }
        },
        Command::Forecast(args) => {
            let store = open(&cli, Access::Read)?;
            super::forecast::run(&store, args)?;
        }
        Command::Overview => {
            let store = open(&cli, Access::Read)?;
            super::reports::overview(&store)?;
        }
        Command::Init(args) => {
            let currency =
                Currency::new(&args.currency, args.minor_units).map_err(input("--currency"))?;
            let settings = BookSettings {
                company: args.company.trim().to_string(),
                currency,
            };
            let path = book_path(&cli)?;
            let store = Store::init(&path, &settings)?;
            print(&fl!(
                "cli-init-ready",
                path = path.display().to_string(),
                company = store.settings().company.as_str(),
                currency = store.currency().code.as_str(),
                decimals = count(store.currency().minor_units as usize)
            ));
        }
        Command::Customer(CustomerCommand::Add(fields)) => {
            let mut store = open(&cli, Access::Write)?;
            let currency = store.currency().clone();
            let terms = fields
                .terms
                .as_deref()
                .map(str::parse::<Terms>)
                .transpose()
                .map_err(input("--terms"))?;
            let credit_limit = match fields.credit_limit.as_deref().map(str::trim) {
                None => None,
                Some(none) if none.eq_ignore_ascii_case("none") => Some(None),
                Some(limit) => Some(Some(
                    currency.parse(limit).map_err(input("--credit-limit"))?,
                )),
            };
            let draft = CustomerDraft {
                code: fields.code.clone(),
                name: fields.name.clone(),
                contact: fields.contact.contact.clone(),
                email: fields.contact.email.clone(),
                phone: fields.contact.phone.clone(),
                address: fields.contact.address.clone(),
                terms: terms.unwrap_or_default(),
                credit_limit: credit_limit.flatten(),
                tier: fields
                    .tier
                    .as_deref()
                    .map(str::parse::<Tier>)
                    .transpose()
                    .map_err(input("--tier"))?,
                on_hold: fields.hold,
                send_by: fields
                    .contact
                    .send_by
                    .as_deref()
                    .map(crate::domain::email::SendBy::parse)
                    .transpose()
                    .map_err(input("--send-by"))?
                    .unwrap_or_default(),
            };
            let left_empty = LeftEmpty {
                terms: terms.is_none(),
                credit_limit: credit_limit.is_none(),
            };
            let customer = store.add_customer_with_policy(&draft, left_empty)?;
            let mut said = vec![fl!(
                "cli-customer-added",
                code = customer.code.as_str(),
                name = customer.name.as_str()
            )];
            if let Some(tier) = customer.tier {
                let mut from_policy = Vec::new();
                if left_empty.terms {
                    from_policy.push(fl!("cli-terms-are", terms = customer.terms.to_string()));
                }
                if left_empty.credit_limit {
                    from_policy.push(match customer.credit_limit {
                        Some(limit) => {
                            fl!("cli-credit-limit-is", limit = currency.display(limit))
                        }
                        None => fl!("cli-no-credit-limit"),
                    });
                }
                if !from_policy.is_empty() {
                    said.push(format!(
                        "  {}",
                        fl!(
                            "cli-from-tier-policy",
                            what = joined(&from_policy),
                            tier = tier.to_string()
                        )
                    ));
                }
            }
            if let Some(next) = customer.next_review {
                said.push(format!(
                    "  {}",
                    fl!("cli-next-credit-review", date = next.to_string())
                ));
            }
            print(&said.join("\n"));
        }
        Command::Customer(CustomerCommand::Edit(edit)) => {
            let mut store = open(&cli, Access::Write)?;
            let currency = store.currency().clone();
            let credit_limit = match edit.credit_limit.as_deref() {
                None => None,
                Some("none") | Some("") => Some(None),
                Some(limit) => Some(Some(
                    currency.parse(limit).map_err(input("--credit-limit"))?,
                )),
            };
            let tier = match edit.tier.as_deref() {
                None => None,
                Some("none") | Some("") => Some(None),
                Some(tier) => Some(Some(tier.parse::<Tier>().map_err(input("--tier"))?)),
            };
            let update = CustomerUpdate {
                name: edit.name.clone(),
                contact: edit.contact.contact.clone(),
                email: edit.contact.email.clone(),
                phone: edit.contact.phone.clone(),
                address: edit.contact.address.clone(),
                terms: edit
                    .terms
                    .as_deref()
                    .map(str::parse::<Terms>)
                    .transpose()
                    .map_err(input("--terms"))?,
                credit_limit,
                tier,
                on_hold: (edit.hold || edit.release).then_some(edit.hold),
                archived: (edit.archive || edit.unarchive).then_some(edit.archive),
                next_review: None,
                send_by: edit
                    .contact
                    .send_by
                    .as_deref()
                    .map(crate::domain::email::SendBy::parse)
                    .transpose()
                    .map_err(input("--send-by"))?,
                reason: edit.reason.clone(),
            };
            let customer = store.update_customer(&edit.code, &update)?;
            let mut state = String::new();
            if customer.on_hold {
                state.push_str(&fl!("cli-state-on-hold"));
            }
            if customer.archived {
                state.push_str(&fl!("cli-state-archived"));
            }
            print(&fl!(
                "cli-customer-updated",
                code = customer.code.as_str(),
                name = customer.name.as_str(),
                state = state
            ));
        }
        Command::Customer(CustomerCommand::Pause(args)) => super::disputes::pause(&cli, args)?,
        Command::Customer(CustomerCommand::Resume(args)) => super::disputes::resume(&cli, args)?,
        Command::Dispute(command) => super::disputes::run(&cli, command)?,
        Command::Customer(CustomerCommand::List(args)) => {
            let store = open(&cli, Access::Read)?;
            let as_of = parse_date_arg("--as-of", &args.as_of)?;
            super::reports::customer_list(&store, as_of, args.format)?;
        }
        Command::Invoice(DebitCommand::Add(args)) => post_debit(&cli, DocKind::Invoice, args)?,
        Command::Fee(DebitCommand::Add(args)) => post_debit(&cli, DocKind::Fee, args)?,
        Command::Payment(PaymentCommand::Add(args)) => {
            let discounting = match args.no_discount {
                true => Discounting::Refuse,
                false => Discounting::Take,
            };
            post_credit(&cli, DocKind::Payment, &args.credit, discounting)?
        }
        Command::Credit(CreditCommand::Add(args)) => {
            post_credit(&cli, DocKind::Credit, args, Discounting::Refuse)?
        }
        Command::Writeoff(CreditCommand::Add(args)) => {
            post_credit(&cli, DocKind::WriteOff, args, Discounting::Refuse)?
        }
        Command::Refund(RefundCommand::Add(args)) => {
            let mut store = open(&cli, Access::Write)?;
            let currency = store.currency().clone();
            let refund = NewRefund {
                customer: args.doc.customer.clone(),
                number: args.doc.number.clone(),
                date: args.doc.date()?,
                amount: args.doc.amount(&currency)?,
                of: args.of.clone(),
                reference: args.doc.reference.clone(),
                memo: args.doc.memo.clone(),
            };
            let posted = store.post_refund(&refund)?;
            report_posted(&currency, &posted, refund.amount);
        }
        Command::Void(args) => {
            let mut store = open(&cli, Access::Write)?;
            let request = VoidRequest {
                number: args.number.clone(),
                date: parse_optional_date("--date", &args.date)?,
                reason: args.reason.clone(),
            };
            let posted = store.void(&request)?;
            let mut lines = vec![fl!(
                "cli-voided",
                number = args.number.trim(),
                reversal = posted.number.as_str(),
                customer = posted.customer.as_str()
            )];
            for discount in &posted.also_voided {
                lines.push(format!(
                    "  {}",
                    fl!("cli-voided-discount-too", discount = discount.as_str())
                ));
            }
            print(&lines.join("\n"));
        }
        Command::Apply(args) => {
            let mut store = open(&cli, Access::Write)?;
            let date = parse_date_arg("--date", &args.date)?;
            let applied = store.apply_unapplied(&args.customer, date)?;
            let currency = store.currency().clone();
            if applied.is_empty() {
                print(&fl!("cli-nothing-to-apply"));
            }
            for (number, seq, amount) in applied {
                print(&fl!(
                    "cli-applied-to",
                    amount = currency.display(amount),
                    item = format!("{number}/{seq}")
                ));
            }
        }
        Command::Note(NoteCommand::Add(args)) => {
            let mut store = open(&cli, Access::Write)?;
            let currency = store.currency().clone();
            let promise = args
                .promise
                .as_deref()
                .map(|text| Promise::parse(text, &currency))
                .transpose()
                .map_err(input("--promise"))?;
            let draft = NoteDraft {
                customer_code: args.customer.clone(),
                invoice_number: args.invoice.clone(),
                channel: args.channel.parse().map_err(input("--channel"))?,
                direction: args.direction.parse().map_err(input("--direction"))?,
                summary: args.summary.clone(),
                outcome: args.outcome.clone(),
                promise,
                follow_up: parse_optional_date("--follow-up", &args.follow_up)?,
            };
            let note = store.add_note(&draft)?;
            print(&fl!(
                "cli-note-logged",
                id = note.id.to_string(),
                customer = note.customer.as_str(),
                at = note.at.as_str()
            ));
        }
        Command::Note(NoteCommand::List(args)) => {
            let store = open(&cli, Access::Read)?;
            super::reports::notes(&store, args)?;
        }
        Command::Ledger(args) => {
            let store = open(&cli, Access::Read)?;
            super::reports::ledger(&store, args)?;
        }
        Command::Aging(args) => {
            let store = open(&cli, Access::Read)?;
            super::reports::aging(&store, args)?;
        }
        Command::Import(args) => super::bank::run(
            |write| open(&cli, if write { Access::Write } else { Access::Read }),
            args,
        )?,
        Command::Load(args) => {
            let kind: crate::load::LoadKind = args.kind.parse().map_err(input("--kind"))?;
            let mut store = open(&cli, Access::Write)?;
            let summary = crate::load::load_csv_overriding(
                &mut store,
                &args.file,
                kind,
                args.override_reason.as_deref(),
            )?;
            print(&fl!(
                "cli-loaded",
                file = args.file.display().to_string(),
                added = count(summary.added),
                present = count(summary.already_present)
            ));
        }
        Command::Demo(args) => {
            let mut store = open(&cli, Access::Write)?;
            let options = crate::demo::DemoOptions {
                customers: args.customers,
                invoices: args.invoices,
                seed: args.seed,
                today: parse_date_arg("--today", &args.today)?,
            };
            let started = std::time::Instant::now();
            let mut last_shown = 0;
            let summary = crate::demo::generate(&mut store, &options, &mut |done, total| {
                let percent = (done * 100).checked_div(total).unwrap_or(100);
                if percent >= last_shown + 10 || done == total {
                    last_shown = percent;
                    eprintln!(
                        "{}",
                        fl!(
                            "cli-demo-progress",
                            percent = count(percent),
                            done = count(done),
                            total = count(total)
                        )
                    );
                }
            })?;
            print(&fl!(
                "cli-demo-ready",
                customers = count(summary.customers),
                documents = count(summary.documents),
                notes = count(summary.notes),
                elapsed = format!("{:.1?}", started.elapsed())
            ));
        }
        Command::Export(args) => {
            let kind = crate::export::Export::parse(&args.kind, args.format.as_deref())?;
            let as_of = parse_date_arg("--as-of", &args.as_of)?;
            let store = open(&cli, Access::Read)?;
            match &args.out {
                None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
                    // Read by a person: through `print`, which escapes hidden characters
                    // (a journal too: its memos are the book's text).
                    let mut csv = Vec::new();
                    kind.write(&store, as_of, &mut csv)?;
                    print(&String::from_utf8_lossy(&csv));
                }
                None => {
                    let mut stdout = std::io::stdout().lock();
                    match kind.write(&store, as_of, &mut stdout) {
                        // `owed export … | head` closes the pipe early; that is not a failure.
                        Err(crate::export::ExportError::Write(e)) if matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe) =>
                            {}
                        Err(crate::export::ExportError::Journal(
                            crate::export::journal::JournalError::Write(e),
                        )) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                        other => {
                            other?;
                        }
                    }
                }
                Some(path) => {
                    let rows = export_to_file(&store, kind, as_of, path)?;
                    let path_shown = path.display().to_string();
                    let done = match kind {
                        crate::export::Export::Csv(_) => {
                            fl!("cli-wrote-rows", count = count(rows), path = path_shown)
                        }
                        crate::export::Export::Journal(_) => fl!(
                            "cli-wrote-transactions",
                            count = count(rows),
                            path = path_shown
                        ),
                    };
                    // Said on stderr when the export itself went to a stream (`/dev/stdout`),
                    // so the line does not end up in the data.
                    if crate::files::writes_through(path) {
                        eprintln!("{done}");
                    } else {
                        print(&done);
                    }
                }
            }
        }
        Command::Check(args) => {
            let store = open(&cli, Access::Read)?;
            let as_of = parse_date_arg("--as-of", &args.as_of)?;
            let violations = store.check(as_of)?;
            if violations.is_empty() {
                print(&fl!("cli-check-ok"));
            } else {
                for violation in &violations {
                    print(&crate::i18n::errors::Described::described(violation));
                }
                return Err(CliError::CheckFailed(violations.len()));
            }
        }
        Command::Backup(args) => super::backups::backup(&cli, args)?,
        Command::Restore(args) => super::backups::restore(&cli, args)?,
    }
    super::reports::peak_memory_note();
    Ok(())
}

/// Writes the export whole: a file (or a link to one) is replaced only once every row
/// is on disk, so a failed export never leaves a half-written file where a good one was;
/// `/dev/stdout` or a pipe is written through.
fn export_to_file(
    store: &Store,
    kind: crate::export::Export,
    as_of: chrono::NaiveDate,
    path: &std::path::Path,
) -> Result<usize, CliError> {
    crate::files::write_whole(path, |out| kind.write(store, as_of, out)).map_err(|e| match e {
        crate::files::WholeError::Content(e) => e.into(),
        crate::files::WholeError::Io(e) => CliError::File {
            path: path.to_path_buf(),
            message: crate::i18n::errors::io_text(&e, &crate::i18n::LOADER),
        },
    })
}
