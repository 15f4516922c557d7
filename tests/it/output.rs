//! `-o`: standard output (`-o -`), special files (FIFOs made here), the inputs it must not
//! overwrite (maps and their source texts), and the temporary file a signal must not
//! leave behind.

use crate::common::{argmap, root};
use std::path::{Path, PathBuf};

const CLEAN: &str = "tests/fixtures/rules/clean.yaml";

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn temporary_files(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with(".argmap-") && n.ends_with(".tmp"))
        .collect()
}

/// Standard output of a successful `argmap ARGS...`.
fn stdout_of(args: &[&str]) -> Vec<u8> {
    let out = argmap().args(args).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn dash_output_is_standard_output_for_every_command() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pr = root().join("maps/permanent-revolution.yaml");
    let qd = root().join("maps/quantum-dialectics.yaml");
    let aif = root().join("tests/fixtures/aif");
    let aif_file = std::fs::read_dir(&aif)
        .expect("aif fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .find(|p| {
            argmap()
                .arg("import")
                .arg(p)
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect("an AIF fixture that imports");
    let clean = root().join(CLEAN);
    let (pr, qd, aif_file, clean) = (
        pr.to_str().expect("utf-8"),
        qd.to_str().expect("utf-8"),
        aif_file.to_str().expect("utf-8"),
        clean.to_str().expect("utf-8"),
    );
    let commands: [&[&str]; 6] = [
        &["render", clean],
        &["support", clean],
        &["compare", pr, qd],
        &["evaluate", clean],
        &["import", aif_file],
        &["schema"],
    ];
    for args in commands {
        let plain = stdout_of(args);
        let mut with_dash: Vec<&str> = args.to_vec();
        with_dash.extend(["-o", "-"]);
        let out = argmap()
            .current_dir(dir.path())
            .args(&with_dash)
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!plain.is_empty(), "{args:?}");
        assert_eq!(out.stdout, plain, "{args:?}: -o - is standard output");
        assert_eq!(
            names(dir.path()),
            Vec::<String>::new(),
            "{args:?}: no file `-`"
        );
    }
}

#[test]
fn generate_refuses_dash_output_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    argmap()
        .current_dir(dir.path())
        .args(["generate", "--nodes", "10", "-o", "-"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("two files"));
    assert_eq!(names(dir.path()), Vec::<String>::new());
}

/// Makes a FIFO at `path` with mkfifo(1).
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

/// Unblocks a reader still waiting in `open` on `fifo` (when argmap never opened it).
#[cfg(unix)]
fn release_reader(fifo: &Path) {
    use std::os::unix::fs::OpenOptionsExt;
    let _ = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(fifo);
}

#[cfg(unix)]
#[test]
fn output_onto_a_fifo_writes_into_it_and_leaves_it_a_fifo() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut got = Vec::new();
            std::fs::File::open(&fifo)
                .and_then(|mut f| f.read_to_end(&mut got))
                .expect("read the fifo");
            got
        })
    };
    let out = argmap()
        .args(["render", "docs/example.yaml", "--format", "dot", "-o"])
        .arg(&fifo)
        .output()
        .expect("runs");
    release_reader(&fifo);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Before joining: a reader of a FIFO that was replaced would wait for ever.
    assert!(is_fifo(&fifo), "the FIFO is still a FIFO");
    let got = reader.join().expect("reader");
    assert_eq!(got, stdout_of(&["render", "docs/example.yaml"]));
    assert_eq!(names(dir.path()), ["pipe"], "no temporary file");
}

/// A write error on a special file (here EPIPE: the FIFO's reader goes away) is an I/O
/// failure naming the file, exit 2; `/dev/full` (ENOSPC) fails the same way.
#[cfg(unix)]
#[test]
fn a_write_error_on_a_fifo_is_reported_with_exit_2() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tempdir");
    let map = dir.path().join("big.yaml");
    argmap()
        .args(["generate", "--nodes", "3000", "-o"])
        .arg(&map)
        .assert()
        .code(0);
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            // Read a little, then close: argmap's next writes fail with EPIPE.
            let mut first = [0u8; 16];
            let _ = std::fs::File::open(&fifo).and_then(|mut f| f.read_exact(&mut first));
        })
    };
    let out = argmap()
        .arg("render")
        .arg(&map)
        .args(["--format", "dot", "-o"])
        .arg(&fifo)
        .output()
        .expect("runs");
    release_reader(&fifo);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write")
            && stderr.contains("pipe")
            && stderr.contains("Broken pipe"),
        "{stderr}"
    );
    assert!(is_fifo(&fifo));
    reader.join().expect("reader");
}

/// `-o` onto the process's own standard output by its `/proc/self/fd/1` name (what
/// `/dev/stdout` links to) with standard output on a file: written into the file the
/// shell opened (appended, as a shell's redirection would), not a new file replacing it.
/// The test names the `/proc` path, never `/dev/stdout`: were the handling to regress
/// into a rename, procfs refuses it, whereas `/dev/stdout` is a link in `/dev` that a
/// rename would replace for every process on the machine.
#[cfg(target_os = "linux")]
#[test]
fn output_onto_own_stdout_that_is_a_file_appends_to_it() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("log.txt");
    let mut file = std::fs::File::create(&path).expect("create");
    file.write_all(b"header\n").expect("write");
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("argmap"))
        .current_dir(root())
        .args([
            "render",
            "docs/example.yaml",
            "--format",
            "dot",
            "-o",
            "/proc/self/fd/1",
        ])
        .stdout(file)
        .status()
        .expect("runs");
    assert!(status.success());
    let mut want = b"header\n".to_vec();
    want.extend(stdout_of(&["render", "docs/example.yaml"]));
    assert_eq!(std::fs::read(&path).expect("read"), want);
    assert_eq!(names(dir.path()), ["log.txt"]);
    // Standard output appended to the map itself: refused, the map unchanged.
    let (map, _) = essay_project(dir.path());
    let before = std::fs::read(&map).expect("read");
    let out = std::fs::OpenOptions::new()
        .append(true)
        .open(&map)
        .expect("open");
    let o = std::process::Command::new(assert_cmd::cargo::cargo_bin("argmap"))
        .arg("render")
        .arg(&map)
        .args(["--format", "dot", "-o", "/proc/self/fd/1"])
        .stdout(out)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("refusing to write output onto /proc/self/fd/1"));
    assert_eq!(std::fs::read(&map).expect("read"), before);
}

/// An essay-like project (a folder with `.git`): `maps/m.yaml` whose `source` is
/// `../seeds/essay.txt`.
fn essay_project(dir: &Path) -> (PathBuf, PathBuf) {
    std::fs::create_dir_all(dir.join(".git")).expect("mkdir .git");
    let maps = dir.join("maps");
    let seeds = dir.join("seeds");
    std::fs::create_dir_all(&maps).expect("mkdir");
    std::fs::create_dir_all(&seeds).expect("mkdir");
    let text =
        std::fs::read_to_string(root().join("maps/permanent-revolution.yaml")).expect("essay map");
    let source_line = "source: ../seeds/000_ada5735ba2bd8d28.txt";
    assert!(text.contains(source_line));
    let map = maps.join("m.yaml");
    std::fs::write(
        &map,
        text.replace(source_line, "source: ../seeds/essay.txt"),
    )
    .expect("write map");
    let source = seeds.join("essay.txt");
    std::fs::copy(root().join("seeds/000_ada5735ba2bd8d28.txt"), &source).expect("copy");
    (map, source)
}

#[test]
fn output_onto_a_maps_source_text_is_refused_and_the_source_unchanged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (map, source) = essay_project(dir.path());
    let before = std::fs::read(&source).expect("read");
    let runs: [&[&str]; 4] = [
        &["render", "--format", "dot"],
        &["support"],
        &["evaluate"],
        &["render", "--format", "mermaid"],
    ];
    for args in runs {
        argmap()
            .args(args)
            .arg(&map)
            .arg("-o")
            .arg(&source)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("refusing to write output onto"));
        assert_eq!(std::fs::read(&source).expect("read"), before, "{args:?}");
    }
    // Named another way: relative to another working directory.
    argmap()
        .current_dir(dir.path().join("maps"))
        .args([
            "render",
            "m.yaml",
            "--format",
            "dot",
            "-o",
            "../seeds/./essay.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("seeds/essay.txt"));
    // compare: the source of either map.
    let other = dir.path().join("maps/other.yaml");
    std::fs::copy(root().join("tests/fixtures/rules/clean.yaml"), &other).expect("copy");
    std::fs::copy(
        root().join("tests/fixtures/rules/clean.txt"),
        dir.path().join("maps/clean.txt"),
    )
    .expect("copy");
    argmap()
        .arg("compare")
        .arg(&other)
        .arg(&map)
        .arg("-o")
        .arg(&source)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("refusing"));
    assert_eq!(std::fs::read(&source).expect("read"), before);
    assert_eq!(
        temporary_files(&dir.path().join("seeds")),
        Vec::<String>::new()
    );
}

#[cfg(unix)]
#[test]
fn output_onto_a_hard_link_or_symlink_to_the_source_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (map, source) = essay_project(dir.path());
    let before = std::fs::read(&source).expect("read");
    let hard = dir.path().join("hard.dot");
    std::fs::hard_link(&source, &hard).expect("hard link");
    let soft = dir.path().join("soft.dot");
    std::os::unix::fs::symlink(&source, &soft).expect("symlink");
    for out in [&hard, &soft, &map] {
        argmap()
            .arg("render")
            .arg(&map)
            .args(["--format", "dot", "-o"])
            .arg(out)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("refusing to write output onto"));
    }
    assert_eq!(std::fs::read(&source).expect("read"), before);
    // A file that is not an input is written, and a symlink to it stays a symlink.
    let real = dir.path().join("real.dot");
    std::fs::write(&real, "old").expect("write");
    let link = dir.path().join("link.dot");
    std::os::unix::fs::symlink("real.dot", &link).expect("symlink");
    argmap()
        .arg("render")
        .arg(&map)
        .arg("-o")
        .arg(&link)
        .assert()
        .code(0);
    assert!(std::fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .expect("read")
        .starts_with("digraph"));
}

/// Sends `signal` to `argmap render BIG -o out.dot` once its temporary file exists:
/// the temporary file is removed and the process ends by the signal. Retries with a
/// larger map when the run ended before the signal hit it.
#[cfg(unix)]
fn interrupted_output_leaves_nothing(signal: libc::c_int) {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("argmap");
    let mut nodes = 20_000;
    for _attempt in 0..5 {
        let out_dir = dir.path().join(format!("out-{nodes}"));
        std::fs::create_dir(&out_dir).expect("mkdir");
        let map = dir.path().join(format!("m{nodes}.yaml"));
        argmap()
            .args(["generate", "--nodes", &nodes.to_string(), "-o"])
            .arg(&map)
            .assert()
            .code(0);
        let target = out_dir.join("out.dot");
        let mut child = std::process::Command::new(&bin)
            .arg("render")
            .arg(&map)
            .arg("-o")
            .arg(&target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        let mut signalled = false;
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait") {
                break s;
            }
            if !signalled && !temporary_files(&out_dir).is_empty() {
                let pid = libc::pid_t::try_from(child.id()).expect("pid");
                // SAFETY: kill sends a signal to our own child process.
                assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
                signalled = true;
            }
            assert!(std::time::Instant::now() < deadline, "argmap did not end");
            std::thread::sleep(std::time::Duration::from_micros(200));
        };
        assert_eq!(
            temporary_files(&out_dir),
            Vec::<String>::new(),
            "no temporary file left ({status:?})"
        );
        if status.signal() == Some(signal) && !target.exists() {
            return; // Interrupted while writing, and nothing left.
        }
        // The run finished before the signal arrived: a larger map writes for longer.
        assert!(
            status.success() || status.signal() == Some(signal),
            "{status:?}"
        );
        eprintln!(
            "{nodes} nodes: argmap ended ({status:?}) before the signal hit; retrying larger"
        );
        nodes *= 3;
    }
    panic!("argmap always finished writing before the signal: no run was interrupted");
}

#[cfg(unix)]
#[test]
fn sigterm_during_output_removes_the_temporary_file() {
    interrupted_output_leaves_nothing(libc::SIGTERM);
}

#[cfg(unix)]
#[test]
fn sigint_during_output_removes_the_temporary_file() {
    interrupted_output_leaves_nothing(libc::SIGINT);
}
