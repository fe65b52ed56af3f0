//! End to end, in Chromium, Firefox and WebKit: the real demo and test pages driven over
//! WebDriver like a person would (click, type, Tab, Enter), against a sandbox this harness
//! starts on loopback, with the host page and the secure frame on different origins.
//!
//! Each engine's results are reported separately; a failing step saves a screenshot and the
//! page's text under `target/e2e-artifacts/`. `CW_E2E_ENGINES=chromium,firefox` narrows the run
//! to those engines, `CW_E2E_SCENARIOS=card-happy-path,budgets` to those scenarios (`budgets`
//! being the speed measurement).

mod after_payment;
mod browser;
mod latam;
mod sandbox;
mod scenarios;
mod site;
mod yuno;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use browser::Engine;

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

#[tokio::main]
async fn main() -> ExitCode {
    let root = workspace_root();
    let site = match site::prepare(&root) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("e2e: could not prepare the test site: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let sandbox = match sandbox::Sandbox::start(&root, site.path(), &site.sdk()).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("e2e: could not start the sandbox: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let artifacts = root.join("target/e2e-artifacts");
    let _ = std::fs::remove_dir_all(&artifacts);
    std::fs::create_dir_all(&artifacts).ok();

    let wanted =
        std::env::var("CW_E2E_ENGINES").unwrap_or_else(|_| "chromium,firefox,webkit".into());
    let engines: Vec<Engine> = wanted.split(',').filter_map(Engine::parse).collect();
    let only = std::env::var("CW_E2E_SCENARIOS").ok();
    let chosen = |name: &str| {
        only.as_ref()
            .is_none_or(|o| o.split(',').any(|n| n == name))
    };
    let (mut passed, mut failed) = (0, 0);
    let mut report = Vec::new();
    let mut report_lines: Vec<String> = Vec::new();
    for engine in engines {
        let started = Instant::now();
        let (p, f) = run_engine(engine, &sandbox, &artifacts, &chosen).await;
        passed += p;
        failed += f;
        report.push(format!(
            "{:<9} {p} passed, {f} failed ({} s)",
            engine.name(),
            started.elapsed().as_secs()
        ));
    }
    // The speed budgets, in headless Chromium as the spec states them.
    if wanted.contains("chromium") && chosen("budgets") {
        // Timings on a shared 2-core machine are noisy: as a scenario is, a measurement over
        // budget is taken once more in a fresh browser, and both must be over to fail.
        let budgets = match measure_budgets(&sandbox).await {
            Ok(report) => Ok(report),
            Err(first) => measure_budgets(&sandbox)
                .await
                .map(|report| format!("{report} (flaky: the first measurement was {first:#})")),
        };
        match budgets {
            Ok(report) => {
                passed += 1;
                println!("ok     budgets: {report}");
                report_lines.push(format!("budgets   {report}"));
            }
            Err(e) => {
                failed += 1;
                println!("FAILED budgets: {e:#}");
                report_lines.push(format!("budgets   FAILED: {e:#}"));
            }
        }
    }
    println!("\n=== e2e summary");
    for line in report.iter().chain(&report_lines) {
        println!("{line}");
    }
    println!("e2e: {passed} passed, {failed} failed");
    if failed == 0 && passed > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs every scenario in `engine`, each in a fresh browser session (so one crash or leftover
/// state cannot spill into the next). A failed scenario is tried once more and reported as
/// flaky if it then passes: WebDriver focus and frame switching across three engines have
/// timing quirks, and the first failure's artifacts are kept either way.
async fn run_engine(
    engine: Engine,
    sandbox: &sandbox::Sandbox,
    artifacts: &std::path::Path,
    chosen: &dyn Fn(&str) -> bool,
) -> (usize, usize) {
    println!("\n=== e2e: {}", engine.name());
    let (mut passed, mut failed) = (0, 0);
    for scenario in scenarios::ALL.iter().filter(|s| chosen(s.name)) {
        let started = Instant::now();
        let base = artifacts.join(format!("{}-{}", engine.name(), scenario.name));
        let first = run_once(engine, scenario, sandbox, &base).await;
        let outcome = match first {
            Ok(()) => Ok(None),
            Err(e) => {
                match run_once(engine, scenario, sandbox, &base.with_extension("retry")).await {
                    Ok(()) => Ok(Some(e)),
                    Err(again) => Err((e, again)),
                }
            }
        };
        let ms = started.elapsed().as_millis();
        match outcome {
            Ok(None) => {
                passed += 1;
                println!("ok     {} / {} ({ms} ms)", engine.name(), scenario.name);
            }
            Ok(Some(first_error)) => {
                passed += 1;
                println!(
                    "ok     {} / {} ({ms} ms; flaky, passed on retry after: {first_error:#})",
                    engine.name(),
                    scenario.name
                );
            }
            Err((e, again)) => {
                failed += 1;
                println!(
                    "FAILED {} / {}: {e:#}; again: {again:#}",
                    engine.name(),
                    scenario.name
                );
            }
        }
    }
    (passed, failed)
}

/// One run of a scenario in a fresh session; on failure saves screenshot, page and log.
async fn run_once(
    engine: Engine,
    scenario: &scenarios::Scenario,
    sandbox: &sandbox::Sandbox,
    base: &std::path::Path,
) -> anyhow::Result<()> {
    let session = browser::Session::start(engine)
        .await
        .map_err(|e| e.context("could not start the browser"))?;
    let reports_before = sandbox.csp_reports().await.len();
    let run = tokio::time::timeout(
        Duration::from_secs(90),
        (scenario.run)(&session.driver, sandbox),
    )
    .await;
    let mut result = run.unwrap_or_else(|_| Err(anyhow::anyhow!("timed out after 90 s")));
    // No uncaught exception, unhandled rejection or console.error in any document still open
    // (the pages a scenario left were checked as it left them: `scenarios::open`).
    if result.is_ok() {
        result = scenarios::no_errors(&session.driver).await;
    }
    // Zero CSP violations, on the host pages and in the secure frame (reports come late).
    tokio::time::sleep(Duration::from_millis(200)).await;
    let reports = sandbox.csp_reports().await;
    if result.is_ok() && reports.len() > reports_before && scenario.name != scenarios::CSP_CANARY {
        result = Err(anyhow::anyhow!(
            "CSP violations: {:?}",
            &reports[reports_before..]
        ));
    }
    if result.is_err() {
        session.save_artifacts(base).await;
    }
    session.stop().await;
    result
}

/// The median of `runs` (sorted in place; NaN for none).
fn median(runs: &mut [f64]) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs.get(runs.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Prints where cold mounts' time went, for `npm run bench`: each fetch's median request and
/// arrival (ms after mount()) in the order they start, then the median ready, as lines
/// `waterfall <label> <fetch> <requested> <arrived>`. A fetch made in fewer than half the
/// runs is left out.
fn print_waterfall(label: &str, runs: &[scenarios::ColdMount]) {
    let mut steps: std::collections::BTreeMap<&str, (Vec<f64>, Vec<f64>)> = Default::default();
    for (name, requested, arrived) in runs.iter().flat_map(|run| &run.steps) {
        let step = steps.entry(name).or_default();
        step.0.push(*requested);
        step.1.push(*arrived);
    }
    let mut waterfall: Vec<(&str, f64, f64)> = steps
        .into_iter()
        .filter(|(_, (requested, _))| requested.len() * 2 >= runs.len())
        .map(|(name, (mut requested, mut arrived))| {
            (name, median(&mut requested), median(&mut arrived))
        })
        .collect();
    waterfall.sort_by(|a, b| a.1.total_cmp(&b.1));
    let ready = median(&mut times(runs));
    waterfall.push(("ready", ready, ready));
    for (name, requested, arrived) in waterfall {
        println!("waterfall {label} {name} {requested:.0} {arrived:.0}");
    }
}

/// Prints a measurement for `npm run bench` as `figure <label> <runs> <median> <p95>` (ms).
fn figure(label: &str, runs: &[f64]) {
    let mut sorted = runs.to_vec();
    sorted.sort_by(f64::total_cmp);
    let p95 = sorted[(sorted.len() * 95).div_ceil(100).max(1) - 1];
    println!(
        "figure {label} {} {:.0} {p95:.0}",
        sorted.len(),
        median(&mut sorted)
    );
}

/// The mount → ready times of `runs`, in ms.
fn times(runs: &[scenarios::ColdMount]) -> Vec<f64> {
    runs.iter().map(|run| run.ms).collect()
}

/// `n` cold mounts in English in fresh `engine` browsers (on the mobile profile if `mobile`;
/// in a browser left to finish starting if `settled`).
async fn cold_runs(
    engine: Engine,
    sandbox: &sandbox::Sandbox,
    n: usize,
    mobile: bool,
    settled: bool,
) -> anyhow::Result<Vec<scenarios::ColdMount>> {
    let mut runs = Vec::new();
    for _ in 0..n {
        let session = browser::Session::start(engine).await?;
        let run = async {
            if mobile {
                scenarios::mobile_network(&session.driver).await?;
            }
            scenarios::cold_mount(&session.driver, sandbox, "en", settled).await
        }
        .await;
        session.stop().await;
        runs.push(run?);
    }
    Ok(runs)
}

async fn measure_budgets(sandbox: &sandbox::Sandbox) -> anyhow::Result<String> {
    // `npm run bench` asks for every figure over 20 runs, the mobile profile and the other
    // engines (a few minutes); `npm test` checks the budgets on fewer.
    let bench = std::env::var_os("CW_E2E_BENCH").is_some();
    let session = browser::Session::start(Engine::Chromium).await?;
    let result = scenarios::budgets(&session.driver, sandbox, if bench { 20 } else { 10 }).await;
    session.stop().await;
    let (warm, warm_runs) = result?;
    // A language pack is fetched alongside the wasm and never waited for: in every cold mount
    // in German, the host's pack is requested no later than its wasm and has arrived by the
    // time the wasm has, and the frame's is requested as soon as its script runs (within 150 ms of its arrival: the
    // frame is same-site on loopback, so its script waits for the host's main thread, busy rendering the methods
    // the loader asked for early; 39–55 ms were seen. Waiting for its wasm would add the wasm's download; its
    // page preloads its wasm, which then arrives first on loopback: measured on the mobile
    // profile, the preload saved a round trip, 2265 → 2120 ms). Cold mounts in English and German (7 fresh browsers each,
    // alternating): the German median may not be more than a quarter slower. (Measured here:
    // 3–18% slower with both packs in before the wasms, so not for the fetch.)
    let (mut de, mut english) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        for language in ["en", "de"] {
            let session = browser::Session::start(Engine::Chromium).await?;
            let run = scenarios::cold_mount(&session.driver, sandbox, language, true).await;
            session.stop().await;
            let run = run?;
            let (ms, fetches) = (run.ms, run.fetches);
            if language == "de" {
                let [[host_pack, host_wasm], [frame_pack, frame_script]] = fetches;
                let (Some(pack), Some(wasm), Some(fpack), Some(script)) =
                    (host_pack, host_wasm, frame_pack, frame_script)
                else {
                    anyhow::bail!("a pack, the host's wasm or the frame's script was not fetched: {fetches:?}");
                };
                if pack.0 > wasm.0 + 2.0 || pack.1 > wasm.1 + 5.0 {
                    anyhow::bail!(
                        "the host's German pack was requested at {:.0} ms and in at {:.0} ms, its wasm at {:.0} and {:.0} ms",
                        pack.0, pack.1, wasm.0, wasm.1
                    );
                }
                if fpack.0 > script.1 + 150.0 {
                    anyhow::bail!(
                        "the frame's German pack was requested at {:.0} ms, its script in at {:.0} ms",
                        fpack.0, script.1
                    );
                }
                de.push(ms);
            } else {
                english.push(run);
            }
        }
    }
    let en = median(&mut times(&english));
    let de = median(&mut de);
    let report = format!(
        "{warm}; cold mount→ready median {en:.0} ms in English, {de:.0} ms in German (the host's pack requested with its wasm and in before it, the frame's as its script runs)"
    );
    if bench {
        figure("warm-loopback", &warm_runs);
        // Cold on loopback: the 7 above and 13 more, 20 fresh browsers in all.
        english.extend(cold_runs(Engine::Chromium, sandbox, 13, false, true).await?);
        figure("cold-loopback", &times(&english));
        // The same, begun as soon as the browser is up (as the figures were before #16 left
        // the browser's own start-up out): for comparison.
        let at_launch = cold_runs(Engine::Chromium, sandbox, 20, false, false).await?;
        figure("cold-loopback-at-launch", &times(&at_launch));
        // The mobile profile (150 ms round trip, 1.6 Mbit/s): 20 cold, then 20 warm in one
        // more browser.
        let mobile = cold_runs(Engine::Chromium, sandbox, 20, true, true).await?;
        figure("cold-mobile", &times(&mobile));
        print_waterfall("mobile", &mobile);
        let session = browser::Session::start(Engine::Chromium).await?;
        let warm = async {
            scenarios::mobile_network(&session.driver).await?;
            scenarios::warm_mounts(&session.driver, sandbox, 20).await
        }
        .await;
        session.stop().await;
        figure("warm-mobile", &warm?);
        // Firefox and WebKit: cold on loopback (their drivers emulate no network), 20 fresh
        // browsers each. A figure, not a budget: a failure is reported, and the rest stands.
        for engine in [Engine::Firefox, Engine::WebKit] {
            match cold_runs(engine, sandbox, 20, false, true).await {
                Ok(runs) => figure(&format!("cold-loopback-{}", engine.name()), &times(&runs)),
                Err(e) => println!("figure-failed cold-loopback-{} {e:#}", engine.name()),
            }
        }
    }
    print_waterfall("loopback", &english);
    if de > en * 1.25 {
        anyhow::bail!("a language pack slows the cold mount: {report}");
    }
    Ok(report)
}
