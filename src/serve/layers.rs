//! Tower layer around every call: deadlines and the per-request timeout, the concurrency
//! limit (health checks exempt), and clear RESOURCE_EXHAUSTED errors for messages over the
//! size limit.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::sync::Semaphore;
use tonic::body::Body;
use tonic::codegen::http::{self, HeaderMap, HeaderValue};
use tonic::{Code, Status};
use tower::{Layer, Service, ServiceExt};

/// Bounds each call by the client's deadline (`grpc-timeout`) and the server's request
/// timeout, whichever is shorter, holds one of the server's concurrency permits while the
/// call runs, and rewrites tonic's "message too large" errors.
///
/// The bound covers the time until the response starts: a unary call, an Aggregate call
/// (which answers once every document is in), the wait for a concurrency permit. The
/// response stream of ExtractStream is not cut (nor does it hold a permit).
///
/// Health checks (`grpc.health.v1.Health`) take no permit: probes answer however busy the
/// server is.
#[derive(Clone)]
pub struct CallLayer {
    timeout: Duration,
    permits: Arc<Semaphore>,
}

impl CallLayer {
    /// `concurrency_limit` calls at most run at once (health checks aside); the others wait
    /// for a permit within their deadline.
    pub fn new(timeout: Duration, concurrency_limit: usize) -> CallLayer {
        CallLayer { timeout, permits: Arc::new(Semaphore::new(concurrency_limit.clamp(1, Semaphore::MAX_PERMITS))) }
    }
}

impl<S> Layer<S> for CallLayer {
    type Service = CallService<S>;

    fn layer(&self, inner: S) -> CallService<S> {
        CallService { inner, timeout: self.timeout, permits: self.permits.clone() }
    }
}

#[derive(Clone)]
pub struct CallService<S> {
    inner: S,
    timeout: Duration,
    permits: Arc<Semaphore>,
}

/// Calls that never wait for a concurrency permit.
fn exempt(path: &str) -> bool {
    path.starts_with("/grpc.health.v1.Health/")
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, B> Service<http::Request<B>> for CallService<S>
where
    S: Service<http::Request<B>, Response = http::Response<Body>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    B: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = BoxFuture<Result<http::Response<Body>, S::Error>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        // Readiness (a concurrency permit) is awaited inside the call, under its deadline.
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let clone = self.inner.clone();
        let inner = std::mem::replace(&mut self.inner, clone);
        let client = grpc_timeout(request.headers());
        let limit = client.map_or(self.timeout, |c| c.min(self.timeout));
        let by_client = client.is_some_and(|c| c <= self.timeout);
        let permits = (!exempt(request.uri().path())).then(|| self.permits.clone());
        let call = async move {
            // The permit is held until the response starts, as tower's concurrency limit does.
            let _permit = match permits {
                Some(permits) => Some(permits.acquire_owned().await.expect("the semaphore is never closed")),
                None => None,
            };
            inner.oneshot(request).await
        };
        Box::pin(async move {
            match tokio::time::timeout(limit, call).await {
                Ok(Ok(mut response)) => {
                    rewrite_too_large(response.headers_mut());
                    Ok(response)
                }
                Ok(Err(e)) => Err(e),
                Err(_) => {
                    let what = if by_client { "the call's deadline" } else { "the server's request timeout" };
                    let status = Status::deadline_exceeded(format!(
                        "{what} of {} ms passed before the answer (--request-timeout-ms for the server's)",
                        limit.as_millis()
                    ));
                    Ok(status.into_http())
                }
            }
        })
    }
}

/// Parses a `grpc-timeout` header: up to 8 digits and a unit (H, M, S, m, u, n).
pub fn grpc_timeout(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get("grpc-timeout")?.to_str().ok()?;
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

/// tonic reports a request message over `max_decoding_message_size` as OUT_OF_RANGE;
/// the API promises RESOURCE_EXHAUSTED naming the limit and the size.
pub fn too_large(status: &Status) -> Option<Status> {
    if status.code() != Code::OutOfRange {
        return None;
    }
    too_large_message(status.message()).map(Status::resource_exhausted)
}

fn too_large_message(message: &str) -> Option<String> {
    let rest = message.strip_prefix("Error, decoded message length too large: found ")?;
    let (found, rest) = rest.split_once(" bytes, the limit is: ")?;
    let limit = rest.strip_suffix(" bytes")?;
    Some(format!(
        "request message is {found} bytes, over the maximum message size of {limit} bytes (--max-message-bytes)"
    ))
}

/// The same rewrite on a trailers-only response (unary calls fail before the handler).
fn rewrite_too_large(headers: &mut HeaderMap) {
    if headers.get("grpc-status").map(HeaderValue::as_bytes) != Some(b"11") {
        return;
    }
    let Some(message) = headers.get("grpc-message").and_then(|v| v.to_str().ok()).map(percent_decode) else {
        return;
    };
    if let Some(rewritten) = too_large_message(&message) {
        if let Ok(value) = HeaderValue::from_str(&rewritten) {
            headers.insert("grpc-status", HeaderValue::from_static("8"));
            headers.insert("grpc-message", value);
        }
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_parse() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert("grpc-timeout", v.parse().unwrap());
            grpc_timeout(&m)
        };
        assert_eq!(h("100m"), Some(Duration::from_millis(100)));
        assert_eq!(h("2S"), Some(Duration::from_secs(2)));
        assert_eq!(h("5u"), Some(Duration::from_micros(5)));
        assert_eq!(h("m"), None);
        assert_eq!(h("123456789S"), None);
        assert_eq!(h("10x"), None);
    }

    #[test]
    fn too_large_is_rewritten() {
        let tonic = "Error, decoded message length too large: found 40 bytes, the limit is: 32 bytes";
        let s = too_large(&Status::out_of_range(tonic)).unwrap();
        assert_eq!(s.code(), Code::ResourceExhausted);
        assert!(s.message().contains("40 bytes") && s.message().contains("32 bytes"), "{}", s.message());
        let mut headers = HeaderMap::new();
        headers.insert("grpc-status", HeaderValue::from_static("11"));
        headers.insert("grpc-message", tonic.replace(' ', "%20").replace(',', "%2C").parse().unwrap());
        rewrite_too_large(&mut headers);
        assert_eq!(headers["grpc-status"], "8");
        assert!(headers["grpc-message"].to_str().unwrap().contains("maximum message size of 32 bytes"));
        assert!(too_large(&Status::out_of_range("other")).is_none());
    }
}
