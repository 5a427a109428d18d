//! Views: pure functions from projections to tables and bytes.
