//! Why the bank file's amounts were read with the sign they were ([`SignWhy`]), said in
//! the language chosen; the English is word for word its `Display` (the JSON's
//! `sign_reason`). Lines and counts are passed as text, never grouped.

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;

use super::super::errors::Described;
use crate::import::{CardSeen, DoubtRows, Sign, SignDoubt, SignWhy};

impl Described for SignWhy {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        let positive = |sign: &Sign| *sign == Sign::Inverted;
        match self {
            SignWhy::Hint(sign) => fl!(loader, "reason-sign-hint", sign = sign.as_str()),
            SignWhy::ShapeInverted => fl!(loader, "reason-sign-shape"),
            SignWhy::CardRow { card, line, sign } => {
                let (card, line) = (card_seen(card, loader), line.to_string());
                if positive(sign) {
                    fl!(
                        loader,
                        "reason-sign-card-row-positive",
                        card = card,
                        line = line
                    )
                } else {
                    fl!(
                        loader,
                        "reason-sign-card-row-negative",
                        card = card,
                        line = line
                    )
                }
            }
            SignWhy::CardBalance { card, sign } => {
                let card = card_seen(card, loader);
                if positive(sign) {
                    fl!(loader, "reason-sign-card-balance-positive", card = card)
                } else {
                    fl!(loader, "reason-sign-card-balance-negative", card = card)
                }
            }
            SignWhy::CardMostly {
                card,
                sign,
                count,
                total,
            } => {
                let card = card_seen(card, loader);
                let (count, total) = (count.to_string(), total.to_string());
                if positive(sign) {
                    fl!(
                        loader,
                        "reason-sign-card-mostly-positive",
                        card = card,
                        count = count,
                        total = total
                    )
                } else {
                    fl!(
                        loader,
                        "reason-sign-card-mostly-negative",
                        card = card,
                        count = count,
                        total = total
                    )
                }
            }
        }
    }
}

impl Described for SignDoubt {
    fn described_in(&self, loader: &FluentLanguageLoader) -> String {
        let card = card_seen(&self.card, loader);
        match self.rows {
            DoubtRows::Silent => fl!(loader, "reason-sign-doubt", card = card),
            DoubtRows::ReadsLikeCard(line) => fl!(
                loader,
                "reason-sign-doubt-row",
                card = card,
                line = line.to_string()
            ),
            DoubtRows::Disagree => fl!(loader, "reason-sign-doubt-disagree", card = card),
        }
    }
}

/// What says the file is a card statement.
fn card_seen(card: &CardSeen, loader: &FluentLanguageLoader) -> String {
    match card {
        CardSeen::Title { line, text } => fl!(
            loader,
            "reason-card-title",
            line = line.to_string(),
            text = text.as_str()
        ),
        CardSeen::Column(name) => fl!(loader, "reason-card-column", name = name.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, loader_for};

    #[test]
    fn in_english_as_displayed_and_in_chinese_with_the_values() {
        let (english, chinese) = (
            loader_for(Language::English),
            loader_for(Language::SimplifiedChinese),
        );
        let title = CardSeen::Title {
            line: 1,
            text: "Credit card statement".into(),
        };
        let column = CardSeen::Column("Card number".into());
        let mut all = vec![
            (SignWhy::Hint(Sign::Inverted), vec!["inverted"]),
            (SignWhy::ShapeInverted, vec!["+"]),
        ];
        for sign in [Sign::Normal, Sign::Inverted] {
            all.push((
                SignWhy::CardRow {
                    card: title.clone(),
                    line: 1004,
                    sign,
                },
                vec!["Credit card statement", "1004"],
            ));
            all.push((
                SignWhy::CardBalance {
                    card: column.clone(),
                    sign,
                },
                vec!["Card number"],
            ));
            all.push((
                SignWhy::CardMostly {
                    card: title.clone(),
                    sign,
                    count: 1200,
                    total: 1400,
                },
                vec!["Credit card statement", "1200", "1400"],
            ));
        }
        let doubts = [
            (DoubtRows::Silent, vec!["Credit card statement"]),
            (
                DoubtRows::ReadsLikeCard(1004),
                vec!["Credit card statement", "1004"],
            ),
            (DoubtRows::Disagree, vec!["Credit card statement"]),
        ];
        for (rows, values) in doubts {
            let doubt = SignDoubt {
                card: title.clone(),
                rows,
            };
            assert_eq!(doubt.described_in(&english), doubt.to_string());
            let said = doubt.described_in(&chinese);
            assert!(
                said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "not Chinese: {said}"
            );
            for value in values {
                assert!(said.contains(value), "{value} not in {said}");
            }
        }
        for (why, values) in all {
            assert_eq!(why.described_in(&english), why.to_string());
            let said = why.described_in(&chinese);
            assert!(
                said.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "not Chinese: {said}"
            );
            for value in values {
                assert!(said.contains(value), "{value} not in {said}");
            }
        }
    }
}
