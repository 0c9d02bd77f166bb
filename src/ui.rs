//! The desktop app (iced): a welcome screen until a book is open, then the Today,
//! dashboard, customers, ledger, aging, collection-notes and settings screens behind a sidebar. Each screen owns its
//! `Message`, `update` and `view`; this module wraps their messages, hands them the open
//! book, routes the keyboard shortcuts and acts on the events screens send up.

pub mod aging;
pub mod book;
pub mod customers;
pub mod dashboard;
pub mod errors;
pub mod headless;
pub mod import;
pub mod ledger;
pub mod letter_preview;
pub mod mailing;
pub mod notes;
pub mod review;
pub mod risk;
pub mod screen;
pub mod settings;
pub mod statements;
#[cfg(test)]
pub mod testing;
pub mod today;
pub mod welcome;
pub mod widgets;
pub mod window;

use window::fit_to_monitor;
pub use window::{MIN_WINDOW, OPENING_WINDOW, fitted_window};

use std::path::PathBuf;

use chrono::NaiveDate;
use iced::keyboard::{self, Key, Modifiers, key::Named};
use iced::widget::{button, column, container, row, space, stack, text};
use iced::{Element, Length, Subscription, Task, Theme};

use crate::fl;
use crate::ui::errors::Described;
pub use book::Book;
pub use screen::{Event, Tab};
use widgets::BOLD;

/// How the app was started.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--book`, or the book last opened, or the default book in the OS data folder.
    pub book: PathBuf,
    /// The day the app counts as today.
    pub today: NaiveDate,
    /// The person's preferences file: the books opened lately and the folders used
    /// with each (none in tests).
    pub preferences: Option<PathBuf>,
}

/// Tab (Shift+Tab back) walks the fields in the order they are laid out.
fn walk_fields<M: Send + 'static>(modifiers: Modifiers) -> Task<M> {
    if modifiers.shift() {
        iced::widget::operation::focus_previous()
    } else {
        iced::widget::operation::focus_next()
    }
}

/// Opens the window and runs until it is closed.
pub fn run(options: Options) -> iced::Result {
    // The language chosen on the Settings screen, unless OWED_LANG says otherwise.
    let preferences =
        crate::preferences::Preferences::load(crate::preferences::Preferences::path().as_deref());
    crate::i18n::select(preferences.language.language());
    let boot = move || {
        let (app, task) = App::boot(options.clone());
        (app, Task::batch([task, fit_to_monitor()]))
    };
    iced::application(boot, App::update, App::view)
        .title(App::title)
        .subscription(App::subscription)
        .theme(App::theme)
        .font(widgets::REGULAR_FONT)
        .font(widgets::BOLD_FONT)
        .font(widgets::LATIN_FONTS[0])
        .font(widgets::LATIN_FONTS[1])
        .default_font(iced::Font::with_name("Noto Sans CJK SC"))
        .window(iced::window::Settings {
            size: OPENING_WINDOW,
            // Below this the screens' tables could not keep every amount whole.
            min_size: Some(MIN_WINDOW),
            position: iced::window::Position::Centered,
            ..iced::window::Settings::default()
        })
        .run()
}

#[derive(Debug, Clone)]
pub enum Message {
    Welcome(welcome::Message),
    Customers(customers::Message),
    Ledger(ledger::Message),
    Aging(aging::Message),
    Notes(notes::Message),
    Import(import::Message),
    Statements(statements::Message),
    Entry(notes::entry::Message),
    Settings(settings::Message),
    Today(today::Message),
    Dashboard(dashboard::Message),
    Show(Tab),
    Key(Key, Modifiers),
    /// Back to the welcome screen to open or start another book.
    CloseBook,
}

/// The app's state: a welcome screen, or an open book and its screens.
pub struct App {
    options: Options,
    state: State,
}

enum State {
    Welcome(Box<welcome::Welcome>),
    Open(Box<Open>),
}

/// An open book and the screens on it; each screen keeps its state when hidden.
pub struct Open {
    pub book: Book,
    pub tab: Tab,
    pub customers: customers::Customers,
    pub ledger: ledger::Ledger,
    pub aging: aging::Aging,
    pub notes: notes::Notes,
    pub import: import::Import,
    pub statements: statements::Statements,
    pub settings: settings::Settings,
    pub today: today::Today,
    pub dashboard: dashboard::Dashboard,
    /// A payment form opened from Today: Today shows again once the payment is posted.
    back_to_today: bool,
    /// The quick note entry (Ctrl+L), over whatever screen is showing.
    pub entry: Option<notes::entry::Entry>,
    /// What was just done from the note entry (it closes, so its screen cannot say it),
    /// said in the sidebar until another screen is chosen.
    pub said: Option<String>,
}

impl App {
    /// The books opened lately that are still there, for the welcome screen.
    fn recent_books(&self) -> Vec<PathBuf> {
        let preferences = self.options.preferences.as_deref();
        crate::preferences::Preferences::load(preferences).existing_books()
    }

    pub fn boot(options: Options) -> (App, Task<Message>) {
        let recent = match &options.preferences {
            Some(path) => crate::preferences::Preferences::load(Some(path)).existing_books(),
            None => Vec::new(),
        };
        let (welcome, opened) = welcome::Welcome::start(options.book.clone());
        let welcome = welcome.with_recent(recent);
        let mut app = App {
            options,
            state: State::Welcome(Box::new(welcome)),
        };
        let task = match opened {
            Some(store) => app.open(store),
            None => Task::none(),
        };
        (app, task)
    }

    /// The app with `store` open, as tests build it.
    pub fn with_store(store: crate::store::Store, today: NaiveDate) -> (App, Task<Message>) {
        let book = store
            .path()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(":memory:"));
        let mut app = App {
            options: Options {
                book,
                today,
                preferences: None,
            },
            state: State::Welcome(Box::new(welcome::Welcome::new(PathBuf::new(), None))),
        };
        let task = app.open(store);
        (app, task)
    }

    fn open(&mut self, store: crate::store::Store) -> Task<Message> {
        let book =
            Book::new(store, self.options.today).remembering_in(self.options.preferences.clone());
        let (customers, load_customers) = customers::Customers::new(&book);
        let (aging, load_aging) = aging::Aging::new(&book);
        let (notes, load_notes) = notes::Notes::new(&book);
        let (import, load_import) = import::Import::new(&book);
        let (statements, load_statements) = statements::Statements::new(&book);
        let settings = settings::Settings::new(&book);
        let (mut today, load_today) = today::Today::new(&book);
        today.folder = PathBuf::from(statements.folder.trim());
        self.state = State::Open(Box::new(Open {
            book,
            tab: Tab::Today,
            customers,
            ledger: ledger::Ledger::default(),
            aging,
            notes,
            import,
            statements,
            settings,
            today,
            dashboard: dashboard::Dashboard::default(),
            back_to_today: false,
            entry: None,
            said: None,
        }));
        Task::batch([
            load_today.map(Message::Today),
            load_customers.map(Message::Customers),
            load_aging.map(Message::Aging),
            load_notes.map(Message::Notes),
            load_import.map(Message::Import),
            load_statements.map(Message::Statements),
            // What waits in the outbox goes out once the book is open.
            match &mut self.state {
                State::Open(open) => open
                    .statements
                    .retry_on_start(&mut open.book)
                    .map(Message::Statements),
                State::Welcome(_) => Task::none(),
            },
        ])
    }

    /// The open book and its screens (`None` on the welcome screen).
    pub fn open_book(&self) -> Option<&Open> {
        match &self.state {
            State::Open(open) => Some(open),
            State::Welcome(_) => None,
        }
    }

    /// The open book, to change behind the screens' backs (tests: another window or the
    /// CLI writing meanwhile).
    #[cfg(test)]
    pub fn open_book_mut(&mut self) -> Option<&mut Open> {
        match &mut self.state {
            State::Open(open) => Some(open),
            State::Welcome(_) => None,
        }
    }

    pub fn title(&self) -> String {
        match &self.state {
            State::Welcome(_) => "Owed".to_string(),
            State::Open(open) => {
                let file = open
                    .book
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                format!("{} — {} — Owed", open.book.company(), file)
            }
        }
    }

    /// The system's light or dark theme; `OWED_THEME=light|dark` overrides it.
    pub fn theme(&self) -> Option<Theme> {
        match std::env::var("OWED_THEME").as_deref() {
            Ok("dark") => Some(Theme::Dark),
            Ok("light") => Some(Theme::Light),
            _ => None,
        }
    }

    pub fn subscription(&self) -> Subscription<Message> {
        iced::event::listen_with(|event, status, _window| match event {
            iced::Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) => {
                // Shortcuts and Esc work from anywhere; list keys (arrows, Enter) only when
                // no widget used them, so Enter in a form submits the form and nothing else.
                let list_key = matches!(
                    key.as_ref(),
                    Key::Named(
                        Named::ArrowUp
                            | Named::ArrowDown
                            | Named::PageUp
                            | Named::PageDown
                            | Named::Enter
                    )
                );
                // A plain letter is a row's action on Today, never when typed into a field.
                let plain_letter =
                    matches!(key.as_ref(), Key::Character(_)) && !modifiers.command();
                let captured = status == iced::event::Status::Captured;
                (!((list_key || plain_letter) && captured)).then_some(Message::Key(key, modifiers))
            }
            iced::Event::Window(iced::window::Event::FileDropped(path)) => {
                Some(Message::Import(import::Message::Dropped(path)))
            }
            _ => None,
        })
    }

    pub fn update(&mut self, message: Message) -> Task<Message> {
        match (&mut self.state, message) {
            (State::Welcome(welcome), Message::Welcome(message)) => {
                let (task, event) = welcome.update(message);
                let task = task.map(Message::Welcome);
                match event {
                    Some(welcome::Event::Opened(store)) => Task::batch([task, self.open(store)]),
                    None => task,
                }
            }
            // Tab walks the welcome screen's fields as it walks a book's forms.
            (State::Welcome(_), Message::Key(Key::Named(Named::Tab), modifiers)) => {
                walk_fields(modifiers)
            }
            (State::Welcome(_), _) => Task::none(),
            (State::Open(_), Message::CloseBook) => {
                let recent = self.recent_books();
                self.state = State::Welcome(Box::new(
                    welcome::Welcome::new(self.options.book.clone(), None).with_recent(recent),
                ));
                Task::none()
            }
            (State::Open(open), message) => {
                let (task, event) = open.update(message);
                match event {
                    Some(event) => Task::batch([task, open.on_event(event)]),
                    None => task,
                }
            }
        }
    }

    pub fn view(&self) -> Element<'_, Message> {
        match &self.state {
            State::Welcome(welcome) => welcome.view().map(Message::Welcome),
            State::Open(open) => open.view(),
        }
    }
}

impl Open {
    fn update(&mut self, message: Message) -> (Task<Message>, Option<Event>) {
        let book = &mut self.book;
        match message {
            Message::Customers(message) => {
                let (task, event) = self.customers.update(message, book);
                (task.map(Message::Customers), event)
            }
            Message::Ledger(message) => {
                let (task, event) = self.ledger.update(message, book);
                (task.map(Message::Ledger), event)
            }
            Message::Aging(message) => {
                let (task, event) = self.aging.update(message, book);
                (task.map(Message::Aging), event)
            }
            Message::Notes(message) => {
                let (task, event) = self.notes.update(message, book);
                (task.map(Message::Notes), event)
            }
            Message::Import(message) => {
                let (task, event) = self.import.update(message, book);
                (task.map(Message::Import), event)
            }
            Message::Statements(message) => {
                let (task, event) = self.statements.update(message, book);
                // Letters sent from Today go where this screen's letters go.
                self.today.folder = PathBuf::from(self.statements.folder.trim());
                (task.map(Message::Statements), event)
            }
            Message::Settings(message) => {
                let (task, event) = self.settings.update(message, book);
                (task.map(Message::Settings), event)
            }
            Message::Today(message) => {
                let (task, event) = self.today.update(message, book);
                (task.map(Message::Today), event)
            }
            Message::Dashboard(message) => {
                let (task, event) = self.dashboard.update(message, book);
                (task.map(Message::Dashboard), event)
            }
            Message::Entry(message) => match &mut self.entry {
                Some(entry) => {
                    let (task, event) = entry.update(message, book);
                    if matches!(
                        event,
                        Some(Event::Close | Event::BookChanged | Event::Noted(_))
                    ) {
                        self.entry = None;
                    }
                    (task.map(Message::Entry), event)
                }
                None => (Task::none(), None),
            },
            Message::Show(tab) => (Task::none(), Some(Event::Show(tab))),
            Message::Key(Key::Named(Named::Tab), modifiers) => (walk_fields(modifiers), None),
            Message::Key(key, modifiers) => (Task::none(), self.shortcut(key, modifiers)),
            Message::Welcome(_) | Message::CloseBook => (Task::none(), None),
        }
    }

    /// The customer the user has in hand: the ledger's, or the one selected on the
    /// screen showing.
    pub fn selected_customer(&self) -> Option<String> {
        match self.tab {
            Tab::Today => self.today.selected_code(),
            Tab::Ledger => self.ledger.customer_code(),
            Tab::Customers => self.customers.selected_code(),
            Tab::Aging => self.aging.selected_code(),
            Tab::Notes => self.notes.selected_code(),
            Tab::Import | Tab::Statements | Tab::Dashboard => None,
            Tab::Settings => None,
        }
        .or_else(|| self.ledger.customer_code())
    }

    fn shortcut(&mut self, key: Key, modifiers: Modifiers) -> Option<Event> {
        let command = modifiers.command();
        match key.as_ref() {
            Key::Named(Named::Escape) => Some(Event::Close),
            Key::Character(c) if command => match c.to_lowercase().as_str() {
                "f" => Some(Event::Search),
                "l" => Some(Event::LogNote(self.selected_customer())),
                "n" => self.selected_customer().map(Event::NewInvoice),
                "p" => self.selected_customer().map(Event::RecordPayment),
                "0" => Some(Event::Show(Tab::Today)),
                "1" => Some(Event::Show(Tab::Customers)),
                "2" => Some(Event::Show(Tab::Ledger)),
                "3" => Some(Event::Show(Tab::Aging)),
                "4" => Some(Event::Show(Tab::Notes)),
                "5" => Some(Event::Show(Tab::Import)),
                "6" => Some(Event::Show(Tab::Statements)),
                "7" => Some(Event::Show(Tab::Settings)),
                "8" => Some(Event::Show(Tab::Dashboard)),
                _ => None,
            },
            // On Today a plain letter is the selected row's action (a focused field
            // keeps its keys: the subscription passes only keys no widget used).
            Key::Character(c) if self.tab == Tab::Today && self.entry.is_none() => {
                c.chars().next().map(Event::TodayKey)
            }
            Key::Named(Named::Enter) if command && self.tab == Tab::Import => {
                Some(Event::AcceptConfident)
            }
            Key::Named(named) if self.entry.is_none() => {
                let key = match named {
                    Named::ArrowUp => screen::ListKey::Up,
                    Named::ArrowDown => screen::ListKey::Down,
                    Named::PageUp => screen::ListKey::PageUp,
                    Named::PageDown => screen::ListKey::PageDown,
                    Named::Enter => screen::ListKey::Enter,
                    _ => return None,
                };
                Some(Event::ListKey(key))
            }
            _ => None,
        }
    }

    /// Acts on what a screen (or a shortcut) asked for.
    fn on_event(&mut self, event: Event) -> Task<Message> {
        let book = &mut self.book;
        match event {
            Event::Show(tab) => {
                self.said = None;
                self.tab = tab;
                self.back_to_today = false;
                match tab {
                    Tab::Dashboard => self.dashboard.show(book).map(Message::Dashboard),
                    _ => Task::none(),
                }
            }
            Event::TodayKey(key) => {
                let key = key.to_ascii_lowercase();
                let (task, event) = self.today.letter_key(key, book);
                let task = task.map(Message::Today);
                match event {
                    Some(event) => Task::batch([task, self.on_event(event)]),
                    None => task,
                }
            }
            Event::RecordPaymentFromToday(code) => {
                let task = self.on_event(Event::RecordPayment(code));
                self.back_to_today = true;
                task
            }
            Event::OpenLedger(code) => {
                self.tab = Tab::Ledger;
                self.ledger.open(&code, book).map(Message::Ledger)
            }
            Event::NewInvoice(ref code) | Event::RecordPayment(ref code)
                if self.ledger.customer_code().as_deref() != Some(code.as_str()) =>
            {
                self.tab = Tab::Ledger;
                let form = match event {
                    Event::NewInvoice(_) => ledger::FormKind::Invoice,
                    _ => ledger::FormKind::Payment,
                };
                self.ledger
                    .open_with_form(code, form, book)
                    .map(Message::Ledger)
            }
            Event::NewInvoice(_) => {
                self.tab = Tab::Ledger;
                self.ledger
                    .show_form(ledger::FormKind::Invoice, book)
                    .map(Message::Ledger)
            }
            Event::RecordPayment(_) => {
                self.tab = Tab::Ledger;
                self.ledger
                    .show_form(ledger::FormKind::Payment, book)
                    .map(Message::Ledger)
            }
            Event::LogNote(code) => {
                let (entry, task) = notes::entry::Entry::new(code, book);
                self.entry = Some(entry);
                task.map(Message::Entry)
            }
            Event::Search => match self.tab {
                Tab::Notes => self.notes.focus_search().map(Message::Notes),
                _ => {
                    self.tab = Tab::Customers;
                    self.customers.focus_search().map(Message::Customers)
                }
            },
            Event::Close => {
                // An open calendar closes before the entry it is in.
                if let Some(entry) = &mut self.entry {
                    if !entry.close_calendar() {
                        self.entry = None;
                    }
                    return Task::none();
                }
                match self.tab {
                    Tab::Today => self.today.close_form(),
                    Tab::Customers => self.customers.close_form(),
                    Tab::Ledger => self.ledger.close_form(),
                    Tab::Statements => self.statements.close_preview(),
                    Tab::Aging => {
                        self.aging.close_calendar();
                    }
                    Tab::Notes | Tab::Import | Tab::Settings | Tab::Dashboard => {}
                }
                Task::none()
            }
            Event::ListKey(key) => match self.tab {
                Tab::Today => {
                    let (task, event) = self.today.list_key(key, book);
                    let task = task.map(Message::Today);
                    match event {
                        Some(event) => Task::batch([task, self.on_event(event)]),
                        None => task,
                    }
                }
                Tab::Customers => self.customers.list_key(key, book).map(Message::Customers),
                Tab::Aging => self.aging.list_key(key, book).map(Message::Aging),
                Tab::Notes => self.notes.list_key(key, book).map(Message::Notes),
                Tab::Import => self.import.list_key(key).map(Message::Import),
                Tab::Ledger | Tab::Statements | Tab::Settings | Tab::Dashboard => Task::none(),
            },
            Event::Language(language) => {
                crate::i18n::select(language);
                // Texts some screens made when they loaded are made again in it.
                self.on_event(Event::BookChanged)
            }
            Event::AcceptConfident => {
                Task::done(Message::Import(import::Message::AcceptAllConfident))
            }
            Event::Noted(said) => {
                self.said = Some(said);
                self.on_event(Event::BookChanged)
            }
            Event::BookChanged => {
                // The book's locale may have changed with its settings.
                book.settings_changed();
                self.settings.reload(book);
                // A payment started from Today, now posted: back to the list.
                if self.back_to_today && self.tab == Tab::Ledger {
                    self.back_to_today = false;
                    self.tab = Tab::Today;
                }
                Task::batch([
                    self.today.reload(book).map(Message::Today),
                    self.dashboard
                        .book_changed(book, self.tab == Tab::Dashboard)
                        .map(Message::Dashboard),
                    self.customers.reload(book).map(Message::Customers),
                    self.ledger.reload(book).map(Message::Ledger),
                    self.aging.reload(book).map(Message::Aging),
                    self.notes.reload(book).map(Message::Notes),
                    self.import.reload(book).map(Message::Import),
                    self.statements.reload(book).map(Message::Statements),
                    // The day's automatic backup, once the day's first change is made,
                    // on a worker with its own read-only connection.
                    book.read(
                        |store| store.auto_backup_if_due().map_err(|e| e.described()),
                        |made| Message::Settings(settings::Message::BackedUp(made)),
                    ),
                ])
            }
        }
    }

    fn view(&self) -> Element<'_, Message> {
        let book = &self.book;
        let screen = match self.tab {
            Tab::Today => self.today.view(book).map(Message::Today),
            Tab::Dashboard => self.dashboard.view(book).map(Message::Dashboard),
            Tab::Customers => self.customers.view(book).map(Message::Customers),
            Tab::Ledger => self.ledger.view(book).map(Message::Ledger),
            Tab::Aging => self.aging.view(book).map(Message::Aging),
            Tab::Notes => self.notes.view(book).map(Message::Notes),
            Tab::Import => self.import.view(book).map(Message::Import),
            Tab::Statements => self.statements.view(book).map(Message::Statements),
            Tab::Settings => self.settings.view(book).map(Message::Settings),
        };
        // A book that cannot be written is said on every screen: reading goes on.
        let banner = match (book.store().damage_found(), book.store().read_only_reason()) {
            (Some(found), _) => Some(fl!("this-book-is-damaged-found-nothing", found = found)),
            (None, Some(why)) => Some(fl!("this-book-is-open-only-for", why = why.described())),
            (None, None) => None,
        };
        let screen: Element<'_, Message> = match banner {
            Some(banner) => column![widgets::danger_text(banner), screen]
                .spacing(8)
                .into(),
            None => screen,
        };
        let body = row![
            self.sidebar(),
            container(screen)
                .padding(16)
                .width(Length::Fill)
                .height(Length::Fill)
        ];
        match &self.entry {
            Some(entry) => stack![
                body,
                container(entry.view(book).map(Message::Entry))
                    .center(Length::Fill)
                    .style(|_theme: &Theme| container::Style {
                        background: Some(iced::Color::from_rgba(0.0, 0.0, 0.0, 0.45).into()),
                        ..Default::default()
                    })
            ]
            .into(),
            None => body.into(),
        }
    }

    fn sidebar(&self) -> Element<'_, Message> {
        let tab = |tab: Tab, label: String, keys: String| {
            let active = self.tab == tab;
            button(
                column![text(label).size(15), widgets::muted(keys)]
                    .spacing(2)
                    .width(Length::Fill),
            )
            .width(Length::Fill)
            // Nine screens and the footer fit a 700-pixel-high window.
            .padding([5, 12])
            .style(move |theme: &Theme, status| {
                if active {
                    button::primary(theme, status)
                } else {
                    button::text(theme, status)
                }
            })
            .on_press(Message::Show(tab))
        };
        // The outbox's waiting emails beside the screen they are sent from.
        let statements_keys = match self.statements.outbox_waiting {
            0 => "Ctrl+6".to_string(),
            n => fl!("sidebar-outbox-waiting", keys = "Ctrl+6", n = n),
        };
        let ledger_label = match self.ledger.customer_code() {
            Some(_) => fl!("ledger"),
            None => fl!("ledger-pick-a-customer"),
        };
        container(
            column![
                text(self.book.company()).size(16).font(BOLD),
                widgets::muted(self.book.currency().code.clone()),
                space().height(12),
                tab(Tab::Today, fl!("today"), "Ctrl+0".to_string()),
                tab(Tab::Dashboard, fl!("dashboard"), "Ctrl+8".to_string()),
                tab(Tab::Customers, fl!("customers"), "Ctrl+1".to_string()),
                tab(Tab::Ledger, ledger_label, "Ctrl+2".to_string()),
                tab(Tab::Aging, fl!("aging"), "Ctrl+3".to_string()),
                tab(Tab::Notes, fl!("collection-notes"), "Ctrl+4".to_string()),
                tab(Tab::Import, fl!("bank-import"), "Ctrl+5".to_string()),
                tab(Tab::Statements, fl!("statements-letters"), statements_keys),
                tab(Tab::Settings, fl!("settings"), "Ctrl+7".to_string()),
                space::vertical(),
                match &self.said {
                    Some(said) =>
                        Element::from(text(said.as_str()).size(13).style(|theme: &Theme| {
                            iced::widget::text::Style {
                                color: Some(widgets::success_color(theme)),
                            }
                        })),
                    None => space().into(),
                },
                widgets::muted(fl!("ctrl-f-search-ctrl-n-invoice")),
                widgets::muted(fl!("ctrl-p-payment-ctrl-l-note")),
                widgets::secondary(fl!("open-another-book"), Some(Message::CloseBook)),
            ]
            .spacing(6),
        )
        .width(210)
        .height(Length::Fill)
        .padding(12)
        .style(widgets::band)
        .into()
    }
}
