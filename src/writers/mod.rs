//! Writers: one module per output format. They render a [`crate::model::Document`] and
//! never look at the input text again.

pub mod jats;
pub mod markdown;
mod yaml;
