//! Callback URLs: where the sandbox sends webhooks and where the bank's page sends the shopper
//! back. The sandbox makes requests to them, so they must not point it at the machine it runs
//! on or at a private network (server-side request forgery): loopback, private, link-local
//! and unspecified addresses are refused, at creation by their literal host, and at delivery
//! by what a name resolves to, unless the sandbox was started with `--allow-private-callbacks`
//! (its tests and the demo, whose merchant listens on loopback).

use std::net::{IpAddr, SocketAddr};

use reqwest::Url;

use crate::error::{ApiError, ApiResult};

/// The longest callback URL taken.
pub const MAX_LEN: usize = 2048;

/// Checks `url` (the request's field `field`): http(s), a host, no credentials, at most
/// [`MAX_LEN`] characters, and no private host unless `allow_private`. Answers it as parsed
/// (normalised: what is stored and followed).
pub fn check(url: &str, field: &str, allow_private: bool) -> ApiResult<String> {
    if url.len() > MAX_LEN {
        return Err(ApiError::invalid(field, "must be at most 2048 characters"));
    }
    let parsed = Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
    match parsed {
        None => Err(ApiError::invalid(field, "must be an http(s) URL")),
        Some(u) if !u.username().is_empty() || u.password().is_some() => Err(ApiError::invalid(
            field,
            "must not carry a user name or password",
        )),
        Some(u) if !allow_private && private_host(&u) => Err(ApiError::invalid(
            field,
            "must not point at a loopback or private address \
             (start the sandbox with --allow-private-callbacks to allow it)",
        )),
        Some(u) => Ok(u.into()),
    }
}

/// Whether `url`'s host is `localhost` or a loopback, private or link-local address literal.
pub fn private_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost")
        }
        Some(url::Host::Ipv4(ip)) => private_ip(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => private_ip(IpAddr::V6(ip)),
        None => true,
    }
}

/// Loopback, private (RFC 1918, shared 100.64/10, unique local fc00::/7), link-local,
/// unspecified, multicast and broadcast addresses, IPv4-mapped ones included.
pub fn private_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_multicast()
                || v4.is_broadcast()
                || (a == 100 && (64..128).contains(&b))
                || a == 0
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => private_ip(IpAddr::V4(v4)),
            None => {
                let first = v6.segments()[0];
                v6.is_loopback()
                    || v6.is_unspecified()
                    || v6.is_multicast()
                    || (first & 0xfe00) == 0xfc00
                    || (first & 0xffc0) == 0xfe80
            }
        },
    }
}

/// A resolver for webhook delivery that drops private addresses, so a public name that
/// resolves to one (or is made to, later) cannot reach inside.
pub struct PublicOnly;

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| !private_ip(a.ip()))
                .collect();
            if found.is_empty() {
                return Err("the name resolves only to private addresses".into());
            }
            Ok(Box::new(found.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_hosts_need_the_flag() {
        for url in [
            "http://127.0.0.1:8788/webhooks",
            "http://localhost/x",
            "http://api.localhost/x",
            "http://10.1.2.3/x",
            "http://172.16.0.1/x",
            "http://192.168.1.1/x",
            "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/x",
            "http://0.0.0.0/x",
            "http://[::1]/x",
            "http://[fd00::1]/x",
            "http://[fe80::1]/x",
            "http://[::ffff:127.0.0.1]/x",
            "http://2130706433/x",
        ] {
            let e = check(url, "callback_url", false).unwrap_err();
            assert_eq!(e.field.as_deref(), Some("callback_url"), "{url}");
            assert!(check(url, "callback_url", true).is_ok(), "{url}");
        }
        for url in [
            "https://shop.example/return",
            "http://8.8.8.8/x",
            "https://[2001:db8::1]/x",
        ] {
            assert!(check(url, "callback_url", false).is_ok(), "{url}");
        }
    }

    #[test]
    fn credentials_schemes_and_length_are_refused_whatever_the_flag() {
        for url in [
            "https://user:pw@shop.example/",
            "ftp://shop.example/",
            "javascript:alert(1)",
            &format!("https://shop.example/{}", "a".repeat(2048)),
        ] {
            assert!(check(url, "callback_url", true).is_err(), "{url}");
        }
    }
}
