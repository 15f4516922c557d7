//! Writing a map as YAML (`argmap import`): serde_yaml serialises the typed map, so
//! every text is quoted as YAML requires.

use crate::parse::aif::MapOut;

/// The YAML text of `map`, after a comment naming where it came from.
pub fn render(map: &MapOut, origin: &str) -> Result<String, serde_yaml::Error> {
    let body = serde_yaml::to_string(map)?;
    let origin: String = origin
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    Ok(format!("# Imported by argmap from {origin}\n{body}"))
}
