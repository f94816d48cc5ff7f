//! A case opened on purpose: its card, actions, network and timeline.

pub mod view;
