// End-to-end runs only: the harness puts this first in every document it serves (the test
// pages, the demo and the secure frame) and fails a scenario on anything it records: an
// uncaught exception, an unhandled rejection or a console.error.
(() => {
  if (window.__errors) return;
  const errors = (window.__errors = []);
  const text = (x) => (x && (x.stack || x.message)) || String(x);
  // Resource load failures are plain Events; uncaught exceptions are ErrorEvents.
  addEventListener("error", (e) => {
    if (e instanceof ErrorEvent) errors.push(`uncaught exception: ${e.message} (${e.filename}:${e.lineno})`);
  });
  addEventListener("unhandledrejection", (e) => errors.push(`unhandled rejection: ${text(e.reason)}`));
  const original = console.error.bind(console);
  console.error = (...args) => {
    errors.push(`console.error: ${args.map(text).join(" ")}`);
    original(...args);
  };
})();
