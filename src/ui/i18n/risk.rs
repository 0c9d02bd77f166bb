//! Simplified Chinese for the risk score: band names, the reasons, the Customers
//! column, the ledger header and the Today rows.

pub(super) const ZH_CN: &[(&str, &str)] = &[
    ("low", "低"),
    ("medium", "中"),
    ("high", "高"),
    ("severe", "严重"),
    ("pays {days} days late on average", "平均逾期 {days} 天付款"),
    ("pays 1 day late on average", "平均逾期 1 天付款"),
    ("1 broken promise in 6 months", "6 个月内 1 次未兑现承诺"),
    (
        "{count} broken promises in 6 months",
        "6 个月内 {count} 次未兑现承诺",
    ),
    ("{percent} % of limit used", "已用信用额度的 {percent} %"),
    (
        "{percent} % of its balance over 60 days",
        "余额的 {percent} % 逾期超过 60 天",
    ),
    ("nothing counts against it", "无不利因素"),
    ("; ", "；"),
    ("Risk", "风险"),
    ("Risk {band} ({score})", "风险 {band}（{score}）"),
    ("{code} · {name}: {why}", "{code} · {name}：{why}"),
    ("{code} · risk score loading…", "{code} · 正在计算风险评分…"),
    ("Risk warnings", "风险预警"),
    (
        "risk rose to {band} ({score}): {why}",
        "风险升至{band}（{score}）：{why}",
    ),
    ("Acknowledge risk", "确认风险"),
    (
        "Acknowledged {name}'s risk at {band} ({score}); the list warns again if it rises.",
        "已确认 {name} 的风险为{band}（{score}）；风险再升高时将再次提醒。",
    ),
];

#[cfg(test)]
mod tests {
    use super::ZH_CN;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn each_translation_keeps_the_placeholders() {
        for (english, chinese) in ZH_CN {
            assert_eq!(placeholders(english), placeholders(chinese), "{english}");
        }
    }
}
