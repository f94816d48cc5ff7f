//! Typed ids. Each kind of record has its own counter, so ids stay small and readable on the
//! command line (`tandem done 17`), and a case id can never be passed where an action id belongs.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// A household (gezin).
    FamilyId
);
id_type!(
    /// A child (leerling); unique across families.
    ChildId
);
id_type!(
    /// A case (casus).
    CaseId
);
id_type!(
    /// An entry of the sociale kaart.
    PersonId
);
id_type!(
    /// An action (actie).
    ActionId
);
id_type!(
    /// A tandem meeting (overleg).
    MeetingId
);
id_type!(
    /// A timeline event (klantreis / audit trail).
    EventId
);
