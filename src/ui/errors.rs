//! What the library's errors say on the screens: [`Described`] lives in
//! [`crate::i18n::errors`], shared with the command line (which must not depend on the
//! screens); it is named here too so the screens' `use crate::ui::errors::Described`
//! reads as it always has.

pub use crate::i18n::errors::Described;
