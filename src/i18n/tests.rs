use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

fn ids(language: &str) -> BTreeMap<String, String> {
    catalogue(language).into_iter().collect()
}

/// The variables (`{ $name }`) a message's text uses, from its debug form.
fn variables(value: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = value;
    while let Some(at) = rest.find("VariableReference { id: Identifier { name: \"") {
        rest = &rest[at + 45..];
        if let Some(end) = rest.find('"') {
            found.insert(rest[..end].to_string());
        }
    }
    found
}

/// Every `fl!("id"` in the source, with the file it is in.
fn ids_in_code() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let mut rest = text.as_str();
                while let Some(at) = rest.find("fl!(") {
                    rest = rest[at + 4..].trim_start();
                    // `fl!(loader, "id", …)`: the id after the loader.
                    if !rest.starts_with('"')
                        && let Some(comma) = rest.find(',')
                        && rest[..comma]
                            .chars()
                            .all(|c| c.is_alphanumeric() || "_&.:".contains(c))
                    {
                        rest = rest[comma + 1..].trim_start();
                    }
                    if let Some(quoted) = rest.strip_prefix('"')
                        && let Some(end) = quoted.find('"')
                        && quoted[..end]
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    {
                        out.entry(quoted[..end].to_string())
                            .or_insert_with(|| path.display().to_string());
                    }
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    // The macro's own documentation.
    out.remove("id");
    out.remove("message-id");
    out
}

#[test]
fn both_catalogues_hold_the_same_ids_with_the_same_variables() {
    let english = ids("en-US");
    let chinese = ids("zh-CN");
    assert!(english.len() > 100, "{}", english.len());
    let only_english: Vec<_> = english
        .keys()
        .filter(|k| !chinese.contains_key(*k))
        .collect();
    let only_chinese: Vec<_> = chinese
        .keys()
        .filter(|k| !english.contains_key(*k))
        .collect();
    assert!(only_english.is_empty(), "not in zh-CN: {only_english:?}");
    assert!(only_chinese.is_empty(), "not in en-US: {only_chinese:?}");
    for (id, value) in &english {
        assert_eq!(variables(value), variables(&chinese[id]), "{id}");
    }
}

#[test]
fn every_id_the_code_uses_is_in_the_catalogues_and_every_id_there_is_used() {
    let english = ids("en-US");
    let used = ids_in_code();
    let missing: Vec<_> = used
        .iter()
        .filter(|(id, _)| !english.contains_key(*id))
        .collect();
    assert!(missing.is_empty(), "used but in no catalogue: {missing:?}");
    // The texts of `--help` (`help-…`) are looked up by a name made from the command's
    // path (`cli::help`), which its own tests hold to the commands.
    let unused: Vec<_> = english
        .keys()
        .filter(|id| !used.contains_key(*id) && !id.starts_with("help-"))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogues but used nowhere: {unused:?}"
    );
}

#[test]
fn the_chinese_catalogue_is_chinese() {
    // A message whose English has words but whose Chinese has no Chinese character was
    // copied, not translated. What reads the same in both languages is named here.
    const SAME: &[&str] = &[
        "ctrl-f-search-ctrl-n-invoice",
        "ctrl-p-payment-ctrl-l-note",
        "owed",
        "cei",
    ];
    let chinese = ids("zh-CN");
    let copied: Vec<_> = raw_values("en-US")
        .into_iter()
        .filter(|(id, _)| !SAME.contains(&id.as_str()))
        .filter(|(id, english)| {
            let han = chinese[id].chars().any(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
            });
            let words = without_placeables(english)
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 3)
                .count();
            words > 0 && !han
        })
        .map(|(id, _)| id)
        .collect();
    assert!(copied.is_empty(), "not translated: {copied:?}");
}

/// Each `id = text` line of a catalogue: a message of several lines (a plural) by its
/// first.
fn raw_values(language: &str) -> Vec<(String, String)> {
    let file = Catalogues::get(&format!("{language}/owed.ftl")).expect("catalogue");
    String::from_utf8(file.data.into_owned())
        .expect("UTF-8")
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .filter(|(id, _)| !id.starts_with('#') && !id.contains(' '))
        .map(|(id, text)| (id.to_string(), text.to_string()))
        .collect()
}

/// The text without its `{ … }` placeables.
fn without_placeables(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn each_language_is_spoken_as_asked() {
    let english = loader_for(Language::English);
    let chinese = loader_for(Language::SimplifiedChinese);
    assert_eq!(english.get("customers"), "Customers");
    assert_eq!(chinese.get("customers"), "客户");
    // Filled in without direction marks.
    let mut args = std::collections::HashMap::new();
    args.insert("why", "locked");
    assert_eq!(
        english.get_args("this-book-is-open-only-for", args),
        "This book is open only for reading: locked."
    );
}

#[test]
fn locales() {
    assert_eq!(
        Language::from_locale("zh_CN.UTF-8"),
        Language::SimplifiedChinese
    );
    assert_eq!(Language::from_locale("zh-CN"), Language::SimplifiedChinese);
    assert_eq!(Language::from_locale("en_GB.UTF-8"), Language::English);
    assert_eq!(Language::from_locale(""), Language::English);
}

#[test]
fn whole_numbers_are_grouped_and_others_left_as_fluent_writes_them() {
    assert_eq!(group_digits(0, ','), "0");
    assert_eq!(group_digits(999, ','), "999");
    assert_eq!(group_digits(1000, ','), "1,000");
    assert_eq!(group_digits(-1234567, '.'), "-1.234.567");
    let english = loader_for(Language::English);
    let mut args = std::collections::HashMap::new();
    args.insert("count", fluent_bundle::FluentValue::from(10000));
    // Grouped with the open book's separator (another test may have opened a book
    // that groups with a dot or a space meanwhile).
    let shown = english.get_args("count-customers", args);
    let separator: String = shown.chars().skip(2).take(1).collect();
    assert_eq!(shown, format!("10{separator}000 customers"));
    assert!([",", ".", " ", "\u{a0}", "\u{202f}", "\u{2009}"].contains(&separator.as_str()));
}
