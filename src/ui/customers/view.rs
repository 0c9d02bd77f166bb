//! How the customers screen looks: the toolbar, the table (header, the virtualised rows,
//! totals; the contact dates left out in a narrow window), the selected customer's risk
//! in words and the status line.

use chrono::NaiveDate;
use iced::widget::{
    button, column, container, mouse_area, responsive, row, space, text, text_input,
};
use iced::{Element, Length, Theme};

use super::{Column, Customers, Filter, LIST, Message, Row, SEARCH};
use crate::fl;
use crate::ui::Book;
use crate::ui::widgets;

impl Customers {
    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        if let Some(form) = &self.form {
            return form.view(book).map(Message::Form);
        }
        let filters = row![
            filter_button(fl!("all"), Filter::All, self.filter),
            filter_button(fl!("overdue"), Filter::Overdue, self.filter),
            filter_button(fl!("follow-up-due"), Filter::FollowUpDue, self.filter),
            filter_button(fl!("on-hold-2"), Filter::OnHold, self.filter),
        ]
        .spacing(4);
        // The search takes what the buttons leave, up to 320 wide: in a window 1,024 wide
        // a search of fixed width pushed New customer off the edge.
        let toolbar = row![
            container(
                text_input(&fl!("search-name-or-code"), &self.search)
                    .id(SEARCH)
                    .on_input(Message::Search)
                    .on_submit(Message::OpenSelected)
                    .padding(8)
                    .width(Length::Fill)
            )
            .max_width(320)
            .width(Length::FillPortion(4)),
            filters,
            space::horizontal().width(Length::FillPortion(1)),
            widgets::secondary(
                fl!("edit-customer"),
                self.selected.map(|_| Message::EditSelected)
            ),
            widgets::action(fl!("new-customer"), Some(Message::NewCustomer)),
        ]
        .spacing(12)
        .align_y(iced::Alignment::Center);

        let status: Element<'a, Message> = match (&self.error, self.loading) {
            (Some(error), _) => widgets::danger_text(error.as_str()).into(),
            (None, true) => widgets::muted(fl!("loading")).into(),
            (None, false) => widgets::muted(fl!("select-enter-or-double-click-opens")).into(),
        };

        column![
            text(fl!("customers")).size(24).font(widgets::BOLD),
            toolbar,
            // A narrow window leaves out the contact dates so every figure keeps its
            // width and the names still show.
            responsive(move |size| self.table(book, size.width >= WIDE_TABLE)),
            self.risk_detail(),
            status
        ]
        .spacing(8)
        .into()
    }

    /// The header, the rows and the totals; `wide` shows the contact dates too.
    fn table<'a>(&'a self, book: &'a Book, wide: bool) -> Element<'a, Message> {
        let (sort_column, sort_direction) = self.sort;
        let header = |label: String, column: Column, width: Length, right: bool| {
            widgets::header_cell(
                label,
                width,
                right,
                (sort_column == column).then_some(sort_direction),
                Some(Message::Sort(column)),
            )
        };
        let mut header_row = row![
            header(fl!("code"), Column::Code, CODE, false),
            header(fl!("name"), Column::Name, NAME, false),
            header(fl!("balance"), Column::Balance, MONEY, true),
            header(fl!("overdue"), Column::Overdue, MONEY, true),
            header(fl!("days-late"), Column::Oldest, DAYS, true),
        ];
        if wide {
            header_row = header_row
                .push(header(
                    fl!("last-contact"),
                    Column::LastContact,
                    DATE,
                    false,
                ))
                .push(header(
                    fl!("next-follow-up"),
                    Column::NextFollowUp,
                    DATE,
                    false,
                ));
        }
        let header = container(header_row.extend([
            header(fl!("credit-used"), Column::Credit, CREDIT, true),
            header(fl!("risk"), Column::Risk, RISK, true),
            space().width(widgets::GUTTER).into(),
        ]))
        .style(widgets::band);

        let list = widgets::virtual_list(
            LIST,
            self.visible.len(),
            &self.scroll,
            Message::Scrolled,
            |position| {
                let index = self.visible[position];
                self.row_view(index, position, wide)
            },
        );
        // A new book says what to do first rather than showing an empty table.
        let list: Element<'a, Message> = if self.rows.is_empty() && !self.loading {
            container(widgets::muted(fl!("no-customers-yet-new-customer-adds")))
                .padding(16)
                .height(Length::Fill)
                .into()
        } else {
            list
        };

        let totals = container(row![
            widgets::total_cell(fl!("total"), CODE, false),
            widgets::total_cell(
                // Short, so a narrow window's name column still holds it.
                if self.visible.len() == self.rows.len() {
                    fl!("all-customers-count", all = self.rows.len())
                } else {
                    fl!(
                        "shown-of-all-customers",
                        shown = self.visible.len(),
                        all = self.rows.len()
                    )
                },
                NAME,
                false
            ),
            widgets::total_cell(book.money(self.totals.0), MONEY, true),
            widgets::total_cell(book.money(self.totals.1), MONEY, true),
            space().width(DAYS),
            space().width(if wide { DATE_PAIR } else { Length::Shrink }),
            space().width(CREDIT),
            space().width(RISK),
            space().width(widgets::GUTTER),
        ])
        .style(widgets::band);

        column![header, list, totals].spacing(8).into()
    }

    /// The score on its band's colour, "…" while the scores load.
    fn risk_cell<'a>(&self, row: &'a Row) -> Element<'a, Message> {
        let content: Element<'a, Message> = match &row.risk {
            Some(risk) => crate::ui::risk::badge(risk.score.to_string(), risk.band, 13.0),
            None if self.risks.is_none() => widgets::muted("…").into(),
            None => space().into(),
        };
        container(content)
            .width(RISK)
            .padding([3, 6])
            .align_x(iced::alignment::Horizontal::Right)
            .into()
    }

    /// The selected customer's risk in words, under the list.
    fn risk_detail<'a>(&'a self) -> Element<'a, Message> {
        let Some(row) = self.selected.and_then(|i| self.rows.get(i)) else {
            return space().into();
        };
        match &row.risk {
            Some(risk) => row![
                crate::ui::risk::badge(crate::ui::risk::band_and_score(risk), risk.band, 13.0),
                text(fl!(
                    "code-name-why",
                    code = row.code.as_str(),
                    name = row.name.as_str(),
                    why = crate::ui::risk::reasons_text(risk)
                ))
                .size(13),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center)
            .into(),
            None => widgets::muted(fl!("code-risk-score-loading", code = row.code.as_str())).into(),
        }
    }

    fn row_view<'a>(&'a self, index: usize, position: usize, wide: bool) -> Element<'a, Message> {
        let row_data = &self.rows[index];
        let selected = self.selected == Some(index);
        let days = row_data
            .oldest_days_overdue
            .map(|d| d.to_string())
            .unwrap_or_default();
        let date = |d: Option<NaiveDate>| d.map(|d| self.locale.format_date(d)).unwrap_or_default();
        let overdue = widgets::flagged_amount_cell(
            row_data.overdue_text.as_str(),
            MONEY,
            row_data.overdue.is_positive(),
        );
        let follow_up_due = row_data.next_follow_up.is_some_and(|d| d <= self.today);
        let next: Element<'a, Message> = if follow_up_due {
            container(
                text(date(row_data.next_follow_up))
                    .size(14)
                    .style(|theme: &Theme| text::Style {
                        color: Some(widgets::warning_color(theme)),
                    }),
            )
            .width(DATE)
            .padding([4, 6])
            .into()
        } else {
            widgets::cell(date(row_data.next_follow_up), DATE)
        };
        let mut content = row![
            widgets::cell(row_data.code.as_str(), CODE),
            widgets::name_cell(row_data.name.as_str(), NAME),
            widgets::amount_cell(row_data.balance_text.as_str(), MONEY),
            overdue,
            widgets::amount_cell(days, DAYS),
        ];
        if wide {
            content = content
                .push(widgets::cell(date(row_data.last_contact), DATE))
                .push(next);
        }
        let content = content.extend([
            // On hold or over the limit: no more credit, which the user must see.
            widgets::flagged_amount_cell(
                row_data.credit_text.as_str(),
                CREDIT,
                row_data.on_hold || row_data.over_limit,
            ),
            self.risk_cell(row_data),
        ]);
        mouse_area(
            container(content)
                .width(Length::Fill)
                .style(widgets::row_style(selected, position % 2 == 1)),
        )
        .on_press(Message::Select(index))
        .on_double_click(Message::Open(index))
        .into()
    }
}

const CODE: Length = Length::Fixed(96.0);
const NAME: Length = Length::FillPortion(1);
const MONEY: Length = Length::Fixed(120.0);
const DAYS: Length = Length::Fixed(84.0);
const DATE: Length = Length::Fixed(116.0);
const CREDIT: Length = Length::Fixed(130.0);
const RISK: Length = Length::Fixed(64.0);
/// The two contact dates together, for the totals row.
const DATE_PAIR: Length = Length::Fixed(232.0);
/// The table's width from which the contact dates show: the fixed columns (about 860)
/// and room for names.
const WIDE_TABLE: f32 = 1000.0;

fn filter_button<'a>(label: String, filter: Filter, current: Filter) -> Element<'a, Message> {
    let active = filter == current;
    button(text(label).size(14))
        .padding([6, 10])
        .style(move |theme: &Theme, status| {
            if active {
                button::primary(theme, status)
            } else {
                button::secondary(theme, status)
            }
        })
        .on_press(Message::Filter(filter))
        .into()
}
