//! The card form of the secure frame: number, expiry, CVC and holder name in one document (so
//! autofill fills them together), formatted as typed, checked on blur and on submit, with the
//! errors wired for assistive technology.
//!
//! Written for size: every reactive binding is a `String` read from an `RwSignal<String>`, so
//! the wasm carries one copy of the reactive rendering code for all of them. What is typed is
//! kept outside the reactive graph (the inputs own their text; the handlers format it), and
//! the form tells its owner about changes through one listener instead of effects.

use std::rc::Rc;

use checkout_card::{format_expiry, format_number, Brand, Edit, YearMonth};
use checkout_protocol::{Field, FieldError, FieldMode};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlInputElement, InputEvent, KeyboardEvent};

use super::check::{brand_of, check_field, clean_cvc, index, is_filled, Reason, Values, FIELDS};
use crate::dom_events::listen_until_cleanup;
use crate::i18n::Lang;
use crate::signals::aria_bool;

/// Element ids of the inputs, in [`FIELDS`] order.
pub const INPUT_IDS: [&str; 4] = ["cw-number", "cw-expiry", "cw-cvc", "cw-holder"];
const ERROR_IDS: [&str; 4] = [
    "cw-number-error",
    "cw-expiry-error",
    "cw-cvc-error",
    "cw-holder-error",
];

/// What the form tells its owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormEvent {
    /// A value or a shown error changed.
    Changed,
    /// The shopper pressed Enter in a field.
    SubmitRequested,
}

/// What the form holds outside the reactive graph.
struct Model {
    /// What each field shows, in [`FIELDS`] order.
    values: [String; 4],
    /// A token is being created: the fields are read-only.
    busy: bool,
    listener: Rc<dyn Fn(FormState, FormEvent)>,
}

/// The form's state; `Copy`, so handlers and the frame app share it.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The error shown under each field, in [`FIELDS`] order; empty when there is none.
    pub errors: [RwSignal<String>; 4],
    /// The API name of the brand the number's digits decide; empty while undecided.
    pub brand: RwSignal<String>,
    /// The one polite live region's text.
    pub notice: RwSignal<String>,
    /// An error about the whole form (network, declined…); empty when there is none.
    pub form_error: RwSignal<String>,
    /// The shopper's language.
    pub lang: Lang,
    /// Holder name field mode.
    pub holder_mode: FieldMode,
    /// The merchant offers saving the card: the form shows a "Save this card" checkbox.
    pub save_offered: bool,
    model: StoredValue<Model, LocalStorage>,
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

/// The input with `id`, if the form is in the document.
fn input_by_id(id: &str) -> Option<HtmlInputElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// The input of a field, if the form is in the document.
fn input(field: Field) -> Option<HtmlInputElement> {
    input_by_id(INPUT_IDS[index(field)])
}

/// The id of the "Save this card" checkbox.
pub const SAVE_ID: &str = "cw-save";

impl FormState {
    /// An empty form; `listener` hears of every change and of Enter.
    pub fn new(
        lang: Lang,
        holder_mode: FieldMode,
        save_offered: bool,
        listener: impl Fn(FormState, FormEvent) + 'static,
    ) -> Self {
        Self {
            errors: std::array::from_fn(|_| RwSignal::new(String::new())),
            brand: RwSignal::new(String::new()),
            notice: RwSignal::new(String::new()),
            form_error: RwSignal::new(String::new()),
            lang,
            holder_mode,
            save_offered,
            model: StoredValue::new_local(Model {
                values: Default::default(),
                busy: false,
                listener: Rc::new(listener),
            }),
        }
    }

    fn tell(&self, event: FormEvent) {
        if let Some(listener) = self.model.try_with_value(|m| m.listener.clone()) {
            listener(*self, event);
        }
    }

    /// Whether the shopper ticked "Save this card" (false when it is not offered).
    pub fn save_chosen(&self) -> bool {
        self.save_offered && input_by_id(SAVE_ID).is_some_and(|i| i.checked())
    }

    /// The fields the form shows.
    pub fn visible_fields(&self) -> impl Iterator<Item = Field> + '_ {
        FIELDS
            .into_iter()
            .filter(|f| *f != Field::HolderName || self.holder_mode != FieldMode::Hidden)
    }

    /// Copies of the values (the form holds a few short strings).
    pub fn snapshot(&self) -> [String; 4] {
        self.model
            .try_with_value(|m| m.values.clone())
            .unwrap_or_default()
    }

    /// Whether a token is being created.
    pub fn busy(&self) -> bool {
        self.model.try_with_value(|m| m.busy).unwrap_or(false)
    }

    /// Makes the fields read-only while a token is being created, and editable again after.
    pub fn set_busy(&self, busy: bool) {
        self.model.update_value(|m| m.busy = busy);
        for field in self.visible_fields() {
            if let Some(el) = input(field) {
                el.set_read_only(busy);
            }
        }
    }

    /// Why `field` is not acceptable, if it is not (checked in place, without copies).
    fn reason(&self, field: Field, today: YearMonth) -> Option<Reason> {
        self.model
            .try_with_value(|m| check_field(field, &values(&m.values), self.holder_mode, today))
            .flatten()
    }

    fn has_error(&self, field: Field) -> bool {
        self.errors[index(field)].with_untracked(|e| !e.is_empty())
    }

    /// Checks one field and shows (or clears) its error; returns the reason.
    pub fn check(&self, field: Field) -> Option<Reason> {
        let reason = self.reason(field, today());
        let message = reason.map_or("", |r| r.message(self.lang.frame()));
        if self.errors[index(field)].with_untracked(|e| e != message) {
            self.errors[index(field)].set(message.to_owned());
        }
        reason
    }

    /// Checks every visible field and shows the errors; focuses and announces the first one.
    /// True when the form is valid.
    pub fn check_all(&self) -> bool {
        let mut first = None;
        for field in self.visible_fields() {
            if self.check(field).is_some() && first.is_none() {
                first = Some(field);
            }
        }
        self.tell(FormEvent::Changed);
        match first {
            Some(field) => {
                self.focus(field);
                self.notice.set(self.errors[index(field)].get_untracked());
                false
            }
            None => true,
        }
    }

    /// The coarse state the host is told: the brand so far, whether every visible field is
    /// valid, and the errors currently shown.
    pub fn summary(&self) -> (Option<Brand>, bool, Vec<(Field, FieldError)>) {
        let today = today();
        let mut complete = true;
        let mut errors = Vec::new();
        for field in self.visible_fields() {
            if let Some(r) = self.reason(field, today) {
                complete = false;
                if self.has_error(field) {
                    errors.push((field, r.summary()));
                }
            }
        }
        let brand = self.model.try_with_value(|m| brand_of(&m.values[0]));
        (brand.flatten(), complete, errors)
    }

    /// Moves the focus to a field.
    pub fn focus(&self, field: Field) {
        if let Some(el) = input(field) {
            let _ = el.focus();
        }
    }

    /// Empties every field and error.
    pub fn clear(&self) {
        self.model.update_value(|m| m.values = Default::default());
        for field in FIELDS {
            if let Some(el) = input(field) {
                el.set_value("");
            }
            self.errors[index(field)].set(String::new());
        }
        self.brand.set(String::new());
        self.form_error.set(String::new());
        self.tell(FormEvent::Changed);
    }

    /// Shows an error next to a field, or above the form; and announces it.
    pub fn show_error(&self, field: Option<Field>, message: &str) {
        match field {
            Some(f) => {
                self.errors[index(f)].set(message.to_owned());
                self.focus(f);
            }
            None => self.form_error.set(message.to_owned()),
        }
        self.notice.set(message.to_owned());
        self.tell(FormEvent::Changed);
    }

    /// Handles an `input` event of a field: formats, stores, re-checks a shown error, and moves
    /// the focus on once the field is filled.
    fn on_input(&self, field: Field, input: &HtmlInputElement, ev: &web_sys::Event) {
        let text = input.value();
        let edit = edit_kind(ev);
        let i = index(field);
        let number = self
            .model
            .try_with_value(|m| m.values[0].clone())
            .unwrap_or_default();
        let shown = match field {
            Field::Number => {
                let caret = input
                    .selection_start()
                    .ok()
                    .flatten()
                    .map_or(text.len(), |c| c as usize);
                let out = format_number(&number, &text, caret, edit);
                if out.as_str() != text {
                    input.set_value(out.as_str());
                }
                let _ = input.set_selection_range(out.caret as u32, out.caret as u32);
                let brand = out.detection.brand().map_or("", Brand::api_name);
                if self.brand.with_untracked(|b| b != brand) {
                    self.brand.set(brand.to_owned());
                }
                out.as_str().to_owned()
            }
            Field::Expiry => format_expiry(&text, edit).as_str().to_owned(),
            Field::Cvc => clean_cvc(&text, brand_of(&number)),
            Field::HolderName => text.clone(),
        };
        if field != Field::Number && shown != text {
            input.set_value(&shown);
        }
        self.model.update_value(|m| m.values[i] = shown);
        if self.has_error(field) {
            self.check(field);
        }
        let filled = || {
            self.model
                .try_with_value(|m| is_filled(field, &values(&m.values), today))
                == Some(true)
        };
        if edit == Edit::Insert && filled() {
            if let Some(next) = self.visible_fields().skip_while(|f| *f != field).nth(1) {
                self.focus(next);
            }
        }
        self.tell(FormEvent::Changed);
    }

    /// Handles leaving a field: one left with something in it is checked.
    fn on_blur(&self, field: Field) {
        let empty = self
            .model
            .try_with_value(|m| m.values[index(field)].is_empty());
        if empty != Some(false) {
            return;
        }
        if let Some(r) = self.check(field) {
            self.notice.set(r.message(self.lang.frame()).to_owned());
        }
        self.tell(FormEvent::Changed);
    }
}

fn values(snap: &[String; 4]) -> Values<'_> {
    Values {
        number: &snap[0],
        expiry: &snap[1],
        cvc: &snap[2],
        holder: &snap[3],
    }
}

/// The form's one event listener, on the `<form>` (a directive, so it is attached as the form
/// is built, and removed with it): `input`, `focusout` (blur, bubbling), `keydown` (Enter),
/// `submit` and `cw-check` (frame-steps.mjs's Next) all bubble to it, and the input's id says
/// which field. One handler for every field and event keeps the wasm small.
fn listen(form: web_sys::Element, state: FormState) {
    listen_until_cleanup(form, &EVENTS, move |ev: web_sys::Event| {
        let kind = ev.type_();
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        // (The id is read once: every read crosses into JS and back.)
        let field = target.as_ref().and_then(|el| {
            let id = el.id();
            INPUT_IDS.iter().position(|i| *i == id).map(|i| FIELDS[i])
        });
        match (kind.as_str(), field, target) {
            // An element with a field's id is that field's input (this form renders them).
            ("input", Some(field), Some(el)) => state.on_input(field, el.unchecked_ref(), &ev),
            // The Latin American fields' (`latam.rs`): their state is read with the form's.
            ("input", None, _) => state.tell(FormEvent::Changed),
            ("focusout", Some(field), _) => state.on_blur(field),
            // Next, in a form shown one field at a time (frame-steps.mjs): is the field right?
            // Cancelled when it is not, with the reason shown and said.
            ("cw-check", Some(field), _) => {
                if let Some(r) = state.check(field) {
                    state.notice.set(r.message(state.lang.frame()).to_owned());
                    ev.prevent_default();
                }
                state.tell(FormEvent::Changed);
            }
            ("keydown", Some(_), _)
                if ev
                    .dyn_ref::<KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Enter") =>
            {
                ev.prevent_default();
                state.tell(FormEvent::SubmitRequested);
            }
            ("submit", _, _) => {
                ev.prevent_default();
                state.tell(FormEvent::SubmitRequested);
            }
            _ => {}
        }
    });
}

const EVENTS: [&str; 5] = ["input", "focusout", "keydown", "submit", "cw-check"];

/// One labelled input with its error line. The input is always described by its error line,
/// which is empty (and says nothing) while the field is fine.
fn field_view(state: FormState, field: Field, label: String) -> impl IntoView {
    let i = index(field);
    let s = state.lang.frame();
    let (autocomplete, inputmode, maxlength) = match field {
        Field::Number => ("cc-number", "numeric", "23"),
        Field::Expiry => ("cc-exp", "numeric", "9"),
        Field::Cvc => ("cc-csc", "numeric", "4"),
        Field::HolderName => ("cc-name", "text", "64"),
    };
    let placeholder = if field == Field::Expiry {
        s.expiry_placeholder
    } else {
        ""
    };
    let error = state.errors[i];
    // The brand badge: empty but for the number, where CSS shows its `data-brand`.
    let badge = move || {
        if field == Field::Number {
            state.brand.get()
        } else {
            String::new()
        }
    };
    view! {
        <div class="cw-field">
            <label for=INPUT_IDS[i]>{label}</label>
            <div class="cw-input">
                <input
                    id=INPUT_IDS[i]
                    type="text"
                    autocomplete=autocomplete
                    inputmode=inputmode
                    spellcheck="false"
                    maxlength=maxlength
                    placeholder=placeholder
                    aria-describedby=ERROR_IDS[i]
                    aria-invalid=move || aria_bool(error.with(|e| !e.is_empty()))
                />
                <span class="cw-brand" aria-hidden="true" data-brand=badge></span>
            </div>
            <p id=ERROR_IDS[i] class="cw-error">{move || error.get()}</p>
        </div>
    }
}

/// The card form.
#[component]
pub fn CardForm(state: FormState) -> impl IntoView {
    let s = state.lang.frame();
    let holder_label = match state.holder_mode {
        FieldMode::Optional => [s.holder_name, " ", s.optional].concat(),
        _ => s.holder_name.to_owned(),
    };
    let show_holder = state.holder_mode != FieldMode::Hidden;
    view! {
        <form
            class="cw-form"
            lang=state.lang.code()
            novalidate=true
            data-brand=move || state.brand.get()
            use:listen=state
        >
            {field_view(state, Field::Number, s.card_number.to_owned())}
            <div class="cw-row">
                {field_view(state, Field::Expiry, s.expiry.to_owned())}
                {field_view(state, Field::Cvc, s.cvc.to_owned())}
            </div>
            {show_holder.then(|| field_view(state, Field::HolderName, holder_label))}
            // Unticked: saving is the shopper's choice, never the default. (Hidden rather than
            // left out when not offered: the smaller wasm.)
            <label class="cw-save" hidden=!state.save_offered>
                <input id=SAVE_ID type="checkbox" />
                {s.save_card}
            </label>
            <p class="cw-form-error">{move || state.form_error.get()}</p>
            <div class="cw-live" role="status" aria-live="polite">{move || state.notice.get()}</div>
        </form>
    }
}
