// TEMPORARY (not to be committed): replaced by the helper's generator.
use crate::store::Store;
pub struct DemoOptions {
    pub customers: usize,
    pub invoices: usize,
    pub seed: u64,
    pub today: chrono::NaiveDate,
}
pub struct DemoSummary {
    pub customers: usize,
    pub documents: usize,
    pub notes: usize,
}
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("x")]
    NotEmpty,
}
pub fn generate(
    _store: &mut Store,
    _options: &DemoOptions,
    _progress: &mut dyn FnMut(usize, usize),
) -> Result<DemoSummary, DemoError> {
    Err(DemoError::NotEmpty)
}
