//! `i18n-packs DIR`: writes each language's packs, `DIR/frame/<code>.txt` and
//! `DIR/host/<code>.txt` (English too, though it is built in, so every language can be
//! fetched the same way by a tool or a test).

use checkout_i18n::Lang;
use std::{fs, path::PathBuf, process::ExitCode};

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: i18n-packs DIR");
        return ExitCode::from(2);
    };
    for piece in ["frame", "host"] {
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
        for (piece, text) in [("frame", frame.to_pack()), ("host", host.to_pack())] {
            let path = dir.join(piece).join([lang.code(), ".txt"].concat());
            if let Err(e) = fs::write(&path, text) {
                eprintln!("i18n-packs: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
