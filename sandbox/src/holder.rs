//! The card holder's name is card data: it is stored only sealed. Tokens keep it inside their
//! sealed card; a payment keeps it in its own sealed column (bound to the payment's id), and
//! its stored JSON, like the webhook queue's copy of it, carries no `holder_name`. What the
//! merchant reads (the payment's answers and webhooks) gets it back, opened, at the one place
//! Yuno's payment has it: `payment_method.card_data.holder_name`.

use serde_json::Value;

use crate::vault::Vault;

/// Removes the holder name from a payment's JSON; answers it.
pub fn take(payment: &mut Value) -> Option<String> {
    let card_data = payment
        .get_mut("payment_method")?
        .get_mut("card_data")?
        .as_object_mut()?;
    match card_data.remove("holder_name")? {
        Value::String(name) => Some(name),
        _ => None,
    }
}

/// Seals `name` for the payment `payment_id`.
pub fn seal(vault: &Vault, payment_id: &str, name: &str) -> anyhow::Result<Vec<u8>> {
    vault.seal(payment_id, name.as_bytes())
}

/// The payment `payment` (its stored JSON) as the merchant reads it: with the holder name
/// opened from `sealed` into its card data. A name that cannot be opened is left out (logged):
/// the payment still reads.
pub fn merchant_view(vault: &Vault, mut payment: Value, sealed: Option<&[u8]>) -> Value {
    let (Some(sealed), Some(id)) = (sealed, payment["id"].as_str().map(str::to_owned)) else {
        return payment;
    };
    let name = vault
        .open(&id, sealed)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok());
    match (name, payment["payment_method"]["card_data"].as_object_mut()) {
        (Some(name), Some(card_data)) => {
            card_data.insert("holder_name".into(), Value::String(name));
        }
        (None, _) => tracing::warn!(payment = %id, "a holder name could not be opened"),
        _ => {}
    }
    payment
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn taken_sealed_and_given_back_only_with_the_right_payment() {
        let dir = tempfile::tempdir().unwrap();
        let vault = Vault::load(None, dir.path()).unwrap();
        let mut p = json!({"id": "p1", "payment_method": {"card_data": {"lfd": "1111", "holder_name": "Ana Souza"}}});
        let name = take(&mut p).unwrap();
        assert!(!p.to_string().contains("Ana"), "{p}");
        let sealed = seal(&vault, "p1", &name).unwrap();
        assert!(!sealed.windows(3).any(|w| w == b"Ana"));
        let back = merchant_view(&vault, p.clone(), Some(&sealed));
        assert_eq!(
            back["payment_method"]["card_data"]["holder_name"],
            "Ana Souza"
        );
        // Moved to another payment, it does not open.
        let mut other = p.clone();
        other["id"] = json!("p2");
        let moved = merchant_view(&vault, other, Some(&sealed));
        assert!(moved["payment_method"]["card_data"]
            .get("holder_name")
            .is_none());
        assert_eq!(take(&mut json!({"payment_method": {}})), None);
    }
}
