//! The case list's rows, shared one by one. The lookup's worker holds the same rows while it
//! builds its entries (about a second at 50,000 cases); a save that patches a row meanwhile copies
//! the list of pointers, not the rows. With the rows themselves in one shared `Vec`, that copy
//! made the first save of a session take up to 98 ms at 50,000 cases (issue 10).

use crate::domain::CaseSummary;
use std::ops::Deref;
use std::sync::Arc;

/// The rows in the store's order (by case id). Cloning it copies one pointer; two are equal
/// when their rows are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows(Arc<Vec<Arc<CaseSummary>>>);

impl Rows {
    /// Puts `row` in place `i`. Copies the list of pointers (8 bytes a row) only when someone
    /// else holds it too; never the rows. Panics when `i` is out of range, as indexing does.
    pub fn replace(&mut self, i: usize, row: CaseSummary) {
        Arc::make_mut(&mut self.0)[i] = Arc::new(row);
    }

    /// The list of pointers to change it (taken out of the share if no one else holds it).
    pub fn into_vec(self) -> Vec<Arc<CaseSummary>> {
        Arc::unwrap_or_clone(self.0)
    }
}

impl Deref for Rows {
    type Target = [Arc<CaseSummary>];

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl From<Vec<Arc<CaseSummary>>> for Rows {
    fn from(rows: Vec<Arc<CaseSummary>>) -> Self {
        Rows(Arc::new(rows))
    }
}

impl From<Vec<CaseSummary>> for Rows {
    fn from(rows: Vec<CaseSummary>) -> Self {
        Rows(Arc::new(rows.into_iter().map(Arc::new).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CaseId;

    fn row(id: u64, name: &str) -> CaseSummary {
        CaseSummary::sample(id, name)
    }

    /// The worker's copy keeps the rows it was given; the list shares every row it did not
    /// change with it (the copy made was of pointers).
    #[test]
    fn a_row_replaced_while_shared_leaves_the_other_holder_and_the_other_rows_alone() {
        let mut rows = Rows::from(vec![row(1, "Anna"), row(2, "Bram"), row(3, "Cas")]);
        let worker = rows.clone();
        rows.replace(1, row(2, "Bram de Vries"));
        assert_eq!(worker[1].child_name, "Bram");
        assert_eq!(rows[1].child_name, "Bram de Vries");
        assert!(Arc::ptr_eq(&worker[0], &rows[0]));
        assert!(Arc::ptr_eq(&worker[2], &rows[2]));
        assert!(!Arc::ptr_eq(&worker[1], &rows[1]));
    }

    /// What a save does: the patched list shares every row the save did not touch with the
    /// lookup's worker, which still holds the rows as they were.
    #[test]
    fn a_patch_while_the_lookup_holds_the_rows_copies_none_of_the_others() {
        let today = chrono::NaiveDate::default();
        let mut list = super::super::CaseList::default();
        list.set_rows(vec![row(1, "Anna"), row(2, "Bram"), row(3, "Cas")]);
        super::super::apply_filter(&mut list, today);
        let worker = list.rows.clone();
        let fresh = [(CaseId(2), Some(row(2, "Bram de Vries")))].into();
        assert!(
            list.patch(fresh, today),
            "a name changed: the lookup builds again"
        );
        assert_eq!(worker[1].child_name, "Bram");
        assert_eq!(
            list.row(CaseId(2)).map(|r| r.child_name.as_str()),
            Some("Bram de Vries")
        );
        assert!(Arc::ptr_eq(&worker[0], &list.rows[0]));
        assert!(Arc::ptr_eq(&worker[2], &list.rows[2]));
    }

    /// Alone, a replace copies nothing: the list stays where it was.
    #[test]
    fn a_row_replaced_when_no_one_else_holds_the_list_changes_it_in_place() {
        let mut rows = Rows::from(vec![row(1, "Anna"), row(2, "Bram")]);
        let before = rows.as_ptr();
        rows.replace(0, row(1, "Anouk"));
        assert_eq!(rows.as_ptr(), before);
        assert_eq!(rows[0].child_name, "Anouk");
    }
}
