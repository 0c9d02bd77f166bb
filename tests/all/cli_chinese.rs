//! The command line in Chinese (`OWED_LANG=zh_CN`): what a person reads is said in
//! Chinese with every figure intact, while JSON and CSV, read by programs, are the same
//! bytes in either language.

use std::path::Path;

use crate::common::bin::run_in;

/// Runs `owed` in Chinese expecting success; its standard output.
fn zh(book: &Path, args: &[&str]) -> String {
    let (ok, stdout, stderr) = run_in("zh_CN", book, args);
    assert!(ok, "{args:?}: {stderr}");
    stdout
}

/// Runs `owed` in Chinese expecting failure; its standard error.
fn zh_refused(book: &Path, args: &[&str]) -> String {
    let (ok, stdout, stderr) = run_in("zh_CN", book, args);
    assert!(!ok, "{args:?} should fail: {stdout}");
    stderr
}

/// Asserts `text` holds every one of `phrases`.
fn says(text: &str, phrases: &[&str]) {
    for phrase in phrases {
        assert!(text.contains(phrase), "{phrase:?} missing from:\n{text}");
    }
}

/// A book with two customers, an invoice part paid and one unpaid.
fn book(dir: &Path) -> std::path::PathBuf {
    let book = dir.join("book.owed");
    says(
        &zh(
            &book,
            &["init", "--company", "华星贸易", "--currency", "USD"],
        ),
        &["账簿", "已就绪：华星贸易，USD，2 位小数"],
    );
    says(
        &zh(
            &book,
            &[
                "customer",
                "add",
                "--code",
                "C1",
                "--name",
                "深圳华星",
                "--terms",
                "net 30",
                "--credit-limit",
                "5000",
            ],
        ),
        &["已新建客户 C1 深圳华星"],
    );
    zh(
        &book,
        &["customer", "add", "--code", "C2", "--name", "Acme Ltd"],
    );
    says(
        &zh(
            &book,
            &[
                "invoice",
                "add",
                "--customer",
                "C1",
                "--number",
                "INV-1",
                "--date",
                "2026-09-01",
                "--amount",
                "1,200.00",
            ],
        ),
        &["已为 C1 过账发票 INV-1：1,200.00", "2026-10-01 到期"],
    );
    zh(
        &book,
        &[
            "invoice",
            "add",
            "--customer",
            "C2",
            "--number",
            "INV-2",
            "--date",
            "2026-11-01",
            "--amount",
            "300.00",
        ],
    );
    says(
        &zh(
            &book,
            &[
                "payment",
                "add",
                "--customer",
                "C1",
                "--number",
                "PAY-1",
                "--date",
                "2026-10-15",
                "--amount",
                "200.00",
            ],
        ),
        &["已为 C1 过账收款 PAY-1：200.00", "已核销 200.00 至 INV-1/1"],
    );
    book
}

#[test]
fn the_reports_people_read_are_chinese_with_their_figures() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());

    let list = zh(&book, &["customer", "list", "--as-of", "2026-11-20"]);
    says(
        &list,
        &[
            "编号",
            "名称",
            "付款条件",
            "余额",
            "逾期",
            "最长逾期",
            "信用额度",
            "1,000.00",
            "2 位客户",
        ],
    );

    let ledger = zh(&book, &["ledger", "C1"]);
    says(
        &ledger,
        &[
            "C1 深圳华星 — 付款条件 net 30",
            "期初余额",
            "发票",
            "收款",
            "借方",
            "贷方",
            "期末余额",
        ],
    );
    says(&ledger, &["1,200.00", "1,000.00"]);

    let aging = zh(&book, &["aging", "--as-of", "2026-11-20", "--detail"]);
    says(
        &aging,
        &[
            "截至 2026-11-20 的账龄（按到期日，USD）",
            "未到期",
            "未核销",
            "合计",
            "INV-1/1，2026-10-01 到期（50 天）",
            "1,300.00",
        ],
    );

    let overview = zh(&book, &["overview"]);
    says(
        &overview,
        &[
            "华星贸易 — ",
            "2 位客户；应收账款 USD 1,300.00，其中逾期",
            "逾期最多的客户：",
            "运行 `owed --help` 查看全部命令。",
        ],
    );

    let worklist = zh(&book, &["worklist", "--date", "2026-11-20"]);
    says(
        &worklist,
        &["2026-11-20 共有", "项待办，最紧急的在前：", "类型", "事由"],
    );

    let out = dir.path().join("statements");
    let statements = zh(
        &book,
        &[
            "statements",
            "--period",
            "2026-11",
            "--out",
            out.to_str().unwrap(),
            "--preview",
        ],
    );
    // Due at the end of November: INV-1 less its payment; INV-2 falls due in December.
    says(
        &statements,
        &[
            "已将 2026-11 的 2 份未结项目对账单写入",
            "当前应收合计：USD 1,000.00",
            "预览：未存档",
        ],
    );

    let csv = dir.path().join("bank.csv");
    std::fs::write(
        &csv,
        "Date,Description,Amount\n2026-11-19,Payment INV-2 Acme Ltd,300.00\n2026-11-19,Bank fee,-5.00\n",
    )
    .unwrap();
    let import = zh(&book, &["import", "--dry-run", csv.to_str().unwrap()]);
    says(
        &import,
        &[
            "表头在第 1 行",
            "行号",
            "状态",
            "将过账",
            "收入 1 笔（300.00）",
            "支出 1 笔（5.00）",
            "试运行：未写入任何内容",
            // Why the payment is C2's, in Chinese with its invoice number.
            "摘要中有发票号 INV-2；",
        ],
    );
    assert!(!import.contains("named in the text"), "{import}");

    // Why a letter is due, in Chinese with its days (`letters --due --dry-run`).
    let letters = zh(
        &book,
        &["letters", "--due", "--dry-run", "--date", "2026-11-20"],
    );
    says(
        &letters,
        &["C1 第 1 级", "已逾期 50 天，本轮逾期的第一封催款函"],
    );
    assert!(!letters.contains("days overdue"), "{letters}");

    // No English word of ours is left in what a person reads.
    for (what, text) in [("list", &list), ("ledger", &ledger), ("aging", &aging)] {
        for english in [
            "code",
            "name",
            "balance",
            "opening",
            "closing",
            "Total",
            "Current",
            "customers",
        ] {
            assert!(!text.contains(english), "{what} says {english:?}:\n{text}");
        }
    }
}

#[test]
fn errors_are_said_in_chinese_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let bad_amount = zh_refused(
        &book,
        &["invoice", "add", "--customer", "C1", "--amount", "12,50"],
    );
    says(&bad_amount, &["owed: --amount：“12,50”不是有效金额"]);
    let unknown = zh_refused(
        &book,
        &["invoice", "add", "--customer", "C9", "--amount", "12.50"],
    );
    says(&unknown, &["owed: 没有代码为“C9”的客户"]);
    let bad_period = zh_refused(
        &book,
        &[
            "statements",
            "--period",
            "11/2026",
            "--out",
            dir.path().to_str().unwrap(),
        ],
    );
    says(
        &bad_period,
        &["--period：月份应写作 YYYY-MM，如 2026-10，不能是“11/2026”"],
    );
    // English still says the library's own words.
    let (_, _, english) = run_in(
        "en",
        &book,
        &["invoice", "add", "--customer", "C9", "--amount", "12.50"],
    );
    assert_eq!(english, "owed: no customer with code 'C9'\n");
}

#[test]
fn why_a_bank_row_was_kept_is_said_in_chinese_long_after_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let csv = dir.path().join("kept.csv");
    // The payer's name is C2's, but the amount fits none of its items: kept unmatched,
    // suggested for C2.
    std::fs::write(
        &csv,
        "Date,Description,Amount\n2026-11-19,Acme Ltd,123.45\n",
    )
    .unwrap();
    zh(&book, &["import", csv.to_str().unwrap()]);
    let kept = zh(&book, &["import", "unmatched"]);
    says(&kept, &["建议", "C2：摘要中有付款人名称“Acme Ltd”"]);
    assert!(!kept.contains("in the text"), "{kept}");
    // Programs still read the English the row has always held.
    let (ok, json, stderr) = run_in("zh_CN", &book, &["import", "unmatched", "--format", "json"]);
    assert!(ok, "{stderr}");
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["suggestion"], "C2: name 'Acme Ltd' in the text");
}

#[test]
fn json_and_csv_are_the_same_bytes_in_either_language() {
    let dir = tempfile::tempdir().unwrap();
    let book = book(dir.path());
    let csv = dir.path().join("bank.csv");
    std::fs::write(
        &csv,
        "Date,Description,Amount\n2026-11-19,Payment INV-2 Acme Ltd,300.00\n",
    )
    .unwrap();
    let csv = csv.to_str().unwrap();
    let runs: [&[&str]; 9] = [
        &[
            "customer",
            "list",
            "--as-of",
            "2026-11-20",
            "--format",
            "json",
        ],
        &[
            "customer",
            "list",
            "--as-of",
            "2026-11-20",
            "--format",
            "csv",
        ],
        &["ledger", "C1", "--format", "json"],
        &["ledger", "C1", "--format", "csv"],
        &[
            "aging",
            "--as-of",
            "2026-11-20",
            "--detail",
            "--format",
            "json",
        ],
        &[
            "aging",
            "--as-of",
            "2026-11-20",
            "--detail",
            "--format",
            "csv",
        ],
        &["worklist", "--date", "2026-11-20", "--format", "json"],
        &["import", "--dry-run", "--format", "json", csv],
        &["import", "--dry-run", "--format", "csv", csv],
    ];
    for args in runs {
        let (ok, english, stderr) = run_in("en", &book, args);
        assert!(ok, "{args:?}: {stderr}");
        assert!(!english.trim().is_empty(), "{args:?} printed nothing");
        let chinese = zh(&book, args);
        assert_eq!(chinese, english, "{args:?} differs between the languages");
    }
}

#[test]
fn help_is_chinese_with_the_flags_as_typed_and_english_as_before() {
    let dir = tempfile::tempdir().unwrap();
    // Help needs no book: none is made.
    let book = dir.path().join("book.owed");
    says(
        &zh(&book, &["invoice", "add", "--help"]),
        &[
            "过账一张发票",
            "用法： owed invoice add",
            "选项：",
            "--amount <AMOUNT>",
            "精确金额，按账簿的数字格式书写",
            "--customer <CUSTOMER>",
            "客户编号",
            "打印帮助",
        ],
    );
    let top = zh(&book, &["--help"]);
    says(
        &top,
        &["用法： owed [OPTIONS] [COMMAND]", "命令：", "打印版本号"],
    );
    assert!(!top.contains("Usage:"), "{top}");
    let (ok, english, stderr) = run_in("en", &book, &["--help"]);
    assert!(ok, "{stderr}");
    says(
        &english,
        &[
            "Who owes you what, since when, and what you did about it.",
            "Usage: owed [OPTIONS] [COMMAND]",
            "Commands:",
            "Options:",
            "Print help",
        ],
    );
    assert!(!book.exists());
}

#[test]
fn a_mistyped_argument_is_said_in_chinese_and_in_english_as_clap_says_it() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("book.owed");
    let chinese = zh_refused(&book, &["invoice", "add", "--amont", "12"]);
    says(
        &chinese,
        &[
            "错误：无法识别的参数“--amont”",
            "“--amount”",
            "用法： owed invoice add",
            "更多信息请运行“--help”。",
        ],
    );
    assert!(!chinese.contains("error:"), "{chinese}");
    let (ok, _, english) = run_in("en", &book, &["invoice", "add", "--amont", "12"]);
    assert!(!ok);
    assert!(
        english.starts_with("error: unexpected argument '--amont' found"),
        "{english}"
    );
    // Nothing was started on a mistyped command.
    assert!(!book.exists());
}
