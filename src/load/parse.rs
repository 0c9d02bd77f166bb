//! Reading a load file into typed records, before anything touches the book: columns
//! matched by name, every cell checked, errors with file, line and column.

use std::rc::Rc;

use chrono::NaiveDate;

use super::FieldProblem;
use super::{LoadError, LoadKind};
use crate::domain::allocation::Apply;
use crate::domain::customer::{CustomerDraft, CustomerError};
use crate::domain::document::DocKind;
use crate::domain::terms::{Plan, Terms};
use crate::domain::text::from_spreadsheet;
use crate::domain::{Currency, Money, parse_date};
use crate::store::LeftEmpty;
use crate::store::{NewCredit, NewDebit};

/// A column Owed knows: its name, whether it must be there, and other names for it.
struct Field {
    name: &'static str,
    required: bool,
    synonyms: &'static [&'static str],
}

const fn field(name: &'static str, required: bool, synonyms: &'static [&'static str]) -> Field {
    Field {
        name,
        required,
        synonyms,
    }
}

const CUSTOMER_KEY: &[&str] = &["customer_code", "code", "account"];
const MEMO: &[&str] = &["description", "note", "notes"];

const CUSTOMERS: &[Field] = &[
    field("code", true, &["customer", "customer_code", "account"]),
    field("name", true, &["customer_name", "company"]),
    field("contact", false, &["contact_name"]),
    field("email", false, &["e_mail", "email_address"]),
    field("phone", false, &["telephone", "tel", "phone_number"]),
    field("address", false, &[]),
    field("terms", false, &["payment_terms"]),
    field("credit_limit", false, &["limit"]),
    field("tier", false, &[]),
    field("on_hold", false, &["hold", "credit_hold"]),
    field("send_by", false, &["send", "delivery"]),
];

const INVOICES: &[Field] = &[
    field("customer", true, CUSTOMER_KEY),
    field(
        "number",
        true,
        &["invoice", "invoice_number", "invoice_no", "no"],
    ),
    field("date", true, &["invoice_date"]),
    field("amount", true, &["total", "invoice_amount"]),
    field("due", false, &["due_date"]),
    field("terms", false, &["payment_terms"]),
    field("memo", false, MEMO),
    field(
        "open",
        false,
        &["open_amount", "amount_open", "balance", "outstanding"],
    ),
];

const PAYMENTS: &[Field] = &[
    field("customer", true, CUSTOMER_KEY),
    field(
        "number",
        true,
        &["payment", "payment_number", "receipt", "no"],
    ),
    field("date", true, &["payment_date"]),
    field("amount", true, &["total"]),
    field("reference", false, &["ref", "check", "cheque"]),
    field("memo", false, MEMO),
    field("apply", false, &["apply_to", "applied_to", "invoices"]),
];

fn fields(kind: LoadKind) -> &'static [Field] {
    match kind {
        LoadKind::Customers => CUSTOMERS,
        LoadKind::Invoices => INVOICES,
        LoadKind::Payments => PAYMENTS,
    }
}

/// `Credit Limit`, `credit-limit`, ` CREDIT_LIMIT ` → `credit_limit`.
pub(super) fn normalize(header: &str) -> String {
    header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("_")
}

/// Which file column holds which field, and the header as the file writes it.
struct Columns {
    /// (field name, column index, header as written)
    found: Vec<(&'static str, usize, String)>,
    /// Columns with a blank header; their cells must be blank too.
    unnamed: Vec<usize>,
    width: usize,
}

impl Columns {
    fn new(headers: &csv::StringRecord, kind: LoadKind, file: &str) -> Result<Columns, LoadError> {
        let known = fields(kind);
        let mut found: Vec<(&'static str, usize, String)> = Vec::new();
        let mut unnamed = Vec::new();
        for (index, header) in headers.iter().enumerate() {
            let key = normalize(header);
            if key.is_empty() {
                unnamed.push(index);
                continue;
            }
            let Some(field) = known
                .iter()
                .find(|f| f.name == key || f.synonyms.contains(&key.as_str()))
            else {
                let names: Vec<&str> = known.iter().map(|f| f.name).collect();
                return Err(LoadError::UnknownColumn {
                    file: file.to_string(),
                    column: header.to_string(),
                    kind,
                    known: names.join(", "),
                });
            };
            if found.iter().any(|(name, _, _)| *name == field.name) {
                return Err(LoadError::DuplicateColumn {
                    file: file.to_string(),
                    column: header.to_string(),
                });
            }
            found.push((field.name, index, header.to_string()));
        }
        if let Some(missing) = known
            .iter()
            .find(|f| f.required && !found.iter().any(|(n, _, _)| *n == f.name))
        {
            return Err(LoadError::MissingColumn {
                file: file.to_string(),
                column: missing.name.to_string(),
            });
        }
        Ok(Columns {
            found,
            unnamed,
            width: headers.len(),
        })
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.found
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, i, _)| *i)
    }
}

/// One row of the file, checked and typed.
pub(super) struct Row {
    pub line: u64,
    pub record: Record,
    columns: Rc<Columns>,
}

impl Row {
    /// The header of field `name` as the file writes it (the field name if absent).
    pub fn header<'a>(&'a self, name: &'a str) -> &'a str {
        self.columns
            .found
            .iter()
            .find(|(n, _, _)| *n == name)
            .map_or(name, |(_, _, h)| h.as_str())
    }
}

pub(super) enum Record {
    /// A customer, and which of its fields were left empty (taken from its tier's
    /// policy when it is added).
    Customer(CustomerDraft, LeftEmpty),
    /// An invoice, and what is still open on it if the file says.
    Invoice {
        debit: NewDebit,
        open: Option<Money>,
    },
    Payment(NewCredit),
}

/// Reads and checks every row of `bytes`; nothing is written.
pub(super) fn parse(
    bytes: &[u8],
    file: &str,
    kind: LoadKind,
    currency: &Currency,
) -> Result<Vec<Row>, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first_line.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let csv_error = |e: csv::Error| LoadError::Row {
        file: file.to_string(),
        line: e.position().map_or(1, |p| p.line()),
        message: e.to_string(),
    };
    let headers = reader.headers().map_err(csv_error)?.clone();
    if headers.iter().all(str::is_empty) {
        return Err(LoadError::Empty {
            file: file.to_string(),
        });
    }
    let columns = Rc::new(Columns::new(&headers, kind, file)?);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line());
        let cells = Cells {
            record: &record,
            columns: &columns,
            line,
            file,
            currency,
        };
        cells.no_stray_values()?;
        let parsed = match kind {
            LoadKind::Customers => cells.customer()?,
            LoadKind::Invoices => cells.invoice()?,
            LoadKind::Payments => cells.payment()?,
        };
        rows.push(Row {
            line,
            record: parsed,
            columns: Rc::clone(&columns),
        });
    }
    Ok(rows)
}

struct Cells<'a> {
    record: &'a csv::StringRecord,
    columns: &'a Columns,
    line: u64,
    file: &'a str,
    currency: &'a Currency,
}

impl Cells<'_> {
    fn error(&self, name: &str, problem: FieldProblem) -> LoadError {
        let column = self
            .columns
            .found
            .iter()
            .find(|(n, _, _)| *n == name)
            .map_or(name, |(_, _, h)| h.as_str());
        LoadError::Field {
            file: self.file.to_string(),
            line: self.line,
            column: column.to_string(),
            problem: Box::new(problem),
        }
    }

    fn no_stray_values(&self) -> Result<(), LoadError> {
        for (index, value) in self.record.iter().enumerate() {
            let unnamed = index >= self.columns.width || self.columns.unnamed.contains(&index);
            if unnamed && !value.is_empty() {
                return Err(LoadError::Field {
                    file: self.file.to_string(),
                    line: self.line,
                    column: format!("#{} (no header)", index + 1),
                    problem: Box::new(FieldProblem::Unnamed {
                        value: value.to_string(),
                    }),
                });
            }
        }
        Ok(())
    }

    /// The cell's text, `None` if the column is absent or the cell blank. The `'` that
    /// `owed export` puts before a text a spreadsheet would run (`'=HYPERLINK(…)`) is
    /// taken off again, so our own files read back as they were written.
    fn text(&self, name: &str) -> Option<&str> {
        let index = self.columns.index(name)?;
        self.record
            .get(index)
            .map(from_spreadsheet)
            .filter(|v| !v.is_empty())
    }

    fn owned(&self, name: &str) -> Option<String> {
        self.text(name).map(str::to_string)
    }

    fn required(&self, name: &str) -> Result<&str, LoadError> {
        self.text(name)
            .ok_or_else(|| self.error(name, FieldProblem::Empty))
    }

    fn date(&self, name: &str) -> Result<Option<NaiveDate>, LoadError> {
        self.text(name)
            .map(|t| parse_date(t).map_err(|e| self.error(name, FieldProblem::Date(e))))
            .transpose()
    }

    fn money(&self, name: &str) -> Result<Option<Money>, LoadError> {
        let Some(text) = self.text(name) else {
            return Ok(None);
        };
        // The one amount parser, in the book's number format (and Owed's own plain form,
        // so an export loads back in a decimal-comma book too).
        self.currency
            .parse_loaded(text)
            .map(Some)
            .map_err(|e| self.error(name, FieldProblem::Money(e)))
    }

    fn positive(&self, name: &str) -> Result<Money, LoadError> {
        let text = self.required(name)?;
        let amount = self.money(name)?.unwrap_or_default();
        if !amount.is_positive() {
            return Err(self.error(
                name,
                FieldProblem::NotPositive {
                    text: text.to_string(),
                },
            ));
        }
        Ok(amount)
    }

    fn terms(&self) -> Result<Option<Terms>, LoadError> {
        self.text("terms")
            .map(|t| {
                t.parse().map_err(|e: crate::domain::terms::TermsError| {
                    self.error("terms", FieldProblem::Terms(e))
                })
            })
            .transpose()
    }

    fn customer(&self) -> Result<Record, LoadError> {
        let on_hold = match self.text("on_hold").map(str::to_lowercase).as_deref() {
            None | Some("no" | "n" | "false" | "0") => false,
            Some("yes" | "y" | "true" | "1") => true,
            Some(other) => {
                return Err(self.error(
                    "on_hold",
                    FieldProblem::NotYesNo {
                        text: other.to_string(),
                    },
                ));
            }
        };
        let terms = self.terms()?;
        // `none` is no limit said on purpose; an empty cell takes the tier's default.
        let credit_limit = match self.text("credit_limit") {
            Some(none) if none.eq_ignore_ascii_case("none") => Some(None),
            _ => self.money("credit_limit")?.map(Some),
        };
        let left_empty = LeftEmpty {
            terms: terms.is_none(),
            credit_limit: credit_limit.is_none(),
        };
        let draft = CustomerDraft {
            code: self.required("code")?.to_string(),
            name: self.required("name")?.to_string(),
            contact: self.owned("contact"),
            email: self.owned("email"),
            phone: self.owned("phone"),
            address: self.owned("address"),
            terms: terms.unwrap_or_default(),
            credit_limit: credit_limit.flatten(),
            tier: self
                .text("tier")
                .map(|t| {
                    t.parse()
                        .map_err(|e: CustomerError| self.error("tier", FieldProblem::Customer(e)))
                })
                .transpose()?,
            on_hold,
            send_by: self
                .text("send_by")
                .map(|t| {
                    crate::domain::email::SendBy::parse(t)
                        .map_err(|e| self.error("send_by", FieldProblem::Email(e)))
                })
                .transpose()?
                .unwrap_or_default(),
        };
        draft.validate().map_err(|e| {
            let column = match e {
                CustomerError::EmptyCode | CustomerError::BadCode(_) => "code",
                CustomerError::EmptyName => "name",
                CustomerError::BadTier(_) => "tier",
                CustomerError::BadEmail(_) => "email",
                CustomerError::NegativeCreditLimit => "credit_limit",
                CustomerError::Text(ref t) => t.field(),
            };
            self.error(column, FieldProblem::Customer(e))
        })?;
        Ok(Record::Customer(draft, left_empty))
    }

    fn invoice(&self) -> Result<Record, LoadError> {
        let customer = self.required("customer")?.to_string();
        let number = self.required("number")?.to_string();
        let date = self
            .date("date")?
            .ok_or_else(|| self.error("date", FieldProblem::Empty))?;
        let amount = self.positive("amount")?;
        let due = self.date("due")?;
        if due.is_some_and(|due| due < date) {
            return Err(self.error("due", FieldProblem::DueBeforeDate { date }));
        }
        let open = self.money("open")?;
        if let Some(open) = open.filter(|open| open.is_negative() || *open > amount) {
            let (open, amount) = (self.currency.plain(open), self.currency.plain(amount));
            return Err(self.error("open", FieldProblem::OpenOutOfRange { open, amount }));
        }
        let debit = NewDebit {
            customer,
            kind: DocKind::Invoice,
            number: Some(number),
            date,
            amount,
            terms: self.terms()?,
            due,
            plan: Plan::Single,
            reference: None,
            memo: self.owned("memo"),
        };
        Ok(Record::Invoice { debit, open })
    }

    fn payment(&self) -> Result<Record, LoadError> {
        let customer = self.required("customer")?.to_string();
        let number = self.required("number")?.to_string();
        let date = self
            .date("date")?
            .ok_or_else(|| self.error("date", FieldProblem::Empty))?;
        let amount = self.positive("amount")?;
        let apply = match self.text("apply") {
            None => Apply::OldestFirst,
            Some(text) => self.apply(text)?,
        };
        Ok(Record::Payment(NewCredit {
            customer,
            kind: DocKind::Payment,
            number: Some(number),
            date,
            amount,
            reference: self.owned("reference"),
            memo: self.owned("memo"),
            apply,
        }))
    }

    /// `INV-1:300.00;INV-2` or `INV-1:300.00|INV-2`; commas also work when nothing else
    /// separates the invoices.
    fn apply(&self, text: &str) -> Result<Apply, LoadError> {
        let pieces: Vec<&str> = if text.contains([';', '|']) {
            text.split([';', '|']).collect()
        } else {
            vec![text]
        };
        let mut wanted = Vec::new();
        for piece in pieces.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
            match Apply::parse(piece, self.currency)
                .map_err(|e| self.error("apply", FieldProblem::Apply(e)))?
            {
                Apply::Explicit(list) => wanted.extend(list),
                _ => {
                    return Err(self.error(
                        "apply",
                        FieldProblem::NotAnInvoiceToApply {
                            piece: piece.to_string(),
                        },
                    ));
                }
            }
        }
        if wanted.is_empty() {
            return Err(self.error(
                "apply",
                FieldProblem::NamesNoInvoice {
                    text: text.to_string(),
                },
            ));
        }
        Ok(Apply::Explicit(wanted))
    }
}
