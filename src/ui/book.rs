//! The open book as the screens see it: the writer connection for postings (quick, done
//! in `update`) and a way to run reads on a worker thread with their own read-only
//! connection, so a slow query never freezes the window.

use crate::ui::errors::Described;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use iced::Task;
use iced::futures::channel::oneshot;

use crate::domain::company::Locale;
use crate::domain::{Currency, Money};
use crate::preferences::{Place, Preferences};
use crate::store::{Access, Store};

/// The open book, passed to every screen's `update` and `view`.
pub struct Book {
    store: Store,
    /// The day the app counts as today (fixed in tests).
    pub today: NaiveDate,
    /// The person's preferences file, where the folders used with this book are kept
    /// (none in tests: nothing is remembered).
    preferences: Option<PathBuf>,
    /// The book's locale, which writes its dates (and its amounts, by its currency).
    locale: Locale,
    /// The mail server's password for this session, where the system has no keyring
    /// (never written anywhere).
    session_password: Option<String>,
}

impl Book {
    pub fn new(store: Store, today: NaiveDate) -> Book {
        // Counts in messages are grouped as this book's amounts are.
        crate::i18n::set_grouping(store.currency().format.group_mark());
        let locale = locale_of(&store);
        Book {
            store,
            today,
            preferences: None,
            locale,
            session_password: None,
        }
    }

    /// Keeps the mail server's password for this session only (`None` forgets it).
    pub fn set_session_password(&mut self, password: Option<String>) {
        self.session_password = password;
    }

    /// The password to log in to the mail server of `settings` with: the script's
    /// variable, the keyring's, else the one given this session.
    pub fn mail_password(&self, settings: &crate::domain::email::EmailSettings) -> Option<String> {
        if settings.username.trim().is_empty() {
            return None;
        }
        crate::mail::password(settings).or_else(|| self.session_password.clone())
    }

    /// Reads the book's locale again (its settings were saved).
    pub fn settings_changed(&mut self) {
        crate::i18n::set_grouping(self.store.currency().format.group_mark());
        self.locale = locale_of(&self.store);
    }

    /// The book's locale (how it writes dates and amounts).
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// `date` as the book writes dates: on the screens as on its statements and
    /// letters (2026-11-30, 30.11.2026, Nov 30, 2026 …, by the company's locale).
    pub fn date(&self, date: NaiveDate) -> String {
        self.locale.format_date(date)
    }

    /// Keeps the folders used with this book in the preferences file at `path`, and
    /// counts the book as opened there (the welcome screen lists it).
    pub fn remembering_in(mut self, path: Option<PathBuf>) -> Book {
        self.preferences = path;
        if let (Some(preferences), Some(book)) = (&self.preferences, self.store.path()) {
            // A convenience: a preferences file that cannot be written loses the list,
            // never the book.
            let _ = Preferences::update(preferences, |p| p.opened(book));
        }
        self
    }

    /// The folder last used for `place` with this book, if it is still there.
    pub fn remembered(&self, place: Place) -> Option<PathBuf> {
        let (preferences, book) = (self.preferences.as_deref()?, self.store.path()?);
        Preferences::load(Some(preferences)).place(book, place)
    }

    /// Remembers `folder` as the one used for `place` with this book.
    pub fn remember(&self, place: Place, folder: &Path) {
        if let (Some(preferences), Some(book)) = (&self.preferences, self.store.path()) {
            // As above: forgetting a folder is no reason to fail what was done.
            let _ = Preferences::update(preferences, |p| p.remember(book, place, folder));
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn currency(&self) -> &Currency {
        self.store.currency()
    }

    pub fn company(&self) -> &str {
        &self.store.settings().company
    }

    pub fn path(&self) -> Option<&Path> {
        self.store.path()
    }

    /// Money as people read it in this book's currency, e.g. `1,234.50`.
    pub fn money(&self, money: Money) -> String {
        self.currency().display(money)
    }

    /// Runs `work` against the book off the UI thread and hands its result to `done`.
    /// A file-backed book is read through a fresh read-only connection (WAL lets it run
    /// beside the writer); an in-memory book is read at once.
    pub fn read<T, M>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, String> + Send + 'static,
        done: impl FnOnce(Result<T, String>) -> M + Send + 'static,
    ) -> Task<M>
    where
        T: Send + 'static,
        M: Send + 'static,
    {
        match self.store.path() {
            Some(path) => {
                let path = path.to_path_buf();
                Task::perform(
                    on_worker(move || {
                        let store = Store::open(&path, Access::Read).map_err(|e| e.described())?;
                        work(&store)
                    }),
                    done,
                )
            }
            None => Task::done(done(work(&self.store))),
        }
    }
}

impl Book {
    /// Runs `work` that writes (a letter, a fee run) off the UI thread with a writing
    /// connection of its own beside the app's, and hands its result to `done`; an
    /// in-memory book is written at once.
    pub fn write<T, M>(
        &mut self,
        work: impl FnOnce(&mut Store) -> Result<T, String> + Send + 'static,
        done: impl FnOnce(Result<T, String>) -> M + Send + 'static,
    ) -> Task<M>
    where
        T: Send + 'static,
        M: Send + 'static,
    {
        match self.store.alongside() {
            Ok(Some(mut store)) => Task::perform(on_worker(move || work(&mut store)), done),
            Ok(None) => Task::done(done(work(&mut self.store))),
            Err(error) => Task::done(done(Err(error.described()))),
        }
    }
}

/// The locale the company's settings give the book; the default when they cannot be
/// read (the screens then say why elsewhere).
fn locale_of(store: &Store) -> Locale {
    store
        .company_profile()
        .map(|profile| profile.locale)
        .unwrap_or_default()
}

/// Runs blocking `work` on its own thread and awaits its result.
pub async fn on_worker<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    let (sender, receiver) = oneshot::channel();
    std::thread::Builder::new()
        .name("owed-worker".into())
        .spawn(move || {
            let _ = sender.send(work());
        })
        .map_err(|e| crate::fl!("could-not-start-a-worker-thread", error = e.to_string()))?;
    receiver
        .await
        .unwrap_or_else(|_| Err(crate::fl!("the-background-work-stopped-unexpectedly")))
}

/// Where the sample book lives: beside the default book, never over it.
pub fn sample_book_path(default_book: &Path) -> PathBuf {
    default_book.with_file_name("sample.owed")
}
