//! The books opened lately, on the welcome screen: one click reopens one, as a desktop
//! app's recent files do. The list lives in the person's preferences, not in a book.

use std::path::{Path, PathBuf};

use iced::widget::{button, column, text};
use iced::{Element, Length};

use super::Message;
use crate::fl;
use crate::ui::widgets::{self, BOLD};

/// The recent books as a list of buttons, or nothing when there are none.
pub fn view(recent: &[PathBuf], busy: bool) -> Option<Element<'_, Message>> {
    if recent.is_empty() {
        return None;
    }
    let mut list = column![text(fl!("recent-books")).size(18).font(BOLD)].spacing(4);
    for book in recent {
        let name = book
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| book.display().to_string());
        let folder = book.parent().map(Path::display).map(|d| d.to_string());
        list = list.push(
            button(
                column![
                    text(name).size(15),
                    widgets::muted(folder.unwrap_or_default()),
                ]
                .spacing(2),
            )
            .width(Length::Fill)
            .padding([4, 8])
            .style(button::text)
            .on_press_maybe((!busy).then(|| Message::OpenRecent(book.clone()))),
        );
    }
    Some(list.into())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::preferences::{Place, Preferences};
    use crate::store::{Access, BookSettings, Store};
    use crate::ui::headless::settle;
    use crate::ui::{App, Message as AppMessage, Options, Tab};

    fn book_at(path: &Path) {
        Store::open_or_create(path, Access::Write, &BookSettings::default()).unwrap();
    }

    fn boot(book: &Path, preferences: &Path) -> App {
        let (mut app, task) = App::boot(Options {
            book: book.to_path_buf(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            preferences: Some(preferences.to_path_buf()),
        });
        settle(&mut app, task);
        app
    }

    #[test]
    fn books_opened_are_listed_to_reopen_and_their_folders_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let preferences = dir.path().join("preferences.json");
        let (first, second) = (
            dir.path().join("first.owed"),
            dir.path().join("second.owed"),
        );
        book_at(&first);
        book_at(&second);
        let app = boot(&first, &preferences);
        assert!(app.open_book().is_some());
        drop(app);
        let mut app = boot(&second, &preferences);
        let listed = Preferences::load(Some(&preferences)).existing_books();
        assert_eq!(listed, [second.clone(), first.clone()], "latest first");

        // Another book, from the welcome screen's list.
        settle(&mut app, iced::Task::done(AppMessage::CloseBook));
        assert!(app.open_book().is_none(), "the welcome screen");
        let mut ui = iced_test::simulator(app.view());
        assert!(ui.find("Recent books").is_ok() && ui.find("first.owed").is_ok());
        drop(ui);
        let task = app.update(AppMessage::Welcome(super::Message::OpenRecent(
            first.clone(),
        )));
        settle(&mut app, task);
        let open = app.open_book().expect("reopened");
        assert_eq!(open.book.path(), Some(first.as_path()));

        // The statements folder used with it is its folder next time.
        let folder = dir.path().join("statements out");
        std::fs::create_dir(&folder).unwrap();
        settle(
            &mut app,
            iced::Task::done(AppMessage::Show(Tab::Statements)),
        );
        let message = crate::ui::statements::Message::Folder(folder.display().to_string());
        settle(&mut app, iced::Task::done(AppMessage::Statements(message)));
        let write = crate::ui::statements::Message::WriteStatements;
        settle(&mut app, iced::Task::done(AppMessage::Statements(write)));
        let saved = Preferences::load(Some(&preferences));
        assert_eq!(saved.place(&first, Place::Statements), Some(folder.clone()));
        assert_eq!(saved.place(&second, Place::Statements), None, "per book");
        drop(app);
        let app = boot(&first, &preferences);
        let open = app.open_book().unwrap();
        assert_eq!(open.statements.folder, folder.display().to_string());
    }
}
