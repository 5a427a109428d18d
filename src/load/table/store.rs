//! A table's cells in one buffer: every trimmed cell's text one after the
//! other in one `String`, and where each ends. A million-row actuals file
//! is then a few allocations, not one per cell (SPEC §12's expected size is
//! 12 months × 100,000 services).

/// The cells of every row of one table.
#[derive(Debug, Default)]
pub(super) struct Store {
    text: String,
    /// The end of each cell in `text`; a cell starts where the one before
    /// it ends.
    ends: Vec<usize>,
}

/// One data row: its spreadsheet line and where its cells are.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub line: usize,
    first: usize,
    len: usize,
}

/// The cells of one row (or of a row being checked).
pub trait Cells {
    fn len(&self) -> usize;
    fn get(&self, i: usize) -> Option<&str>;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<S: AsRef<str>> Cells for [S] {
    fn len(&self) -> usize {
        <[S]>::len(self)
    }
    fn get(&self, i: usize) -> Option<&str> {
        <[S]>::get(self, i).map(AsRef::as_ref)
    }
}

impl<S: AsRef<str>> Cells for Vec<S> {
    fn len(&self) -> usize {
        <[S]>::len(self)
    }
    fn get(&self, i: usize) -> Option<&str> {
        <[S]>::get(self, i).map(AsRef::as_ref)
    }
}

/// A stored row's cells.
#[derive(Clone, Copy)]
pub struct RowCells<'s> {
    store: &'s Store,
    row: Row,
}

impl<'s> RowCells<'s> {
    pub fn cell(&self, i: usize) -> Option<&'s str> {
        (i < self.row.len).then(|| self.store.cell(self.row.first + i))
    }

    pub fn iter(&self) -> impl Iterator<Item = &'s str> + '_ {
        (0..self.row.len).filter_map(|i| self.cell(i))
    }
}

impl Cells for RowCells<'_> {
    fn len(&self) -> usize {
        self.row.len
    }
    fn get(&self, i: usize) -> Option<&str> {
        self.cell(i)
    }
}

impl Store {
    /// Add a row of cells (each trimmed by the caller).
    pub(super) fn push<'c>(
        &mut self,
        line: usize,
        cells: impl IntoIterator<Item = &'c str>,
    ) -> Row {
        let first = self.ends.len();
        for c in cells {
            self.text.push_str(c);
            self.ends.push(self.text.len());
        }
        Row {
            line,
            first,
            len: self.ends.len() - first,
        }
    }

    /// Add `n` empty cells to the row just pushed (a sheet's row padded
    /// to the header's width).
    pub(super) fn pad_last(&mut self, row: &mut Row, n: usize) {
        debug_assert_eq!(row.first + row.len, self.ends.len());
        for _ in 0..n {
            self.ends.push(self.text.len());
        }
        row.len += n;
    }

    fn cell(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.text[start..self.ends[k]]
    }

    pub(super) fn row<'s>(&'s self, row: &Row) -> RowCells<'s> {
        RowCells {
            store: self,
            row: *row,
        }
    }
}
