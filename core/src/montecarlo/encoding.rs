//! A [`Batch`] as bytes, to cross a process boundary bit for bit (Python's Dask tasks hand
//! their paths' outcomes to the task that reports them).
//!
//! ```text
//! magic      b"GMCB"                 4 bytes
//! version    1                       u32
//! first_path                         u32
//! n          paths in the batch      u32
//! then each column in the order of Batch's fields, n values each:
//!   f64            8 bytes each (IEEE 754 bits)
//!   Option<f64>    n presence bytes (0 or 1), then n × 8 bytes (0 where absent)
//!   Option<u32>    n presence bytes (0 or 1), then n × 4 bytes (0 where absent)
//! then, only for a portfolio's batch (whose `boxes` are not empty):
//!   b          boxes                 u32
//!   each box's columns, in the order of BoxColumns's fields, n values each
//! every number little-endian
//! ```
//!
//! Exact both ways for every value (no sentinel stands for "none"), with no float
//! formatting or parsing.

use super::stats::{Batch, BoxColumns};

/// The first bytes of an encoded batch.
const MAGIC: &[u8; 4] = b"GMCB";
/// The layout's version, after the magic.
const VERSION: u32 = 1;

/// Why bytes are not a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.reason())]
pub enum BatchBytesError {
    /// The bytes do not start with the magic and version 1 of the layout.
    NotABatch,
    /// The bytes end before the batch their header announces does, or go on after it.
    WrongLength,
    /// A presence byte other than 0 or 1.
    BadPresence,
}

impl BatchBytesError {
    /// What is wrong, in words.
    #[must_use]
    pub fn reason(self) -> &'static str {
        match self {
            Self::NotABatch => {
                "not a Monte Carlo batch written by Batch::to_bytes (layout version 1)"
            }
            Self::WrongLength => {
                "a Monte Carlo batch's bytes must hold exactly the paths its header announces"
            }
            Self::BadPresence => "a presence byte of a Monte Carlo batch must be 0 or 1",
        }
    }
}

impl Batch {
    /// The batch as bytes (the layout in this module's docs), for [`Batch::from_bytes`].
    ///
    /// # Example
    /// ```
    /// use gpuecon::montecarlo::Batch;
    /// let batch = Batch {
    ///     first_path: 7,
    ///     npv_usd: vec![0.1],
    ///     project_irr_annual: vec![None],
    ///     equity_value_usd: vec![-2.5],
    ///     equity_irr_annual: vec![Some(0.25)],
    ///     minimum_dscr: vec![None],
    ///     first_breach_month: vec![Some(12)],
    ///     first_default_month: vec![None],
    ///     first_customer_default_month: vec![None],
    ///     lender_irr_annual: vec![Some(0.09)],
    ///     first_lock_up_month: vec![None],
    ///     exposure_at_default_usd: vec![0.0],
    ///     written_off_usd: vec![0.0],
    ///     boxes: Vec::new(),
    /// };
    /// let bytes = batch.to_bytes();
    /// // 16 bytes of header; 8 for each of 4 numbers; 9 for each of 4 optional numbers;
    /// // 5 for each of 4 optional months.
    /// assert_eq!(bytes.len(), 16 + 4 * 8 + 4 * 9 + 4 * 5);
    /// assert_eq!(Batch::from_bytes(&bytes), Ok(batch));
    /// ```
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        // Every column named, so that a new one cannot be left out.
        let Self {
            first_path,
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
            boxes,
        } = self;
        let n = npv_usd.len();
        let mut out = Vec::with_capacity(encoded_len(n, boxes.len()));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&first_path.to_le_bytes());
        out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
        write_numbers(&mut out, npv_usd, n);
        write_optional_numbers(&mut out, project_irr_annual, n);
        write_numbers(&mut out, equity_value_usd, n);
        write_optional_numbers(&mut out, equity_irr_annual, n);
        write_optional_numbers(&mut out, minimum_dscr, n);
        write_optional_months(&mut out, first_breach_month, n);
        write_optional_months(&mut out, first_default_month, n);
        write_optional_months(&mut out, first_customer_default_month, n);
        write_optional_numbers(&mut out, lender_irr_annual, n);
        write_optional_months(&mut out, first_lock_up_month, n);
        write_numbers(&mut out, exposure_at_default_usd, n);
        write_numbers(&mut out, written_off_usd, n);
        if !boxes.is_empty() {
            out.extend_from_slice(&u32::try_from(boxes.len()).unwrap_or(u32::MAX).to_le_bytes());
        }
        for b in boxes {
            let BoxColumns {
                first_default_month,
                exposure_at_default_usd,
                written_off_usd,
            } = b;
            write_optional_months(&mut out, first_default_month, n);
            write_numbers(&mut out, exposure_at_default_usd, n);
            write_numbers(&mut out, written_off_usd, n);
        }
        out
    }

    /// The batch that [`Batch::to_bytes`] wrote as `bytes`.
    ///
    /// # Errors
    /// [`BatchBytesError`] when `bytes` are not such a batch (another layout, cut short or
    /// too long, a presence byte other than 0 or 1). The values are not checked here:
    /// [`Simulation::report`](super::Simulation::report) checks them.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, BatchBytesError> {
        let mut r = Reader { bytes };
        if r.take(4) != Some(MAGIC.as_slice()) || r.u32() != Some(VERSION) {
            return Err(BatchBytesError::NotABatch);
        }
        let (Some(first_path), Some(paths)) = (r.u32(), r.u32()) else {
            return Err(BatchBytesError::NotABatch);
        };
        let n = usize::try_from(paths).unwrap_or(usize::MAX);
        let single = encoded_len(n, 0);
        // A portfolio's box count, after the single box's columns.
        let boxes = match bytes.get(single..single.saturating_add(4)) {
            Some(b) => <[u8; 4]>::try_from(b)
                .map(u32::from_le_bytes)
                .ok()
                .and_then(|b| usize::try_from(b).ok())
                .filter(|b| *b > 0)
                .ok_or(BatchBytesError::WrongLength)?,
            None => 0,
        };
        if bytes.len() != encoded_len(n, boxes) {
            return Err(BatchBytesError::WrongLength);
        }
        Ok(Self {
            first_path,
            npv_usd: r.numbers(n),
            project_irr_annual: r.optional_numbers(n)?,
            equity_value_usd: r.numbers(n),
            equity_irr_annual: r.optional_numbers(n)?,
            minimum_dscr: r.optional_numbers(n)?,
            first_breach_month: r.optional_months(n)?,
            first_default_month: r.optional_months(n)?,
            first_customer_default_month: r.optional_months(n)?,
            lender_irr_annual: r.optional_numbers(n)?,
            first_lock_up_month: r.optional_months(n)?,
            exposure_at_default_usd: r.numbers(n),
            written_off_usd: r.numbers(n),
            boxes: {
                // (the box count, read above)
                let _ = r.take(if boxes > 0 { 4 } else { 0 });
                (0..boxes)
                    .map(|_| {
                        Ok(BoxColumns {
                            first_default_month: r.optional_months(n)?,
                            exposure_at_default_usd: r.numbers(n),
                            written_off_usd: r.numbers(n),
                        })
                    })
                    .collect::<Result<_, BatchBytesError>>()?
            },
        })
    }
}

/// The bytes of a batch of `n` paths with `boxes` boxes' columns (saturating: such a
/// length is refused anyway).
fn encoded_len(n: usize, boxes: usize) -> usize {
    let per_path: usize = 4 * 8 + 4 * (1 + 8) + 4 * (1 + 4);
    let per_box_path: usize = (1 + 4) + 2 * 8;
    let single = n.saturating_mul(per_path).saturating_add(16);
    if boxes == 0 {
        return single;
    }
    n.saturating_mul(per_box_path)
        .saturating_mul(boxes)
        .saturating_add(single)
        .saturating_add(4)
}

/// `values`, padded or cut to `n` (a malformed batch still writes a readable layout, which
/// the report's checks refuse).
fn write_numbers(out: &mut Vec<u8>, values: &[f64], n: usize) {
    for i in 0..n {
        let x = values.get(i).copied().unwrap_or(f64::NAN);
        out.extend_from_slice(&x.to_bits().to_le_bytes());
    }
}

fn write_optional_numbers(out: &mut Vec<u8>, values: &[Option<f64>], n: usize) {
    let value = |i: usize| values.get(i).copied().flatten();
    out.extend((0..n).map(|i| u8::from(value(i).is_some())));
    for i in 0..n {
        out.extend_from_slice(&value(i).unwrap_or(0.0).to_bits().to_le_bytes());
    }
}

fn write_optional_months(out: &mut Vec<u8>, values: &[Option<u32>], n: usize) {
    let value = |i: usize| values.get(i).copied().flatten();
    out.extend((0..n).map(|i| u8::from(value(i).is_some())));
    for i in 0..n {
        out.extend_from_slice(&value(i).unwrap_or(0).to_le_bytes());
    }
}

/// The bytes not yet read (the length was checked before any column is read: the
/// column readers' fallbacks are never reached).
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(head)
    }

    fn array<const N: usize>(&mut self) -> [u8; N] {
        self.take(N)
            .and_then(|b| <[u8; N]>::try_from(b).ok())
            .unwrap_or([0; N])
    }

    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        <[u8; 4]>::try_from(b).ok().map(u32::from_le_bytes)
    }

    fn numbers(&mut self, n: usize) -> Vec<f64> {
        (0..n)
            .map(|_| f64::from_bits(u64::from_le_bytes(self.array())))
            .collect()
    }

    fn presence(&mut self, n: usize) -> Result<Vec<bool>, BatchBytesError> {
        self.take(n)
            .unwrap_or_default()
            .iter()
            .map(|b| match b {
                0 => Ok(false),
                1 => Ok(true),
                _ => Err(BatchBytesError::BadPresence),
            })
            .collect()
    }

    fn optional_numbers(&mut self, n: usize) -> Result<Vec<Option<f64>>, BatchBytesError> {
        let present = self.presence(n)?;
        Ok(present
            .into_iter()
            .map(|p| {
                let x = f64::from_bits(u64::from_le_bytes(self.array()));
                p.then_some(x)
            })
            .collect())
    }

    fn optional_months(&mut self, n: usize) -> Result<Vec<Option<u32>>, BatchBytesError> {
        let present = self.presence(n)?;
        Ok(present
            .into_iter()
            .map(|p| {
                let m = u32::from_le_bytes(self.array());
                p.then_some(m)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Batch {
        Batch {
            first_path: 3,
            npv_usd: vec![0.1, -1.5e9, f64::MIN_POSITIVE],
            project_irr_annual: vec![Some(0.242_092_795_744_831_4), None, Some(-0.0)],
            equity_value_usd: vec![1.0; 3],
            equity_irr_annual: vec![None; 3],
            minimum_dscr: vec![Some(1.3); 3],
            first_breach_month: vec![None, Some(12), None],
            first_default_month: vec![None; 3],
            first_customer_default_month: vec![Some(1), None, Some(0)],
            lender_irr_annual: vec![Some(0.09), None, Some(-1.0)],
            first_lock_up_month: vec![None, Some(7), None],
            exposure_at_default_usd: vec![0.0, 1.25e6, 0.0],
            written_off_usd: vec![0.0, 3.5e5, 0.0],
            boxes: Vec::new(),
        }
    }

    #[test]
    fn a_portfolios_box_columns_cross_too() {
        let mut batch = sample();
        batch.boxes = vec![
            BoxColumns {
                first_default_month: vec![None, Some(12), None],
                exposure_at_default_usd: vec![0.0, 1.25e6, 0.0],
                written_off_usd: vec![0.0, 3.5e5, 0.0],
            },
            BoxColumns {
                first_default_month: vec![None; 3],
                exposure_at_default_usd: vec![0.0; 3],
                written_off_usd: vec![-0.0, 0.0, 0.0],
            },
        ];
        let bytes = batch.to_bytes();
        // The single box's layout, then 2 as a u32, then 2 boxes × 3 paths × (5 + 16).
        let single = 16 + 3 * (4 * 8 + 4 * 9 + 4 * 5);
        assert_eq!(&bytes[single..single + 4], &[2, 0, 0, 0]);
        assert_eq!(bytes.len(), single + 4 + 2 * 3 * 21);
        let back = Batch::from_bytes(&bytes).unwrap();
        assert_eq!(back, batch);
        assert!(back.boxes[1].written_off_usd[0].is_sign_negative());
        // A box count of 0, or one the bytes do not hold, is refused.
        let mut zero = bytes.clone();
        zero[single] = 0;
        assert_eq!(Batch::from_bytes(&zero), Err(BatchBytesError::WrongLength));
        assert_eq!(
            Batch::from_bytes(&bytes[..bytes.len() - 1]),
            Err(BatchBytesError::WrongLength)
        );
        assert_eq!(
            Batch::from_bytes(&bytes[..single + 2]),
            Err(BatchBytesError::WrongLength)
        );
    }

    #[test]
    fn a_batch_crosses_as_bytes_bit_for_bit() {
        let batch = sample();
        let bytes = batch.to_bytes();
        // The header by hand: "GMCB", version 1, first path 3, 3 paths; then 0.1's bits
        // 0x3fb999999999999a little-endian.
        assert_eq!(&bytes[..16], b"GMCB\x01\0\0\0\x03\0\0\0\x03\0\0\0");
        assert_eq!(
            &bytes[16..24],
            &[0x9a, 0x99, 0x99, 0x99, 0x99, 0x99, 0xb9, 0x3f]
        );
        assert_eq!(bytes.len(), 16 + 3 * (4 * 8 + 4 * 9 + 4 * 5));
        let back = Batch::from_bytes(&bytes).unwrap();
        assert_eq!(back, batch);
        assert!(back.project_irr_annual[2].unwrap().is_sign_negative());
        // Month 0 and "none" stay apart.
        assert_eq!(back.first_customer_default_month[2], Some(0));
        let empty = Batch::default();
        assert_eq!(Batch::from_bytes(&empty.to_bytes()), Ok(empty));
    }

    #[test]
    fn bytes_that_are_not_a_batch_are_refused() {
        let bytes = sample().to_bytes();
        assert_eq!(
            Batch::from_bytes(&bytes[..bytes.len() - 1]),
            Err(BatchBytesError::WrongLength)
        );
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            Batch::from_bytes(&longer),
            Err(BatchBytesError::WrongLength)
        );
        assert_eq!(Batch::from_bytes(b"GMC"), Err(BatchBytesError::NotABatch));
        assert_eq!(Batch::from_bytes(b""), Err(BatchBytesError::NotABatch));
        let mut other_version = bytes.clone();
        other_version[4] = 2;
        assert_eq!(
            Batch::from_bytes(&other_version),
            Err(BatchBytesError::NotABatch)
        );
        // The first presence byte of project_irr_annual, after the header and npv_usd.
        let mut bad = bytes.clone();
        bad[16 + 24] = 2;
        assert_eq!(Batch::from_bytes(&bad), Err(BatchBytesError::BadPresence));
        // A header announcing 2^32 − 1 paths, with none behind it.
        let mut huge = bytes[..16].to_vec();
        huge[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(Batch::from_bytes(&huge), Err(BatchBytesError::WrongLength));
    }
}
