//! When a form says what is wrong with a field: not before the person has typed in it.
//! A new form's empty amount is not yet a mistake, and a wall of red on a form nobody
//! has touched reads as if something had already failed. A field's problem shows once
//! that field has been edited, or every field's once the person tries to submit
//! (Enter while the form cannot be posted). An empty field that must be filled says
//! so in a word rather than quoting the empty text back.

use std::collections::BTreeSet;

use crate::fl;

/// The fields of one form that have been edited, and whether submitting was tried.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edited {
    fields: BTreeSet<&'static str>,
    submitted: bool,
}

impl Edited {
    /// `field` (a form's own name for it, e.g. its widget id) has been typed in.
    pub fn mark(&mut self, field: &'static str) {
        self.fields.insert(field);
    }

    /// Submitting was tried: every field's problem shows from now on.
    pub fn submit(&mut self) {
        self.submitted = true;
    }

    /// Whether `field` has been edited, or submitting was tried.
    pub fn is_shown(&self, field: &'static str) -> bool {
        self.submitted || self.fields.contains(field)
    }

    /// The problem to show beside `field` holding `value`: `problem` once the field is
    /// edited (or submitting was tried), "Required" in place of it for a blank value.
    pub fn shown(
        &self,
        field: &'static str,
        value: &str,
        problem: Option<String>,
    ) -> Option<String> {
        let problem = problem?;
        if !self.is_shown(field) {
            return None;
        }
        Some(if value.trim().is_empty() {
            fl!("required")
        } else {
            problem
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_shows_after_its_field_is_edited_or_on_submit() {
        let problem = || Some("'12,50' is not an amount".to_string());
        let mut edited = Edited::default();
        assert_eq!(edited.shown("amount", "", problem()), None, "untouched");
        edited.mark("date");
        assert_eq!(
            edited.shown("amount", "12,50", problem()),
            None,
            "another field"
        );
        edited.mark("amount");
        assert_eq!(edited.shown("amount", "12,50", problem()), problem());
        assert_eq!(edited.shown("amount", "12.50", None), None, "nothing wrong");
        // Cleared again: it is missing, not "'' is not an amount".
        assert_eq!(
            edited.shown("amount", " ", problem()),
            Some(fl!("required"))
        );
        let mut fresh = Edited::default();
        fresh.submit();
        assert_eq!(fresh.shown("terms", "", problem()), Some(fl!("required")));
    }
}
