use super::*;
use serde_json::{json, Value};

fn card() -> CardInfo {
    CardInfo {
        brand: Brand::Visa,
        iin: Iin::new("41111111").unwrap(),
        lfd: LastFour::new("1111").unwrap(),
        expiration_month: 12,
        expiration_year: 2030,
        save: false,
        installments: 1,
        number_length: 16,
        security_code_length: 3,
    }
}

fn every_frame_message() -> Vec<FrameToHost> {
    vec![
        FrameToHost::Ready,
        FrameToHost::Resized { height: 240 },
        FrameToHost::Changed {
            brand: Some(Brand::Amex),
            complete: false,
            errors: vec![(Field::Cvc, FieldError::Incomplete)],
            installments: 3,
        },
        FrameToHost::Tokenized {
            token: "5a0e3f8e-2b0c-4c8e-9f43-2d2b0b3c9a11".into(),
            card: card(),
        },
        FrameToHost::Tokenized {
            token: "t".into(),
            card: CardInfo {
                installments: 6,
                ..card()
            },
        },
        FrameToHost::Failed {
            code: FailureCode::NetworkError,
            retryable: true,
            message: Notice::new("We could not reach the payment service. Try again.").unwrap(),
        },
        FrameToHost::SubmitRequested,
        FrameToHost::LanguageUnavailable,
    ]
}

fn every_host_message() -> Vec<HostToFrame> {
    vec![
        HostToFrame::Configure(Configure {
            language: "pt-BR".into(),
            checkout_session: "s".into(),
            public_api_key: "pk".into(),
            api_url: "https://pay.example".into(),
            holder_name: FieldMode::Optional,
            country: "BR".into(),
            document: FieldMode::Required,
            save_card: true,
            steps: true,
            credit_only: true,
            theme: Theme::Dark,
            variables: vec![("--cw-accent".into(), "#0a7".into())],
            card: r#"{"styles":"input { color: red }","steps":{"cvc":{"next":"Pay"}}}"#.into(),
        }),
        HostToFrame::Submit,
        HostToFrame::Focus {
            field: Field::Number,
        },
        HostToFrame::Clear,
        HostToFrame::ShowError {
            field: None,
            message: "Declined".into(),
        },
    ]
}

#[test]
fn every_message_round_trips() {
    for (seq, msg) in every_frame_message().into_iter().enumerate() {
        let bytes = encode(seq as u32, &msg);
        assert_eq!(decode::<FrameToHost>(&bytes, seq as u32), Some(msg));
    }
    for (seq, msg) in every_host_message().into_iter().enumerate() {
        let bytes = encode(seq as u32, &msg);
        assert_eq!(decode::<HostToFrame>(&bytes, seq as u32), Some(msg));
    }
}

/// Postcard is positional: changing a message type changes these bytes, and must come with a
/// new `VERSION` (the other side may be an older frame).
#[test]
fn wire_bytes_are_pinned_for_this_version() {
    assert_eq!(VERSION, 10);
    // v = 10, seq = 3, variant 1 (resized), height 120.
    assert_eq!(
        encode(3, &FrameToHost::Resized { height: 120 }),
        [10, 3, 1, 120]
    );
    assert_eq!(encode(0, &FrameToHost::Ready), [10, 0, 0]);
    assert_eq!(encode(0, &FrameToHost::LanguageUnavailable), [10, 0, 6]);
    // Variant 2 (changed): Some(AMEX = 2), complete false, one error (cvc = 2, incomplete = 1),
    // 3 installments.
    let changed = FrameToHost::Changed {
        brand: Some(Brand::Amex),
        complete: false,
        errors: vec![(Field::Cvc, FieldError::Incomplete)],
        installments: 3,
    };
    assert_eq!(encode(1, &changed), [10, 1, 2, 1, 2, 0, 1, 2, 1, 3]);
    assert_eq!(
        encode(
            300,
            &HostToFrame::Focus {
                field: Field::HolderName
            }
        ),
        [10, 0xac, 0x02, 2, 3]
    );
    // Variant 4 (failed): too many attempts (5), not retryable, the shopper's words.
    let failed = FrameToHost::Failed {
        code: FailureCode::TooManyAttempts,
        retryable: false,
        message: Notice::new("Wait").unwrap(),
    };
    assert_eq!(
        encode(0, &failed),
        [10, 0, 4, 5, 0, 4, b'W', b'a', b'i', b't']
    );
    assert_eq!(encode_handshake(HandshakeStep::Connect), [1, 10]);
    // What tests/e2e/www/hostile-frame.js forges must be a valid message, or that test
    // would prove nothing.
    let mut forged = vec![10, 0, 3, 12];
    forged.extend(b"forged-token");
    forged.extend([0, 6]);
    forged.extend(b"411111");
    forged.push(4);
    forged.extend(b"1111");
    // Month 12, year 2030, not saved, 1 installment, 16 digits, a code of 3.
    forged.extend([12, 0xee, 0x0f, 0, 1, 16, 3]);
    assert_eq!(
        decode::<FrameToHost>(&forged, 0),
        Some(FrameToHost::Tokenized {
            token: "forged-token".into(),
            card: CardInfo {
                iin: Iin::new("411111").unwrap(),
                expiration_year: 2030,
                ..card()
            },
        })
    );
}

#[test]
fn other_versions_out_of_order_and_malformed_messages_are_refused() {
    let bytes = encode(4, &HostToFrame::Submit);
    assert_eq!(decode::<HostToFrame>(&bytes, 4), Some(HostToFrame::Submit));
    // Out of order.
    assert_eq!(decode::<HostToFrame>(&bytes, 3), None);
    assert_eq!(decode::<HostToFrame>(&bytes, 5), None);
    // Another version.
    let mut other = bytes.clone();
    other[0] = (VERSION + 1) as u8;
    assert_eq!(decode::<HostToFrame>(&other, 4), None);
    // Trailing bytes, a cut message, an unknown variant, nothing at all.
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode::<HostToFrame>(&longer, 4), None);
    let configure = encode(0, &every_host_message()[0]);
    for cut in 0..configure.len() {
        assert_eq!(decode::<HostToFrame>(&configure[..cut], 0), None);
    }
    assert_eq!(decode::<HostToFrame>(&[3, 0, 99], 0), None);
    assert_eq!(decode::<HostToFrame>(&[], 0), None);
    // A message for the other direction does not pass as this one.
    assert_eq!(
        decode::<HostToFrame>(&encode(0, &FrameToHost::Resized { height: 9 }), 0),
        None
    );
    // Handshakes: exact step and version only.
    assert!(is_handshake(
        &encode_handshake(HandshakeStep::Hello),
        HandshakeStep::Hello
    ));
    assert!(!is_handshake(
        &encode_handshake(HandshakeStep::Hello),
        HandshakeStep::Connect
    ));
    assert!(!is_handshake(
        &[1, VERSION as u8 + 1],
        HandshakeStep::Connect
    ));
    assert!(!is_handshake(&[1, 2, 0], HandshakeStep::Connect));
}

/// Every field a frame → host message can carry, by message type. Adding one means a
/// security review: it must not be able to hold a card number, CVC or expiry text.
#[test]
fn frame_messages_carry_no_card_number_or_cvc() {
    fn keys(v: &Value, prefix: &str, out: &mut Vec<String>) {
        if let Value::Object(map) = v {
            for (k, v) in map {
                let path = format!("{prefix}{k}");
                keys(v, &format!("{path}."), out);
                out.push(path);
            }
        }
    }
    let mut all = Vec::new();
    for msg in every_frame_message() {
        keys(&serde_json::to_value(&msg).unwrap(), "", &mut all);
    }
    all.sort();
    all.dedup();
    let expected = [
        "changed",
        "changed.brand",
        "changed.complete",
        "changed.errors",
        "changed.installments",
        "failed",
        "failed.code",
        "failed.message",
        "failed.retryable",
        "resized",
        "resized.height",
        "tokenized",
        "tokenized.card",
        "tokenized.card.brand",
        "tokenized.card.expiration_month",
        "tokenized.card.expiration_year",
        "tokenized.card.iin",
        "tokenized.card.installments",
        "tokenized.card.lfd",
        "tokenized.card.number_length",
        "tokenized.card.save",
        "tokenized.card.security_code_length",
        "tokenized.token",
    ];
    assert_eq!(all, expected);

    // The card facts refuse a full number wherever one could be smuggled in.
    let mut tokenized = serde_json::to_value(FrameToHost::Tokenized {
        token: "t".into(),
        card: card(),
    })
    .unwrap();
    tokenized["tokenized"]["card"]["iin"] = json!("4111111111111111");
    assert!(serde_json::from_value::<FrameToHost>(tokenized.clone()).is_err());
    tokenized["tokenized"]["card"]["iin"] = json!("411111");
    assert!(serde_json::from_value::<FrameToHost>(tokenized.clone()).is_ok());
    tokenized["tokenized"]["card"]["lfd"] = json!("1111111111111111");
    assert!(serde_json::from_value::<FrameToHost>(tokenized).is_err());
    assert!(Iin::new("123456789").is_none() && Iin::new("4111a1").is_none());
    // The failure's words refuse what a CVC or a card number needs.
    for smuggled in [
        "CVC 123",
        "4111 1111 1111 1111",
        "1-2-3",
        "x".repeat(301).as_str(),
    ] {
        assert!(Notice::new(smuggled).is_none(), "{smuggled}");
    }
    assert!(Notice::new("The name is too long (26 characters at most).").is_some());
    assert!(LastFour::new("123").is_none() && LastFour::new("12345").is_none());
}

proptest::proptest! {
    #[test]
    fn iin_never_holds_more_than_eight_digits(s in "[0-9]{0,20}") {
        proptest::prop_assert_eq!(Iin::new(&s).is_some(), (1..=8).contains(&s.len()));
    }
}

proptest::proptest! {
    /// Whatever bytes arrive, decoding returns or refuses; it never panics.
    #[test]
    fn any_bytes_decode_or_are_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64), seq in 0u32..4) {
        let _ = decode::<HostToFrame>(&bytes, seq);
        let _ = decode::<FrameToHost>(&bytes, seq);
    }
}

/// The names the JS API shows are the serialized names.
#[test]
fn js_names_match_the_serialized_names() {
    let json = |v: Value| v.as_str().unwrap().to_owned();
    for f in [Field::Number, Field::Expiry, Field::Cvc, Field::HolderName] {
        assert_eq!(f.as_str(), json(serde_json::to_value(f).unwrap()));
    }
    for e in [
        FieldError::Required,
        FieldError::Incomplete,
        FieldError::Invalid,
        FieldError::UnsupportedBrand,
        FieldError::Expired,
    ] {
        assert_eq!(e.as_str(), json(serde_json::to_value(e).unwrap()));
    }
    for c in [
        FailureCode::ValidationFailed,
        FailureCode::NetworkError,
        FailureCode::SessionExpired,
        FailureCode::CardRejected,
        FailureCode::ApiError,
        FailureCode::TooManyAttempts,
    ] {
        assert_eq!(c.as_str(), json(serde_json::to_value(c).unwrap()));
    }
}

/// Bytes that sit on the edges of the encoding (tags, varint continuation, the top of a
/// varint's last byte) more often than chance would put them there.
fn edge_byte() -> impl proptest::strategy::Strategy<Value = u8> {
    proptest::prop_oneof![
        0u8..8,
        proptest::strategy::Just(0x0f),
        proptest::strategy::Just(0x10),
        proptest::strategy::Just(0x7f),
        proptest::strategy::Just(0x80),
        proptest::strategy::Just(0xff),
        proptest::num::u8::ANY,
    ]
}

/// The `postcard` crate's reading of `bytes`: what `decode` must agree with.
fn postcard_decode<M: serde::de::DeserializeOwned>(bytes: &[u8], expected_seq: u32) -> Option<M> {
    let (header, _) = postcard::take_from_bytes::<Header>(bytes).ok()?;
    if !accept(&header, expected_seq) {
        return None;
    }
    match postcard::take_from_bytes::<Envelope<M>>(bytes).ok()? {
        (envelope, []) => Some(envelope.msg),
        _ => None,
    }
}

fn postcard_encode<M: Serialize>(seq: u32, msg: M) -> Vec<u8> {
    postcard::to_allocvec(&Envelope {
        v: VERSION,
        seq,
        msg,
    })
    .unwrap()
}

/// The hand-written codec writes postcard's bytes.
#[test]
fn the_codec_writes_what_postcard_writes() {
    for (seq, msg) in every_frame_message().into_iter().enumerate() {
        assert_eq!(
            encode(seq as u32 * 77, &msg),
            postcard_encode(seq as u32 * 77, &msg)
        );
    }
    for (seq, msg) in every_host_message().into_iter().enumerate() {
        assert_eq!(
            encode(seq as u32 * 77, &msg),
            postcard_encode(seq as u32 * 77, &msg)
        );
    }
    for brand in Brand::ALL {
        let msg = FrameToHost::Changed {
            brand: Some(brand),
            complete: true,
            errors: vec![],
            installments: 1,
        };
        assert_eq!(encode(0, &msg), postcard_encode(0, &msg));
    }
    for step in [HandshakeStep::Hello, HandshakeStep::Connect] {
        let expected = postcard::to_allocvec(&Handshake {
            cw: step,
            v: VERSION,
        })
        .unwrap();
        assert_eq!(encode_handshake(step), expected);
    }
}

/// Every message with any one byte changed to any value, cut anywhere, or one byte longer:
/// the codec reads each as postcard does.
#[test]
fn the_codec_reads_every_one_byte_change_as_postcard_does() {
    let mut valid: Vec<Vec<u8>> = every_frame_message().iter().map(|m| encode(1, m)).collect();
    valid.extend(every_host_message().iter().map(|m| encode(1, m)));
    let same = |bytes: &[u8]| {
        assert_eq!(
            decode::<FrameToHost>(bytes, 1),
            postcard_decode::<FrameToHost>(bytes, 1),
            "{bytes:?}"
        );
        assert_eq!(
            decode::<HostToFrame>(bytes, 1),
            postcard_decode::<HostToFrame>(bytes, 1),
            "{bytes:?}"
        );
    };
    for bytes in &valid {
        for at in 0..bytes.len() {
            same(&bytes[..at]);
            for b in 0..=255 {
                let mut changed = bytes.clone();
                changed[at] = b;
                same(&changed);
                let mut longer = bytes.clone();
                longer.insert(at, b);
                same(&longer);
            }
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    /// And reads what postcard reads: from any valid message with bytes changed, cut or added,
    /// the same message or the same refusal.
    #[test]
    fn the_codec_reads_what_postcard_reads(
        which in 0usize..11,
        edits in proptest::collection::vec((0usize..64, edge_byte()), 0..4),
        cut in proptest::option::of(0usize..64),
        extra in proptest::collection::vec(edge_byte(), 0..3),
    ) {
        let frame = every_frame_message();
        let host = every_host_message();
        let mut bytes = match frame.get(which) {
            Some(m) => encode(1, m),
            None => encode(1, &host[which - frame.len()]),
        };
        for (at, b) in edits {
            let at = at % bytes.len().max(1);
            if let Some(slot) = bytes.get_mut(at) {
                *slot = b;
            }
        }
        if let Some(cut) = cut {
            bytes.truncate(cut);
        }
        bytes.extend(extra);
        proptest::prop_assert_eq!(decode::<FrameToHost>(&bytes, 1), postcard_decode::<FrameToHost>(&bytes, 1));
        proptest::prop_assert_eq!(decode::<HostToFrame>(&bytes, 1), postcard_decode::<HostToFrame>(&bytes, 1));
    }

    /// Arbitrary bytes too, varints of every length among them.
    #[test]
    fn the_codec_reads_arbitrary_bytes_as_postcard_does(bytes in proptest::collection::vec(edge_byte(), 0..24)) {
        proptest::prop_assert_eq!(decode::<FrameToHost>(&bytes, 0), postcard_decode::<FrameToHost>(&bytes, 0));
        proptest::prop_assert_eq!(decode::<HostToFrame>(&bytes, 0), postcard_decode::<HostToFrame>(&bytes, 0));
        let step = HandshakeStep::Connect;
        let by_postcard = matches!(postcard::take_from_bytes::<Handshake>(&bytes), Ok((h, [])) if h.cw == step && h.v == VERSION);
        proptest::prop_assert_eq!(is_handshake(&bytes, step), by_postcard);
    }
}

#[test]
fn brand_indices_are_declaration_order() {
    for (i, b) in Brand::ALL.into_iter().enumerate() {
        assert_eq!(b as usize, i);
    }
}

/// Whatever the frame shows about a failure passes to the host: every word of its tables, in
/// every language, must fit a [`Notice`], or `onError` would get an empty message.
#[test]
fn every_frame_message_in_every_language_fits_a_notice() {
    for lang in checkout_i18n::Lang::ALL {
        let (frame, _) = lang.tables();
        for line in frame.to_pack().lines().skip(1) {
            assert!(Notice::new(line).is_some(), "{}: {line}", lang.code());
        }
    }
}
