//! Shared by the benchmarks: the corpus generator.

pub mod corpus;
