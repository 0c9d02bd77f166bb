//! PLACEHOLDER — replaced by the aging screen.
use super::{Book, Event, screen::ListKey};
use iced::{Element, Task};
#[derive(Debug, Clone)]
pub enum Message {}
pub struct Aging;
impl Aging {
    pub fn new(_book: &Book) -> (Aging, Task<Message>) {
        (Aging, Task::none())
    }
    pub fn update(&mut self, message: Message, _book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {}
    }
    pub fn view(&self, _book: &Book) -> Element<'_, Message> {
        iced::widget::text("aging").into()
    }
    pub fn selected_code(&self) -> Option<String> {
        None
    }
    pub fn list_key(&mut self, _key: ListKey, _book: &Book) -> Task<Message> {
        Task::none()
    }
    pub fn reload(&mut self, _book: &Book) -> Task<Message> {
        Task::none()
    }
}
