//! Ids of the settings screen's inputs, for focus and the simulator tests.

pub const NAME: &str = "settings-name";
/// Each level's threshold, in [`crate::domain::letters::Level::ALL`] order.
pub const DAYS: [&str; 4] = [
    "settings-days-1",
    "settings-days-2",
    "settings-days-3",
    "settings-days-4",
];
pub const REMINDER_DAYS: &str = "settings-reminder-days";
pub const INTERVAL: &str = "settings-interval";
pub const TOLERANCE: &str = "settings-tolerance";
pub const TITLE: &str = "settings-title";
pub const LOGO_PATH: &str = "settings-logo-path";
/// Each tier's own days per level ([`crate::domain::letters::Level::ALL`] order), tiers A, B, C.
pub const TIER_DAYS: [[&str; 4]; 3] = [
    [
        "settings-tier-a-1",
        "settings-tier-a-2",
        "settings-tier-a-3",
        "settings-tier-a-4",
    ],
    [
        "settings-tier-b-1",
        "settings-tier-b-2",
        "settings-tier-b-3",
        "settings-tier-b-4",
    ],
    [
        "settings-tier-c-1",
        "settings-tier-c-2",
        "settings-tier-c-3",
        "settings-tier-c-4",
    ],
];
/// Each tier's credit policy, tiers A, B, C: default terms, credit limit, deposit %.
pub const TIER_POLICY: [[&str; 3]; 3] = [
    [
        "settings-policy-a-terms",
        "settings-policy-a-limit",
        "settings-policy-a-deposit",
    ],
    [
        "settings-policy-b-terms",
        "settings-policy-b-limit",
        "settings-policy-b-deposit",
    ],
    [
        "settings-policy-c-terms",
        "settings-policy-c-limit",
        "settings-policy-c-deposit",
    ],
];
/// Each tier's own interval between letters, tiers A, B, C.
pub const TIER_INTERVAL: [&str; 3] = [
    "settings-tier-a-interval",
    "settings-tier-b-interval",
    "settings-tier-c-interval",
];
