//! What can be done about a worklist row, the key each action answers to, and doing it:
//! some act at once (apply credit, acknowledge a risen risk), some open a form under the
//! list (dispute, pause, resolve, send), and some hand over to another screen (log a
//! call, record a payment, the ledger, the import screen).

use iced::Task;

use super::forms::Form;
use super::{Message, Today};
use crate::domain::letters::Level;
use crate::fl;
use crate::report::letters::LetterRequest;
use crate::report::worklist::{WorkItem, WorkKind};
use crate::ui::errors::Described;
use crate::ui::letter_preview::LetterPreview;
use crate::ui::{Book, Event, Tab};

/// Something to do about a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    LogCall,
    RecordPayment,
    ApplyCredit,
    OpenDispute,
    ResolveDispute,
    Pause,
    PreviewLetter,
    SendLetter,
    AcknowledgeRisk,
    OpenLedger,
    MatchMoney,
    /// Open the customer's credit review form.
    Review,
}

impl Action {
    /// The plain key that does it when the row is selected.
    pub fn key(self) -> char {
        match self {
            Action::LogCall => 'l',
            Action::RecordPayment => 'p',
            Action::ApplyCredit => 'a',
            Action::OpenDispute => 'd',
            Action::ResolveDispute => 'r',
            Action::Pause => 'h',
            Action::PreviewLetter => 'v',
            Action::SendLetter => 's',
            Action::AcknowledgeRisk => 'k',
            Action::OpenLedger => 'o',
            Action::MatchMoney => 'm',
            Action::Review => 'c',
        }
    }

    pub fn label(self) -> String {
        match self {
            Action::LogCall => fl!("log-a-call"),
            Action::RecordPayment => fl!("record-payment"),
            Action::ApplyCredit => fl!("apply-credit"),
            Action::OpenDispute => fl!("open-a-dispute"),
            Action::ResolveDispute => fl!("resolve-dispute"),
            Action::Pause => fl!("pause-letters"),
            Action::PreviewLetter => fl!("preview-letter"),
            Action::SendLetter => fl!("send-letter"),
            Action::AcknowledgeRisk => fl!("acknowledge-risk"),
            Action::OpenLedger => fl!("open-ledger"),
            Action::MatchMoney => fl!("match-on-bank-import"),
            Action::Review => fl!("credit-review"),
        }
    }
}

/// The actions a row offers, the one Enter does first.
pub fn of(item: &WorkItem) -> Vec<Action> {
    use Action::*;
    match item.kind {
        WorkKind::PromiseBroken => vec![LogCall, RecordPayment, Pause, OpenDispute, OpenLedger],
        WorkKind::PromiseDue => vec![RecordPayment, LogCall, OpenLedger],
        WorkKind::FollowUp => vec![LogCall, RecordPayment, Pause, OpenLedger],
        WorkKind::ApplyCredit => vec![ApplyCredit, OpenLedger],
        WorkKind::LetterDue => vec![
            PreviewLetter,
            SendLetter,
            LogCall,
            RecordPayment,
            OpenDispute,
            Pause,
            OpenLedger,
        ],
        WorkKind::ReminderDue => vec![
            LogCall,
            PreviewLetter,
            SendLetter,
            RecordPayment,
            OpenLedger,
        ],
        WorkKind::DisputeOpen => vec![ResolveDispute, LogCall, OpenLedger],
        WorkKind::PausedUntilPassed => vec![Pause, LogCall, OpenLedger],
        WorkKind::ReviewDue => vec![Review, OpenLedger],
        WorkKind::Risk => vec![AcknowledgeRisk, LogCall, OpenLedger],
        WorkKind::UnmatchedMoney => vec![MatchMoney],
    }
}

/// The letter a row is about: the level a `letter-due` row is due, the payment
/// reminder (level 0) for a `reminder-due` row.
fn level(item: &WorkItem) -> Option<Level> {
    matches!(item.kind, WorkKind::LetterDue | WorkKind::ReminderDue)
        .then_some(item.level)
        .flatten()
        .and_then(Level::any_from_number)
}

pub(super) fn run(
    today: &mut Today,
    action: Action,
    item: &WorkItem,
    book: &mut Book,
) -> (Task<Message>, Option<Event>) {
    let code = item.customer.clone();
    let date = book.today;
    match action {
        Action::LogCall => (Task::none(), Some(Event::LogNote(Some(code)))),
        Action::RecordPayment => (Task::none(), Some(Event::RecordPaymentFromToday(code))),
        Action::OpenLedger => (Task::none(), Some(Event::OpenLedger(code))),
        Action::MatchMoney => (Task::none(), Some(Event::Show(Tab::Import))),
        Action::Review => {
            today.form = None;
            let task = crate::ui::review::ReviewForm::load(book, code)
                .map(|built| Message::ReviewLoaded(built.map(Box::new)));
            (task, None)
        }
        Action::ApplyCredit => match book.store_mut().apply_unapplied(&code, date) {
            Ok(applied) => {
                let total = applied.iter().map(|(_, _, amount)| *amount).sum();
                today.error = None;
                today.notice = Some(fl!(
                    "applied-amount-of-name-s-credit",
                    amount = book.money(total),
                    name = item.name.as_str(),
                    count = applied.len()
                ));
                today.mark_done(book);
                (Task::none(), Some(Event::BookChanged))
            }
            Err(error) => {
                today.error = Some(error.described());
                (Task::none(), None)
            }
        },
        Action::AcknowledgeRisk => acknowledge_risk(today, item, book),
        Action::OpenDispute => match Form::dispute(item, book) {
            Ok(form) => open(today, form),
            Err(error) => {
                today.error = Some(error);
                (Task::none(), None)
            }
        },
        Action::ResolveDispute => match item.dispute {
            Some(id) => open(today, Form::resolve(id, item)),
            None => (Task::none(), None),
        },
        Action::Pause => open(today, Form::pause(item, book)),
        Action::SendLetter => match level(item) {
            Some(level) => open(today, Form::send(item, level, today.folder.clone(), book)),
            None => (Task::none(), None),
        },
        Action::PreviewLetter => match level(item) {
            Some(level) => {
                let request = LetterRequest {
                    customer: code,
                    level,
                    date,
                    deadline: None,
                    locale: None,
                    email: false,
                };
                today.form = None;
                let task = LetterPreview::load(book, request)
                    .map(|built| Message::PreviewLoaded(built.map(Box::new)));
                (task, None)
            }
            None => (Task::none(), None),
        },
    }
}

/// Acknowledges the band the row shows (harmless and audited, so nothing to confirm):
/// the worklist stops warning until the band rises above it.
fn acknowledge_risk(
    today: &mut Today,
    item: &WorkItem,
    book: &mut Book,
) -> (Task<Message>, Option<Event>) {
    let Some(risk) = today
        .list
        .as_ref()
        .and_then(|list| list.risks.get(&item.customer))
        .cloned()
    else {
        return (Task::none(), None);
    };
    match book
        .store_mut()
        .acknowledge_risk(&item.customer, risk.band, risk.score)
    {
        Ok(()) => {
            today.error = None;
            today.notice = Some(fl!(
                "acknowledged-name-s-risk-at-band",
                name = item.name.as_str(),
                band = crate::ui::risk::band_name(risk.band),
                score = risk.score.to_string()
            ));
            today.mark_done(book);
            (Task::none(), Some(Event::BookChanged))
        }
        Err(error) => {
            today.error = Some(error.described());
            (Task::none(), None)
        }
    }
}

fn open(today: &mut Today, (form, focus): (Form, Task<Message>)) -> (Task<Message>, Option<Event>) {
    today.error = None;
    today.form = Some(form);
    (focus, None)
}
