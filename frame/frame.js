// The secure frame's loader: starts the wasm, which waits for the host's handshake before it
// renders anything. Served from the payment origin under a CSP allowing only same-origin
// scripts and wasm.
import { __wbg_finalize_init, __wbg_get_imports, startFrame } from "./frame_glue.js";
import { loadWasm } from "./load-wasm.mjs";

await loadWasm(new URL("frame_bg.wasm", import.meta.url), __wbg_get_imports, __wbg_finalize_init);
startFrame();
