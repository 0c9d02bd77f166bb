//! Every user-facing string of the screens passes through here, gettext-style: the
//! English text is the key, and a language's table maps it to a translation. A missing
//! translation shows the English, so adding a language (a table below) never touches a
//! screen. Placeholders are `{name}` and are filled by [`tf`].

use std::sync::OnceLock;

mod credit_control;
mod dashboard;
mod discount;
mod import_reading;
mod letters_panel;
mod review;
mod risk;

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

    /// The language's tables, searched in order (a screen's own table beside the main one
    /// keeps this file near its size).
    fn tables(self) -> &'static [&'static [(&'static str, &'static str)]] {
        match self {
            Language::English => &[],
            Language::SimplifiedChinese => &[
                ZH_CN,
                letters_panel::ZH_CN,
                credit_control::ZH_CN,
                dashboard::ZH_CN,
                discount::ZH_CN,
                import_reading::ZH_CN,
                review::ZH_CN,
                risk::ZH_CN,
            ],
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

pub(crate) fn translate(language: Language, english: &'static str) -> &'static str {
    language
        .tables()
        .iter()
        .flat_map(|table| table.iter())
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
    // The Today screen.
    ("Working…", "处理中…"),
    ("Charge interest due…", "收取应计利息…"),
    ("Charge interest due", "收取应计利息"),
    ("Charge", "收取"),
    ("Nothing to charge today.", "今日没有需要收取的费用。"),
    (
        "Nothing to charge today: no item is past its grace with days left to charge, or no rate or fixed fee is set (Settings, fee.annual_rate).",
        "今日无可收取的利息：没有超过宽限期且尚有未计息天数的项目，或尚未设置利率或固定费用（设置 fee.annual_rate）。",
    ),
    (
        "{count} charges for {customers} customers, {amount} in all, one fee document per customer:",
        "共 {count} 笔，涉及 {customers} 个客户，合计 {amount}，每个客户一张费用单据：",
    ),
    (
        "{customer} {item}/{seq}: {from} to {to}, {days} days on {principal}: {amount}",
        "{customer} {item}/{seq}：{from} 至 {to}，{days} 天，本金 {principal}：{amount}",
    ),
    (
        "The book changed since the preview: {count} charges posted, {amount} in all, on {customers} fee documents.",
        "预览后账簿已有变动：实际过账 {count} 笔，合计 {amount}，共 {customers} 张费用单据。",
    ),
    (
        "Interest and fees charged: {amount} on {customers} fee documents.",
        "已收取利息及费用：{amount}，共 {customers} 张费用单据。",
    ),
    ("Also send it as a letter", "同时以信函寄出"),
    ("Customer", "客户"),
    ("Amount", "金额"),
    ("Date", "日期"),
    ("What", "事项"),
    ("Bank import", "银行导入"),
    ("1 movement", "1 笔流水"),
    ("{rows} movements", "{rows} 笔流水"),
    (
        "the file is in {code}, the book in {book}: {movements} set aside",
        "文件为 {code}，账簿为 {book}：{movements}已搁置",
    ),
    (
        "{movements} in another currency set aside: the book is in {book}",
        "{movements}为其他币种，已搁置：账簿为 {book}",
    ),
    (
        "{movements} in {codes} set aside: the book is in {book}",
        "{movements}为 {codes}，已搁置：账簿为 {book}",
    ),
    (
        "Nothing to import: the file holds no new money in.",
        "无可导入内容：文件中没有新的收款。",
    ),
    ("Statements & letters", "对账单与催款函"),
    ("Ledger (pick a customer)", "明细账（先选客户）"),
    (
        "{name} has nothing open to dispute.",
        "{name} 没有可提出争议的未结项目。",
    ),
    ("{number} (whole invoice)", "{number}（整张发票）"),
    (
        "{number} #{seq} · due {due} · {open} open",
        "{number} 第{seq}期 · 到期 {due} · 未结 {open}",
    ),
    (
        "{number} · due {due} · {open} open",
        "{number} · 到期 {due} · 未结 {open}",
    ),
    ("Choose the invoice in dispute.", "请选择有争议的发票。"),
    (
        "Dispute {id} opened on {invoice} for {name}: its letters leave it out until it is resolved.",
        "已为 {name} 的 {invoice} 登记争议 {id}：争议解决前，催款函不再计入该项。",
    ),
    (
        "Letters to {name} paused until {until}.",
        "给 {name} 的催款函已暂停至 {until}。",
    ),
    (
        "Dispute {id} resolved with credit note {number} for {amount}.",
        "争议 {id} 已解决，开具贷项通知单 {number}，金额 {amount}。",
    ),
    ("Dispute {id} resolved.", "争议 {id} 已解决。"),
    (
        "Set the folder on Statements & letters first.",
        "请先在“对账单与催款函”中设置保存文件夹。",
    ),
    (
        "Level {level} letter to {name} written and archived: {path}",
        "已生成并归档给 {name} 的第 {level} 级催款函：{path}",
    ),
    (
        "The pause must last until today ({today}) or later.",
        "暂停日期须不早于今天（{today}）。",
    ),
    ("Credit", "贷项"),
    (
        "A credit note must be more than zero.",
        "贷项通知单金额必须大于零。",
    ),
    ("Broken promises", "违约的承诺付款"),
    ("Promises due today", "今日到期的承诺付款"),
    ("Follow-ups due", "待跟进"),
    ("Credit to apply", "待核销的未分配款"),
    ("Letters due", "应发催款函"),
    ("Reminders before the due date", "到期前付款提醒"),
    ("Open disputes", "未解决的争议"),
    ("Pauses that have ended", "已到期的暂停"),
    ("Bank money not matched", "未匹配的银行收款"),
    ("(no customer)", "（无客户）"),
    (
        "promised by {date}; {amount} still short",
        "承诺于 {date} 前付款；仍差 {amount}",
    ),
    (
        "promise falls due today; {amount} still to come",
        "承诺付款今日到期；尚待收款 {amount}",
    ),
    ("follow up set for {date}", "跟进日期 {date}"),
    (
        "unapplied credit beside overdue items: apply {amount}",
        "有未分配款且有逾期项目：可核销 {amount}",
    ),
    (
        "level {level} · {name}; oldest due {date}",
        "第 {level} 级 · {name}；最早到期 {date}",
    ),
    (
        "falls due {date}: a reminder before the due date",
        "{date} 到期：到期前付款提醒",
    ),
    ("in dispute since {date}", "自 {date} 起有争议"),
    (
        "letters were paused until {date}; they resume now",
        "催款函暂停至 {date}，现已恢复",
    ),
    ("money in that matches no customer", "收款未匹配到任何客户"),
    ("Today", "今日"),
    ("Refresh", "刷新"),
    ("Promised this week", "本周承诺付款"),
    ("In dispute", "争议中"),
    ("To do", "待办"),
    (
        "Nothing to do today: nobody is late, no promise is due, no money waits to be matched.",
        "今日无待办：没有逾期客户，没有到期的承诺付款，也没有待匹配的收款。",
    ),
    ("Loading…", "加载中…"),
    (
        "↑↓ choose a row · Enter does its first action · the letter keys do the others",
        "↑↓ 选择一行 · Enter 执行首个操作 · 字母键执行其他操作",
    ),
    (
        "Choose a row to see what can be done about it.",
        "选择一行，查看可执行的操作。",
    ),
    ("Open a dispute", "登记争议"),
    ("Reason", "原因"),
    ("what the customer disputes", "客户对什么有异议"),
    ("Open dispute", "登记争议"),
    ("Pause letters", "暂停催款"),
    (
        "No letter goes to {name} until the day after this date.",
        "在此日期之后，才会再给 {name} 发催款函。",
    ),
    ("Until", "截至"),
    ("why the letters wait", "暂停催款的原因"),
    ("Pause", "暂停"),
    ("Resolve dispute", "解决争议"),
    ("Outcome", "结果"),
    ("what was agreed", "双方约定的结果"),
    ("Credit note", "贷项通知单"),
    ("Resolve", "解决"),
    (
        "Leave the credit note empty when the customer owes the amount after all.",
        "若客户仍应支付全额，贷项通知单留空即可。",
    ),
    ("Send letter", "发送催款函"),
    (
        "Send the level {level} letter ({title}) to {name}? It is written to {folder}, archived and logged as a collection note.",
        "要向 {name} 发送第 {level} 级催款函（{title}）吗？文件将写入 {folder}，并归档、记入催收记录。",
    ),
    ("Send", "发送"),
    ("Close (Esc)", "关闭 (Esc)"),
    ("Total overdue {amount}", "逾期合计 {amount}"),
    ("Log a call", "记录电话"),
    ("Apply credit", "核销未分配款"),
    ("Preview letter", "预览催款函"),
    ("Open ledger", "打开明细账"),
    ("Match on Bank import", "在银行导入中匹配"),
    (
        "Applied {amount} of {name}'s credit to {count} items, oldest first.",
        "已将 {name} 的未分配款 {amount} 核销到 {count} 个项目（最早的优先）。",
    ),
    (
        "This book is open only for reading: {why}.",
        "此账簿只能读取：{why}。",
    ),
    (
        "Ctrl+F search · Ctrl+N invoice",
        "Ctrl+F 搜索 · Ctrl+N 发票",
    ),
    ("Ctrl+P payment · Ctrl+L note", "Ctrl+P 收款 · Ctrl+L 记录"),
    ("Open another book…", "打开其他账簿…"),
    (
        "Removed {n} unfinished files left by an earlier run that was stopped. ",
        "已删除上次中断运行留下的 {n} 个未完成文件。",
    ),
    ("Customers", "客户"),
    ("Promise", "承诺付款"),
    ("Repayment plan", "分期付款计划"),
    ("kept", "已兑现"),
    ("partly kept", "部分兑现"),
    ("broken", "未兑现"),
    ("open", "未到期"),
    ("due", "到期"),
    ("Promise date", "承诺付款日期"),
    ("Promise amount", "承诺付款金额"),
    (
        "YYYY-MM-DD, or a plan D:A,D:A…",
        "YYYY-MM-DD，或分期付款计划 日期:金额,日期:金额…",
    ),
    (
        "a plan gives each part's amount; leave this empty",
        "分期付款计划已写明每期金额，此处请留空",
    ),
    ("repayment plan of {n} parts", "分 {n} 期的分期付款计划"),
    (
        "{n} parts, {amount} in all · {paid} paid since the note · {status}",
        "共 {n} 期，合计 {amount} · 记录后已付 {paid} · {status}",
    ),
    (
        "{n}. {amount} by {date} · {paid} paid · {status}",
        "第 {n} 期：{date} 前 {amount} · 已付 {paid} · {status}",
    ),
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
    ("payment reminder", "到期前付款提醒"),
    ("Payment reminder", "到期前付款提醒"),
    ("friendly reminder", "友好提醒"),
    ("second notice", "第二次通知"),
    ("final demand", "最后催告"),
    ("notice before legal action", "法律行动前通知"),
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
    // The letter preview.
    (
        "Letter preview — {code} {name} · level {level}",
        "催款函预览 — {code} {name} · 第 {level} 级",
    ),
    ("Open PDF", "打开PDF"),
    ("Preparing…", "准备中…"),
    ("Send this letter", "发送此函"),
    ("Close", "关闭"),
    (
        "Not sent: nothing is archived or logged until you send it. Esc closes.",
        "尚未发送：发送之前不会存档，也不会记为催收记录。按 Esc 关闭。",
    ),
    // The dunning ladder on the settings screen.
    ("Dunning ladder", "催款梯度"),
    (
        "Each customer gets the next level switched on once its oldest overdue item is that many days past due, never two letters closer than the interval.",
        "客户最早的逾期款项逾期达到相应天数时，发送下一个已启用级别的催款函；两封催款函之间至少相隔提醒间隔。",
    ),
    ("On", "启用"),
    ("Days past due", "逾期天数"),
    ("days before due", "天"),
    ("Payment reminder (before due)", "付款提醒（到期前）"),
    ("Interval between letters", "提醒间隔"),
    ("days", "天"),
    ("Small-balance tolerance", "小额容差"),
    (
        "Less than this overdue, net of credit, is not chased",
        "扣除贷项后，逾期金额低于此数不催款",
    ),
    // Each tier's own ladder, and the payment reminder's letter, on the settings screen.
    ("Ladder per tier", "按信用等级的催款梯度"),
    (
        "Days past due per level and the interval for customers of each tier; an empty cell follows the book-wide value shown in grey.",
        "各信用等级客户每级催款的逾期天数及提醒间隔；留空即沿用全账簿设置（以灰色显示）。",
    ),
    ("Interval", "间隔"),
    ("Level {n}", "第 {n} 级"),
    ("interval", "提醒间隔"),
    ("letter {n}", "第 {n} 级"),
    (
        "Tier {tier}, {column}: {problem}",
        "信用等级 {tier}，{column}：{problem}",
    ),
    (
        "a whole number of days from 1 to {max}, or empty for the book-wide value",
        "须为 1 至 {max} 的整天数，或留空以沿用全账簿设置",
    ),
    (
        "Tier {tier}: letter {n}'s {days} days must be more than letter {previous}'s {previous_days} days (an empty cell has the book-wide value)",
        "信用等级 {tier}：第 {n} 级的 {days} 天须大于第 {previous} 级的 {previous_days} 天（空格沿用全账簿设置）",
    ),
    (
        "Payment reminder letter ({language}): {problem}",
        "付款提醒函（{language}）：{problem}",
    ),
    (
        "Merge fields: {fields}. A paragraph that is only {items} becomes the table of the items falling due; {total_due} is their total and {due_date} the first due date.",
        "合并字段：{fields}。仅含 {items} 的段落将替换为即将到期款项明细表；{total_due} 为其合计，{due_date} 为最早到期日。",
    ),
    // The letters panel of the statements and letters screen.
    ("Statements and letters", "对账单与催款函"),
    ("Statements & letters", "对账单与催款函"),
    ("Due today ({n})", "今日应发（{n}）"),
    ("One letter", "单封催款函"),
    ("Customer code", "客户编号"),
    ("Level", "级别"),
    ("Deadline", "付款期限"),
    ("Write the letter", "生成催款函"),
    ("No letters are due today.", "今天没有应发的催款函。"),
    ("{program} was not found", "未找到 {program}"),
    ("could not open {path}: {e}", "无法打开 {path}：{e}"),
    ("Letter {n}: {problem}", "第 {n} 级催款函：{problem}"),
    (
        "must be more than letter {n}'s {days} days",
        "须大于第 {n} 级的 {days} 天",
    ),
    (
        "must be less than letter {n}'s {days} days",
        "须小于第 {n} 级的 {days} 天",
    ),
    (
        "a whole number of days from 1 to {max}",
        "须为 1 至 {max} 的整天数",
    ),
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
