//! The notes the book writes for a letter it issues and an email the server took
//! ([`crate::store::IssuedSays`]), said in the language chosen.

/// The note of a letter the book issued or an email the server took, in `loader`'s
/// language; `None` for any other text.
pub(super) fn issued_note_in(
    summary: &str,
    loader: &i18n_embed::fluent::FluentLanguageLoader,
) -> Option<String> {
    use crate::domain::email::EmailKind;
    use crate::store::IssuedSays;
    let level_name = |level| super::level_name_in(level, loader);
    Some(match IssuedSays::read(summary)? {
        IssuedSays::Letter {
            level,
            amount,
            deadline,
        } => i18n_embed_fl::fl!(
            loader,
            "note-letter-sent",
            n = level.number().to_string(),
            name = level_name(level),
            amount = amount,
            deadline = deadline
        ),
        IssuedSays::Reminder {
            date,
            amount,
            first,
        } => i18n_embed_fl::fl!(
            loader,
            "note-reminder-sent",
            date = date,
            amount = amount,
            first = first
        ),
        IssuedSays::Emailed {
            what: EmailKind::Statement,
            issued,
            to,
            subject,
        } => i18n_embed_fl::fl!(
            loader,
            "note-emailed-statement",
            id = issued.to_string(),
            to = to,
            subject = subject
        ),
        IssuedSays::Emailed {
            what: EmailKind::Letter(level),
            issued,
            to,
            subject,
        } => i18n_embed_fl::fl!(
            loader,
            "note-emailed-letter",
            n = level.number().to_string(),
            id = issued.to_string(),
            to = to,
            subject = subject
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::issued_note_in;
    use crate::domain::email::EmailKind;
    use crate::domain::letters::Level;
    use crate::i18n::{Language, loader_for};
    use crate::store::IssuedSays;

    #[test]
    fn the_notes_of_letters_and_emails_read_as_written_in_english_and_in_chinese() {
        let (english, chinese) = (
            loader_for(Language::English),
            loader_for(Language::SimplifiedChinese),
        );
        for (says, values) in [
            (
                IssuedSays::Letter {
                    level: Level::SecondNotice,
                    amount: "EUR 1,234.50".into(),
                    deadline: "2026-12-04".into(),
                },
                &["2", "EUR 1,234.50", "2026-12-04", "第二次通知"][..],
            ),
            (
                IssuedSays::Reminder {
                    date: "2026-11-23".into(),
                    amount: "EUR 500.00".into(),
                    first: "2026-11-30".into(),
                },
                &["2026-11-23", "EUR 500.00", "2026-11-30"],
            ),
            (
                IssuedSays::Emailed {
                    what: EmailKind::Statement,
                    issued: 12,
                    to: "ap@x.com".into(),
                    subject: "Acme 2026-11".into(),
                },
                &["12", "ap@x.com", "Acme 2026-11"],
            ),
            (
                IssuedSays::Emailed {
                    what: EmailKind::Letter(Level::Reminder),
                    issued: 3,
                    to: "ap@x.com".into(),
                    subject: "Reminder".into(),
                },
                &["3", "ap@x.com", "Reminder"],
            ),
        ] {
            let note = says.to_string();
            assert_eq!(
                issued_note_in(&note, &english).as_deref(),
                Some(note.as_str())
            );
            let said = issued_note_in(&note, &chinese).unwrap();
            assert!(
                said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{said}"
            );
            for value in values {
                assert!(said.contains(value), "{value} not in {said}");
            }
        }
        assert_eq!(issued_note_in("Called Acme", &chinese), None);
    }
}
