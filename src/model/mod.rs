//! Domain types: values (money, rates, years), the budget and the scenario.
//!
//! Everything here is plain data; constructors in `value` enforce the grammar
//! of SPEC §3, so a `Budget` or `Scenario` that exists is already valid.

pub mod budget;
pub mod growth;
pub mod ident;
pub mod lever_grammar;
pub mod monitoring;
pub mod numtext;
pub mod outcomes;
pub mod ranges;
pub mod rates;
pub mod round;
pub mod scenario;
pub mod suggest;
pub mod text;
pub mod value;
pub mod year;

pub use budget::*;
pub use monitoring::{Actual, Monitoring, Period, ProfileWeight};
pub use outcomes::{BenefitTerms, OutcomeValue, ValueKind};
pub use ranges::{Range, RangeKey, Ranges, Section};
pub use rates::YearRate;
pub use round::*;
pub use scenario::*;
pub use year::Year;
