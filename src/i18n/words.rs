//! Names of the library's closed sets — document kinds, letter levels, why the ladder
//! holds a customer, a note's channel and direction, a promise's status, a risk's band
//! and reasons, a credit review's suggestion, how a customer wants its documents — in
//! the language chosen, said the same on the screens and on the
//! command line (so they live here, beneath both).

mod issued_notes;

use crate::domain::Currency;
use crate::domain::analytics::one_decimal;
use crate::domain::customer::Tier;
use crate::domain::document::DocKind;
use crate::domain::email::SendBy;
use crate::domain::ladder::HeldReason;
use crate::domain::letters::Level;
use crate::domain::note::{Channel, Direction, PromiseStatus};
use crate::domain::risk::{Band, Risk, RiskReason, SuggestionReason};

/// A collection note's summary as a person reads it: the words the book writes for a
/// dispute it opens or resolves (and the credit note's memo) are said in the language
/// chosen, anything else (what a person wrote) as written.
pub fn note_summary_text(summary: &str) -> String {
    note_summary_in(summary, &super::LOADER)
}

/// The invoice disputed, and its installment if only one is, in `loader`'s language
/// (`INV-7 installment 2`, `INV-7 第 2 期`): one wording for the notes and the refusals.
pub fn disputed_item_in(
    item: &crate::store::DisputedItem,
    loader: &i18n_embed::fluent::FluentLanguageLoader,
) -> String {
    match item.installment {
        Some(seq) => i18n_embed_fl::fl!(
            loader,
            "dispute-on-installment",
            number = item.number.as_str(),
            seq = seq.to_string()
        ),
        None => item.number.clone(),
    }
}

/// [`note_summary_text`] in `loader`'s language.
pub fn note_summary_in(summary: &str, loader: &i18n_embed::fluent::FluentLanguageLoader) -> String {
    use crate::store::{DisputedItem, NoteSays};
    let on = |item: &DisputedItem| disputed_item_in(item, loader);
    match NoteSays::read(summary) {
        Some(NoteSays::Opened {
            id,
            on: item,
            reason,
        }) => i18n_embed_fl::fl!(
            loader,
            "note-dispute-opened",
            id = id.to_string(),
            on = on(&item),
            reason = reason
        ),
        Some(NoteSays::Resolved {
            id,
            on: item,
            credit: Some((number, amount)),
        }) => i18n_embed_fl::fl!(
            loader,
            "note-dispute-resolved-credit",
            id = id.to_string(),
            on = on(&item),
            number = number,
            amount = amount
        ),
        Some(NoteSays::Resolved {
            id,
            on: item,
            credit: None,
        }) => i18n_embed_fl::fl!(
            loader,
            "note-dispute-resolved",
            id = id.to_string(),
            on = on(&item)
        ),
        Some(NoteSays::CreditMemo {
            id,
            on: item,
            outcome,
        }) => i18n_embed_fl::fl!(
            loader,
            "note-dispute-credit-memo",
            id = id.to_string(),
            on = on(&item),
            outcome = outcome
        ),
        None => issued_notes::issued_note_in(summary, loader)
            .or_else(|| fee_memo_in(summary, loader))
            .unwrap_or_else(|| summary.to_string()),
    }
}

/// A fee run's memo with its first line said in `loader`'s language; the lines after it
/// (`FROM..TO AMOUNT SEQ NUMBER`, read back by the next run) as written.
fn fee_memo_in(memo: &str, loader: &i18n_embed::fluent::FluentLanguageLoader) -> Option<String> {
    let (first, rest) = memo
        .split_once('\n')
        .map_or((memo, None), |(f, r)| (f, Some(r)));
    let run = first
        .strip_prefix(crate::store::FEE_MEMO_HEADER)?
        .strip_prefix(", run ")?
        .strip_suffix("; per item: period, amount, installment, invoice")?;
    let said = i18n_embed_fl::fl!(loader, "fee-memo-header", run = run);
    Some(match rest {
        Some(rest) => format!("{said}\n{rest}"),
        None => said,
    })
}

/// What an override, a dispute or an acknowledged band did (an audit entry's words read
/// back), in the language chosen; amounts as `currency` writes them.
pub fn audit_says_text(says: &crate::store::EntrySays, currency: &Currency) -> String {
    use crate::store::EntrySays;
    let money = |plain: &str| {
        currency
            .parse_plain(plain)
            .map(|m| currency.display(m))
            .unwrap_or_else(|_| plain.to_string())
    };
    match says {
        EntrySays::PostedOnHold { number } => {
            fl!("history-posted-on-hold", number = number.as_str())
        }
        EntrySays::PostedOverLimit {
            number,
            amount,
            balance,
            would_be,
            over,
        } => fl!(
            "history-posted-over-limit",
            number = number.as_str(),
            amount = money(amount),
            balance = money(balance),
            would_be = money(would_be),
            over = money(over)
        ),
        EntrySays::DisputeOpen {
            id,
            number,
            installment,
        } => match installment {
            Some(seq) => fl!(
                "history-dispute-open-installment",
                id = id.to_string(),
                number = number.as_str(),
                seq = seq.to_string()
            ),
            None => fl!(
                "history-dispute-open",
                id = id.to_string(),
                number = number.as_str()
            ),
        },
        EntrySays::DisputeResolved { id } => {
            fl!("history-dispute-resolved", id = id.to_string())
        }
        EntrySays::RiskSeen { band, score } => fl!(
            "history-risk-seen",
            band = crate::domain::risk::Band::from_key(band)
                .map(crate::i18n::words::band_name)
                .unwrap_or_else(|| band.clone()),
            score = score.to_string()
        ),
    }
}

/// An audit entry's reason as a person reads it: the reasons the book gives itself (a
/// credit review's change, a band acknowledged) in the language chosen, a person's own
/// as written.
pub fn audit_reason_text(reason: &str) -> String {
    match reason {
        crate::store::REVIEW_REASON => fl!("audit-reason-credit-review"),
        crate::store::RISK_SEEN_REASON => fl!("audit-reason-risk-seen"),
        other => other.to_string(),
    }
}

/// What an audit entry records, as `owed audit list` shows it to a person (JSON and CSV
/// keep the action's key, `customer-add`).
pub fn audit_action_name(action: crate::store::AuditAction) -> String {
    use crate::store::AuditAction as A;
    match action {
        A::CustomerAdd => fl!("audit-customer-add"),
        A::CustomerEdit => fl!("audit-customer-edit"),
        A::Settings => fl!("audit-settings"),
        A::Override => fl!("audit-override"),
        A::Restore => fl!("audit-restore"),
        A::ImportUndo => fl!("audit-import-undo"),
        A::Pause => fl!("audit-pause"),
        A::Dispute => fl!("audit-dispute"),
        A::RiskSeen => fl!("audit-risk-ack"),
    }
}

/// A document kind's name (`invoice`, 发票), as the ledger lists it.
pub fn kind_name(kind: DocKind) -> String {
    match kind {
        DocKind::Invoice => fl!("kind-invoice"),
        DocKind::Fee => fl!("kind-fee"),
        DocKind::Refund => fl!("kind-refund"),
        DocKind::Payment => fl!("kind-payment"),
        DocKind::Credit => fl!("kind-credit"),
        DocKind::WriteOff => fl!("kind-writeoff"),
        DocKind::Void => fl!("kind-void"),
        DocKind::Discount => fl!("kind-discount"),
    }
}

/// The level's name ("friendly reminder").
pub fn level_name(level: Level) -> String {
    level_name_in(level, &super::LOADER)
}

/// [`level_name`] in `loader`'s language.
pub fn level_name_in(level: Level, loader: &i18n_embed::fluent::FluentLanguageLoader) -> String {
    match level {
        Level::BeforeDue => i18n_embed_fl::fl!(loader, "level-name-payment-reminder"),
        Level::Reminder => i18n_embed_fl::fl!(loader, "level-name-friendly-reminder"),
        Level::SecondNotice => i18n_embed_fl::fl!(loader, "level-name-second-notice"),
        Level::FinalDemand => i18n_embed_fl::fl!(loader, "level-name-final-demand"),
        Level::Legal => i18n_embed_fl::fl!(loader, "level-name-notice-before-legal-action"),
    }
}

/// "Level 2 (second notice)".
pub fn level_text(level: Level) -> String {
    fl!(
        "level-number-name",
        number = level.number().to_string(),
        name = level_name(level)
    )
}

/// Why the ladder holds the customer, in a sentence.
pub fn held_reason_text(reason: &HeldReason, currency: &Currency) -> String {
    match reason {
        HeldReason::Paused { until, reason } => fl!(
            "paused-until-until-reason",
            until = until.to_string(),
            reason = reason
        ),
        HeldReason::AllDisputed => fl!("every-overdue-item-is-in-dispute"),
        HeldReason::CreditCovers => fl!("unapplied-credit-covers-what-is-overdue"),
        HeldReason::BelowTolerance {
            net_overdue,
            tolerance,
        } => fl!(
            "below-the-small-balance-tolerance-net",
            net = currency.display(*net_overdue),
            tolerance = currency.display(*tolerance)
        ),
        HeldReason::Promise { until } => fl!("promised-to-pay-by-until", until = until.to_string()),
        HeldReason::Threshold {
            level,
            threshold,
            days_overdue,
        } => fl!(
            "not-yet-threshold-days-overdue-for",
            threshold = threshold,
            level = level_text(*level),
            days = days_overdue
        ),
        HeldReason::Interval { last, next_on } => fl!(
            "interval-not-passed-last-letter-last",
            last = last.to_string(),
            next = next_on.to_string()
        ),
        HeldReason::SwitchedOff { level } => fl!(
            "the-next-rung-level-is-switched",
            level = level_text(*level)
        ),
        HeldReason::TopSent { sent } => fl!(
            "the-last-rung-level-was-already",
            level = level_text(Level::Legal),
            sent = sent.to_string()
        ),
    }
}

/// A channel's name (the notes' filter, rows and form, and the ledger's notes).
pub fn channel_name(channel: Channel) -> String {
    match channel {
        Channel::Call => fl!("channel-call"),
        Channel::Email => fl!("channel-email"),
        Channel::Letter => fl!("channel-letter"),
        Channel::Visit => fl!("channel-visit"),
        Channel::Message => fl!("channel-message"),
        Channel::Other => fl!("channel-other"),
    }
}

/// How a customer wants its statements and letters, as the form's choice names it.
pub fn send_by_name(send_by: SendBy) -> String {
    match send_by {
        SendBy::Email => fl!("send-by-email"),
        SendBy::Post => fl!("send-by-post"),
        SendBy::Both => fl!("send-by-both"),
    }
}

/// What the choice means, said beneath it.
pub fn send_by_means(send_by: SendBy) -> String {
    match send_by {
        SendBy::Email => fl!("send-by-email-means"),
        SendBy::Post => fl!("send-by-post-means"),
        SendBy::Both => fl!("send-by-both-means"),
    }
}

/// How a customer with `addresses` gets its documents, as a line of the ledger's header:
/// the way first, then the addresses ("Sent by email to a@x.com, b@y.com"), so a line
/// cut short still says how.
pub fn send_by_line(send_by: SendBy, addresses: &[String]) -> String {
    let joined = addresses.join(", ");
    match (send_by, addresses.is_empty()) {
        (SendBy::Email | SendBy::Both, true) => fl!("send-by-line-printed"),
        (SendBy::Email, false) => fl!("send-by-line-email", addresses = joined),
        (SendBy::Both, false) => fl!("send-by-line-both", addresses = joined),
        (SendBy::Post, true) => fl!("send-by-line-post"),
        (SendBy::Post, false) => fl!("send-by-line-post-with", addresses = joined),
    }
}

/// A direction's name, as a note's row shows it.
pub fn direction_name(direction: Direction) -> String {
    match direction {
        Direction::Out => fl!("direction-out"),
        Direction::In => fl!("direction-in"),
    }
}

/// A promise's or a part's status in words.
pub fn promise_status_name(status: PromiseStatus) -> String {
    match status {
        PromiseStatus::Open => fl!("open-2"),
        PromiseStatus::Kept => fl!("kept"),
        PromiseStatus::PartlyKept => fl!("partly-kept"),
        PromiseStatus::Broken => fl!("broken"),
    }
}

/// The band's name on screen ("high", "高"); JSON keeps [`Band::key`].
pub fn band_name(band: Band) -> String {
    match band {
        Band::Low => fl!("low"),
        Band::Medium => fl!("medium"),
        Band::High => fl!("high"),
        Band::Severe => fl!("severe"),
    }
}

/// One reason in the screen's language, with the figure it came from.
pub fn reason_text(reason: &RiskReason) -> String {
    match reason {
        RiskReason::PaysLate { days } if *days == rust_decimal::Decimal::ONE => {
            fl!("pays-1-day-late-on-average")
        }
        RiskReason::PaysLate { days } => {
            // A whole number of days (the domain rounds the average).
            let days = rust_decimal::prelude::ToPrimitive::to_i64(days).unwrap_or(i64::MAX);
            fl!("pays-days-days-late-on-average", days = days)
        }
        RiskReason::BrokenPromises { count: 1 } => fl!("n-1-broken-promise-in-6"),
        RiskReason::BrokenPromises { count } => fl!(
            "count-broken-promises-in-6-months",
            count = count.to_string()
        ),
        RiskReason::LimitUsed { percent } => {
            fl!("percent-of-limit-used", percent = percent.to_string())
        }
        RiskReason::LongOverdue { percent } => fl!(
            "percent-of-its-balance-over-60",
            percent = percent.to_string()
        ),
    }
}

/// Every reason, largest first, in one line; or that nothing counts against it.
pub fn reasons_text(risk: &Risk) -> String {
    if risk.reasons.is_empty() {
        return fl!("nothing-counts-against-it-2");
    }
    risk.reasons
        .iter()
        .map(reason_text)
        .collect::<Vec<_>>()
        .join(&fl!("list-separator"))
}

/// "high (57)", in the screen's language.
pub fn band_and_score(risk: &Risk) -> String {
    format!("{} ({})", band_name(risk.band), risk.score)
}

/// A risk band's name ("high risk").
pub fn risk_band_label(band: Band) -> String {
    match band {
        Band::Low => fl!("low-risk"),
        Band::Medium => fl!("medium-risk"),
        Band::High => fl!("high-risk"),
        Band::Severe => fl!("severe-risk"),
    }
}

/// Why the review suggests what it does (the tier it suggests: `tier`), in the
/// language chosen.
pub fn suggestion_words(reason: &SuggestionReason, tier: Tier, currency: &Currency) -> String {
    match reason {
        SuggestionReason::TierFromRisk {
            band,
            on_time_share,
        } => fl!(
            "band-share-paid-on-time-tier",
            band = risk_band_label(*band),
            share = on_time_share.map_or_else(|| fl!("n-a"), |s| format!("{} %", one_decimal(s))),
            tier = tier.to_string()
        ),
        SuggestionReason::LimitFromHighest {
            highest,
            factor,
            limit,
        } => fl!(
            "limit-factor-the-highest-balance-in",
            factor = factor.normalize().to_string(),
            highest = currency.display(*highest),
            limit = currency.display(*limit)
        ),
        SuggestionReason::LimitFrozen { balance } => fl!(
            "severe-risk-no-more-credit-than",
            balance = currency.display(*balance)
        ),
        SuggestionReason::LimitKept { limit } => fl!(
            "severe-risk-the-limit-stays-at",
            limit = currency.display(*limit)
        ),
        SuggestionReason::LimitFromTier { limit: Some(limit) } => fl!(
            "no-balance-in-12-months-the",
            limit = currency.display(*limit)
        ),
        SuggestionReason::LimitFromTier { limit: None } => fl!("no-balance-in-12-months-and"),
    }
}

#[cfg(test)]
mod note_tests {
    use super::note_summary_in;
    use crate::i18n::{Language, loader_for};

    #[test]
    fn a_dispute_note_reads_as_written_in_english_and_in_chinese_with_its_values() {
        let (english, chinese) = (
            loader_for(Language::English),
            loader_for(Language::SimplifiedChinese),
        );
        for (note, values) in [
            (
                "Dispute 3 opened on INV-7 installment 2: wrong goods",
                &["INV-7", "2", "3", "wrong goods"][..],
            ),
            (
                "Dispute 3 on INV-7 resolved, credit note CN-000004 for $1,050.00",
                &["INV-7", "CN-000004", "$1,050.00"],
            ),
            ("Dispute 3 on INV-7 resolved", &["INV-7", "3"]),
            ("Dispute 3 on INV-7: agreed half", &["INV-7", "agreed half"]),
        ] {
            assert_eq!(note_summary_in(note, &english), note);
            let said = note_summary_in(note, &chinese);
            assert!(said.contains("争议"), "{said}");
            for value in values {
                assert!(said.contains(value), "{value} not in {said}");
            }
        }
        let memo = "Late interest by policy (owed fees --due), run 2026-11-30; per item: period, amount, installment, invoice\n2026-10-01..2026-10-31 9.86 1 INV-000001";
        assert_eq!(note_summary_in(memo, &english), memo);
        let said = note_summary_in(memo, &chinese);
        assert!(
            said.contains("2026-11-30") && said.contains("利息"),
            "{said}"
        );
        assert!(
            said.ends_with("\n2026-10-01..2026-10-31 9.86 1 INV-000001"),
            "{said}"
        );
        // What a person wrote stays as written.
        assert_eq!(
            note_summary_in("Called Acme, no answer", &chinese),
            "Called Acme, no answer"
        );
    }
}
