// The secure frame's loader: starts the wasm, which waits for the host's handshake before it
// renders anything. Served from the payment origin under a CSP allowing only same-origin
// scripts and wasm.
import init, { startFrame } from "./frame_glue.js";

await init({ module_or_path: new URL("frame_bg.wasm", import.meta.url) });
startFrame();
