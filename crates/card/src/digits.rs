//! A fixed-capacity buffer of ASCII digits, so the per-keystroke path never allocates.

/// The longest card number any network issues.
pub const MAX_DIGITS: usize = 19;

/// Up to [`MAX_DIGITS`] ASCII digits taken from free text, in order.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Digits {
    buf: [u8; MAX_DIGITS],
    len: u8,
}

impl Digits {
    /// An empty buffer.
    pub const fn new() -> Self {
        Self {
            buf: [0; MAX_DIGITS],
            len: 0,
        }
    }

    /// The ASCII digits of `text` in order, ignoring everything else; digits past `limit`
    /// (at most [`MAX_DIGITS`]) are dropped.
    pub fn from_text(text: &str, limit: usize) -> Self {
        let mut d = Self::new();
        for b in text.bytes().filter(u8::is_ascii_digit) {
            if !d.push(b, limit) {
                break;
            }
        }
        d
    }

    /// Appends one ASCII digit unless `limit` (capped at [`MAX_DIGITS`]) is reached.
    pub fn push(&mut self, digit: u8, limit: usize) -> bool {
        let len = self.len as usize;
        if len >= limit.min(MAX_DIGITS) {
            return false;
        }
        self.buf[len] = digit;
        self.len += 1;
        true
    }

    /// Removes the digit at `index`, if there is one.
    pub fn remove(&mut self, index: usize) {
        let len = self.len as usize;
        if index < len {
            self.buf.copy_within(index + 1..len, index);
            self.len -= 1;
        }
    }

    /// Keeps only the first `len` digits.
    pub fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len as u8);
    }

    /// The digits as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits are ever stored.
        core::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    /// The digits as ASCII bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }

    /// How many digits there are.
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Default for Digits {
    fn default() -> Self {
        Self::new()
    }
}

// Card digits must not end up in logs through a stray `{:?}`.
impl core::fmt::Debug for Digits {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Digits({} digits)", self.len)
    }
}
