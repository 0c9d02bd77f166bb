//! The small forms the Today screen opens under its list, each about the selected row:
//! open a dispute on one of the customer's items, pause its letters until a date,
//! resolve a dispute (with a credit note when the customer was right), and confirm
//! sending the letter due (also by email to a customer who wants email, queued in the
//! outbox with the archived letter and sent on the same worker). Enter submits, Esc
//! closes; a refused value is said at its field and nothing is written.

use std::path::PathBuf;

use chrono::{Days, NaiveDate};
use iced::Task;
use iced::widget::{Id, operation};

use crate::domain::Money;
use crate::domain::interest::Charge;
use crate::domain::letters::Level;
use crate::fl;
use crate::report::letters::{self, LetterRequest};
use crate::report::worklist::WorkItem;
use crate::store::{NewDispute, Resolution, Store};
use crate::ui::errors::Described;
use crate::ui::{Book, mailing};

/// The first field of each form, focused when it opens.
pub const FIRST_FIELD: &str = "today-form-first";
/// Days a pause lasts unless changed.
const PAUSE_DAYS: u64 = 14;

/// One of the customer's open items, as the dispute form offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChoice {
    pub invoice: String,
    /// `None`: the whole invoice.
    pub item: Option<u32>,
    pub label: String,
}

impl std::fmt::Display for ItemChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

#[derive(Debug, Clone)]
pub enum Form {
    Dispute {
        customer: String,
        name: String,
        choices: Vec<ItemChoice>,
        chosen: Option<ItemChoice>,
        reason: String,
        error: Option<String>,
    },
    Pause {
        customer: String,
        name: String,
        until: String,
        reason: String,
        error: Option<String>,
    },
    Resolve {
        id: i64,
        what: String,
        outcome: String,
        credit: String,
        error: Option<String>,
    },
    Send {
        customer: String,
        name: String,
        level: Level,
        folder: PathBuf,
        /// How the customer wants its letters, as the form says it.
        reach: Reach,
        /// Also email it (only offered when the customer wants email).
        email: bool,
        error: Option<String>,
    },
    /// The interest and fees due today by policy, to confirm before they are posted.
    Interest {
        charges: Vec<Charge>,
        error: Option<String>,
    },
}

/// How a letter sent from the Today screen can reach the customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// The customer wants email and has these addresses (joined for the eye); `set_up`:
    /// the book's mail server is set up, so it can be sent at once.
    Email { to: String, set_up: bool },
    /// Only on paper: the customer wants post.
    PostWanted,
    /// Only on paper: the customer has no billing email.
    NoAddress,
}

impl Reach {
    /// The customer's choice and addresses against the book's mail settings; a customer
    /// or settings that cannot be read offer paper only.
    fn of(customer: &str, book: &Book) -> Reach {
        let Ok(customer) = book.store().customer(customer) else {
            return Reach::NoAddress;
        };
        let addresses = customer.addresses();
        if customer.send_by.emails(&addresses) {
            let set_up = book
                .store()
                .email_settings()
                .is_ok_and(|settings| settings.is_set_up());
            Reach::Email {
                to: addresses.join(", "),
                set_up,
            }
        } else if customer.send_by == crate::domain::email::SendBy::Post {
            Reach::PostWanted
        } else {
            Reach::NoAddress
        }
    }
}

#[derive(Debug, Clone)]
pub enum Message {
    /// Also email the letter, or not.
    Email(bool),
    Chosen(ItemChoice),
    Reason(String),
    Until(String),
    Outcome(String),
    Credit(String),
    Submit,
    Cancel,
}

/// Writing that may take a while (a letter merged from the whole aging, a fee run over
/// the book): run off the UI thread with a connection of its own; its notice on success.
pub type Job = Box<dyn FnOnce(&mut Store) -> Result<String, String> + Send>;

/// What an update did to the form.
pub enum Outcome {
    Editing,
    Cancelled,
    /// Written; the notice says what.
    Done(String),
    /// Valid: `Job` writes it, on a worker.
    Run(Job),
}

/// What submitting a valid form does: written at once, or a job for a worker.
enum Written {
    Now(String),
    Later(Job),
}

fn focus<M: Send + 'static>() -> Task<M> {
    operation::focus(Id::new(FIRST_FIELD))
}

impl Form {
    /// A dispute on one of the customer's open items (overdue ones first).
    pub fn dispute<M: Send + 'static>(
        item: &WorkItem,
        book: &Book,
    ) -> Result<(Form, Task<M>), String> {
        let store = book.store();
        let customer = store.customer(&item.customer).map_err(|e| e.described())?;
        let mut open = store
            .open_items_now(customer.id)
            .map_err(|e| e.described())?;
        open.retain(|i| i.open.is_positive());
        if open.is_empty() {
            return Err(fl!(
                "name-has-nothing-open-to-dispute",
                name = item.name.as_str()
            ));
        }
        open.sort_by(|a, b| (a.due, &a.number, a.seq).cmp(&(b.due, &b.number, b.seq)));
        let mut choices = Vec::new();
        for open_item in &open {
            let installments = open.iter().filter(|o| o.number == open_item.number).count();
            let whole = ItemChoice {
                invoice: open_item.number.clone(),
                item: None,
                label: fl!("number-whole-invoice", number = open_item.number.as_str()),
            };
            if installments > 1 && !choices.contains(&whole) {
                choices.push(whole);
            }
            let (seq, due, amount) = (
                open_item.seq.to_string(),
                open_item.due.to_string(),
                book.money(open_item.open),
            );
            let label = if installments > 1 {
                fl!(
                    "number-seq-due-due-open-open",
                    number = open_item.number.as_str(),
                    seq = seq.as_str(),
                    due = due.as_str(),
                    open = amount.as_str()
                )
            } else {
                fl!(
                    "number-due-due-open-open",
                    number = open_item.number.as_str(),
                    due = due.as_str(),
                    open = amount.as_str()
                )
            };
            choices.push(ItemChoice {
                invoice: open_item.number.clone(),
                item: (installments > 1).then_some(open_item.seq),
                label,
            });
        }
        let chosen = choices.first().cloned();
        Ok((
            Form::Dispute {
                customer: item.customer.clone(),
                name: item.name.clone(),
                choices,
                chosen,
                reason: String::new(),
                error: None,
            },
            focus(),
        ))
    }

    /// A pause of the customer's letters, two weeks from today unless changed.
    pub fn pause<M: Send + 'static>(item: &WorkItem, book: &Book) -> (Form, Task<M>) {
        let until = book
            .today
            .checked_add_days(Days::new(PAUSE_DAYS))
            .unwrap_or(book.today);
        (
            Form::Pause {
                customer: item.customer.clone(),
                name: item.name.clone(),
                until: until.to_string(),
                reason: String::new(),
                error: None,
            },
            focus(),
        )
    }

    pub fn resolve<M: Send + 'static>(id: i64, item: &WorkItem) -> (Form, Task<M>) {
        (
            Form::Resolve {
                id,
                what: item.said.clone().unwrap_or_default(),
                outcome: String::new(),
                credit: String::new(),
                error: None,
            },
            focus(),
        )
    }

    /// Confirms the letter due; emailed too, unless unticked, when the customer wants
    /// email and the mail server is set up.
    pub fn send<M: Send + 'static>(
        item: &WorkItem,
        level: Level,
        folder: PathBuf,
        book: &Book,
    ) -> (Form, Task<M>) {
        let reach = Reach::of(&item.customer, book);
        let email = matches!(reach, Reach::Email { set_up: true, .. });
        (
            Form::Send {
                customer: item.customer.clone(),
                name: item.name.clone(),
                level,
                folder,
                reach,
                email,
                error: None,
            },
            Task::none(),
        )
    }

    /// The charges `owed fees --due --dry-run` would list today.
    pub fn interest(charges: Vec<Charge>) -> Form {
        Form::Interest {
            charges,
            error: None,
        }
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> Outcome {
        match message {
            Message::Cancel => return Outcome::Cancelled,
            Message::Submit => return self.submit(book),
            message => self.edit(message),
        }
        Outcome::Editing
    }

    fn edit(&mut self, message: Message) {
        match (self, message) {
            (
                Form::Send {
                    email,
                    reach: Reach::Email { .. },
                    ..
                },
                Message::Email(on),
            ) => *email = on,
            (Form::Dispute { chosen, error, .. }, Message::Chosen(choice)) => {
                *chosen = Some(choice);
                *error = None;
            }
            (
                Form::Dispute { reason, error, .. } | Form::Pause { reason, error, .. },
                Message::Reason(text),
            ) => {
                *reason = text;
                *error = None;
            }
            (Form::Pause { until, error, .. }, Message::Until(text)) => {
                *until = text;
                *error = None;
            }
            (Form::Resolve { outcome, error, .. }, Message::Outcome(text)) => {
                *outcome = text;
                *error = None;
            }
            (Form::Resolve { credit, error, .. }, Message::Credit(text)) => {
                *credit = text;
                *error = None;
            }
            _ => {}
        }
    }

    /// Writes what the form says, or keeps it open with the reason it cannot.
    fn submit(&mut self, book: &mut Book) -> Outcome {
        let result = self.write(book);
        match result {
            Ok(Written::Now(done)) => Outcome::Done(done),
            Ok(Written::Later(job)) => Outcome::Run(job),
            Err(message) => {
                match self {
                    Form::Dispute { error, .. }
                    | Form::Pause { error, .. }
                    | Form::Resolve { error, .. }
                    | Form::Send { error, .. }
                    | Form::Interest { error, .. } => *error = Some(message),
                }
                Outcome::Editing
            }
        }
    }

    /// Shows why a worker's job failed, keeping the form open.
    pub fn failed(&mut self, message: String) {
        match self {
            Form::Dispute { error, .. }
            | Form::Pause { error, .. }
            | Form::Resolve { error, .. }
            | Form::Send { error, .. }
            | Form::Interest { error, .. } => *error = Some(message),
        }
    }

    fn write(&self, book: &mut Book) -> Result<Written, String> {
        let today = book.today;
        match self {
            Form::Dispute {
                name,
                chosen,
                reason,
                ..
            } => {
                let chosen = chosen
                    .as_ref()
                    .ok_or_else(|| fl!("choose-the-invoice-in-dispute"))?;
                let dispute = book
                    .store_mut()
                    .open_dispute(&NewDispute {
                        invoice: chosen.invoice.clone(),
                        item: chosen.item,
                        reason: reason.clone(),
                    })
                    .map_err(|e| e.described())?;
                Ok(Written::Now(fl!(
                    "dispute-id-opened-on-invoice-for",
                    id = dispute.id.to_string(),
                    invoice = dispute.invoice.as_str(),
                    name = name
                )))
            }
            Form::Pause {
                customer,
                name,
                until,
                reason,
                ..
            } => {
                let day = parse_day(until, today)?;
                book.store_mut()
                    .pause_customer(customer, day, reason)
                    .map_err(|e| e.described())?;
                Ok(Written::Now(fl!(
                    "letters-to-name-paused-until-until",
                    name = name,
                    until = day.to_string()
                )))
            }
            Form::Resolve {
                id,
                outcome,
                credit,
                ..
            } => {
                let credit = match credit.trim() {
                    "" => None,
                    text => Some(parse_credit(book, text)?),
                };
                let dispute = book
                    .store_mut()
                    .resolve_dispute(&Resolution {
                        id: *id,
                        outcome: outcome.clone(),
                        credit,
                        date: today,
                    })
                    .map_err(|e| e.described())?;
                Ok(Written::Now(match dispute.credit {
                    Some((number, amount)) => fl!(
                        "dispute-id-resolved-with-credit-note",
                        id = id.to_string(),
                        number = number,
                        amount = book.money(amount)
                    ),
                    None => fl!("dispute-id-resolved", id = id.to_string()),
                }))
            }
            Form::Interest { charges, .. } => {
                if charges.is_empty() {
                    return Err(fl!("nothing-to-charge-today"));
                }
                let expected = charges.len();
                Ok(Written::Later(Box::new(move |store| {
                    charge_interest(store, today, expected)
                })))
            }
            Form::Send {
                customer,
                name,
                level,
                folder,
                email,
                ..
            } => {
                if folder.as_os_str().is_empty() {
                    return Err(fl!("set-the-folder-on-statements-letters"));
                }
                let request = LetterRequest {
                    customer: customer.clone(),
                    level: *level,
                    date: today,
                    deadline: None,
                    locale: None,
                    email: *email,
                };
                // Made here, where the password given this session is at hand; a missing
                // one lets the email wait in the outbox, said with where to give it.
                let mailer = email.then(|| {
                    mailing::mailer(book).map_err(|error| {
                        let mut why = error.described();
                        if mailing::password_wanted(&error).is_some() {
                            why.push(' ');
                            why.push_str(&fl!("ui-today-password-on-statements"));
                        }
                        why
                    })
                });
                // Checked against the ladder as any letter by hand: a customer the ladder
                // holds (paused, disputed, covered by credit, a promise) is refused.
                let (folder, name, level) = (folder.clone(), name.clone(), *level);
                Ok(Written::Later(Box::new(move |store| {
                    let (issued, _warning) =
                        letters::issue_by_hand(store, &request, &folder, false, false)
                            .map_err(|e| e.described())?;
                    let mut said = fl!(
                        "level-level-letter-to-name-written",
                        level = level.number().to_string(),
                        name = name,
                        path = issued.path.display().to_string()
                    );
                    if request.email {
                        let to_print = if issued.to_print {
                            vec![issued.letter.customer.code.clone()]
                        } else {
                            Vec::new()
                        };
                        let queued =
                            mailing::queued(usize::from(issued.emailed.is_some()), &to_print, None);
                        let sent = mailing::send_after_run(store, &mailer, &mut |_, _| {});
                        said = mailing::after_run(&sent, &said, &queued);
                    }
                    Ok(said)
                })))
            }
        }
    }
}

/// Posts today's interest and fees by policy: one fee document per customer, as
/// `owed fees --due` (run again, it charges nothing more).
fn charge_interest(store: &mut Store, today: NaiveDate, expected: usize) -> Result<String, String> {
    let run = store.post_fees(today).map_err(|e| e.described())?;
    let money = |amount: Money| store.currency().display(amount);
    let total: Money = run.charges.iter().map(|c| c.amount).sum();
    let customers = run.posted.len();
    if run.charges.len() != expected {
        // The book changed between the preview and the confirmation: say what was done.
        return Ok(fl!(
            "the-book-changed-since-the-preview",
            count = run.charges.len(),
            amount = money(total),
            customers = customers
        ));
    }
    Ok(fl!(
        "interest-and-fees-charged-amount-on",
        amount = money(total),
        customers = customers
    ))
}

/// A pause's last day: a date from today on.
fn parse_day(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let day = crate::domain::parse_date(text.trim()).map_err(|e| e.described())?;
    if day < today {
        return Err(fl!(
            "the-pause-must-last-until-today",
            today = today.to_string()
        ));
    }
    Ok(day)
}

/// A credit note's amount, read by the book's one amount parser; more than zero.
fn parse_credit(book: &Book, text: &str) -> Result<Money, String> {
    let amount = book.currency().parse(text).map_err(|e| {
        fl!(
            "field-problem",
            field = fl!("credit"),
            problem = e.described()
        )
    })?;
    if !amount.is_positive() {
        return Err(fl!("a-credit-note-must-be-more"));
    }
    Ok(amount)
}
