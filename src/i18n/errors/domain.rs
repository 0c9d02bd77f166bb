//! The domain's errors (`src/domain`) as the screens say them: dates, texts, letters,
//! the company profile, customers, aging, money, notes, allocation, terms and document
//! kinds. Counts are Fluent numbers (grouped, singular or plural as English needs);
//! a refused text inside another error is said by [`TextError`]'s own messages.

use i18n_embed::fluent::FluentLanguageLoader;

use crate::domain::DateError;
use crate::domain::aging::AgingError;
use crate::domain::allocation::AllocationError;
use crate::domain::company::{CompanyError, MAX_LOGO_BYTES, MAX_LOGO_SIDE};
use crate::domain::customer::CustomerError;
use crate::domain::document::UnknownKind;
use crate::domain::letters::{LetterError, MAX_THRESHOLD_DAYS, MERGE_FIELDS};
use crate::domain::money::MoneyError;
use crate::domain::note::NoteError;
use crate::domain::terms::TermsError;
use crate::domain::text::TextError;

impl super::Described for DateError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            DateError::NotADate(text) => {
                i18n_embed_fl::fl!(loader, "error-date-not-a-date", text = text.as_str())
            }
            DateError::OutOfRange(text) => {
                i18n_embed_fl::fl!(loader, "error-date-out-of-range", text = text.as_str())
            }
        }
    }
}

impl super::Described for TextError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            TextError::Blank { field } => {
                i18n_embed_fl::fl!(loader, "error-text-blank", field = (*field))
            }
            TextError::Control {
                field,
                code,
                position,
            } => i18n_embed_fl::fl!(
                loader,
                "error-text-control",
                field = (*field),
                code = code.as_str(),
                position = (*position)
            ),
            TextError::NewLine { field, position } => i18n_embed_fl::fl!(
                loader,
                "error-text-new-line",
                field = (*field),
                position = (*position)
            ),
            TextError::Bidi {
                field,
                code,
                position,
            } => i18n_embed_fl::fl!(
                loader,
                "error-text-bidi",
                field = (*field),
                code = code.as_str(),
                position = (*position)
            ),
            TextError::TooLong { field, length, max } => i18n_embed_fl::fl!(
                loader,
                "error-text-too-long",
                field = (*field),
                length = (*length),
                max = (*max)
            ),
        }
    }
}

impl super::Described for LetterError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            LetterError::UnknownField { field } => i18n_embed_fl::fl!(
                loader,
                "error-letter-unknown-field",
                field = field.as_str(),
                fields = MERGE_FIELDS.join(" ")
            ),
            LetterError::Unclosed => i18n_embed_fl::fl!(loader, "error-letter-unclosed"),
            LetterError::EmptyTitle => i18n_embed_fl::fl!(loader, "error-letter-empty-title"),
            LetterError::NoParagraphs => {
                i18n_embed_fl::fl!(loader, "error-letter-no-paragraphs")
            }
            LetterError::ItemsInline => i18n_embed_fl::fl!(loader, "error-letter-items-inline"),
            LetterError::BadDays { level, text } => i18n_embed_fl::fl!(
                loader,
                "error-letter-bad-days",
                level = (*level),
                text = text.as_str(),
                // As `owed settings set` prints it and the settings screen says it.
                max = MAX_THRESHOLD_DAYS.to_string()
            ),
            LetterError::NotIncreasing {
                level,
                days,
                previous,
                previous_days,
            } => i18n_embed_fl::fl!(
                loader,
                "error-letter-not-increasing",
                level = (*level),
                days = (*days),
                previous = (*previous),
                previous_days = (*previous_days)
            ),
            LetterError::Text(inner) => super::Described::described_in(inner, loader),
        }
    }
}

impl super::Described for CompanyError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            CompanyError::EmptyName => i18n_embed_fl::fl!(loader, "error-company-empty-name"),
            CompanyError::BadEmail(text) => {
                i18n_embed_fl::fl!(loader, "error-company-bad-email", text = text.as_str())
            }
            CompanyError::NotAnImage(kind) => {
                i18n_embed_fl::fl!(
                    loader,
                    "error-company-not-an-image",
                    kind = super::Described::described_in(kind, loader)
                )
            }
            CompanyError::BadImage { format, reason } => i18n_embed_fl::fl!(
                loader,
                "error-company-bad-image",
                format = (*format),
                reason = reason.as_str()
            ),
            CompanyError::BadSize { width, height } => i18n_embed_fl::fl!(
                loader,
                "error-company-bad-size",
                // Pixels and KB as the command prints them, never grouped.
                width = width.to_string(),
                height = height.to_string(),
                max = MAX_LOGO_SIDE.to_string()
            ),
            CompanyError::TooLarge(kb) => i18n_embed_fl::fl!(
                loader,
                "error-company-too-large",
                kb = kb.to_string(),
                max = (MAX_LOGO_BYTES / 1024).to_string()
            ),
            CompanyError::Text(inner) => super::Described::described_in(inner, loader),
        }
    }
}

impl super::Described for CustomerError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            CustomerError::EmptyCode => i18n_embed_fl::fl!(loader, "error-customer-empty-code"),
            CustomerError::BadCode(code) => {
                i18n_embed_fl::fl!(loader, "error-customer-bad-code", code = code.as_str())
            }
            CustomerError::EmptyName => i18n_embed_fl::fl!(loader, "error-customer-empty-name"),
            CustomerError::BadTier(tier) => {
                i18n_embed_fl::fl!(loader, "error-customer-bad-tier", tier = tier.as_str())
            }
            CustomerError::BadEmail(text) => {
                i18n_embed_fl::fl!(loader, "error-customer-bad-email", text = text.as_str())
            }
            CustomerError::NegativeCreditLimit => {
                i18n_embed_fl::fl!(loader, "error-customer-negative-credit-limit")
            }
            CustomerError::Text(inner) => super::Described::described_in(inner, loader),
        }
    }
}

impl super::Described for AgingError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            AgingError::BadBuckets(text) => {
                i18n_embed_fl::fl!(loader, "error-aging-bad-buckets", text = text.as_str())
            }
            AgingError::BadBasis(text) => {
                i18n_embed_fl::fl!(loader, "error-aging-bad-basis", text = text.as_str())
            }
        }
    }
}

impl super::Described for MoneyError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            // The book's format gives two ways to write it, joined by an English "or".
            MoneyError::NotAnAmount { text, example } => match example.split_once(" or ") {
                Some((grouped, plain)) => i18n_embed_fl::fl!(
                    loader,
                    "error-money-not-an-amount-either",
                    text = text.as_str(),
                    grouped = grouped,
                    plain = plain
                ),
                None => i18n_embed_fl::fl!(
                    loader,
                    "error-money-not-an-amount",
                    text = text.as_str(),
                    example = (*example)
                ),
            },
            MoneyError::TooPrecise {
                text,
                code,
                minor_units,
            } => i18n_embed_fl::fl!(
                loader,
                "error-money-too-precise",
                text = text.as_str(),
                code = code.as_str(),
                minor_units = (*minor_units)
            ),
            MoneyError::NotPositive(text) => {
                i18n_embed_fl::fl!(loader, "error-money-not-positive", text = text.as_str())
            }
            MoneyError::TooLarge(text) => {
                i18n_embed_fl::fl!(loader, "error-money-too-large", text = text.as_str())
            }
            MoneyError::BadCurrencyCode(code) => i18n_embed_fl::fl!(
                loader,
                "error-money-bad-currency-code",
                code = code.as_str()
            ),
            MoneyError::BadMinorUnits(units) => {
                i18n_embed_fl::fl!(loader, "error-money-bad-minor-units", units = (*units))
            }
        }
    }
}

impl super::Described for NoteError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            NoteError::BadChannel(text) => {
                i18n_embed_fl::fl!(loader, "error-note-bad-channel", text = text.as_str())
            }
            NoteError::BadDirection(text) => {
                i18n_embed_fl::fl!(loader, "error-note-bad-direction", text = text.as_str())
            }
            NoteError::EmptySummary => i18n_embed_fl::fl!(loader, "error-note-empty-summary"),
            NoteError::BadPromise { text, why } => i18n_embed_fl::fl!(
                loader,
                "error-note-bad-promise",
                text = text.as_str(),
                why = why.as_str()
            ),
            NoteError::Text(inner) => super::Described::described_in(inner, loader),
        }
    }
}

impl super::Described for AllocationError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            AllocationError::BadRequest(text) => {
                i18n_embed_fl::fl!(loader, "error-allocation-bad-request", text = text.as_str())
            }
            AllocationError::NothingOpen(number) => i18n_embed_fl::fl!(
                loader,
                "error-allocation-nothing-open",
                number = number.as_str()
            ),
            AllocationError::MoreThanOpen {
                number,
                open,
                asked,
            } => i18n_embed_fl::fl!(
                loader,
                "error-allocation-more-than-open",
                number = number.as_str(),
                open = open.as_str(),
                asked = asked.as_str()
            ),
            AllocationError::MoreThanCredit { available } => i18n_embed_fl::fl!(
                loader,
                "error-allocation-more-than-credit",
                available = available.as_str()
            ),
        }
    }
}

impl super::Described for TermsError {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        match self {
            TermsError::Unknown(text) => {
                i18n_embed_fl::fl!(loader, "error-terms-unknown", text = text.as_str())
            }
            TermsError::BadDiscountPercent(percent) => i18n_embed_fl::fl!(
                loader,
                "error-terms-bad-discount-percent",
                percent = percent.as_str()
            ),
            TermsError::DiscountPastNet { days, net } => i18n_embed_fl::fl!(
                loader,
                "error-terms-discount-past-net",
                days = (*days),
                net = (*net)
            ),
            TermsError::BadInstallmentCount(count) => i18n_embed_fl::fl!(
                loader,
                "error-terms-bad-installment-count",
                count = (*count)
            ),
            TermsError::BadDepositPercent(percent) => i18n_embed_fl::fl!(
                loader,
                "error-terms-bad-deposit-percent",
                percent = percent.to_string()
            ),
            TermsError::ScheduleSumMismatch { got, expected } => i18n_embed_fl::fl!(
                loader,
                "error-terms-schedule-sum-mismatch",
                got = got.as_str(),
                expected = expected.as_str()
            ),
            TermsError::DueBeforeDate { due, date } => i18n_embed_fl::fl!(
                loader,
                "error-terms-due-before-date",
                due = due.to_string(),
                date = date.to_string()
            ),
            TermsError::EmptyInstallment => {
                i18n_embed_fl::fl!(loader, "error-terms-empty-installment")
            }
            TermsError::BadExplicitList(text) => i18n_embed_fl::fl!(
                loader,
                "error-terms-bad-explicit-list",
                text = text.as_str()
            ),
            TermsError::OutOfRange => i18n_embed_fl::fl!(loader, "error-terms-out-of-range"),
        }
    }
}

impl super::Described for UnknownKind {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        let UnknownKind(text) = self;
        i18n_embed_fl::fl!(loader, "error-unknown-kind", text = text.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Display;
    use std::sync::LazyLock;

    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::super::Described;
    use super::*;
    use crate::i18n::{Language, loader_for};

    static ENGLISH: LazyLock<FluentLanguageLoader> =
        LazyLock::new(|| loader_for(Language::English));
    static CHINESE: LazyLock<FluentLanguageLoader> =
        LazyLock::new(|| loader_for(Language::SimplifiedChinese));

    /// The English says word for word what `Display` says.
    fn same_in_english(error: &(impl Described + Display)) {
        assert_eq!(error.described_in(&ENGLISH), error.to_string());
    }

    /// The same, but with the thousands of whole numbers grouped (Fluent numbers are
    /// grouped by the book's separator, which another test may have changed; `Display`
    /// never groups): compared with the separators between digits taken out.
    fn same_in_english_but_grouping(error: &(impl Described + Display)) {
        let described = error.described_in(&ENGLISH);
        assert_eq!(ungrouped(&described), ungrouped(&error.to_string()));
    }

    fn ungrouped(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let separator = |c: char| [',', '.', ' ', '\u{a0}', '\u{202f}', '\u{2009}'].contains(&c);
        chars
            .iter()
            .enumerate()
            .filter(|&(i, &c)| {
                !(separator(c)
                    && i > 0
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()))
            })
            .map(|(_, &c)| c)
            .collect()
    }

    /// The Chinese is Chinese and holds each of `values`.
    fn chinese_with(error: &impl Described, values: &[&str]) {
        let described = error.described_in(&CHINESE);
        assert!(
            described
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "not Chinese: {described}"
        );
        for value in values {
            assert!(described.contains(value), "{value} not in {described}");
        }
    }

    #[test]
    fn dates() {
        let error = DateError::NotADate("2026-02-30".into());
        same_in_english(&error);
        chinese_with(&error, &["2026-02-30"]);
        let error = DateError::OutOfRange("9999-12-31".into());
        same_in_english(&error);
        chinese_with(&error, &["9999-12-31", "1900-01-01"]);
    }

    #[test]
    fn texts() {
        same_in_english(&TextError::Blank { field: "name" });
        let error = TextError::Control {
            field: "memo",
            code: "U+0009".into(),
            position: 7,
        };
        same_in_english(&error);
        chinese_with(&error, &["memo", "U+0009", "7"]);
        let error = TextError::NewLine {
            field: "reference",
            position: 2,
        };
        same_in_english(&error);
        chinese_with(&error, &["reference", "2"]);
        let error = TextError::Bidi {
            field: "name",
            code: "U+202E".into(),
            position: 3,
        };
        same_in_english(&error);
        chinese_with(&error, &["U+202E", "3"]);
        let error = TextError::TooLong {
            field: "code",
            length: 40,
            max: 32,
        };
        same_in_english(&error);
        chinese_with(&error, &["code", "40", "32"]);
        same_in_english_but_grouping(&TextError::TooLong {
            field: "memo",
            length: 2001,
            max: 2000,
        });
    }

    #[test]
    fn letters() {
        let error = LetterError::UnknownField {
            field: "{customr}".into(),
        };
        same_in_english(&error);
        chinese_with(&error, &["{customr}", "{customer}", "{due_date}"]);
        same_in_english(&LetterError::Unclosed);
        chinese_with(&LetterError::Unclosed, &["{customer}"]);
        same_in_english(&LetterError::EmptyTitle);
        same_in_english(&LetterError::NoParagraphs);
        same_in_english(&LetterError::ItemsInline);
        chinese_with(&LetterError::ItemsInline, &["{items}"]);
        // The largest threshold (3650) is grouped by Fluent.
        let error = LetterError::BadDays {
            level: 2,
            text: "ten".into(),
        };
        same_in_english_but_grouping(&error);
        chinese_with(&error, &["2", "ten"]);
        let error = LetterError::NotIncreasing {
            level: 3,
            days: 30,
            previous: 2,
            previous_days: 45,
        };
        same_in_english(&error);
        chinese_with(&error, &["3", "30", "2", "45"]);
        // `Display` says "1 days"; the catalogue says it as English does.
        let error = LetterError::NotIncreasing {
            level: 2,
            days: 1,
            previous: 1,
            previous_days: 7,
        };
        assert_eq!(
            error.described_in(&ENGLISH),
            "level 2 (1 day) must come after level 1 (7 days): the thresholds must increase"
        );
        let error = LetterError::Text(TextError::Blank { field: "title" });
        same_in_english(&error);
        chinese_with(&error, &["title"]);
    }

    #[test]
    fn company() {
        same_in_english(&CompanyError::EmptyName);
        let error = CompanyError::BadEmail("billing-at-acme".into());
        same_in_english(&error);
        chinese_with(&error, &["billing-at-acme"]);
        let error = CompanyError::NotAnImage(crate::domain::file_kind::sniff(b"GIF89a", 6));
        same_in_english(&error);
        chinese_with(&error, &["GIF", "6"]);
        let error = CompanyError::BadImage {
            format: "PNG",
            reason: "unexpected end of file".into(),
        };
        same_in_english(&error);
        chinese_with(&error, &["PNG", "unexpected end of file"]);
        // The largest side (4000) and file (2048 KB) are grouped by Fluent.
        let error = CompanyError::BadSize {
            width: 8,
            height: 600,
        };
        same_in_english_but_grouping(&error);
        chinese_with(&error, &["8", "600"]);
        let error = CompanyError::TooLarge(3000);
        same_in_english_but_grouping(&error);
        chinese_with(&error, &["KB"]);
        same_in_english(&CompanyError::Text(TextError::NewLine {
            field: "company.phone",
            position: 4,
        }));
    }

    #[test]
    fn customers() {
        same_in_english(&CustomerError::EmptyCode);
        let error = CustomerError::BadCode("ACME LTD".into());
        same_in_english(&error);
        chinese_with(&error, &["ACME LTD"]);
        same_in_english(&CustomerError::EmptyName);
        let error = CustomerError::BadTier("D".into());
        same_in_english(&error);
        chinese_with(&error, &["D"]);
        same_in_english(&CustomerError::BadEmail("x@".into()));
        same_in_english(&CustomerError::NegativeCreditLimit);
        let error = CustomerError::Text(TextError::Blank { field: "name" });
        same_in_english(&error);
        chinese_with(&error, &["name"]);
    }

    #[test]
    fn aging() {
        let error = AgingError::BadBuckets("90,30".into());
        same_in_english(&error);
        chinese_with(&error, &["90,30"]);
        let error = AgingError::BadBasis("posted".into());
        same_in_english(&error);
        chinese_with(&error, &["posted"]);
    }

    #[test]
    fn money() {
        let error = MoneyError::NotAnAmount {
            text: "12,3,4".into(),
            example: "1234.50",
        };
        same_in_english(&error);
        chinese_with(&error, &["12,3,4", "1234.50"]);
        // The book's two ways to write an amount, joined in the language shown.
        let error = MoneyError::NotAnAmount {
            text: "12,50".into(),
            example: "1,234.50 or 1234.50",
        };
        same_in_english(&error);
        chinese_with(&error, &["12,50", "1,234.50", "1234.50"]);
        let chinese = error.described_in(&CHINESE);
        assert!(!chinese.contains(" or "), "{chinese}");
        let error = MoneyError::TooPrecise {
            text: "1.005".into(),
            code: "USD".into(),
            minor_units: 2,
        };
        same_in_english(&error);
        chinese_with(&error, &["1.005", "USD", "2"]);
        same_in_english(&MoneyError::NotPositive("-5".into()));
        same_in_english(&MoneyError::TooLarge("1e15".into()));
        let error = MoneyError::BadCurrencyCode("US".into());
        same_in_english(&error);
        chinese_with(&error, &["US"]);
        let error = MoneyError::BadMinorUnits(7);
        same_in_english(&error);
        chinese_with(&error, &["7"]);
    }

    #[test]
    fn notes() {
        let error = NoteError::BadChannel("fax".into());
        same_in_english(&error);
        chinese_with(&error, &["fax"]);
        same_in_english(&NoteError::BadDirection("up".into()));
        same_in_english(&NoteError::EmptySummary);
        let error = NoteError::BadPromise {
            text: "soon".into(),
            why: "'soon' is not a date".into(),
        };
        same_in_english(&error);
        chinese_with(&error, &["soon", "'soon' is not a date", "`;`"]);
        same_in_english(&NoteError::Text(TextError::Blank { field: "summary" }));
    }

    #[test]
    fn allocation() {
        let error = AllocationError::BadRequest("INV-1:".into());
        same_in_english(&error);
        chinese_with(&error, &["INV-1:"]);
        same_in_english(&AllocationError::NothingOpen("INV-9".into()));
        let error = AllocationError::MoreThanOpen {
            number: "INV-1001".into(),
            open: "$1,200.00".into(),
            asked: "$1,500.00".into(),
        };
        same_in_english(&error);
        chinese_with(&error, &["INV-1001", "$1,200.00", "$1,500.00"]);
        let error = AllocationError::MoreThanCredit {
            available: "€300.00".into(),
        };
        same_in_english(&error);
        chinese_with(&error, &["€300.00"]);
    }

    #[test]
    fn terms() {
        let error = TermsError::Unknown("net thirty".into());
        same_in_english(&error);
        chinese_with(&error, &["net thirty"]);
        let error = TermsError::BadDiscountPercent("100".into());
        same_in_english(&error);
        chinese_with(&error, &["100%"]);
        let error = TermsError::DiscountPastNet { days: 40, net: 30 };
        same_in_english(&error);
        chinese_with(&error, &["40", "30"]);
        let error = TermsError::BadInstallmentCount(1);
        same_in_english(&error);
        chinese_with(&error, &["1"]);
        let error = TermsError::BadDepositPercent(Decimal::new(1025, 1));
        same_in_english(&error);
        chinese_with(&error, &["102.5%"]);
        let error = TermsError::ScheduleSumMismatch {
            got: "1,100.00".into(),
            expected: "1,200.00".into(),
        };
        same_in_english(&error);
        chinese_with(&error, &["1,100.00", "1,200.00"]);
        let error = TermsError::DueBeforeDate {
            due: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            date: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        };
        same_in_english(&error);
        chinese_with(&error, &["2026-09-30", "2026-10-01"]);
        same_in_english(&TermsError::EmptyInstallment);
        same_in_english(&TermsError::BadExplicitList("2026-10-31".into()));
        same_in_english(&TermsError::OutOfRange);
    }

    #[test]
    fn document_kinds() {
        let error = UnknownKind("bill".into());
        same_in_english(&error);
        chinese_with(&error, &["bill"]);
    }
}
