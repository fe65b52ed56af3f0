// The secure frame's handle on its Latin American fields (the payer's identity document and
// installments, the module at `url`), which the wasm takes at once (`src/frame/latam.rs`): it
// starts loading the fields and answers for them until they are in, as fields that are not
// there yet (a required document missing; a single payment).
export function latamHandle(url) {
  return (settings) => {
    let fields;
    const loaded = import(url)
      .then((m) => m.start(settings))
      .then((f) => (fields = f), (e) => console.warn(`checkout-widget: the document and installment fields did not load: ${e}`));
    const required = settings.document == "required";
    return {
      // `installments × 2 + complete`, once told the card's IIN.
      state: (iin) => (fields ? fields.state(iin) : required ? 2 : 3),
      show: () => fields?.show(),
      busy: (on) => fields?.busy(on),
      clear: () => fields?.clear(),
      // Without the fields (not in after 10 s), a required document fails the payment as a
      // network error would.
      submit: () =>
        Promise.race([loaded, new Promise((r) => setTimeout(r, 10000))]).then(() =>
          fields ? fields.submit() : required ? Promise.reject() : {},
        ),
    };
  };
}
