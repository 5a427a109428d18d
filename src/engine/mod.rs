//! The projection engine (pure): model + scenario → projection.
