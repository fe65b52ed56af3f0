// Our Yuno v1 layer held to Yuno's own published types (@yuno-payments/sdk-web-types): for
// every method we implement, ours is usable wherever Yuno's is, and a page written with
// Yuno's types compiles against ours. `tsc --noEmit` fails the build on a mismatch.
import type {
  ContinuePaymentResponse,
  MountEnrollmentLiteArgs,
  MountStatusPaymentArgs,
  StartCheckoutArgs,
  YunoInstance,
} from "@yuno-payments/sdk-web-types";
import type { YunoSdk } from "../../sdk/checkout-widget";

/** The merchant-facing methods of Yuno's `YunoInstance` that this SDK implements as Yuno types them. */
type Implemented =
  | "startCheckout"
  | "mountCheckout"
  | "mountCheckoutLite"
  | "startPayment"
  | "submitOneTimeTokenForm"
  | "continuePayment"
  | "updateCheckoutSession"
  | "showLoader"
  | "hideLoader"
  | "notifyError"
  | "mountStatusPayment"
  | "mountEnrollmentLite";

declare const ours: YunoSdk;

// Ours stands in for Yuno's, method by method.
export const asYunos: Pick<YunoInstance, Implemented> = ours;

// A page written from Yuno's guide, typed with Yuno's types, compiles against ours.
export async function page(): Promise<ContinuePaymentResponse> {
  const args: StartCheckoutArgs = {
    checkoutSession: "session",
    elementSelector: "#root",
    countryCode: "BR",
    language: "es",
    showLoading: true,
    renderMode: { type: "element", elementSelector: { apmForm: "#form", actionForm: "#action" } },
    card: {
      type: "step",
      isCreditCardProcessingOnly: true,
      texts: { cardStepper: { cvvStep: { prevButton: "Back", nextButton: "Pay" } } },
      onChange({ error, data }) {
        void error;
        void data?.isCardIINLoading;
      },
    },
    async yunoCreatePayment(oneTimeToken, tokenWithInformation) {
      void oneTimeToken;
      void tokenWithInformation.card_data?.lfd;
      await ours.continuePayment();
    },
    yunoPaymentResult(status) {
      void status;
    },
    yunoError(message, data) {
      void message;
      void data;
    },
  };
  await ours.startCheckout(args);
  await ours.mountCheckout();
  await ours.startPayment();
  const status: MountStatusPaymentArgs = { checkoutSession: "session", countryCode: "BR", language: "en" };
  await ours.mountStatusPayment(status);
  return ours.continuePayment({ showPaymentStatus: true });
}

// The enrollment page of Yuno's guide, typed with Yuno's types, compiles against ours.
export async function enrollmentPage(): Promise<void> {
  const args: MountEnrollmentLiteArgs = {
    customerSession: "customer-session",
    countryCode: "BR",
    language: "en",
    showLoading: true,
    renderMode: { type: "modal", elementSelector: { apmForm: "#form-element", actionForm: "#action-form-element" } },
    yunoEnrollmentStatus({ status, vaultedToken }) {
      void status;
      void vaultedToken;
    },
    yunoError(error) {
      void error;
    },
  };
  await ours.mountEnrollmentLite(args);
}
