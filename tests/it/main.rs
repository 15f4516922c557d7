//! The integration tests: one binary, a module per area, fixtures under tests/fixtures.

mod common;
mod cli;
mod render;
mod rules;
