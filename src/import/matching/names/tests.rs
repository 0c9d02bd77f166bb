//! Reading a text for names: where words start, legal forms, a name's patterns.
use super::scan::legal_run;
use super::*;

#[test]
fn words_start_after_separators_and_where_script_or_digits_change() {
    let scan = Scan::new("转账 上海华安货款INV-1001 MUELLERGMBH ref2024ACME");
    let text: String = scan.chars.iter().collect();
    assert_eq!(text, "转账上海华安货款inv1001muellergmbhref2024acme");
    let starts: Vec<String> = (0..scan.chars.len())
        .filter(|&i| scan.starts[i])
        .map(|i| scan.chars[i..].iter().take(3).collect())
        .collect();
    assert_eq!(
        starts,
        ["转账上", "上海华", "inv", "100", "mue", "ref", "202", "acm"]
    );
    // Words are runs between separators, as written and in lower case.
    assert_eq!(scan.written[1], "上海华安货款INV");
    assert_eq!(scan.words[4].0, "ref2024acme");
}

#[test]
fn legal_forms_are_recognised_written_together_and_left_out_of_names() {
    for rest in ["gmbh", "coltd", "gmbhcokg", "sarl"] {
        assert!(legal_run(rest), "{rest}");
    }
    for rest in ["tion", "gmbhx", "", "star"] {
        assert!(!legal_run(rest), "{rest}");
    }
    assert_eq!(name_words("Müller & Söhne GmbH"), ["müller", "söhne"]);
    assert_eq!(name_words("ACME Co., Ltd."), ["acme"]);
    assert_eq!(name_words("上海华安贸易有限公司"), ["上海华安贸易"]);
    assert_eq!(name_words("株式会社山田商事"), ["山田商事"]);
    assert_eq!(name_words("山田商事(株)"), ["山田商事"]);
    assert_eq!(name_words("Blue Sky S.A.R.L."), ["blue", "sky"]);
}

#[test]
fn a_two_script_name_is_found_by_either_part() {
    let words = name_words("上海华安贸易有限公司 (Shanghai Huaan Trading)");
    let found: Vec<(String, Kind)> =
        patterns("上海华安贸易有限公司 (Shanghai Huaan Trading)", &words);
    for part in [
        "上海华安贸易有限公司",
        "上海华安贸易",
        "shanghaihuaantrading",
    ] {
        assert!(
            found.iter().any(|(p, k)| p == part && *k == Kind::Core),
            "{part}: {found:?}"
        );
    }
}
