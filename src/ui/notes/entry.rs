//! PLACEHOLDER — replaced by the quick note entry.
use crate::ui::{Book, Event};
use iced::{Element, Task};
#[derive(Debug, Clone)]
pub enum Message {}
pub struct Entry;
impl Entry {
    pub fn new(_customer: Option<String>, _book: &Book) -> (Entry, Task<Message>) {
        (Entry, Task::none())
    }
    pub fn update(&mut self, message: Message, _book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {}
    }
    pub fn view(&self, _book: &Book) -> Element<'_, Message> {
        iced::widget::text("entry").into()
    }
}
