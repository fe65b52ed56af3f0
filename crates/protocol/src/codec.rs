//! The wire form of the messages: postcard's encoding, written out by hand for these types.
//!
//! Postcard through serde costs each side of the widget a visitor per type, monomorphized for
//! its deserializer (about 2 KB gzip of wasm per piece); the few types here take a few lines
//! each. The bytes are postcard's exactly (LEB128 varints, variant indices, length-prefixed
//! UTF-8, fields in order), and the tests hold this codec to the `postcard` crate: the same
//! bytes out, and, for any input, the same message or the same refusal.

use checkout_card::Brand;

use crate::{
    CardInfo, Configure, FailureCode, Field, FieldError, FieldMode, FrameToHost, Handshake,
    HandshakeStep, HostToFrame, Iin, LastFour, Notice, Theme,
};

/// Reads values from the front of a byte slice; `None` once something does not fit.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { bytes }
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.bytes.is_empty()
    }

    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(first)
    }

    /// A LEB128 varint of an unsigned integer of `bits` bits, refused as postcard refuses it:
    /// longer than that integer can need, or with bits beyond it in the last byte.
    fn varint(&mut self, bits: u32) -> Option<u64> {
        let max_bytes = bits.div_ceil(7);
        let last_max = (1u8 << (bits % 7)) - 1;
        let mut out = 0u64;
        for i in 0..max_bytes {
            let b = self.byte()?;
            out |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return (i + 1 < max_bytes || b <= last_max).then_some(out);
            }
        }
        None
    }

    fn u16(&mut self) -> Option<u16> {
        self.varint(16).map(|n| n as u16)
    }

    fn u32(&mut self) -> Option<u32> {
        self.varint(32).map(|n| n as u32)
    }

    fn len(&mut self) -> Option<usize> {
        self.varint(usize::BITS).map(|n| n as usize)
    }

    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn string(&mut self) -> Option<String> {
        let len = self.len()?;
        let (text, rest) = self.bytes.split_at_checked(len)?;
        // The host's wasm has no other use for `from_utf8` (616 B) and takes the small loop;
        // the frame's has (the card engine's text), and the loop would cost it 0.3 KB more.
        #[cfg(feature = "small-utf8")]
        let text = crate::utf8::text(text)?;
        #[cfg(not(feature = "small-utf8"))]
        let text = core::str::from_utf8(text).ok()?.to_owned();
        self.bytes = rest;
        Some(text)
    }

    /// An enum's variant index, for an enum of `count` variants.
    fn variant(&mut self, count: u32) -> Option<u32> {
        self.u32().filter(|v| *v < count)
    }
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// A type with a wire form.
pub trait Wire: Sized {
    /// Appends the value's bytes.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value, or `None` when the bytes are not one.
    fn take(r: &mut Reader) -> Option<Self>;
}

/// Unit-only enums: their variant index.
macro_rules! unit_enum {
    ($ty:ty, [$($variant:expr),+ $(,)?]) => {
        impl Wire for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                put_varint(out, *self as u64);
            }
            fn take(r: &mut Reader) -> Option<Self> {
                const ALL: &[$ty] = &[$($variant),+];
                ALL.get(r.variant(ALL.len() as u32)? as usize).copied()
            }
        }
    };
}

unit_enum!(
    HandshakeStep,
    [HandshakeStep::Hello, HandshakeStep::Connect]
);
unit_enum!(
    Field,
    [Field::Number, Field::Expiry, Field::Cvc, Field::HolderName]
);
unit_enum!(
    FieldMode,
    [FieldMode::Required, FieldMode::Optional, FieldMode::Hidden]
);
unit_enum!(Theme, [Theme::Light, Theme::Dark]);
unit_enum!(
    FieldError,
    [
        FieldError::Required,
        FieldError::Incomplete,
        FieldError::Invalid,
        FieldError::UnsupportedBrand,
        FieldError::Expired,
    ]
);
unit_enum!(
    FailureCode,
    [
        FailureCode::ValidationFailed,
        FailureCode::NetworkError,
        FailureCode::SessionExpired,
        FailureCode::CardRejected,
        FailureCode::ApiError,
        FailureCode::TooManyAttempts,
    ]
);

impl Wire for Brand {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(out, *self as u64);
    }
    fn take(r: &mut Reader) -> Option<Self> {
        Brand::ALL
            .get(r.variant(Brand::ALL.len() as u32)? as usize)
            .copied()
    }
}

impl Wire for Handshake {
    fn put(&self, out: &mut Vec<u8>) {
        self.cw.put(out);
        put_varint(out, self.v.into());
    }
    fn take(r: &mut Reader) -> Option<Self> {
        Some(Handshake {
            cw: HandshakeStep::take(r)?,
            v: r.u16()?,
        })
    }
}

impl Wire for Configure {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(out, &self.language);
        put_str(out, &self.checkout_session);
        put_str(out, &self.public_api_key);
        put_str(out, &self.api_url);
        self.holder_name.put(out);
        put_str(out, &self.country);
        self.document.put(out);
        out.push(self.save_card.into());
        out.push(self.steps.into());
        out.push(self.credit_only.into());
        self.theme.put(out);
        put_varint(out, self.variables.len() as u64);
        for (name, value) in &self.variables {
            put_str(out, name);
            put_str(out, value);
        }
        put_str(out, &self.card);
    }
    fn take(r: &mut Reader) -> Option<Self> {
        Some(Configure {
            language: r.string()?,
            checkout_session: r.string()?,
            public_api_key: r.string()?,
            api_url: r.string()?,
            holder_name: FieldMode::take(r)?,
            country: r.string()?,
            document: FieldMode::take(r)?,
            save_card: r.bool()?,
            steps: r.bool()?,
            credit_only: r.bool()?,
            theme: Theme::take(r)?,
            variables: {
                let count = r.len()?;
                let mut v = Vec::new();
                for _ in 0..count {
                    v.push((r.string()?, r.string()?));
                }
                v
            },
            card: r.string()?,
        })
    }
}

impl Wire for HostToFrame {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            HostToFrame::Configure(c) => {
                out.push(0);
                c.put(out);
            }
            HostToFrame::Submit => out.push(1),
            HostToFrame::Focus { field } => {
                out.push(2);
                field.put(out);
            }
            HostToFrame::Clear => out.push(3),
            HostToFrame::ShowError { field, message } => {
                out.push(4);
                match field {
                    None => out.push(0),
                    Some(f) => {
                        out.push(1);
                        f.put(out);
                    }
                }
                put_str(out, message);
            }
        }
    }
    fn take(r: &mut Reader) -> Option<Self> {
        Some(match r.variant(5)? {
            0 => HostToFrame::Configure(Configure::take(r)?),
            1 => HostToFrame::Submit,
            2 => HostToFrame::Focus {
                field: Field::take(r)?,
            },
            3 => HostToFrame::Clear,
            _ => HostToFrame::ShowError {
                field: match r.bool()? {
                    false => None,
                    true => Some(Field::take(r)?),
                },
                message: r.string()?,
            },
        })
    }
}

impl Wire for CardInfo {
    fn put(&self, out: &mut Vec<u8>) {
        self.brand.put(out);
        put_str(out, self.iin.as_str());
        put_str(out, self.lfd.as_str());
        out.push(self.expiration_month);
        put_varint(out, self.expiration_year.into());
        out.push(self.save.into());
        out.push(self.installments);
        out.push(self.number_length);
        out.push(self.security_code_length);
    }
    fn take(r: &mut Reader) -> Option<Self> {
        Some(CardInfo {
            brand: Brand::take(r)?,
            iin: Iin::new(&r.string()?)?,
            lfd: LastFour::new(&r.string()?)?,
            expiration_month: r.byte()?,
            expiration_year: r.u16()?,
            save: r.bool()?,
            installments: r.byte()?,
            number_length: r.byte()?,
            security_code_length: r.byte()?,
        })
    }
}

impl Wire for FrameToHost {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            FrameToHost::Ready => out.push(0),
            FrameToHost::Resized { height } => {
                out.push(1);
                put_varint(out, (*height).into());
            }
            FrameToHost::Changed {
                brand,
                complete,
                errors,
                installments,
            } => {
                out.push(2);
                match brand {
                    None => out.push(0),
                    Some(b) => {
                        out.push(1);
                        b.put(out);
                    }
                }
                out.push((*complete).into());
                put_varint(out, errors.len() as u64);
                for (field, error) in errors {
                    field.put(out);
                    error.put(out);
                }
                out.push(*installments);
            }
            FrameToHost::Tokenized { token, card } => {
                out.push(3);
                put_str(out, token);
                card.put(out);
            }
            FrameToHost::Failed {
                code,
                retryable,
                message,
            } => {
                out.push(4);
                code.put(out);
                out.push((*retryable).into());
                put_str(out, message.as_str());
            }
            FrameToHost::SubmitRequested => out.push(5),
            FrameToHost::LanguageUnavailable => out.push(6),
        }
    }
    fn take(r: &mut Reader) -> Option<Self> {
        Some(match r.variant(7)? {
            0 => FrameToHost::Ready,
            1 => FrameToHost::Resized { height: r.u32()? },
            2 => FrameToHost::Changed {
                brand: match r.bool()? {
                    false => None,
                    true => Some(Brand::take(r)?),
                },
                complete: r.bool()?,
                errors: {
                    let count = r.len()?;
                    let mut v = Vec::new();
                    for _ in 0..count {
                        v.push((Field::take(r)?, FieldError::take(r)?));
                    }
                    v
                },
                installments: r.byte()?,
            },
            3 => FrameToHost::Tokenized {
                token: r.string()?,
                card: CardInfo::take(r)?,
            },
            4 => FrameToHost::Failed {
                code: FailureCode::take(r)?,
                retryable: r.bool()?,
                message: Notice::new(&r.string()?)?,
            },
            5 => FrameToHost::SubmitRequested,
            _ => FrameToHost::LanguageUnavailable,
        })
    }
}

/// The envelope's header: version and sequence number.
pub fn put_header(out: &mut Vec<u8>, v: u16, seq: u32) {
    put_varint(out, v.into());
    put_varint(out, seq.into());
}

/// Reads the envelope's header: `(version, sequence number)`.
pub fn take_header(r: &mut Reader) -> Option<(u16, u32)> {
    Some((r.u16()?, r.u32()?))
}
