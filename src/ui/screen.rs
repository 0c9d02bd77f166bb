//! What the screens have in common: the tabs of the sidebar, and the events a screen
//! sends up to the app (open a ledger, the book changed, …), which the app acts on.

/// The screens behind the sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Today,
    Dashboard,
    Customers,
    Ledger,
    Aging,
    Notes,
    Import,
    Statements,
    Settings,
}

/// A list-moving key, routed to the screen showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    Up,
    Down,
    PageUp,
    PageDown,
    Enter,
}

/// What a screen asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Show(Tab),
    /// Show this customer's ledger.
    OpenLedger(String),
    /// Something was written: every screen reloads what it shows.
    BookChanged,
    /// A collection note was logged (this says so): the entry closes and every screen
    /// reloads, as for [`Event::BookChanged`].
    Noted(String),
    /// Open the quick note entry, for this customer if one is in hand.
    LogNote(Option<String>),
    NewInvoice(String),
    RecordPayment(String),
    /// Record a payment from the Today screen: back to Today once it is posted.
    RecordPaymentFromToday(String),
    /// Ctrl+F.
    Search,
    /// Esc: close the form or overlay on top.
    Close,
    ListKey(ListKey),
    /// A plain letter key on the Today screen: the selected row's action.
    TodayKey(char),
    /// Ctrl+Enter on the import screen: accept every confident match.
    AcceptConfident,
    /// The screens' language was chosen on the Settings screen: speak it from now on.
    Language(crate::i18n::Language),
}

/// Which of a screen's loads is the latest. Loads run off the UI thread and may finish
/// out of order (a slow one started before a posting arrives after the quick one
/// started after it): each carries the number [`Generation::start`] gave it, and a
/// result whose number is not [`Generation::is_current`] is stale and dropped, so old
/// data never overwrites new.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Generation(u64);

impl Generation {
    /// The number of a load starting now; every earlier one becomes stale.
    pub fn start(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }

    /// Whether the load numbered `generation` is the latest started.
    pub fn is_current(&self, generation: u64) -> bool {
        generation == self.0
    }

    /// The latest number given.
    pub fn current(&self) -> u64 {
        self.0
    }
}
