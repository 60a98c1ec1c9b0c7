//! The batch kernels over Arrow columns: `irr_batch`, `xirr_batch`, `npv_batch`. Columns
//! cross through the Arrow C Data Interface (the PyCapsule protocol, `__arrow_c_array__`:
//! pyarrow, polars, DuckDB, nanoarrow all export it), so the flows are read in place from
//! the producer's buffers, never copied into Python objects. Each row is one call to the
//! core's exact function, on the row's flows read as [`units::decimal_from_f64`] reads a
//! float (the shortest digits), so a row's result is exactly the scalar function's on the
//! same floats. A row that fails keeps its error in its row; the batch never fails for it.

use std::ffi::CStr;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi};
use arrow_array::types::{Date32Type, Float64Type};
use arrow_array::{Array, ArrayRef, PrimitiveArray, make_array};
use arrow_schema::DataType;
use gpuecon::{Date, Decimal, FinanceError, finance, units};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use rayon::prelude::*;

use crate::args;
use crate::error::Error;

/// What a kernel returns to Python: each row's result (`None` where the row failed or was
/// null) and each row's error message (`None` where it succeeded or was null).
type Columns = (Vec<Option<f64>>, Vec<Option<String>>);

/// Each row's range of a list column's child array (`None` for a null row).
type Ranges = Vec<Option<(usize, usize)>>;

const SCHEMA: &CStr = c"arrow_schema";
const ARRAY: &CStr = c"arrow_array";

/// An Arrow array from any object with `__arrow_c_array__`, taking ownership of the exported
/// array (its capsule's destructor then has nothing to release).
fn import(value: &Bound<'_, PyAny>, field: &str) -> Result<ArrayRef, Error> {
    let not_arrow = || {
        Error::invalid(
            field,
            format!("{field}: must be an Arrow array (an object with __arrow_c_array__)"),
        )
    };
    let pair = value
        .call_method0("__arrow_c_array__")
        .map_err(|_| not_arrow())?;
    let (schema, array): (Bound<'_, PyCapsule>, Bound<'_, PyCapsule>) =
        pair.extract().map_err(|_| not_arrow())?;
    let schema = schema
        .pointer_checked(Some(SCHEMA))
        .map_err(|_| not_arrow())?;
    let array = array
        .pointer_checked(Some(ARRAY))
        .map_err(|_| not_arrow())?;
    // SAFETY: the capsules are named as the Arrow PyCapsule interface names them, so their
    // pointers are an `ArrowSchema` and an `ArrowArray` that live as long as the capsules
    // (held above). `from_raw` moves the array out, leaving a released one behind, as the
    // interface asks of a consumer; the schema is only borrowed.
    let data = unsafe {
        let array = FFI_ArrowArray::from_raw(array.as_ptr().cast::<FFI_ArrowArray>());
        let schema = &*schema.as_ptr().cast::<FFI_ArrowSchema>();
        from_ffi(array, schema)
    }
    .map_err(|e| Error::invalid(field, format!("{field}: {e}")))?;
    Ok(make_array(data))
}

/// The rows of a list column (`list`, `large_list` or `fixed_size_list`): each row's range
/// of the child array (`None` for a null row), and the child array.
fn rows(column: &ArrayRef, field: &str) -> Result<(Ranges, ArrayRef), Error> {
    let ranges = |offsets: Vec<(usize, usize)>| -> Ranges {
        offsets
            .into_iter()
            .enumerate()
            .map(|(i, range)| column.is_valid(i).then_some(range))
            .collect()
    };
    let pairs = |starts: Vec<usize>| -> Vec<(usize, usize)> {
        starts
            .windows(2)
            .map(|w| match w {
                [a, b] => (*a, *b),
                _ => (0, 0),
            })
            .collect()
    };
    match column.data_type() {
        DataType::List(_) => {
            let list = column.as_list::<i32>();
            let starts = list
                .offsets()
                .iter()
                .map(|&o| usize::try_from(o).unwrap_or(0))
                .collect();
            Ok((ranges(pairs(starts)), Arc::clone(list.values())))
        }
        DataType::LargeList(_) => {
            let list = column.as_list::<i64>();
            let starts = list
                .offsets()
                .iter()
                .map(|&o| usize::try_from(o).unwrap_or(0))
                .collect();
            Ok((ranges(pairs(starts)), Arc::clone(list.values())))
        }
        DataType::FixedSizeList(_, size) => {
            let list = column.as_fixed_size_list();
            let size = usize::try_from(*size).unwrap_or(0);
            let first = list.offset() * size;
            let starts = (0..=list.len()).map(|i| first + i * size).collect();
            Ok((ranges(pairs(starts)), Arc::clone(list.values())))
        }
        other => Err(Error::invalid(
            field,
            format!("{field}: must be a list, large_list or fixed_size_list column, not {other}"),
        )),
    }
}

/// A list column of float64 values, row by row.
struct Flows {
    rows: Ranges,
    values: PrimitiveArray<Float64Type>,
}

impl Flows {
    fn new(column: &Bound<'_, PyAny>, field: &str) -> Result<Self, Error> {
        let (rows, child) = rows(&import(column, field)?, field)?;
        let values = child
            .as_primitive_opt::<Float64Type>()
            .ok_or_else(|| {
                Error::invalid(
                    field,
                    format!("{field}: the lists must hold float64 values"),
                )
            })?
            .clone();
        Ok(Self { rows, values })
    }

    /// Row `i` as decimals, `Ok(None)` for a null row.
    fn row(&self, i: usize, field: &'static str) -> Result<Option<Vec<Decimal>>, FinanceError> {
        let Some(Some((start, end))) = self.rows.get(i).copied() else {
            return Ok(None);
        };
        if self.values.null_count() > 0 && (start..end).any(|j| self.values.is_null(j)) {
            return Err(FinanceError::InvalidArgument {
                field,
                reason: "a value inside the row is null",
            });
        }
        let slice = self.values.values().get(start..end).unwrap_or(&[]);
        slice
            .iter()
            .map(|&v| units::decimal_from_f64(v, field))
            .collect::<Result<_, _>>()
            .map(Some)
    }
}

/// A list column of date32 values, row by row.
struct Dates {
    rows: Ranges,
    days: PrimitiveArray<Date32Type>,
}

impl Dates {
    fn new(column: &Bound<'_, PyAny>, field: &str) -> Result<Self, Error> {
        let (rows, child) = rows(&import(column, field)?, field)?;
        let days = child
            .as_primitive_opt::<Date32Type>()
            .ok_or_else(|| {
                Error::invalid(field, format!("{field}: the lists must hold date32 values"))
            })?
            .clone();
        Ok(Self { rows, days })
    }

    fn row(&self, i: usize) -> Result<Option<Vec<Date>>, FinanceError> {
        const NOT_A_DATE: FinanceError = FinanceError::InvalidArgument {
            field: "dates",
            reason: "must be dates between years 1 and 9999 (date32), with no null inside a row",
        };
        let Some(Some((start, end))) = self.rows.get(i).copied() else {
            return Ok(None);
        };
        let epoch = Date::from_ymd_opt(1970, 1, 1).ok_or(NOT_A_DATE)?;
        (start..end)
            .map(|j| {
                if self.days.is_null(j) {
                    return Err(NOT_A_DATE);
                }
                let day = self.days.values().get(j).copied().ok_or(NOT_A_DATE)?;
                epoch.checked_add_days(i64::from(day)).ok_or(NOT_A_DATE)
            })
            .collect::<Result<_, _>>()
            .map(Some)
    }
}

/// A result as the nearest float (the decimal's digits parsed, correctly rounded: what
/// Python's `float(Decimal)` gives).
fn to_f64(value: Decimal) -> f64 {
    value.to_string().parse().unwrap_or(f64::NAN)
}

/// Runs `row` for rows `0..len` over every core (rows are independent; the results keep
/// the rows' order): its result, `None` for a null row, or its error.
fn each(
    len: usize,
    row: impl Fn(usize) -> Result<Option<Decimal>, FinanceError> + Sync,
) -> Columns {
    (0..len)
        .into_par_iter()
        .map(|i| match row(i) {
            Ok(value) => (value.map(to_f64), None),
            Err(e) => (None, Some(format!("{}: {e}", e.code().as_str()))),
        })
        .unzip()
}

/// `IRR` of each row of a list column of float64 flows; `guess` as the scalar `irr` takes
/// it.
#[pyfunction]
#[pyo3(signature = (values, guess=None))]
pub fn irr_batch(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    guess: Option<&Bound<'_, PyAny>>,
) -> Result<Columns, Error> {
    let guess = args::optional_decimal(guess, "guess")?;
    let flows = Flows::new(values, "values")?;
    Ok(py.detach(|| {
        each(flows.rows.len(), |i| match flows.row(i, "values")? {
            Some(row) => finance::irr(&row, guess).map(Some),
            None => Ok(None),
        })
    }))
}

/// `XIRR` of each row: a list column of float64 flows and one of date32 dates.
#[pyfunction]
#[pyo3(signature = (values, dates, guess=None))]
pub fn xirr_batch(
    py: Python<'_>,
    values: &Bound<'_, PyAny>,
    dates: &Bound<'_, PyAny>,
    guess: Option<&Bound<'_, PyAny>>,
) -> Result<Columns, Error> {
    let guess = args::optional_decimal(guess, "guess")?;
    let flows = Flows::new(values, "values")?;
    let days = Dates::new(dates, "dates")?;
    if days.rows.len() != flows.rows.len() {
        return Err(Error::invalid(
            "dates",
            "dates: must have as many rows as values".to_owned(),
        ));
    }
    Ok(py.detach(|| {
        each(flows.rows.len(), |i| {
            match (flows.row(i, "values")?, days.row(i)?) {
                (Some(row), Some(dates)) => finance::xirr(&row, &dates, guess).map(Some),
                _ => Ok(None),
            }
        })
    }))
}

/// `NPV` of each row at `rate`: one number for every row, or a float64 column.
#[pyfunction]
pub fn npv_batch(
    py: Python<'_>,
    rate: &Bound<'_, PyAny>,
    values: &Bound<'_, PyAny>,
) -> Result<Columns, Error> {
    let flows = Flows::new(values, "values")?;
    let rates = if rate.hasattr("__arrow_c_array__").unwrap_or(false) {
        let column = import(rate, "rate")?;
        let column = column
            .as_primitive_opt::<Float64Type>()
            .ok_or_else(|| Error::invalid("rate", "rate: must be a float64 column".to_owned()))?
            .clone();
        if column.len() != flows.rows.len() {
            return Err(Error::invalid(
                "rate",
                "rate: must have as many rows as values".to_owned(),
            ));
        }
        Rates::Column(column)
    } else {
        Rates::One(args::decimal(rate, "rate")?)
    };
    Ok(py.detach(|| {
        each(flows.rows.len(), |i| {
            let rate = match &rates {
                Rates::One(rate) => *rate,
                Rates::Column(column) if column.is_valid(i) => {
                    units::decimal_from_f64(column.value(i), "rate")?
                }
                Rates::Column(_) => return Ok(None),
            };
            match flows.row(i, "values")? {
                Some(row) => finance::npv(rate, &row).map(Some),
                None => Ok(None),
            }
        })
    }))
}

/// The discount rate of `npv_batch`: one for every row, or one per row.
enum Rates {
    One(Decimal),
    Column(PrimitiveArray<Float64Type>),
}

/// Registers the batch kernels on the module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(irr_batch, module)?)?;
    module.add_function(wrap_pyfunction!(xirr_batch, module)?)?;
    module.add_function(wrap_pyfunction!(npv_batch, module)?)?;
    Ok(())
}
