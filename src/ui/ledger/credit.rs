//! The record-payment, credit-note and write-off form. It shows the allocation the
//! posting will make — oldest due first, by the same domain function the store uses —
//! and lets the user change how much goes to each invoice; whatever is left becomes
//! unapplied credit. A payment's preview shows the early-payment discounts it would earn
//! on its date, by the same rules the posting uses.

use iced::widget::{Id, column, container, operation, row, space, text, text_input};
use iced::{Element, Length, Task};

use super::{Data, FormKind, Outcome};
use crate::domain::allocation::{self, Apply, OpenItem};
use crate::domain::document::DocKind;
use crate::domain::terms::DiscountedInvoice;
use crate::domain::{Currency, Money, parse_date};
use crate::fl;
use crate::store::NewCredit;
use crate::ui::Book;
use crate::ui::errors::Described;
use crate::ui::widgets::{self, BOLD};

#[derive(Debug, Clone)]
pub enum Message {
    Amount(String),
    Date(String),
    /// The date's calendar; a day picked there is typed as [`Message::Date`].
    DatePick(widgets::date_picker::Message),
    Reference(String),
    Memo(String),
    Number(String),
    /// The amount for the invoice at this index (switches to explicit allocation).
    Invoice(usize, String),
    OldestFirst,
    KeepUnapplied,
    Save,
    /// The book's answer to the posting sent off the UI thread.
    Written(super::Written),
    Cancel,
}

/// An invoice with something open, as the form lists it.
#[derive(Debug, Clone)]
pub struct OpenInvoice {
    pub number: String,
    pub due: chrono::NaiveDate,
    pub open: Money,
}

pub struct Form {
    kind: DocKind,
    customer: String,
    items: Vec<OpenItem>,
    /// Per item (same order): its invoice, when on discount terms.
    discounted: Vec<Option<DiscountedInvoice>>,
    invoices: Vec<OpenInvoice>,
    pub amount: String,
    pub date: String,
    date_picker: widgets::DatePicker,
    pub reference: String,
    pub memo: String,
    pub number: String,
    /// Per-invoice amounts once the user changes the allocation; `None` is oldest first.
    pub explicit: Option<Vec<String>>,
    error: Option<String>,
    /// The fields typed in so far: their problems show, the others' wait.
    edited: widgets::Edited,
    /// The document being posted off the UI thread, until the book answers; the form
    /// takes no other Post meanwhile.
    posting: Option<NewCredit>,
}

/// What the fields would post.
pub struct Preview {
    pub amount: Money,
    pub apply: Apply,
    /// Per invoice (same order as the form's list): the amount applied.
    pub per_invoice: Vec<Money>,
    pub unapplied: Money,
    /// Early-payment discounts the payment earns: (invoice, amount).
    pub discounts: Vec<(String, Money)>,
}

#[derive(Debug, Default)]
struct Problems {
    amount: Option<String>,
    date: Option<String>,
    allocation: Option<String>,
    invoices: Vec<Option<String>>,
}

impl Form {
    pub fn new(kind: FormKind, data: &Data, book: &Book) -> (Form, Task<Message>) {
        let items: Vec<OpenItem> = data
            .items
            .iter()
            .filter(|i| i.open.is_positive())
            .map(|i| OpenItem {
                number: i.number.clone(),
                seq: i.seq,
                due: i.due,
                open: i.open,
            })
            .collect();
        let discounted = items
            .iter()
            .map(|i| data.discounted.get(&i.number).copied())
            .collect();
        let mut invoices: Vec<OpenInvoice> = Vec::new();
        for item in &items {
            match invoices.iter_mut().find(|i| i.number == item.number) {
                Some(invoice) => invoice.open += item.open,
                None => invoices.push(OpenInvoice {
                    number: item.number.clone(),
                    due: item.due,
                    open: item.open,
                }),
            }
        }
        let form = Form {
            kind: match kind {
                FormKind::Credit => DocKind::Credit,
                FormKind::WriteOff => DocKind::WriteOff,
                _ => DocKind::Payment,
            },
            customer: data.customer.code.clone(),
            items,
            discounted,
            invoices,
            amount: String::new(),
            date: book.today.to_string(),
            date_picker: widgets::DatePicker::default(),
            reference: String::new(),
            memo: String::new(),
            number: String::new(),
            explicit: None,
            error: None,
            edited: widgets::Edited::default(),
            posting: None,
        };
        (form, operation::focus(Id::new("credit-amount")))
    }

    pub fn kind(&self) -> FormKind {
        match self.kind {
            DocKind::Credit => FormKind::Credit,
            DocKind::WriteOff => FormKind::WriteOff,
            _ => FormKind::Payment,
        }
    }

    /// The allocation the fields describe, checked by the domain's own rules.
    pub fn preview(&self, currency: &Currency) -> Result<Preview, String> {
        let amount = currency
            .parse_positive(&self.amount)
            .map_err(|e| e.described())?;
        let apply = match &self.explicit {
            None => Apply::OldestFirst,
            Some(amounts) => {
                let mut wanted = Vec::new();
                for (invoice, text) in self.invoices.iter().zip(amounts) {
                    let value = match text.trim() {
                        "" => Money::ZERO,
                        text => currency.parse(text).map_err(|e| {
                            fl!(
                                "field-problem",
                                field = invoice.number.as_str(),
                                problem = e.described()
                            )
                        })?,
                    };
                    if value.is_negative() {
                        return Err(fl!(
                            "number-must-not-be-negative",
                            number = invoice.number.as_str()
                        ));
                    }
                    if value.is_positive() {
                        wanted.push((invoice.number.clone(), Some(value)));
                    }
                }
                if wanted.is_empty() {
                    Apply::Unapplied
                } else {
                    Apply::Explicit(wanted)
                }
            }
        };
        // Only a payment earns a discount, and only on a date it can be posted with.
        let offers: Vec<Option<Money>> = match (self.kind, parse_date(&self.date)) {
            (DocKind::Payment, Ok(date)) => self
                .items
                .iter()
                .zip(&self.discounted)
                .map(|(item, invoice)| {
                    invoice
                        .and_then(|i| i.offer(currency, item.open, date))
                        .map(|offer| offer.amount)
                })
                .collect(),
            _ => vec![None; self.items.len()],
        };
        let planned =
            allocation::plan_with_discounts(currency, &self.items, &offers, amount, &apply)
                .map_err(|e| e.described())?;
        let discounts = planned
            .discounts
            .iter()
            .map(|(index, amount)| (self.items[*index].number.clone(), *amount))
            .collect();
        let plan = planned.paid;
        let mut per_invoice = vec![Money::ZERO; self.invoices.len()];
        for (index, part) in &plan {
            let number = &self.items[*index].number;
            if let Some(slot) = self.invoices.iter().position(|i| &i.number == number) {
                per_invoice[slot] += *part;
            }
        }
        let applied: Money = per_invoice.iter().copied().sum();
        Ok(Preview {
            amount,
            apply,
            per_invoice,
            unapplied: amount - applied,
            discounts,
        })
    }

    fn problems(&self, currency: &Currency) -> Problems {
        let mut problems = Problems {
            invoices: vec![None; self.invoices.len()],
            ..Problems::default()
        };
        if let Err(e) = currency.parse_positive(&self.amount) {
            problems.amount = Some(e.described());
        }
        if let Err(e) = parse_date(&self.date) {
            problems.date = Some(e.described());
        }
        if let Some(amounts) = &self.explicit {
            for (i, text) in amounts.iter().enumerate() {
                if !text.trim().is_empty()
                    && let Err(e) = currency.parse(text)
                {
                    problems.invoices[i] = Some(e.described());
                }
            }
        }
        if problems.amount.is_none()
            && let Err(e) = self.preview(currency)
        {
            problems.allocation = Some(e);
        }
        problems
    }

    /// Esc closes the date's calendar first; whether it was open.
    pub fn close_calendar(&mut self) -> bool {
        self.date_picker.close()
    }

    pub fn update(
        &mut self,
        message: Message,
        book: &mut Book,
    ) -> (Task<Message>, Option<Outcome>) {
        let currency = book.currency().clone();
        match message {
            Message::Amount(v) => {
                self.amount = v;
                self.edited.mark("credit-amount");
            }
            Message::Date(v) => {
                self.date = v;
                self.edited.mark("credit-date");
            }
            Message::DatePick(m) => {
                if let Some(day) = self.date_picker.update(m, &self.date, book.today) {
                    return self.update(Message::Date(day.to_string()), book);
                }
            }
            Message::Reference(v) => self.reference = v,
            Message::Memo(v) => self.memo = v,
            Message::Number(v) => self.number = v,
            Message::Invoice(index, value) => {
                let mut amounts = match (&self.explicit, self.preview(&currency)) {
                    (Some(amounts), _) => amounts.clone(),
                    // The first change starts from what oldest-first would do.
                    (None, Ok(preview)) => preview
                        .per_invoice
                        .iter()
                        .map(|m| currency.editable(*m))
                        .collect(),
                    (None, Err(_)) => vec![String::new(); self.invoices.len()],
                };
                if let Some(slot) = amounts.get_mut(index) {
                    *slot = value;
                }
                self.explicit = Some(amounts);
            }
            Message::OldestFirst => self.explicit = None,
            Message::KeepUnapplied => {
                self.explicit = Some(vec![String::new(); self.invoices.len()])
            }
            Message::Cancel => return (Task::none(), Some(Outcome::Cancelled)),
            Message::Save => {
                // Enter on a form that cannot be posted yet says what is missing.
                self.edited.submit();
                let (Ok(preview), Ok(date)) = (self.preview(&currency), parse_date(&self.date))
                else {
                    return (Task::none(), None);
                };
                let new = NewCredit {
                    customer: self.customer.clone(),
                    kind: self.kind,
                    number: Some(self.number.trim().to_string()).filter(|n| !n.is_empty()),
                    date,
                    amount: preview.amount,
                    reference: Some(self.reference.clone()),
                    memo: Some(self.memo.clone()),
                    apply: preview.apply,
                };
                if self.posting.is_some() {
                    return (Task::none(), None);
                }
                self.error = None;
                self.posting = Some(new.clone());
                let task = super::post_off_thread(
                    book,
                    move |store| store.post_credit(&new),
                    Message::Written,
                );
                return (task, None);
            }
            Message::Written(written) => {
                let Some(new) = self.posting.take() else {
                    return (Task::none(), None);
                };
                match written.as_ref() {
                    Ok(Ok(posted)) => {
                        let applied: Vec<String> = posted
                            .allocations
                            .iter()
                            .map(|(number, seq, amount)| {
                                format!("{number}/{seq} {}", currency.display(*amount))
                            })
                            .collect();
                        let applied = if applied.is_empty() {
                            fl!("nothing")
                        } else {
                            applied.join(", ")
                        };
                        let mut notice = fl!(
                            "number-posted-amount-applied-applied-unapplied",
                            number = posted.number.as_str(),
                            amount = currency.display(new.amount),
                            applied = applied.as_str(),
                            unapplied = currency.display(posted.unapplied)
                        );
                        for taken in &posted.discounts {
                            notice.push(' ');
                            notice.push_str(&fl!(
                                "discount-number-of-amount-taken-on",
                                number = taken.number.as_str(),
                                amount = currency.display(taken.amount),
                                invoice = taken.invoice.as_str(),
                                terms = taken.terms.as_str()
                            ));
                        }
                        return (Task::none(), Some(Outcome::Posted(notice)));
                    }
                    Ok(Err(error)) => self.error = Some(error.described()),
                    Err(error) => self.error = Some(error.clone()),
                }
            }
        }
        (Task::none(), None)
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        let currency = book.currency();
        let problems = self.problems(currency);
        let preview = self.preview(currency).ok();
        let valid =
            problems.amount.is_none() && problems.date.is_none() && problems.allocation.is_none();
        // One posting at a time: Post waits for the book's answer to the last.
        let save = (valid && self.posting.is_none()).then_some(Message::Save);
        // Enter in a field posts, or shows every field's problem if it cannot.
        let submit = Some(Message::Save);
        let title = match self.kind {
            DocKind::Credit => fl!("credit-note"),
            DocKind::WriteOff => fl!("write-off"),
            _ => fl!("record-payment"),
        };
        let fields = column![
            widgets::field(
                fl!("amount"),
                "credit-amount",
                &self.amount,
                Message::Amount,
                submit.clone(),
                self.edited
                    .shown("credit-amount", &self.amount, problems.amount.clone())
            ),
            widgets::date_field(
                fl!("date"),
                "credit-date",
                &self.date,
                Message::Date,
                submit.clone(),
                self.edited
                    .shown("credit-date", &self.date, problems.date.clone()),
                &self.date_picker,
                book.today,
                Message::DatePick,
            ),
            widgets::field(
                fl!("reference"),
                "credit-reference",
                &self.reference,
                Message::Reference,
                submit.clone(),
                None
            ),
            widgets::field(
                fl!("memo"),
                "credit-memo",
                &self.memo,
                Message::Memo,
                submit.clone(),
                None
            ),
            widgets::field(
                fl!("number-blank-next"),
                "credit-number",
                &self.number,
                Message::Number,
                submit.clone(),
                None
            ),
        ]
        .spacing(8);

        let mut table = column![row![
            widgets::header_cell(fl!("invoice"), Length::Fixed(120.0), false, None, None),
            widgets::header_cell(fl!("due"), Length::Fixed(100.0), false, None, None),
            widgets::header_cell(fl!("open"), Length::Fixed(110.0), true, None, None),
            widgets::header_cell(fl!("apply"), Length::Fixed(130.0), true, None, None),
        ]]
        .spacing(2);
        for (index, invoice) in self.invoices.iter().enumerate() {
            let value = match (&self.explicit, &preview) {
                (Some(amounts), _) => amounts[index].clone(),
                (None, Some(p)) => currency.editable(p.per_invoice[index]),
                (None, None) => String::new(),
            };
            let mut line = row![
                widgets::cell(invoice.number.as_str(), Length::Fixed(120.0)),
                widgets::cell(book.date(invoice.due), Length::Fixed(100.0)),
                widgets::amount_cell(book.money(invoice.open), Length::Fixed(110.0)),
                text_input("0", &value)
                    .id(Id::from(format!("apply-{index}")))
                    .on_input(move |v| Message::Invoice(index, v))
                    .on_submit_maybe(submit.clone())
                    .align_x(iced::alignment::Horizontal::Right)
                    .size(14)
                    .padding(4)
                    .width(Length::Fixed(130.0)),
            ]
            .align_y(iced::Alignment::Center);
            if let Some(problem) = &problems.invoices[index] {
                line = line.push(widgets::danger_text(problem.clone()));
            }
            table = table.push(line);
        }
        if self.invoices.is_empty() {
            table = table.push(widgets::muted(fl!("nothing-is-open-all-of-it")));
        }
        let allocation_problem = problems
            .allocation
            .as_ref()
            .filter(|_| self.edited.is_shown("credit-amount") || self.explicit.is_some());
        let summary: Element<'a, Message> = match (&preview, allocation_problem) {
            (_, Some(problem)) => widgets::danger_text(problem.clone()).into(),
            (Some(p), None) => {
                let mut words = fl!(
                    "applies-applied-unapplied-left-as-unapplied",
                    applied = book.money(p.amount - p.unapplied),
                    unapplied = book.money(p.unapplied)
                );
                for (invoice, amount) in &p.discounts {
                    words.push(' ');
                    words.push_str(&fl!(
                        "earns-a-discount-of-amount-on",
                        amount = book.money(*amount),
                        invoice = invoice
                    ));
                }
                text(words).size(14).into()
            }
            (None, None) => text("").into(),
        };
        let allocation = column![
            row![
                text(fl!("allocation")).size(15).font(BOLD),
                widgets::muted(match self.explicit {
                    None => fl!("oldest-due-first"),
                    Some(_) => fl!("as-you-set-it"),
                }),
            ]
            .spacing(10),
            container(iced::widget::scrollable(table)).max_height(300),
            summary,
            row![
                widgets::secondary(
                    fl!("oldest-first"),
                    self.explicit.is_some().then_some(Message::OldestFirst)
                ),
                widgets::secondary(fl!("keep-all-unapplied"), Some(Message::KeepUnapplied)),
            ]
            .spacing(6),
        ]
        .spacing(8);
        let error: Element<'a, Message> = match (&self.error, &self.posting) {
            (Some(e), _) => widgets::danger_text(e.as_str()).into(),
            (None, Some(_)) => widgets::muted(fl!("working")).into(),
            (None, None) => space().height(0).into(),
        };
        widgets::form_panel(
            title,
            Message::Cancel,
            row![fields, allocation].spacing(24),
            column![
                error,
                row![
                    widgets::action(fl!("post-enter"), save),
                    widgets::secondary(fl!("cancel"), Some(Message::Cancel)),
                ]
                .spacing(10),
            ]
            .spacing(8),
        )
    }
}
