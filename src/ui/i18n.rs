//! Every user-facing string of the screens passes through here, gettext-style: the
//! English text is the key, and a language's table maps it to a translation. A missing
//! translation shows the English, so adding a language (a table below) never touches a
//! screen. Placeholders are `{name}` and are filled by [`tf`].

use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    SimplifiedChinese,
}

impl Language {
    /// From a POSIX locale such as `zh_CN.UTF-8`; anything unknown is English.
    pub fn from_locale(locale: &str) -> Language {
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("zh_cn") || lower.starts_with("zh-hans") || lower == "zh" {
            Language::SimplifiedChinese
        } else {
            Language::English
        }
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Language::English => &[],
            Language::SimplifiedChinese => ZH_CN,
        }
    }
}

// The language is chosen once, at start-up, from OWED_LANG or LANG; it is configuration,
// not state a screen could change behind another's back.
static LANGUAGE: OnceLock<Language> = OnceLock::new();

/// The language screens are shown in.
pub fn language() -> Language {
    *LANGUAGE.get_or_init(|| {
        let locale = std::env::var("OWED_LANG")
            .or_else(|_| std::env::var("LANG"))
            .unwrap_or_default();
        Language::from_locale(&locale)
    })
}

/// The text in the screens' language.
pub fn t(english: &'static str) -> &'static str {
    translate(language(), english)
}

/// Like [`t`], filling `{name}` placeholders.
pub fn tf(english: &'static str, values: &[(&str, &str)]) -> String {
    fill(t(english), values)
}

fn translate(language: Language, english: &'static str) -> &'static str {
    language
        .table()
        .iter()
        .find(|(key, _)| *key == english)
        .map_or(english, |(_, text)| text)
}

fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Simplified Chinese, for the words a user meets first; the rest shows in English until
/// translated.
const ZH_CN: &[(&str, &str)] = &[
    (
        "Removed {n} unfinished files left by an earlier run that was stopped. ",
        "已删除上次中断运行留下的 {n} 个未完成文件。",
    ),
    ("Customers", "客户"),
    ("in dispute", "争议中"),
    ("Ledger", "明细账"),
    ("Aging", "账龄"),
    ("Collection notes", "催收记录"),
    ("automatic", "自动"),
    ("manual", "手动"),
    ("before upgrade", "升级前"),
    ("Restore from another file…", "从其他文件恢复…"),
    ("History ({n})", "变更记录（{n}）"),
    ("No changes recorded.", "暂无变更记录。"),
    ("Reason: {reason}", "原因：{reason}"),
    ("Customer added", "已新建客户"),
    ("Override: {what}", "例外放行：{what}"),
    ("Letters paused until {date}", "催款函暂停至 {date}"),
    ("Letters resumed", "催款函已恢复"),
    ("Dispute {what}", "争议 {what}"),
    ("Contact", "联系人"),
    ("Terms", "付款条件"),
    ("Credit limit", "信用额度"),
    ("Tier", "等级"),
    ("Archived", "已归档"),
    ("Field", "字段"),
    ("{field}: {old} → {new}", "{field}：{old} → {new}"),
    ("yes", "是"),
    ("no", "否"),
    ("Search name or code", "搜索名称或编号"),
    ("Balance", "余额"),
    ("Overdue", "逾期"),
    ("Name", "名称"),
    ("Code", "编号"),
    ("Record payment", "登记收款"),
    ("New invoice", "新建发票"),
    ("Log a note", "记录沟通"),
    ("Total", "合计"),
    ("All", "全部"),
    ("On hold", "暂停赊销"),
    ("Settings", "设置"),
    ("Save", "保存"),
    ("Revert", "撤销更改"),
    ("Company", "公司"),
    ("Company name", "公司名称"),
    ("Address", "地址"),
    ("Phone", "电话"),
    ("Email", "电子邮件"),
    ("Tax / registration no.", "税号/注册号"),
    ("Payment instructions", "付款说明"),
    ("Logo", "标志"),
    ("No logo", "无标志"),
    ("Choose…", "选择…"),
    ("Remove", "移除"),
    ("Load", "载入"),
    ("Paper and locale", "纸张与区域"),
    ("Paper", "纸张"),
    ("Dates and numbers", "日期与数字"),
    ("Demand letters", "催款函"),
    (
        "Held ({n}): overdue but covered by credit, promised, or waiting for the interval or the next threshold",
        "暂缓（{n}）：已逾期，但有贷项抵销、已承诺付款，或未到间隔天数或下一级门槛",
    ),
    ("Reminder", "提醒"),
    ("Second notice", "第二次通知"),
    ("Final demand", "最后催告"),
    ("Legal notice", "诉讼前通知"),
    ("Send after", "逾期"),
    ("days past due", "天后发送"),
    ("Language", "语言"),
    ("English", "英文"),
    ("Chinese", "中文"),
    ("Title", "标题"),
    ("Paragraphs", "正文段落"),
    ("Closing", "结尾"),
    ("Reset to default", "恢复默认"),
    ("The default text", "默认文本"),
    ("Changed from the default text", "已修改默认文本"),
    ("A blank line starts a new paragraph", "空一行即开始新段落"),
    ("Settings saved.", "设置已保存。"),
    ("Unsaved changes", "有未保存的更改"),
    (
        "Printed on statements and demand letters",
        "打印在对账单和催款函上",
    ),
    ("Printed at the foot of statements", "打印在对账单底部"),
    ("Path of a PNG or JPEG file", "PNG 或 JPEG 文件路径"),
    (
        "PNG or JPEG, 16 to 4000 pixels a side, at most 2 MB; kept inside the book",
        "PNG 或 JPEG，每边 16 至 4000 像素，最大 2 MB；保存在账簿文件中",
    ),
    (
        "Merge fields: {fields}. A paragraph that is only {items} becomes the table of overdue items.",
        "合并字段：{fields}。仅含 {items} 的段落将替换为逾期款项明细表。",
    ),
    ("A4 (210 × 297 mm)", "A4（210 × 297 毫米）"),
    ("US Letter (8.5 × 11 in)", "美国信纸（8.5 × 11 英寸）"),
    ("English, ISO dates", "英文，ISO 日期"),
    ("English (US)", "英文（美国）"),
    ("English (UK)", "英文（英国）"),
    (
        "{n} statements or letters already issued counted these payments:",
        "已发出的 {n} 份对账单或催款函计入了这些收款：",
    ),
    ("statement", "对账单"),
    ("letter", "催款函"),
    // Backups and damage.
    ("Backups", "备份"),
    ("Last backup: {time} ({path})", "最近备份：{time}（{path}）"),
    (
        "No backup yet: one is made after the first change of each day",
        "尚无备份：每天第一次更改后自动备份",
    ),
    ("Restore…", "恢复…"),
    ("Restore", "恢复"),
    ("Cancel", "取消"),
    (
        "Put {backup} in place of this book? The book as it is now is kept beside it as …replaced-<time>.",
        "用 {backup} 替换此账本？当前的账本会保留在旁边，名为 …replaced-<时间>。",
    ),
    (
        "Restored from {backup}; the replaced book is kept as {replaced}.",
        "已从 {backup} 恢复；被替换的账本保留为 {replaced}。",
    ),
    (
        "The automatic backup was not made: {error}",
        "未能自动备份：{error}",
    ),
    (
        "This book is damaged ({found}); nothing more will be written to it. Settings → Restore… puts a backup back.",
        "此账本已损坏（{found}），不会再写入任何内容。可在 设置 → 恢复… 中放回备份。",
    ),
    (
        "{n} unmatched bank payments in: reconcile first, so nobody is chased for money already received (Import: assign each row to its customer).",
        "有 {n} 笔未匹配的银行收款：请先对账，以免向已付款的客户催款（在导入中将每一行分配给其客户）。",
    ),
    (
        "{date} · {amount} · {text} · row {row}",
        "{date} · {amount} · {text} · 第 {row} 行",
    ),
    ("… and {n} more payments", "……另有 {n} 笔收款"),
    (
        "No letter to {customer}: the ladder holds it ({reason}).",
        "未向 {customer} 发函：催款阶梯暂缓（{reason}）。",
    ),
    (
        "{code} · {level} · first item falls due {due}",
        "{code} · {level} · 最早一笔于 {due} 到期",
    ),
    ("payment reminder", "到期前付款提醒"),
    ("Payment reminder", "到期前付款提醒"),
    ("friendly reminder", "友好提醒"),
    ("second notice", "第二次通知"),
    ("final demand", "最后催告"),
    ("notice before legal action", "法律行动前通知"),
    ("Level {number} {name}: {n}", "第 {number} 级 {name}：{n}"),
    ("Preview", "预览"),
    ("Preview, not sent: {path}", "预览（未发送）：{path}"),
    ("… and {n} more", "……另有 {n} 封"),
    ("Send {n} letters…", "发送 {n} 封催款函…"),
    (
        "Send {n} letters: {counts}?",
        "发送 {n} 封催款函：{counts}？",
    ),
    ("{n} × {level}", "{level} {n} 封"),
    (
        "Each letter is archived and logged as a collection note; nothing is written before you confirm.",
        "每封催款函都会存档并记为催收记录；确认之前不会写入任何内容。",
    ),
    ("Confirm", "确认"),
    (
        "{n} letters written to {folder}; each logged as a collection note. All of them, each from a new page, in {combined} to print in one go.",
        "已将 {n} 封催款函写入 {folder}，每封都记为催收记录。全部催款函（每封从新页开始）合并在 {combined}，可一次打印。",
    ),
    (
        "Every letter, to print in one go: {path}",
        "全部催款函，可一次打印：{path}",
    ),
    ("Open", "打开"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_translations_fall_back_to_english() {
        assert_eq!(translate(Language::SimplifiedChinese, "Customers"), "客户");
        assert_eq!(translate(Language::SimplifiedChinese, "Void"), "Void");
        assert_eq!(translate(Language::English, "Customers"), "Customers");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill("{n} customers, {m} shown", &[("n", "10"), ("m", "3")]),
            "10 customers, 3 shown"
        );
    }

    #[test]
    fn locales() {
        assert_eq!(
            Language::from_locale("zh_CN.UTF-8"),
            Language::SimplifiedChinese
        );
        assert_eq!(Language::from_locale("en_GB.UTF-8"), Language::English);
        assert_eq!(Language::from_locale(""), Language::English);
    }
}
