//! `argmap generate`: a synthetic map and its source text, for benchmarks.

use super::args::GenerateArgs;
use super::{output, CliError, EXIT_OK};

/// Writes a synthetic map and, next to it, its source text (`MAP.txt`).
pub(super) fn run(a: GenerateArgs) -> Result<u8, CliError> {
    let map = a.output.as_path();
    if output::is_stdout(map) {
        return Err(CliError::Usage(
            "generate writes two files, the map and its source text (MAP.txt): `-o -` \
             (standard output) cannot hold both; name the map file"
                .into(),
        ));
    }
    let source = map.with_extension("txt");
    if source == map {
        return Err(CliError::Usage(format!(
            "{}: the map needs another extension than .txt (its source text is written to MAP.txt)",
            map.display()
        )));
    }
    let name = source
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| CliError::Usage(format!("{}: not a usable file name", map.display())))?;
    let g = argmap::generate::generate_named(a.nodes, a.seed, name);
    output::check_output_path(map, &[])?;
    output::check_output_path(&source, &[])?;
    output::write_file(&source, g.source_text.as_bytes())?;
    output::write_file(map, g.map_yaml.as_bytes())?;
    Ok(EXIT_OK)
}
