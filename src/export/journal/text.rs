//! What the journal's text may hold in each tool: customer codes made into account name
//! components, and descriptions, codes and strings that no memo can break out of.
//!
//! Owed keeps whatever people typed (a `:` or Chinese in a customer code, a `;` or a
//! newline in a memo); the tools read lines with a grammar of their own, where `;` starts
//! a comment, two spaces end an account name and `:` separates account components. So
//! every piece of user text passes through here on its way into a journal.

use std::collections::{BTreeMap, BTreeSet};

use super::JournalFormat;

/// The account component each customer code gets in `format`, collision-free: a code the
/// tool accepts as it is stays as it is; one that had to change gets `-` and a short hash
/// of the original code, so `A:B` and `A;B` (both `A_B` once cleaned) stay two accounts.
/// Codes come back in their own order, each with its component.
pub fn account_components(codes: &[String], format: JournalFormat) -> BTreeMap<String, String> {
    let mut taken = BTreeSet::new();
    let mut components = BTreeMap::new();
    let mut changed = Vec::new();
    // Codes kept as they are are already distinct (codes are unique), so they are placed
    // first; a cleaned one can then never take the name a real code has.
    for code in codes {
        let clean = match format {
            JournalFormat::Beancount => beancount_component(code),
            JournalFormat::Hledger | JournalFormat::Ledger => plain_component(code),
        };
        if clean == *code {
            taken.insert(clean.clone());
            components.insert(code.clone(), clean);
        } else {
            changed.push((code, format!("{clean}-{}", short_hash(code))));
        }
    }
    changed.sort();
    for (code, wanted) in changed {
        let mut name = wanted.clone();
        let mut suffix = 2;
        while taken.contains(&name) {
            name = format!("{wanted}-{suffix}");
            suffix += 1;
        }
        taken.insert(name.clone());
        components.insert(code.clone(), name);
    }
    components
}

/// hledger and ledger take any letters (Chinese too) in account names; `:` would start a
/// sub-account, brackets mark virtual postings, `;` a comment, and whitespace ends the
/// name, so anything but letters, digits, `-`, `_` and `.` becomes `_`.
fn plain_component(code: &str) -> String {
    let clean: String = code
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.is_empty() { "_".into() } else { clean }
}

/// Beancount wants each component to be ASCII `[A-Z0-9][A-Za-z0-9-]*`: other characters
/// become `-` (runs of them one `-`), and a leading lower-case letter is raised.
fn beancount_component(code: &str) -> String {
    let mut clean = String::new();
    for c in code.chars() {
        if c.is_ascii_alphanumeric() {
            clean.push(c);
        } else if !clean.ends_with('-') {
            clean.push('-');
        }
    }
    let clean = clean.trim_matches('-');
    let mut chars = clean.chars();
    match chars.next() {
        None => "C".into(),
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
    }
}

/// Eight hex digits of the FNV-1a hash of `text`: stable across versions and machines
/// (unlike the standard library's hasher), which keeps the journal's account names the
/// same from one export to the next.
fn short_hash(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

/// Text for one line of an hledger or ledger journal: control characters (newlines, tabs)
/// become spaces, runs of spaces one space (two spaces end a field there), `;` (a comment)
/// becomes `,`, and the ends are trimmed.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            ';' => ',',
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out
}

/// Text for a whole-line comment (`; …` at the start of a line, which hledger and
/// ledger skip entirely): only a line break could end it early, so control characters
/// become spaces and everything else is kept as typed.
pub fn comment(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A payee for hledger and ledger: [`one_line`], and no `|` (hledger splits the
/// description into payee and note at the first one).
pub fn payee(name: &str) -> String {
    one_line(&name.replace('|', "/"))
}

/// A document number as the transaction code `(NUMBER)`: [`one_line`], with round
/// brackets (which would end the code) made square.
pub fn code(number: &str) -> String {
    one_line(&number.replace('(', "[").replace(')', "]"))
}

/// A beancount string literal, quotes included: `\` and `"` escaped, and control
/// characters (a newline would still be read, but splits the entry) made spaces.
pub fn beancount_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn components(codes: &[&str], format: JournalFormat) -> Vec<String> {
        let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        let map = account_components(&codes, format);
        codes.iter().map(|c| map[c].clone()).collect()
    }

    #[test]
    fn codes_the_tools_accept_stay_as_they_are() {
        assert_eq!(
            components(&["C001", "华星", "a-b_c.1"], JournalFormat::Hledger),
            ["C001", "华星", "a-b_c.1"]
        );
        assert_eq!(
            components(&["C001", "001", "ACME-2"], JournalFormat::Beancount),
            ["C001", "001", "ACME-2"]
        );
    }

    #[test]
    fn cleaned_codes_get_a_hash_and_never_collide() {
        let hledger = components(&["A:B", "A;B", "A_B"], JournalFormat::Hledger);
        assert_eq!(hledger[2], "A_B");
        assert!(hledger[0].starts_with("A_B-") && hledger[1].starts_with("A_B-"));
        assert_ne!(hledger[0], hledger[1]);
        let bean = components(&["华星", "深圳", "acme", "x:y"], JournalFormat::Beancount);
        let component = |s: &str| {
            let mut chars = s.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        assert!(bean.iter().all(|b| component(b)), "{bean:?}");
        assert!(bean[0].starts_with("C-") && bean[1].starts_with("C-"));
        assert_ne!(bean[0], bean[1]);
        assert!(bean[2].starts_with("Acme-"));
        assert!(bean[3].starts_with("X-y-"));
        // The same codes give the same names on every run.
        assert_eq!(
            bean,
            components(&["华星", "深圳", "acme", "x:y"], JournalFormat::Beancount)
        );
    }

    #[test]
    fn a_code_that_looks_like_a_cleaned_one_keeps_its_name() {
        let hashed = format!("A_B-{}", short_hash("A:B"));
        let names = components(&["A:B", &hashed], JournalFormat::Hledger);
        assert_eq!(names[1], hashed);
        assert_eq!(names[0], format!("{hashed}-2"));
    }

    #[test]
    fn text_cannot_break_out_of_its_field() {
        assert_eq!(one_line("  a;b\n\tc   d  "), "a,b c d");
        assert_eq!(payee("Fish | Chips"), "Fish / Chips");
        assert_eq!(comment("Q;\"q\"\nnext"), "Q;\"q\" next");
        assert_eq!(code("INV (1)"), "INV [1]");
        assert_eq!(beancount_string("say \"hi\"\\\n"), r#""say \"hi\"\\ ""#);
    }
}
