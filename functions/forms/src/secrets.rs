//! Tokens, receipts and keyed hashes. Secrets are compared in constant time, and only hashes
//! of moderator tokens are stored.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    bytes
}

/// `bytes` in lowercase hexadecimal, two digits each.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new moderator token, shown once: 256 random bits.
pub fn new_token() -> String {
    format!("mod_{}", hex(&random_bytes::<32>()))
}

/// What is stored of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A keyed hash: the same input gives the same value only with the same secret.
pub fn keyed(secret: &[u8], message: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("any key length works");
    mac.update(message.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// The receipt of a submission: derived from its id with the secret, so nothing needs to
/// be stored to check it, and only the submitter (who got it) can read the status.
pub fn receipt(secret: &[u8], id: &str) -> String {
    keyed(secret, &format!("receipt:{id}"))[..32].to_string()
}

/// Compares two secrets without leaking where they differ through timing.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_depend_on_the_secret_and_the_id() {
        let r = receipt(b"k1", "a");
        assert_eq!(r.len(), 32);
        assert_eq!(r, receipt(b"k1", "a"));
        assert_ne!(r, receipt(b"k2", "a"));
        assert_ne!(r, receipt(b"k1", "b"));
        assert!(same(&r, &receipt(b"k1", "a")));
        assert!(!same(&r, &receipt(b"k1", "b")));
        assert!(!same(&r, "court"));
    }

    #[test]
    fn tokens_are_long_and_hashed() {
        let t = new_token();
        assert_eq!(t.len(), 68);
        assert_ne!(t, new_token());
        assert_eq!(token_hash(&t).len(), 64);
        assert_ne!(token_hash(&t), t);
    }
}
