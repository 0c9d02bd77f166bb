// A real SMTP server for tests: Python's aiosmtpd on 127.0.0.1 writing to a Maildir
// (`server.py`), and the messages read back with Python's `email` package (`read.py`).
// Included by the integration tests and the app's own tests (`include!`), so both start
// and read it the same way.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// [`python`], or `None` having said that the test is skipped and why.
pub fn python_or_skip() -> Option<PathBuf> {
    let found = python();
    if found.is_none() {
        eprintln!("skipped: no Python with aiosmtpd (apt-get install python3-aiosmtpd)");
    }
    found
}

/// The Python that has aiosmtpd: Debian's, else whatever `python3` is.
pub fn python() -> Option<PathBuf> {
    ["/usr/bin/python3", "python3"]
        .into_iter()
        .map(PathBuf::from)
        .find(|python| {
            Command::new(python)
                .args(["-c", "import aiosmtpd"])
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

pub fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/smtp")
        .join(name)
}

/// A test SMTP server; killed when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    pub fn start(python: &Path, maildir: &Path) -> Server {
        Server::spawn(Command::new(python).arg(script("server.py")).arg(maildir))
    }

    /// A server that takes only the login `user` with `password`.
    pub fn with_login(python: &Path, maildir: &Path, user: &str, password: &str) -> Server {
        Server::spawn(
            Command::new(python)
                .arg(script("server.py"))
                .arg(maildir)
                .arg(format!("{user}:{password}")),
        )
    }

    fn spawn(command: &mut Command) -> Server {
        let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        Server {
            child,
            port: line.trim().parse().unwrap(),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The messages in `maildir`, as `tests/smtp/read.py` reads them.
pub fn messages(python: &Path, maildir: &Path) -> Vec<Value> {
    let out = Command::new(python)
        .arg(script("read.py"))
        .arg(maildir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}
