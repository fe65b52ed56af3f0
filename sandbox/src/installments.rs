//! Installment plans (parcelas, meses sin intereses, cuotas): the sandbox's default plan per
//! country, or the plans of a JSON file (`--installments-file`), each in Yuno's installments
//! plan shape; which plan a card and a session get, and what each option costs.
//!
//! A plan applies to a country, optionally to some brands, IIN prefixes and an amount range;
//! the first plan that matches a card is the card's. An option's `rate` multiplies the amount
//! (1 is interest-free): the payment's amount stays the session's, the total is what the
//! shopper's bank charges over the installments.

use std::path::Path;

use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// One option of a plan (Yuno's `installments_plan[]`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct PlanOption {
    /// The number of monthly installments.
    pub installment: u32,
    /// The multiplier on the amount (1: interest-free; 1.2: 20 % more in all).
    #[serde(default = "interest_free")]
    pub rate: f64,
}

fn interest_free() -> f64 {
    1.0
}

/// The amounts a plan is for (Yuno's `amount`).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct PlanAmount {
    pub currency: String,
    #[serde(default)]
    pub min_value: Option<f64>,
    #[serde(default)]
    pub max_value: Option<f64>,
}

/// An installment plan: the fields of Yuno's shape the sandbox uses.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub country_code: String,
    pub installments_plan: Vec<PlanOption>,
    /// Brands it is for (`VISA`…); none or empty: any.
    #[serde(default)]
    pub brand: Option<Vec<String>>,
    /// IIN prefixes it is for; none or empty: any.
    #[serde(default)]
    pub iin: Option<Vec<String>>,
    #[serde(default)]
    pub amount: Option<PlanAmount>,
}

/// What a card may be paid in: the plan's id and its options, priced.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub plan_id: String,
    pub options: Vec<Priced>,
}

/// One priced option.
#[derive(Clone, Debug, PartialEq)]
pub struct Priced {
    pub installment: u32,
    pub rate: f64,
    /// Each installment, in the currency's minor units, rounded up: the last one pays what
    /// is left, so that together they pay `total_minor` exactly.
    pub value_minor: i64,
    /// All installments together, in minor units.
    pub total_minor: i64,
}

/// Every plan the sandbox knows, in the order they are tried.
pub struct Plans(Vec<Plan>);

/// The most installments a plan may offer, and the highest rate it may charge.
const MAX_INSTALLMENTS: u32 = 48;
const MAX_RATE: f64 = 3.0;

impl Plans {
    /// One plan per country, like what acquirers there offer a merchant by default.
    pub fn defaults() -> Self {
        let plan = |country: &str, options: &[(u32, f64)]| Plan {
            id: format!("sandbox-{}", country.to_ascii_lowercase()),
            name: format!("Sandbox default ({country})"),
            country_code: country.into(),
            installments_plan: options
                .iter()
                .map(|&(installment, rate)| PlanOption { installment, rate })
                .collect(),
            brand: None,
            iin: None,
            amount: None,
        };
        Plans(vec![
            // Parcelas: sem juros up to 3, then with interest.
            plan(
                "BR",
                &[(1, 1.0), (2, 1.0), (3, 1.0), (6, 1.0799), (12, 1.1699)],
            ),
            // Meses sin intereses.
            plan("MX", &[(1, 1.0), (3, 1.0), (6, 1.0), (9, 1.0), (12, 1.0)]),
            // Cuotas: interest-bearing beyond 3.
            plan("AR", &[(1, 1.0), (3, 1.0), (6, 1.2), (12, 1.45)]),
            plan(
                "CO",
                &[
                    (1, 1.0),
                    (3, 1.0),
                    (6, 1.0),
                    (12, 1.0),
                    (24, 1.0),
                    (36, 1.0),
                ],
            ),
            plan("CL", &[(1, 1.0), (3, 1.0), (6, 1.0), (12, 1.0)]),
            plan("PE", &[(1, 1.0), (3, 1.0), (6, 1.0), (12, 1.0)]),
        ])
    }

    /// The plans of a JSON file: an array of plans in Yuno's shape (each with an `id`).
    pub fn from_file(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading installment plans {}", path.display()))?;
        let plans: Vec<Plan> = serde_json::from_str(&text)
            .with_context(|| format!("parsing installment plans {}", path.display()))?;
        for p in &plans {
            check(p)
                .with_context(|| format!("installment plan {:?} in {}", p.id, path.display()))?;
        }
        Ok(Plans(plans))
    }

    /// What a card with `iin` (6–8 digits) and `brand` may be paid in for `amount` in
    /// `currency` in `country`, if a plan matches. `exponent`: the currency's minor units.
    pub fn offer(
        &self,
        country: &str,
        currency: &str,
        amount: f64,
        exponent: u32,
        brand: Option<&str>,
        iin: &str,
    ) -> Option<Offer> {
        let plan = self.0.iter().find(|p| {
            p.country_code.eq_ignore_ascii_case(country)
                && p.brand.as_deref().is_none_or(|list| {
                    list.is_empty() || brand.is_some_and(|b| list.iter().any(|x| x == b))
                })
                && p.iin.as_deref().is_none_or(|list| {
                    list.is_empty() || list.iter().any(|prefix| iin.starts_with(prefix.as_str()))
                })
                && p.amount.as_ref().is_none_or(|a| {
                    a.currency == currency
                        && a.min_value.is_none_or(|min| amount >= min)
                        && a.max_value.is_none_or(|max| amount <= max)
                })
        })?;
        let scale = 10f64.powi(exponent as i32);
        let amount_minor = (amount * scale).round() as i64;
        let mut options: Vec<Priced> = plan
            .installments_plan
            .iter()
            .map(|o| {
                let total_minor = (amount_minor as f64 * o.rate).round() as i64;
                let n = i64::from(o.installment.max(1));
                Priced {
                    installment: o.installment,
                    rate: o.rate,
                    // Rounded up, as issuers do: n installments never pay less than the total.
                    value_minor: (total_minor + n - 1) / n,
                    total_minor,
                }
            })
            .collect();
        // A single payment is always an option, at the amount itself.
        if !options.iter().any(|o| o.installment == 1) {
            options.insert(
                0,
                Priced {
                    installment: 1,
                    rate: 1.0,
                    value_minor: amount_minor,
                    total_minor: amount_minor,
                },
            );
        }
        options.sort_by_key(|o| o.installment);
        Some(Offer {
            plan_id: plan.id.clone(),
            options,
        })
    }
}

/// A plan a file gives must make sense: a country code, options from 1 to 48 installments
/// once each, rates from 1 to 3.
fn check(p: &Plan) -> anyhow::Result<()> {
    if p.id.is_empty() || p.id.len() > 255 {
        bail!("`id` must be 1 to 255 characters");
    }
    if !checkout_iso::is_country(&p.country_code) {
        bail!("`country_code` must be an ISO 3166-1 alpha-2 code");
    }
    if p.installments_plan.is_empty() {
        bail!("`installments_plan` must list at least one option");
    }
    let mut seen = Vec::new();
    for o in &p.installments_plan {
        if o.installment == 0 || o.installment > MAX_INSTALLMENTS || seen.contains(&o.installment) {
            bail!("each `installment` must be 1 to {MAX_INSTALLMENTS}, once");
        }
        if !(1.0..=MAX_RATE).contains(&o.rate) {
            bail!("each `rate` must be from 1 (interest-free) to {MAX_RATE}");
        }
        seen.push(o.installment);
    }
    if p.iin
        .as_deref()
        .unwrap_or_default()
        .iter()
        .any(|i| i.is_empty() || i.len() > 8 || !i.bytes().all(|b| b.is_ascii_digit()))
    {
        bail!("each `iin` must be 1 to 8 digits");
    }
    Ok(())
}

/// The minor units of `currency` (2 when unknown: the session's currency was checked).
pub fn exponent(currency: &str) -> u32 {
    iso_currency::Currency::from_code(currency)
        .and_then(|c| c.exponent())
        .map_or(2, u32::from)
}

/// `minor` minor units as decimal text (`4997`, 2 → `49.97`).
pub fn decimal(minor: i64, exponent: u32) -> String {
    if exponent == 0 {
        return minor.to_string();
    }
    let scale = 10i64.pow(exponent);
    format!(
        "{}.{:0width$}",
        minor / scale,
        minor % scale,
        width = exponent as usize
    )
}

impl Offer {
    /// Yuno's `FullInstallmentsInfo`: `{ id, installments: [{ installment, rate, amount:
    /// { currency, value, total_value } }] }`, values as decimal text.
    pub fn to_json(&self, currency: &str, exponent: u32) -> Value {
        let options: Vec<Value> = self
            .options
            .iter()
            .map(|o| o.to_json(currency, exponent))
            .collect();
        json!({ "id": self.plan_id, "installments": options })
    }

    /// The option with `installment` installments, if offered.
    pub fn option(&self, installment: u32) -> Option<&Priced> {
        self.options.iter().find(|o| o.installment == installment)
    }
}

impl Priced {
    /// One option as Yuno gives it.
    pub fn to_json(&self, currency: &str, exponent: u32) -> Value {
        json!({
            "installment": self.installment,
            "rate": format!("{:.4}", self.rate),
            "interest_free": self.rate <= 1.0,
            "amount": {
                "currency": currency,
                "value": decimal(self.value_minor, exponent),
                "total_value": decimal(self.total_minor, exponent),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_priced_in_minor_units_rounded_up_with_a_single_payment_always() {
        let offer = Plans::defaults()
            .offer("BR", "BRL", 149.90, 2, Some("VISA"), "411111")
            .unwrap();
        assert_eq!(offer.plan_id, "sandbox-br");
        let three = offer.option(3).unwrap();
        // 149.90 in 3: 49.97 (×3 = 149.91 ≥ 149.90), interest-free.
        assert_eq!((three.value_minor, three.total_minor), (4997, 14990));
        let twelve = offer.option(12).unwrap();
        assert_eq!(twelve.total_minor, 17537); // 149.90 × 1.1699, rounded
        assert_eq!(decimal(twelve.value_minor, 2), "14.62");
        assert_eq!(offer.option(1).unwrap().total_minor, 14990);
        assert!(offer.option(4).is_none());
        // No plan for the country: no offer.
        assert!(Plans::defaults()
            .offer("US", "USD", 10.0, 2, None, "411111")
            .is_none());
        // JPY has no minor units.
        let yen = Plans(vec![Plan {
            id: "jp".into(),
            name: "jp".into(),
            country_code: "JP".into(),
            installments_plan: vec![PlanOption {
                installment: 3,
                rate: 1.0,
            }],
            brand: None,
            iin: None,
            amount: None,
        }]);
        let o = yen.offer("JP", "JPY", 1000.0, 0, None, "411111").unwrap();
        assert_eq!(o.options.len(), 2, "single payment added");
        assert_eq!(decimal(o.option(3).unwrap().value_minor, 0), "334");
    }

    #[test]
    fn plans_match_by_brand_iin_and_amount_and_bad_files_are_refused() {
        let mut visa_only = Plans::defaults().0.remove(0);
        visa_only.id = "visa".into();
        visa_only.brand = Some(vec!["VISA".into()]);
        visa_only.iin = Some(vec!["4111".into()]);
        visa_only.amount = Some(PlanAmount {
            currency: "BRL".into(),
            min_value: Some(100.0),
            max_value: None,
        });
        let plans = Plans(vec![visa_only.clone(), Plans::defaults().0.remove(0)]);
        let pick = |brand, iin, amount| {
            plans
                .offer("BR", "BRL", amount, 2, Some(brand), iin)
                .map(|o| o.plan_id)
        };
        assert_eq!(pick("VISA", "411111", 150.0).as_deref(), Some("visa"));
        assert_eq!(pick("VISA", "424242", 150.0).as_deref(), Some("sandbox-br"));
        assert_eq!(
            pick("MASTERCARD", "411111", 150.0).as_deref(),
            Some("sandbox-br")
        );
        assert_eq!(pick("VISA", "411111", 50.0).as_deref(), Some("sandbox-br"));

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plans.json");
        std::fs::write(&path, serde_json::to_string(&[visa_only.clone()]).unwrap()).unwrap();
        assert_eq!(Plans::from_file(&path).unwrap().0, vec![visa_only.clone()]);
        let mut bad = visa_only;
        bad.installments_plan.push(PlanOption {
            installment: 60,
            rate: 1.0,
        });
        std::fs::write(&path, serde_json::to_string(&[bad]).unwrap()).unwrap();
        let e = format!("{:#}", Plans::from_file(&path).err().unwrap());
        assert!(e.contains("1 to 48"), "{e}");
    }
}
