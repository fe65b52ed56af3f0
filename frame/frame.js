// The secure frame's loader: starts the wasm and mounts the card form. Served from the payment
// origin under a CSP that allows only same-origin scripts and wasm.
import init, { mountCardNumber } from "./checkout_widget.js";

await init({ module_or_path: new URL("checkout_widget_bg.wasm", import.meta.url) });
mountCardNumber(document.getElementById("root"), "Card number");
