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
      // Before the fields are in, the shopper has chosen nothing in them: a single payment, at
      // once. Only a required document is waited for (at most 10 s; then the payment fails as
      // a network error would).
      submit: () =>
        fields
          ? fields.submit()
          : required
            ? Promise.race([loaded, new Promise((r) => setTimeout(r, 10000))]).then(() =>
                fields ? fields.submit() : Promise.reject(),
              )
            : Promise.resolve({}),
    };
  };
}
