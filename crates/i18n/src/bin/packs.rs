//! `i18n-packs DIR`: writes each language's packs, `DIR/frame/<code>.txt` and
//! `DIR/host/<code>.txt` (English too, though it is built in, so every language can be
//! fetched the same way by a tool or a test), and the words of the screens after the payment
//! as JSON, `DIR/actions/<code>.json`, for the SDK's action module, and the card form's Latin
//! American fields' as JSON, `DIR/latam/<code>.json`, for the frame's on-demand module
//! (JavaScript reads by name).

use checkout_i18n::Lang;
use std::{fs, path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: i18n-packs DIR");
        return ExitCode::from(2);
    };
    for piece in ["frame", "host", "actions", "latam"] {
        if let Err(e) = fs::create_dir_all(dir.join(piece)) {
            eprintln!(
                "i18n-packs: cannot create {}: {e}",
                dir.join(piece).display()
            );
            return ExitCode::FAILURE;
        }
    }
    for &lang in Lang::ALL {
        let (frame, host) = lang.tables();
        let packs = [
            ("frame", ".txt", frame.to_pack()),
            ("host", ".txt", host.to_pack()),
            ("actions", ".json", lang.actions().to_json()),
            ("latam", ".json", lang.latam().to_json()),
        ];
        for (piece, ext, text) in packs {
            let path = dir.join(piece).join([lang.code(), ext].concat());
            if let Err(e) = fs::write(&path, text) {
                eprintln!("i18n-packs: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
