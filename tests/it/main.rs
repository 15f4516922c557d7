//! The integration tests: one binary, a module per area, fixtures under tests/fixtures.

mod common;
mod bad_input;
mod cli;
mod maps;
mod render;
mod rules;
