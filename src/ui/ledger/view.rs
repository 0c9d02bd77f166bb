//! How the ledger screen looks: header, actions, the virtualised ledger with opening and
//! closing balance, and beside it the open items and the notes timeline.

use iced::widget::{
    Column, column, container, mouse_area, responsive, row, scrollable, space, text, text_input,
};
use iced::{Element, Length, Theme};

use super::{Data, Form, FormKind, Ledger, Message, range_bound};
use crate::domain::risk::Risk;
use crate::fl;
use crate::store::{AuditAction, AuditEntry, EntrySays};
use crate::ui::Book;
use crate::ui::widgets::{self, BOLD};

const LIST: &str = "ledger-list";
const DATE: Length = Length::Fixed(DATE_WIDTH);
const KIND: Length = Length::Fixed(KIND_WIDTH);
const NUMBER: Length = Length::Fixed(NUMBER_WIDTH);
/// The open items and notes beside the table.
const SIDE_WIDTH: f32 = 290.0;
/// The least the memo is given before the open items go beneath the table.
const MIN_MEMO: f32 = 60.0;
const DATE_WIDTH: f32 = 92.0;
const KIND_WIDTH: f32 = 78.0;
const NUMBER_WIDTH: f32 = 108.0;
const MEMO: Length = Length::Fill;
/// Open items and notes shown beside the ledger; the rest is counted.
const SIDE_LIMIT: usize = 100;

pub fn screen<'a>(ledger: &'a Ledger, book: &'a Book) -> Element<'a, Message> {
    let Some(data) = &ledger.data else {
        let message = match (&ledger.error, &ledger.code) {
            (Some(error), _) => widgets::danger_text(error.as_str()),
            (None, Some(_)) => widgets::muted(fl!("loading")),
            (None, None) => widgets::muted(fl!("pick-a-customer-on-the-customers")),
        };
        return column![text(fl!("ledger")).size(24).font(BOLD), message]
            .spacing(12)
            .into();
    };
    let body: Element<'a, Message> = match &ledger.form {
        Some(Form::Debit(form)) => form.view(book).map(Message::Debit),
        Some(Form::Credit(form)) => form.view(book).map(Message::Credit),
        Some(Form::Void(form)) => form.view(book).map(Message::Void),
        // The table's figures keep their width: when the table and the open items
        // beside it do not both fit, the open items and notes go beneath it.
        None => responsive(move |size| {
            let needs = DATE_WIDTH
                + KIND_WIDTH
                + NUMBER_WIDTH
                + 3.0 * data.money_width
                + MIN_MEMO
                + widgets::GUTTER;
            if size.width >= needs + 16.0 + SIDE_WIDTH {
                row![
                    container(table(ledger, data, book)).width(Length::Fill),
                    container(side(data, book)).width(Length::Fixed(SIDE_WIDTH)),
                ]
                .spacing(16)
                .into()
            } else {
                column![
                    container(table(ledger, data, book)).height(Length::FillPortion(3)),
                    container(side(data, book)).height(Length::FillPortion(2)),
                ]
                .spacing(12)
                .into()
            }
        })
        .into(),
    };
    // Its line is kept when empty: posting never moves the ledger under the pointer.
    let notice = widgets::status_line(match (&ledger.notice, &ledger.error) {
        (_, Some(error)) => Some(widgets::Status::Failed(error.clone())),
        (Some(notice), None) => Some(widgets::Status::Done(notice.clone())),
        (None, None) => None,
    });
    // Beside the name, not in the row of actions: that row has no room left at 1024
    // pixels, and a second line of buttons would squeeze the forms under it.
    let review = ledger.form.is_none().then_some(Message::OpenReview);
    column![header(data, book, review), actions(ledger), notice, body]
        .spacing(10)
        .into()
}

/// The customer's address on one line (its envelope lines joined), or nothing.
fn address_line<'a>(address: Option<&str>) -> Element<'a, Message> {
    let lines: Vec<&str> = address
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    if lines.is_empty() {
        return space().height(0).into();
    }
    widgets::muted(lines.join(" · ")).into()
}

fn header<'a>(data: &'a Data, book: &'a Book, review: Option<Message>) -> Element<'a, Message> {
    let customer = &data.customer;
    let contact: Vec<&str> = [&customer.code]
        .into_iter()
        .chain([&customer.contact, &customer.phone].into_iter().flatten())
        .map(String::as_str)
        .collect();
    // How its statements and letters go, and to which addresses: the way first, so a
    // line cut with "…" (whole on hover) where several addresses make it long says it.
    let billing = crate::i18n::words::send_by_line(customer.send_by, &customer.addresses());
    let limit = match customer.credit_limit {
        Some(limit) if limit.is_positive() => {
            let used = (data.balance.0 * rust_decimal::Decimal::ONE_HUNDRED / limit.0)
                .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            fl!(
                "limit-used-used",
                limit = book.money(limit),
                used = used.to_string()
            )
        }
        Some(limit) => book.money(limit),
        None => fl!("none"),
    };
    let hold: Element<'a, Message> = if customer.on_hold {
        container(text(fl!("on-hold-3")).size(13).font(BOLD))
            .padding([2, 8])
            .style(|theme: &Theme| iced::widget::container::Style {
                background: Some(theme.palette().danger.into()),
                text_color: Some(iced::Color::WHITE),
                border: iced::Border {
                    radius: 4.0.into(),
                    ..Default::default()
                },
                ..Default::default()
            })
            .into()
    } else {
        space().into()
    };
    let overdue_color = data.overdue.is_positive();
    row![
        column![
            row![
                text(customer.name.as_str()).size(24).font(BOLD),
                hold,
                widgets::secondary(fl!("credit-review"), review),
            ]
            .spacing(10)
            .align_y(iced::Alignment::Center)
            .wrap()
            .vertical_spacing(4),
            widgets::muted(contact.join(" · ")),
            address_line(customer.address.as_deref()),
            widgets::fitted_muted_line(billing, 13.0, 18.0),
            widgets::muted(fl!(
                "terms-terms-credit-limit-limit",
                terms = customer.terms.to_string(),
                limit = limit.as_str()
            )),
            risk_line(&data.risk),
        ]
        .spacing(2)
        .width(Length::Fill),
        widgets::figure(fl!("balance"), book.money(data.balance)),
        column![
            widgets::muted(fl!("overdue")),
            text(book.money(data.overdue))
                .size(16)
                .font(BOLD)
                .style(move |theme: &Theme| text::Style {
                    color: overdue_color.then(|| widgets::warning_color(theme)),
                }),
        ]
        .spacing(2),
        widgets::figure(fl!("unapplied-credit"), book.money(data.unapplied)),
    ]
    .spacing(28)
    .align_y(iced::Alignment::Center)
    .into()
}

/// The score on its band's colour and the reasons in words.
fn risk_line<'a>(risk: &Risk) -> Element<'a, Message> {
    row![
        crate::ui::risk::badge(
            fl!(
                "risk-band-score",
                band = crate::ui::risk::band_name(risk.band),
                score = risk.score.to_string()
            ),
            risk.band,
            12.0,
        ),
        widgets::muted(crate::ui::risk::reasons_text(risk)),
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center)
    .into()
}

fn actions(ledger: &Ledger) -> Element<'_, Message> {
    let idle = ledger.form.is_none();
    let show = |kind: FormKind| idle.then_some(Message::Show(kind));
    row![
        widgets::action(fl!("new-invoice-ctrl-n"), show(FormKind::Invoice)),
        widgets::action(fl!("record-payment-ctrl-p"), show(FormKind::Payment)),
        widgets::secondary(fl!("credit-note"), show(FormKind::Credit)),
        widgets::secondary(fl!("write-off"), show(FormKind::WriteOff)),
        widgets::secondary(fl!("fee"), show(FormKind::Fee)),
        widgets::secondary(fl!("void"), show(FormKind::Void)),
        widgets::secondary(fl!("log-a-note-ctrl-l"), Some(Message::LogNote)),
    ]
    .spacing(6)
    // A narrow window puts the last buttons on a second line rather than squeezing
    // each label onto three.
    .wrap()
    .vertical_spacing(6)
    .into()
}

fn table<'a>(ledger: &'a Ledger, data: &'a Data, book: &'a Book) -> Element<'a, Message> {
    let range_field = |label: String,
                       id: &'static str,
                       value: &'a str,
                       on: fn(String) -> Message,
                       picker: &widgets::DatePicker,
                       pick: fn(widgets::date_picker::Message) -> Message| {
        let problem = range_bound(value).err();
        let input = text_input("YYYY-MM-DD", value)
            .id(id)
            .on_input(on)
            .padding(5)
            .size(14)
            .width(Length::Fixed(120.0));
        row![
            text(label).size(14),
            picker.view(input, value, book.today, pick),
            widgets::danger_text(problem.unwrap_or_default()),
        ]
        .spacing(6)
        .align_y(iced::Alignment::Center)
    };
    let range = row![
        range_field(
            fl!("from"),
            "ledger-from",
            &ledger.from,
            Message::From,
            &ledger.from_picker,
            Message::FromPick,
        ),
        range_field(
            fl!("to"),
            "ledger-to",
            &ledger.to,
            Message::To,
            &ledger.to_picker,
            Message::ToPick,
        ),
        space::horizontal(),
        widgets::muted(fl!("n-documents", n = data.lines.len())),
    ]
    .spacing(12)
    .align_y(iced::Alignment::Center);
    let h = |label: String, width: Length, right: bool| {
        widgets::header_cell(label, width, right, None, None)
    };
    let money = Length::Fixed(data.money_width);
    let header = container(row![
        h(fl!("date"), DATE, false),
        h(fl!("kind"), KIND, false),
        h(fl!("number"), NUMBER, false),
        h(fl!("debit"), money, true),
        h(fl!("credit"), money, true),
        h(fl!("balance"), money, true),
        h(fl!("memo"), MEMO, false),
        space().width(widgets::GUTTER),
    ])
    .style(widgets::band);
    // The opening and closing balances sit in the Balance column.
    let before_balance = DATE_WIDTH + KIND_WIDTH + NUMBER_WIDTH + 2.0 * data.money_width;
    let balance_row = |label: String, amount: String| {
        container(row![
            widgets::total_cell(label, Length::Fixed(before_balance), false),
            widgets::total_cell(amount, money, true),
            space::horizontal(),
        ])
        .style(widgets::band)
    };
    let list = widgets::virtual_list(
        LIST,
        data.lines.len(),
        &ledger.scroll,
        Message::Scrolled,
        |index| {
            let line = &data.lines[index];
            let selected = ledger.selected == Some(index);
            mouse_area(
                container(row![
                    widgets::cell(book.date(line.date), DATE),
                    widgets::cell(super::kind_name(line.kind), KIND),
                    widgets::cell(line.number.as_str(), NUMBER),
                    widgets::amount_cell(line.debit.as_str(), money),
                    widgets::amount_cell(line.credit.as_str(), money),
                    widgets::amount_cell(line.balance.as_str(), money),
                    widgets::cell(crate::i18n::words::note_summary_text(&line.memo), MEMO),
                ])
                .width(Length::Fill)
                .style(widgets::row_style(selected, index % 2 == 1)),
            )
            .on_press(Message::Select(index))
            .into()
        },
    );
    column![
        range,
        header,
        balance_row(fl!("opening-balance"), book.money(data.opening)),
        list,
        balance_row(fl!("closing-balance"), book.money(data.closing)),
    ]
    .spacing(4)
    .into()
}

fn side<'a>(data: &'a Data, book: &'a Book) -> Element<'a, Message> {
    let today = book.today;
    let mut items = Column::new().spacing(2);
    for item in data.items.iter().take(SIDE_LIMIT) {
        let days = (today - item.due).num_days();
        let mut when = if days > 0 {
            fl!("due-date-n-days-late", date = book.date(item.due), n = days)
        } else {
            fl!("due-date", date = item.due.to_string())
        };
        if data.disputed.contains(&(item.number.clone(), item.seq)) {
            when = format!("{when} · {}", fl!("in-dispute"));
        }
        // While an early-payment discount can be taken: what settles the item, by when.
        let discount: Element<'a, Message> = match data.discounts.get(&item.number) {
            Some(offer) => text(fl!(
                "pay-pay-by-date-percent-discount",
                pay = book.money(item.open - offer.amount),
                date = book.date(offer.last_day),
                percent = offer.percent.to_string(),
                discount = book.money(offer.amount)
            ))
            .size(12)
            .style(|theme: &Theme| text::Style {
                color: Some(theme.palette().success),
            })
            .into(),
            None => space().height(0).into(),
        };
        items = items.push(column![
            row![
                text(format!("{}/{}", item.number, item.seq))
                    .size(14)
                    .width(Length::Fill),
                text(book.money(item.open)).size(14),
            ],
            text(when).size(12).style(move |theme: &Theme| text::Style {
                color: Some(if days > 0 {
                    widgets::warning_color(theme)
                } else {
                    iced::Color {
                        a: 0.62,
                        ..theme.palette().text
                    }
                }),
            }),
            discount,
        ]);
    }
    if data.items.len() > SIDE_LIMIT {
        items = items.push(widgets::muted(fl!(
            "and-n-more",
            n = (data.items.len() - SIDE_LIMIT).to_string()
        )));
    }
    if data.items.is_empty() {
        items = items.push(widgets::muted(fl!("nothing-open")));
    }
    let mut notes = Column::new().spacing(8);
    for note in data.notes.iter().take(SIDE_LIMIT) {
        let mut facts = vec![format!(
            "{} · {}",
            note.at.get(..10).unwrap_or(&note.at),
            crate::ui::notes::channel_name(note.channel)
        )];
        if let Some(promise) = &note.promise {
            let mut words = fl!(
                "promised-amount-by-date",
                amount = book.money(promise.total()),
                date = book.date(promise.last_date())
            );
            if promise.is_plan() {
                words = format!(
                    "{words} ({})",
                    fl!("repayment-plan-of-n-parts", n = promise.parts().len())
                );
            }
            facts.push(words);
        }
        if let Some(follow_up) = note.follow_up {
            facts.push(fl!("follow-up-date", date = follow_up.to_string()));
        }
        let mut entry = column![
            widgets::muted(facts.join(" · ")),
            text(crate::i18n::words::note_summary_text(&note.summary)).size(14)
        ]
        .spacing(1);
        if let Some(outcome) = &note.outcome {
            entry = entry.push(widgets::muted(outcome.as_str()));
        }
        notes = notes.push(entry);
    }
    if data.notes.is_empty() {
        notes = notes.push(widgets::muted(fl!("no-notes-yet-ctrl-l-logs")));
    }
    let mut history = Column::new().spacing(6);
    for entry in data.history.iter().take(SIDE_LIMIT) {
        let mut lines = column![
            widgets::muted(entry.at.get(..10).unwrap_or(&entry.at).to_string()),
            text(history_line(entry, book)).size(14)
        ]
        .spacing(1);
        // The book's own reason for an acknowledged band says nothing the line does not.
        if let Some(reason) = &entry.reason
            && entry.action != AuditAction::RiskSeen
        {
            lines = lines.push(widgets::muted(fl!(
                "reason-reason",
                reason = crate::i18n::words::audit_reason_text(reason)
            )));
        }
        history = history.push(lines);
    }
    if data.history.is_empty() {
        history = history.push(widgets::muted(fl!("no-changes-recorded")));
    }
    scrollable(
        column![
            text(fl!("open-items-n", n = data.items.len()))
                .size(16)
                .font(BOLD),
            items,
            space().height(12),
            text(fl!("notes-n", n = data.notes.len()))
                .size(16)
                .font(BOLD),
            notes,
            space().height(12),
            text(fl!("history-n", n = data.history.len()))
                .size(16)
                .font(BOLD),
            history,
        ]
        .spacing(6)
        .padding([0, 12]),
    )
    .height(Length::Fill)
    .into()
}

/// One change of the customer's record in words: "Credit limit: — → 5,000.00".
fn history_line(entry: &AuditEntry, book: &Book) -> String {
    let field = entry.field.as_deref().unwrap_or_default();
    let value = |v: &Option<String>| -> String {
        match v.as_deref() {
            None => "—".to_string(),
            Some(v) if field == "credit_limit" => book
                .currency()
                .parse_plain(v)
                .map(|m| book.money(m))
                .unwrap_or_else(|_| v.to_string()),
            Some(v) if field == "send_by" => crate::domain::email::SendBy::parse(v)
                .map(crate::i18n::words::send_by_name)
                .unwrap_or_else(|_| v.to_string()),
            Some("yes") => fl!("yes"),
            Some("no") => fl!("no"),
            Some(v) => v.replace('\n', " "),
        }
    };
    match entry.action {
        AuditAction::CustomerAdd => fl!("customer-added"),
        AuditAction::CustomerEdit => {
            let field = match field {
                "name" => fl!("name"),
                "contact" => fl!("contact"),
                "email" => fl!("email"),
                "phone" => fl!("phone"),
                "address" => fl!("address"),
                "terms" => fl!("terms"),
                "credit_limit" => fl!("credit-limit"),
                "tier" => fl!("tier"),
                "on_hold" => fl!("on-hold-2"),
                "archived" => fl!("archived"),
                "send_by" => fl!("send-statements-and-letters-by"),
                _ => fl!("field"),
            };
            fl!(
                "field-old-new",
                field = field,
                old = value(&entry.old),
                new = value(&entry.new)
            )
        }
        AuditAction::Pause => match entry.new.as_deref() {
            Some(until) => fl!("letters-paused-until-date", date = until),
            None => fl!("letters-resumed"),
        },
        action => {
            let stored = entry.new.as_deref().unwrap_or_default();
            match EntrySays::read(action, stored) {
                Some(says) => crate::i18n::words::audit_says_text(&says, book.currency()),
                // Words another version wrote: as stored, after what was done.
                None => format!(
                    "{}: {stored}",
                    crate::i18n::words::audit_action_name(action)
                ),
            }
        }
    }
}
