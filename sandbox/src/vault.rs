//! Card data at rest: AES-256-GCM with a random nonce per value and the owning token as
//! associated data, so a ciphertext cannot be moved to another row. Also the keyed hash used
//! to compare requests for idempotency without storing them.

use std::path::Path;

use aes_gcm::aead::{Aead, KeyInit, OsRng, Payload};
use aes_gcm::{AeadCore, Aes256Gcm, Key, Nonce};
use anyhow::{bail, Context};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Encrypts and decrypts card data with the sandbox's key.
#[derive(Clone)]
pub struct Vault {
    cipher: Aes256Gcm,
    hash_key: [u8; 32],
}

const NONCE_LEN: usize = 12;

impl Vault {
    /// Uses `key_b64` when given, else the key file in `data_dir`, creating it (owner-only) on
    /// first use.
    pub fn load(key_b64: Option<&str>, data_dir: &Path) -> anyhow::Result<Self> {
        let key = match key_b64 {
            Some(k) => B64.decode(k.trim()).context("card key is not Base64")?,
            None => load_or_create_key_file(&data_dir.join("card.key"))?,
        };
        if key.len() != 32 {
            bail!("card key must be 32 bytes, got {}", key.len());
        }
        let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key));
        // A separate key for hashing, derived so one secret configures both.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key).context("hmac key")?;
        mac.update(b"checkout-sandbox request hash");
        let hash_key = mac.finalize().into_bytes().into();
        Ok(Self { cipher, hash_key })
    }

    /// Encrypts `plain`, bound to `owner` (a token or vaulted token).
    pub fn seal(&self, owner: &str, plain: &[u8]) -> anyhow::Result<Vec<u8>> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
        let ct = self
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plain,
                    aad: owner.as_bytes(),
                },
            )
            .map_err(|_| anyhow::anyhow!("encryption failed"))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(out)
    }

    /// Decrypts what [`Vault::seal`] produced for the same `owner`.
    pub fn open(&self, owner: &str, sealed: &[u8]) -> anyhow::Result<Vec<u8>> {
        if sealed.len() < NONCE_LEN {
            bail!("sealed value too short");
        }
        let (nonce, ct) = sealed.split_at(NONCE_LEN);
        self.cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ct,
                    aad: owner.as_bytes(),
                },
            )
            .map_err(|_| anyhow::anyhow!("card data could not be decrypted (wrong key?)"))
    }

    /// A keyed hash of a request body: equal bodies compare equal, and the hash reveals nothing
    /// about a card number inside.
    pub fn request_hash(&self, body: &[u8]) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.hash_key).expect("any key length");
        mac.update(body);
        B64.encode(mac.finalize().into_bytes())
    }
}

fn load_or_create_key_file(path: &Path) -> anyhow::Result<Vec<u8>> {
    if path.exists() {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        return B64
            .decode(text.trim())
            .context("card key file is not Base64");
    }
    let key = Aes256Gcm::generate_key(&mut OsRng).to_vec();
    write_owner_only(path, B64.encode(&key).as_bytes())?;
    Ok(key)
}

fn write_owner_only(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(bytes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_round_trip_and_binding() {
        let dir = std::env::temp_dir().join(format!("vault-test-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let vault = Vault::load(None, &dir).unwrap();
        let sealed = vault.seal("tok_a", b"secret").unwrap();
        assert_eq!(vault.open("tok_a", &sealed).unwrap(), b"secret");
        assert!(vault.open("tok_b", &sealed).is_err(), "bound to its owner");
        // The key file is reused and owner-only.
        let again = Vault::load(None, &dir).unwrap();
        assert_eq!(again.open("tok_a", &sealed).unwrap(), b"secret");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join("card.key"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(vault.request_hash(b"x"), again.request_hash(b"x"));
        assert_ne!(vault.request_hash(b"x"), vault.request_hash(b"y"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
