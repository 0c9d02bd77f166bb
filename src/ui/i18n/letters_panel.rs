//! Simplified Chinese for the letters panel of the statements and letters screen: the
//! letters due grouped by level, and the customers the ladder holds with their reasons
//! (see `ui::statements::held`).

pub(super) const ZH_CN: &[(&str, &str)] = &[
    // The letters due, grouped by level.
    ("Level {number} {name}", "第 {number} 级 {name}"),
    ("{level} ({n})", "{level}（{n}）"),
    ("{level}: {n}", "{level}：{n}"),
    (
        "{code} · oldest item due {due}, {days} days overdue",
        "{code} · 最早到期 {due}，已逾期 {days} 天",
    ),
    (
        "{code} · first item falls due {due}",
        "{code} · 首笔款项 {due} 到期",
    ),
    // One letter by hand.
    ("Deadline (optional)", "付款期限（可不填）"),
    (
        "Without a deadline: 14 days from today (a payment reminder: its first due date).",
        "不填付款期限时：今天起 14 天（到期前付款提醒：首笔款项的到期日）。",
    ),
    // The customers held.
    ("Held ({n})", "暂缓催款（{n}）"),
    ("Show", "展开"),
    ("Hide", "收起"),
    (
        "Overdue, but no letter today; click one to open its ledger.",
        "有逾期但今天不发催款函；点击客户可打开其明细账。",
    ),
    ("{amount} overdue", "逾期 {amount}"),
    // Why a customer is held (原因).
    ("level {number} ({name})", "第 {number} 级（{name}）"),
    (
        "Paused until {until}: {reason}",
        "已暂停至 {until}：{reason}",
    ),
    ("Every overdue item is in dispute", "逾期款项均在争议中"),
    (
        "Unapplied credit covers what is overdue",
        "未分配款已覆盖逾期",
    ),
    (
        "Below the small-balance tolerance ({net} net overdue, tolerance {tolerance})",
        "低于小额容差（净逾期 {net}，容差 {tolerance}）",
    ),
    ("Promised to pay by {until}", "承诺付款至 {until}"),
    (
        "Not yet {threshold} days overdue for {level} ({days} days now)",
        "未达{level}所需的逾期 {threshold} 天（现逾期 {days} 天）",
    ),
    (
        "Interval not passed: last letter {last}, next possible {next}",
        "间隔未满：上次发函 {last}，{next} 起可再发",
    ),
    (
        "The next rung, {level}, is switched off",
        "下一级{level}已关闭，不再升级",
    ),
    (
        "The last rung, {level}, was already sent on {sent}",
        "最高一级{level}已于 {sent} 发出",
    ),
];

#[cfg(test)]
mod tests {
    use super::super::{Language, translate};
    use super::ZH_CN;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn each_translation_keeps_the_placeholders_and_is_found() {
        for (english, chinese) in ZH_CN {
            assert_eq!(placeholders(english), placeholders(chinese), "{english}");
            assert_eq!(translate(Language::SimplifiedChinese, english), *chinese);
        }
        assert_eq!(
            translate(
                Language::SimplifiedChinese,
                "Unapplied credit covers what is overdue"
            ),
            "未分配款已覆盖逾期"
        );
    }
}
