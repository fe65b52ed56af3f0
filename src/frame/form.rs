//! The card form of the secure frame: number, expiry, CVC and holder name in one document (so
//! autofill fills them together), formatted as typed, checked on blur and on submit, with the
//! errors wired for assistive technology.

use checkout_card::{format_expiry, format_number, Brand, Edit, YearMonth};
use checkout_protocol::{Field, FieldError, HolderNameMode};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, InputEvent, KeyboardEvent};

use super::check::{check_field, clean_cvc, index, is_filled, Reason, Values, FIELDS};
use crate::i18n::Lang;

/// Element ids of the inputs, in [`FIELDS`] order.
pub const INPUT_IDS: [&str; 4] = ["cw-number", "cw-expiry", "cw-cvc", "cw-holder"];
const ERROR_IDS: [&str; 4] = [
    "cw-number-error",
    "cw-expiry-error",
    "cw-cvc-error",
    "cw-holder-error",
];

/// The form's reactive state; `Copy`, so handlers and the frame app share it.
#[derive(Clone, Copy)]
pub struct FormState {
    /// What each field shows, in [`FIELDS`] order.
    pub values: [RwSignal<String>; 4],
    /// The error shown under each field; empty when there is none. (Strings, not `Option`s,
    /// like every text signal here: each signal type costs the wasm its own copy of the
    /// reactive code.)
    pub errors: [RwSignal<String>; 4],
    /// The brand the number's digits decide.
    pub brand: RwSignal<Option<Brand>>,
    /// A token is being created: the fields are read-only.
    pub busy: RwSignal<bool>,
    /// The one polite live region's text.
    pub notice: RwSignal<String>,
    /// An error about the whole form (network, declined…); empty when there is none.
    pub form_error: RwSignal<String>,
    /// The shopper pressed Enter.
    pub submit_requested: Trigger,
    /// The shopper's language.
    pub lang: Lang,
    /// Holder name field mode.
    pub holder_mode: HolderNameMode,
}

/// The current month, from the browser's clock.
pub fn today() -> YearMonth {
    let now = js_sys::Date::new_0();
    YearMonth {
        year: now.get_full_year() as u16,
        month: now.get_month() as u8 + 1,
    }
}

fn edit_kind(ev: &web_sys::Event) -> Edit {
    match ev
        .dyn_ref::<InputEvent>()
        .map(InputEvent::input_type)
        .as_deref()
    {
        Some("deleteContentBackward") => Edit::DeleteBackward,
        Some("deleteContentForward") => Edit::DeleteForward,
        _ => Edit::Insert,
    }
}

fn input_of(ev: &web_sys::Event) -> Option<HtmlInputElement> {
    ev.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
}

impl FormState {
    /// An empty form.
    pub fn new(lang: Lang, holder_mode: HolderNameMode) -> Self {
        Self {
            values: std::array::from_fn(|_| RwSignal::new(String::new())),
            errors: std::array::from_fn(|_| RwSignal::new(String::new())),
            brand: RwSignal::new(None),
            busy: RwSignal::new(false),
            notice: RwSignal::new(String::new()),
            form_error: RwSignal::new(String::new()),
            submit_requested: Trigger::new(),
            lang,
            holder_mode,
        }
    }

    /// The fields the form shows.
    pub fn visible_fields(&self) -> impl Iterator<Item = Field> + '_ {
        FIELDS
            .into_iter()
            .filter(|f| *f != Field::HolderName || self.holder_mode != HolderNameMode::Hidden)
    }

    /// Copies of the values (for a check; the form holds a few short strings).
    pub fn snapshot(&self) -> [String; 4] {
        self.values.map(|v| v.get_untracked())
    }

    fn reason(&self, field: Field, snap: &[String; 4]) -> Option<Reason> {
        let v = Values {
            number: &snap[0],
            expiry: &snap[1],
            cvc: &snap[2],
            holder: &snap[3],
        };
        check_field(field, &v, self.holder_mode, today())
    }

    /// Checks one field and shows (or clears) its error; returns the reason.
    pub fn check(&self, field: Field) -> Option<Reason> {
        let reason = self.reason(field, &self.snapshot());
        let message = reason.map(|r| r.message(self.lang.frame()).to_owned());
        self.errors[index(field)].set(message.unwrap_or_default());
        reason
    }

    /// Checks every visible field and shows the errors; focuses and announces the first one.
    /// True when the form is valid.
    pub fn check_all(&self) -> bool {
        let fields: Vec<Field> = self.visible_fields().collect();
        let first = fields
            .into_iter()
            .filter(|f| self.check(*f).is_some())
            .collect::<Vec<_>>();
        match first.first() {
            Some(&field) => {
                self.focus(field);
                self.notice.set(self.errors[index(field)].get_untracked());
                false
            }
            None => true,
        }
    }

    /// The coarse state the host is told: whether every visible field is valid, and the errors
    /// currently shown.
    pub fn summary(&self) -> (bool, Vec<(Field, FieldError)>) {
        let snap = self.values.map(|v| v.get());
        let mut complete = true;
        let mut errors = Vec::new();
        for field in self.visible_fields() {
            if let Some(r) = self.reason(field, &snap) {
                complete = false;
                if self.errors[index(field)].with(|e| !e.is_empty()) {
                    errors.push((field, r.summary()));
                }
            }
        }
        (complete, errors)
    }

    /// Moves the focus to a field.
    pub fn focus(&self, field: Field) {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(INPUT_IDS[index(field)]))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = el {
            let _ = el.focus();
        }
    }

    /// Empties every field and error.
    pub fn clear(&self) {
        for i in 0..4 {
            self.values[i].set(String::new());
            self.errors[i].set(String::new());
        }
        self.brand.set(None);
        self.form_error.set(String::new());
    }

    /// Shows an error next to a field, or above the form; and announces it.
    pub fn show_error(&self, field: Option<Field>, message: String) {
        match field {
            Some(f) => {
                self.errors[index(f)].set(message.clone());
                self.focus(f);
            }
            None => self.form_error.set(message.clone()),
        }
        self.notice.set(message);
    }

    /// Handles an `input` event of a field: formats, stores, re-checks a shown error, and moves
    /// the focus on once the field is filled.
    fn on_input(&self, field: Field, ev: &web_sys::Event) {
        let Some(input) = input_of(ev) else { return };
        let text = input.value();
        let edit = edit_kind(ev);
        let i = index(field);
        let shown = match field {
            Field::Number => {
                let caret = input
                    .selection_start()
                    .ok()
                    .flatten()
                    .map_or(text.len(), |c| c as usize);
                let out =
                    self.values[0].with_untracked(|prev| format_number(prev, &text, caret, edit));
                if out.as_str() != text {
                    input.set_value(out.as_str());
                }
                let _ = input.set_selection_range(out.caret as u32, out.caret as u32);
                let brand = out.detection.brand();
                if self.brand.get_untracked() != brand {
                    self.brand.set(brand);
                }
                out.as_str().to_owned()
            }
            Field::Expiry => format_expiry(&text, edit).as_str().to_owned(),
            Field::Cvc => clean_cvc(&text, self.brand.get_untracked()),
            Field::HolderName => text.clone(),
        };
        if shown != text {
            input.set_value(&shown);
        }
        self.values[i].set(shown);
        if self.errors[i].with_untracked(|e| !e.is_empty()) {
            self.check(field);
        }
        let snap = self.snapshot();
        let v = Values {
            number: &snap[0],
            expiry: &snap[1],
            cvc: &snap[2],
            holder: &snap[3],
        };
        if edit == Edit::Insert && is_filled(field, &v, today()) {
            if let Some(next) = self.visible_fields().skip_while(|f| *f != field).nth(1) {
                self.focus(next);
            }
        }
    }

    /// Handles `blur`: a field left with something in it is checked.
    fn on_blur(&self, field: Field) {
        if self.values[index(field)].with_untracked(|v| !v.is_empty()) {
            if let Some(r) = self.check(field) {
                self.notice.set(r.message(self.lang.frame()).to_owned());
            }
        }
    }
}

/// One labelled input with its error line.
fn field_view(
    state: FormState,
    field: Field,
    label: String,
    autocomplete: &'static str,
) -> impl IntoView {
    let i = index(field);
    let numeric = field != Field::HolderName;
    let placeholder = (field == Field::Expiry).then(|| state.lang.frame().expiry_placeholder);
    let maxlength = match field {
        Field::Number => "23",
        Field::Expiry => "9",
        Field::Cvc => "4",
        Field::HolderName => "64",
    };
    view! {
        <div class="cw-field" data-field=INPUT_IDS[i]>
            <label for=INPUT_IDS[i]>{label}</label>
            <div class="cw-input">
                <input
                    id=INPUT_IDS[i]
                    type="text"
                    autocomplete=autocomplete
                    inputmode=if numeric { "numeric" } else { "text" }
                    spellcheck="false"
                    maxlength=maxlength
                    placeholder=placeholder
                    readonly=move || state.busy.get()
                    aria-invalid=move || if state.errors[i].with(|e| !e.is_empty()) { "true" } else { "false" }
                    aria-describedby=move || state.errors[i].with(|e| (!e.is_empty()).then_some(ERROR_IDS[i]))
                    prop:value=move || state.values[i].get()
                    on:input=move |ev| state.on_input(field, &ev)
                    on:blur=move |_| state.on_blur(field)
                    on:keydown=move |ev: KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            state.submit_requested.notify();
                        }
                    }
                />
                {(field == Field::Number).then(|| view! {
                    <span class="cw-brand" aria-hidden="true">{move || state.brand.get().map(Brand::api_name)}</span>
                })}
            </div>
            <p id=ERROR_IDS[i] class="cw-error">{move || state.errors[i].get()}</p>
        </div>
    }
}

/// The card form.
#[component]
pub fn CardForm(state: FormState) -> impl IntoView {
    let s = state.lang.frame();
    let holder_label = match state.holder_mode {
        HolderNameMode::Optional => format!("{} {}", s.holder_name, s.optional),
        _ => s.holder_name.to_owned(),
    };
    let show_holder = state.holder_mode != HolderNameMode::Hidden;
    view! {
        <form
            class="cw-form"
            lang=state.lang.code()
            novalidate=true
            data-brand=move || state.brand.get().map_or("", Brand::api_name)
            on:submit=move |ev| {
                ev.prevent_default();
                state.submit_requested.notify();
            }
        >
            {field_view(state, Field::Number, s.card_number.to_owned(), "cc-number")}
            <div class="cw-row">
                {field_view(state, Field::Expiry, s.expiry.to_owned(), "cc-exp")}
                {field_view(state, Field::Cvc, s.cvc.to_owned(), "cc-csc")}
            </div>
            {show_holder.then(|| field_view(state, Field::HolderName, holder_label.clone(), "cc-name"))}
            <p class="cw-form-error">{move || state.form_error.get()}</p>
            <div class="cw-live" role="status" aria-live="polite">{move || state.notice.get()}</div>
        </form>
    }
}
