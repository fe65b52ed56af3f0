//! The messages between the host component (merchant page) and the secure card frame
//! (payment origin), defined once and compiled into both.
//!
//! On the wire a message is [postcard](https://docs.rs/postcard) bytes ([`encode`],
//! [`decode`]): positional and not self-describing, so decoding needs no field names, no
//! buffering and little code in the wasm. The encoding is written out by hand for these types
//! ([`Wire`], in `codec.rs`), held by the tests to the `postcard` crate itself. Being
//! positional, any change to these types (a field, a variant, their order) is a new
//! [`VERSION`]; a test pins the bytes so that cannot happen unnoticed. The types also derive
//! serde, whose JSON form the tests use to list what a message can carry.
//!
//! Every message travels in an [`Envelope`] carrying the protocol [`VERSION`] and a sequence
//! number; a receiver drops anything that does not parse, has another version, is not the
//! next in sequence, or has bytes left over. No type here can hold a full card number or a
//! CVC: the frame reports only a brand, an IIN of at most 8 digits, the last four digits and the
//! expiry.

#![forbid(unsafe_code)]

mod card_info;
mod codec;
mod notice;
#[cfg(any(feature = "small-utf8", test))]
mod utf8;

pub use card_info::{CardInfo, Iin, LastFour};
pub use checkout_card::Brand;
pub use codec::{Reader, Wire};
pub use notice::Notice;

use serde::{Deserialize, Serialize};

/// The protocol version both sides must speak.
pub const VERSION: u16 = 10;

/// A message with its protocol version and sequence number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<M> {
    /// Protocol version; anything but [`VERSION`] is dropped.
    pub v: u16,
    /// 0, 1, 2… per direction; a message out of order is dropped.
    pub seq: u32,
    /// The message.
    pub msg: M,
}

/// The first thing a receiver reads, to drop other versions before parsing the rest.
#[derive(Deserialize)]
pub struct Header {
    /// Protocol version.
    pub v: u16,
    /// Sequence number.
    pub seq: u32,
}

/// The two handshake messages, sent with `window.postMessage` before the channel exists:
/// the frame's `hello` to its parent (target origin: the host origin it was told to expect),
/// and the host's `connect` answer carrying one port of a fresh `MessageChannel` (target
/// origin: the payment origin). Everything after goes over that port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handshake {
    /// Which step.
    pub cw: HandshakeStep,
    /// Protocol version.
    pub v: u16,
}

/// A handshake step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandshakeStep {
    Hello,
    Connect,
}

/// A card field of the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Number,
    Expiry,
    Cvc,
    HolderName,
}

/// Whether the frame asks for a field the merchant may leave out: the holder's name, the
/// payer's identity document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldMode {
    #[default]
    Required,
    Optional,
    Hidden,
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// What the host tells the frame once the channel is open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Configure {
    /// The code of the language the host picked (`checkout_i18n::Lang::code`: `pt`, `zh-TW`);
    /// the frame shows it if its pack is installed, else English.
    pub language: String,
    /// The checkout session the token is for.
    pub checkout_session: String,
    /// The public API key (never the secret key).
    pub public_api_key: String,
    /// The payment API's base URL.
    pub api_url: String,
    /// Holder name field mode.
    pub holder_name: FieldMode,
    /// The session's country (ISO 3166-1 alpha-2, the host's `countryCode`): where it has
    /// identity documents and installment plans, the frame loads the fields for them.
    pub country: String,
    /// The payer's identity document field (Yuno's `documentEnable`): shown only in a country
    /// that has documents.
    pub document: FieldMode,
    /// Offer the shopper a "Save this card" checkbox; the card is saved only when ticked.
    pub save_card: bool,
    /// Show the card form one field at a time, with Back and Next (Yuno's `card.type: "step"`).
    pub steps: bool,
    /// Charge the card as credit (Yuno's `isCreditCardProcessingOnly`): the token asks for
    /// `card.type: "CREDIT"`, so a combo card is charged as credit and a debit card refused.
    pub credit_only: bool,
    /// Light or dark.
    pub theme: Theme,
    /// CSS custom properties from `appearance.variables` (name, value).
    pub variables: Vec<(String, String)>,
    /// The merchant's `card` option as JSON (empty without one), for what only the frame's
    /// on-demand modules read: its CSS (`styles`; `frame/frame-styles.mjs` keeps only what
    /// restyles the form) and its step buttons' labels (`steps`, when an object;
    /// `frame/frame-steps.mjs` checks them). The wasm parses none of it.
    pub card: String,
}

/// Why a field is not acceptable, as the frame reports it to the host (no values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldError {
    Required,
    Incomplete,
    Invalid,
    UnsupportedBrand,
    Expired,
}

/// Error codes the frame reports when tokenization fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FailureCode {
    /// The form has invalid fields (shown next to them).
    ValidationFailed,
    /// The API could not be reached or timed out.
    NetworkError,
    /// The checkout session expired.
    SessionExpired,
    /// The API refused the card.
    CardRejected,
    /// Anything else the API answered.
    ApiError,
    /// The API refused for too many attempts (429): retrying at once is refused too.
    TooManyAttempts,
}

/// Host → frame.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostToFrame {
    /// Settings; the frame renders after the first one.
    Configure(Configure),
    /// Validate and, if valid, tokenize.
    Submit,
    /// Focus a field.
    Focus { field: Field },
    /// Empty every field.
    Clear,
    /// Show an error the host learned (e.g. a decline), next to a field or above the form.
    ShowError {
        field: Option<Field>,
        message: String,
    },
}

/// Frame → host.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameToHost {
    /// The frame is configured and interactive.
    Ready,
    /// The frame's content height in CSS pixels, so the host sizes the iframe.
    Resized { height: u32 },
    /// The form changed: brand so far, whether every field is valid, and field errors.
    Changed {
        brand: Option<Brand>,
        complete: bool,
        errors: Vec<(Field, FieldError)>,
        /// The number of installments chosen (1: a single payment, also where none are
        /// offered).
        installments: u8,
    },
    /// Tokenization succeeded.
    Tokenized { token: String, card: CardInfo },
    /// Tokenization failed. `message` is what the form shows the shopper, in its language
    /// (empty for [`FailureCode::ValidationFailed`]: the fields say it); the host hands it to
    /// `onError`, so the host carries none of the frame's error words.
    Failed {
        code: FailureCode,
        retryable: bool,
        message: Notice,
    },
    /// The shopper pressed Enter in a field: the host runs its pay flow (as its button does).
    SubmitRequested,
    /// The frame's words in the configured language could not be had (its pack did not load
    /// or did not fit): the card form is in English, and the host tells the merchant.
    LanguageUnavailable,
}

impl Field {
    /// The name the JS API uses (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Expiry => "expiry",
            Field::Cvc => "cvc",
            Field::HolderName => "holder_name",
        }
    }
}

impl FieldError {
    /// The name the JS API uses (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            FieldError::Required => "required",
            FieldError::Incomplete => "incomplete",
            FieldError::Invalid => "invalid",
            FieldError::UnsupportedBrand => "unsupported_brand",
            FieldError::Expired => "expired",
        }
    }
}

impl FailureCode {
    /// The code the JS API uses (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            FailureCode::ValidationFailed => "VALIDATION_FAILED",
            FailureCode::NetworkError => "NETWORK_ERROR",
            FailureCode::SessionExpired => "SESSION_EXPIRED",
            FailureCode::CardRejected => "CARD_REJECTED",
            FailureCode::ApiError => "API_ERROR",
            FailureCode::TooManyAttempts => "TOO_MANY_ATTEMPTS",
        }
    }
}

/// Checks a header before the full parse: right version and the expected sequence number.
pub fn accept(header: &Header, expected_seq: u32) -> bool {
    header.v == VERSION && header.seq == expected_seq
}

/// The bytes of message number `seq` in the current version.
pub fn encode<M: Wire>(seq: u32, msg: &M) -> Vec<u8> {
    let mut out = Vec::new();
    codec::put_header(&mut out, VERSION, seq);
    msg.put(&mut out);
    out
}

/// The message in `bytes` if it is the current version, number `expected_seq`, and nothing but
/// a whole message.
pub fn decode<M: Wire>(bytes: &[u8], expected_seq: u32) -> Option<M> {
    let mut r = Reader::new(bytes);
    let (v, seq) = codec::take_header(&mut r)?;
    if !accept(&Header { v, seq }, expected_seq) {
        return None;
    }
    let msg = M::take(&mut r)?;
    r.is_done().then_some(msg)
}

/// The bytes of a handshake step.
pub fn encode_handshake(step: HandshakeStep) -> Vec<u8> {
    let mut out = Vec::new();
    Handshake {
        cw: step,
        v: VERSION,
    }
    .put(&mut out);
    out
}

/// Whether `bytes` are exactly this version's handshake `step`.
pub fn is_handshake(bytes: &[u8], step: HandshakeStep) -> bool {
    let mut r = Reader::new(bytes);
    matches!(Handshake::take(&mut r), Some(h) if h.cw == step && h.v == VERSION && r.is_done())
}

#[cfg(test)]
mod tests;
