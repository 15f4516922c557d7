//! The integration tests: one binary, a module per area, fixtures under tests/fixtures.

mod bad_input;
mod cli;
mod evaluate;
mod formats;
mod import;
mod common;
mod compare;
mod generate;
mod html;
mod maps;
mod properties;
mod render;
mod rules;
