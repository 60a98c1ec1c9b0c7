//! A batch's columns lent out for writing, in pieces of consecutive paths: each thread
//! writes its paths' outcomes straight into their places in the batch (no buffer per path,
//! no gathering on one thread afterwards), so the run's result is the same whatever the
//! pieces and the threads.

use super::path::PathOutcome;
use super::stats::{Batch, BoxColumns};
use super::waterfall::Credit;

/// The columns of consecutive paths `first_path`, `first_path + 1`, …, borrowed for
/// writing (every column the same length).
#[derive(Debug)]
pub(crate) struct ColumnsMut<'a> {
    /// The index of the first path (from 0).
    pub(crate) first_path: u32,
    npv_usd: &'a mut [f64],
    project_irr_annual: &'a mut [Option<f64>],
    equity_value_usd: &'a mut [f64],
    equity_irr_annual: &'a mut [Option<f64>],
    minimum_dscr: &'a mut [Option<f64>],
    first_breach_month: &'a mut [Option<u32>],
    first_default_month: &'a mut [Option<u32>],
    first_customer_default_month: &'a mut [Option<u32>],
    lender_irr_annual: &'a mut [Option<f64>],
    first_lock_up_month: &'a mut [Option<u32>],
    exposure_at_default_usd: &'a mut [f64],
    written_off_usd: &'a mut [f64],
    boxes: Vec<BoxColumnsMut<'a>>,
}

/// One box's credit columns of the same paths, borrowed for writing.
#[derive(Debug)]
struct BoxColumnsMut<'a> {
    first_default_month: &'a mut [Option<u32>],
    exposure_at_default_usd: &'a mut [f64],
    written_off_usd: &'a mut [f64],
}

/// `values` cut before index `mid` (at its end when shorter).
fn cut<T>(values: &mut [T], mid: usize) -> (&mut [T], &mut [T]) {
    values.split_at_mut(mid.min(values.len()))
}

/// `column` lengthened to `len` paths with `value`: on rayon's pool where paths run in
/// parallel, so that the first touch of a run's fresh memory (about 5 ms for 100,000
/// paths' columns on one thread) divides between the threads like the paths.
fn lengthen<T: Copy + Send + Sync>(column: &mut Vec<T>, len: usize, value: T) {
    #[cfg(all(feature = "parallel", not(target_family = "wasm")))]
    rayon::iter::ParallelExtend::par_extend(
        column,
        rayon::iter::repeat_n(value, len.saturating_sub(column.len())),
    );
    #[cfg(not(all(feature = "parallel", not(target_family = "wasm"))))]
    column.resize(len, value);
}

/// Writes `value` at `values[i]` (nothing past the end).
fn put<T>(values: &mut [T], i: usize, value: T) {
    if let Some(place) = values.get_mut(i) {
        *place = value;
    }
}

impl Batch {
    /// Adds `paths` paths after the batch's own, each column with a placeholder until the
    /// paths are written (and `boxes` boxes' columns: a portfolio's, none for one
    /// scenario), and lends out the new paths' places.
    pub(crate) fn grow(&mut self, paths: usize, boxes: usize) -> ColumnsMut<'_> {
        let start = self.len();
        let end = start + paths;
        let first_path = self
            .first_path
            .saturating_add(u32::try_from(start).unwrap_or(u32::MAX));
        self.boxes.resize_with(boxes, BoxColumns::default);
        for b in &mut self.boxes {
            lengthen(&mut b.first_default_month, end, None);
            lengthen(&mut b.exposure_at_default_usd, end, 0.0);
            lengthen(&mut b.written_off_usd, end, 0.0);
        }
        for column in [
            &mut self.npv_usd,
            &mut self.equity_value_usd,
            &mut self.exposure_at_default_usd,
            &mut self.written_off_usd,
        ] {
            lengthen(column, end, 0.0);
        }
        for column in [
            &mut self.project_irr_annual,
            &mut self.equity_irr_annual,
            &mut self.minimum_dscr,
            &mut self.lender_irr_annual,
        ] {
            lengthen(column, end, None);
        }
        for column in [
            &mut self.first_breach_month,
            &mut self.first_default_month,
            &mut self.first_customer_default_month,
            &mut self.first_lock_up_month,
        ] {
            lengthen(column, end, None);
        }
        ColumnsMut {
            first_path,
            npv_usd: cut(&mut self.npv_usd, start).1,
            project_irr_annual: cut(&mut self.project_irr_annual, start).1,
            equity_value_usd: cut(&mut self.equity_value_usd, start).1,
            equity_irr_annual: cut(&mut self.equity_irr_annual, start).1,
            minimum_dscr: cut(&mut self.minimum_dscr, start).1,
            first_breach_month: cut(&mut self.first_breach_month, start).1,
            first_default_month: cut(&mut self.first_default_month, start).1,
            first_customer_default_month: cut(&mut self.first_customer_default_month, start).1,
            lender_irr_annual: cut(&mut self.lender_irr_annual, start).1,
            first_lock_up_month: cut(&mut self.first_lock_up_month, start).1,
            exposure_at_default_usd: cut(&mut self.exposure_at_default_usd, start).1,
            written_off_usd: cut(&mut self.written_off_usd, start).1,
            boxes: self
                .boxes
                .iter_mut()
                .map(|b| BoxColumnsMut {
                    first_default_month: cut(&mut b.first_default_month, start).1,
                    exposure_at_default_usd: cut(&mut b.exposure_at_default_usd, start).1,
                    written_off_usd: cut(&mut b.written_off_usd, start).1,
                })
                .collect(),
        }
    }
}

impl<'a> ColumnsMut<'a> {
    /// Paths lent.
    pub(crate) fn len(&self) -> usize {
        self.npv_usd.len()
    }

    /// The paths in pieces of `size` (at least 1) consecutive paths, in path order, the
    /// last one shorter when `size` does not divide them.
    pub(crate) fn pieces(self, size: usize) -> Vec<Self> {
        let size = size.max(1);
        let mut pieces = Vec::with_capacity(self.len().div_ceil(size));
        let mut rest = self;
        while rest.len() > size {
            let (head, tail) = rest.split_at(size);
            pieces.push(head);
            rest = tail;
        }
        pieces.push(rest);
        pieces
    }

    /// The first `mid` paths, and the rest.
    fn split_at(self, mid: usize) -> (Self, Self) {
        let mut boxes = (Vec::new(), Vec::new());
        for b in self.boxes {
            let (a, z) = b.split_at(mid);
            boxes.0.push(a);
            boxes.1.push(z);
        }
        let (npv_usd, npv_usd_z) = cut(self.npv_usd, mid);
        let (project_irr_annual, project_irr_annual_z) = cut(self.project_irr_annual, mid);
        let (equity_value_usd, equity_value_usd_z) = cut(self.equity_value_usd, mid);
        let (equity_irr_annual, equity_irr_annual_z) = cut(self.equity_irr_annual, mid);
        let (minimum_dscr, minimum_dscr_z) = cut(self.minimum_dscr, mid);
        let (first_breach_month, first_breach_month_z) = cut(self.first_breach_month, mid);
        let (first_default_month, first_default_month_z) = cut(self.first_default_month, mid);
        let (first_customer_default_month, first_customer_default_month_z) =
            cut(self.first_customer_default_month, mid);
        let (lender_irr_annual, lender_irr_annual_z) = cut(self.lender_irr_annual, mid);
        let (first_lock_up_month, first_lock_up_month_z) = cut(self.first_lock_up_month, mid);
        let (exposure_at_default_usd, exposure_at_default_usd_z) =
            cut(self.exposure_at_default_usd, mid);
        let (written_off_usd, written_off_usd_z) = cut(self.written_off_usd, mid);
        let head = Self {
            first_path: self.first_path,
            npv_usd,
            project_irr_annual,
            equity_value_usd,
            equity_irr_annual,
            minimum_dscr,
            first_breach_month,
            first_default_month,
            first_customer_default_month,
            lender_irr_annual,
            first_lock_up_month,
            exposure_at_default_usd,
            written_off_usd,
            boxes: boxes.0,
        };
        let tail = Self {
            first_path: self
                .first_path
                .saturating_add(u32::try_from(head.len()).unwrap_or(u32::MAX)),
            npv_usd: npv_usd_z,
            project_irr_annual: project_irr_annual_z,
            equity_value_usd: equity_value_usd_z,
            equity_irr_annual: equity_irr_annual_z,
            minimum_dscr: minimum_dscr_z,
            first_breach_month: first_breach_month_z,
            first_default_month: first_default_month_z,
            first_customer_default_month: first_customer_default_month_z,
            lender_irr_annual: lender_irr_annual_z,
            first_lock_up_month: first_lock_up_month_z,
            exposure_at_default_usd: exposure_at_default_usd_z,
            written_off_usd: written_off_usd_z,
            boxes: boxes.1,
        };
        (head, tail)
    }

    /// Writes the outcome of path `first_path + i`: `o`, and a portfolio's boxes' credit
    /// outcomes `boxes` (in the portfolio's order; empty for one scenario).
    pub(crate) fn set(&mut self, i: usize, o: &PathOutcome, boxes: &[Credit]) {
        for (columns, c) in self.boxes.iter_mut().zip(boxes) {
            let month = c
                .default
                .map(|(row, _)| u32::try_from(row + 1).unwrap_or(u32::MAX));
            put(columns.first_default_month, i, month);
            put(columns.exposure_at_default_usd, i, c.exposure);
            put(columns.written_off_usd, i, c.written_off);
        }
        put(self.npv_usd, i, o.npv);
        put(self.project_irr_annual, i, o.irr_annual);
        put(self.equity_value_usd, i, o.equity_value);
        put(self.equity_irr_annual, i, o.equity_irr_annual);
        put(self.minimum_dscr, i, o.minimum_dscr);
        put(self.first_breach_month, i, o.first_breach_month);
        put(self.first_default_month, i, o.first_default_month);
        put(
            self.first_customer_default_month,
            i,
            o.first_customer_default_month,
        );
        put(self.lender_irr_annual, i, o.lender_irr_annual);
        put(self.first_lock_up_month, i, o.first_lock_up_month);
        put(self.exposure_at_default_usd, i, o.exposure);
        put(self.written_off_usd, i, o.written_off);
    }
}

impl<'a> BoxColumnsMut<'a> {
    /// The first `mid` paths, and the rest.
    fn split_at(self, mid: usize) -> (Self, Self) {
        let (first_default_month, first_default_month_z) = cut(self.first_default_month, mid);
        let (exposure_at_default_usd, exposure_at_default_usd_z) =
            cut(self.exposure_at_default_usd, mid);
        let (written_off_usd, written_off_usd_z) = cut(self.written_off_usd, mid);
        (
            Self {
                first_default_month,
                exposure_at_default_usd,
                written_off_usd,
            },
            Self {
                first_default_month: first_default_month_z,
                exposure_at_default_usd: exposure_at_default_usd_z,
                written_off_usd: written_off_usd_z,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(npv: f64) -> PathOutcome {
        PathOutcome {
            npv,
            irr_annual: Some(npv / 100.0),
            equity_value: -npv,
            equity_irr_annual: None,
            minimum_dscr: Some(1.5),
            first_breach_month: Some(3),
            first_default_month: None,
            first_customer_default_month: None,
            lender_irr_annual: None,
            first_lock_up_month: Some(4),
            exposure: 0.0,
            written_off: 0.0,
        }
    }

    #[test]
    fn pieces_cover_the_new_paths_in_order() {
        // A batch from path 10 holding 2 paths grows by 600: pieces of 256 are paths
        // 12-267, 268-523 and 524-611 (600 = 256 + 256 + 88).
        let mut batch = Batch {
            first_path: 10,
            npv_usd: vec![-1.0, -2.0],
            project_irr_annual: vec![None; 2],
            equity_value_usd: vec![0.0; 2],
            equity_irr_annual: vec![None; 2],
            minimum_dscr: vec![None; 2],
            first_breach_month: vec![None; 2],
            first_default_month: vec![None; 2],
            first_customer_default_month: vec![None; 2],
            lender_irr_annual: vec![None; 2],
            first_lock_up_month: vec![None; 2],
            exposure_at_default_usd: vec![0.0; 2],
            written_off_usd: vec![0.0; 2],
            boxes: Vec::new(),
        };
        let pieces = batch.grow(600, 2).pieces(256);
        let shape: Vec<(u32, usize)> = pieces.iter().map(|p| (p.first_path, p.len())).collect();
        assert_eq!(shape, [(12, 256), (268, 256), (524, 88)]);
        let credit = Credit {
            default: Some((6, true)),
            exposure: 9.0,
            written_off: 4.0,
            ..Credit::default()
        };
        for mut piece in pieces {
            for i in 0..piece.len() {
                let path = piece.first_path + u32::try_from(i).unwrap();
                piece.set(i, &outcome(f64::from(path)), &[Credit::default(), credit]);
            }
        }
        // Every path at its place: path p (from 10) at index p − 10, after the 2 held.
        assert_eq!(batch.len(), 602);
        assert_eq!(&batch.npv_usd[..3], &[-1.0, -2.0, 12.0]);
        assert!((2..602).all(|i| batch.npv_usd[i] == f64::from(u32::try_from(i).unwrap() + 10)));
        assert_eq!(batch.equity_value_usd[601], -611.0);
        assert_eq!(batch.project_irr_annual[300], Some(3.1));
        assert_eq!(batch.first_lock_up_month[1..3], [None, Some(4)]);
        // Two boxes' columns, each as long as the batch; the second box defaulted in row 6
        // (month 7) with 9 exposed and 4 written off on every new path.
        assert_eq!(batch.boxes.len(), 2);
        assert!(batch.boxes.iter().all(|b| b.written_off_usd.len() == 602));
        assert_eq!(batch.boxes[1].first_default_month[2..4], [Some(7), Some(7)]);
        assert_eq!(batch.boxes[1].first_default_month[0], None);
        assert_eq!(batch.boxes[0].first_default_month[500], None);
        assert_eq!(batch.boxes[1].exposure_at_default_usd[601], 9.0);
        assert_eq!(batch.boxes[1].written_off_usd[2], 4.0);
    }
}
