// Instantiates a piece's wasm with its wasm-bindgen glue: one streaming compile, with the
// glue's imports, then the glue takes the instance. (The glue's own loader is left out of the
// bundles: this is all of it the widget needs.)

/**
 * Fetches and instantiates the wasm at `url` with the glue's `imports()`, then hands it to the
 * glue's `finish(instance, module)`.
 */
export async function loadWasm(url, imports, finish) {
  imports = imports();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`checkout-widget: could not load ${url} (${response.status})`);
  let result;
  try {
    result = await WebAssembly.instantiateStreaming(response.clone(), imports);
  } catch {
    // A server that does not say `application/wasm`: compile from the bytes. (Bytes that do
    // not compile fail here again, with the compiler's own error.)
    result = await WebAssembly.instantiate(await response.arrayBuffer(), imports);
  }
  finish(result.instance, result.module);
}
