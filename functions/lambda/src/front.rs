//! CloudFront in front of the HTTP API: which requests came through it, and whose address
//! the rate limit counts.

use std::net::IpAddr;

use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use portal_forms::api::json_response;

/// The header CloudFront adds to every request it sends to the HTTP API (the template's
/// `OriginCustomHeaders`), with a value that only CloudFront and the functions know.
pub const ORIGIN_HEADER: &str = "x-origin-verify";
/// The header CloudFront sets to the visitor's address and port (`203.0.113.7:52144`,
/// `2001:db8::1:52144`), forwarded by the `AllViewerExceptHostHeader` origin request policy.
pub const VIEWER_ADDRESS_HEADER: &str = "cloudfront-viewer-address";

/// How requests reach the functions.
///
/// With no secret (tests, a bare HTTP API), every request is answered and the visitor's
/// address is the HTTP API's `sourceIp`. With `PORTAL_ORIGIN_SECRET` set (the template sets
/// it), the functions are behind CloudFront: a request without the secret in
/// [`ORIGIN_HEADER`] did not come through CloudFront (someone calling the HTTP API's own
/// address, around the site's security headers) and gets `403`; the visitor's address,
/// which the rate limit counts, is the one CloudFront gives in [`VIEWER_ADDRESS_HEADER`],
/// since `sourceIp` is then CloudFront's own (every visitor near one edge would share one
/// limit).
#[derive(Clone, Debug, Default)]
pub struct Front {
    /// The value CloudFront sends in [`ORIGIN_HEADER`]; none: not behind CloudFront.
    pub origin_secret: Option<String>,
}

impl Front {
    /// `PORTAL_ORIGIN_SECRET`, when set and not empty.
    pub fn from_env() -> Front {
        Front {
            origin_secret: std::env::var("PORTAL_ORIGIN_SECRET")
                .ok()
                .filter(|s| !s.is_empty()),
        }
    }
}

/// The address in a `CloudFront-Viewer-Address` value (`IP:port`, IPv6 unbracketed or not).
pub fn viewer_address(headers: &HeaderMap) -> Option<IpAddr> {
    let value = headers.get(VIEWER_ADDRESS_HEADER)?.to_str().ok()?.trim();
    let (ip, port) = value.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    ip.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

impl Front {
    /// Lets a request through, with the visitor's address it tells (CloudFront's, else the
    /// HTTP API's `source_ip`), or refuses it: it did not come through CloudFront. The
    /// secret header is taken off before the request goes further.
    pub fn admit(
        &self,
        headers: &mut HeaderMap,
        source_ip: Option<IpAddr>,
    ) -> Result<Option<IpAddr>, Direct> {
        let Some(secret) = &self.origin_secret else {
            return Ok(source_ip);
        };
        let given = headers
            .get(ORIGIN_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !portal_forms::secrets::same(given, secret) {
            return Err(Direct);
        }
        headers.remove(ORIGIN_HEADER);
        Ok(viewer_address(headers).or(source_ip))
    }
}

/// A request that went to the HTTP API's own address, around CloudFront.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Direct;

impl Direct {
    /// `403`, saying where to go.
    pub fn response(self) -> http::Response<Bytes> {
        json_response(
            StatusCode::FORBIDDEN,
            &serde_json::json!({
                "error": "accès direct refusé : passez par l'adresse du site"
            }),
        )
    }
}
