//! How the settings screen looks: the company on the left (details, logo, paper and
//! locale, backups), the dunning ladder (`view/ladder.rs`) and the letters on the right,
//! Save and Revert at the top.

use iced::widget::{
    Column, column, container, pick_list, row, scrollable, space, text, text_editor, text_input,
};
use iced::{Alignment, Element, Length};

use super::{
    LOGO_PATH, LanguageOption, LocaleChoice, Message, NAME, PaperChoice, Problems, Settings, TITLE,
    letter_index,
};
use crate::domain::company::{Locale, Paper};
use crate::domain::letters::{Level, MERGE_FIELDS};
use crate::fl;
use crate::preferences::LanguageChoice;
use crate::store::BackupKind;
use crate::ui::Book;
use crate::ui::widgets::{self, BOLD};

mod ladder;
mod policies;
mod tiers;

const LABEL: f32 = 140.0;

/// A label, the input beside it, and under the input why its value is refused.
fn labelled<'a, M: 'a>(
    label: String,
    input: impl Into<Element<'a, M>>,
    problem: Option<String>,
) -> Element<'a, M> {
    let mut right = Column::new().push(input).spacing(2).width(Length::Fill);
    if let Some(problem) = problem {
        right = right.push(widgets::danger_text(problem));
    }
    // Padded down so the label lines up with the text inside the input.
    let label = container(text(label).size(14))
        .padding(iced::Padding {
            top: 7.0,
            ..Default::default()
        })
        .width(Length::Fixed(LABEL));
    row![label, right]
        .spacing(10)
        .align_y(Alignment::Start)
        .into()
}

fn input<'a>(
    id: &'static str,
    value: &'a str,
    on_input: fn(String) -> Message,
    save: Option<Message>,
) -> Element<'a, Message> {
    text_input("", value)
        .id(id)
        .on_input(on_input)
        .on_submit_maybe(save)
        .padding(6)
        .size(14)
        .into()
}

fn editor<'a>(
    content: &'a text_editor::Content,
    on_action: fn(text_editor::Action) -> Message,
    height: f32,
) -> Element<'a, Message> {
    text_editor(content)
        .on_action(on_action)
        .padding(6)
        .size(14)
        .height(Length::Fixed(height))
        .into()
}

fn section<'a, M: 'a>(title: String, body: Column<'a, M>) -> Element<'a, M> {
    container(column![text(title).size(16).font(BOLD), body.spacing(10)].spacing(12))
        .padding(16)
        .width(Length::Fill)
        .style(widgets::panel)
        .into()
}

use widgets::choice;

pub fn view<'a>(screen: &'a Settings, book: &'a Book) -> Element<'a, Message> {
    let problems = screen
        .draft
        .settings(book.currency())
        .err()
        .map(|p| *p)
        .unwrap_or_default();
    let valid = !problems.any();
    let save = (valid && screen.dirty()).then_some(Message::Save);

    let status: Element<'a, Message> = if let Some(error) = &screen.error {
        widgets::danger_text(error.as_str()).into()
    } else if let Some(problem) = problems.first() {
        widgets::danger_text(problem).into()
    } else if let Some(notice) = &screen.notice {
        text(notice.as_str()).size(14).into()
    } else if screen.dirty() {
        widgets::muted(fl!("unsaved-changes")).into()
    } else {
        widgets::muted(fl!("printed-on-statements-and-demand-letters")).into()
    };
    let header = row![
        text(fl!("settings")).size(20).font(BOLD),
        space().width(16),
        // Takes the room left and wraps, so a long reason never pushes Save off screen.
        container(status).width(Length::Fill),
        widgets::secondary(fl!("revert"), screen.dirty().then_some(Message::Revert)),
        widgets::action(fl!("save"), save.clone()),
    ]
    .spacing(10)
    .align_y(Alignment::Center);

    let left = column![
        company(screen, &problems, save.clone()),
        logo(screen),
        paper_and_locale(screen, book),
        backups(screen),
        section(fl!("email"), screen.mail.view(labelled)).map(Message::Mail),
    ]
    .spacing(16)
    .width(Length::FillPortion(1));
    let right = column![
        ladder::ladder(screen, book, &problems, save.clone()),
        letters(screen, &problems, save)
    ]
    .spacing(16)
    .width(Length::FillPortion(1));

    column![
        header,
        scrollable(row![left, right].spacing(16).padding(iced::Padding {
            right: widgets::GUTTER,
            ..Default::default()
        }))
        .height(Length::Fill),
    ]
    .spacing(14)
    .into()
}

fn company<'a>(
    screen: &'a Settings,
    problems: &Problems,
    save: Option<Message>,
) -> Element<'a, Message> {
    let draft = &screen.draft;
    section(
        fl!("company"),
        column![
            labelled(
                fl!("company-name"),
                input(NAME, &draft.name, Message::Name, save.clone()),
                problems.name.clone(),
            ),
            labelled(
                fl!("address"),
                editor(&screen.editors.address, Message::Address, 78.0),
                None
            ),
            labelled(
                fl!("phone"),
                input("settings-phone", &draft.phone, Message::Phone, save.clone()),
                None
            ),
            labelled(
                fl!("email"),
                input("settings-email", &draft.email, Message::Email, save.clone()),
                problems.email.clone(),
            ),
            labelled(
                fl!("tax-registration-no"),
                input("settings-tax-id", &draft.tax_id, Message::TaxId, save),
                None,
            ),
            labelled(
                fl!("payment-instructions"),
                column![
                    editor(&screen.editors.payment, Message::Payment, 86.0),
                    widgets::muted(fl!("printed-at-the-foot-of-statements")),
                ]
                .spacing(2),
                None,
            ),
        ],
    )
}

fn logo<'a>(screen: &'a Settings) -> Element<'a, Message> {
    let shown: Element<'a, Message> = match screen.logo() {
        None => widgets::muted(fl!("no-logo")).into(),
        Some(Ok(info)) => {
            let name = screen
                .logo_file()
                .map(|n| format!("{n} — "))
                .unwrap_or_default();
            text(format!("{name}{info}")).size(14).into()
        }
        Some(Err(error)) => widgets::danger_text(error).into(),
    };
    let path = text_input(&fl!("path-of-a-png-or-jpeg"), &screen.logo_path)
        .id(LOGO_PATH)
        .on_input(Message::LogoPath)
        .on_submit(Message::LoadLogo)
        .padding(6)
        .size(14);
    let mut body = column![
        shown,
        row![
            path,
            widgets::secondary(
                fl!("load"),
                (!screen.logo_path.trim().is_empty()).then_some(Message::LoadLogo)
            ),
            widgets::secondary(fl!("choose"), Some(Message::ChooseLogo)),
            widgets::secondary(
                fl!("remove"),
                screen.draft.logo.is_some().then_some(Message::RemoveLogo)
            ),
        ]
        .spacing(8)
        .align_y(Alignment::Center),
    ];
    if let Some(error) = &screen.logo_error {
        body = body.push(widgets::danger_text(error.as_str()));
    }
    body = body.push(widgets::muted(fl!("png-or-jpeg-16-to-4000")));
    section(fl!("logo"), body)
}

/// The newest backup and Restore…, which asks before it replaces the book.
fn backups<'a>(screen: &'a Settings) -> Element<'a, Message> {
    let last: Element<'a, Message> = match &screen.last_backup {
        Some((made_at, path)) => text(fl!(
            "last-backup-time-path",
            time = made_at,
            path = path.display().to_string()
        ))
        .size(14)
        .into(),
        None => widgets::muted(fl!("no-backup-yet-one-is-made")).into(),
    };
    let mut body = column![last].spacing(6);
    // Each recent backup restores with one button (and a confirmation): no file dialog
    // is needed, which a desktop without a file-chooser portal could not show.
    for backup in &screen.recent_backups {
        let kind = match backup.kind {
            BackupKind::Auto => fl!("automatic"),
            BackupKind::Manual => fl!("manual"),
            BackupKind::BeforeMigration => fl!("before-upgrade"),
        };
        body = body.push(
            row![
                text(format!(
                    "{} · {kind} · {}",
                    backup.made_at.format("%Y-%m-%d %H:%M"),
                    crate::files::read::describe_size(backup.bytes)
                ))
                .size(14)
                .width(Length::Fill),
                widgets::secondary(
                    fl!("restore"),
                    Some(Message::BackupChosen(Some(backup.path.clone())))
                ),
            ]
            .spacing(8)
            .align_y(Alignment::Center),
        );
    }
    body = body.push(
        row![widgets::secondary(
            fl!("restore-from-another-file"),
            Some(Message::ChooseBackup)
        )]
        .spacing(8),
    );
    if let Some(candidate) = &screen.restore_candidate {
        body = body.push(
            column![
                widgets::danger_text(fl!(
                    "put-backup-in-place-of-this",
                    backup = candidate.display().to_string()
                )),
                row![
                    widgets::action(fl!("restore-2"), Some(Message::ConfirmRestore)),
                    widgets::secondary(fl!("cancel"), Some(Message::CancelRestore)),
                ]
                .spacing(8),
            ]
            .spacing(6),
        );
    }
    section(fl!("backups"), body)
}

fn paper_and_locale<'a>(screen: &'a Settings, book: &'a Book) -> Element<'a, Message> {
    let papers = [PaperChoice(Paper::A4), PaperChoice(Paper::Letter)];
    let locales: Vec<LocaleChoice> = Locale::ALL
        .into_iter()
        .map(|l| LocaleChoice::new(l, book.today))
        .collect();
    let locale = LocaleChoice::new(screen.draft.locale, book.today);
    section(
        fl!("paper-and-locale"),
        column![
            labelled(
                fl!("paper"),
                pick_list(
                    papers,
                    Some(PaperChoice(screen.draft.paper)),
                    Message::Paper
                )
                .text_size(14)
                .width(Length::Fill),
                None
            ),
            labelled(
                fl!("dates-and-numbers"),
                pick_list(locales, Some(locale), Message::Locale)
                    .text_size(14)
                    .width(Length::Fill),
                None
            ),
            labelled(
                fl!("screen-language"),
                column![
                    pick_list(
                        LanguageChoice::ALL.map(LanguageOption),
                        Some(LanguageOption(screen.language)),
                        Message::Language
                    )
                    .text_size(14)
                    .width(Length::Fill),
                    widgets::muted(match std::env::var("OWED_LANG") {
                        Ok(value) => fl!("owed-lang-overrides-this", value = value),
                        Err(_) => fl!("screen-language-hint"),
                    }),
                ]
                .spacing(2),
                None
            ),
        ],
    )
}

fn level_label(level: Level) -> String {
    match level {
        Level::BeforeDue => fl!("payment-reminder"),
        Level::Reminder => fl!("reminder"),
        Level::SecondNotice => fl!("second-notice"),
        Level::FinalDemand => fl!("final-demand"),
        Level::Legal => fl!("legal-notice"),
    }
}

fn letters<'a>(
    screen: &'a Settings,
    problems: &Problems,
    save: Option<Message>,
) -> Element<'a, Message> {
    let (level, chinese) = (screen.level, screen.chinese);
    let (l, c) = (letter_index(level), usize::from(chinese));
    let letter = screen.draft.letter(level, chinese);
    let found = &problems.letters[l][c];
    let levels = Level::EVERY.into_iter().map(|each| {
        let trouble = problems.letters[letter_index(each)]
            .iter()
            .flatten()
            .any(Option::is_some);
        let mark = if trouble { " !" } else { "" };
        choice(
            format!("{} {}{mark}", each.number(), level_label(each)),
            each == level,
            Message::Level(each),
        )
    });
    let trouble = |chinese: bool| {
        if problems.letters[l][usize::from(chinese)]
            .iter()
            .any(Option::is_some)
        {
            " !"
        } else {
            ""
        }
    };
    let languages = row![
        choice(
            format!("{}{}", fl!("english"), trouble(false)),
            !chinese,
            Message::Chinese(false)
        ),
        choice(
            format!("中文{}", trouble(true)),
            chinese,
            Message::Chinese(true)
        ),
    ]
    .spacing(6);
    let is_default = screen.letter_is_default();
    let state = if is_default {
        widgets::muted(fl!("the-default-text"))
    } else {
        widgets::muted(fl!("changed-from-the-default-text"))
    };
    section(
        fl!("demand-letters"),
        column![
            row(levels).spacing(4).wrap(),
            labelled(fl!("language"), languages, None),
            labelled(
                fl!("title"),
                input(TITLE, &letter.title, Message::Title, save),
                found[0].clone(),
            ),
            labelled(
                fl!("paragraphs"),
                column![
                    editor(&screen.editors.paragraphs[l][c], Message::Paragraphs, 250.0),
                    widgets::muted(fl!("a-blank-line-starts-a-new")),
                ]
                .spacing(2),
                found[1].clone(),
            ),
            labelled(
                fl!("closing"),
                editor(&screen.editors.closing[l][c], Message::Closing, 70.0),
                found[2].clone(),
            ),
            row![
                state,
                space::horizontal(),
                widgets::secondary(
                    fl!("reset-to-default"),
                    (!is_default).then_some(Message::ResetLetter)
                ),
            ]
            .align_y(Alignment::Center),
            widgets::muted(if level.is_rung() {
                fl!(
                    "merge-fields-table-of-overdue-items",
                    fields = MERGE_FIELDS.join(" "),
                    items = "{items}"
                )
            } else {
                fl!(
                    "merge-fields-fields-a-paragraph-that",
                    fields = MERGE_FIELDS.join(" "),
                    items = "{items}",
                    total_due = "{total_due}",
                    due_date = "{due_date}"
                )
            }),
        ],
    )
}
