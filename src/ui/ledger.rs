//! PLACEHOLDER — replaced by the ledger screen.
use iced::{Element, Task};
use super::{Book, Event};
#[derive(Debug, Clone)]
pub enum Message {}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind { Invoice, Payment }
#[derive(Default)]
pub struct Ledger;
impl Ledger {
    pub fn open(&mut self, _code: &str, _book: &Book) -> Task<Message> { Task::none() }
    pub fn open_with_form(&mut self, _code: &str, _form: FormKind, _book: &Book) -> Task<Message> { Task::none() }
    pub fn show_form(&mut self, _form: FormKind, _book: &Book) -> Task<Message> { Task::none() }
    pub fn customer_code(&self) -> Option<String> { None }
    pub fn close_form(&mut self) {}
    pub fn update(&mut self, message: Message, _book: &mut Book) -> (Task<Message>, Option<Event>) { match message {} }
    pub fn view(&self, _book: &Book) -> Element<'_, Message> { iced::widget::text("ledger").into() }
    pub fn reload(&mut self, _book: &Book) -> Task<Message> { Task::none() }
}
