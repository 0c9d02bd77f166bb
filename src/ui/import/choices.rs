//! The import screen's choices: the overrides of what was detected (encoding,
//! delimiter, decimal mark) and which rows the table shows.

use std::fmt;

use crate::fl;
use crate::import::{Glance, RowKind};

/// Detected, or one the user names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingChoice {
    Auto,
    Named(&'static str),
}

impl EncodingChoice {
    pub const ALL: [EncodingChoice; 11] = [
        EncodingChoice::Auto,
        EncodingChoice::Named("UTF-8"),
        EncodingChoice::Named("UTF-16LE"),
        EncodingChoice::Named("UTF-16BE"),
        EncodingChoice::Named("windows-1250"),
        EncodingChoice::Named("windows-1251"),
        EncodingChoice::Named("windows-1252"),
        EncodingChoice::Named("windows-1257"),
        EncodingChoice::Named("ISO-8859-1"),
        EncodingChoice::Named("GB18030"),
        EncodingChoice::Named("GBK"),
    ];
    pub fn label(self) -> Option<&'static str> {
        match self {
            EncodingChoice::Auto => None,
            EncodingChoice::Named(name) => Some(name),
        }
    }
}

impl fmt::Display for EncodingChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.label() {
            Some(name) => f.write_str(name),
            None => f.write_str(&fl!("detect")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DelimiterChoice {
    Auto,
    Comma,
    Semicolon,
    Tab,
    Pipe,
}

impl DelimiterChoice {
    pub const ALL: [DelimiterChoice; 5] = [
        DelimiterChoice::Auto,
        DelimiterChoice::Comma,
        DelimiterChoice::Semicolon,
        DelimiterChoice::Tab,
        DelimiterChoice::Pipe,
    ];
    pub fn char(self) -> Option<char> {
        match self {
            DelimiterChoice::Auto => None,
            DelimiterChoice::Comma => Some(','),
            DelimiterChoice::Semicolon => Some(';'),
            DelimiterChoice::Tab => Some('\t'),
            DelimiterChoice::Pipe => Some('|'),
        }
    }
}

impl fmt::Display for DelimiterChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            DelimiterChoice::Auto => fl!("detect"),
            DelimiterChoice::Comma => fl!("comma"),
            DelimiterChoice::Semicolon => fl!("semicolon"),
            DelimiterChoice::Tab => fl!("tab"),
            DelimiterChoice::Pipe => fl!("pipe"),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalChoice {
    Auto,
    Point,
    Comma,
}

impl DecimalChoice {
    pub const ALL: [DecimalChoice; 3] = [
        DecimalChoice::Auto,
        DecimalChoice::Point,
        DecimalChoice::Comma,
    ];
    pub fn char(self) -> Option<char> {
        match self {
            DecimalChoice::Auto => None,
            DecimalChoice::Point => Some('.'),
            DecimalChoice::Comma => Some(','),
        }
    }
}

impl fmt::Display for DecimalChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            DecimalChoice::Auto => fl!("detect"),
            DecimalChoice::Point => fl!("point-1-50"),
            DecimalChoice::Comma => fl!("comma-1-50"),
        })
    }
}

/// Which rows the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFilter {
    All,
    MoneyIn,
    /// New money in with no decision yet.
    ToDecide,
    Duplicates,
    /// Money out, foreign and neutral rows.
    Other,
}

impl RowFilter {
    pub const ALL: [RowFilter; 5] = [
        RowFilter::All,
        RowFilter::MoneyIn,
        RowFilter::ToDecide,
        RowFilter::Duplicates,
        RowFilter::Other,
    ];

    /// Whether the filter shows a row like `row`, `decided` on or not.
    pub fn admits(self, row: &Glance, decided: bool) -> bool {
        match self {
            RowFilter::All => true,
            RowFilter::MoneyIn => row.kind == RowKind::MoneyIn,
            RowFilter::ToDecide => row.payable && !decided,
            RowFilter::Duplicates => row.known || row.lookalike,
            RowFilter::Other => !matches!(row.kind, RowKind::MoneyIn),
        }
    }
}

impl fmt::Display for RowFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            RowFilter::All => fl!("all-rows"),
            RowFilter::MoneyIn => fl!("money-in"),
            RowFilter::ToDecide => fl!("to-decide"),
            RowFilter::Duplicates => fl!("duplicates"),
            RowFilter::Other => fl!("out-foreign-other"),
        })
    }
}
