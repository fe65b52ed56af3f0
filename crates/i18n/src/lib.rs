//! The widget's words. English is built in; every other language is a **pack**, a small text
//! file fetched only by the shoppers who need it and installed here at run time. Pure data and
//! plain Rust: no DOM, tested natively.
//!
//! Each language is one file (`de.rs`) with two tables, one per piece of the widget
//! ([`FrameStrings`] for the secure frame, [`HostStrings`] for the host component), so each
//! piece carries and fetches only its own words. The pack form of a table is the fingerprint of
//! its keys, then its strings, one per line, in the order of its fields
//! ([`FrameStrings::KEYS`]); `i18n-packs` writes them (`scripts/build.sh`), and a test holds
//! every table to English's keys.
//!
//! Adding a language: a file beside `en.rs` and a line in the `languages!` table below
//! (ARCHITECTURE.md has the recipe).

use std::cell::Cell;

mod en;

/// Declares the languages: variant, BCP 47 code, module (its file; English's is always
/// compiled, the others only with `all`), whether right to left.
macro_rules! languages {
    (En "en" en false, $($variant:ident $code:literal $module:ident $rtl:literal,)*) => {
        $(#[cfg(feature = "all")] mod $module;)*

        /// A language the widget speaks.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
        pub enum Lang {
            #[default]
            En,
            $($variant,)*
        }

        impl Lang {
            /// Every language, English first.
            pub const ALL: &'static [Lang] = &[Lang::En, $(Lang::$variant,)*];

            /// The BCP 47 code: the `lang` attribute, the `Intl` locale and the pack's name.
            pub fn code(self) -> &'static str {
                match self {
                    Lang::En => "en",
                    $(Lang::$variant => $code,)*
                }
            }

            /// Whether the language is written right to left.
            pub fn rtl(self) -> bool {
                match self {
                    Lang::En => false,
                    $(Lang::$variant => $rtl,)*
                }
            }
        }

        #[cfg(feature = "all")]
        impl Lang {
            /// This language's compiled-in tables (with the `all` feature: the pack writer and
            /// the tests).
            pub fn tables(self) -> (&'static FrameStrings, &'static HostStrings) {
                match self {
                    Lang::En => (&en::FRAME, &en::HOST),
                    $(Lang::$variant => (&$module::FRAME, &$module::HOST),)*
                }
            }

            /// This language's words for the screens after the payment (the SDK's action
            /// module fetches them as a pack).
            pub fn actions(self) -> &'static ActionStrings {
                match self {
                    Lang::En => &en::ACTIONS,
                    $(Lang::$variant => &$module::ACTIONS,)*
                }
            }

            /// This language's words for the card form's Latin American fields (identity
            /// document, installments), which the frame's on-demand module fetches as JSON.
            pub fn latam(self) -> &'static LatamStrings {
                match self {
                    Lang::En => &en::LATAM,
                    $(Lang::$variant => &$module::LATAM,)*
                }
            }

            /// This language's words for the sandbox's own pages (the simulated issuer and
            /// bank), which the sandbox renders on the server.
            pub fn pages(self) -> &'static PageStrings {
                match self {
                    Lang::En => &en::PAGES,
                    $(Lang::$variant => &$module::PAGES,)*
                }
            }
        }
    };
}

languages! {
    En "en" en false,
    Ar "ar" ar true,
    De "de" de false,
    Es "es" es false,
    Fil "fil" fil false,
    Fr "fr" fr false,
    He "he" he true,
    Id "id" id false,
    It "it" it false,
    Ms "ms" ms false,
    Nl "nl" nl false,
    Pl "pl" pl false,
    Pt "pt" pt false,
    Ru "ru" ru false,
    Sv "sv" sv false,
    Th "th" th false,
    Tr "tr" tr false,
    Vi "vi" vi false,
    ZhCn "zh-CN" zh_cn false,
    ZhTw "zh-TW" zh_tw false,
}

const COUNT: usize = Lang::ALL.len();

impl Lang {
    /// The language for one BCP 47 tag, if the widget speaks it: by primary subtag (`pt-BR` →
    /// pt), Chinese by script, else region (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` → zh-TW;
    /// `zh-Hans-HK` and any other `zh` → zh-CN), and the old codes browsers still send (`tl` →
    /// fil, `iw` → he, `in` → id). Case and `_` for `-` are forgiven.
    pub fn find(tag: &str) -> Option<Lang> {
        let mut subtags = tag.split(['-', '_']);
        let primary = subtags.next()?;
        let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        if is(primary, "zh") {
            // The script says it when given (`zh-Hans-HK` is simplified); else the region.
            let mut traditional = false;
            for s in subtags {
                if is(s, "hans") || is(s, "hant") {
                    traditional = is(s, "hant");
                    break;
                }
                traditional |= ["tw", "hk", "mo"].iter().any(|t| is(s, t));
            }
            return Some(if traditional { Lang::ZhTw } else { Lang::ZhCn });
        }
        let primary = [("tl", "fil"), ("iw", "he"), ("in", "id")]
            .into_iter()
            .find_map(|(old, new)| is(primary, old).then_some(new))
            .unwrap_or(primary);
        Lang::ALL.iter().copied().find(|l| is(l.code(), primary))
    }

    /// The language whose [`code`](Lang::code) is exactly `code` (what the loaders pass: no
    /// matching rules, so the wasm carries none of `find`'s code).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code() == code)
    }

    /// The language for a tag, else English: a bad or unknown tag is not an error.
    pub fn pick(tag: &str) -> Lang {
        Lang::find(tag).unwrap_or_default()
    }

    /// The first of `tags` (the merchant's `language`, then the browser's languages in order)
    /// that the widget speaks, else English.
    pub fn pick_first<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter().find_map(Lang::find).unwrap_or_default()
    }

    /// The secure frame's words in this language: its installed pack, else English.
    pub fn frame(self) -> &'static FrameStrings {
        FRAME_PACKS
            .with(|p| p.get()[self as usize])
            .unwrap_or(&en::FRAME)
    }

    /// The host component's words in this language: its installed pack, else English.
    pub fn host(self) -> &'static HostStrings {
        HOST_PACKS
            .with(|p| p.get()[self as usize])
            .unwrap_or(&en::HOST)
    }

    /// Installs this language's frame pack (the text `i18n-packs` wrote). A pack that does not
    /// fit English's keys is refused and English stays in use.
    pub fn install_frame(self, pack: String) -> Result<(), PackError> {
        // Checked before its text is kept for good, so a refused pack is not leaked.
        let fingerprint = FrameStrings::FINGERPRINT;
        lines::<{ FrameStrings::KEYS.len() }>(&pack, fingerprint)?;
        let table = FrameStrings::from_lines(lines(Box::leak(pack.into_boxed_str()), fingerprint)?);
        let table: &'static FrameStrings = Box::leak(Box::new(table));
        FRAME_PACKS.with(|p| p.set(with(p.get(), self, table)));
        Ok(())
    }

    /// Installs this language's host pack; see [`Lang::install_frame`].
    pub fn install_host(self, pack: String) -> Result<(), PackError> {
        let fingerprint = HostStrings::FINGERPRINT;
        lines::<{ HostStrings::KEYS.len() }>(&pack, fingerprint)?;
        let table = HostStrings::from_lines(lines(Box::leak(pack.into_boxed_str()), fingerprint)?);
        let table: &'static HostStrings = Box::leak(Box::new(table));
        HOST_PACKS.with(|p| p.set(with(p.get(), self, table)));
        Ok(())
    }

    /// Whether this language's host words are at hand (English's always are).
    pub fn host_installed(self) -> bool {
        self == Lang::En || HOST_PACKS.with(|p| p.get()[self as usize]).is_some()
    }

    /// Whether this language's frame words are at hand (English's always are).
    pub fn frame_installed(self) -> bool {
        self == Lang::En || FRAME_PACKS.with(|p| p.get()[self as usize]).is_some()
    }
}

thread_local! {
    // Installed packs, by language. A page installs each language at most once per piece, so
    // the few KB they hold are leaked on purpose: every table is `&'static`, like English's.
    static FRAME_PACKS: Cell<[Option<&'static FrameStrings>; COUNT]> = const { Cell::new([None; COUNT]) };
    static HOST_PACKS: Cell<[Option<&'static HostStrings>; COUNT]> = const { Cell::new([None; COUNT]) };
}

fn with<T>(mut list: [Option<T>; COUNT], lang: Lang, table: T) -> [Option<T>; COUNT] {
    list[lang as usize] = Some(table);
    list
}

/// A pack's strings: its first line is the fingerprint of the keys it was written for, then
/// exactly `N` lines, none empty (a final newline ends the last one). Bytes rather than
/// `str::split`: the wasm carries less.
fn lines<'a, const N: usize>(text: &'a str, fingerprint: &str) -> Result<[&'a str; N], PackError> {
    let mut out = [""; N];
    // Lines read so far, the fingerprint's included.
    let (mut count, mut start) = (0, 0);
    let bytes = text.as_bytes();
    for i in 0..=bytes.len() {
        let end = i == bytes.len();
        if end && start == i && count > 0 {
            break;
        }
        if end || bytes[i] == b'\n' {
            // (Never `None`: a newline is a character boundary.)
            let line = text.get(start..i).unwrap_or("");
            if count == 0 && line != fingerprint {
                return Err(PackError::OtherKeys);
            }
            if count > 0 && line.is_empty() {
                return Err(PackError::EmptyLine(count));
            }
            if let Some(slot) = count.checked_sub(1).and_then(|n| out.get_mut(n)) {
                *slot = line;
            }
            count += 1;
            start = i + 1;
        }
    }
    if count != N + 1 {
        return Err(PackError::WrongCount(count.saturating_sub(1)));
    }
    Ok(out)
}

/// FNV-1a of `keys` (each followed by a comma), as 8 hex digits: the first line of a pack,
/// so that a pack written for other keys (an older or newer build) is refused even when it
/// has as many lines.
const fn fingerprint(keys: &[&str]) -> [u8; 8] {
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < keys.len() {
        let key = keys[i].as_bytes();
        let mut j = 0;
        while j <= key.len() {
            let byte = if j < key.len() { key[j] } else { b',' };
            hash = (hash ^ byte as u32).wrapping_mul(0x0100_0193);
            j += 1;
        }
        i += 1;
    }
    let mut out = [0u8; 8];
    let mut k = 0;
    while k < 8 {
        out[k] = b"0123456789abcdef"[((hash >> (28 - 4 * k)) & 0xf) as usize];
        k += 1;
    }
    out
}

/// Appends `text` as a JSON string.
fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 0xf] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Why a pack was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackError {
    /// It was written for other keys (another build): its fingerprint differs.
    OtherKeys,
    /// It has this many strings, not one per key.
    WrongCount(usize),
    /// Its string number this (from 1) is empty.
    EmptyLine(usize),
}

/// Declares a table of words: a struct of `&'static str` fields, its keys in pack order, and
/// its pack form.
macro_rules! table {
    ($(#[$meta:meta])* $name:ident { $($(#[$field_meta:meta])* $field:ident,)* }) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: &'static str,)*
        }

        impl $name {
            /// The field names, in pack order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field),)*];

            /// The fingerprint of [`Self::KEYS`], a pack's first line.
            pub const FINGERPRINT: &'static str = {
                const BYTES: [u8; 8] = fingerprint($name::KEYS);
                match core::str::from_utf8(&BYTES) {
                    Ok(s) => s,
                    Err(_) => panic!("hex digits are UTF-8"),
                }
            };

            /// The table as a pack: [`Self::FINGERPRINT`], then one string per line, in
            /// [`Self::KEYS`] order.
            pub fn to_pack(&self) -> String {
                let mut out = [Self::FINGERPRINT, "\n"].concat();
                $(out.push_str(self.$field); out.push('\n');)*
                out
            }

            /// The table as a JSON object of its keys and strings (for the SDK's JavaScript
            /// pieces, which read words by name).
            pub fn to_json(&self) -> String {
                let mut out = String::from("{");
                $(
                    if out.len() > 1 {
                        out.push(',');
                    }
                    json_string(&mut out, stringify!($field));
                    out.push(':');
                    json_string(&mut out, self.$field);
                )*
                out.push('}');
                out
            }

            /// The table from its strings in [`Self::KEYS`] order (moved as they are, no
            /// code per field). (Only the tables the wasm installs use it.)
            #[allow(dead_code)]
            fn from_lines(lines: [&'static str; Self::KEYS.len()]) -> Self {
                let [$($field,)*] = lines;
                $name { $($field,)* }
            }
        }
    };
}

table! {
    /// The secure frame's words: the card form, its errors, and tokenization.
    FrameStrings {
        /// The frame document's title.
        title,
        card_number,
        expiry,
        /// What the expiry field shows while empty (`MM / YY`).
        expiry_placeholder,
        cvc,
        holder_name,
        /// Appended to an optional field's label.
        optional,
        number_required,
        number_incomplete,
        number_invalid,
        number_unsupported,
        /// A debit card where the merchant charges cards as credit only (`card.creditOnly`).
        number_debit_only,
        expiry_required,
        expiry_incomplete,
        expiry_invalid,
        expiry_expired,
        expiry_too_far,
        cvc_required,
        cvc_incomplete_3,
        cvc_incomplete_4,
        holder_required,
        holder_too_short,
        holder_too_long,
        holder_invalid,
        network_error,
        session_expired,
        api_error,
        /// The API refused for too many attempts (429): wait, do not retry at once.
        too_many_attempts,
        /// Announced when tokenization starts.
        processing,
        /// The checkbox the merchant may offer: the shopper's choice to save the card.
        save_card,
        /// The card form one field at a time (`card.steps`): the button to the next field.
        next,
        /// … and the one back to the one before.
        back,
    }
}

table! {
    /// The host component's words: method list, pay button, payment results.
    HostStrings {
        /// The iframe's title (read by screen readers).
        frame_title,
        api_error,
        /// While the session and its methods load.
        loading,
        load_failed,
        retry,
        /// The accessible name of the method list.
        methods_label,
        /// The pay button, before the amount.
        pay,
        /// Before a saved card's expiry.
        expires,
        declined,
        insufficient_funds,
        fraud_declined,
        payment_error,
        /// A saved debit card where the merchant charges cards as credit only (`card.creditOnly`).
        debit_only,
    }
}

table! {
    /// The words of the screens after the payment, drawn by the SDK's action module
    /// (`sdk/actions.mjs`) on the merchant page: the 3-D Secure dialog, PIX, vouchers,
    /// transfers, redirects and the status screen. Fetched as a pack in every language.
    ActionStrings {
        /// The dialog's name while the shopper's bank verifies them (3-D Secure).
        verify_title,
        /// The close button of the dialog.
        close,
        /// The name of the dialog the checkout itself shows in (Yuno's `renderMode: modal`).
        checkout_title,
        /// The name of the dialog a card is saved in (Yuno's `mountEnrollmentLite`).
        enroll_title,
        /// The button that saves the card.
        enroll_button,
        /// Announced once the card is saved.
        enrolled,
        /// Shown when the card could not be saved (declined at verification).
        enroll_failed,
        /// The bank's verification page's iframe title.
        challenge_frame_title,
        /// While the payment's outcome is awaited.
        waiting,
        /// Before the page goes to the bank or wallet.
        redirecting,
        pix_title,
        pix_steps,
        /// The QR image's text alternative.
        qr_label,
        copy_code,
        /// Announced when the code is on the clipboard.
        copied,
        copy_failed,
        /// Before the minutes and seconds left to pay.
        time_left,
        qr_expired,
        amount,
        voucher_title,
        voucher_steps,
        reference,
        /// Before a voucher's due date.
        due_date,
        /// The barcode image's text alternative.
        barcode_label,
        /// The link that opens the voucher to print or save.
        print,
        transfer_title,
        transfer_steps,
        /// Mexico's 18-digit interbank account number.
        clabe,
        beneficiary,
        bank,
        /// The bank list's first entry, and what it says when the shopper pays without one
        /// (`sdk/issuers.mjs`: PSE's banks, before the token).
        choose_bank,
        /// Status screen headings and details.
        succeeded,
        succeeded_detail,
        declined,
        pending,
        pending_detail,
        error,
        reason_declined,
        reason_insufficient_funds,
        reason_fraud,
        /// A declined 3-D Secure verification.
        reason_authentication,
        reason_error,
        try_again,
        /// The shopper closed the verification.
        cancelled,
        /// The bank's page did not answer in time.
        timed_out,
        /// The payment could not be read.
        read_failed,
        session_expired,
        /// The bank's page did not load.
        page_failed,
    }
}

table! {
    /// The words of the card form's Latin American fields, drawn inside the secure frame by
    /// its on-demand module (`frame/frame-latam.mjs`): the payer's identity document and the
    /// installment plans. `{count}`, `{amount}` and `{total}` are filled in by the module
    /// (amounts formatted by `Intl.NumberFormat` in the session's currency).
    LatamStrings {
        /// The picker of the document's type (countries with several: CPF or CNPJ).
        document_type,
        /// The document number field's label (the type's name follows where there is one).
        document_number,
        /// Appended to an optional field's label.
        optional,
        document_required,
        document_incomplete,
        document_too_long,
        /// A character the document is never written with.
        document_invalid_character,
        /// The right characters in an impossible arrangement (a date that is no date…).
        document_invalid,
        /// The check digit does not match: most likely a typo.
        document_check_digit,
        /// The installment select's label.
        installments,
        /// The default option: the whole `{amount}` at once.
        single_payment,
        /// `{count}` payments of `{amount}`, no interest.
        interest_free,
        /// Mexico's "meses sin intereses": `{count}` monthly payments of `{amount}`.
        interest_free_monthly,
        /// `{count}` payments of `{amount}` with interest, `{total}` in all.
        with_interest,
    }
}

table! {
    /// The sandbox's own pages, standing in for the card issuer (3-D Secure) and for banks
    /// and wallets: rendered by the sandbox, never by the widget.
    PageStrings {
        /// The simulated bank's name, shown on its pages.
        bank_name,
        issuer_title,
        issuer_prompt,
        /// The test code, said on the page because this is a sandbox.
        sandbox_hint,
        code_label,
        confirm,
        cancel,
        /// While the simulated issuer "never answers" (the timeout test card).
        contacting,
        approve_title,
        approve_prompt,
        approve,
        reject,
        merchant,
        amount,
        /// After the page is done, where it is not sent back anywhere.
        done,
        /// The link back to the merchant.
        back_to_store,
        /// The page's payment is already final.
        already_final,
    }
}

#[cfg(test)]
mod tests;
