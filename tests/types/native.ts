// The native API's types, used the way the README shows: a page that mounts, pays, and
// finishes the payment compiles; wrong option types do not (the `@ts-expect-error` lines fail
// the build if they ever compile).
import { mount, mountStatus, type PaymentResult } from "../../sdk/checkout-widget";

export async function page(): Promise<PaymentResult | null> {
  const handle = await mount("#checkout", {
    publicApiKey: "pk",
    checkoutSession: "session",
    countryCode: "BR",
    showPaymentStatus: true,
    challengeTimeout: 300,
    card: { saveCard: true, steps: { number: { next: "Continue" }, cvc: { back: "Back" } }, creditOnly: true },
    async onToken(token, info) {
      void token;
      void info.brand;
    },
    onPaymentResult({ status, subStatus }) {
      void status;
      void subStatus;
    },
  });
  // @ts-expect-error: onToken is required
  await mount("#checkout", { publicApiKey: "pk", checkoutSession: "s", countryCode: "BR" });
  // @ts-expect-error: redirect is "navigate" or "return"
  await mount("#c", { publicApiKey: "pk", checkoutSession: "s", countryCode: "BR", onToken() {}, redirect: "go" });
  // @ts-expect-error: card.creditOnly is a boolean
  await mount("#c", { publicApiKey: "pk", checkoutSession: "s", countryCode: "BR", onToken() {}, card: { creditOnly: "yes" } });
  // @ts-expect-error: card.steps labels only the card's own steps
  await mount("#c", { publicApiKey: "pk", checkoutSession: "s", countryCode: "BR", onToken() {}, card: { steps: { pin: { next: "Go" } } } });
  // @ts-expect-error: card.steps is a boolean or its labels
  await mount("#c", { publicApiKey: "pk", checkoutSession: "s", countryCode: "BR", onToken() {}, card: { steps: "step" } });
  handle.continuePayment({ status: "DECLINED", subStatus: "INSUFFICIENT_FUNDS" });
  const shown = await mountStatus("#status", { publicApiKey: "pk", checkoutSession: "session" });
  shown.unmount();
  const result = await handle.continuePayment();
  return result && "status" in result ? result : null;
}
