//! The bank import screen: pick a statement (native dialog, a typed path, or a file
//! dropped on the window), see what was detected and override it (the file is read again
//! at once), go through the rows with their status and suggested customer, accept, assign
//! or skip each (or accept every confident match with Ctrl+Enter), and import. Reading,
//! matching and writing run off the UI thread, writing with a progress bar; past imports
//! are listed with Undo.

mod choices;
mod reading;
#[cfg(test)]
mod tests;
mod view;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use iced::Task;
use iced::futures::channel::mpsc;
use iced::widget::scrollable;

pub use choices::{DecimalChoice, DelimiterChoice, EncodingChoice, RowFilter};
pub use reading::Reading;

use super::book::on_worker;
use super::screen::ListKey;
use super::widgets::Scroll;
use super::{Book, Event};
use crate::fl;
use crate::import::{self, Decision, Decisions, Figures, Hints, ImportError, PlannedRow, Review};
use crate::preferences::Place;
use crate::store::{ImportBatch, KeptBankRow, Store};
use crate::ui::errors::Described;

const LIST: &str = "import-rows";
pub const PATH_FIELD: &str = "import-path";
pub const ASSIGN_FIELD: &str = "import-assign";
/// Matches at least this sure are accepted by "Accept all confident".
pub const CONFIDENT: f64 = 0.9;

#[derive(Debug, Clone)]
pub enum Message {
    Browse,
    Browsed(Option<PathBuf>),
    PathTyped(String),
    OpenTyped,
    /// A file dropped on the window.
    Dropped(PathBuf),
    Encoding(EncodingChoice),
    Delimiter(DelimiterChoice),
    Decimal(DecimalChoice),
    DateFormat(String),
    Year(String),
    /// A sign, amount column or header line chosen: read again at once.
    Reading(reading::Choice),
    /// Read again with the overrides as they are.
    Reread,
    Prepared(u64, Result<Arc<Review>, Refused>),
    /// The figures of a big file, counted off the UI thread (by count generation).
    Counted(u64, Result<Box<Figures>, String>),
    Filter(RowFilter),
    Scrolled(scrollable::Viewport),
    /// Index into the plan's rows.
    Select(usize),
    Accept(usize),
    Unmatched(usize),
    Skip(usize),
    AssignSearch(String),
    /// Assign the selected row to this customer code (oldest first).
    AssignTo(String),
    AcceptAllConfident,
    Commit,
    Progress(usize, usize),
    Committed(Result<String, String>),
    Customers(Result<Arc<Vec<(String, String)>>, String>),
    Batches(Result<Vec<ImportBatch>, String>),
    /// Money in kept unmatched by earlier imports.
    Kept(Result<Vec<KeptBankRow>, String>),
    SelectKept(i64),
    AskUndo(i64),
    CancelUndo,
    Undo(i64),
    Undone(Result<String, String>),
}

/// Where the screen is with the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Empty,
    Reading,
    Ready,
    /// Writing the batch: rows done of total.
    Writing(usize, usize),
}

/// Files with fewer rows than this are counted on the UI thread, at once.
const COUNT_AT_ONCE: usize = 5_000;

/// Rows read beyond each end of the part of the list in view, so that a small scroll
/// finds its rows already read.
const READ_AROUND: usize = 40;

/// Why a file could not be reviewed: said in the screens' language, and what the
/// screen can ask about it.
#[derive(Debug, Clone)]
pub struct Refused {
    pub said: String,
    pub question: Option<DateQuestion>,
}

/// A question about the file's dates that a click can answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateQuestion {
    /// Day-first or month-first: the two `--date-format` choices.
    Order { choices: String },
    /// The dates have no year.
    Year,
}

impl Refused {
    fn of(error: &import::RunError) -> Refused {
        let question = match error {
            import::RunError::Read(ImportError::AmbiguousDates { choices, .. }) => {
                Some(DateQuestion::Order {
                    choices: choices.clone(),
                })
            }
            import::RunError::Read(ImportError::MissingYear { .. }) => Some(DateQuestion::Year),
            _ => None,
        };
        Refused {
            said: error.described(),
            question,
        }
    }
}

pub struct Import {
    pub path_text: String,
    pub file: Option<PathBuf>,
    pub encoding: EncodingChoice,
    pub delimiter: DelimiterChoice,
    pub decimal: DecimalChoice,
    pub date_format: String,
    pub year: String,
    /// The sign, amount column and header line the user chose for this file.
    pub reading: Reading,
    pub phase: Phase,
    /// Why the file could not be read (names the file and line).
    pub error: Option<String>,
    /// What the file could not tell about its dates, asked beside the error.
    pub question: Option<DateQuestion>,
    /// The file read and judged against the book; its rows are read again from the
    /// file as they are shown (a statement may have a million rows).
    pub review: Option<Arc<Review>>,
    /// The user's decisions over the defaults.
    pub decisions: Decisions,
    /// The rows read for the part of the list in view and the selected row, by index.
    shown: HashMap<usize, PlannedRow>,
    pub tally: Option<Figures>,
    pub filter: RowFilter,
    /// Indices into the file's rows that pass the filter.
    pub visible: Vec<usize>,
    pub selected: Option<usize>,
    scroll: Scroll,
    pub assign_search: String,
    customers: Arc<Vec<(String, String)>>,
    pub batches: Vec<ImportBatch>,
    /// Money in left unmatched by earlier imports, to come back to.
    pub kept: Vec<KeptBankRow>,
    pub kept_selected: Option<i64>,
    pub confirm_undo: Option<i64>,
    /// Statements and letters already issued that counted the payments of the import
    /// being confirmed for undo: shown before the user confirms.
    pub undo_touches: Vec<crate::store::Issued>,
    /// The last thing done, for the user to read.
    pub notice: Option<String>,
    generation: u64,
    /// Which count of the figures is the latest: a slower, older count that arrives
    /// after a newer one is dropped.
    count_generation: u64,
}

impl Import {
    pub fn new(book: &Book) -> (Import, Task<Message>) {
        let screen = Import {
            path_text: String::new(),
            file: None,
            encoding: EncodingChoice::Auto,
            delimiter: DelimiterChoice::Auto,
            decimal: DecimalChoice::Auto,
            date_format: String::new(),
            year: String::new(),
            reading: Reading::default(),
            phase: Phase::Empty,
            error: None,
            question: None,
            review: None,
            decisions: Decisions::default(),
            shown: HashMap::new(),
            tally: None,
            filter: RowFilter::All,
            visible: Vec::new(),
            selected: None,
            scroll: Scroll::default(),
            assign_search: String::new(),
            customers: Arc::new(Vec::new()),
            batches: Vec::new(),
            kept: Vec::new(),
            kept_selected: None,
            confirm_undo: None,
            undo_touches: Vec::new(),
            notice: None,
            generation: 0,
            count_generation: 0,
        };
        let task = screen.reload(book);
        (screen, task)
    }

    /// Past imports and the customers to assign rows to.
    pub fn reload(&self, book: &Book) -> Task<Message> {
        Task::batch([
            book.read(
                |store| store.import_batches().map_err(|e| e.described()),
                Message::Batches,
            ),
            book.read(
                |store| store.unmatched_bank_rows().map_err(|e| e.described()),
                Message::Kept,
            ),
            book.read(
                |store| {
                    let customers = store.customers().map_err(|e| e.described())?;
                    Ok(Arc::new(
                        customers
                            .into_iter()
                            .filter(|c| !c.archived)
                            .map(|c| (c.code, c.name))
                            .collect(),
                    ))
                },
                Message::Customers,
            ),
        ])
    }

    fn hints(&self) -> Result<Hints, String> {
        let year = match self.year.trim() {
            "" => None,
            text => Some(
                text.parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))
                    .ok_or_else(|| fl!("year-is-not-a-year", year = text))?,
            ),
        };
        let mut hints = Hints {
            encoding: self.encoding.label().map(str::to_string),
            date_format: Some(self.date_format.trim().to_string()).filter(|f| !f.is_empty()),
            year,
            delimiter: self.delimiter.char(),
            decimal_mark: self.decimal.char(),
            ..Hints::default()
        };
        self.reading.fill(&mut hints);
        Ok(hints)
    }

    /// The year field's complaint, if any.
    pub fn year_error(&self) -> Option<String> {
        self.hints().err()
    }

    /// A new file chosen: read with no choices carried over from the last one.
    fn read_file(&mut self, path: PathBuf, book: &Book) -> Task<Message> {
        self.path_text = path.display().to_string();
        self.notice = None;
        self.file = Some(path);
        // A column or line chosen for one bank's file means nothing for the next.
        self.reading = Reading::default();
        self.review = None;
        self.tally = None;
        self.decisions = Decisions::default();
        self.shown.clear();
        self.visible.clear();
        self.selected = None;
        self.prepare(book)
    }

    /// Reads the file again with the current overrides, off the UI thread.
    fn prepare(&mut self, book: &Book) -> Task<Message> {
        let Some(file) = self.file.clone() else {
            return Task::none();
        };
        let hints = match self.hints() {
            Ok(hints) => hints,
            Err(_) => return Task::none(),
        };
        self.generation += 1;
        self.phase = Phase::Reading;
        self.error = None;
        self.question = None;
        let generation = self.generation;
        book.read(
            move |store| {
                Review::open(
                    store,
                    &file,
                    import::DEFAULT_MAX_SIZE,
                    &hints,
                    None,
                    CONFIDENT,
                )
                .map(Arc::new)
                // The refusal as a value: `read` carries only text as an error.
                .map_or_else(|e| Ok(Err(Refused::of(&e))), |review| Ok(Ok(review)))
            },
            move |result| {
                let result = match result {
                    Ok(reviewed) => reviewed,
                    Err(said) => Err(Refused {
                        said,
                        question: None,
                    }),
                };
                Message::Prepared(generation, result)
            },
        )
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Browse => {
                // The dialog opens where this book's last statement came from.
                let folder = book.remembered(Place::Imports);
                let task = Task::perform(
                    async move {
                        let dialog = rfd::AsyncFileDialog::new();
                        let dialog = match folder {
                            Some(folder) => dialog.set_directory(folder),
                            None => dialog,
                        };
                        dialog
                            .set_title(fl!("choose-a-bank-statement"))
                            .add_filter(
                                fl!("bank-statements"),
                                &[
                                    "csv", "txt", "tsv", "ofx", "qfx", "xml", "xlsx", "xlsm",
                                    "xlsb", "xls", "ods",
                                ],
                            )
                            .pick_file()
                            .await
                            .map(|file| file.path().to_path_buf())
                    },
                    Message::Browsed,
                );
                return (task, None);
            }
            Message::Browsed(Some(path)) | Message::Dropped(path) => {
                if let Some(folder) = path.parent() {
                    book.remember(Place::Imports, folder);
                }
                return (
                    self.read_file(path, book),
                    Some(Event::Show(super::Tab::Import)),
                );
            }
            Message::Browsed(None) => {}
            Message::PathTyped(text) => self.path_text = text,
            Message::OpenTyped => {
                let path = PathBuf::from(self.path_text.trim());
                if !self.path_text.trim().is_empty() {
                    return (self.read_file(path, book), None);
                }
            }
            Message::Encoding(choice) => {
                self.encoding = choice;
                return (self.prepare(book), None);
            }
            Message::Delimiter(choice) => {
                self.delimiter = choice;
                return (self.prepare(book), None);
            }
            Message::Decimal(choice) => {
                self.decimal = choice;
                return (self.prepare(book), None);
            }
            Message::DateFormat(text) => {
                self.date_format = text;
                return (self.prepare(book), None);
            }
            Message::Year(text) => {
                self.year = text;
                return (self.prepare(book), None);
            }
            Message::Reading(choice) => {
                self.reading.apply(choice);
                return (self.prepare(book), None);
            }
            Message::Reread => return (self.prepare(book), None),
            Message::Prepared(generation, _) if generation != self.generation => {}
            Message::Prepared(_, Ok(review)) => {
                self.phase = Phase::Ready;
                self.error = None;
                self.decisions = Decisions::default();
                self.review = Some(review);
                // The last file's figures and rows are not this one's, even for a moment.
                self.tally = None;
                self.shown.clear();
                let counting = self.recount();
                self.selected = None;
                self.scroll = Scroll::default();
                self.refresh();
                return (Task::batch([counting, self.scroll.to_top(LIST)]), None);
            }
            Message::Counted(generation, _) if generation != self.count_generation => {}
            Message::Counted(_, Ok(tally)) => self.tally = Some(*tally),
            Message::Counted(_, Err(error)) => self.error = Some(error),
            Message::Prepared(_, Err(refused)) => {
                self.phase = Phase::Empty;
                self.review = None;
                self.tally = None;
                self.decisions = Decisions::default();
                self.shown.clear();
                self.visible.clear();
                self.error = Some(refused.said);
                self.question = refused.question;
            }
            Message::Filter(filter) => {
                self.filter = filter;
                self.scroll = Scroll::default();
                self.refresh();
                return (self.scroll.to_top(LIST), None);
            }
            Message::Scrolled(viewport) => {
                self.scroll = Scroll::from_viewport(viewport);
                self.read_shown();
            }
            Message::Select(index) if self.review.as_ref().is_some_and(|r| index < r.len()) => {
                self.selected = Some(index);
                self.kept_selected = None;
                self.assign_search.clear();
                self.read_shown();
            }
            Message::Accept(index) => {
                if let Some(s) = self.payable(index).and_then(|row| row.suggestion) {
                    self.decisions.choose(index, import::accept(&s));
                    return (self.recount(), None);
                }
            }
            Message::Unmatched(index) if self.payable(index).is_some() => {
                self.decisions.choose(index, Decision::LeaveUnmatched);
                return (self.recount(), None);
            }
            Message::Skip(index) if self.payable(index).is_some() => {
                self.decisions.choose(index, Decision::Skip);
                return (self.recount(), None);
            }
            Message::Select(_) | Message::Unmatched(_) | Message::Skip(_) => {}
            Message::AssignSearch(text) => self.assign_search = text,
            Message::AssignTo(code) if self.selected.is_none() && self.kept_selected.is_some() => {
                return self.assign_kept(code, book);
            }
            Message::AssignTo(code) => {
                if let Some(index) = self.selected.filter(|i| self.payable(*i).is_some()) {
                    self.decisions.choose(
                        index,
                        Decision::Accept {
                            customer: code,
                            apply: crate::domain::allocation::Apply::OldestFirst,
                        },
                    );
                    self.assign_search.clear();
                    return (self.recount(), None);
                }
            }
            Message::AcceptAllConfident => {
                let accepted = self.accept_all_confident();
                self.notice = Some(fl!("n-confident-matches-accepted", n = accepted));
                return (self.recount(), None);
            }
            Message::Commit => return (self.commit(book), None),
            Message::Progress(done, total) => self.phase = Phase::Writing(done, total),
            Message::Committed(result) => {
                self.phase = Phase::Ready;
                match result {
                    Ok(notice) => {
                        self.notice = Some(notice);
                        // Read the file again: every row now shows as already imported.
                        return (
                            Task::batch([self.prepare(book), self.reload(book)]),
                            Some(Event::BookChanged),
                        );
                    }
                    Err(error) => self.error = Some(error),
                }
            }
            Message::Customers(Ok(customers)) => self.customers = customers,
            Message::Batches(Ok(batches)) => self.batches = batches,
            Message::Kept(Ok(kept)) => {
                self.kept_selected = self
                    .kept_selected
                    .filter(|id| kept.iter().any(|k| k.id == *id));
                self.kept = kept;
            }
            Message::Kept(Err(error)) => self.error = Some(error),
            Message::SelectKept(id) => {
                self.kept_selected = Some(id);
                self.selected = None;
                self.assign_search.clear();
            }
            Message::Customers(Err(error)) | Message::Batches(Err(error)) => {
                self.error = Some(error)
            }
            Message::AskUndo(id) => {
                // One indexed query over the archive: quick enough to answer the click.
                match book.store().issued_touched_by_import(id) {
                    Ok(touched) => {
                        self.undo_touches = touched;
                        self.confirm_undo = Some(id);
                    }
                    Err(error) => self.error = Some(error.described()),
                }
            }
            Message::CancelUndo => {
                self.confirm_undo = None;
                self.undo_touches.clear();
            }
            Message::Undo(id) => {
                self.confirm_undo = None;
                self.undo_touches.clear();
                return (self.undo(id, book), None);
            }
            Message::Undone(result) => {
                match result {
                    Ok(notice) => self.notice = Some(notice),
                    Err(error) => self.error = Some(error),
                }
                return (
                    Task::batch([self.prepare(book), self.reload(book)]),
                    Some(Event::BookChanged),
                );
            }
        }
        (Task::none(), None)
    }

    /// Posts a row kept unmatched by an earlier import as this customer's payment
    /// (oldest first), and remembers its payer.
    fn assign_kept(&mut self, code: String, book: &mut Book) -> (Task<Message>, Option<Event>) {
        let Some(kept) = self
            .kept
            .iter()
            .find(|k| Some(k.id) == self.kept_selected)
            .cloned()
        else {
            return (Task::none(), None);
        };
        let currency = book.currency().clone();
        let apply = crate::domain::allocation::Apply::OldestFirst;
        match import::assign_unmatched(book.store_mut(), kept.id, &code, apply) {
            Ok((posted, amount)) => {
                self.notice = Some(fl!(
                    "number-posted-for-code-amount",
                    number = posted.number.as_str(),
                    code = posted.customer.as_str(),
                    amount = currency.display(amount)
                ));
                self.kept_selected = None;
                self.assign_search.clear();
                (self.reload(book), Some(Event::BookChanged))
            }
            Err(error) => {
                self.error = Some(error.described());
                (Task::none(), None)
            }
        }
    }

    /// The row at `index` if it is money in that can still be decided on.
    fn payable(&self, index: usize) -> Option<PlannedRow> {
        let review = self.review.as_ref()?;
        if !review.glance(index)?.payable {
            return None;
        }
        self.row(index)
    }

    /// The row at `index`: as read for the list, else read from the file now (unless an
    /// import is being written from it: the window never waits on the write).
    pub fn row(&self, index: usize) -> Option<PlannedRow> {
        if let Some(row) = self.shown.get(&index) {
            return Some(row.clone());
        }
        let mut read = None;
        self.review.as_ref()?.rows_if_free([index], |_, row| {
            read = row.ok();
            false
        });
        read
    }

    /// The row at `index` as read for the list (see [`read_shown`](Self::read_shown)).
    pub(super) fn shown(&self, index: usize) -> Option<&PlannedRow> {
        self.shown.get(&index)
    }

    /// Reads the rows in view (and a few around them) and the selected row from the
    /// file, forgetting the others: the screen holds a page of rows, not the file.
    fn read_shown(&mut self) {
        let Some(review) = self.review.clone() else {
            self.shown.clear();
            return;
        };
        let range = self.scroll.visible(self.visible.len());
        let from = range.start.saturating_sub(READ_AROUND);
        let to = (range.end + READ_AROUND).min(self.visible.len());
        let wanted: Vec<usize> = self.visible[from..to]
            .iter()
            .copied()
            .chain(self.selected)
            .collect();
        self.shown.retain(|index, _| wanted.contains(index));
        let missing: Vec<usize> = wanted
            .into_iter()
            .filter(|index| !self.shown.contains_key(index))
            .collect();
        let (shown, error) = (&mut self.shown, &mut self.error);
        // While an import is written from the file, the rows not read yet wait for the
        // next scroll.
        review.rows_if_free(missing, |index, row| match row {
            Ok(row) => {
                shown.insert(index, row);
                true
            }
            Err(e) => {
                // The file changed on disk since it was read: said once, not per row.
                *error = Some(e.described());
                false
            }
        });
    }

    /// Accepts every undecided new payment matched at least [`CONFIDENT`]ly.
    pub fn accept_all_confident(&mut self) -> usize {
        let Some(review) = &self.review else { return 0 };
        review.accept_all_confident(&mut self.decisions)
    }

    /// Counts the figures again, after the file or a decision changed: at once for a
    /// file of a few thousand rows, off the UI thread for a bigger one (planning where
    /// 100,000 payments go takes a noticeable part of a second, too long for a click).
    fn recount(&mut self) -> Task<Message> {
        let Some(review) = self.review.clone() else {
            self.tally = None;
            return Task::none();
        };
        let decisions = self.decisions.clone();
        self.count_generation += 1;
        if review.len() < COUNT_AT_ONCE {
            self.tally = Some(review.figures(&decisions));
            return Task::none();
        }
        let generation = self.count_generation;
        Task::perform(
            on_worker(move || Ok(Box::new(review.figures(&decisions)))),
            move |result| Message::Counted(generation, result),
        )
    }

    /// Whether the file holds new money in the book can take; without it the screen
    /// offers no Import (see [`import::ImportPlan::can_post`]).
    pub fn can_post(&self) -> bool {
        self.tally.as_ref().is_some_and(|t| t.can_post)
    }

    /// The rows in another currency than the book's, in the screen's language.
    pub fn set_aside(&self) -> Option<String> {
        let aside = self.tally.as_ref()?.set_aside.as_ref()?;
        let movements = match aside.rows {
            1 => fl!("n-1-movement"),
            n => fl!("rows-movements", rows = n),
        };
        Some(match (aside.currencies.as_slice(), aside.whole_file) {
            ([code], true) => fl!(
                "the-file-is-in-code-the",
                code = code,
                book = aside.book.as_str(),
                movements = movements
            ),
            ([], _) => fl!(
                "movements-in-another-currency-set-aside",
                book = aside.book.as_str(),
                movements = movements
            ),
            (codes, _) => fl!(
                "movements-in-codes-set-aside-the",
                codes = codes.join(", "),
                book = aside.book.as_str(),
                movements = movements
            ),
        })
    }

    /// How many payments an import now would post.
    pub fn to_post(&self) -> usize {
        self.tally.as_ref().map_or(0, |t| t.to_post)
    }

    /// Rows that an import now would add to the book.
    pub fn new_rows(&self) -> usize {
        self.tally.as_ref().map_or(0, |t| t.new_rows)
    }

    fn commit(&mut self, book: &mut Book) -> Task<Message> {
        let Some(review) = self.review.clone() else {
            return Task::none();
        };
        if matches!(self.phase, Phase::Writing(..)) || self.new_rows() == 0 || !self.can_post() {
            return Task::none();
        }
        let decisions = self.decisions.clone();
        let total = review.len();
        self.phase = Phase::Writing(0, total);
        match book.store().alongside() {
            Ok(Some(mut store)) => {
                let (sender, receiver) = mpsc::unbounded();
                std::thread::spawn(move || {
                    let progress = sender.clone();
                    let result = review.commit(&mut store, &decisions, |done, all| {
                        let _ = progress.unbounded_send(Message::Progress(done, all));
                    });
                    let _ = sender.unbounded_send(Message::Committed(describe(result)));
                });
                Task::run(receiver, |message| message)
            }
            Ok(None) => {
                let result = review.commit(book.store_mut(), &decisions, |_, _| {});
                Task::done(Message::Committed(describe(result)))
            }
            Err(error) => Task::done(Message::Committed(Err(error.described()))),
        }
    }

    fn undo(&mut self, id: i64, book: &mut Book) -> Task<Message> {
        let run = move |store: &mut Store| {
            import::undo(store, id)
                .map(|(batch, voids)| {
                    fl!(
                        "import-id-file-undone-n-payments",
                        id = batch.id.to_string(),
                        file = batch.file_name.as_str(),
                        n = voids.len()
                    )
                })
                .map_err(|e| e.described())
        };
        match book.store().alongside() {
            Ok(Some(mut store)) => {
                Task::perform(on_worker(move || run(&mut store)), Message::Undone)
            }
            Ok(None) => Task::done(Message::Undone(run(book.store_mut()))),
            Err(error) => Task::done(Message::Undone(Err(error.described()))),
        }
    }

    /// Up/Down move through the rows shown; Enter accepts the selected row's suggestion.
    pub fn list_key(&mut self, key: ListKey) -> Task<Message> {
        if self.visible.is_empty() {
            return Task::none();
        }
        let position = self
            .selected
            .and_then(|s| self.visible.iter().position(|i| *i == s));
        let Some(next) = self.scroll.step(key, position, self.visible.len()) else {
            return match self.selected {
                Some(index) => Task::done(Message::Accept(index)),
                None => Task::none(),
            };
        };
        self.selected = Some(self.visible[next]);
        let task = self.scroll.reveal(LIST, next);
        self.read_shown();
        task
    }

    /// The rows the filter admits, and those of them in view read.
    fn refresh(&mut self) {
        let Some(review) = &self.review else {
            self.visible.clear();
            self.shown.clear();
            return;
        };
        let filter = self.filter;
        self.visible = (0..review.len())
            .filter(|&i| {
                review
                    .glance(i)
                    .is_some_and(|g| filter.admits(&g, review.decided(i, &self.decisions)))
            })
            .collect();
        self.read_shown();
    }

    /// Customers whose code or name holds the assign search, at most `limit`.
    pub fn assign_candidates(&self, limit: usize) -> Vec<&(String, String)> {
        let needle = self.assign_search.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        self.customers
            .iter()
            .filter(|(code, name)| {
                code.to_lowercase().contains(&needle) || name.to_lowercase().contains(&needle)
            })
            .take(limit)
            .collect()
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> iced::Element<'a, Message> {
        view::view(self, book)
    }
}

fn describe(result: Result<import::Committed, import::RunError>) -> Result<String, String> {
    let committed = result.map_err(|e| e.described())?;
    let s = &committed.summary;
    Ok(match &committed.batch {
        Some(batch) => {
            let mut said = fl!(
                "imported-as-batch-id-posted-payments",
                id = batch.id.to_string(),
                posted = batch.payments,
                unmatched = batch.unmatched,
                dups = batch.duplicates
            );
            // Payments the book refused at commit, each with its line and why.
            for refused in &s.not_posted {
                said.push_str(&fl!(
                    "line-line-not-posted-why",
                    line = refused.line.to_string(),
                    why = refused.reason.described()
                ));
            }
            said
        }
        None => fl!("nothing-new-all-n-rows-were", n = s.duplicates),
    })
}
