//! The integration tests: one binary, a module per area, fixtures under tests/fixtures.

mod bad_input;
mod cli;
mod common;
mod maps;
mod render;
mod rules;
