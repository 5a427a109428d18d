//! Pure computations behind the tabs that the shared report modules do not
//! (yet) provide. `providers` and `bridge` stand in for the `providers` and
//! `compare` commands' computations being built on other branches; each has
//! a small interface so it can be swapped for the shared one at merge time.

pub mod bridge;
pub mod levers;
pub mod providers;
pub mod services;
