//! How the Today screen looks: the day's figures, the worklist grouped by kind (only the
//! rows in sight are built), and under it the selected row in full with its actions and
//! their keys, or the form one of them opened.

use iced::widget::{
    button, checkbox, column, container, mouse_area, pick_list, row, scrollable, space, text,
    text_input,
};
use iced::{Alignment, Element, Length};

use super::actions::{self, Action};
use super::forms::{FIRST_FIELD, Form, Message as FormMessage, Reach};
use super::{LIST, Line, Message, Today};
use crate::domain::risk::Risk;
use crate::fl;
use crate::report::worklist::{WorkItem, WorkKind};
use crate::ui::Book;
use crate::ui::statements;
use crate::ui::widgets::{self, BOLD};

const CUSTOMER: Length = Length::FillPortion(4);
/// Wide enough for a 13-digit figure with its separators.
const AMOUNT: Length = Length::Fixed(150.0);
const DATE: Length = Length::Fixed(100.0);
const WHAT: Length = Length::FillPortion(5);
/// The panel under the list: the selected row in full, or a form.
const PANEL_HEIGHT: f32 = 190.0;
/// The most a form's panel grows to before it scrolls.
const PANEL_MAX: f32 = 300.0;
/// The panel's padding.
const PANEL_PADDING: f32 = 10.0;

/// A group's heading (the Today screen's and `owed worklist`'s).
pub fn group_label(kind: WorkKind) -> String {
    crate::i18n::work::group_label(kind)
}

/// The row's customer column: code and name, or the payer of unmatched money.
pub fn customer_text(item: &WorkItem) -> String {
    if item.customer.is_empty() {
        fl!("no-customer")
    } else {
        format!("{} · {}", item.customer, item.name)
    }
}

/// What the row is about, in the screen's language; `risk` is the customer's risk for a
/// `risk` row.
pub fn what(item: &WorkItem, risk: Option<&Risk>, book: &Book) -> String {
    crate::i18n::work::work_item_text(item, risk, |m| book.money(m), |d| book.date(d))
}

pub(super) fn view<'a>(today: &'a Today, book: &'a Book) -> Element<'a, Message> {
    let count = today
        .lines
        .iter()
        .filter(|l| matches!(l, Line::Item { .. }))
        .count();
    let title = row![
        text(fl!("today")).size(24).font(BOLD),
        widgets::muted(book.date(book.today)),
        space::horizontal(),
        widgets::secondary(fl!("charge-interest-due"), Some(Message::ChargeInterest)),
        widgets::secondary(fl!("refresh"), Some(Message::Refresh)),
    ]
    .spacing(12)
    .align_y(Alignment::Center);

    let figures: Element<'a, Message> = match &today.list {
        Some(list) => row![
            widgets::figure(fl!("overdue"), book.money(list.totals.overdue)),
            widgets::figure(
                fl!("promised-this-week"),
                book.money(list.totals.promised_this_week)
            ),
            widgets::figure(fl!("in-dispute-2"), book.money(list.totals.disputed)),
            widgets::figure(fl!("to-do"), crate::i18n::count_text(count)),
        ]
        .spacing(32)
        .wrap()
        .into(),
        None => space().height(40).into(),
    };

    let header =
        |label: String, width: Length| widgets::header_cell(label, width, false, None, None);
    let header = container(row![
        header(fl!("customer"), CUSTOMER),
        header(fl!("amount"), AMOUNT),
        header(fl!("date"), DATE),
        header(fl!("what"), WHAT),
        space().width(widgets::GUTTER),
    ])
    .style(widgets::band);

    let list: Element<'a, Message> = if today.lines.is_empty() && !today.loading {
        let empty = match &today.list {
            Some(_) => fl!("nothing-to-do-today-nobody-is"),
            None => fl!("loading"),
        };
        container(widgets::muted(empty))
            .padding(12)
            .height(Length::Fill)
            .into()
    } else {
        widgets::virtual_list(
            LIST,
            today.lines.len(),
            &today.scroll,
            Message::Scrolled,
            |position| line_view(today, position),
        )
    };

    let status: Element<'a, Message> = match (&today.error, &today.notice, today.loading) {
        (Some(error), _, _) => widgets::danger_text(error.as_str()).into(),
        (None, Some(notice), _) => text(notice.as_str()).size(14).into(),
        (None, None, true) => widgets::muted(fl!("loading")).into(),
        (None, None, false) => widgets::muted(fl!("choose-a-row-enter-does-its")).into(),
    };

    column![title, figures, header, list, panel_box(today, book), status,]
        .spacing(8)
        .into()
}

fn line_view<'a>(today: &'a Today, position: usize) -> Element<'a, Message> {
    match &today.lines[position] {
        Line::Group { kind, count, total } => container(
            row![
                container(
                    text(format!(
                        "{} ({})",
                        group_label(*kind),
                        crate::i18n::count_text(*count)
                    ))
                    .size(14)
                    .font(BOLD)
                )
                .width(CUSTOMER)
                .padding([4, 6]),
                widgets::total_cell(total.as_str(), AMOUNT, true),
                space().width(DATE),
                space().width(WHAT),
            ]
            .align_y(Alignment::Center),
        )
        .style(widgets::band)
        .into(),
        Line::Item {
            customer,
            amount,
            date,
            what,
            ..
        } => {
            let selected = today.selected == Some(position);
            mouse_area(
                container(row![
                    widgets::name_cell(customer.as_str(), CUSTOMER),
                    widgets::amount_cell(amount.as_str(), AMOUNT),
                    widgets::cell(date.as_str(), DATE),
                    widgets::name_cell(what.as_str(), WHAT),
                ])
                .style(widgets::row_style(selected, position % 2 == 1)),
            )
            .on_press(Message::Select(position))
            .into()
        }
    }
}

/// The selected row in full with its actions, or the open form.
/// The panel in its box. It keeps its height as rows are chosen, so the list does not
/// jump; a form taller than that (many addresses, a warning wrapped in a narrow window)
/// grows it, up to [`PANEL_MAX`], and scrolls past that: its buttons are never cut off.
fn panel_box<'a>(today: &'a Today, book: &'a Book) -> Element<'a, Message> {
    let boxed = match &today.form {
        // The charges to confirm scroll in their own list, the buttons kept in sight.
        None | Some(Form::Interest { .. }) => container(panel(today, book)).height(PANEL_HEIGHT),
        Some(_) => {
            // A strut as tall as the fixed panel: the form's box is never shorter.
            let strut = space().height(PANEL_HEIGHT - 2.0 * PANEL_PADDING);
            let content = row![strut, container(panel(today, book)).width(Length::Fill)];
            container(scrollable(content).height(Length::Shrink)).max_height(PANEL_MAX)
        }
    };
    boxed
        .width(Length::Fill)
        .padding(PANEL_PADDING)
        .style(widgets::panel)
        .into()
}

fn panel<'a>(today: &'a Today, book: &'a Book) -> Element<'a, Message> {
    if let Some(form) = &today.form {
        return form_view(form, book);
    }
    let Some((line, item)) = today
        .selected
        .and_then(|line| Some((line, today.selected_item()?)))
    else {
        return widgets::muted(fl!("choose-a-row-to-see-what")).into();
    };
    let what = match &today.lines[line] {
        Line::Item { what, .. } => what.as_str(),
        Line::Group { .. } => "",
    };
    let buttons = actions::of(item)
        .into_iter()
        .enumerate()
        .fold(row![].spacing(6), |buttons, (n, action)| {
            buttons.push(action_button(line, action, n == 0))
        })
        .wrap();
    let amount = item.amount.map(|a| book.money(a)).unwrap_or_default();
    column![
        // The amount keeps its width; a long name wraps beside it, never over it.
        row![
            text(group_label(item.kind)).size(13),
            text(customer_text(item))
                .size(16)
                .font(BOLD)
                .width(Length::Fill),
            text(amount)
                .size(16)
                .font(BOLD)
                .wrapping(iced::widget::text::Wrapping::None),
        ]
        .spacing(12)
        .align_y(Alignment::Center),
        scrollable(text(what).size(14)).height(Length::Fixed(44.0)),
        buttons,
    ]
    .spacing(8)
    .into()
}

fn action_button<'a>(line: usize, action: Action, first: bool) -> Element<'a, Message> {
    let key = if first {
        format!("Enter / {}", action.key().to_ascii_uppercase())
    } else {
        action.key().to_ascii_uppercase().to_string()
    };
    let label = row![text(action.label()).size(14), widgets::muted(key)]
        .spacing(6)
        .align_y(Alignment::Center);
    let style = if first {
        button::primary
    } else {
        button::secondary
    };
    button(label)
        .padding([5, 10])
        .style(style)
        .on_press(Message::Act(line, action))
        .into()
}

fn form_view<'a>(form: &'a Form, book: &'a Book) -> Element<'a, Message> {
    let submit = || Message::Form(FormMessage::Submit);
    let close = Message::Form(FormMessage::Cancel);
    let error_line = |error: &'a Option<String>| -> Element<'a, Message> {
        match error {
            Some(e) => widgets::danger_text(e.as_str()).into(),
            None => space().into(),
        }
    };
    match form {
        Form::Dispute {
            name,
            choices,
            chosen,
            reason,
            error,
            ..
        } => column![
            widgets::form_title(fl!("open-a-dispute"), close),
            row![
                text(name.as_str()).size(14).font(BOLD),
                pick_list(choices.as_slice(), chosen.clone(), |c| Message::Form(
                    FormMessage::Chosen(c)
                ))
                .text_size(14)
                .padding(6),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
            row![
                text(fl!("reason")).size(14).width(Length::Fixed(120.0)),
                text_input(&fl!("what-the-customer-disputes"), reason)
                    .id(FIRST_FIELD)
                    .on_input(|s| Message::Form(FormMessage::Reason(s)))
                    .on_submit(submit())
                    .padding(6)
                    .size(14),
                widgets::action(fl!("open-dispute"), Some(submit())),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
            error_line(error),
        ]
        .spacing(8)
        .into(),
        Form::Pause {
            name,
            until,
            reason,
            error,
            ..
        } => column![
            widgets::form_title(fl!("pause-letters"), close),
            text(fl!("no-letter-goes-to-name-until", name = name)).size(14),
            row![
                text(fl!("until")).size(14).width(Length::Fixed(120.0)),
                text_input("YYYY-MM-DD", until)
                    .on_input(|s| Message::Form(FormMessage::Until(s)))
                    .on_submit(submit())
                    .padding(6)
                    .size(14)
                    .width(Length::Fixed(130.0)),
                text(fl!("reason")).size(14),
                text_input(&fl!("why-the-letters-wait"), reason)
                    .id(FIRST_FIELD)
                    .on_input(|s| Message::Form(FormMessage::Reason(s)))
                    .on_submit(submit())
                    .padding(6)
                    .size(14),
                widgets::action(fl!("pause"), Some(submit())),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
            error_line(error),
        ]
        .spacing(8)
        .into(),
        Form::Resolve {
            what,
            outcome,
            credit,
            error,
            ..
        } => column![
            widgets::form_title(fl!("resolve-dispute"), close),
            text(what.as_str()).size(14),
            row![
                text(fl!("outcome")).size(14).width(Length::Fixed(120.0)),
                text_input(&fl!("what-was-agreed"), outcome)
                    .id(FIRST_FIELD)
                    .on_input(|s| Message::Form(FormMessage::Outcome(s)))
                    .on_submit(submit())
                    .padding(6)
                    .size(14),
                text(fl!("credit-note")).size(14),
                text_input(
                    &book.currency().editable(crate::domain::Money::ZERO),
                    credit
                )
                .on_input(|s| Message::Form(FormMessage::Credit(s)))
                .on_submit(submit())
                .padding(6)
                .size(14)
                .width(Length::Fixed(130.0)),
                widgets::action(fl!("resolve"), Some(submit())),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
            widgets::muted(fl!("leave-the-credit-note-empty-when")),
            error_line(error),
        ]
        .spacing(8)
        .into(),
        Form::Interest { charges, error } => {
            let total: crate::domain::Money = charges.iter().map(|c| c.amount).sum();
            let customers = charges
                .iter()
                .map(|c| c.customer.as_str())
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            let summary = if charges.is_empty() {
                fl!("nothing-to-charge-today-no-item")
            } else {
                fl!(
                    "count-charges-for-customers-customers-amount",
                    count = charges.len(),
                    customers = customers,
                    amount = book.money(total)
                )
            };
            let lines = charges
                .iter()
                .map(|c| {
                    fl!(
                        "customer-item-seq-from-to-to",
                        customer = c.customer.as_str(),
                        item = c.number.as_str(),
                        seq = c.seq.to_string(),
                        from = c.from.to_string(),
                        to = c.to.to_string(),
                        days = c.days,
                        principal = book.money(c.principal),
                        amount = book.money(c.amount)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            let confirm = (!charges.is_empty()).then(submit);
            column![
                widgets::form_title(fl!("charge-interest-due-2"), close),
                text(summary).size(14),
                scrollable(text(lines).size(13)).height(Length::Fill),
                row![
                    widgets::action(fl!("charge"), confirm),
                    widgets::secondary(fl!("cancel"), Some(Message::Form(FormMessage::Cancel))),
                ]
                .spacing(8),
                error_line(error),
            ]
            .spacing(6)
            .into()
        }
        Form::Send {
            name,
            level,
            folder,
            reach,
            email,
            error,
            ..
        } => column![
            widgets::form_title(fl!("send-letter"), close),
            text(fl!(
                "send-the-level-level-letter-title",
                level = level.number().to_string(),
                title = statements::level_name(*level),
                name = name,
                folder = folder.display().to_string()
            ))
            .size(14),
            reach_line(reach, *email, name),
            row![
                widgets::action(fl!("send"), Some(submit())),
                widgets::secondary(fl!("cancel"), Some(Message::Form(FormMessage::Cancel))),
            ]
            .spacing(8),
            error_line(error),
        ]
        .spacing(8)
        .into(),
    }
}

/// How the letter will reach the customer: the box to email it too (with a word when the
/// server is not set up), or why it goes only on paper.
fn reach_line<'a>(reach: &'a Reach, email: bool, name: &str) -> Element<'a, Message> {
    match reach {
        Reach::Email { to, set_up } => {
            let tick = checkbox(email)
                .label(fl!("ui-today-email-it", to = to.as_str()))
                .on_toggle(|on| Message::Form(FormMessage::Email(on)))
                .size(16)
                .text_size(14);
            if email && !set_up {
                column![tick, widgets::muted(fl!("ui-today-email-not-set-up"))]
                    .spacing(4)
                    .into()
            } else {
                tick.into()
            }
        }
        Reach::PostWanted => widgets::muted(fl!("ui-today-by-post", name = name)).into(),
        Reach::NoAddress => widgets::muted(fl!("ui-today-no-billing-email", name = name)).into(),
    }
}
