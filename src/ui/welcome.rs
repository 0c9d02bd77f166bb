//! The first screen: shown when there is no book yet, or when the book could not be
//! opened (another program's file, a newer version, open in another window) — with the
//! reason and a way out: start an empty book, explore sample data, or open another file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use iced::futures::channel::mpsc;
use iced::widget::{column, container, progress_bar, row, scrollable, space, text};
use iced::{Element, Length, Task};

use super::book::{on_worker, sample_book_path};
use super::widgets::{self, BOLD};
use crate::demo::{self, DemoOptions};
use crate::domain::Currency;
use crate::fl;
use crate::store::{Access, BookSettings, Store, StoreError};
use crate::ui::errors::Described;

mod recent;

#[derive(Debug, Clone)]
pub enum Message {
    Company(String),
    Currency(String),
    Decimals(String),
    StartEmpty,
    SampleCustomers(String),
    StartSample,
    SampleProgress(usize, usize),
    SampleDone(Result<PathBuf, String>),
    OpenPath(String),
    OpenTyped,
    Browse,
    Browsed(Option<PathBuf>),
    /// Try the book that could not be opened again (the other window was closed).
    Retry,
    /// Open a book from the recent list.
    OpenRecent(PathBuf),
}

/// What the welcome screen tells the app.
pub enum Event {
    Opened(Store),
}

pub struct Welcome {
    /// The book `owed` was asked to open (or the default one).
    path: PathBuf,
    /// Why that book could not be opened, if it exists.
    problem: Option<String>,
    company: String,
    currency: String,
    decimals: String,
    sample_customers: String,
    open_path: String,
    progress: Option<(usize, usize)>,
    error: Option<String>,
    /// The books opened lately that are still there, the latest first.
    recent: Vec<PathBuf>,
}

impl Welcome {
    pub fn new(path: PathBuf, problem: Option<String>) -> Welcome {
        Welcome {
            open_path: path.display().to_string(),
            path,
            problem,
            company: String::new(),
            currency: "USD".into(),
            decimals: "2".into(),
            sample_customers: "300".into(),
            progress: None,
            error: None,
            recent: Vec::new(),
        }
    }

    /// The welcome screen listing `recent` books to reopen.
    pub fn with_recent(mut self, recent: Vec<PathBuf>) -> Welcome {
        self.recent = recent;
        self
    }

    /// Opens the book at `path` if it exists; otherwise (or if it cannot be opened) the
    /// welcome screen says what to do.
    pub fn start(path: PathBuf) -> (Welcome, Option<Store>) {
        if !path.exists() {
            return (Welcome::new(path, None), None);
        }
        match open_book(&path) {
            Ok(store) => (Welcome::new(path, None), Some(store)),
            Err(error) => {
                let problem = explain(&path, &error);
                (Welcome::new(path, Some(problem)), None)
            }
        }
    }

    fn currency(&self) -> Result<Currency, String> {
        let decimals: u32 = self
            .decimals
            .trim()
            .parse()
            .map_err(|_| fl!("decimals-must-be-a-whole-number"))?;
        Currency::new(self.currency.trim(), decimals).map_err(|e| e.described())
    }

    fn sample_customers(&self) -> Result<usize, String> {
        match self.sample_customers.trim().parse::<usize>() {
            Ok(n) if (1..=20_000).contains(&n) => Ok(n),
            _ => Err(fl!("between-1-and-20000")),
        }
    }

    pub fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Company(value) => self.company = value,
            Message::Currency(value) => self.currency = value.to_uppercase(),
            Message::Decimals(value) => self.decimals = value,
            Message::SampleCustomers(value) => self.sample_customers = value,
            Message::OpenPath(value) => self.open_path = value,
            Message::StartEmpty => {
                let Ok(currency) = self.currency() else {
                    return (Task::none(), None);
                };
                let company = match self.company.trim() {
                    "" => "My Company".to_string(),
                    name => name.to_string(),
                };
                let target = self.new_book_path();
                return match Store::init(&target, &BookSettings { company, currency }) {
                    Ok(store) => (Task::none(), Some(Event::Opened(store))),
                    Err(error) => {
                        self.error = Some(explain(&target, &error));
                        (Task::none(), None)
                    }
                };
            }
            Message::StartSample => {
                let Ok(customers) = self.sample_customers() else {
                    return (Task::none(), None);
                };
                self.error = None;
                self.progress = Some((0, 1));
                return (self.build_sample(customers), None);
            }
            Message::SampleProgress(done, total) => self.progress = Some((done, total)),
            Message::SampleDone(result) => {
                self.progress = None;
                match result.and_then(|path| {
                    Store::open(&path, Access::Write).map_err(|e| explain(&path, &e))
                }) {
                    Ok(store) => return (Task::none(), Some(Event::Opened(store))),
                    Err(error) => self.error = Some(error),
                }
            }
            Message::OpenTyped => {
                let path = PathBuf::from(self.open_path.trim());
                return (Task::none(), self.open_existing(&path));
            }
            Message::Browse => {
                return (
                    Task::perform(
                        async {
                            rfd::AsyncFileDialog::new()
                                .add_filter(fl!("owed-book"), &["owed"])
                                .pick_file()
                                .await
                                .map(|file| file.path().to_path_buf())
                        },
                        Message::Browsed,
                    ),
                    None,
                );
            }
            Message::Browsed(Some(path)) | Message::OpenRecent(path) => {
                return (Task::none(), self.open_existing(&path));
            }
            Message::Retry => {
                let path = self.path.clone();
                self.problem = None;
                match open_book(&path) {
                    Ok(store) => return (Task::none(), Some(Event::Opened(store))),
                    Err(error) => self.problem = Some(explain(&path, &error)),
                }
            }
            Message::Browsed(None) => {
                self.error = Some(fl!("no-file-was-chosen-or-this"));
            }
        }
        (Task::none(), None)
    }

    /// Where "Start an empty book" writes: the asked-for book, unless that one exists
    /// and could not be opened — then never over it.
    fn new_book_path(&self) -> PathBuf {
        if self.path.exists() {
            self.path.with_file_name("new-book.owed")
        } else {
            self.path.clone()
        }
    }

    fn open_existing(&mut self, path: &Path) -> Option<Event> {
        if !path.is_file() {
            self.error = Some(fl!("path-is-not-a-file", path = path.display().to_string()));
            return None;
        }
        match open_book(path) {
            Ok(store) => Some(Event::Opened(store)),
            Err(error) => {
                self.error = Some(explain(path, &error));
                None
            }
        }
    }

    /// Builds the sample book on a worker thread, reporting progress as it goes.
    fn build_sample(&self, customers: usize) -> Task<Message> {
        let target = sample_book_path(&self.path);
        let today = chrono::Local::now().date_naive();
        let (sender, receiver) = mpsc::unbounded::<Message>();
        let progress = sender.clone();
        let work = on_worker(move || {
            build_sample_book(&target, customers, today, &mut |done, total| {
                let _ = progress.unbounded_send(Message::SampleProgress(done, total));
            })?;
            Ok(target)
        });
        let finish = Task::perform(work, move |result| {
            let _ = sender.unbounded_send(Message::SampleDone(result));
            drop(sender);
        });
        Task::batch([finish.discard(), Task::run(receiver, |message| message)])
    }

    pub fn view(&self) -> Element<'_, Message> {
        let currency_error = self.currency().err();
        let sample_error = self.sample_customers().err();
        let busy = self.progress.is_some();

        let problem: Element<'_, Message> = match &self.problem {
            Some(problem) => container(
                column![
                    text(fl!("this-book-could-not-be-opened"))
                        .size(16)
                        .font(BOLD),
                    widgets::danger_text(problem.as_str()),
                    widgets::muted(fl!("nothing-in-it-was-changed-open")),
                ]
                .spacing(4),
            )
            .padding(12)
            .style(widgets::panel)
            .into(),
            None => space().into(),
        };

        // Enter in any of the three fields starts the book, as the button does.
        let start = (currency_error.is_none() && !busy).then_some(Message::StartEmpty);
        let empty = column![
            text(fl!("start-an-empty-book")).size(18).font(BOLD),
            widgets::field(
                fl!("company-name"),
                "welcome-company",
                &self.company,
                Message::Company,
                start.clone(),
                None
            ),
            widgets::field(
                fl!("currency"),
                "welcome-currency",
                &self.currency,
                Message::Currency,
                start.clone(),
                None
            ),
            widgets::field(
                fl!("decimals"),
                "welcome-decimals",
                &self.decimals,
                Message::Decimals,
                start.clone(),
                currency_error.clone(),
            ),
            widgets::muted(fl!(
                "the-book-is-written-to-path",
                path = self.new_book_path().display().to_string()
            )),
            widgets::action(fl!("start-an-empty-book"), start),
        ]
        .spacing(8);

        let progress: Element<'_, Message> = match self.progress {
            Some((done, total)) => column![
                progress_bar(0.0..=total.max(1) as f32, done as f32).girth(12),
                widgets::muted(fl!("done-of-total-invoices", done = done, total = total)),
            ]
            .spacing(4)
            .into(),
            None => space().into(),
        };
        let sample = column![
            text(fl!("explore-with-sample-data")).size(18).font(BOLD),
            widgets::muted(fl!("n-18-months-of-invoices-payments")),
            widgets::field(
                fl!("customers"),
                "welcome-sample",
                &self.sample_customers,
                Message::SampleCustomers,
                (sample_error.is_none() && !busy).then_some(Message::StartSample),
                sample_error.clone(),
            ),
            widgets::action(
                fl!("explore-with-sample-data"),
                (sample_error.is_none() && !busy).then_some(Message::StartSample)
            ),
            progress,
        ]
        .spacing(8);

        let open = column![
            text(fl!("open-another-book")).size(18).font(BOLD),
            row![
                widgets::action(fl!("choose-a-file"), (!busy).then_some(Message::Browse)),
                widgets::muted(fl!("or-type-its-path")),
            ]
            .spacing(10)
            .align_y(iced::Alignment::Center),
            widgets::field(
                fl!("book-file"),
                "welcome-open",
                &self.open_path,
                Message::OpenPath,
                Some(Message::OpenTyped),
                None
            ),
            widgets::secondary(fl!("open"), (!busy).then_some(Message::OpenTyped)),
        ]
        .spacing(8);

        let error: Element<'_, Message> = match &self.error {
            Some(error) => widgets::danger_text(error.as_str()).into(),
            None => space().into(),
        };
        let recent: Element<'_, Message> = match recent::view(&self.recent, busy) {
            Some(list) => container(list)
                .padding(16)
                .style(widgets::panel)
                .width(Length::Fill)
                .into(),
            None => space().into(),
        };

        scrollable(
            container(
                column![
                    text(fl!("owed")).size(32).font(BOLD),
                    widgets::muted(fl!("who-owes-you-what-since-when")),
                    problem,
                    error,
                    recent,
                    container(empty)
                        .padding(16)
                        .style(widgets::panel)
                        .width(Length::Fill),
                    container(sample)
                        .padding(16)
                        .style(widgets::panel)
                        .width(Length::Fill),
                    container(open)
                        .padding(16)
                        .style(widgets::panel)
                        .width(Length::Fill),
                ]
                .spacing(14)
                .max_width(760),
            )
            .center_x(Length::Fill)
            .padding(24),
        )
        .height(Length::Fill)
        .into()
    }
}

/// The sample book. Its history is written in one transaction, so an interrupted build
/// leaves an empty book, never half a history.
pub fn build_sample_book(
    target: &Path,
    customers: usize,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), String> {
    // A sample book is only ever sample data: a new one replaces the old.
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", target.display()));
        if file.exists() {
            std::fs::remove_file(&file).map_err(|e| {
                fl!(
                    "could-not-replace-path",
                    path = file.display().to_string(),
                    error = e.to_string()
                )
            })?;
        }
    }
    let mut store = Store::init(
        target,
        &BookSettings {
            company: "Sample Trading Co.".into(),
            currency: Currency::default(),
        },
    )
    .map_err(|e| explain(target, &e))?;
    let options = DemoOptions {
        customers,
        invoices: customers * 25,
        seed: 1,
        today,
    };
    demo::generate(&mut store, &options, progress).map_err(|e| e.described())?;
    Ok(())
}

/// Opens an existing book for writing or, where it cannot be written (a read-only
/// folder or file, a full disk), for reading only: the screens still show it, and a
/// write says why it cannot be made.
fn open_book(path: &Path) -> Result<Store, crate::store::StoreError> {
    use crate::store::StoreError;
    match Store::open(path, Access::Write) {
        Err(error @ (StoreError::ReadOnly { .. } | StoreError::DiskFull)) => {
            Store::open_read_only_because(path, &error)
        }
        other => other,
    }
}

/// One line a person understands, naming the file.
fn explain(path: &Path, error: &StoreError) -> String {
    let message = error.described();
    let shown = path.display().to_string();
    if message.contains(&shown) {
        message
    } else {
        crate::fl!("field-problem", field = shown, problem = message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_foreign_file_is_explained_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.owed");
        std::fs::write(&path, b"name,amount\nAcme,12.00\n").unwrap();
        let (welcome, store) = Welcome::start(path.clone());
        assert!(store.is_none());
        let problem = welcome.problem.as_deref().unwrap();
        assert!(problem.contains("book.owed"), "{problem}");
        assert_eq!(std::fs::read(&path).unwrap(), b"name,amount\nAcme,12.00\n");
        // Starting an empty book then never writes over the foreign file.
        assert_eq!(welcome.new_book_path(), dir.path().join("new-book.owed"));
    }

    #[test]
    fn a_book_open_in_another_window_can_be_tried_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.owed");
        let other = Store::init(&path, &BookSettings::default()).unwrap();
        let (mut welcome, store) = Welcome::start(path.clone());
        assert!(store.is_none());
        let problem = welcome.problem.clone().unwrap();
        assert!(problem.contains("another Owed window"), "{problem}");
        assert_eq!(problem.matches("book.owed").count(), 1, "{problem}");
        drop(other);
        let (_, event) = welcome.update(Message::Retry);
        assert!(matches!(event, Some(Event::Opened(_))));
    }

    #[test]
    fn start_an_empty_book_with_a_company_and_currency() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.owed");
        let (mut welcome, store) = Welcome::start(path.clone());
        assert!(store.is_none() && welcome.problem.is_none());
        let _ = welcome.update(Message::Company("Ünal & Söhne".into()));
        let _ = welcome.update(Message::Currency("jpy".into()));
        let _ = welcome.update(Message::Decimals("x".into()));
        let (_, event) = welcome.update(Message::StartEmpty);
        assert!(event.is_none(), "refused while decimals are not a number");
        assert!(!path.exists());
        let _ = welcome.update(Message::Decimals("0".into()));
        let (_, event) = welcome.update(Message::StartEmpty);
        let Some(Event::Opened(store)) = event else {
            panic!("the book should open");
        };
        assert_eq!(store.settings().company, "Ünal & Söhne");
        assert_eq!(store.currency().code, "JPY");
        assert_eq!(store.currency().minor_units, 0);
    }

    #[test]
    fn sample_book_is_built_with_progress_off_the_ui_thread() {
        let dir = tempfile::tempdir().unwrap();
        let mut welcome = Welcome::new(dir.path().join("book.owed"), None);
        let _ = welcome.update(Message::SampleCustomers("12".into()));
        let (task, _) = welcome.update(Message::StartSample);
        let messages = crate::ui::headless::outputs(task);
        assert!(
            messages
                .iter()
                .any(|m| matches!(m, Message::SampleProgress(done, total) if done == total))
        );
        let Some(Message::SampleDone(Ok(path))) = messages.last().cloned() else {
            panic!("the sample book should be done last: {messages:?}");
        };
        assert_eq!(path, dir.path().join("sample.owed"));
        let (_, event) = welcome.update(Message::SampleDone(Ok(path)));
        let Some(Event::Opened(store)) = event else {
            panic!("the sample book should open");
        };
        assert_eq!(store.counts().unwrap().0, 12);
    }

    #[test]
    fn tab_walks_the_welcome_screens_fields() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = crate::ui::App::boot(crate::ui::Options {
            book: dir.path().join("new.owed"),
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            preferences: None,
        })
        .0;
        assert!(app.open_book().is_none(), "the welcome screen is shown");
        let key = |app: &mut crate::ui::App, key, modifiers| {
            app.update(crate::ui::Message::Key(key, modifiers)).units()
        };
        let tab = iced::keyboard::Key::Named(iced::keyboard::key::Named::Tab);
        // One focus move each way; other keys do nothing here.
        assert_eq!(
            key(&mut app, tab.clone(), iced::keyboard::Modifiers::empty()),
            1
        );
        assert_eq!(key(&mut app, tab, iced::keyboard::Modifiers::SHIFT), 1);
        let letter = iced::keyboard::Key::Character("a".into());
        assert_eq!(key(&mut app, letter, iced::keyboard::Modifiers::empty()), 0);
    }

    #[test]
    fn enter_in_the_company_name_starts_the_book() {
        use iced_test::simulator::Simulator;
        let dir = tempfile::tempdir().unwrap();
        let welcome = Welcome::new(dir.path().join("new.owed"), None);
        let mut ui = Simulator::new(welcome.view());
        ui.click(iced::widget::Id::new("welcome-company")).unwrap();
        ui.typewrite("Acme Ltd");
        ui.tap_key(iced::keyboard::key::Named::Enter);
        let messages: Vec<Message> = ui.into_messages().collect();
        assert!(
            messages.iter().any(|m| matches!(m, Message::StartEmpty)),
            "{messages:?}"
        );
    }
}
