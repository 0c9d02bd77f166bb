//! The aging screen: what each customer owes, sorted into buckets by days past due (or
//! since the invoice date) as of any date, with a bar chart of the bucket totals above a
//! virtualised table that opens into each customer's open items, an export to CSV and
//! the same figures as a PDF to print (beside the CSV, written on a worker thread).
//!
//! The report is queried on a worker thread; `update` turns it into a flat list of
//! display lines (customers in sort order, each followed by its items when expanded), so
//! `view` only builds the lines in view even for tens of thousands of customers.

mod chart;
mod controls;
mod data;
mod export;
mod table;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use iced::widget::{column, responsive, row, scrollable, space, text};
use iced::{Element, Length, Task};

use super::screen::ListKey;
use super::widgets::{self, Direction, Scroll};
use super::{Book, Event};
use crate::domain::aging::{Basis, Buckets};
use crate::fl;
use crate::preferences::Place;
use crate::report::AgingOptions;
use crate::ui::errors::Described;
pub use data::{Customer, Report, load};

const LIST: &str = "aging-list";

#[derive(Debug, Clone)]
pub enum Message {
    /// A report arrived for the request with this generation.
    Loaded(u64, Result<Arc<Report>, String>),
    AsOf(String),
    /// The as-of date's calendar; a day picked there is typed as the date.
    AsOfPick(widgets::date_picker::Message),
    AsOfToday,
    AsOfEndOfLastMonth,
    AsOfMonthBack,
    Buckets(String),
    Basis(Basis),
    Sort(Column),
    Scrolled(scrollable::Viewport),
    /// Show or hide a customer's open items.
    Toggle(String),
    Select(String),
    Open(String),
    OpenSelected,
    ExportPath(String),
    ChooseExportPath,
    ChosenExportPath(Option<PathBuf>),
    Export,
    /// Rows written and where, or why not.
    Exported(Result<(usize, PathBuf), String>),
    /// Write the report shown as a PDF beside the export path (`aging-….pdf`).
    SavePdf,
    /// Where the PDF went, or why not.
    PdfSaved(Result<PathBuf, String>),
}

/// A column of the table, to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    Code,
    Name,
    Balance,
    /// The bucket at this position in the report's columns.
    Bucket(usize),
    Unapplied,
}

/// One line of the table: a customer (an index into [`Report::customers`]) or one of
/// its open items (an index into its row's items).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Customer(usize),
    Item(usize, usize),
}

/// The aging report as of a date, with the inputs that choose it.
pub struct Aging {
    as_of_text: String,
    as_of_error: Option<String>,
    as_of_picker: widgets::DatePicker,
    buckets_text: String,
    buckets_error: Option<String>,
    /// The last valid choice of date, basis and buckets: what is shown or being loaded.
    options: AgingOptions,
    /// Bumped by every request; a result carrying an older number is stale.
    generation: u64,
    loading: bool,
    error: Option<String>,
    report: Option<Arc<Report>>,
    /// The table's columns and the chart's bars, measured for the report.
    widths: table::Widths,
    chart_slot: f32,
    /// Customers in sort order, by index into the report's customers.
    order: Vec<usize>,
    lines: Vec<Line>,
    /// Codes of the customers whose items show; kept across reloads.
    expanded: HashSet<String>,
    selected: Option<String>,
    sort: (Column, Direction),
    scroll: Scroll,
    export_path: String,
    /// The folder exports go to unless a path is typed: the last one used with the book.
    export_folder: Option<PathBuf>,
    /// While false the path follows the as-of date; typing or choosing one fixes it.
    export_path_chosen: bool,
    exporting: bool,
    export_status: Option<Result<String, String>>,
}

impl Aging {
    pub fn new(book: &Book) -> (Aging, Task<Message>) {
        // Read once: it is the preferences file on disk.
        let export_folder = book.remembered(Place::Exports);
        let options = AgingOptions {
            as_of: book.today,
            basis: Basis::Due,
            buckets: Buckets::default(),
            detail: true,
        };
        let mut screen = Aging {
            as_of_text: book.today.to_string(),
            as_of_error: None,
            as_of_picker: widgets::DatePicker::default(),
            buckets_text: bounds_text(&options.buckets),
            buckets_error: None,
            export_path: export::default_path(book.today, export_folder.as_deref())
                .display()
                .to_string(),
            export_folder,
            options,
            generation: 0,
            loading: false,
            error: None,
            report: None,
            widths: table::Widths::default(),
            chart_slot: 0.0,
            order: Vec::new(),
            lines: Vec::new(),
            expanded: HashSet::new(),
            selected: None,
            sort: (Column::Code, Direction::Ascending),
            scroll: Scroll::default(),
            export_path_chosen: false,
            exporting: false,
            export_status: None,
        };
        let task = screen.reload(book);
        (screen, task)
    }

    /// Queries the report for the current options again.
    pub fn reload(&mut self, book: &Book) -> Task<Message> {
        self.generation += 1;
        self.loading = true;
        let generation = self.generation;
        let options = self.options.clone();
        book.read(
            move |store| load(store, &options),
            move |result| Message::Loaded(generation, result),
        )
    }

    pub fn selected_code(&self) -> Option<String> {
        self.selected.clone()
    }

    /// The report shown: the last one that loaded for a valid choice.
    pub fn report(&self) -> Option<&Report> {
        self.report.as_deref()
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    pub fn as_of_error(&self) -> Option<&str> {
        self.as_of_error.as_deref()
    }

    pub fn buckets_error(&self) -> Option<&str> {
        self.buckets_error.as_deref()
    }

    pub fn export_path(&self) -> &str {
        &self.export_path
    }

    /// "Exported N rows to PATH", or why not, once an export has finished.
    pub fn export_status(&self) -> Option<&Result<String, String>> {
        self.export_status.as_ref()
    }

    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// Esc closes the as-of date's calendar; whether it was open.
    pub fn close_calendar(&mut self) -> bool {
        self.as_of_picker.close()
    }

    pub fn update(&mut self, message: Message, book: &mut Book) -> (Task<Message>, Option<Event>) {
        match message {
            Message::Loaded(generation, _) if generation != self.generation => {}
            Message::Loaded(_, Ok(report)) => {
                self.loading = false;
                self.error = None;
                if let Column::Bucket(i) = self.sort.0
                    && i >= report.labels().len()
                {
                    self.sort = (Column::Code, Direction::Ascending);
                }
                self.widths = table::Widths::measure(&report, book);
                self.chart_slot = chart::slot_width(&report, book);
                self.report = Some(report);
                self.rebuild();
            }
            Message::Loaded(_, Err(error)) => {
                self.loading = false;
                self.error = Some(error);
            }
            Message::AsOf(text) => {
                self.as_of_text = text;
                return (self.as_of_changed(book), None);
            }
            Message::AsOfPick(m) => {
                if let Some(day) = self.as_of_picker.update(m, &self.as_of_text, book.today) {
                    return self.update(Message::AsOf(day.to_string()), book);
                }
            }
            Message::AsOfToday => return (self.set_as_of(book.today, book), None),
            Message::AsOfEndOfLastMonth => {
                return (
                    self.set_as_of(controls::end_of_last_month(book.today), book),
                    None,
                );
            }
            Message::AsOfMonthBack => {
                let date = controls::month_back(self.options.as_of);
                return (self.set_as_of(date, book), None);
            }
            Message::Buckets(text) => {
                self.buckets_text = text;
                match self.buckets_text.parse::<Buckets>() {
                    Ok(buckets) => {
                        self.buckets_error = None;
                        if buckets != self.options.buckets {
                            self.options.buckets = buckets;
                            return (self.reload(book), None);
                        }
                    }
                    Err(error) => self.buckets_error = Some(error.described()),
                }
            }
            Message::Basis(basis) if basis != self.options.basis => {
                self.options.basis = basis;
                return (self.reload(book), None);
            }
            Message::Basis(_) => {}
            Message::Sort(column) => {
                self.sort = if self.sort.0 == column {
                    (column, self.sort.1.flip())
                } else {
                    (column, Direction::Ascending)
                };
                self.rebuild();
                // The selected customer moved: follow it rather than leave it off screen.
                return (self.show_selected(), None);
            }
            Message::Scrolled(viewport) => self.scroll = Scroll::from_viewport(viewport),
            Message::Toggle(code) => {
                if !self.expanded.remove(&code) {
                    self.expanded.insert(code.clone());
                }
                self.selected = Some(code);
                self.rebuild();
            }
            Message::Select(code) => self.selected = Some(code),
            Message::Open(code) => {
                self.selected = Some(code.clone());
                return (Task::none(), Some(Event::OpenLedger(code)));
            }
            Message::OpenSelected => {
                return (Task::none(), self.selected.clone().map(Event::OpenLedger));
            }
            Message::ExportPath(path) => {
                self.export_path = path;
                self.export_path_chosen = true;
            }
            Message::ChooseExportPath => return (export::choose(&self.export_path), None),
            Message::ChosenExportPath(Some(path)) => {
                self.export_path = path.display().to_string();
                self.export_path_chosen = true;
            }
            Message::ChosenExportPath(None) => {
                self.export_status = Some(Err(fl!("no-file-was-chosen-or-this")));
            }
            Message::Export => return (self.export(book), None),
            Message::SavePdf => return (self.save_pdf(book), None),
            Message::PdfSaved(result) => {
                self.exporting = false;
                self.export_status =
                    Some(result.map(|path| {
                        fl!("wrote-the-pdf-to-path", path = path.display().to_string())
                    }));
            }
            Message::Exported(result) => {
                self.exporting = false;
                // The next export (of this book, also after a restart) starts there.
                if let Ok((_, path)) = &result
                    && let Some(folder) = path.parent()
                {
                    book.remember(Place::Exports, folder);
                    self.export_folder = Some(folder.to_path_buf());
                }
                self.export_status = Some(result.map(|(rows, path)| {
                    fl!(
                        "exported-rows-rows-to-path",
                        rows = rows,
                        path = path.display().to_string()
                    )
                }));
            }
        }
        (Task::none(), None)
    }

    fn as_of_changed(&mut self, book: &Book) -> Task<Message> {
        let typed = self.as_of_text.trim();
        let parsed = crate::domain::parse_date(typed).and_then(|date| {
            // chrono reads "2026-02-3" as the 3rd: a date still being typed must not
            // load the report for a day the user is only passing through.
            if date.to_string() == typed {
                Ok(date)
            } else {
                Err(crate::domain::DateError::NotADate(typed.to_string()))
            }
        });
        match parsed {
            Ok(date) => {
                self.as_of_error = None;
                if date == self.options.as_of {
                    return Task::none();
                }
                self.options.as_of = date;
                self.follow_as_of();
                self.reload(book)
            }
            Err(error) => {
                self.as_of_error = Some(error.described());
                Task::none()
            }
        }
    }

    fn set_as_of(&mut self, date: NaiveDate, book: &Book) -> Task<Message> {
        self.as_of_text = date.to_string();
        self.as_of_changed(book)
    }

    /// Keeps the suggested export file named after the date shown, until the user picks one.
    fn follow_as_of(&mut self) {
        if !self.export_path_chosen {
            self.export_path =
                export::default_path(self.options.as_of, self.export_folder.as_deref())
                    .display()
                    .to_string();
        }
    }

    /// Puts the customers in sort order and lays out the lines, expanded items included.
    fn rebuild(&mut self) {
        let Some(report) = &self.report else {
            self.order.clear();
            self.lines.clear();
            return;
        };
        let (column, direction) = self.sort;
        self.order = (0..report.customers.len()).collect();
        if column != Column::Code {
            self.order.sort_by(|a, b| {
                let order = data::compare(report, column, *a, *b).then(a.cmp(b));
                match direction {
                    Direction::Ascending => order,
                    Direction::Descending => order.reverse(),
                }
            });
        } else if direction == Direction::Descending {
            // Customers arrive in code order.
            self.order.reverse();
        }
        self.lines.clear();
        for &index in &self.order {
            self.lines.push(Line::Customer(index));
            if self.expanded.contains(&report.customers[index].code) {
                let items = report.row(index).items.len();
                self.lines
                    .extend((0..items).map(|item| Line::Item(index, item)));
            }
        }
    }

    /// Up/Down/PageUp/PageDown move the selection among customers; Enter opens the ledger.
    pub fn list_key(&mut self, key: ListKey, _book: &Book) -> Task<Message> {
        let Some(report) = &self.report else {
            return Task::none();
        };
        if self.order.is_empty() {
            return Task::none();
        }
        let position = self
            .selected
            .as_deref()
            .and_then(|code| report.position(code))
            .and_then(|index| self.order.iter().position(|i| *i == index));
        let Some(next) = self.scroll.step(key, position, self.order.len()) else {
            return Task::done(Message::OpenSelected);
        };
        self.selected = Some(report.customers[self.order[next]].code.clone());
        self.show_selected()
    }

    /// Scrolls the selected customer's line into view, if it is not.
    fn show_selected(&self) -> Task<Message> {
        let (Some(report), Some(code)) = (&self.report, &self.selected) else {
            return Task::none();
        };
        let Some(index) = report.position(code) else {
            return Task::none();
        };
        let line = self.lines.iter().position(|l| *l == Line::Customer(index));
        match line {
            Some(line) => self.scroll.reveal(LIST, line),
            None => Task::none(),
        }
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        let open = self.selected.as_ref().map(|_| Message::OpenSelected);
        let first = row![
            text(fl!("aging")).size(24).font(widgets::BOLD),
            space().width(8),
            controls::as_of(self, book.today),
            space::horizontal(),
            widgets::secondary(fl!("open-ledger"), open),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        let second = row![
            controls::buckets(self),
            space::horizontal(),
            self.report_status()
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center);
        let hint: Element<'a, Message> = match self.export_status {
            Some(_) => space().into(),
            None => widgets::muted(fl!("shows-a-customer-s-items-double")).into(),
        };
        let last = row![export::view(self), space::horizontal(), hint]
            .spacing(8)
            .align_y(iced::Alignment::Center);
        // The chart and the table lay themselves out for the width they are given.
        let report = responsive(move |size| {
            let mut report = column![].spacing(8);
            if let Some(shown) = &self.report {
                report = report.push(chart::view(shown, book, size.width, self.chart_slot));
            }
            report.push(table::view(self, book, size.width)).into()
        });
        column![first, second, report, last]
            .spacing(8)
            .height(Length::Fill)
            .into()
    }

    /// Loading, or why the report could not be made; the figures say the rest.
    fn report_status(&self) -> Element<'_, Message> {
        match (&self.error, self.loading) {
            (Some(error), _) => widgets::danger_text(error.as_str()).into(),
            (None, true) => widgets::muted(fl!("loading")).into(),
            (None, false) => space().into(),
        }
    }
}

/// A bucket's label in the screens' language ("Current"; day ranges need none).
fn label(column: &str) -> String {
    if column == "Current" {
        fl!("current")
    } else {
        column.to_string()
    }
}

/// The bucket bounds as typed, e.g. `30,60,90`.
fn bounds_text(buckets: &Buckets) -> String {
    let bounds: Vec<String> = buckets.bounds().iter().map(u32::to_string).collect();
    bounds.join(",")
}
