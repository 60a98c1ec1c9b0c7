//! Benchmarks of the cash-flow functions (filled in below).
fn main() {}
