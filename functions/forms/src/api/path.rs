//! Where a request falls: the one translation of a request's path into the path the routes
//! match, for the HTTP API on Lambda and for `portal serve` alike.

/// The path of the `[forms] endpoint` setting: the setting itself when it is a path
/// (`/api`), the path of the URL when it is one (`https://formulaires.example.org/v1` →
/// `/v1`; a URL without a path → ``), without its trailing `/`.
pub fn endpoint_path(endpoint: &str) -> &str {
    let path = match endpoint.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => endpoint,
    };
    path.trim_end_matches('/')
}

/// Whether the site's own server answers the forms: only when the endpoint is a path of the
/// site (same origin), not `/` itself.
pub fn same_origin(endpoint: &str) -> bool {
    endpoint.starts_with('/') && !endpoint_path(endpoint).is_empty()
}

/// The path the routes match: what follows the endpoint's path in `path` (`/api/submissions`
/// → `/submissions`). On an HTTP API stage other than `$default`, the Lambda runtime puts
/// `/{stage}` in front of the path: it is taken off first. `None` when `path` is not under
/// the endpoint.
pub fn route_path<'p>(path: &'p str, endpoint: &str, stage: Option<&str>) -> Option<&'p str> {
    let endpoint = endpoint_path(endpoint);
    let unstaged = stage
        .filter(|s| !s.is_empty() && *s != "$default")
        .and_then(|s| under(path, &format!("/{s}")));
    unstaged
        .and_then(|p| under(p, endpoint))
        .or_else(|| under(path, endpoint))
}

/// The rest of `path` after `prefix`, if `prefix` is a whole number of its segments.
fn under<'p>(path: &'p str, prefix: &str) -> Option<&'p str> {
    let rest = path.strip_prefix(prefix)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_is_a_path_or_the_path_of_a_url() {
        assert_eq!(endpoint_path("/api"), "/api");
        assert_eq!(endpoint_path("/api/"), "/api");
        assert_eq!(endpoint_path("/"), "");
        assert_eq!(endpoint_path("https://formulaires.example.org/v1/"), "/v1");
        assert_eq!(
            endpoint_path("https://abc.execute-api.eu-west-3.amazonaws.com"),
            ""
        );
        assert!(same_origin("/api"));
        assert!(!same_origin("/"));
        assert!(!same_origin("https://formulaires.example.org/api"));
    }

    #[test]
    fn the_routes_see_what_follows_the_endpoint() {
        assert_eq!(
            route_path("/api/submissions", "/api", None),
            Some("/submissions")
        );
        assert_eq!(route_path("/api", "/api/", None), Some(""));
        assert_eq!(route_path("/apis/submissions", "/api", None), None);
        assert_eq!(route_path("/submissions", "/api", None), None);
        assert_eq!(route_path("/index.html", "/api", None), None);
        let url = "https://formulaires.example.org/v1";
        assert_eq!(
            route_path("/v1/submissions", url, None),
            Some("/submissions")
        );
        let bare = "https://abc.execute-api.eu-west-3.amazonaws.com/";
        assert_eq!(route_path("/submissions", bare, None), Some("/submissions"));
    }

    #[test]
    fn a_named_stage_is_taken_off_first() {
        let path = "/prod/api/moderation/submissions";
        assert_eq!(
            route_path(path, "/api", Some("prod")),
            Some("/moderation/submissions")
        );
        assert_eq!(route_path(path, "/api", Some("$default")), None);
        assert_eq!(
            route_path("/api/submissions", "/api", Some("$default")),
            Some("/submissions")
        );
        // The runtime may be told to leave the stage out: the path is then the endpoint's.
        assert_eq!(
            route_path("/api/submissions", "/api", Some("prod")),
            Some("/submissions")
        );
        // A stage named as the endpoint.
        assert_eq!(
            route_path("/api/api/submissions", "/api", Some("api")),
            Some("/submissions")
        );
    }
}
