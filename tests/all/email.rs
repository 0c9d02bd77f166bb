//! Email through a real SMTP server (aiosmtpd, on 127.0.0.1, writing to a Maildir):
//! `owed statements --email` queues one email per customer who wants email beside its
//! archived PDF and sends them; the Maildir, read back with Python's `email` package,
//! holds one message per such customer with the archived PDF byte for byte, the
//! Chinese subject decoded back exactly, and the outbox's Message-ID. With the server
//! down the emails wait with why; with it back, `owed outbox send` delivers each once.
//! Needs Python with aiosmtpd (Debian's python3-aiosmtpd; `.ci/run` installs it):
//! without it these tests say so and pass.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::Value;

use crate::common::bin::{json, owed, run};
use crate::common::printed::{qpdf_ok, text_of};

mod harness {
    include!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/smtp/harness.rs"
    ));
}

use harness::{Server, messages, python_or_skip};

/// A book with four customers: two who want email (one with two addresses), one with no
/// address and one who wants post, each with an invoice overdue at October's end.
fn book(dir: &Path, port: u16) -> PathBuf {
    let book = dir.join("book.owed");
    owed(
        &book,
        &["init", "--currency", "EUR", "--company", "Acme 贸易"],
    );
    for (code, name, email, send_by) in [
        ("C1", "Łódź Foods", Some("ap@one.example"), "email"),
        (
            "C2",
            "深圳市华星贸易有限公司",
            Some("ap@two.example, boss@two.example"),
            "both",
        ),
        ("C3", "No Mail Ltd", None, "email"),
        ("C4", "Post Only GmbH", Some("ap@four.example"), "post"),
    ] {
        let mut args = vec!["customer", "add", "--code", code, "--name", name];
        if let Some(email) = email {
            args.extend(["--email", email]);
        }
        args.extend(["--send-by", send_by]);
        owed(&book, &args);
        owed(
            &book,
            &[
                "invoice",
                "add",
                "--customer",
                code,
                "--number",
                &format!("INV-{code}"),
                "--date",
                "2026-09-01",
                "--amount",
                "1234.50",
            ],
        );
    }
    let port = port.to_string();
    for (key, value) in [
        ("email.smtp_host", "127.0.0.1"),
        ("email.smtp_port", port.as_str()),
        ("email.tls", "none"),
        ("email.from", "ar@acme.example"),
        ("email.from_name", "Acme 应收部"),
        ("email.reply_to", "billing@acme.example"),
        ("email.rate_per_minute", "10000"),
    ] {
        owed(&book, &["settings", "set", key, value]);
    }
    book
}

#[test]
fn statements_are_emailed_once_each_with_the_archived_pdf_and_a_chinese_subject() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    let server = Server::start(&python, &maildir);
    let book = book(dir.path(), server.port);
    let out = dir.path().join("out");
    let said = owed(
        &book,
        &[
            "statements",
            "--period",
            "2026-10",
            "--out",
            out.to_str().unwrap(),
            "--lang",
            "zh",
            "--email",
        ],
    );
    assert!(said.contains("2 emails queued"), "{said}");
    assert!(said.contains("To print and post (3): C2, C3, C4"), "{said}");
    assert!(said.contains("2 sent, 0 failed, 0 waiting"), "{said}");
    // Only those to print, in one file: C2 (both), C3 (no address), C4 (post), not C1.
    let to_print = out.join("statements-2026-10-to-print.pdf");
    assert!(
        said.contains(&format!("in one file: {}", to_print.display())),
        "{said}"
    );
    qpdf_ok(&to_print);
    let printed = text_of(&to_print);
    for name in ["深圳市华星贸易有限公司", "No Mail Ltd", "Post Only GmbH"] {
        assert!(printed.contains(name), "{name} in {printed}");
    }
    assert!(!printed.contains("Łódź Foods"), "{printed}");
    assert!(text_of(&out.join("statements-2026-10.pdf")).contains("Łódź Foods"));

    let got = messages(&python, &maildir);
    assert_eq!(got.len(), 2, "one message per customer with an email");
    let outbox = json(&book, &["outbox", "list", "--format", "json"]);
    let outbox = outbox.as_array().unwrap();
    assert_eq!(outbox.len(), 2);
    let issued = json(&book, &["issued", "list", "--format", "json"]);
    for entry in outbox {
        assert_eq!(entry["status"], "sent");
        assert_eq!(entry["attempts"], 1);
        assert_eq!(entry["kind"], "statement");
        assert!(entry["last_error"].is_null());
        let message = got
            .iter()
            .find(|m| m["message_id"] == entry["message_id"])
            .unwrap();
        // The subject in Chinese, decoded back exactly.
        assert_eq!(message["subject"], "Acme 贸易 2026-10 对账单");
        assert_eq!(message["subject"], entry["subject"]);
        assert_eq!(message["from"], "Acme 应收部 <ar@acme.example>");
        assert_eq!(message["reply_to"], "billing@acme.example");
        assert_eq!(message["mime_version"], "1.0");
        assert!(!message["date"].as_str().unwrap().is_empty());
        // The PDF attached is the archived one, byte for byte.
        let archived = issued
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == entry["issued_id"])
            .unwrap();
        let attachments = message["attachments"].as_array().unwrap();
        assert_eq!(attachments.len(), 1);
        assert_eq!(attachments[0]["sha256"], archived["sha256"]);
        assert_eq!(attachments[0]["type"], "application/pdf");
        assert_eq!(attachments[0]["name"], archived["file"]);
        assert!(message["text"].as_str().unwrap().contains("EUR 1,234.50"));
        assert!(message["html"].as_str().unwrap().contains("<p"));
    }
    let to: Vec<&str> = got.iter().map(|m| m["to"].as_str().unwrap()).collect();
    assert!(to.contains(&"ap@one.example"), "{to:?}");
    assert!(to.contains(&"ap@two.example, boss@two.example"), "{to:?}");

    // Each email is a collection note of its customer.
    let notes = owed(&book, &["note", "list", "--customer", "C2"]);
    assert!(notes.contains("Emailed statement"), "{notes}");

    // Sending again sends nothing twice.
    let again = owed(&book, &["outbox", "send"]);
    assert!(again.contains("0 sent, 0 failed, 0 waiting"), "{again}");
    assert_eq!(messages(&python, &maildir).len(), 2);
}

#[test]
fn with_the_server_down_emails_wait_with_why_and_go_once_it_is_back() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    let server = Server::start(&python, &maildir);
    let port = server.port;
    drop(server);
    let book = book(dir.path(), port);
    let out = dir.path().join("out");
    let said = owed(
        &book,
        &[
            "statements",
            "--period",
            "2026-10",
            "--out",
            out.to_str().unwrap(),
            "--email",
        ],
    );
    assert!(said.contains("0 sent, 1 failed, 2 waiting"), "{said}");
    assert!(said.contains("could not be reached"), "{said}");
    let outbox = json(&book, &["outbox", "list", "--format", "json"]);
    let statuses: Vec<&str> = outbox
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["queued", "failed"], "newest first");
    let failed = &outbox[1];
    assert!(
        failed["last_error"]
            .as_str()
            .unwrap()
            .starts_with("the mail server could not be reached"),
        "{failed}"
    );
    // In Chinese, the table says why in Chinese.
    let (ok, table, _) = crate::common::bin::run_in("zh_CN", &book, &["outbox", "list"]);
    assert!(
        ok && table.contains("无法连接邮件服务器") && table.contains("发送失败"),
        "{table}"
    );

    // The server back (on another port): the failed one waits its turn, unless asked now.
    let server = Server::start(&python, &maildir);
    owed(
        &book,
        &[
            "settings",
            "set",
            "email.smtp_port",
            &server.port.to_string(),
        ],
    );
    let later = owed(&book, &["outbox", "send"]);
    assert!(later.contains("1 sent, 0 failed, 1 waiting"), "{later}");
    let now = owed(&book, &["outbox", "send", "--now"]);
    assert!(now.contains("1 sent, 0 failed, 0 waiting"), "{now}");
    assert_eq!(messages(&python, &maildir).len(), 2, "each delivered once");
    let (ok, _, refused) = run(&book, &["outbox", "cancel", "1"]);
    assert!(!ok && refused.contains("is sent, not waiting"), "{refused}");
}

/// Runs `owed` with the mail server's password in `OWED_SMTP_PASSWORD`, as a script would.
fn owed_with_password(book: &Path, password: &str, args: &[&str]) -> String {
    let out = crate::common::bin::command()
        .env("OWED_SMTP_PASSWORD", password)
        .arg("--book")
        .arg(book)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_wrong_password_keeps_the_emails_with_why_and_the_right_one_sends_each_once() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    let server = Server::with_login(&python, &maildir, "ar@acme.example", "right horse");
    let book = book(dir.path(), server.port);
    owed(
        &book,
        &["settings", "set", "email.username", "ar@acme.example"],
    );
    let out = dir.path().join("out");
    let args = [
        "statements",
        "--period",
        "2026-10",
        "--out",
        out.to_str().unwrap(),
        "--email",
    ];
    let said = owed_with_password(&book, "wrong horse", &args);
    // The login refused stops the run at the first email: the other is not tried.
    assert!(said.contains("0 sent, 1 failed, 2 waiting"), "{said}");
    assert!(said.contains("refused the user name or password"), "{said}");
    assert!(messages(&python, &maildir).is_empty(), "nothing delivered");
    let outbox = json(&book, &["outbox", "list", "--format", "json"]);
    let failed = &outbox[1];
    assert_eq!(failed["status"], "failed");
    let why = failed["last_error"].as_str().unwrap();
    assert!(
        why.contains("refused the user name or password") && why.contains("535"),
        "{why}"
    );
    // In Chinese, the table says why in Chinese.
    let (ok, table, _) = crate::common::bin::run_in("zh_CN", &book, &["outbox", "list"]);
    assert!(ok && table.contains("拒绝了用户名或密码"), "{table}");

    // The right password: each is delivered once, and a run again sends nothing.
    let now = owed_with_password(&book, "right horse", &["outbox", "send", "--now"]);
    assert!(now.contains("2 sent, 0 failed, 0 waiting"), "{now}");
    assert_eq!(messages(&python, &maildir).len(), 2, "each delivered once");
    let again = owed_with_password(&book, "right horse", &["outbox", "send", "--now"]);
    assert!(again.contains("0 sent, 0 failed, 0 waiting"), "{again}");
    assert_eq!(messages(&python, &maildir).len(), 2);
}

#[test]
fn a_refused_recipient_is_kept_with_the_servers_words_and_can_be_cancelled() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    let server = Server::start(&python, &maildir);
    let book = book(dir.path(), server.port);
    owed(
        &book,
        &["customer", "edit", "C1", "--email", "reject@one.example"],
    );
    let out = dir.path().join("out");
    let said = owed(
        &book,
        &[
            "statements",
            "--period",
            "2026-10",
            "--out",
            out.to_str().unwrap(),
            "--email",
        ],
    );
    assert!(said.contains("1 sent, 1 failed, 1 waiting"), "{said}");
    let outbox = json(&book, &["outbox", "list", "--format", "json"]);
    let refused = outbox
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["customer"] == "C1")
        .unwrap();
    assert_eq!(refused["status"], "failed");
    let why = refused["last_error"].as_str().unwrap();
    assert!(
        why.starts_with("the mail server rejected it") && why.contains("no such user"),
        "{why}"
    );
    let id = refused["id"].to_string();
    let cancelled = owed(&book, &["outbox", "cancel", &id]);
    assert!(cancelled.contains("cancelled"), "{cancelled}");
    let again = owed(&book, &["outbox", "send", "--now"]);
    assert!(again.contains("0 sent, 0 failed, 0 waiting"), "{again}");
    assert_eq!(messages(&python, &maildir).len(), 1);
}

#[test]
fn letters_due_are_emailed_with_their_level_and_logged_as_email_notes() {
    let Some(python) = python_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    let server = Server::start(&python, &maildir);
    let book = book(dir.path(), server.port);
    owed(&book, &["settings", "set", "locale", "zh-CN"]);
    let out = dir.path().join("letters");
    let said = owed(
        &book,
        &[
            "letters",
            "--due",
            "--date",
            "2026-11-20",
            "--out",
            out.to_str().unwrap(),
            "--email",
        ],
    );
    assert!(said.contains("2 emails queued"), "{said}");
    assert!(said.contains("2 sent, 0 failed, 0 waiting"), "{said}");
    // The letters for the post on their own, beside the file with every letter.
    let to_print = out.join("letters-2026-11-20-to-print.pdf");
    assert!(
        said.contains(&format!("in one file: {}", to_print.display())),
        "{said}"
    );
    qpdf_ok(&to_print);
    let printed = text_of(&to_print);
    for name in ["No Mail Ltd", "Post Only GmbH"] {
        assert!(printed.contains(name), "{name} in {printed}");
    }
    assert!(!printed.contains("Łódź Foods"), "{printed}");
    let got = messages(&python, &maildir);
    assert_eq!(got.len(), 2);
    let outbox = json(&book, &["outbox", "list", "--format", "json"]);
    let issued = json(&book, &["issued", "list", "--format", "json"]);
    for entry in outbox.as_array().unwrap() {
        assert_eq!(entry["kind"], "letter");
        let level = entry["level"].as_u64().unwrap();
        let message = got
            .iter()
            .find(|m| m["message_id"] == entry["message_id"])
            .unwrap();
        // The book's locale is Chinese: so is the letter's email.
        assert!(
            message["subject"].as_str().unwrap().starts_with("催款提醒"),
            "{message}"
        );
        let archived = issued
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == entry["issued_id"])
            .unwrap();
        assert_eq!(archived["level"].as_u64(), Some(level));
        assert_eq!(message["attachments"][0]["sha256"], archived["sha256"]);
    }
    let notes = owed(&book, &["note", "list", "--customer", "C1"]);
    assert!(notes.contains("Emailed letter level 1"), "{notes}");
}

/// The Message-IDs the server accepted, in order, from its `envelopes.jsonl`.
fn accepted(maildir: &Path) -> Vec<String> {
    std::fs::read_to_string(maildir.join("envelopes.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).unwrap()["message_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn a_send_killed_midway_loses_nothing_and_marks_nothing_the_server_did_not_take() {
    let Some(python) = python_or_skip() else {
        return;
    };
    const MESSAGES: usize = 500;
    let dir = tempfile::tempdir().unwrap();
    let maildir = dir.path().join("Maildir");
    let book = dir.path().join("book.owed");
    owed(&book, &["init", "--currency", "EUR", "--company", "Acme"]);
    let mut customers = String::from("code,name,email\n");
    let mut invoices = String::from("customer,number,date,amount\n");
    for i in 0..MESSAGES {
        customers.push_str(&format!("C{i:03},Customer {i},ap{i}@example.com\n"));
        invoices.push_str(&format!("C{i:03},INV-{i},2026-09-01,{}.00\n", 100 + i));
    }
    let (customers_csv, invoices_csv) = (dir.path().join("c.csv"), dir.path().join("i.csv"));
    std::fs::write(&customers_csv, customers).unwrap();
    std::fs::write(&invoices_csv, invoices).unwrap();
    owed(
        &book,
        &[
            "load",
            customers_csv.to_str().unwrap(),
            "--kind",
            "customers",
        ],
    );
    owed(
        &book,
        &["load", invoices_csv.to_str().unwrap(), "--kind", "invoices"],
    );
    // Queued with the server away: the run stops at the first and all wait.
    let server = Server::start(&python, &maildir);
    let port = server.port.to_string();
    drop(server);
    for (key, value) in [
        ("email.smtp_host", "127.0.0.1"),
        ("email.smtp_port", port.as_str()),
        ("email.tls", "none"),
        ("email.from", "ar@acme.example"),
        ("email.rate_per_minute", "10000"),
    ] {
        owed(&book, &["settings", "set", key, value]);
    }
    let out = dir.path().join("out");
    let said = owed(
        &book,
        &[
            "statements",
            "--period",
            "2026-10",
            "--out",
            out.to_str().unwrap(),
            "--email",
        ],
    );
    assert!(
        said.contains(&format!("0 sent, 1 failed, {MESSAGES} waiting")),
        "{said}"
    );

    // The server back; a send killed once the server has taken a hundred.
    let server = Server::start(&python, &maildir);
    owed(
        &book,
        &[
            "settings",
            "set",
            "email.smtp_port",
            &server.port.to_string(),
        ],
    );
    let mut send = crate::common::bin::command()
        .args(["--book", book.to_str().unwrap(), "outbox", "send", "--now"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while accepted(&maildir).len() < 100 && started.elapsed().as_secs() < 120 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    send.kill().unwrap();
    send.wait().unwrap();
    let taken = accepted(&maildir);
    assert!(
        taken.len() >= 100 && taken.len() < MESSAGES,
        "{}",
        taken.len()
    );

    // Every email marked sent is one the server took; at most one it took is unmarked.
    let outbox = json(&book, &["outbox", "list", "--format", "json"]);
    let outbox = outbox.as_array().unwrap();
    assert_eq!(outbox.len(), MESSAGES, "nothing lost");
    let sent: Vec<&str> = outbox
        .iter()
        .filter(|e| e["status"] == "sent")
        .map(|e| e["message_id"].as_str().unwrap())
        .collect();
    for id in &sent {
        assert!(
            taken.iter().any(|t| t == id),
            "{id} marked sent, never taken"
        );
    }
    let unmarked = taken.iter().filter(|t| !sent.contains(&t.as_str())).count();
    assert!(unmarked <= 1, "{unmarked} taken but not marked");
    for e in outbox.iter().filter(|e| e["status"] != "sent") {
        assert!(e["status"] == "queued" || e["status"] == "failed", "{e}");
    }

    // Sent again: every email delivered, and each once but for that one at most.
    let again = owed(&book, &["outbox", "send", "--now"]);
    assert!(again.contains("0 failed, 0 waiting"), "{again}");
    let taken = accepted(&maildir);
    let mut unique = taken.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), MESSAGES, "every email delivered");
    assert!(
        taken.len() - unique.len() <= 1,
        "{} sent twice",
        taken.len() - unique.len()
    );
}
