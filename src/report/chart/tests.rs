//! Unit tests of the chart data tables.
