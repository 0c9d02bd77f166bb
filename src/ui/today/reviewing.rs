//! The Today screen hosting the credit review form ([`ReviewForm`]): opened by a
//! `review` row's action, shown in place of the list, and closed once the review is
//! recorded, the row then leaving the list.

use iced::Task;

use super::{Message, Today};
use crate::ui::review::{self, ReviewForm};
use crate::ui::{Book, Event};

impl Today {
    pub(super) fn review_loaded(&mut self, result: Result<Box<ReviewForm>, String>) {
        match result {
            Ok(form) => {
                self.error = None;
                self.review = Some(*form);
            }
            Err(error) => self.error = Some(error),
        }
    }

    pub(super) fn review_update(
        &mut self,
        message: review::Message,
        book: &mut Book,
    ) -> (Task<Message>, Option<Event>) {
        let Some(form) = &mut self.review else {
            return (Task::none(), None);
        };
        match form.update(message, book) {
            Some(review::Event::Close) => {
                self.review = None;
                (Task::none(), None)
            }
            Some(review::Event::Reviewed(notice)) => {
                self.review = None;
                self.error = None;
                self.notice = Some(notice);
                self.mark_done(book);
                (Task::none(), Some(Event::BookChanged))
            }
            None => (Task::none(), None),
        }
    }
}
