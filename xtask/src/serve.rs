//! A static file server on loopback (`www/dist` for people, the package folder too for tests): enough for the calculator and the
//! browser tests, with the MIME type browsers need to stream-compile `.wasm`.

use std::{
    fs,
    path::{Component, Path, PathBuf},
    sync::Arc,
    thread::JoinHandle,
};

use anyhow::anyhow;
use tiny_http::{Header, Request, Response, Server};

use crate::build::site_dir;

/// Serves `www/dist` on `127.0.0.1:port` until Ctrl-C.
pub fn until_interrupted(port: u16) -> anyhow::Result<()> {
    let running = Running::start(site_dir(), port)?;
    println!(
        "gpuecon calculator: http://127.0.0.1:{}/  (Ctrl-C stops)",
        running.port
    );
    let server = Arc::clone(&running.server);
    ctrlc::set_handler(move || server.unblock())?;
    running.wait();
    println!("\nstopped");
    Ok(())
}

/// A server running on a background thread.
pub struct Running {
    /// The port it listens on (useful when started on port 0).
    pub port: u16,
    server: Arc<Server>,
    thread: JoinHandle<()>,
}

impl Running {
    /// Starts serving `dir` on `127.0.0.1:port` (0 picks a free port).
    pub fn start(dir: PathBuf, port: u16) -> anyhow::Result<Self> {
        if !dir.is_dir() {
            anyhow::bail!("{} is missing: run `cargo xtask build`", dir.display());
        }
        let server = Arc::new(
            Server::http(("127.0.0.1", port)).map_err(|e| anyhow!("127.0.0.1:{port}: {e}"))?,
        );
        let port = server
            .server_addr()
            .to_ip()
            .map_or(port, |addr| addr.port());
        let incoming = Arc::clone(&server);
        let thread = std::thread::spawn(move || {
            for request in incoming.incoming_requests() {
                respond(&dir, request);
            }
        });
        Ok(Self {
            port,
            server,
            thread,
        })
    }

    /// Stops accepting requests and waits for the server thread.
    pub fn stop(self) {
        self.server.unblock();
        self.wait();
    }

    fn wait(self) {
        // The thread ends when the server is unblocked; a panic there is already reported.
        let _ = self.thread.join();
    }
}

fn respond(dir: &Path, request: Request) {
    let response = match resolve(dir, request.url()) {
        Some(path) => match fs::read(&path) {
            Ok(body) => Response::from_data(body).with_header(content_type(&path)),
            Err(_) => not_found(),
        },
        None => not_found(),
    };
    // A client that went away is not the server's problem.
    let _ = request.respond(response);
}

fn not_found() -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string("not found").with_status_code(404)
}

/// Maps a URL path to a file below `dir`, refusing anything that would climb out of it.
fn resolve(dir: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let file = dir.join(relative);
    if file.is_dir() {
        Some(file.join("index.html"))
    } else {
        Some(file)
    }
}

fn content_type(path: &Path) -> Header {
    let mime = match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    };
    Header::from_bytes("Content-Type", mime).expect("constant ASCII headers are valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_leave_the_site() {
        let dir = Path::new("/srv/site");
        assert_eq!(resolve(dir, "/../etc/passwd"), None);
        assert_eq!(resolve(dir, "/a/../../b"), None);
        assert_eq!(resolve(dir, "/app.js?v=1"), Some(dir.join("app.js")));
    }
}
