//! The interactive model.
