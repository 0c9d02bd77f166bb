//! The screen's fields as typed, and turning them into settings or saying why each
//! refused field is refused.

use crate::domain::Currency;
use crate::domain::company::{self, CompanyProfile, Locale, Paper};
use crate::domain::customer::Tier;
use crate::domain::ladder::ReminderRules;
use crate::domain::letters::{self, LetterError, LetterTemplate, Level, split_paragraphs};
use crate::domain::policy::TierPolicy;
use crate::fl;
use crate::store::{
    CompanySettings, LadderSettings, SettingProblem, TIERS, TierLadderProblem, TierSettings,
    check_tier_ladder, parse_deposit_pct, parse_interval_days, parse_policy_limit,
    parse_policy_terms, parse_reminder_days, parse_tier_days, parse_tier_interval, parse_tolerance,
};
use crate::ui::errors::Described;

/// One letter's texts as edited: paragraphs separated by blank lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LetterDraft {
    pub title: String,
    pub paragraphs: String,
    pub closing: String,
}

impl LetterDraft {
    pub(super) fn from_template(template: &LetterTemplate) -> LetterDraft {
        LetterDraft {
            title: template.title.clone(),
            paragraphs: template.paragraphs_text(),
            closing: template.closing.clone(),
        }
    }

    pub fn template(&self) -> LetterTemplate {
        LetterTemplate {
            title: self.title.trim().to_string(),
            paragraphs: split_paragraphs(&self.paragraphs),
            closing: self.closing.trim().to_string(),
        }
    }
}

/// Every field of the screen as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub tax_id: String,
    pub payment_instructions: String,
    pub logo: Option<Vec<u8>>,
    pub paper: Paper,
    pub locale: Locale,
    /// Per level, in [`Level::ALL`] order.
    pub days: [String; 4],
    /// Per level in [`Level::EVERY`] order (by the level's number, the payment reminder
    /// first): English, then Chinese.
    pub letters: [[LetterDraft; 2]; 5],
    /// Per level, in [`Level::ALL`] order: whether the ladder sends it.
    pub enabled: [bool; 4],
    /// The level-0 payment reminder: on, and how many days before the due date.
    pub reminder_enabled: bool,
    /// `letter.0.send`: the reminder is also written as a letter by `letters --due`.
    pub reminder_send: bool,
    pub reminder_days: String,
    /// Least days between two letters to one customer.
    pub interval_days: String,
    /// The small-balance tolerance, in the book's number format.
    pub tolerance: String,
    /// Each tier's own days per level ([`Level::ALL`] order), tiers A, B, C; empty is
    /// the book-wide value.
    pub tier_days: [[String; 4]; 3],
    /// Each tier's own interval between letters; empty is the book-wide value.
    pub tier_interval: [String; 3],
    /// Each tier's credit policy, tiers A, B, C, in [`PolicyField::ALL`] order; empty
    /// is no default.
    pub policy: [[String; 3]; 3],
}

/// A column of the tier policy table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyField {
    Terms,
    CreditLimit,
    DepositPct,
}

impl PolicyField {
    pub const ALL: [PolicyField; 3] = [
        PolicyField::Terms,
        PolicyField::CreditLimit,
        PolicyField::DepositPct,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The column's heading, in the screen's language.
    pub fn label(self) -> String {
        match self {
            PolicyField::Terms => fl!("terms"),
            PolicyField::CreditLimit => fl!("credit-limit"),
            PolicyField::DepositPct => fl!("deposit"),
        }
    }
}

/// Why each refused field is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    pub name: Option<String>,
    pub email: Option<String>,
    pub days: [Option<String>; 4],
    /// Per level (by its number) and language: title, paragraphs, closing.
    pub letters: [[[Option<String>; 3]; 2]; 5],
    pub reminder_days: Option<String>,
    pub interval_days: Option<String>,
    pub tolerance: Option<String>,
    /// Per tier and level: the tier's days refused (each message names the tier).
    pub tier_days: [[Option<String>; 4]; 3],
    pub tier_interval: [Option<String>; 3],
    /// Per tier and [`PolicyField`]: the policy's value refused.
    pub policy: [[Option<String>; 3]; 3],
}

impl Problems {
    pub fn any(&self) -> bool {
        *self != Problems::default()
    }

    /// The first problem, with where it is, for the line beside Save.
    pub fn first(&self) -> Option<String> {
        let company = [
            (fl!("company-name"), &self.name),
            (fl!("email"), &self.email),
        ];
        for (what, problem) in company {
            if let Some(problem) = problem {
                return Some(fl!("field-problem", field = what, problem = problem));
            }
        }
        for (level, problem) in Level::ALL.into_iter().zip(&self.days) {
            if let Some(problem) = problem {
                return Some(fl!(
                    "letter-n-problem",
                    n = level.number().to_string(),
                    problem = problem
                ));
            }
        }
        let ladder = [
            (fl!("payment-reminder-before-due"), &self.reminder_days),
            (fl!("interval-between-letters"), &self.interval_days),
            (fl!("small-balance-tolerance"), &self.tolerance),
        ];
        for (what, problem) in ladder {
            if let Some(problem) = problem {
                return Some(fl!("field-problem", field = what, problem = problem));
            }
        }
        // Each tier's message already names the tier.
        for (days, interval) in self.tier_days.iter().zip(&self.tier_interval) {
            if let Some(problem) = days.iter().chain([interval]).flatten().next() {
                return Some(problem.clone());
            }
        }
        if let Some(problem) = self.policy.iter().flatten().flatten().next() {
            return Some(problem.clone());
        }
        for (level, languages) in Level::EVERY.into_iter().zip(&self.letters) {
            for (language, parts) in [fl!("english"), fl!("chinese")].into_iter().zip(languages) {
                if let Some(problem) = parts.iter().flatten().next() {
                    return Some(if level.is_rung() {
                        fl!(
                            "letter-n-language-problem",
                            n = level.number().to_string(),
                            language = language,
                            problem = problem
                        )
                    } else {
                        fl!(
                            "payment-reminder-letter-language-problem",
                            language = language,
                            problem = problem
                        )
                    });
                }
            }
        }
        None
    }
}

/// A rung's place in [`Level::ALL`] order (days, switches, tier columns).
pub(super) fn index(level: Level) -> usize {
    usize::from(level.number() - 1)
}

/// A level's place among the letters: its number (the payment reminder is 0).
pub(super) fn letter_index(level: Level) -> usize {
    usize::from(level.number())
}

/// A tier's own value as the cell shows it: empty when it follows the book.
fn tier_cell(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl Draft {
    /// The fields showing `settings`; amounts in `currency`'s (the book's) format.
    pub fn from_settings(settings: &CompanySettings, currency: &Currency) -> Draft {
        let profile = &settings.profile;
        let ladder = &settings.ladder;
        Draft {
            name: profile.name.clone(),
            address: profile.address.clone(),
            phone: profile.phone.clone(),
            email: profile.email.clone(),
            tax_id: profile.tax_id.clone(),
            payment_instructions: profile.payment_instructions.clone(),
            logo: profile.logo.clone(),
            paper: profile.paper,
            locale: profile.locale,
            days: settings.thresholds.map(|d| d.to_string()),
            letters: settings
                .templates
                .each_ref()
                .map(|pair| pair.each_ref().map(LetterDraft::from_template)),
            enabled: ladder.enabled,
            reminder_enabled: ladder.reminder.enabled,
            reminder_send: ladder.reminder.send,
            reminder_days: ladder.reminder.days_before.to_string(),
            interval_days: ladder.interval_days.to_string(),
            tolerance: currency.editable(ladder.tolerance),
            tier_days: settings.tiers.map(|tier| tier.days.map(tier_cell)),
            tier_interval: settings.tiers.map(|tier| tier_cell(tier.interval_days)),
            policy: settings.policies.map(|p| policy_cells(&p, currency)),
        }
    }

    pub fn letter(&self, level: Level, chinese: bool) -> &LetterDraft {
        &self.letters[letter_index(level)][usize::from(chinese)]
    }

    pub(super) fn letter_mut(&mut self, level: Level, chinese: bool) -> &mut LetterDraft {
        &mut self.letters[letter_index(level)][usize::from(chinese)]
    }

    /// The settings the fields make, or why each refused field is refused; amounts are
    /// read in `currency`'s (the book's) format.
    pub fn settings(&self, currency: &Currency) -> Result<CompanySettings, Box<Problems>> {
        let mut problems = Problems::default();
        let profile = CompanyProfile {
            name: self.name.trim().to_string(),
            address: self.address.trim().to_string(),
            phone: self.phone.trim().to_string(),
            email: self.email.trim().to_string(),
            tax_id: self.tax_id.trim().to_string(),
            payment_instructions: self.payment_instructions.trim().to_string(),
            logo: self.logo.clone(),
            paper: self.paper,
            locale: self.locale,
        };
        if crate::domain::text::is_blank(&profile.name) {
            problems.name = Some(company::CompanyError::EmptyName.described());
        }
        problems.email = company::check_email(&profile.email)
            .err()
            .map(|e| e.described());
        // A hidden character or a text too long: shown by the name (the message names
        // the field it is in).
        if let Err(company::CompanyError::Text(error)) = profile.validate() {
            let problem = Some(error.described());
            match error.field() {
                "company.email" => problems.email = problem,
                _ => problems.name = problem,
            }
        }
        let mut thresholds = [0; 4];
        for (i, level) in Level::ALL.into_iter().enumerate() {
            match letters::parse_days(level, &self.days[i]) {
                Ok(days) => thresholds[i] = days,
                Err(error) => problems.days[i] = Some(days_problem(&error)),
            }
        }
        if problems.days.iter().all(Option::is_none)
            && let Err(error) = letters::check_thresholds(&thresholds)
        {
            let at = match &error {
                LetterError::NotIncreasing { level, .. } | LetterError::BadDays { level, .. } => {
                    usize::from(level - 1)
                }
                _ => 0,
            };
            problems.days[at] = Some(days_problem(&error));
            // The level before it is as much at fault: say so there too.
            if let LetterError::NotIncreasing {
                level,
                days,
                previous,
                ..
            } = &error
            {
                problems.days[usize::from(previous - 1)] = Some(fl!(
                    "must-be-less-than-letter-n",
                    n = level.to_string(),
                    days = days
                ));
            }
        }
        let mut templates = CompanySettings::default().templates;
        for level in Level::EVERY {
            for chinese in [false, true] {
                let template = self.letter(level, chinese).template();
                let found = &mut problems.letters[letter_index(level)][usize::from(chinese)];
                found[0] = letters::check_title(&template.title)
                    .err()
                    .map(|e| e.described());
                found[1] = letters::check_paragraphs(&template.paragraphs)
                    .err()
                    .map(|e| e.described());
                found[2] = letters::check_closing(&template.closing)
                    .err()
                    .map(|e| e.described());
                templates[letter_index(level)][usize::from(chinese)] = template;
            }
        }
        // The store's own checks, so the field says what `owed settings set` would.
        let reminder_days = parse_reminder_days(&self.reminder_days);
        let interval_days = parse_interval_days(&self.interval_days);
        let tolerance = parse_tolerance(currency, &self.tolerance);
        problems.reminder_days = reminder_days.clone().err().map(|p| p.described());
        problems.interval_days = interval_days.clone().err().map(|p| p.described());
        problems.tolerance = tolerance.clone().err().map(|p| p.described());
        let tiers = self.tiers(&thresholds, &mut problems);
        let policies = self.policies(currency, &mut problems);
        if problems.any() {
            return Err(Box::new(problems));
        }
        let ladder = LadderSettings {
            enabled: self.enabled,
            interval_days: interval_days.unwrap_or_default(),
            tolerance: tolerance.unwrap_or_default(),
            reminder: ReminderRules {
                enabled: self.reminder_enabled,
                days_before: reminder_days.unwrap_or_default(),
                send: self.reminder_send,
            },
        };
        Ok(CompanySettings {
            profile,
            thresholds,
            templates,
            ladder,
            tiers,
            policies,
        })
    }

    /// Each tier's policy as typed, each cell read by the store's own parser (the limit
    /// in the book's number format), a refusal naming the tier and the column.
    fn policies(&self, currency: &Currency, problems: &mut Problems) -> [TierPolicy; 3] {
        std::array::from_fn(|i| {
            let tier = TIERS[i];
            let cells = &self.policy[i];
            let mut policy = TierPolicy::built_in(tier);
            let mut refuse = |field: PolicyField, problem: SettingProblem| {
                problems.policy[i][field.index()] =
                    Some(tier_problem(tier, &field.label(), &problem.described()));
            };
            match parse_policy_terms(&cells[PolicyField::Terms.index()]) {
                Ok(terms) => policy.terms = terms,
                Err(problem) => refuse(PolicyField::Terms, problem),
            }
            match parse_policy_limit(currency, &cells[PolicyField::CreditLimit.index()]) {
                Ok(limit) => policy.credit_limit = limit,
                Err(problem) => refuse(PolicyField::CreditLimit, problem),
            }
            match parse_deposit_pct(&cells[PolicyField::DepositPct.index()]) {
                Ok(pct) => policy.deposit_pct = pct,
                Err(problem) => refuse(PolicyField::DepositPct, problem),
            }
            policy
        })
    }

    /// Each tier's own ladder as typed, checked as the store checks it: each cell's
    /// value, then the tier's ladder in effect (over the book-wide `thresholds`, when
    /// those are valid), the message at every cell at fault.
    fn tiers(&self, thresholds: &[i64; 4], problems: &mut Problems) -> [TierSettings; 3] {
        let book_valid = problems.days.iter().all(Option::is_none);
        std::array::from_fn(|i| {
            let tier = TIERS[i];
            let mut own = TierSettings::default();
            for (column, level) in Level::ALL.into_iter().enumerate() {
                // The store's check; said in the screen's words, as the book-wide days are.
                match parse_tier_days(level, &self.tier_days[i][column]) {
                    Ok(days) => own.days[column] = days,
                    Err(_) => {
                        problems.tier_days[i][column] = Some(tier_problem(
                            tier,
                            &fl!("letter-n", n = level.number().to_string()),
                            &fl!(
                                "a-whole-number-of-days-from",
                                max = letters::MAX_THRESHOLD_DAYS.to_string()
                            ),
                        ))
                    }
                }
            }
            match parse_tier_interval(&self.tier_interval[i]) {
                Ok(days) => own.interval_days = days,
                Err(problem) => {
                    problems.tier_interval[i] =
                        Some(tier_problem(tier, &fl!("interval"), &problem.described()))
                }
            }
            let cells_valid = problems.tier_days[i].iter().all(Option::is_none);
            if book_valid
                && cells_valid
                && let Err(problem) = check_tier_ladder(tier, &own, thresholds)
            {
                let said = tier_order_problem(tier, &problem);
                for level in [Some(problem.level), problem.previous]
                    .into_iter()
                    .flatten()
                {
                    problems.tier_days[i][index(level)] = Some(said.clone());
                }
            }
            own
        })
    }
}

/// A tier's policy as its cells show it: empty for no default.
fn policy_cells(policy: &TierPolicy, currency: &Currency) -> [String; 3] {
    [
        policy.terms.map(|t| t.to_string()).unwrap_or_default(),
        policy
            .credit_limit
            .map(|l| currency.editable(l))
            .unwrap_or_default(),
        policy
            .deposit_pct
            .map(|p| p.to_string())
            .unwrap_or_default(),
    ]
}

/// A tier's ladder out of order, naming the tier and both levels.
fn tier_order_problem(tier: Tier, problem: &TierLadderProblem) -> String {
    match &problem.error {
        LetterError::NotIncreasing {
            level,
            days,
            previous,
            previous_days,
        } => fl!(
            "tier-tier-letter-n-s-days",
            tier = tier.to_string(),
            n = level.to_string(),
            days = days,
            previous = previous.to_string(),
            previous_days = previous_days
        ),
        _ => problem.problem().described(),
    }
}

/// A tier's cell refused, said with the tier and the column.
fn tier_problem(tier: Tier, column: &str, problem: &str) -> String {
    fl!(
        "tier-tier-column-problem",
        tier = tier.to_string(),
        column = column,
        problem = problem
    )
}

/// A threshold's problem as shown beside its field.
fn days_problem(error: &LetterError) -> String {
    match error {
        LetterError::BadDays { .. } => fl!(
            "a-whole-number-of-days-from-1",
            max = letters::MAX_THRESHOLD_DAYS.to_string()
        ),
        LetterError::NotIncreasing {
            previous,
            previous_days,
            ..
        } => fl!(
            "must-be-more-than-letter-n",
            n = previous.to_string(),
            days = previous_days
        ),
        other => other.to_string(),
    }
}
