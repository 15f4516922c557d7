//! Writing results: to standard output (`-o -` or no `-o`), or to `-o FILE`.
//!
//! What `-o FILE` does depends on what FILE is, following symlinks:
//!
//! - a regular file, or nothing yet: written whole or not at all, through a temporary file
//!   (`.argmap-*.tmp`) in the same directory, then a rename. A symlink to a regular file
//!   stays a symlink: the file it points to is replaced. The temporary file is removed
//!   when writing fails, and when SIGINT, SIGTERM or SIGHUP end the process while it
//!   exists (the signal then ends argmap as it would have: exit 130, 143, 129 in a shell);
//! - a character device or a FIFO (a terminal, a pipe made with `mkfifo`, `/dev/stdout`
//!   when it is one of them): opened for writing as it is, never replaced, written as the
//!   output is made; a write error (`/dev/full`: no space left on the device, a FIFO whose
//!   reader went away) is an I/O failure naming the file;
//! - a regular file reached through an open file descriptor (`/dev/stdout`, `/dev/fd/N`,
//!   `/proc/self/fd/N` when standard output goes to a file): appended to, directly, so
//!   that `{ echo header; argmap ... -o /dev/stdout; } >file` keeps the header;
//! - a directory, a block device or a socket: refused.
//!
//! `-o` onto one of the command's inputs (a map, or a map's `source` text) is refused,
//! whether it names the input by another path, through a symlink or by a hard link.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why output could not be written.
#[derive(Debug)]
pub enum OutputError {
    /// `-o` names one of the input files: the output path, and the input it is.
    WouldOverwriteInput(String, String),
    /// `-o` names a directory.
    IsDirectory(String),
    /// `-o` names a file of a kind argmap does not write to (a block device, a socket).
    Unwritable(String, &'static str),
    Io(String, std::io::Error),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::WouldOverwriteInput(p, i) if p == i => {
                write!(f, "refusing to write output onto the input file {p}")
            }
            OutputError::WouldOverwriteInput(p, i) => {
                write!(
                    f,
                    "refusing to write output onto {p}: it is the input file {i}"
                )
            }
            OutputError::IsDirectory(p) => {
                write!(f, "cannot write output to {p}: it is a directory")
            }
            OutputError::Unwritable(p, kind) => {
                write!(f, "refusing to write output to {p}: it is a {kind}")
            }
            OutputError::Io(p, e) => write!(f, "cannot write {p}: {e}"),
        }
    }
}

impl std::error::Error for OutputError {}

/// Whether `-o PATH` means standard output (`-o -`).
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How `-o PATH` is written.
enum Target {
    /// A regular file or nothing yet, replaced atomically at this path (the symlinks on
    /// the way resolved).
    Replace(PathBuf),
    /// A device or a FIFO, written directly; or a regular file named by an open file
    /// descriptor (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`), appended to, as the
    /// shell's `>` or `>>` that opened it would (what it holds already is kept).
    Direct { append: bool },
}

/// What writing to `path` means (see the module documentation).
fn target(path: &Path) -> Result<Target, OutputError> {
    let shown = || path.display().to_string();
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(OutputError::IsDirectory(shown())),
        Ok(m) if m.is_file() => Ok(match resolve_symlinks(path) {
            (_, true) => Target::Direct { append: true },
            (real, false) => Target::Replace(real),
        }),
        Ok(m) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileTypeExt;
                let t = m.file_type();
                if t.is_block_device() {
                    return Err(OutputError::Unwritable(shown(), "block device"));
                }
                if t.is_socket() {
                    return Err(OutputError::Unwritable(shown(), "socket"));
                }
            }
            #[cfg(not(unix))]
            let _ = m;
            Ok(Target::Direct { append: false })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(Target::Replace(resolve_symlinks(path).0))
        }
        Err(e) => Err(OutputError::Io(shown(), e)),
    }
}

/// `path` with the symlinks of its last component followed (as far as they go: the end
/// may not exist yet), so that a rename replaces the file a symlink points to, not the
/// symlink. Directory symlinks need no resolving: a rename goes through them. The flag
/// says whether a link on the way names an open file descriptor (`/proc/*/fd/N`, where
/// `/dev/stdout` and `/dev/fd/N` lead): what it points to is an open file, not a path
/// to replace.
fn resolve_symlinks(path: &Path) -> (PathBuf, bool) {
    let mut p = path.to_path_buf();
    let mut fd_link = false;
    // As many hops as the kernel follows (ELOOP beyond).
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        fd_link |= names_a_descriptor(&p);
        let Ok(to) = std::fs::read_link(&p) else {
            break;
        };
        p = match p.parent() {
            Some(dir) if to.is_relative() => dir.join(to),
            _ => to,
        };
    }
    (p, fd_link)
}

/// Whether `p` is `/proc/PID/fd/N` (or `/proc/self/fd/N`, `/proc/thread-self/fd/N`).
fn names_a_descriptor(p: &Path) -> bool {
    let parts: Vec<_> = p.components().collect();
    matches!(
        parts.as_slice(),
        [std::path::Component::RootDir, proc, _, fd, _] if proc.as_os_str() == "proc" && fd.as_os_str() == "fd"
    )
}

/// Refuses an output path that is a directory, a file argmap does not write to, or one
/// of the inputs (compared by canonical path and, on Unix, by device and inode, so a hard
/// link or a symlink to an input is refused too). `-o -` is standard output: nothing to
/// check.
pub fn check_output_path(output: &Path, inputs: &[&Path]) -> Result<(), OutputError> {
    if is_stdout(output) {
        return Ok(());
    }
    let shown = output.display().to_string();
    target(output)?;
    // Only a regular file can be an input overwritten: writing to a terminal or a pipe
    // that is also read from (`/dev/stdin`) replaces nothing; a file that is not there
    // yet is no input.
    let Some(out_meta) = std::fs::metadata(output).ok().filter(|m| m.is_file()) else {
        return Ok(());
    };
    let out_canon = output.canonicalize().ok();
    for input in inputs {
        let Ok(in_meta) = std::fs::metadata(input) else {
            continue;
        };
        if !in_meta.is_file() {
            continue;
        }
        let same_path = out_canon.is_some() && input.canonicalize().ok() == out_canon;
        if same_path || same_file(&out_meta, &in_meta) {
            return Err(OutputError::WouldOverwriteInput(
                shown,
                input.display().to_string(),
            ));
        }
    }
    Ok(())
}

/// Whether two files are one (the same device and inode: hard links included).
#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

/// Writes `bytes` to `path`, as [`write_file_with`] does.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    write_file_with(path, |w| w.write_all(bytes))
}

/// Writes what `write` produces to `path` as it is produced (buffered), without holding
/// it all in memory first: a regular file (or a new one) atomically through a temporary
/// file and a rename, so that on failure nothing is left behind and an existing file is
/// untouched; a device or a FIFO directly (see the module documentation).
pub fn write_file_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    match target(path)? {
        Target::Replace(real) => write_atomic_with(path, &real, write),
        Target::Direct { append } => write_direct_with(path, append, write),
    }
}

/// Writes to a device or a FIFO: opened as it is (no create, no truncate: neither means
/// anything there), every write error reported; `append` for a regular file that an open
/// descriptor names.
fn write_direct_with(
    path: &Path,
    append: bool,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let shown = || path.display().to_string();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .append(append)
        .open(path)
        .map_err(|e| OutputError::Io(shown(), e))?;
    let mut buffered = std::io::BufWriter::new(file);
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(|e| OutputError::Io(shown(), e))
}

/// Writes to `real` (the path `shown` resolved) through a temporary file and a rename.
fn write_atomic_with(
    shown: &Path,
    real: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let shown = shown.display().to_string();
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // The temporary file is registered for removal on a signal before any signal can
    // see it exist.
    let (mut tmp, _cleanup) = cleanup::while_blocked(|| {
        let tmp = tempfile::Builder::new()
            .prefix(".argmap-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        let guard = cleanup::register(tmp.path());
        Ok((tmp, guard))
    })
    .map_err(|e| OutputError::Io(shown.clone(), e))?;
    let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(|e| OutputError::Io(shown.clone(), e))?;
    drop(buffered);
    // A temporary file is private (0600); the output gets the usual permissions, or
    // those of the file it replaces.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(real).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| OutputError::Io(shown.clone(), e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| OutputError::Io(shown.clone(), e))?;
    tmp.persist(real)
        .map_err(|e| OutputError::Io(shown, e.error))?;
    Ok(())
}

/// Removing temporary files when a signal ends the process.
///
/// The paths of the temporary files being written sit in a few static slots; a handler
/// for SIGINT, SIGTERM and SIGHUP (installed on first use, and not where the signal is
/// ignored, as under `nohup`) unlinks them — `unlink` is async-signal-safe — and raises
/// the signal again with its default disposition, so the process ends as it would have.
#[cfg(unix)]
mod cleanup {
    use std::ffi::{c_char, CString};
    use std::path::Path;
    use std::ptr::null_mut;
    use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering::SeqCst};

    /// More than the files any command writes at once.
    const SLOTS: usize = 8;
    static PENDING: [AtomicPtr<c_char>; SLOTS] = [const { AtomicPtr::new(null_mut()) }; SLOTS];
    /// Handlers running: while one is, a slot's path is not freed (it may be in use).
    static IN_HANDLER: AtomicUsize = AtomicUsize::new(0);
    const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

    extern "C" fn on_signal(sig: libc::c_int) {
        IN_HANDLER.fetch_add(1, SeqCst);
        for slot in &PENDING {
            let p = slot.load(SeqCst);
            if !p.is_null() {
                // SAFETY: `p` is a NUL-terminated path, not freed while a handler runs.
                unsafe {
                    libc::unlink(p);
                }
            }
        }
        // SA_RESETHAND restored the default disposition; the signal is blocked while
        // this handler runs, so it is delivered (and ends the process) on return.
        // SAFETY: raise is async-signal-safe.
        unsafe {
            libc::raise(sig);
        }
    }

    fn signal_set() -> libc::sigset_t {
        // SAFETY: sigemptyset initialises the set; sigaddset adds valid signals.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            for s in SIGNALS {
                libc::sigaddset(&mut set, s);
            }
            set
        }
    }

    fn install() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            for s in SIGNALS {
                // SAFETY: plain sigaction calls with initialised structures; the handler
                // is async-signal-safe.
                unsafe {
                    let mut old: libc::sigaction = std::mem::zeroed();
                    if libc::sigaction(s, std::ptr::null(), &mut old) != 0
                        || old.sa_sigaction == libc::SIG_IGN
                    {
                        continue;
                    }
                    let mut new: libc::sigaction = std::mem::zeroed();
                    new.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
                    new.sa_mask = signal_set();
                    new.sa_flags = libc::SA_RESETHAND | libc::SA_RESTART;
                    libc::sigaction(s, &new, std::ptr::null_mut());
                }
            }
        });
    }

    /// Runs `f` with SIGINT, SIGTERM and SIGHUP blocked in this thread (a signal that
    /// comes meanwhile is handled right after).
    pub fn while_blocked<T>(f: impl FnOnce() -> T) -> T {
        let set = signal_set();
        // SAFETY: pthread_sigmask with initialised sets.
        let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
        let blocked = unsafe { libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old) } == 0;
        let result = f();
        if blocked {
            // SAFETY: restores the mask saved above.
            unsafe {
                libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut());
            }
        }
        result
    }

    /// Removes its path from the list when dropped.
    pub struct Guard(Option<usize>);

    /// Lists `path` for removal on a signal, until the guard is dropped.
    pub fn register(path: &Path) -> Guard {
        use std::os::unix::ffi::OsStrExt;
        install();
        let Ok(c) = CString::new(path.as_os_str().as_bytes()) else {
            return Guard(None);
        };
        let p = c.into_raw();
        for (i, slot) in PENDING.iter().enumerate() {
            if slot.compare_exchange(null_mut(), p, SeqCst, SeqCst).is_ok() {
                return Guard(Some(i));
            }
        }
        // SAFETY: `p` came from into_raw above and was stored nowhere.
        drop(unsafe { CString::from_raw(p) });
        Guard(None)
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            let Some(i) = self.0 else { return };
            let p = PENDING[i].swap(null_mut(), SeqCst);
            // A handler that may have read the pointer counted itself first: then the
            // path is left allocated (the process is ending anyway).
            if !p.is_null() && IN_HANDLER.load(SeqCst) == 0 {
                // SAFETY: `p` came from CString::into_raw in `register`, and no handler
                // holds it.
                drop(unsafe { CString::from_raw(p) });
            }
        }
    }
}

#[cfg(not(unix))]
mod cleanup {
    pub struct Guard;
    pub fn while_blocked<T>(f: impl FnOnce() -> T) -> T {
        f()
    }
    pub fn register(_: &std::path::Path) -> Guard {
        Guard
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails as a full device does.
    fn full(w: &mut dyn Write) -> std::io::Result<()> {
        w.write_all(b"some")?;
        Err(std::io::Error::from_raw_os_error(28))
    }

    #[test]
    fn a_failing_write_names_the_file_and_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("out.txt");
        std::fs::write(&path, "before").expect("write");
        let e = write_file_with(&path, full).expect_err("fails");
        let msg = e.to_string();
        assert!(
            msg.contains("out.txt") && msg.contains("No space left"),
            "{msg}"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "before");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["out.txt"], "no temporary file left");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_a_regular_file_stays_a_symlink() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&real, "old").expect("write");
        std::os::unix::fs::symlink("real.txt", &link).expect("symlink");
        write_file(&link, b"new").expect("written");
        assert!(std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).expect("read"), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_creates_its_target() {
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("sub/../real.txt", &link).expect("symlink");
        std::fs::create_dir(dir.path().join("sub")).expect("dir");
        write_file(&link, b"new").expect("written");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("real.txt")).expect("read"),
            "new"
        );
        assert!(std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_link_to_an_input_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let input = dir.path().join("in.txt");
        let other = dir.path().join("other.txt");
        std::fs::write(&input, "text").expect("write");
        std::fs::hard_link(&input, &other).expect("hard link");
        let e = check_output_path(&other, &[&input]).expect_err("refused");
        assert!(matches!(e, OutputError::WouldOverwriteInput(..)), "{e}");
        assert!(e.to_string().contains("in.txt"), "{e}");
        check_output_path(&dir.path().join("new.txt"), &[&input]).expect("a new file is fine");
        check_output_path(Path::new("-"), &[&input]).expect("stdout is fine");
    }

    #[cfg(unix)]
    #[test]
    fn a_socket_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sock = dir.path().join("s.sock");
        let _listener = std::os::unix::net::UnixListener::bind(&sock).expect("bind");
        let e = write_file(&sock, b"x").expect_err("refused");
        assert!(e.to_string().contains("socket"), "{e}");
    }
}
