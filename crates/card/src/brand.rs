//! Card brands and their detection from the leading digits (the IIN), driven by one table.
//!
//! Ranges may nest (ELO and HIPERCARD sit inside VISA, DISCOVER, DINERS…); the most specific
//! range — the one fixing the most leading digits — wins. A brand is reported only once no
//! more specific range of another brand can still match, so a detected brand never changes as
//! digits are appended.

/// A card network, spelled on the wire as the API does (`VISA`, `MASTERCARD`, `AMEX`…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "UPPERCASE")
)]
pub enum Brand {
    Visa,
    Mastercard,
    Amex,
    Discover,
    Diners,
    Jcb,
    Unionpay,
    Maestro,
    Elo,
    Hipercard,
    Cabal,
    Naranja,
    Mir,
    Rupay,
    Troy,
    Verve,
    Uatp,
    Dankort,
}

/// What a brand allows: lengths, how digits are grouped on screen, CVC length and checksum.
#[derive(Debug, PartialEq, Eq)]
pub struct Rules {
    /// Allowed number lengths, ascending.
    pub lengths: &'static [u8],
    /// Group sizes for display (e.g. `[4, 6, 5]` for AMEX). Numbers longer than the groups
    /// cover are shown as 4-4-4-4-3.
    pub groups: &'static [u8],
    /// Length of the security code.
    pub cvc_len: u8,
    /// Whether the number carries a Luhn check digit.
    pub luhn: bool,
}

/// Grouping used for 16–19 digit numbers and while the brand is not known yet.
pub const DEFAULT_GROUPS: &[u8] = &[4, 4, 4, 4, 3];

const fn rules(lengths: &'static [u8], groups: &'static [u8], cvc_len: u8, luhn: bool) -> Rules {
    Rules {
        lengths,
        groups,
        cvc_len,
        luhn,
    }
}

const L16: &[u8] = &[16];
const L16_19: &[u8] = &[16, 17, 18, 19];

impl Brand {
    /// Every brand the engine knows.
    pub const ALL: [Brand; 18] = [
        Brand::Visa,
        Brand::Mastercard,
        Brand::Amex,
        Brand::Discover,
        Brand::Diners,
        Brand::Jcb,
        Brand::Unionpay,
        Brand::Maestro,
        Brand::Elo,
        Brand::Hipercard,
        Brand::Cabal,
        Brand::Naranja,
        Brand::Mir,
        Brand::Rupay,
        Brand::Troy,
        Brand::Verve,
        Brand::Uatp,
        Brand::Dankort,
    ];

    /// The brand's rules.
    pub fn rules(self) -> &'static Rules {
        static VISA: Rules = rules(&[13, 16, 19], DEFAULT_GROUPS, 3, true);
        static MASTERCARD: Rules = rules(L16, DEFAULT_GROUPS, 3, true);
        static AMEX: Rules = rules(&[15], &[4, 6, 5], 4, true);
        static DISCOVER: Rules = rules(L16_19, DEFAULT_GROUPS, 3, true);
        static DINERS: Rules = rules(&[14, 15, 16, 17, 18, 19], &[4, 6, 4], 3, true);
        static JCB: Rules = rules(L16_19, DEFAULT_GROUPS, 3, true);
        // UnionPay numbers are not all Luhn-valid.
        static UNIONPAY: Rules = rules(L16_19, DEFAULT_GROUPS, 3, false);
        static MAESTRO: Rules = rules(&[12, 13, 14, 15, 16, 17, 18, 19], DEFAULT_GROUPS, 3, true);
        static SIXTEEN: Rules = rules(L16, DEFAULT_GROUPS, 3, true);
        static HIPERCARD: Rules = rules(&[13, 16, 19], DEFAULT_GROUPS, 3, true);
        static LONG: Rules = rules(L16_19, DEFAULT_GROUPS, 3, true);
        static VERVE: Rules = rules(&[16, 18, 19], DEFAULT_GROUPS, 3, true);
        static UATP: Rules = rules(&[15], &[4, 5, 6], 3, true);
        match self {
            Brand::Visa => &VISA,
            Brand::Mastercard => &MASTERCARD,
            Brand::Amex => &AMEX,
            Brand::Discover => &DISCOVER,
            Brand::Diners => &DINERS,
            Brand::Jcb => &JCB,
            Brand::Unionpay => &UNIONPAY,
            Brand::Maestro => &MAESTRO,
            Brand::Hipercard => &HIPERCARD,
            Brand::Elo | Brand::Cabal | Brand::Naranja | Brand::Troy | Brand::Dankort => &SIXTEEN,
            Brand::Mir | Brand::Rupay => &LONG,
            Brand::Verve => &VERVE,
            Brand::Uatp => &UATP,
        }
    }

    /// The name the API uses.
    pub fn api_name(self) -> &'static str {
        match self {
            Brand::Visa => "VISA",
            Brand::Mastercard => "MASTERCARD",
            Brand::Amex => "AMEX",
            Brand::Discover => "DISCOVER",
            Brand::Diners => "DINERS",
            Brand::Jcb => "JCB",
            Brand::Unionpay => "UNIONPAY",
            Brand::Maestro => "MAESTRO",
            Brand::Elo => "ELO",
            Brand::Hipercard => "HIPERCARD",
            Brand::Cabal => "CABAL",
            Brand::Naranja => "NARANJA",
            Brand::Mir => "MIR",
            Brand::Rupay => "RUPAY",
            Brand::Troy => "TROY",
            Brand::Verve => "VERVE",
            Brand::Uatp => "UATP",
            Brand::Dankort => "DANKORT",
        }
    }

    /// The brand with this API name, if any.
    pub fn from_api_name(name: &str) -> Option<Brand> {
        Brand::ALL.into_iter().find(|b| b.api_name() == name)
    }

    /// The longest number the brand issues.
    pub fn max_len(self) -> usize {
        self.rules().lengths.last().copied().unwrap_or(19) as usize
    }

    /// Display groups for a number of `len` digits.
    pub fn groups(self, len: usize) -> &'static [u8] {
        let g = self.rules().groups;
        if len <= g.iter().map(|&x| x as usize).sum() {
            g
        } else {
            DEFAULT_GROUPS
        }
    }
}

/// One IIN range: the first `digits` digits of the number, read as an integer, in `lo..=hi`.
#[derive(Debug, Clone, Copy)]
pub struct Range {
    pub lo: u32,
    pub hi: u32,
    pub digits: u8,
    pub brand: Brand,
}

const fn r(lo: u32, hi: u32, digits: u8, brand: Brand) -> Range {
    Range {
        lo,
        hi,
        digits,
        brand,
    }
}

use Brand::*;

/// The IIN table, from the networks' published ranges.
pub static RANGES: &[Range] = &[
    r(4, 4, 1, Visa),
    r(51, 55, 2, Mastercard),
    r(2221, 2720, 4, Mastercard),
    r(34, 34, 2, Amex),
    r(37, 37, 2, Amex),
    r(6011, 6011, 4, Discover),
    r(644, 649, 3, Discover),
    r(65, 65, 2, Discover),
    r(622126, 622925, 6, Discover),
    r(300, 305, 3, Diners),
    r(3095, 3095, 4, Diners),
    r(36, 36, 2, Diners),
    r(38, 39, 2, Diners),
    r(3528, 3589, 4, Jcb),
    r(62, 62, 2, Unionpay),
    r(81, 81, 2, Unionpay),
    r(5018, 5018, 4, Maestro),
    r(5020, 5020, 4, Maestro),
    r(5038, 5038, 4, Maestro),
    r(5893, 5893, 4, Maestro),
    r(6304, 6304, 4, Maestro),
    r(6390, 6390, 4, Maestro),
    r(6759, 6759, 4, Maestro),
    r(6761, 6763, 4, Maestro),
    r(401178, 401179, 6, Elo),
    r(431274, 431274, 6, Elo),
    r(438935, 438935, 6, Elo),
    r(451416, 451416, 6, Elo),
    r(457393, 457393, 6, Elo),
    r(457631, 457632, 6, Elo),
    r(504175, 504175, 6, Elo),
    r(506699, 506778, 6, Elo),
    r(509000, 509999, 6, Elo),
    r(627780, 627780, 6, Elo),
    r(636297, 636297, 6, Elo),
    r(636368, 636368, 6, Elo),
    r(650031, 650033, 6, Elo),
    r(650035, 650051, 6, Elo),
    r(650405, 650439, 6, Elo),
    r(650485, 650538, 6, Elo),
    r(650541, 650598, 6, Elo),
    r(650700, 650718, 6, Elo),
    r(650720, 650727, 6, Elo),
    r(650901, 650978, 6, Elo),
    r(651652, 651679, 6, Elo),
    r(655000, 655019, 6, Elo),
    r(655021, 655058, 6, Elo),
    r(606282, 606282, 6, Hipercard),
    r(384100, 384100, 6, Hipercard),
    r(384140, 384140, 6, Hipercard),
    r(384160, 384160, 6, Hipercard),
    r(637095, 637095, 6, Hipercard),
    r(637568, 637568, 6, Hipercard),
    r(637599, 637599, 6, Hipercard),
    r(637609, 637609, 6, Hipercard),
    r(637612, 637612, 6, Hipercard),
    r(604201, 604219, 6, Cabal),
    r(604400, 604500, 6, Cabal),
    r(589657, 589657, 6, Cabal),
    r(603522, 603522, 6, Cabal),
    r(627170, 627170, 6, Cabal),
    r(589562, 589562, 6, Naranja),
    r(2200, 2204, 4, Mir),
    r(508500, 508999, 6, Rupay),
    r(606985, 607984, 6, Rupay),
    r(608001, 608500, 6, Rupay),
    r(652150, 653149, 6, Rupay),
    r(979200, 979289, 6, Troy),
    r(506099, 506198, 6, Verve),
    r(507865, 507964, 6, Verve),
    r(650002, 650027, 6, Verve),
    r(1, 1, 1, Uatp),
    r(5019, 5019, 4, Dankort),
];

/// What the leading digits say about the brand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detection {
    /// More digits are needed: some range can still match, or a more specific range of
    /// another brand could still take over.
    Undecided,
    /// Decided: no further digit can change it.
    Brand(Brand),
    /// No range of any known brand can match.
    NoMatch,
}

impl Detection {
    /// The brand, when decided.
    pub fn brand(self) -> Option<Brand> {
        match self {
            Detection::Brand(b) => Some(b),
            _ => None,
        }
    }
}

/// Reads the first `k` of `digits` (ASCII) as an integer.
fn prefix(digits: &[u8], k: usize) -> u32 {
    digits[..k]
        .iter()
        .fold(0, |acc, &b| acc * 10 + u32::from(b - b'0'))
}

/// Detects the brand from the leading ASCII digits of a number (only the first six matter).
pub fn detect(digits: &[u8]) -> Detection {
    let n = digits.len().min(6);
    let mut best: Option<&Range> = None;
    // The most specific range still open, per brand, is all the decision needs.
    let mut open_max: [u8; Brand::ALL.len()] = [0; Brand::ALL.len()];
    let mut any_open = false;
    for range in RANGES {
        let k = range.digits as usize;
        if n >= k {
            let p = prefix(digits, k);
            if (range.lo..=range.hi).contains(&p) && best.is_none_or(|b| range.digits > b.digits) {
                best = Some(range);
            }
        } else {
            let scale = 10u32.pow((k - n) as u32);
            let low = prefix(digits, n) * scale;
            let high = low + scale - 1;
            if high >= range.lo && low <= range.hi {
                any_open = true;
                let slot = &mut open_max[range.brand as usize];
                *slot = (*slot).max(range.digits);
            }
        }
    }
    match best {
        None if any_open || n == 0 => Detection::Undecided,
        None => Detection::NoMatch,
        Some(b) => {
            let contested = Brand::ALL
                .iter()
                .any(|&other| other != b.brand && open_max[other as usize] > b.digits);
            if contested {
                Detection::Undecided
            } else {
                Detection::Brand(b.brand)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Detection {
        detect(s.as_bytes())
    }

    #[test]
    fn public_test_numbers() {
        let cases = [
            ("4111111111111111", Visa),
            ("4012888888881881", Visa),
            ("5555555555554444", Mastercard),
            ("2223003122003222", Mastercard),
            ("378282246310005", Amex),
            ("371449635398431", Amex),
            ("6011111111111117", Discover),
            ("6445644564456445", Discover),
            ("30569309025904", Diners),
            ("36227206271667", Diners),
            ("3566002020360505", Jcb),
            ("6200000000000005", Unionpay),
            ("8171999927660000", Unionpay),
            ("6759649826438453", Maestro),
            ("5018000000000009", Maestro),
            ("6362970000457013", Elo),
            ("5067000000000000", Elo),
            ("4011780000000000", Elo),
            ("6062826786276634", Hipercard),
            ("3841001111222233", Hipercard),
            ("6042012045809847", Cabal),
            ("5895626746595650", Naranja),
            ("2200000000000004", Mir),
            ("6522150000000000", Rupay),
            ("9792000000000001", Troy),
            ("5061000000000000", Verve),
            ("122000000000003", Uatp),
            ("5019717010103742", Dankort),
            ("6221260000000000", Discover),
        ];
        for (number, brand) in cases {
            assert_eq!(d(number), Detection::Brand(brand), "{number}");
        }
    }

    #[test]
    fn decided_from_the_first_deciding_digits() {
        assert_eq!(d(""), Detection::Undecided);
        // 4 alone could still be ELO (401178…).
        assert_eq!(d("4"), Detection::Undecided);
        assert_eq!(d("41"), Detection::Brand(Visa));
        assert_eq!(d("37"), Detection::Brand(Amex));
        assert_eq!(d("55"), Detection::Brand(Mastercard));
        assert_eq!(d("222"), Detection::Undecided);
        assert_eq!(d("2221"), Detection::Brand(Mastercard));
        assert_eq!(d("2720"), Detection::Brand(Mastercard));
        assert_eq!(d("2721"), Detection::NoMatch);
        assert_eq!(d("38"), Detection::Undecided);
        assert_eq!(d("381"), Detection::Brand(Diners));
        assert_eq!(d("7"), Detection::NoMatch);
    }

    #[test]
    fn most_specific_range_wins() {
        assert_eq!(d("401178"), Detection::Brand(Elo));
        assert_eq!(d("401177"), Detection::Brand(Visa));
        assert_eq!(d("650031"), Detection::Brand(Elo));
        assert_eq!(d("650030"), Detection::Brand(Discover));
        assert_eq!(d("384100"), Detection::Brand(Hipercard));
        assert_eq!(d("622126"), Detection::Brand(Discover));
        assert_eq!(d("622125"), Detection::Brand(Unionpay));
    }

    #[test]
    fn no_two_brands_share_a_range_of_equal_specificity() {
        for (i, a) in RANGES.iter().enumerate() {
            for b in &RANGES[i + 1..] {
                if a.digits == b.digits && a.brand != b.brand {
                    assert!(a.hi < b.lo || b.hi < a.lo, "{a:?} overlaps {b:?}");
                }
            }
        }
    }

    #[test]
    fn api_names_round_trip() {
        for b in Brand::ALL {
            assert_eq!(Brand::from_api_name(b.api_name()), Some(b));
        }
        assert_eq!(Brand::from_api_name("visa"), None);
    }

    #[test]
    fn groups_depend_on_length() {
        assert_eq!(Amex.groups(15), &[4, 6, 5]);
        assert_eq!(Diners.groups(14), &[4, 6, 4]);
        assert_eq!(Diners.groups(16), DEFAULT_GROUPS);
        assert_eq!(Visa.groups(19), DEFAULT_GROUPS);
    }
}
