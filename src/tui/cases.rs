//! Casussen (screen 2): the list of cases, its filters and sorting.

pub mod view;
