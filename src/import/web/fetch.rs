//! Fetching a link with a real HTTP client (`ureq`: blocking, rustls, gzip and brotli):
//! connect and total timeouts, redirects followed (the final address recorded), a size
//! limit, and each failure turned into one clear [`FetchError`].

use super::FetchError;
use std::time::Duration;
use ureq::ResponseExt;

/// Largest page fetched or read; bigger ones are refused rather than parsed.
pub const MAX_PAGE_BYTES: u64 = 16 << 20;

/// How links are fetched.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Time to set up the connection (DNS, TCP, TLS).
    pub connect_timeout: Duration,
    /// Time for the whole fetch, redirects and body included.
    pub total_timeout: Duration,
    /// Largest page accepted, after decompression.
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_bytes: MAX_PAGE_BYTES,
        }
    }
}

impl FetchOptions {
    /// Both timeouts capped at `total` (a short `--timeout` also shortens the connect time).
    pub fn with_timeout(total: Duration) -> Self {
        let default = Self::default();
        Self {
            connect_timeout: default.connect_timeout.min(total),
            total_timeout: total,
            ..default
        }
    }
}

/// A page as the server sent it.
#[derive(Clone, Debug)]
pub struct FetchedPage {
    /// The link as given.
    pub url: String,
    /// Where the redirects ended.
    pub final_url: String,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
    /// `charset=` of the `Content-Type` header.
    pub charset: Option<String>,
}

/// Whether an argument is a link rather than a path.
pub fn is_link(arg: &str) -> bool {
    let lower = arg.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetch one page.
pub fn fetch(url: &str, options: &FetchOptions) -> Result<FetchedPage, FetchError> {
    let url = url.trim();
    if !is_link(url) {
        return Err(FetchError::BadUrl { url: url.into() });
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(options.connect_timeout))
        .timeout_global(Some(options.total_timeout))
        .max_redirects(10)
        .http_status_as_error(false)
        .user_agent(concat!("factdesk/", env!("CARGO_PKG_VERSION")))
        .accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
        .build()
        .into();
    let fail = |e: ureq::Error| classify(url, options, e);
    let mut response = agent.get(url).call().map_err(fail)?;
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        return Err(FetchError::Status {
            url: url.into(),
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("error").into(),
        });
    }
    if status.is_redirection() {
        return Err(FetchError::Redirects { url: url.into() });
    }
    let final_url = response.get_uri().to_string();
    let body = response.body();
    let mime = body.mime_type().map(str::to_ascii_lowercase);
    let charset = body.charset().map(str::to_owned);
    if let Some(mime) = mime.as_deref()
        && !matches!(mime, "text/html" | "application/xhtml+xml")
    {
        return Err(FetchError::NotHtml {
            url: url.into(),
            content_type: mime.into(),
        });
    }
    let too_large = || FetchError::TooLarge {
        url: url.into(),
        limit_mb: options.max_bytes >> 20,
    };
    if body
        .content_length()
        .is_some_and(|len| len > options.max_bytes)
    {
        return Err(too_large());
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => too_large(),
            e => fail(e),
        })?;
    Ok(FetchedPage {
        url: url.into(),
        final_url,
        bytes,
        charset,
    })
}

fn classify(url: &str, options: &FetchOptions, e: ureq::Error) -> FetchError {
    let url = url.to_owned();
    match e {
        ureq::Error::Timeout(which) => {
            let (seconds, stage) = match which {
                ureq::Timeout::Connect | ureq::Timeout::Resolve => {
                    (options.connect_timeout, "connecting")
                }
                ureq::Timeout::RecvBody => (options.total_timeout, "reading the page"),
                _ => (options.total_timeout, "waiting for the server"),
            };
            FetchError::Timeout {
                url,
                seconds: seconds.as_secs().max(1),
                stage,
            }
        }
        ureq::Error::HostNotFound => FetchError::HostNotFound { url },
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => FetchError::BadUrl { url },
        ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => {
            FetchError::Redirects { url }
        }
        ureq::Error::Tls(detail) => FetchError::Tls {
            url,
            detail: detail.into(),
        },
        ureq::Error::Rustls(e) => FetchError::Tls {
            url,
            detail: e.to_string(),
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url,
            limit_mb: options.max_bytes >> 20,
        },
        ureq::Error::Io(io) => io_error(url, options, io),
        ureq::Error::ConnectionFailed => FetchError::Connect {
            url,
            detail: "connection failed".into(),
        },
        ureq::Error::Protocol(p) => protocol_error(url, p.to_string()),
        other => FetchError::Other {
            url,
            detail: other.to_string(),
        },
    }
}

fn io_error(url: String, options: &FetchOptions, io: std::io::Error) -> FetchError {
    use std::io::ErrorKind;
    match io.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => FetchError::Timeout {
            url,
            seconds: options.total_timeout.as_secs().max(1),
            stage: "waiting for the server",
        },
        ErrorKind::ConnectionRefused => FetchError::Connect {
            url,
            detail: "connection refused (is the address right?)".into(),
        },
        ErrorKind::NetworkUnreachable | ErrorKind::HostUnreachable => FetchError::Connect {
            url,
            detail: "no network".into(),
        },
        _ => {
            // rustls reports handshake failures through io errors wrapping its own.
            let detail = io.to_string();
            let lower = detail.to_ascii_lowercase();
            if lower.contains("lookup address") || lower.contains("name or service not known") {
                FetchError::HostNotFound { url }
            } else if looks_tls(&detail) {
                FetchError::Tls { url, detail }
            } else {
                FetchError::Connect { url, detail }
            }
        }
    }
}

fn looks_tls(detail: &str) -> bool {
    let d = detail.to_ascii_lowercase();
    [
        "tls",
        "certificate",
        "handshake",
        "corrupt message",
        "alert",
    ]
    .iter()
    .any(|w| d.contains(w))
}

fn protocol_error(url: String, detail: String) -> FetchError {
    FetchError::Other {
        url,
        detail: format!("the server's answer is not valid HTTP ({detail})"),
    }
}
