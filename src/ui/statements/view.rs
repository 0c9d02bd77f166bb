//! How the statements and letters screen looks: the month-end batch on the left, the
//! letters due (grouped by level), the customers held and a single letter on the right,
//! the output folder and progress on top.

use iced::widget::{
    button, checkbox, column, container, pick_list, progress_bar, row, scrollable, space, text,
    text_input,
};
use iced::{Alignment, Element, Length};

use super::due::count_text;
use super::{KindChoice, LevelChoice, Message, Stage, Statements, Who, held, level_name};
use crate::domain::letters::Level;
use crate::domain::printed::StatementKind;
use crate::fl;
use crate::report::letters::DueLetter;
use crate::store::Issued;
use crate::ui::Book;
use crate::ui::widgets::{self, BOLD};

pub(super) fn view<'a>(screen: &'a Statements, book: &'a Book) -> Element<'a, Message> {
    let folder = row![
        text(fl!("folder")).size(14).width(Length::Fixed(70.0)),
        text_input(&fl!("where-the-pdfs-go"), &screen.folder)
            .on_input(Message::Folder)
            .padding(6)
            .size(14)
            .width(Length::Fill),
        widgets::secondary(fl!("choose"), Some(Message::Browse)),
        widgets::secondary(fl!("open-folder"), Some(Message::OpenFolder)),
    ]
    .spacing(8)
    .align_y(Alignment::Center);

    // One line, kept when empty: what is under way, else what was done or failed; the
    // lists below never move when it changes.
    let status: Element<'a, Message> = match screen.running {
        Some((stage, done, total)) => row![
            progress_bar(0.0..=total.max(1) as f32, done as f32).girth(10),
            widgets::muted(match stage {
                Stage::Writing => fl!("done-of-total", done = done, total = total),
                Stage::Emailing => fl!("ui-emailing-done-of-total", done = done, total = total),
            }),
        ]
        .spacing(10)
        .height(widgets::STATUS_HEIGHT)
        .align_y(Alignment::Center)
        .into(),
        None => widgets::status_line(match (&screen.error, &screen.notice) {
            (Some(error), _) => Some(widgets::Status::Failed(error.clone())),
            (None, Some(notice)) => Some(widgets::Status::Done(notice.clone())),
            (None, None) => None,
        }),
    };

    // Email beside the folder: whether what is written is also emailed, and what waits.
    let mut mail = row![
        checkbox(screen.email)
            .label(fl!("ui-email-them"))
            .on_toggle(Message::Email)
            .size(16)
            .text_size(14),
    ]
    .spacing(12)
    .align_y(Alignment::Center);
    if screen.outbox_waiting > 0 {
        mail = mail
            .push(space().width(Length::Fill))
            .push(widgets::muted(fl!(
                "ui-outbox-waiting",
                n = screen.outbox_waiting
            )));
        mail = mail.push(widgets::secondary(
            fl!("ui-send-now"),
            screen.running.is_none().then_some(Message::SendOutbox),
        ));
    }

    // The mail server's password, asked for when none is at hand or the server refused
    // the one at hand.
    let ask: Element<'a, Message> = match &screen.password_for {
        Some(account) => row![
            widgets::muted(if screen.password_refused {
                fl!("ui-password-refused", account = account.as_str())
            } else {
                fl!("ui-password-for", account = account.as_str())
            }),
            text_input("", &screen.password)
                .secure(true)
                .on_input(Message::Password)
                .on_submit(Message::UsePassword)
                .padding(6)
                .size(14)
                .width(Length::Fixed(220.0)),
            widgets::action(
                fl!("ui-password-send"),
                (!screen.password.is_empty()).then_some(Message::UsePassword)
            ),
        ]
        .spacing(8)
        .align_y(Alignment::Center)
        .into(),
        None => space().into(),
    };

    column![
        text(fl!("statements-and-letters")).size(24).font(BOLD),
        folder,
        mail,
        ask,
        status,
        row![
            column![
                statements(screen),
                super::outbox::panel(screen),
                archive(screen, book)
            ]
            .spacing(16)
            .width(Length::FillPortion(1)),
            letters(screen, book)
        ]
        .spacing(16)
        .height(Length::Fill),
    ]
    .spacing(12)
    .into()
}

fn statements(screen: &Statements) -> Element<'_, Message> {
    let kinds: Vec<KindChoice> = StatementKind::ALL.into_iter().map(KindChoice).collect();
    let mut col = column![
        text(fl!("month-end-statements")).size(18).font(BOLD),
        widgets::field(
            fl!("period-yyyy-mm"),
            "statements-period",
            &screen.period,
            Message::Period,
            None,
            screen.period_error()
        ),
        row![
            text(fl!("kind")).size(14).width(Length::Fixed(150.0)),
            pick_list(kinds, Some(screen.kind), Message::Kind)
                .padding(6)
                .width(Length::Fixed(widgets::FIELD_WIDTH)),
        ]
        .spacing(10)
        .align_y(Alignment::Center),
        row![
            text(fl!("customers")).size(14).width(Length::Fixed(150.0)),
            pick_list(Who::ALL, Some(screen.who), Message::Who)
                .padding(6)
                .width(Length::Fixed(widgets::FIELD_WIDTH)),
        ]
        .spacing(10)
        .align_y(Alignment::Center),
    ]
    .spacing(10);
    if screen.who == Who::These {
        col = col.push(widgets::field(
            fl!("codes"),
            "statements-codes",
            &screen.codes,
            Message::Codes,
            None,
            None,
        ));
    }
    // The files the period typed makes, as the batch names them.
    let period = crate::domain::printed::Period::parse(&screen.period)
        .map(|p| p.label())
        .unwrap_or_else(|| screen.period.trim().to_string());
    col = col.push(widgets::muted(fl!(
        "one-pdf-per-customer-file",
        file = format!("C001-{period}.pdf"),
        all = format!("statements-{period}.pdf")
    )));
    col = col.push(widgets::action(
        fl!("write-statements"),
        screen.can_write().then_some(Message::WriteStatements),
    ));
    container(col)
        .width(Length::FillPortion(1))
        .padding(12)
        .style(widgets::panel)
        .into()
}

/// Issued documents listed; the search finds the rest.
const ARCHIVE_SHOWN: usize = 200;
/// The issued list's search field.
pub const ARCHIVE_SEARCH: &str = "statements-archive-search";

/// Letters due listed as far as the list is useful to scroll; the counts above it and
/// the confirmation cover them all.
const DUE_SHOWN: usize = 200;

fn letters<'a>(screen: &'a Statements, book: &'a Book) -> Element<'a, Message> {
    let busy = screen.running.is_some();
    let by_level = screen.due_by_level();
    // Grouped by level, lowest first, each under its name and count; the payment
    // reminder (level 0) first when there are some.
    let mut due = column![].spacing(2);
    if screen.due.is_empty() {
        due = due.push(widgets::muted(fl!("no-letters-are-due-today")));
    }
    let mut shown = 0;
    for &(level, n) in by_level.iter().filter(|&&(_, n)| n > 0) {
        if shown >= DUE_SHOWN {
            break;
        }
        due = due.push(
            text(fl!(
                "level-n-2",
                level = level_label(level),
                n = count_text(n)
            ))
            .size(13)
            .font(BOLD),
        );
        for letter in screen
            .due
            .iter()
            .filter(|d| d.level == level)
            .take(DUE_SHOWN - shown)
        {
            shown += 1;
            due = due.push(due_row(screen, letter, book));
        }
    }
    if screen.due.len() > shown {
        due = due.push(widgets::muted(fl!(
            "and-n-more",
            n = count_text(screen.due.len() - shown)
        )));
    }
    let by_level: Vec<String> = by_level
        .into_iter()
        .map(|(level, n)| fl!("level-n-3", level = level_label(level), n = count_text(n)))
        .collect();
    let send: Element<'_, Message> = if screen.confirming {
        // Reconcile first: money in not yet matched may pay what the letters chase.
        let mut reconcile = column![].spacing(2);
        if let Some((heading, rows)) = screen.reconcile_warning(book.currency()) {
            reconcile = reconcile.push(widgets::danger_text(heading));
            for line in rows {
                reconcile = reconcile.push(widgets::muted(line));
            }
        }
        container(
            column![
                text(screen.confirmation()).size(14).font(BOLD),
                widgets::muted(fl!("each-letter-is-archived-and-logged")),
            ]
            .push(screen.reach.map(|(emailed, printed)| {
                widgets::muted(fl!(
                    "ui-confirm-reach",
                    emailed = count_text(emailed),
                    printed = count_text(printed)
                ))
            }))
            .push(reconcile)
            .push(
                row![
                    widgets::action(fl!("confirm"), (!busy).then_some(Message::ConfirmSend)),
                    widgets::secondary(fl!("cancel"), Some(Message::CancelSend)),
                ]
                .spacing(8),
            )
            .spacing(8),
        )
        .padding(10)
        .style(container::bordered_box)
        .into()
    } else {
        button(text(fl!("send-n-letters", n = screen.due.len())).size(14))
            .padding([6, 14])
            .on_press_maybe((!screen.due.is_empty() && !busy).then_some(Message::SendDue))
            .into()
    };
    // Only when there is one: an empty row would still take the column's spacing.
    let sent = screen.letters_file.as_ref().map(|path| {
        row![
            text(fl!(
                "every-letter-to-print-in-one",
                path = path.display().to_string()
            ))
            .size(13)
            .width(Length::Fill),
            widgets::secondary(fl!("open"), Some(Message::OpenLetters)),
        ]
        .spacing(8)
        .align_y(Alignment::Center)
    });
    let col = column![
        text(fl!("demand-letters")).size(18).font(BOLD),
        text(fl!("due-today-n", n = screen.due.len())).size(15),
        widgets::muted(if screen.due.is_empty() {
            String::new()
        } else {
            by_level.join(" · ")
        }),
        scrollable(due).height(Length::FillPortion(1)),
        held(screen, book),
        send,
    ]
    .push(sent)
    .spacing(10);
    // While the confirmation shows, the single-letter form steps aside: the confirmation
    // and the list of who gets a letter share the panel, the list scrolling in what is
    // left, so Confirm stays on screen in a small window (1024 × 700).
    let col = if screen.confirming {
        col
    } else {
        col.push(one_letter(screen, busy))
    };
    container(col)
        .width(Length::FillPortion(1))
        .padding(12)
        .style(widgets::panel)
        .into()
}

/// One letter for one customer at any level, the payment reminder included, in three
/// lines so the letters due and the held list keep the panel's room.
fn one_letter(screen: &Statements, busy: bool) -> Element<'_, Message> {
    let mut deadline = row![
        text_input(&fl!("deadline-optional"), &screen.deadline)
            .id("letter-deadline")
            .on_input(Message::Deadline)
            .padding(6)
            .size(14)
            .width(Length::Fill),
        widgets::action(
            fl!("write-the-letter"),
            (!screen.letter_customer.trim().is_empty()
                && !busy
                && screen.deadline_error().is_none())
            .then_some(Message::WriteLetter)
        ),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    if let Some(error) = screen.deadline_error() {
        deadline = deadline.push(widgets::danger_text(error));
    }
    column![
        text(fl!("one-letter")).size(15),
        row![
            text_input(&fl!("customer-code"), &screen.letter_customer)
                .id("letter-customer")
                .on_input(Message::LetterCustomer)
                .padding(6)
                .size(14)
                .width(Length::Fill),
            pick_list(
                super::level_choices(),
                Some(screen.letter_level),
                Message::LetterLevel
            )
            .padding(6)
            .width(Length::Fixed(240.0)),
        ]
        .spacing(8)
        .align_y(Alignment::Center),
        deadline,
        widgets::muted(fl!("without-a-deadline-14-days-from")).size(12),
    ]
    .spacing(8)
    .into()
}

/// "Level 1 friendly reminder", or "Payment reminder (before due)" for level 0, which is
/// not a rung of the ladder.
fn level_label(level: Level) -> String {
    if level.is_rung() {
        fl!(
            "level-number-name-2",
            number = level.number().to_string(),
            name = level_name(level)
        )
    } else {
        fl!("payment-reminder-before-due")
    }
}

/// One letter due (under its level's heading): who, since when, and its Preview button.
fn due_row<'a>(
    screen: &'a Statements,
    letter: &'a DueLetter,
    book: &'a Book,
) -> Element<'a, Message> {
    row![
        text(if letter.level.is_rung() {
            fl!(
                "code-oldest-item-due-due-days-overdue",
                code = letter.customer.as_str(),
                due = book.date(letter.oldest_due),
                days = letter.days_overdue
            )
        } else {
            fl!(
                "code-first-item-falls-due-due",
                code = letter.customer.as_str(),
                due = book.date(letter.oldest_due)
            )
        })
        .size(13)
        .width(Length::Fill),
        if screen.preparing.as_deref() == Some(letter.customer.as_str()) {
            button(text(fl!("preparing")).size(12))
                .padding([2, 8])
                .style(button::secondary)
        } else {
            button(text(fl!("preview")).size(12))
                .padding([2, 8])
                .style(button::secondary)
                .on_press(Message::Preview(letter.customer.clone()))
        },
    ]
    .spacing(6)
    .padding(iced::Padding::ZERO.right(14))
    .align_y(Alignment::Center)
    .into()
}

/// Held customers listed when the list is open; the count above covers them all (a
/// book of 10,000 customers may hold thousands).
const HELD_SHOWN: usize = 200;

/// "Held (N)" with Show / Hide and, open, every customer the ladder holds today with the
/// reason in words, each a click away from its ledger; the list scrolls in its share of
/// the panel beside the letters due. While the confirmation shows, it folds: Confirm
/// and the list of who gets a letter keep the room.
fn held<'a>(screen: &'a Statements, book: &'a Book) -> Element<'a, Message> {
    let open = screen.show_held && !screen.confirming;
    let heading = row![
        text(fl!("held-n", n = count_text(screen.held.len())))
            .size(15)
            .width(Length::Fill),
        widgets::secondary(
            if open { fl!("hide") } else { fl!("show") },
            (!screen.held.is_empty() && !screen.confirming).then_some(Message::ToggleHeld),
        ),
    ]
    .spacing(8)
    .align_y(Alignment::Center);
    let hint = widgets::muted(fl!("overdue-but-no-letter-today-click")).size(12);
    if !open || screen.held.is_empty() {
        return column![heading, hint].spacing(4).into();
    }
    let currency = book.currency();
    let mut list = column![].spacing(2);
    for customer in screen.held.iter().take(HELD_SHOWN) {
        list = list.push(
            button(
                column![
                    row![
                        text(format!("{} {}", customer.code, customer.name))
                            .size(13)
                            .width(Length::Fill),
                        text(fl!("amount-overdue", amount = book.money(customer.overdue))).size(13),
                    ]
                    .spacing(8),
                    widgets::muted(held::reason_text(&customer.reason, currency)).size(12),
                ]
                .spacing(1),
            )
            .padding([3, 6])
            .width(Length::Fill)
            .style(button::text)
            .on_press(Message::OpenLedger(customer.code.clone())),
        );
    }
    if screen.held.len() > HELD_SHOWN {
        list = list.push(widgets::muted(fl!(
            "and-n-more",
            n = count_text(screen.held.len() - HELD_SHOWN)
        )));
    }
    column![
        heading,
        hint,
        scrollable(list.padding(iced::Padding::ZERO.right(14))).height(Length::FillPortion(1)),
    ]
    .spacing(4)
    .height(Length::FillPortion(1))
    .into()
}

/// Everything issued, newest first, each re-printable byte for byte; searched by
/// customer, period, date or file name.
fn archive<'a>(screen: &'a Statements, book: &'a Book) -> Element<'a, Message> {
    let found: Vec<&Issued> = screen.archive_found().collect();
    let amounts: Vec<String> = found
        .iter()
        .take(ARCHIVE_SHOWN)
        .map(|issued| book.money(issued.amount))
        .collect();
    // As wide as the largest amount needs: never clipped by a long name beside it.
    let money = widgets::money_column("", amounts.iter().map(String::as_str));
    let mut list = column![].spacing(2);
    if screen.archive.is_empty() {
        list = list.push(widgets::muted(fl!("nothing-issued-yet")));
    } else if found.is_empty() {
        list = list.push(widgets::muted(fl!("nothing-issued-matches")));
    }
    for (issued, amount) in found.iter().zip(amounts) {
        let what = match (issued.level, &issued.period) {
            (Some(level), _) => LevelChoice(level).to_string(),
            (None, Some(period)) => fl!("statement-period", period = period.as_str()),
            (None, None) => fl!("statement"),
        };
        list = list.push(
            row![
                widgets::cell(book.date(issued.date), Length::Fixed(92.0)),
                widgets::name_cell_owned(
                    format!("{} {} · {what}", issued.customer, issued.customer_name),
                    Length::Fill
                ),
                widgets::amount_cell(amount, Length::Fixed(money)),
                iced::widget::button(text(fl!("save-a-copy")).size(12))
                    .padding([2, 8])
                    .style(iced::widget::button::secondary)
                    .on_press(Message::Reprint(issued.id)),
            ]
            .spacing(6)
            .padding(iced::Padding::ZERO.right(14))
            .align_y(Alignment::Center),
        );
    }
    if found.len() > ARCHIVE_SHOWN {
        list = list.push(widgets::muted(fl!(
            "and-n-more",
            n = count_text(found.len() - ARCHIVE_SHOWN)
        )));
    }
    let search = text_input(&fl!("search-issued"), &screen.archive_search)
        .id(ARCHIVE_SEARCH)
        .on_input(Message::ArchiveSearch)
        .padding(4)
        .size(13)
        .width(Length::Fixed(220.0));
    container(
        column![
            row![
                text(fl!("issued-n", n = screen.archive.len()))
                    .size(18)
                    .font(BOLD),
                space::horizontal(),
                search,
            ]
            .spacing(8)
            .align_y(Alignment::Center),
            scrollable(list).height(Length::Fill),
        ]
        .spacing(8),
    )
    .width(Length::Fill)
    .height(Length::Fill)
    .padding(12)
    .style(widgets::panel)
    .into()
}
