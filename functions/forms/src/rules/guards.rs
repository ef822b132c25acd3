//! What tells a bot from a person before anything is stored: how long the form was open,
//! measured by the server, and who counts as one sender for the rate limit.
//!
//! The fill time: the form's page asks the server for a token (`GET /submissions/token`),
//! the server's time signed with its secret; the post sends it back and the server compares
//! with its own clock. The visitor's clock is never read, so one that runs ahead (or behind)
//! changes nothing. Without JavaScript the page gets no token: then the fill time is not
//! known, and the honeypot and the rate limit still apply.

use std::net::IpAddr;

use crate::secrets::{keyed, same};

/// How long a fill-time token is good for: a form left open longer is treated as one
/// without a token (its fill time is long enough anyway; a bot replaying an old token
/// learns nothing it could not by sending none).
const TOKEN_LIFE_MS: i64 = 24 * 3600 * 1000;

/// A new fill-time token: the server's time in milliseconds, and its keyed hash.
pub fn fill_token(secret: &[u8], now_ms: i64) -> String {
    format!(
        "{now_ms}.{}",
        &keyed(secret, &format!("fill:{now_ms}"))[..32]
    )
}

/// What a fill-time token says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// No token (no JavaScript), or one older than a day: the fill time is not known.
    Unknown,
    /// The form was open at least the time asked.
    Enough,
    /// Sent back sooner than a person can fill it.
    TooFast,
    /// Not a token this server issued.
    Forged,
}

/// Checks a fill-time token against the server's clock, `min_ms` at least.
pub fn fill_time(secret: &[u8], token: Option<&str>, now_ms: i64, min_ms: i64) -> Fill {
    let Some(token) = token.map(str::trim).filter(|t| !t.is_empty()) else {
        return Fill::Unknown;
    };
    let Some((issued, _)) = token.split_once('.') else {
        return Fill::Forged;
    };
    let Ok(issued_ms) = issued.parse::<i64>() else {
        return Fill::Forged;
    };
    if !same(token, &fill_token(secret, issued_ms)) {
        return Fill::Forged;
    }
    let open = now_ms.saturating_sub(issued_ms);
    if open < min_ms {
        Fill::TooFast
    } else if open > TOKEN_LIFE_MS {
        Fill::Unknown
    } else {
        Fill::Enough
    }
}

/// Who counts as one sender: an IPv4 address, or an IPv6 client's /64 (one household or
/// one machine gets a whole /64 and can pick any address in it).
pub(crate) fn rate_subject(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_tells_the_time_the_server_gave_it() {
        let t = fill_token(b"k", 10_000);
        assert_eq!(fill_time(b"k", Some(&t), 11_000, 3_000), Fill::TooFast);
        assert_eq!(fill_time(b"k", Some(&t), 13_000, 3_000), Fill::Enough);
        assert_eq!(fill_time(b"k", None, 13_000, 3_000), Fill::Unknown);
        assert_eq!(fill_time(b"k", Some(""), 13_000, 3_000), Fill::Unknown);
        assert_eq!(fill_time(b"other", Some(&t), 13_000, 3_000), Fill::Forged);
        assert_eq!(
            fill_time(b"k", Some("9000.abc"), 13_000, 3_000),
            Fill::Forged
        );
        let late = 10_000 + TOKEN_LIFE_MS + 1;
        assert_eq!(fill_time(b"k", Some(&t), late, 3_000), Fill::Unknown);
    }

    #[test]
    fn ipv6_counts_per_64() {
        let a = rate_subject("2001:db8:1:2::1".parse().unwrap());
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(a, rate_subject("2001:db8:1:2:ffff::9".parse().unwrap()));
        assert_ne!(a, rate_subject("2001:db8:1:3::1".parse().unwrap()));
        assert_eq!(rate_subject("::ffff:10.0.0.1".parse().unwrap()), "10.0.0.1");
        assert_eq!(rate_subject("10.0.0.1".parse().unwrap()), "10.0.0.1");
    }
}
