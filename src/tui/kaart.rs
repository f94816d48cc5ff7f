//! De sociale kaart (screen 4): the professionals around the school, and one person's page.

pub mod view;
