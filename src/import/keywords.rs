//! Words banks put in statement headers and rows, in many languages: which column a header
//! names, which tokens say "money in" or "money out", which rows are balances, totals or
//! pending entries. Matching is on lower-cased text; every table is data, not per-bank code.

use std::collections::HashSet;
use std::sync::OnceLock;

/// What a header cell says its column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Date,
    ValueDate,
    Amount,
    Debit,
    Credit,
    Balance,
    Direction,
    Currency,
    Description,
    Counterparty,
    Reference,
    Account,
    /// Numbers that are not the movement: fees, prices, quantities, codes.
    Other,
}

/// Lower-cases and collapses white space; strips quotes and a stray BOM.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        if ch == '\u{feff}' || ch == '"' {
            continue;
        }
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        // Every cell of a file comes here, most of them ASCII.
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    out
}

/// True when `word` occurs in `text` as a whole word (ASCII words) or anywhere (other
/// scripts, which often do not separate words).
fn has(text: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return text.contains(word);
    }
    let mut start = 0;
    while let Some(found) = text.get(start..).and_then(|rest| rest.find(word)) {
        let at = start + found;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if edge(before) && edge(after) {
            return true;
        }
        start = at + word.len();
    }
    false
}

/// `words` is a `|`-separated list.
pub(crate) fn has_any(text: &str, words: &str) -> bool {
    words.split('|').any(|word| has(text, word))
}

pub(crate) fn contains_any(text: &str, parts: &str) -> bool {
    parts.split('|').any(|part| text.contains(part))
}

const BALANCE: &str = concat!(
    "balance|saldo|solde|kontostand|余额|залишок|остаток|likutis|egyenleg|stan konta|",
    "zůstatek",
);
const OTHER: &str = concat!(
    "fee|fees|commission|gebühr|gebühren|entgelt|quantity|qty|price|shares|units|mcc|",
    "tax|vat|postage|insurance|interest|exchange|rate|kurs|手续费|佣金|汇率|钞/汇|postcode|",
    "phone",
);
const DIRECTION: &str = concat!(
    "d/c|c/d|d/k|k/d|dr/cr|cr/dr|debit/credit|credit/debit|creditdebet|debetcredit|",
    "credit debit|debit credit|af bij|af/bij|bij/af|收/支|收支|借贷|借/贷|s/h|soll/haben|",
    "direction|dc",
);
const DEBIT: &str = concat!(
    "debit|debet|débit|paid out|money out|withdrawal|withdrawals|outgoing|outflow|",
    "ausgang|soll|belastung|cargo|cargos|uscite|addebiti|terhelés|spent|lastschrift|",
    "uttak|uttag|ut fra konto|udbetaling",
);
const DEBIT_PARTS: &str = "支出|借方|списан|расход|видат";
const CREDIT: &str = concat!(
    "credit|crédit|paid in|money in|deposit|deposits|incoming|inflow|eingang|haben|",
    "abono|abonos|entrate|accrediti|jóváírás|gutschrift|innskudd|insättning|",
    "inn på konto|indbetaling",
);
const CREDIT_PARTS: &str = "收入|贷方|зарахув|надходж|приход";
const AMOUNT: &str = concat!(
    "amount|betrag|bedrag|belopp|beløb|beløp|summa|suma|сума|сумма|összeg|montant|",
    "importe|importo|kwota|částka|gross|umsatz|amt|valor|iznos|znesek|summe|value",
);
const AMOUNT_PARTS: &str = "金额|金額|сум";
const CURRENCY: &str = concat!(
    "currency|währung|valuta|valiuta|valutacode|deviza|devise|divisa|moneda|waluta|",
    "měna|валюта|monn|monn.|ccy|cur",
);
const CURRENCY_PARTS: &str = "币种|幣別";
const VALUE_DATE: &str = concat!(
    "value date|valutadatum|wertstellung|wertstellungsdatum|date de valeur|",
    "fecha valor|értéknap|settlement date|valuta",
);
const DATE: &str = concat!(
    "date|datum|data|fecha|dátum|dato|дата|buchung|buchungstag|transactiedatum|",
    "boekdatum|datetime|tarih|päivämäärä|day",
);
const DATE_PARTS: &str = "日期|时间|時間|дата|datum|dátum";
const REFERENCE: &str = concat!(
    "reference|referenz|referentie|référence|referencia|riferimento|referenciaszám|",
    "transaction id|id|ref|ref.|n° de transaction|transaction number|įrašo nr.|",
    "įrašo nr|kenmerk|check number|cheque number|номер|№",
);
const REFERENCE_PARTS: &str = "交易订单号|流水号|凭证号";
const COUNTERPARTY: &str = concat!(
    "payee|payer|name|counterparty|beneficiary|auftraggeber/empfänger|auftraggeber|",
    "empfänger|tegenrekeninghouder|naam|jogosult|gavėjas|bénéficiaire|contrepartie|",
    "получатель|контрагент|merchant|from|to",
);
const COUNTERPARTY_PARTS: &str = "交易对方|对方户名";
const ACCOUNT: &str = concat!(
    "account|account number|konto|kontonummer|iban|rekening|rekeningnummer|",
    "sąskaitos nr.|compte|cuenta|счет|рахунок|produit",
);
const DESCRIPTION: &str = concat!(
    "description|details|detail|memo|narrative|narration|text|buchungstext|",
    "verwendungszweck|omschrijving|mededeling|particulars|transaction|vorgang|",
    "libellé|concepto|descrizione|közlemény|tranzakció|paaiškinimai|note|notes|",
    "action|beschreibung|purpose|type|tran type|category|opis|опис|описание|",
    "призначення|деталі|item title",
);
const DESCRIPTION_PARTS: &str = "摘要|说明|备注|用途|分类|közlemény";

/// The role a header cell names, if any. Order matters: "Amount (fee)" is a fee,
/// "Valutadatum" a date, "记账金额(支出)" a debit column.
pub(crate) fn header_role(cell: &str) -> Option<Role> {
    let text = normalize(cell);
    if text.is_empty() {
        return None;
    }
    if has_any(&text, DIRECTION) {
        return Some(Role::Direction);
    }
    if has_any(&text, BALANCE) {
        return Some(Role::Balance);
    }
    if has_any(&text, OTHER) {
        return Some(Role::Other);
    }
    let word = text.split(' ').next().unwrap_or_default();
    if has_any(&text, DEBIT) || contains_any(&text, DEBIT_PARTS) || word == "out" || word == "ut" {
        return Some(Role::Debit);
    }
    if has_any(&text, CREDIT) || contains_any(&text, CREDIT_PARTS) || word == "in" || word == "inn"
    {
        return Some(Role::Credit);
    }
    if has_any(&text, VALUE_DATE) {
        return Some(Role::ValueDate);
    }
    if has_any(&text, DATE) || contains_any(&text, DATE_PARTS) {
        return Some(Role::Date);
    }
    if has_any(&text, AMOUNT) || contains_any(&text, AMOUNT_PARTS) {
        return Some(Role::Amount);
    }
    if has_any(&text, CURRENCY) || contains_any(&text, CURRENCY_PARTS) {
        return Some(Role::Currency);
    }
    if has_any(&text, REFERENCE) || contains_any(&text, REFERENCE_PARTS) {
        return Some(Role::Reference);
    }
    if has_any(&text, COUNTERPARTY) || contains_any(&text, COUNTERPARTY_PARTS) {
        return Some(Role::Counterparty);
    }
    if text.contains("对方账号") || text.starts_with("tegen") || text.starts_with("counter") {
        return Some(Role::Other);
    }
    if has_any(&text, ACCOUNT) {
        return Some(Role::Account);
    }
    if has_any(&text, DESCRIPTION) || contains_any(&text, DESCRIPTION_PARTS) {
        return Some(Role::Description);
    }
    None
}

// Words that name an amount in the account's currency, as booked, and those that name
// the amount of the operation as it was made (another currency, before conversion).
const BOOKED_AMOUNT: &str = concat!(
    "account currency|booked|booking amount|settled|settlement|posted amount|",
    "buchungsbetrag|kontowährung|montant comptabilisé|devise du compte|importe en cuenta",
);
const BOOKED_AMOUNT_PARTS: &str = "入账金额|记账金额|账户币种|本币|入账币种";
const ORIGINAL_AMOUNT: &str = concat!(
    "original|foreign|foreign currency|operation currency|transaction currency|instructed|",
    "originalbetrag|ursprungsbetrag|fremdwährung|devise d'origine|montant d'origine|",
    "moneda original",
);
const ORIGINAL_AMOUNT_PARTS: &str = "原币|外币|交易币种|原始金额";

/// How much an amount column's header says it is the account's own amount: 1 for
/// "Amount in account currency" or "Booked amount", -1 for "Original amount" or
/// "Amount (Foreign Currency)", 0 otherwise.
pub(crate) fn amount_preference(header: &str) -> i8 {
    let text = normalize(header);
    if has_any(&text, BOOKED_AMOUNT) || contains_any(&text, BOOKED_AMOUNT_PARTS) {
        1
    } else if has_any(&text, ORIGINAL_AMOUNT) || contains_any(&text, ORIGINAL_AMOUNT_PARTS) {
        -1
    } else {
        0
    }
}

/// What a direction cell ("D", "CR", "Bij", "支出", ...) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    In,
    Out,
    Neutral,
}

/// The side a direction token stands for; `None` when the cell is not such a token.
pub(crate) fn direction_token(cell: &str) -> Option<Side> {
    if cell.len() > 16 {
        return None;
    }
    let text = normalize(cell);
    let side = match text.as_str() {
        "c" | "cr" | "k" | "h" | "bij" | "credit" | "crédit" | "kredit" | "haben" | "+" | "in"
        | "crdt" | "收入" | "收" | "贷" | "入账" => Side::In,
        "d" | "dr" | "db" | "s" | "af" | "debit" | "débit" | "debet" | "soll" | "-" | "out"
        | "dbit" | "支出" | "支" | "借" | "出账" => Side::Out,
        "不计收支" | "其他" | "neutral" | "neutre" | "neutro" | "none" | "无" => {
            Side::Neutral
        }
        _ => return None,
    };
    Some(side)
}

/// Whole-row labels of opening/closing/turnover balance rows (not transactions).
const BALANCE_ROWS: &str = concat!(
    "opening balance|closing balance|starting balance|ending balance|",
    "beginning balance|previous balance|new balance|balance brought forward|",
    "balance carried forward|brought forward|carried forward|balance b/f|balance c/f|",
    "anfangssaldo|endsaldo|alter kontostand|neuer kontostand|kontostand|",
    "saldo anterior|saldo inicial|saldo final|saldo iniziale|saldo finale|",
    "solde initial|solde final|ancien solde|nouveau solde|solde reporté|beginsaldo|",
    "eindsaldo|ingående saldo|utgående saldo|ingående balanse|utgående balanse|",
    "likutis pradžiai|likutis pabaigai|apyvarta|turnover|nyitó egyenleg|",
    "záró egyenleg|saldo początkowe|saldo końcowe|期初余额|期末余额|上期余额|本期余额|",
    "вхідний залишок|вихідний залишок|входящий остаток|исходящий остаток",
);

/// True when a cell is a balance row's label.
pub(crate) fn is_balance_label(cell: &str) -> bool {
    if cell.len() > 48 || !cell.starts_with(char::is_alphabetic) {
        return false;
    }
    // Asked of every text cell of a file: the labels are split once, into a set.
    static LABELS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let labels = LABELS.get_or_init(|| BALANCE_ROWS.split('|').collect());
    let text = normalize(cell);
    labels.contains(text.trim_end_matches([':', '.']))
}

/// Words that open a totals/footer row or a record count such as `共66笔记录`.
pub(crate) fn is_footer_label(cell: &str) -> bool {
    if cell.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let text = normalize(cell);
    let starts = [
        "total",
        "totals",
        "sum",
        "summe",
        "gesamt",
        "totaal",
        "totalt",
        "summa",
        "итого",
        "всього",
        "razem",
        "összesen",
        "合计",
        "总计",
        "共",
    ];
    starts.iter().any(|start| text.starts_with(start))
        || text.ends_with("合计")
        || text.ends_with("笔记录")
}

/// Rows that record a document, not a movement of money (PayPal's "Invoice Sent").
pub(crate) fn is_memo_label(cell: &str) -> bool {
    if cell.len() > 20 {
        return false;
    }
    let text = normalize(cell);
    matches!(
        text.as_str(),
        "invoice sent" | "invoice received" | "request sent" | "request received" | "memo"
    )
}

/// Date cells that stand for "not booked yet".
pub(crate) fn is_pending_word(cell: &str) -> bool {
    if cell.len() > 20 || cell.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let text = normalize(cell);
    matches!(
        text.as_str(),
        "pending"
            | "in progress"
            | "processing"
            | "authorised"
            | "authorized"
            | "vorgemerkt"
            | "in behandeling"
            | "en attente"
            | "väntande"
            | "pendiente"
            | "未入账"
            | "待入账"
    )
}

/// ISO 4217 codes common enough to recognise a currency column or an amount's suffix.
const CODES: &[&str] = &[
    "AED", "ARS", "AUD", "BGN", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP",
    "EUR", "GBP", "HKD", "HRK", "HUF", "IDR", "ILS", "INR", "ISK", "JPY", "KES", "KRW", "KZT",
    "LTL", "LVL", "MAD", "MXN", "MYR", "NGN", "NOK", "NZD", "PEN", "PHP", "PKR", "PLN", "RON",
    "RSD", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "TWD", "UAH", "USD", "VND", "ZAR",
];

/// The ISO code a currency cell names ("EUR", "eur", "人民币", "грн").
pub(crate) fn currency_code(cell: &str) -> Option<&'static str> {
    let text = cell.trim();
    if text.len() > 9 {
        return None;
    }
    let upper = text.to_uppercase();
    if let Some(code) = CODES.iter().find(|code| **code == upper) {
        return Some(code);
    }
    match normalize(text).trim_end_matches('.') {
        "人民币" | "rmb" | "元" => Some("CNY"),
        "грн" => Some("UAH"),
        "руб" => Some("RUB"),
        "zł" => Some("PLN"),
        "kč" => Some("CZK"),
        "ft" => Some("HUF"),
        _ => None,
    }
}

/// An ISO code written inside a header such as "Paid In (EUR)" or "Umsatz in EUR".
pub(crate) fn code_in_header(cell: &str) -> Option<&'static str> {
    cell.split(|c: char| !c.is_ascii_alphabetic())
        .find_map(|word| CODES.iter().find(|code| **code == word).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_the_samples() {
        assert_eq!(header_role("Amount (fee)"), Some(Role::Other));
        assert_eq!(header_role("Amount (total)"), Some(Role::Amount));
        assert_eq!(header_role("Valutadatum"), Some(Role::ValueDate));
        assert_eq!(header_role("记账金额(支出)"), Some(Role::Debit));
        assert_eq!(header_role("交易金额(收入)"), Some(Role::Credit));
        assert_eq!(header_role("CreditDebet"), Some(Role::Direction));
        assert_eq!(header_role("Credit/Debit"), Some(Role::Direction));
        assert_eq!(header_role("Cума списання"), Some(Role::Debit));
        assert_eq!(header_role("Paid Out (EUR)"), Some(Role::Debit));
        assert_eq!(header_role("Balance (EUR)"), Some(Role::Balance));
        assert_eq!(header_role("Währung"), Some(Role::Currency));
        assert_eq!(header_role("Buchung"), Some(Role::Date));
        assert_eq!(header_role("Umsatz in EUR"), Some(Role::Amount));
        assert_eq!(header_role("Insurance Amount"), Some(Role::Other));
        assert_eq!(header_role("Tegenrekeningnummer"), Some(Role::Other));
        assert_eq!(header_role("收/支"), Some(Role::Direction));
        assert_eq!(header_role("Withdrawals"), Some(Role::Debit));
        assert_eq!(header_role(" ID"), Some(Role::Reference));
        assert_eq!(header_role("Zeitraum"), None);
        assert_eq!(header_role("Tegenrekeninghouder"), Some(Role::Counterparty));
        assert_eq!(header_role("In (EUR)"), Some(Role::Credit));
    }

    #[test]
    fn tokens_and_labels() {
        assert_eq!(direction_token(" K "), Some(Side::In));
        assert_eq!(direction_token("Af"), Some(Side::Out));
        assert_eq!(direction_token("不计收支"), Some(Side::Neutral));
        assert_eq!(direction_token("AS"), None);
        assert!(is_balance_label("Likutis pradžiai"));
        assert!(is_balance_label("Closing Balance"));
        assert!(!is_balance_label("Solde prix prestations"));
        assert!(is_footer_label("人民币合计"));
        assert!(is_footer_label("共66笔记录"));
        assert_eq!(currency_code("人民币"), Some("CNY"));
        assert_eq!(code_in_header("Paid In (EUR)"), Some("EUR"));
        assert_eq!(code_in_header("Amount ($)"), None);
    }
}
