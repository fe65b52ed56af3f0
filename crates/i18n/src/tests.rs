use super::*;

#[test]
fn picks_by_primary_subtag_and_falls_back_to_english() {
    let cases = [
        ("pt-BR", Lang::Pt),
        ("PT", Lang::Pt),
        ("es_MX", Lang::Es),
        ("en-GB", Lang::En),
        ("fr-CA", Lang::Fr),
        ("de-CH", Lang::De),
        ("fil-PH", Lang::Fil),
        ("tl", Lang::Fil),
        ("iw-IL", Lang::He),
        ("in", Lang::Id),
        ("ar-EG", Lang::Ar),
        ("zh", Lang::ZhCn),
        ("zh-CN", Lang::ZhCn),
        ("zh-Hans-HK", Lang::ZhCn),
        ("zh-SG", Lang::ZhCn),
        ("zh-Hant", Lang::ZhTw),
        ("zh-TW", Lang::ZhTw),
        ("zh-HK", Lang::ZhTw),
        ("zh-Hant-MO", Lang::ZhTw),
        ("xx", Lang::En),
        ("", Lang::En),
        ("-", Lang::En),
        ("f", Lang::En),
        ("filipino", Lang::En),
        ("ja", Lang::En),
    ];
    for (tag, lang) in cases {
        assert_eq!(Lang::pick(tag), lang, "{tag}");
    }
}

#[test]
fn every_code_picks_its_own_language() {
    for &lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
        assert_eq!(Lang::find(lang.code()), Some(lang));
        assert_eq!(Lang::find(&lang.code().to_ascii_uppercase()), Some(lang));
    }
    assert_eq!(Lang::ALL.len(), 20);
    assert_eq!(Lang::from_code("pt-BR"), None);
    assert_eq!(Lang::from_code("zh-tw"), None);
}

#[test]
fn the_first_spoken_tag_wins() {
    assert_eq!(Lang::pick_first(["xx", "ja", "de-AT", "fr"]), Lang::De);
    assert_eq!(Lang::pick_first(["xx"]), Lang::En);
    assert_eq!(Lang::pick_first([]), Lang::En);
}

#[test]
fn only_arabic_and_hebrew_are_right_to_left() {
    let rtl: Vec<_> = Lang::ALL
        .iter()
        .filter(|l| l.rtl())
        .map(|l| l.code())
        .collect();
    assert_eq!(rtl, ["ar", "he"]);
}

/// Every string of every table, as (key, value), through the pack form.
fn strings(lang: Lang) -> Vec<(&'static str, String)> {
    let (frame, host) = lang.tables();
    let keys = FrameStrings::KEYS.iter().chain(HostStrings::KEYS);
    let keys = keys.chain(ActionStrings::KEYS).chain(LatamStrings::KEYS);
    let keys = keys.chain(PageStrings::KEYS);
    let packs = [
        frame.to_pack(),
        host.to_pack(),
        lang.actions().to_pack(),
        lang.latam().to_pack(),
        lang.pages().to_pack(),
    ];
    let values = packs.iter().flat_map(|p| p.lines().skip(1));
    keys.copied().zip(values.map(str::to_owned)).collect()
}

#[test]
fn every_table_has_english_keys_and_is_translated() {
    let en = strings(Lang::En);
    let keys = [
        FrameStrings::KEYS,
        HostStrings::KEYS,
        ActionStrings::KEYS,
        LatamStrings::KEYS,
        PageStrings::KEYS,
    ];
    assert_eq!(en.len(), keys.iter().map(|k| k.len()).sum::<usize>());
    for &lang in &Lang::ALL[1..] {
        let other = strings(lang);
        assert_eq!(other.len(), en.len(), "{lang:?}");
        for ((key, value), (en_key, _)) in other.iter().zip(&en) {
            assert_eq!(key, en_key);
            assert!(!value.trim().is_empty(), "{lang:?}.{key} is empty");
            assert!(
                !value.contains(['\n', '\r']),
                "{lang:?}.{key} has a line break"
            );
            assert_eq!(value.trim(), value, "{lang:?}.{key} has outer spaces");
            // No bidi controls: the layout (`dir`) does the work.
            assert!(!value.contains(['\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202e}']));
        }
        let same = en.iter().zip(&other).filter(|(a, b)| a.1 == b.1).count();
        // A few words are the same in both languages (e.g. "MM / YY", "CLABE", "Pix"); most
        // are not.
        assert!(same <= 6, "{lang:?} repeats {same} English strings");
        // The numbers the messages state stay the same numbers.
        for (key, value) in &other {
            for digit in ["3", "4", "26"] {
                let in_en = en.iter().find(|e| e.0 == *key).unwrap().1.contains(digit);
                assert_eq!(value.contains(digit), in_en, "{lang:?}.{key}: {digit}");
            }
        }
    }
}

#[test]
fn a_pack_installs_and_round_trips() {
    for &lang in Lang::ALL {
        let (frame, host) = lang.tables();
        lang.install_frame(frame.to_pack()).unwrap();
        lang.install_host(host.to_pack()).unwrap();
        assert_eq!(lang.frame().to_pack(), frame.to_pack());
        assert_eq!(lang.host().to_pack(), host.to_pack());
        assert!(lang.host_installed());
    }
}

#[test]
fn a_pack_of_the_wrong_shape_is_refused_and_english_stays() {
    let (frame, host) = Lang::De.tables();
    let (frame, host) = (frame.to_pack(), host.to_pack());
    let frame_keys = FrameStrings::KEYS.len();
    let short: String = frame
        .lines()
        .take(frame_keys)
        .map(|l| [l, "\n"].concat())
        .collect();
    assert_eq!(
        Lang::De.install_frame(short),
        Err(PackError::WrongCount(frame_keys - 1))
    );
    let long = host.clone() + "extra\n";
    assert_eq!(
        Lang::De.install_host(long),
        Err(PackError::WrongCount(HostStrings::KEYS.len() + 1))
    );
    let hole = host.replacen('\n', "\n\n", 1);
    assert_eq!(Lang::De.install_host(hole), Err(PackError::EmptyLine(1)));
    assert_eq!(
        Lang::De.install_host(String::new()),
        Err(PackError::OtherKeys)
    );
    // As many lines, written for other keys (another build's): refused, not misplaced.
    let other = host.replacen(HostStrings::FINGERPRINT, "0badc0de", 1);
    assert_eq!(Lang::De.install_host(other), Err(PackError::OtherKeys));
    let headless: String = host.lines().skip(1).map(|l| [l, "\n"].concat()).collect();
    assert_eq!(Lang::De.install_host(headless), Err(PackError::OtherKeys));
    assert!(!Lang::De.host_installed());
    assert_eq!(Lang::De.host().pay, "Pay");
    assert_eq!(Lang::De.frame().card_number, "Card number");
}

#[test]
fn the_fingerprint_follows_the_keys() {
    assert_eq!(FrameStrings::FINGERPRINT.len(), 8);
    assert_ne!(FrameStrings::FINGERPRINT, HostStrings::FINGERPRINT);
    assert_ne!(fingerprint(&["a", "b"]), fingerprint(&["b", "a"]));
    assert_ne!(fingerprint(&["ab"]), fingerprint(&["a", "b"]));
}

#[test]
fn every_pack_is_within_its_budget() {
    // shared/spec/widget.md: a language pack ≤ 2 KB gzip; raw, each piece's is far below.
    for &lang in Lang::ALL {
        let (frame, host) = lang.tables();
        assert!(frame.to_pack().len() < 4096, "{lang:?}");
        assert!(host.to_pack().len() < 4096, "{lang:?}");
    }
}

#[test]
fn the_action_words_are_json_objects_of_their_keys() {
    for &lang in Lang::ALL {
        let words: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&lang.actions().to_json()).unwrap();
        let keys: Vec<&str> = words.keys().map(String::as_str).collect();
        let mut expected = ActionStrings::KEYS.to_vec();
        expected.sort_unstable();
        assert_eq!(keys, expected, "{lang:?}");
        assert_eq!(words["close"], lang.actions().close);
        assert!(lang.actions().to_json().len() < 6000, "{lang:?}");
    }
    let mut out = String::new();
    json_string(&mut out, "a\"b\\c\u{1}");
    assert_eq!(out, r#""a\"b\\c\u0001""#);
}

#[test]
fn every_latam_table_keeps_its_placeholders() {
    const PLACEHOLDERS: [&str; 3] = ["{count}", "{amount}", "{total}"];
    let json = |lang: Lang| -> serde_json::Map<String, serde_json::Value> {
        serde_json::from_str(&lang.latam().to_json()).unwrap()
    };
    let en = json(Lang::En);
    for &lang in Lang::ALL {
        let words = json(lang);
        let keys: Vec<&str> = words.keys().map(String::as_str).collect();
        let mut expected = LatamStrings::KEYS.to_vec();
        expected.sort_unstable();
        assert_eq!(keys, expected, "{lang:?}");
        assert_eq!(words["installments"], lang.latam().installments);
        for (key, value) in &words {
            let (value, en_value) = (value.as_str().unwrap(), en[key].as_str().unwrap());
            for placeholder in PLACEHOLDERS {
                assert_eq!(
                    value.matches(placeholder).count(),
                    en_value.matches(placeholder).count(),
                    "{lang:?}.{key}: {placeholder}"
                );
            }
            // No other braces: a placeholder misspelt or translated would show as written.
            let filled: usize = PLACEHOLDERS.iter().map(|&p| value.matches(p).count()).sum();
            assert_eq!(value.matches('{').count(), filled, "{lang:?}.{key}");
            assert_eq!(value.matches('}').count(), filled, "{lang:?}.{key}");
        }
    }
}
