//! PLACEHOLDER — replaced by the collection notes screen.
pub mod entry;
use super::{Book, Event};
use iced::{Element, Task};
#[derive(Debug, Clone)]
pub enum Message {}
pub struct Notes;
impl Notes {
    pub fn new(_book: &Book) -> (Notes, Task<Message>) {
        (Notes, Task::none())
    }
    pub fn update(&mut self, message: Message, _book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {}
    }
    pub fn view(&self, _book: &Book) -> Element<'_, Message> {
        iced::widget::text("notes").into()
    }
    pub fn selected_code(&self) -> Option<String> {
        None
    }
    pub fn focus_search(&self) -> Task<Message> {
        Task::none()
    }
    pub fn reload(&mut self, _book: &Book) -> Task<Message> {
        Task::none()
    }
}
