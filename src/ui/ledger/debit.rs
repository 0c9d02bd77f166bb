//! The new-invoice and fee form: amount, date, terms, and how it falls due (one item,
//! installments, or a deposit and the balance), with the schedule previewed by the same
//! domain function posting uses, and the credit-limit and hold warnings shown before
//! saving. A new invoice for a customer whose tier requires a deposit opens with the
//! Deposit plan at the tier's percentage, said beside it (still changeable). The library refuses a posting past a hold or the limit; the form then shows
//! why, with an Override… button that asks for the reason and posts with it.

use chrono::NaiveDate;
use iced::widget::{Id, column, container, operation, row, space, text};
use iced::{Element, Length, Task};

use super::{Data, FormKind, Outcome};
use crate::domain::document::DocKind;
use crate::domain::terms::{self, Installment, Plan, Terms};
use crate::domain::{Money, parse_date};
use crate::fl;
use crate::store::{CreditRefusal, NewDebit, StoreError};
use crate::ui::Book;
use crate::ui::errors::Described;
use crate::ui::widgets::{self, BOLD};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKind {
    Single,
    Installments,
    Deposit,
}

#[derive(Debug, Clone)]
pub enum Message {
    Amount(String),
    Date(String),
    /// The date's calendar; a day picked there is typed as [`Message::Date`].
    DatePick(widgets::date_picker::Message),
    Number(String),
    Terms(String),
    Plan(PlanKind),
    Count(String),
    Percent(String),
    Reference(String),
    Memo(String),
    Save,
    /// Opens the reason field after a refusal.
    Override,
    OverrideReason(String),
    /// Posts with the typed reason.
    SaveOverriding,
    /// The book's answer to the posting sent off the UI thread.
    Written(super::Written),
    Cancel,
}

pub struct Form {
    kind: DocKind,
    customer: String,
    on_hold: bool,
    credit_limit: Option<Money>,
    balance: Money,
    pub amount: String,
    pub date: String,
    date_picker: widgets::DatePicker,
    pub number: String,
    pub terms: String,
    pub plan: PlanKind,
    pub count: String,
    pub percent: String,
    pub reference: String,
    pub memo: String,
    error: Option<String>,
    /// Why the library refused the last Post, until a field changes.
    refusal: Option<Box<CreditRefusal>>,
    /// The override's reason, once Override… was pressed.
    pub override_reason: Option<String>,
    /// The customer's tier's required deposit, when it set the plan.
    pub policy_note: Option<String>,
    /// The fields typed in so far: their problems show, the others' wait.
    edited: widgets::Edited,
    /// The document being posted off the UI thread and the override's reason, until
    /// the book answers; the form takes no other Post meanwhile.
    posting: Option<(NewDebit, Option<String>)>,
}

/// Why each field is refused.
#[derive(Debug, Default)]
struct Problems {
    amount: Option<String>,
    date: Option<String>,
    terms: Option<String>,
    count: Option<String>,
    percent: Option<String>,
    schedule: Option<String>,
}

impl Form {
    pub fn new(kind: FormKind, data: &Data, book: &Book) -> (Form, Task<Message>) {
        // Only an invoice, and only as the form opens: the person may choose otherwise.
        let required = match kind {
            FormKind::Invoice => book
                .store()
                .required_deposit(&data.customer.code)
                .ok()
                .flatten(),
            _ => None,
        };
        let mut form = Form {
            kind: if kind == FormKind::Fee {
                DocKind::Fee
            } else {
                DocKind::Invoice
            },
            customer: data.customer.code.clone(),
            on_hold: data.customer.on_hold,
            credit_limit: data.customer.credit_limit,
            balance: data.balance,
            amount: String::new(),
            date: book.today.to_string(),
            date_picker: widgets::DatePicker::default(),
            number: String::new(),
            terms: data.customer.terms.to_string(),
            plan: PlanKind::Single,
            count: "3".into(),
            percent: "30".into(),
            reference: String::new(),
            memo: String::new(),
            error: None,
            refusal: None,
            override_reason: None,
            policy_note: None,
            edited: widgets::Edited::default(),
            posting: None,
        };
        if let Some((tier, pct)) = required {
            form.plan = PlanKind::Deposit;
            form.percent = pct.to_string();
            form.policy_note = Some(fl!(
                "tier-tier-s-policy-pct-down",
                tier = tier.to_string(),
                pct = pct.to_string()
            ));
        }
        (form, operation::focus(Id::new("debit-amount")))
    }

    pub fn kind(&self) -> FormKind {
        match self.kind {
            DocKind::Fee => FormKind::Fee,
            _ => FormKind::Invoice,
        }
    }

    /// The posting the fields make and its schedule, or why not.
    fn posting(&self, book: &Book) -> Result<(NewDebit, Vec<Installment>), Box<Problems>> {
        let currency = book.currency();
        let mut problems = Problems::default();
        let amount = currency
            .parse_positive(&self.amount)
            .map_err(|e| problems.amount = Some(e.described()))
            .ok();
        let date = parse_date(&self.date)
            .map_err(|e| problems.date = Some(e.described()))
            .ok();
        let terms = self
            .terms
            .parse::<Terms>()
            .map_err(|e| problems.terms = Some(e.described()))
            .ok();
        let plan = match self.plan {
            PlanKind::Single => Some(Plan::Single),
            PlanKind::Installments => match self.count.trim().parse::<u32>() {
                Ok(n) if (2..=120).contains(&n) => Some(Plan::Installments(n)),
                _ => {
                    problems.count = Some(fl!("n-2-to-120-installments"));
                    None
                }
            },
            PlanKind::Deposit => Plan::parse_deposit(&self.percent)
                .map_err(|e| problems.percent = Some(e.described()))
                .ok(),
        };
        let (Some(amount), Some(date), Some(terms), Some(plan)) = (amount, date, terms, plan)
        else {
            return Err(Box::new(problems));
        };
        match terms::schedule(currency, date, amount, terms, None, &plan) {
            Ok(schedule) => Ok((
                NewDebit {
                    customer: self.customer.clone(),
                    kind: self.kind,
                    number: Some(self.number.trim().to_string()).filter(|n| !n.is_empty()),
                    date,
                    amount,
                    terms: Some(terms),
                    due: None,
                    plan,
                    reference: Some(self.reference.clone()),
                    memo: Some(self.memo.clone()),
                },
                schedule,
            )),
            Err(error) => {
                let reason = Some(error.described());
                match self.plan {
                    PlanKind::Deposit => problems.percent = reason,
                    PlanKind::Installments => problems.count = reason,
                    PlanKind::Single => problems.schedule = reason,
                }
                Err(Box::new(problems))
            }
        }
    }

    /// Warnings the user sees before saving: the same rules the CLI warns with.
    fn warnings(&self, amount: Option<Money>, book: &Book) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.on_hold {
            warnings.push(fl!("this-customer-is-on-hold"));
        }
        if let (Some(limit), Some(amount)) = (self.credit_limit, amount) {
            let after = self.balance + amount;
            if after > limit {
                warnings.push(fl!(
                    "the-balance-would-be-after-over",
                    after = book.money(after),
                    limit = book.money(limit)
                ));
            }
        }
        warnings
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
        let edits_the_document = !matches!(
            message,
            Message::Save
                | Message::DatePick(_)
                | Message::Override
                | Message::OverrideReason(_)
                | Message::SaveOverriding
                | Message::Written(_)
                | Message::Cancel
        );
        if edits_the_document {
            // A refusal was for the document as it was; a changed one is checked anew.
            self.refusal = None;
            self.override_reason = None;
        }
        match message {
            Message::Amount(v) => {
                self.amount = v;
                self.edited.mark("debit-amount");
            }
            Message::Date(v) => {
                self.date = v;
                self.edited.mark("debit-date");
            }
            Message::DatePick(m) => {
                if let Some(day) = self.date_picker.update(m, &self.date, book.today) {
                    return self.update(Message::Date(day.to_string()), book);
                }
            }
            Message::Number(v) => self.number = v,
            Message::Terms(v) => {
                self.terms = v;
                self.edited.mark("debit-terms");
            }
            Message::Plan(p) => self.plan = p,
            Message::Count(v) => {
                self.count = v;
                self.edited.mark("debit-count");
            }
            Message::Percent(v) => {
                self.percent = v;
                self.edited.mark("debit-percent");
            }
            Message::Reference(v) => self.reference = v,
            Message::Memo(v) => self.memo = v,
            Message::Cancel => return (Task::none(), Some(Outcome::Cancelled)),
            Message::Override => {
                if self.refusal.is_some() {
                    self.override_reason = Some(String::new());
                    return (operation::focus(Id::new("debit-override-reason")), None);
                }
            }
            Message::OverrideReason(v) => self.override_reason = Some(v),
            Message::Save => {
                // Enter on a form that cannot be posted yet says what is missing.
                self.edited.submit();
                return (self.post(book, None), None);
            }
            Message::SaveOverriding => {
                let reason = self.override_reason.clone();
                if reason.is_some() {
                    return (self.post(book, reason), None);
                }
            }
            Message::Written(written) => return (Task::none(), self.written(&written, book)),
        }
        (Task::none(), None)
    }

    /// Posts the form off the UI thread, overriding a hold or the limit with `reason` if
    /// given; [`Form::written`] takes the book's answer.
    fn post(&mut self, book: &mut Book, reason: Option<String>) -> Task<Message> {
        if self.posting.is_some() {
            return Task::none();
        }
        let Ok((new, _)) = self.posting(book) else {
            return Task::none();
        };
        self.error = None;
        self.posting = Some((new.clone(), reason.clone()));
        super::post_off_thread(
            book,
            move |store| store.post_debit_overriding(&new, reason.as_deref()),
            Message::Written,
        )
    }

    /// The outcome of the posting the book answered, or the refusal or error kept to show.
    fn written(&mut self, written: &super::Written, book: &Book) -> Option<Outcome> {
        let (new, reason) = self.posting.take()?;
        let posted = match written.as_ref() {
            Ok(posted) => posted,
            Err(error) => {
                self.error = Some(error.clone());
                return None;
            }
        };
        match posted {
            Ok(posted) => {
                let first = posted
                    .items
                    .first()
                    .map(|i| i.1.to_string())
                    .unwrap_or_default();
                let number = posted.number.as_str();
                let amount = book.money(new.amount);
                let count = posted.items.len();
                let mut notice = if reason.is_some() && !posted.warnings.is_empty() {
                    fl!(
                        "number-posted-with-an-override-amount",
                        number = number,
                        amount = amount,
                        count = count,
                        due = first
                    )
                } else {
                    fl!(
                        "number-posted-amount-in-count-items",
                        number = number,
                        amount = amount,
                        count = count,
                        due = first
                    )
                };
                let discount_terms = new.terms.and_then(|t| t.discount()).is_some();
                if discount_terms && (new.kind == DocKind::Fee || posted.items.len() > 1) {
                    notice.push(' ');
                    notice.push_str(&fl!("it-earns-no-early-payment-discount"));
                }
                Some(Outcome::Posted(notice))
            }
            Err(StoreError::CreditRefused(refusal)) => {
                self.error = None;
                self.refusal = Some(refusal.clone());
                None
            }
            Err(error) => {
                self.error = Some(error.described());
                None
            }
        }
    }

    /// The refusal in the screen's language, figures in the book's format.
    fn refusal_text(refusal: &CreditRefusal, book: &Book) -> String {
        let customer = format!("{} {}", refusal.customer, refusal.name);
        let mut lines = Vec::new();
        if refusal.on_hold {
            lines.push(fl!(
                "not-posted-customer-is-on-hold",
                customer = customer.as_str()
            ));
        }
        if let Some(over) = &refusal.over_limit {
            lines.push(fl!(
                "not-posted-customer-is-over-its",
                customer = customer.as_str(),
                limit = book.money(over.limit),
                balance = book.money(over.balance),
                amount = book.money(refusal.amount),
                over = book.money(over.over)
            ));
        }
        lines.join("\n")
    }

    pub fn view<'a>(&'a self, book: &'a Book) -> Element<'a, Message> {
        let result = self.posting(book);
        // One posting at a time: Post waits for the book's answer to the last.
        let save = (result.is_ok() && self.posting.is_none()).then_some(Message::Save);
        // Enter in a field posts, or shows every field's problem if it cannot.
        let submit = Some(Message::Save);
        let (problems, schedule, amount) = match result {
            Ok((new, schedule)) => (Problems::default(), schedule, Some(new.amount)),
            Err(problems) => (*problems, Vec::new(), None),
        };
        let shown = |field, value: &str, problem: &Option<String>| {
            self.edited.shown(field, value, problem.clone())
        };
        // The plan's problems come from the amount as much as from its own field.
        let shown_with_amount = |field, value: &str, problem: &Option<String>| match self
            .edited
            .is_shown("debit-amount")
        {
            true if !value.trim().is_empty() => problem.clone(),
            _ => shown(field, value, problem),
        };
        let title = match self.kind {
            DocKind::Fee => fl!("new-fee-late-fee-or-interest"),
            _ => fl!("new-invoice"),
        };
        let plan_button = |label: String, kind: PlanKind| {
            let style = if self.plan == kind {
                widgets::action
            } else {
                widgets::secondary
            };
            style(label, Some(Message::Plan(kind)))
        };
        let plan_detail: Element<'a, Message> = match self.plan {
            PlanKind::Single => widgets::muted(fl!("one-item-due-on-the-terms")).into(),
            PlanKind::Installments => widgets::field(
                fl!("installments"),
                "debit-count",
                &self.count,
                Message::Count,
                submit.clone(),
                shown_with_amount("debit-count", &self.count, &problems.count),
            ),
            PlanKind::Deposit => widgets::field(
                fl!("deposit"),
                "debit-percent",
                &self.percent,
                Message::Percent,
                submit.clone(),
                shown_with_amount("debit-percent", &self.percent, &problems.percent),
            ),
        };
        // The tier's policy beside the plan it set, not on the row of plan buttons
        // (that row then needed the schedule's room at 1024 pixels).
        let plan_detail: Element<'a, Message> = match &self.policy_note {
            Some(note) => column![plan_detail, widgets::muted(note.as_str())]
                .spacing(4)
                .into(),
            None => plan_detail,
        };
        let preview = schedule_preview(&schedule, book, problems.schedule.clone());
        let warnings = column(
            self.warnings(amount, book)
                .into_iter()
                .map(|w| widgets::danger_text(w).into()),
        )
        .spacing(2);
        let error: Element<'a, Message> = match (&self.error, &self.posting) {
            (Some(e), _) => widgets::danger_text(e.as_str()).into(),
            (None, Some(_)) => widgets::muted(fl!("working")).into(),
            (None, None) => space().height(0).into(),
        };
        let refusal: Element<'a, Message> = match &self.refusal {
            Some(refusal) => {
                let why = widgets::danger_text(Form::refusal_text(refusal, book));
                match &self.override_reason {
                    None => column![
                        why,
                        widgets::secondary(fl!("override"), Some(Message::Override)),
                    ]
                    .spacing(6)
                    .into(),
                    Some(reason) => {
                        let post = (!crate::domain::text::is_blank(reason))
                            .then_some(Message::SaveOverriding);
                        column![
                            why,
                            widgets::field(
                                fl!("reason-for-the-override"),
                                "debit-override-reason",
                                reason,
                                Message::OverrideReason,
                                post.clone(),
                                None
                            ),
                            widgets::action(fl!("post-with-override"), post),
                        ]
                        .spacing(6)
                        .into()
                    }
                }
            }
            None => space().height(0).into(),
        };
        let fields = column![
            widgets::field(
                fl!("amount"),
                "debit-amount",
                &self.amount,
                Message::Amount,
                submit.clone(),
                shown("debit-amount", &self.amount, &problems.amount)
            ),
            widgets::date_field(
                fl!("date"),
                "debit-date",
                &self.date,
                Message::Date,
                submit.clone(),
                shown("debit-date", &self.date, &problems.date),
                &self.date_picker,
                book.today,
                Message::DatePick,
            ),
            widgets::field(
                fl!("terms"),
                "debit-terms",
                &self.terms,
                Message::Terms,
                submit.clone(),
                shown("debit-terms", &self.terms, &problems.terms)
            ),
            row![
                text(fl!("falls-due"))
                    .size(14)
                    .width(Length::Fixed(widgets::LABEL_WIDTH)),
                // Onto a second line where the fields' column is narrow.
                row![
                    plan_button(fl!("one-item"), PlanKind::Single),
                    plan_button(fl!("installments"), PlanKind::Installments),
                    plan_button(fl!("deposit-balance"), PlanKind::Deposit),
                ]
                .spacing(6)
                .wrap()
                .vertical_spacing(6),
            ]
            .spacing(10)
            .align_y(iced::Alignment::Center),
            plan_detail,
            widgets::field(
                fl!("number-blank-next"),
                "debit-number",
                &self.number,
                Message::Number,
                submit.clone(),
                None
            ),
            widgets::field(
                fl!("reference"),
                "debit-reference",
                &self.reference,
                Message::Reference,
                submit.clone(),
                None
            ),
            widgets::field(
                fl!("memo"),
                "debit-memo",
                &self.memo,
                Message::Memo,
                submit.clone(),
                None
            ),
        ]
        .spacing(8);
        widgets::form_panel(
            title,
            Message::Cancel,
            // The fields take what the schedule leaves; a problem beside a field wraps
            // there rather than squeezing the schedule.
            row![fields.width(Length::Fill), preview].spacing(24),
            // What stops or warns before posting stays in view beside Post.
            column![
                warnings,
                refusal,
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

/// The schedule's column beside the fields: its three columns with a 13-digit amount.
const SCHEDULE_WIDTH: f32 = 270.0;

/// The schedule the invoice will become: installment, due date, amount.
fn schedule_preview<'a, M: 'a>(
    schedule: &[Installment],
    book: &Book,
    problem: Option<String>,
) -> Element<'a, M> {
    let mut lines = column![text(fl!("schedule")).size(15).font(BOLD)].spacing(2);
    if let Some(problem) = problem {
        lines = lines.push(widgets::danger_text(problem));
    }
    let due = |d: NaiveDate| d.to_string();
    let amounts: Vec<String> = schedule.iter().map(|i| book.money(i.amount)).collect();
    // As wide as the largest installment needs: never clipped.
    let money = widgets::money_column("", amounts.iter().map(String::as_str));
    for (item, amount) in schedule.iter().zip(&amounts).take(24) {
        lines = lines.push(row![
            widgets::cell(format!("#{}", item.seq), Length::Fixed(44.0)),
            widgets::cell(due(item.due), Length::Fixed(100.0)),
            widgets::amount_cell(amount.clone(), Length::Fixed(money)),
        ]);
    }
    if schedule.len() > 24 {
        lines = lines.push(widgets::muted(fl!(
            "and-n-more",
            n = (schedule.len() - 24).to_string()
        )));
    }
    if schedule.is_empty() {
        lines = lines.push(widgets::muted(fl!("fill-in-amount-date-and-terms")));
    }
    container(lines).width(Length::Fixed(SCHEDULE_WIDTH)).into()
}
