use super::*;
use serde_json::{json, Value};

fn card() -> CardInfo {
    CardInfo {
        brand: Brand::Visa,
        iin: Iin::new("41111111").unwrap(),
        lfd: LastFour::new("1111").unwrap(),
        expiration_month: 12,
        expiration_year: 2030,
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
        },
        FrameToHost::Tokenized {
            token: "5a0e3f8e-2b0c-4c8e-9f43-2d2b0b3c9a11".into(),
            card: card(),
        },
        FrameToHost::Failed {
            code: FailureCode::NetworkError,
            retryable: true,
        },
        FrameToHost::SubmitRequested,
    ]
}

fn every_host_message() -> Vec<HostToFrame> {
    vec![
        HostToFrame::Configure(Configure {
            language: "pt-BR".into(),
            checkout_session: "s".into(),
            public_api_key: "pk".into(),
            api_url: "https://pay.example".into(),
            holder_name: HolderNameMode::Optional,
            save_card: true,
            theme: Theme::Dark,
            variables: vec![("--cw-accent".into(), "#0a7".into())],
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
        let env = Envelope {
            v: VERSION,
            seq: seq as u32,
            msg,
        };
        let text = serde_json::to_string(&env).unwrap();
        assert_eq!(
            serde_json::from_str::<Envelope<FrameToHost>>(&text).unwrap(),
            env
        );
    }
    for (seq, msg) in every_host_message().into_iter().enumerate() {
        let env = Envelope {
            v: VERSION,
            seq: seq as u32,
            msg,
        };
        let text = serde_json::to_string(&env).unwrap();
        assert_eq!(
            serde_json::from_str::<Envelope<HostToFrame>>(&text).unwrap(),
            env
        );
    }
}

#[test]
fn wire_shape_is_externally_tagged_and_versioned() {
    let env = Envelope {
        v: VERSION,
        seq: 3,
        msg: FrameToHost::Resized { height: 120 },
    };
    assert_eq!(
        serde_json::to_value(&env).unwrap(),
        json!({"v": 1, "seq": 3, "msg": {"resized": {"height": 120}}})
    );
    assert_eq!(
        serde_json::to_value(FrameToHost::Ready).unwrap(),
        json!("ready")
    );
}

#[test]
fn other_versions_and_out_of_order_messages_are_refused() {
    let header = |v: Value| serde_json::from_value::<Header>(v).unwrap();
    assert!(accept(
        &header(json!({"v": VERSION, "seq": 0, "msg": {}})),
        0
    ));
    assert!(!accept(&header(json!({"v": VERSION + 1, "seq": 0})), 0));
    assert!(!accept(&header(json!({"v": VERSION, "seq": 2})), 1));
    assert!(serde_json::from_value::<Header>(json!({"seq": 0})).is_err());
    assert!(serde_json::from_value::<Envelope<HostToFrame>>(
        json!({"v": 1, "seq": 0, "msg": {"type": "format_disk"}})
    )
    .is_err());
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
        "failed",
        "failed.code",
        "failed.retryable",
        "resized",
        "resized.height",
        "tokenized",
        "tokenized.card",
        "tokenized.card.brand",
        "tokenized.card.expiration_month",
        "tokenized.card.expiration_year",
        "tokenized.card.iin",
        "tokenized.card.lfd",
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
    assert!(LastFour::new("123").is_none() && LastFour::new("12345").is_none());
}

proptest::proptest! {
    #[test]
    fn iin_never_holds_more_than_eight_digits(s in "[0-9]{0,20}") {
        proptest::prop_assert_eq!(Iin::new(&s).is_some(), (1..=8).contains(&s.len()));
    }
}
