//! The integration tests: one binary, a module per area, fixtures under tests/fixtures.

mod agreement;
mod bad_input;
mod cli;
mod common;
mod compare;
mod contradicts;
mod deserializer;
mod evaluate;
mod files;
mod formats;
mod generate;
mod graphviz;
mod html;
mod import;
mod include;
mod library;
mod locations;
mod maps;
mod output;
mod properties;
mod refuse;
mod render;
mod rules;
mod rules_registry;
mod schema;
mod terminal;
