//! A real editor's client against `argmap lsp`: headless Neovim (Debian's `neovim`,
//! installed by `.ci/run`) opens a map with a dangling reference through its built-in LSP
//! client; the test reads the diagnostics Neovim received (`vim.diagnostic.get`, written
//! by `lsp_nvim/client.lua`), and the cursor after asking for a definition.

use super::common::require_tool;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn nvim_installed() -> bool {
    Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

const MAP: &str = "id: nv
claims:
  T1:
    text: A thesis.
    thesis: true
  C1:
    text: A reason.
    supports: [T1, T9]
";

#[test]
fn neovim_receives_the_diagnostics_and_jumps_to_a_definition() {
    if !require_tool(
        "Neovim (`nvim`)",
        nvim_installed(),
        "apt-get install neovim",
    ) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("nv.yaml");
    std::fs::write(&map, MAP).expect("map");
    let out = dir.path().join("out.txt");
    let script = super::common::root().join("tests/it/lsp_nvim/client.lua");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-i", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("ARGMAP_MAP", &map)
        .env("ARGMAP_OUT", &out)
        .env("ARGMAP_BIN", env!("CARGO_BIN_EXE_argmap"))
        .env("HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("nvim did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let got = std::fs::read_to_string(&out).expect("the script wrote its findings");
    assert_eq!(
        got,
        "diagnostic 2:2-2:4 warning uncited-claim: claim `T1` has supporters, but no chain of them reaches cited evidence
diagnostic 5:2-5:4 warning uncited-claim: claim `C1` is supported by nothing and cites nothing
diagnostic 7:19-7:21 error dangling-reference: `C1` supports: no node `T9` in this map
cursor 3:2
"
    );
}
