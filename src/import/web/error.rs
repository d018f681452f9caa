//! Why a link or a saved page could not be brought in: one line each, naming the link or
//! file, saying what happened and, where there is one, what to do.

/// Fetching a link failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not a link factdesk can fetch (only http:// and https://)")]
    BadUrl { url: String },
    #[error("{url}: the server answered {status} {reason}")]
    Status {
        url: String,
        status: u16,
        reason: String,
    },
    #[error(
        "{url}: this link is {content_type}, not a web page; save it and import its text instead"
    )]
    NotHtml { url: String, content_type: String },
    #[error("{url}: the page is larger than {limit_mb} MB, not imported")]
    TooLarge { url: String, limit_mb: u64 },
    #[error("{url}: no answer within {seconds} s ({stage}); try again later or raise --timeout")]
    Timeout {
        url: String,
        seconds: u64,
        stage: &'static str,
    },
    #[error("{url}: host not found (no network, or a mistyped address)")]
    HostNotFound { url: String },
    #[error("{url}: cannot connect: {detail}")]
    Connect { url: String, detail: String },
    #[error("{url}: secure connection (TLS) failed: {detail}")]
    Tls { url: String, detail: String },
    #[error("{url}: too many redirects")]
    Redirects { url: String },
    #[error("{url}: {detail}")]
    Other { url: String, detail: String },
}

/// A page was read but holds no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{page}: does not look like a web page (binary data); only HTML pages can be imported")]
    Binary { page: String },
    #[error(
        "{page}: looks like a section front or index ({headlines} headline links), not an article; open one story and import its link"
    )]
    NotAnArticle { page: String, headlines: usize },
    #[error("{page}: no article text found in the page")]
    NoText { page: String },
}

/// Keeping a raw page beside the project failed.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot keep the page: {source}", path.display())]
pub struct KeepError {
    pub path: std::path::PathBuf,
    pub source: std::io::Error,
}
