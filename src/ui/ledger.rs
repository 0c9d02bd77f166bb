//! The customer ledger screen: a header with contact, terms, credit limit and use,
//! balance and overdue, and the risk score as of today with its band and reasons; the running-balance ledger over a from/to range (virtualised, so
//! 100,000 rows scroll smoothly); the open items with days overdue; the customer's
//! notes; and the actions — new invoice, record payment, credit note, write-off, fee,
//! void, log a note — each a validated form that posts through the store.

pub mod credit;
mod debit;
mod view;
mod void;

use chrono::NaiveDate;
use iced::widget::scrollable;
use iced::{Element, Task};

use super::review::{self, ReviewForm};
use super::widgets::{self, Scroll};
use super::{Book, Event};
use crate::domain::document::DocKind;
use crate::domain::ledger;
use crate::domain::risk::Risk;
use crate::domain::{Money, parse_date};
use crate::fl;
use crate::store::{AuditEntry, AuditFilter, Customer, Note, NoteFilter, OpenItemNow, Store};
use crate::ui::errors::Described;

/// Which form is open over the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Invoice,
    Fee,
    Payment,
    Credit,
    WriteOff,
    Void,
}

#[derive(Debug, Clone)]
pub enum Message {
    Loaded(u64, Box<Result<Data, String>>),
    From(String),
    To(String),
    /// The range's calendars; a day picked there is typed as the bound.
    FromPick(widgets::date_picker::Message),
    ToPick(widgets::date_picker::Message),
    Scrolled(scrollable::Viewport),
    Select(usize),
    Show(FormKind),
    LogNote,
    Debit(debit::Message),
    Credit(credit::Message),
    Void(void::Message),
    /// Open the customer's credit review form.
    OpenReview,
    ReviewLoaded(Result<Box<ReviewForm>, String>),
    Review(review::Message),
}

/// One ledger line, as text made once when the ledger loads.
#[derive(Debug, Clone)]
pub struct Line {
    pub date: NaiveDate,
    pub kind: DocKind,
    pub number: String,
    pub debit: String,
    pub credit: String,
    pub balance: String,
    pub memo: String,
}

/// Everything the screen shows about one customer, loaded off the UI thread.
#[derive(Debug, Clone)]
pub struct Data {
    pub customer: Customer,
    pub opening: Money,
    pub closing: Money,
    pub lines: Vec<Line>,
    /// Balance over the whole history (not just the range).
    pub balance: Money,
    pub overdue: Money,
    pub unapplied: Money,
    pub items: Vec<OpenItemNow>,
    /// The book's items in open disputes, to mark the customer's.
    pub disputed: crate::store::DisputedItems,
    /// Early-payment discounts that can still be taken today, by invoice number.
    pub discounts: std::collections::HashMap<String, crate::domain::terms::DiscountOffer>,
    /// The open invoices on discount terms, for the payment form's preview.
    pub discounted: std::collections::HashMap<String, crate::domain::terms::DiscountedInvoice>,
    pub notes: Vec<Note>,
    /// The customer's audit log, newest first: master-data changes, overrides.
    pub history: Vec<AuditEntry>,
    /// Its risk score as of today, from its own rows (`report::risk::customer_risk`).
    pub risk: Risk,
    /// The width of the debit, credit and balance columns: their widest figure's.
    pub money_width: f32,
}

/// An open form.
enum Form {
    Debit(debit::Form),
    Credit(credit::Form),
    Void(void::Form),
}

#[derive(Default)]
pub struct Ledger {
    code: Option<String>,
    data: Option<Data>,
    from: String,
    to: String,
    from_picker: widgets::DatePicker,
    to_picker: widgets::DatePicker,
    scroll: Scroll,
    selected: Option<usize>,
    form: Option<Form>,
    /// Opened with the customer by Ctrl+N / Ctrl+P before the data arrived.
    pending_form: Option<FormKind>,
    loading: bool,
    generation: u64,
    error: Option<String>,
    /// What the last posting did, e.g. "PAY-00012 posted: …".
    notice: Option<String>,
    /// The customer's credit review, in place of the ledger.
    review: Option<ReviewForm>,
}

/// Reads a range bound: empty is open-ended.
fn range_bound(text: &str) -> Result<Option<NaiveDate>, String> {
    match text.trim() {
        "" => Ok(None),
        text => parse_date(text).map(Some).map_err(|e| e.described()),
    }
}

/// A document kind's name in the screens' language, as the ledger lists it (shared with
/// the command line).
use crate::i18n::words::kind_name;

impl Ledger {
    pub fn customer_code(&self) -> Option<String> {
        self.code.clone()
    }

    pub fn data(&self) -> Option<&Data> {
        self.data.as_ref()
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn form_kind(&self) -> Option<FormKind> {
        match &self.form {
            Some(Form::Debit(form)) => Some(form.kind()),
            Some(Form::Credit(form)) => Some(form.kind()),
            Some(Form::Void(_)) => Some(FormKind::Void),
            None => None,
        }
    }

    /// Shows `code`'s ledger (all of it: the range is cleared).
    pub fn open(&mut self, code: &str, book: &Book) -> Task<Message> {
        if self.code.as_deref() != Some(code) {
            self.data = None;
            self.form = None;
            self.review = None;
            self.notice = None;
            self.selected = None;
            self.scroll = Scroll::default();
            self.from.clear();
            self.to.clear();
        }
        self.code = Some(code.to_string());
        self.reload(book)
    }

    pub fn open_with_form(&mut self, code: &str, form: FormKind, book: &Book) -> Task<Message> {
        let task = self.open(code, book);
        self.pending_form = Some(form);
        task
    }

    pub fn show_form(&mut self, kind: FormKind, book: &Book) -> Task<Message> {
        let Some(data) = &self.data else {
            self.pending_form = Some(kind);
            return Task::none();
        };
        self.notice = None;
        let (form, task) = match kind {
            FormKind::Invoice | FormKind::Fee => {
                let (form, task) = debit::Form::new(kind, data, book);
                (Form::Debit(form), task.map(Message::Debit))
            }
            FormKind::Payment | FormKind::Credit | FormKind::WriteOff => {
                let (form, task) = credit::Form::new(kind, data, book);
                (Form::Credit(form), task.map(Message::Credit))
            }
            FormKind::Void => {
                let number = self
                    .selected
                    .and_then(|i| data.lines.get(i))
                    .map(|line| line.number.clone());
                let (form, task) = void::Form::new(number, book);
                (Form::Void(form), task.map(Message::Void))
            }
        };
        self.form = Some(form);
        task
    }

    /// Esc: an open calendar closes, else the review, else the form.
    pub fn close_form(&mut self) {
        let form_calendar = match &mut self.form {
            Some(Form::Debit(form)) => form.close_calendar(),
            Some(Form::Credit(form)) => form.close_calendar(),
            Some(Form::Void(form)) => form.close_calendar(),
            None => false,
        };
        // Every one closes, though at most one is open: a press outside closes the others.
        if form_calendar | self.from_picker.close() | self.to_picker.close() {
            return;
        }
        if self.review.take().is_none() {
            self.form = None;
        }
    }

    /// The credit review form, when open.
    pub fn review(&self) -> Option<&ReviewForm> {
        self.review.as_ref()
    }

    pub fn reload(&mut self, book: &Book) -> Task<Message> {
        let Some(code) = self.code.clone() else {
            return Task::none();
        };
        let (Ok(from), Ok(to)) = (range_bound(&self.from), range_bound(&self.to)) else {
            return Task::none();
        };
        self.loading = true;
        self.generation += 1;
        let generation = self.generation;
        let today = book.today;
        book.read(
            move |store| load(store, &code, from, to, today),
            move |result| Message::Loaded(generation, Box::new(result)),
        )
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(generation, result) => {
                if generation != self.generation {
                    return (Task::none(), None);
                }
                self.loading = false;
                match *result {
                    Ok(data) => {
                        self.error = None;
                        self.data = Some(data);
                        if let Some(kind) = self.pending_form.take() {
                            return (self.show_form(kind, book), None);
                        }
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            Message::From(text) => {
                self.from = text;
                return (self.reload(book), None);
            }
            Message::To(text) => {
                self.to = text;
                return (self.reload(book), None);
            }
            Message::FromPick(m) => {
                if let Some(day) = self.from_picker.update(m, &self.from, book.today) {
                    return self.update(Message::From(day.to_string()), book);
                }
            }
            Message::ToPick(m) => {
                if let Some(day) = self.to_picker.update(m, &self.to, book.today) {
                    return self.update(Message::To(day.to_string()), book);
                }
            }
            Message::Scrolled(viewport) => self.scroll = Scroll::from_viewport(viewport),
            Message::Select(index) => self.selected = Some(index),
            Message::Show(kind) => return (self.show_form(kind, book), None),
            Message::LogNote => return (Task::none(), Some(Event::LogNote(self.code.clone()))),
            Message::Debit(message) => {
                if let Some(Form::Debit(form)) = &mut self.form {
                    let (task, outcome) = form.update(message, book);
                    return (task.map(Message::Debit), self.finish(outcome));
                }
                if let debit::Message::Written(written) = message {
                    return (Task::none(), self.written_after_close(&written));
                }
            }
            Message::Credit(message) => {
                if let Some(Form::Credit(form)) = &mut self.form {
                    let (task, outcome) = form.update(message, book);
                    return (task.map(Message::Credit), self.finish(outcome));
                }
                if let credit::Message::Written(written) = message {
                    return (Task::none(), self.written_after_close(&written));
                }
            }
            Message::Void(message) => {
                if let Some(Form::Void(form)) = &mut self.form {
                    let (task, outcome) = form.update(message, book);
                    return (task.map(Message::Void), self.finish(outcome));
                }
                if let void::Message::Written(written) = message {
                    return (Task::none(), self.written_after_close(&written));
                }
            }
            Message::OpenReview => {
                if let Some(code) = self.code.clone() {
                    let task = ReviewForm::load(book, code)
                        .map(|built| Message::ReviewLoaded(built.map(Box::new)));
                    return (task, None);
                }
            }
            Message::ReviewLoaded(result) => match result {
                Ok(form) => {
                    self.error = None;
                    self.form = None;
                    self.review = Some(*form);
                }
                Err(error) => self.error = Some(error),
            },
            Message::Review(message) => {
                let Some(form) = &mut self.review else {
                    return (Task::none(), None);
                };
                match form.update(message, book) {
                    Some(review::Event::Close) => self.review = None,
                    Some(review::Event::Reviewed(notice)) => {
                        self.review = None;
                        self.notice = Some(notice);
                        return (Task::none(), Some(Event::BookChanged));
                    }
                    None => {}
                }
            }
        }
        (Task::none(), None)
    }

    /// Closes the form when it is done: cancelled, or posted (then everything reloads).
    fn finish(&mut self, outcome: Option<Outcome>) -> Option<Event> {
        match outcome? {
            Outcome::Cancelled => {
                self.form = None;
                None
            }
            Outcome::Posted(notice) => {
                self.form = None;
                self.notice = Some(notice);
                Some(Event::BookChanged)
            }
        }
    }

    /// A posting that the book answered after its form was closed (Esc while it was
    /// being written): what was posted still shows, and every screen reloads.
    fn written_after_close(&mut self, written: &Written) -> Option<Event> {
        match written.as_ref() {
            Ok(Ok(posted)) => {
                self.notice = Some(fl!("number-posted", number = posted.number.as_str()));
                Some(Event::BookChanged)
            }
            Ok(Err(error)) => {
                self.error = Some(error.described());
                None
            }
            Err(error) => {
                self.error = Some(error.clone());
                None
            }
        }
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        match &self.review {
            Some(review) => review.view(book).map(Message::Review),
            None => view::screen(self, book),
        }
    }
}

/// What a posting made off the UI thread came to: the book's answer (posted, or
/// refused), or why the work could not run. Shared, as messages are cloned.
pub type Written =
    std::sync::Arc<Result<Result<crate::store::Posted, crate::store::StoreError>, String>>;

/// Posts with `post` on a writing connection of its own, off the UI thread, so the
/// window never waits on the book while another writer (an import) holds it; an
/// in-memory book posts at once.
pub fn post_off_thread<M: Send + 'static>(
    book: &mut Book,
    post: impl FnOnce(&mut Store) -> Result<crate::store::Posted, crate::store::StoreError>
    + Send
    + 'static,
    done: impl FnOnce(Written) -> M + Send + 'static,
) -> Task<M> {
    book.write(
        move |store| Ok(post(store)),
        move |result| done(std::sync::Arc::new(result)),
    )
}

/// How a form ended.
pub enum Outcome {
    Cancelled,
    /// Posted; the text says what was done.
    Posted(String),
}

/// The customer's ledger and surroundings as of `today` (runs on a worker thread).
pub fn load(
    store: &Store,
    code: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<Data, String> {
    let customer = store.customer(code).map_err(|e| e.described())?;
    let documents = store
        .ledger_documents(customer.id)
        .map_err(|e| e.described())?;
    let currency = store.currency();
    let whole = ledger::build(&documents, None, None);
    let range = match (from, to) {
        (None, None) => whole.clone(),
        (Some(from), Some(to)) if from > to => {
            return Err(fl!(
                "the-range-is-empty",
                from = from.to_string(),
                to = to.to_string()
            ));
        }
        _ => ledger::build(&documents, from, to),
    };
    let items = store
        .open_items_now(customer.id)
        .map_err(|e| e.described())?;
    let disputed = store.disputed_items().map_err(|e| e.described())?;
    let discounted = store
        .discounted_invoices(Some(customer.id), None)
        .map_err(|e| e.described())?;
    let discounts = items
        .iter()
        .filter_map(|item| {
            let offer = discounted
                .get(&item.number)?
                .offer(currency, item.open, today)?;
            Some((item.number.clone(), offer))
        })
        .collect();
    let open: Money = items.iter().map(|i| i.open).sum();
    let overdue: Money = items.iter().filter(|i| i.due < today).map(|i| i.open).sum();
    let balance = currency.rescale(whole.closing);
    let notes = store
        .notes(&NoteFilter {
            customer: Some(code.to_string()),
            due_as_of: None,
        })
        .map_err(|e| e.described())?;
    let mut history = store
        .audit_log(&AuditFilter {
            customer: Some(code.to_string()),
        })
        .map_err(|e| e.described())?;
    history.reverse();
    let risk = crate::report::risk::customer_risk(store, code, today)
        .map_err(|e| e.described())?
        .risk;
    let show = |m: Money| {
        if m.is_zero() {
            String::new()
        } else {
            currency.display(m)
        }
    };
    let lines: Vec<Line> = range
        .entries
        .iter()
        .map(|entry| Line {
            date: entry.date,
            kind: entry.kind,
            number: entry.number.clone(),
            debit: show(entry.debit),
            credit: show(entry.credit),
            balance: currency.display(entry.balance),
            memo: entry.memo.clone().unwrap_or_default(),
        })
        .collect();
    let (opening, closing) = (
        currency.rescale(range.opening),
        currency.rescale(range.closing),
    );
    let ends = [currency.display(opening), currency.display(closing)];
    let figures = || {
        lines
            .iter()
            .flat_map(|line: &Line| {
                [
                    line.debit.as_str(),
                    line.credit.as_str(),
                    line.balance.as_str(),
                ]
            })
            .chain(ends.iter().map(String::as_str))
    };
    let money_width = [fl!("debit"), fl!("credit"), fl!("balance")]
        .iter()
        .map(|header| crate::ui::widgets::money_column(header, figures()))
        .fold(0.0, f32::max);
    Ok(Data {
        customer,
        opening,
        closing,
        money_width,
        lines,
        balance,
        overdue: currency.rescale(overdue),
        unapplied: currency.rescale(open - balance),
        items,
        disputed,
        discounts,
        discounted,
        notes,
        history,
        risk,
    })
}

#[cfg(test)]
mod tests;
