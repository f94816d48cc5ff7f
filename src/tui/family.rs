//! A family (gezin): its carers, children, cases and network.

pub mod view;
