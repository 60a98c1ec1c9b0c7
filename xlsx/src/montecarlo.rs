//! Monte Carlo results as a values-only workbook (to come).
