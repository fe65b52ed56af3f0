// End-to-end runs only: the harness puts this first in every document it serves (the test
// pages, the demo and the secure frame) and fails a scenario on anything it records: an
// uncaught exception, an unhandled rejection or a console.error.
(() => {
  if (window.__errors) return;
  const errors = (window.__errors = []);
  const text = (x) => (x && (x.stack || x.message)) || String(x);
  // Resource load failures are plain Events; uncaught exceptions are ErrorEvents. Not counted:
  // the ResizeObserver "loop completed with undelivered notifications" notice, which the
  // ResizeObserver spec reports through the error event although nothing threw (WebKit does,
  // when a hidden iframe's layout settles over several steps; the notifications are delivered
  // in the next frame).
  addEventListener("error", (e) => {
    if (!(e instanceof ErrorEvent) || /^ResizeObserver loop/.test(e.message)) return;
    errors.push(`uncaught exception: ${e.message} (${e.filename}:${e.lineno})`);
  });
  addEventListener("unhandledrejection", (e) => errors.push(`unhandled rejection: ${text(e.reason)}`));
  // Warnings are kept too, for scenarios that expect one (not failures).
  const warnings = (window.__warnings = []);
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    warnings.push(args.map(text).join(" "));
    warn(...args);
  };
  const original = console.error.bind(console);
  console.error = (...args) => {
    errors.push(`console.error: ${args.map(text).join(" ")}`);
    original(...args);
  };
})();
