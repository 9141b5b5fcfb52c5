//! Optional bearer-token auth: `authorization: Bearer <token>` on every call but the
//! health service's.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use tonic::service::Interceptor;
use tonic::{Request, Status};

/// The accepted tokens; none means auth is off.
#[derive(Clone, Default)]
pub struct Auth {
    tokens: Arc<Vec<Vec<u8>>>,
}

impl Auth {
    /// Reads the tokens of `--auth-token-file`: one per line; blank lines and lines
    /// starting with `#` are skipped, so a second token can be added while rotating.
    pub fn from_file(path: &Path) -> anyhow::Result<Auth> {
        let content =
            std::fs::read_to_string(path).with_context(|| format!("cannot read auth token file {}", path.display()))?;
        let tokens: Vec<Vec<u8>> = content
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.as_bytes().to_vec())
            .collect();
        anyhow::ensure!(!tokens.is_empty(), "auth token file {} holds no token", path.display());
        Ok(Auth { tokens: Arc::new(tokens) })
    }

    pub fn is_on(&self) -> bool {
        !self.tokens.is_empty()
    }

    fn accepts(&self, presented: &[u8]) -> bool {
        // Check every token, so the time taken does not tell which one nearly matched.
        self.tokens.iter().fold(false, |ok, token| ok | constant_time_eq(presented, token))
    }
}

impl Interceptor for Auth {
    fn call(&mut self, request: Request<()>) -> Result<Request<()>, Status> {
        if !self.is_on() {
            return Ok(request);
        }
        let presented = request
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.get(..7).filter(|p| p.eq_ignore_ascii_case("bearer ")).map(|_| v[7..].trim()));
        match presented {
            Some(token) if self.accepts(token.as_bytes()) => Ok(request),
            _ => Err(Status::unauthenticated("missing or invalid bearer token")),
        }
    }
}

/// Equality whose time depends only on the length of `expected`.
fn constant_time_eq(presented: &[u8], expected: &[u8]) -> bool {
    let mut diff = u8::from(presented.len() != expected.len());
    for (i, &e) in expected.iter().enumerate() {
        diff |= presented.get(i).copied().unwrap_or(0) ^ e;
    }
    std::hint::black_box(diff) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secre", b"secret"));
        assert!(!constant_time_eq(b"secretx", b"secret"));
        assert!(!constant_time_eq(b"", b"secret"));
        assert!(!constant_time_eq(b"Secret", b"secret"));
    }

    #[test]
    fn interceptor_wants_the_bearer_token() {
        let mut auth = Auth { tokens: Arc::new(vec![b"old".to_vec(), b"new".to_vec()]) };
        let with = |v: &str| {
            let mut r = Request::new(());
            r.metadata_mut().insert("authorization", v.parse().unwrap());
            r
        };
        assert!(auth.call(with("Bearer new")).is_ok());
        assert!(auth.call(with("bearer old")).is_ok());
        assert_eq!(auth.call(with("Bearer nope")).unwrap_err().code(), tonic::Code::Unauthenticated);
        assert_eq!(auth.call(with("Basic new")).unwrap_err().code(), tonic::Code::Unauthenticated);
        assert_eq!(auth.call(Request::new(())).unwrap_err().code(), tonic::Code::Unauthenticated);
        assert!(Auth::default().call(Request::new(())).is_ok());
    }
}
