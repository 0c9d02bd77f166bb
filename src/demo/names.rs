//! Made-up but plausible customer master data for the demo book: company names (mostly
//! English, some Chinese, Cyrillic and accented Latin), contacts, phones and addresses.

use super::rng::Rng;

const FIRST: &[&str] = &[
    "Acme",
    "Apex",
    "Atlas",
    "Beacon",
    "Blue Ridge",
    "Bright",
    "Cedar",
    "Summit",
    "Copper",
    "Crest",
    "Delta",
    "Eagle",
    "Evergreen",
    "Falcon",
    "Frontier",
    "Golden",
    "Granite",
    "Harbor",
    "Highland",
    "Horizon",
    "Iron",
    "Keystone",
    "Lakeside",
    "Liberty",
    "Maple",
    "Meridian",
    "Northwind",
    "Oak",
    "Pacific",
    "Pinnacle",
    "Pioneer",
    "Prairie",
    "Redwood",
    "Riverside",
    "Silver",
    "Sterling",
    "Stone",
    "Sunrise",
    "Tri-County",
    "Union",
    "Valley",
    "Vanguard",
    "Westfield",
    "Willow",
    "Zenith",
];
const MIDDLE: &[&str] = &[
    "Building",
    "Catering",
    "Dental",
    "Design",
    "Electric",
    "Engineering",
    "Farm",
    "Freight",
    "Furniture",
    "Garden",
    "Hardware",
    "Health",
    "Home",
    "Industrial",
    "Logistics",
    "Marine",
    "Media",
    "Medical",
    "Metal",
    "Office",
    "Packaging",
    "Paper",
    "Plumbing",
    "Printing",
    "Roofing",
    "Software",
    "Steel",
    "Supply",
    "Textile",
    "Tool",
    "Travel",
    "Auto",
    "Bakery",
    "Coffee",
    "Event",
    "Security",
];
const SUFFIX: &[&str] = &[
    "Inc.", "LLC", "Ltd", "Co.", "Group", "Partners", "& Sons", "Corp.", "Services", "Works",
];

const CN_CITY: &[&str] = &[
    "深圳市",
    "上海",
    "北京",
    "广州市",
    "杭州",
    "成都",
    "苏州",
    "宁波",
];
const CN_WORD: &[&str] = &[
    "华星",
    "恒达",
    "东方",
    "金源",
    "宏远",
    "新世纪",
    "长城",
    "瑞丰",
    "鑫茂",
    "海天",
];
const CN_TRADE: &[&str] = &["贸易", "科技", "电子", "实业", "进出口", "物流", "机械"];

const RU_FORM: &[&str] = &["ООО", "АО", "ЗАО", "ИП"];
const RU_WORD: &[&str] = &[
    "Ромашка",
    "Вектор",
    "Северный ветер",
    "Альфа-Строй",
    "Техносервис",
    "Берёзка",
    "Импульс",
    "Меридиан",
    "Волга",
];

const ACCENTED: &[&str] = &[
    "Café Müller GmbH",
    "Société Générale d'Équipement",
    "Bäckerei Schönberg KG",
    "Pâtisserie Léon SARL",
    "Comercial Peña y Núñez S.L.",
    "Åkesson & Söner AB",
    "Čapek Stavby s.r.o.",
    "Müller-Lüdenscheidt Maschinenbau GmbH",
    "Hôtel Beau Séjour SA",
    "Łódź Logistyka Sp. z o.o.",
    "São João Distribuição Lda.",
    "Crème & Brûlée Traiteur",
];

const GIVEN: &[&str] = &[
    "Alex", "Maria", "John", "Priya", "Chen", "Olga", "Luis", "Fatima", "Sam", "Anna", "David",
    "Grace", "Tom", "Sofia", "Ivan", "Mei", "Hugo", "Nora", "Omar", "Julia",
];
const FAMILY: &[&str] = &[
    "Smith", "Garcia", "Nguyen", "Patel", "Kowalski", "Okafor", "Müller", "Rossi", "Kim", "Dubois",
    "Johnson", "Ivanova", "Wang", "Silva", "Brown", "Haddad",
];
const STREETS: &[&str] = &[
    "Main St",
    "Market St",
    "Industrial Way",
    "Harbor Rd",
    "Elm Ave",
    "Park Lane",
    "Station Rd",
    "Mill Rd",
];
const CITIES: &[&str] = &[
    "Springfield",
    "Riverton",
    "Lakewood",
    "Fairview",
    "Greenville",
    "Bristol",
    "Salem",
    "Madison",
];

/// The name of customer number `index`. A few early customers get fixed international
/// names so even a small demo shows every script.
pub(crate) fn company(rng: &mut Rng, index: usize) -> String {
    match index {
        6 => return "深圳市华星贸易有限公司".into(),
        7 => return "ООО «Ромашка»".into(),
        8 => return ACCENTED[0].into(),
        9 => return ACCENTED[1].into(),
        _ => {}
    }
    let roll = rng.below(1000);
    if roll < 40 {
        format!(
            "{}{}{}有限公司",
            rng.pick(CN_CITY),
            rng.pick(CN_WORD),
            rng.pick(CN_TRADE)
        )
    } else if roll < 70 {
        format!("{} «{}»", rng.pick(RU_FORM), rng.pick(RU_WORD))
    } else if roll < 100 {
        rng.pick(ACCENTED).to_string()
    } else {
        format!(
            "{} {} {}",
            rng.pick(FIRST),
            rng.pick(MIDDLE),
            rng.pick(SUFFIX)
        )
    }
}

pub(crate) fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY))
}

/// An address for invoices; `Some` most of the time.
pub(crate) fn address(rng: &mut Rng) -> Option<String> {
    rng.chance(850).then(|| {
        format!(
            "{} {}, {} {:05}",
            rng.range(1, 2999),
            rng.pick(STREETS),
            rng.pick(CITIES),
            rng.range(10000, 99999)
        )
    })
}

pub(crate) fn phone(rng: &mut Rng) -> Option<String> {
    rng.chance(800).then(|| {
        format!(
            "+1 555 {:03} {:04}",
            rng.range(100, 999),
            rng.range(0, 9999)
        )
    })
}

/// An accounts-payable mailbox; derived from the code so it is always a valid address.
pub(crate) fn email(rng: &mut Rng, code: &str) -> Option<String> {
    const BOXES: &[&str] = &["accounts", "ap", "billing", "finance", "invoices"];
    rng.chance(750).then(|| {
        format!(
            "{}@{}.example.com",
            rng.pick(BOXES),
            code.to_ascii_lowercase()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_never_empty_and_include_other_scripts() {
        let mut rng = Rng::new(1);
        let names: Vec<String> = (0..2000).map(|i| company(&mut rng, i)).collect();
        assert!(names.iter().all(|n| !n.trim().is_empty()));
        assert!(names.iter().any(|n| n.contains("有限公司")));
        assert!(names.iter().any(|n| n.contains('«')));
        assert!(names.iter().any(|n| n.contains('é')));
    }
}
