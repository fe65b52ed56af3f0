//! The reactive state both pieces keep. Every signal is an `RwSignal<String>`: each signal
//! type costs the wasm its own copy of the reactive code (about 1 KB gzip), so there is only
//! this one, typed through thin wrappers where it matters (ARCHITECTURE.md, size rules).

use leptos::prelude::*;

/// A yes/no state in an `RwSignal<String>`.
#[derive(Clone, Copy)]
pub struct Flag(RwSignal<String>);

impl Flag {
    pub fn new() -> Self {
        Self(RwSignal::new(String::new()))
    }

    /// Whether it is on (tracked).
    pub fn get(&self) -> bool {
        self.0.with(|s| !s.is_empty())
    }

    /// Whether it is on (untracked).
    pub fn get_untracked(&self) -> bool {
        self.0.with_untracked(|s| !s.is_empty())
    }

    pub fn set(&self, on: bool) {
        self.0.set(if on { "on" } else { "" }.to_owned());
    }
}

impl Default for Flag {
    fn default() -> Self {
        Self::new()
    }
}

/// `"true"` or `"false"`, as `aria-*` attributes take them.
pub fn aria_bool(on: bool) -> String {
    if on { "true" } else { "false" }.to_owned()
}
