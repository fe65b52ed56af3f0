// Types of checkout-widget's JavaScript API (hand-checked; the wasm exports are typed `any`).

/** Card facts the host may know: never the number, the CVC or the expiry text. */
export interface TokenInfo {
  /** `CARD`, `PIX`, `OXXO`… */
  type: string;
  /** `VISA`, `MASTERCARD`, `AMEX`… (cards). */
  brand?: string;
  /** First 6–8 digits (new cards). */
  iin?: string;
  /** Last four digits (cards). */
  lfd?: string;
  expirationMonth?: number;
  expirationYear?: number;
  /** The saved card used, when one was. */
  vaultedToken?: string;
  /**
   * New cards: the shopper ticked "Save this card" (offered with `card.saveCard`). The token
   * then saves the card when its payment succeeds; nothing else is needed.
   */
  saveCard?: boolean;
  /** New cards: the number of installments the shopper chose (1: a single payment). */
  installment?: number;
  /** New cards: how many digits the number has (0 below 16: not told), and the security code. */
  numberLength?: number;
  securityCodeLength?: number;
}

export interface CheckoutError {
  /**
   * `NETWORK_ERROR`, `SESSION_EXPIRED`, `CARD_REJECTED`, `TOO_MANY_ATTEMPTS` (the API refused
   * more card attempts for now: the card form says to wait; not retryable),
   * `LANGUAGE_PACK_UNAVAILABLE` (the
   * checkout, or its card form, is shown in English); after the payment
   * `PAYMENT_READ_FAILED`, `PAYMENT_NOT_FOUND`, `CHALLENGE_TIMEOUT`, `CHALLENGE_PAGE_FAILED`, `ACTION_INVALID` (the API
   * gave an action URL that is not http(s)); or the API's code.
   */
  code: string;
  /** In the checkout's language. */
  message: string;
  /** Whether trying again may work. */
  retryable: boolean;
  /**
   * For the developer, in English, when the widget can tell: the cause and the fix (a wrong
   * `publicApiKey`, an unknown or expired session, an `apiUrl` that is unreachable or not the
   * payment API…). Also written to the console with `console.warn`. Never show it to shoppers.
   */
  detail?: string;
}

export type FieldName = "number" | "expiry" | "cvc" | "holder_name";
export type FieldErrorKind = "required" | "incomplete" | "invalid" | "unsupported_brand" | "expired";

export interface ChangeState {
  paymentMethodType: string;
  complete: boolean;
  brand?: string;
  /** The errors shown, as `[field, kind]` pairs. */
  errors: Array<[FieldName, FieldErrorKind]>;
  /**
   * The number of installments chosen so far (1: a single payment, and where the card's
   * country, session or card has no plans).
   */
  installment: number;
}

export interface CheckoutOptions {
  /** Required. */
  publicApiKey: string;
  /** Required: the session the merchant server created. */
  checkoutSession: string;
  /** Required, ISO 3166-1 alpha-2. */
  countryCode: string;
  /** BCP 47; default: the browser's, then "en". en, es and pt are built in. */
  language?: string;
  /**
   * The payment API's base URL (without `/v1`). Default: the origin the SDK was loaded from,
   * so a bundled SDK needs it. It may not be the page's own origin (`mount` refuses it: the
   * card form must come from another origin than the page's).
   */
  apiUrl?: string;
  /** Required: receives the one-time token; the pay button stays busy until a returned promise settles. */
  onToken(token: string, info: TokenInfo): void | Promise<void>;
  onError?(error: CheckoutError): void;
  /** Methods rendered and, for a new card, the secure frame interactive. */
  onReady?(): void;
  onChange?(state: ChangeState): void;
  /** The method the shopper selected: its type, its name as the API gives it, its saved card. */
  onPaymentMethodSelected?(method: { type: string; name: string; vaultedToken?: string }): void;
  /** Default true. */
  showPayButton?: boolean;
  /** The pay button's label, instead of "Pay" and the amount in the shopper's language. */
  payButtonText?: string;
  /**
   * Default true: a method that has issuers (PSE's banks) shows their list once chosen, and
   * the shopper picks their bank before paying; the token carries it. False: no list, and
   * the token carries no bank.
   */
  issuerForm?: boolean;
  appearance?: {
    theme?: "light" | "dark";
    /** CSS custom properties, `--cw-*` only: e.g. `{ "--cw-color-accent": "#0a7" }`. */
    variables?: Record<string, string>;
  };
  /**
   * `saveCard: true` offers the shopper a "Save this card" checkbox (unticked); the card is
   * saved only when the shopper ticks it. `styles`: CSS for the card fields and labels, applied
   * inside the secure frame; only visual properties stay (colours, fonts of 10px and up,
   * borders, outline colour, style and width, shadows, padding, backgrounds without `url()`),
   * the form's own state (an invalid field, the focus ring) always shows, and what is dropped is
   * named in a console warning.
   */
  card?: {
    holderName?: "required" | "optional" | "hidden";
    /**
     * The payer's identity document (CPF or CNPJ, RFC or CURP, DNI, CUIT or CUIL, CC, CE or
     * NIT, RUT, RUC, CI), checked as typed; shown only where `countryCode` is AR, BR, CL, CO,
     * EC, MX, PE or UY. Default `"hidden"`. (Installment plans show in those countries
     * whenever the API offers more than one payment for the card.)
     */
    document?: "required" | "optional" | "hidden";
    saveCard?: boolean;
    /**
     * The card form one field at a time, with Back and Next (Yuno: `card.type: "step"`);
     * Enter and Next check the field before moving on. Default false: every field at once.
     * An object is `true` with the buttons' labels for the card's steps (Yuno:
     * `card.texts.cardStepper`), e.g. `{ number: { next: "Continue" }, cvc: { back: "Back to
     * the date" } }`; a label is at most 40 characters, with a letter or a digit and nothing
     * invisible, and one that is not (or is for another step) is named in a console warning,
     * its button keeping the form's words, which the other steps (the document, installments)
     * use too.
     */
    steps?: boolean | Partial<Record<"number" | "expiry" | "cvc" | "holderName", { back?: string; next?: string }>>;
    /**
     * Charge the card as credit (Yuno: `card.isCreditCardProcessingOnly`): a card that is both
     * credit and debit is charged as credit, and a debit card gets no token (the form says so
     * under the number; a saved debit card, under the pay button). Default false: a card is
     * charged as what it is, a combo card as debit, a saved card as it was when saved.
     */
    creditOnly?: boolean;
    styles?: string;
  };
  /** The method to select first (default: the first listed). */
  initialPaymentMethod?: { type: string; vaultedToken?: string };
  /**
   * Only the methods of these types (`"CARD"`, `"PIX"`…, saved cards included under `"CARD"`)
   * or these saved cards (their `vaultedToken`) are shown, in the session's order (Yuno:
   * `showOnlyThesePaymentMethods`); an empty list does not filter. None left: `onError` with
   * `NO_PAYMENT_METHODS`.
   */
  paymentMethods?: string[];
  /** After the payment (`continuePayment()`): its final (or pending) status. */
  onPaymentResult?(result: PaymentResult): void;
  /** After the payment: show the status screen in place of the form. Default false. */
  showPaymentStatus?: boolean;
  /** Where 3-D Secure, PIX codes and vouchers show (Yuno's `actionForm`); default: a modal dialog. */
  actionElement?: Element | string;
  /** Seconds to wait for the bank's 3-D Secure page before giving up (`CHALLENGE_TIMEOUT`). Default 600. */
  challengeTimeout?: number;
  /** Redirect methods: the window goes to the bank (default), or `continuePayment()` resolves to Yuno's redirect object. */
  redirect?: "navigate" | "return";
}

/** A payment's result as the merchant's callbacks receive it. */
export interface PaymentResult {
  /** `SUCCEEDED`, `DECLINED`, `ERROR`, `EXPIRED`, `CANCELED` or `PENDING`. */
  status: string;
  /** E.g. `APPROVED`, `INSUFFICIENT_FUNDS`, `FAILED_AUTHENTICATION`, `WAITING_ADDITIONAL_STEP`, `CANCELLED_BY_USER`. */
  subStatus?: string;
}

/** What a redirect method asks of a page that navigates by itself (Yuno's shape). */
export interface RedirectAction {
  action: "REDIRECT_URL";
  type: string;
  redirect: { init_url: string; success_url: string; error_url: string };
}

export interface CheckoutHandle {
  /** What the pay button does; resolves when the attempt ends. */
  submit(): Promise<void>;
  /**
   * After the merchant's server created the payment, with no argument (as Yuno's guide does):
   * reads the payment, shows what it still needs (3-D Secure, a PIX code, a voucher, a
   * transfer, the bank's page), waits for the outcome and reports it to `onPaymentResult`;
   * resolves to the result, a `RedirectAction` (`redirect: "return"`), or null (navigated
   * away, unmounted, or failed: `onError` says why). With a status: after a decline or
   * error, the form comes back with the reason shown.
   */
  continuePayment(): Promise<PaymentResult | RedirectAction | null>;
  continuePayment(result: { status: string; subStatus?: string }): void;
  /** Removes every node, listener and the iframe. */
  unmount(): void;
}

/**
 * Mounts the checkout; rejects with a `TypeError` naming a bad option (the options for after
 * the payment are checked when `continuePayment()` runs).
 */
export function mount(target: Element | string, options: CheckoutOptions): Promise<CheckoutHandle>;

/** Options of the return page's status piece. */
export interface StatusOptions {
  publicApiKey: string;
  checkoutSession: string;
  language?: string;
  apiUrl?: string;
  onPaymentResult?(result: PaymentResult): void;
  onError?(error: CheckoutError): void;
}

/**
 * The status piece of a return page (after the bank's page): reads the session's payment into
 * `target` and shows its result; resolves once shown (a payment still being decided is waited
 * for, up to `challengeTimeout`).
 */
export function mountStatus(
  target: Element | string,
  options: StatusOptions,
): Promise<{ status: string | null; subStatus?: string; unmount(): void }>;

/**
 * Yuno's `OneTimeToken`, as far as the host knows it: the holder's name stays in the secure
 * frame, and the number's and code's lengths are not told to the host.
 */
export interface YunoOneTimeToken {
  token: string;
  type: string;
  vaulted_token: string | null;
  vault_on_success: boolean;
  /**
   * Cards. `holder_name` is empty: like the number, the name stays in the secure frame (the
   * payment has it). The sandbox knows no issuer or category: empty and null. `type` is
   * `CREDIT` under `card.isCreditCardProcessingOnly` (the API charges the card so or makes no
   * token), else empty.
   */
  card_data?: {
    holder_name: string;
    iin: string;
    lfd: string;
    number_length: number;
    security_code_length: number;
    brand: string;
    issuer_name: string;
    issuer_code: string | null;
    category: string | null;
    type: string;
    expiration_month?: number;
    expiration_year?: number;
  };
  /**
   * Empty: the payer's document (`card.documentEnable`) stays in the secure frame; the token
   * carries it to the API, and the payment has it (`customer_payer.document`).
   */
  customer: Record<string, never>;
}

/** Options of the Yuno Web SDK v1 `startCheckout`. */
export interface YunoStartCheckoutOptions {
  checkoutSession: string;
  /** Deprecated by Yuno in favour of `renderMode.elementSelector`; still accepted. */
  elementSelector?: string | { apmForm?: string; actionForm?: string };
  renderMode?: { type?: "modal" | "element"; elementSelector?: string | { apmForm?: string; actionForm?: string } };
  /** Default true, as Yuno's. */
  showPaymentStatus?: boolean;
  countryCode: string;
  language?: string;
  showLoading?: boolean;
  apiUrl?: string;
  /** Unmount the SDK once the payment's result is known. */
  automaticallyUnmount?: boolean;
  card?: {
    cardSaveEnable?: boolean;
    /** No cardholder name field (native `card.holderName: "hidden"`). */
    hideCardholderName?: boolean;
    /**
     * `cardForm.paymentSubmitButton`: the pay button's label (native `payButtonText`);
     * `cardStepper`: the step buttons' labels under `type: "step"` (native `card.steps`).
     */
    texts?: {
      cardForm?: { paymentSubmitButton?: string };
      cardStepper?: Partial<
        Record<"numberCardStep" | "cardHolderNameStep" | "expirationDateStep" | "cvvStep", { prevButton?: string; nextButton?: string }>
      >;
    };
    styles?: string;
    /** Ask for the payer's identity document (native `card.document: "required"`). */
    documentEnable?: boolean;
    /** The number of installments the shopper picked, when it changes. */
    onInstallmentSelected?(selection: { installment: number }): void;
    /** Charge the card as credit (native `card.creditOnly`). */
    isCreditCardProcessingOnly?: boolean;
    /**
     * As the card form changes: whether it shows an error. (Not Yuno's `data.cardIIN`, the
     * IIN's issuer lookup: the IIN stays in the secure frame.)
     */
    onChange?(args: { error: boolean; data?: { isCardIINLoading: boolean; isInstallmentLoading: boolean; cardConfig: null } }): void;
  };
  yunoCreatePayment?(oneTimeToken: string, tokenWithInformation: YunoOneTimeToken): void | Promise<void>;
  createPayment?(oneTimeToken: string, tokenWithInformation: YunoOneTimeToken): void | Promise<void>;
  yunoPaymentResult?(status: string, subStatus?: string): void;
  paymentResult?(status: string, subStatus?: string): void;
  yunoError?(message: string, data: CheckoutError): void;
  error?(message: string, data: CheckoutError): void;
  yunoPaymentMethodSelected?(method: { type: string; name: string; vaulted_token?: string }): void;
  paymentMethodSelected?(method: { type: string; name: string; vaulted_token?: string }): void;
  onPaymentMethodSelected?(method: { type: string; name: string; vaulted_token?: string }): void;
  showPayButton?: boolean;
  onRendered?(): void;
  onOneTimeTokenCreationStart?(): void;
  onLoading?(args: { isLoading: boolean; type: "DOCUMENT" | "ONE_TIME_TOKEN" }): void;
}

/** Yuno's enrollment statuses (`yunoEnrollmentStatus`). */
export type YunoEnrollmentStatus =
  | "CREATED"
  | "EXPIRED"
  | "REJECTED"
  | "READY_TO_ENROLL"
  | "ENROLL_IN_PROCESS"
  | "UNENROLL_IN_PROCESS"
  | "ENROLLED"
  | "DECLINED"
  | "CANCELED"
  | "ERROR"
  | "UNENROLLED";

/** Options of Yuno's `mountEnrollmentLite` (saving a card without paying). */
export interface YunoEnrollmentOptions {
  /** The `customer_session` the merchant's server created (`POST /v1/customers/sessions`). */
  customerSession: string;
  countryCode: string;
  language?: string;
  /** Default: a modal dialog, as Yuno's. */
  renderMode?: { type?: "modal" | "element"; elementSelector?: string | { apmForm?: string; actionForm?: string } };
  elementSelector?: string | { apmForm?: string; actionForm?: string };
  /** The loader while the card is verified; default true. */
  showLoading?: boolean;
  /** "Your card has been saved" once it is; default true. */
  showPaymentStatus?: boolean;
  apiUrl?: string;
  /** Yuno's `card.texts.cardForm.enrollmentSubmitButton`: the Save card button's label. */
  card?: { texts?: { cardForm?: { enrollmentSubmitButton?: string } }; isCreditCardProcessingOnly?: boolean };
  /** Once the card is verified: `ENROLLED` with its `vaultedToken`, or `DECLINED` / `ERROR` (the form comes back for another card). */
  yunoEnrollmentStatus?(result: { status: YunoEnrollmentStatus; vaultedToken?: string }): void;
  /** Errors; `CANCELED_BY_USER` when the shopper closes the dialog before the card is saved. */
  yunoError?(message: string, data?: unknown): void;
  onRendered?(): void;
  onOneTimeTokenCreationStart?(): void;
  onLoading?(args: { isLoading: boolean; type: "DOCUMENT" | "ONE_TIME_TOKEN" }): void;
}

/** The object `Yuno.initialize` resolves to. */
export interface YunoSdk {
  /** Checks the options (a bad one rejects with a `TypeError` naming it). */
  startCheckout(options: YunoStartCheckoutOptions): Promise<void>;
  mountCheckout(selection?: { paymentMethodType?: string; vaultedToken?: string }): Promise<void>;
  startPayment(): Promise<void>;
  /** Lite: the checkout with `paymentMethodType` chosen, and its form's own pay button. */
  mountCheckoutLite(args: { paymentMethodType: string; vaultedToken?: string }): Promise<void>;
  /** Lite without a pay button: what the form's button would do. */
  submitOneTimeTokenForm(): Promise<void>;
  /** After a failed payment: the checkout mounted anew for the new session, on the same method. */
  updateCheckoutSession(checkoutSession: string): Promise<void>;
  showLoader(): Promise<void>;
  hideLoader(): Promise<void>;
  /** A rejected payment (Yuno's older retry): the form comes back with the error shown. */
  notifyError(): Promise<void>;
  /** With no argument (Yuno's guide): shows what the payment still needs; resolves to null or Yuno's redirect object. */
  continuePayment(args?: { showPaymentStatus?: boolean } | { status?: string; subStatus?: string }): Promise<RedirectAction | null>;
  /** The return page's status piece. */
  mountStatusPayment(options: {
    checkoutSession: string;
    countryCode?: string;
    language?: string;
    elementSelector?: Element | string;
    yunoPaymentResult?(status: string, subStatus?: string): void;
    yunoError?(message: string, data: CheckoutError): void;
  }): Promise<void>;
  /** Card enrollment: the card form on a customer session, with its own "Save card" button. */
  mountEnrollmentLite(options: YunoEnrollmentOptions): Promise<void>;
  unmountSdk(): void;
  /**
   * Not offered by this SDK (seamless mode, external wallet buttons, fraud SDKs, secure fields,
   * Click to Pay): each rejects with an `Error` naming the feature.
   */
  startSeamlessCheckout(...args: unknown[]): Promise<never>;
  mountSeamlessCheckout(...args: unknown[]): Promise<never>;
  mountSeamlessCheckoutLite(...args: unknown[]): Promise<never>;
  mountExternalButtons(...args: unknown[]): Promise<never>;
  unmountExternalButton(...args: unknown[]): Promise<never>;
  unmountAllExternalButtons(...args: unknown[]): Promise<never>;
  mountSeamlessExternalButtons(...args: unknown[]): Promise<never>;
  unmountSeamlessExternalButtons(...args: unknown[]): Promise<never>;
  unmountSeamlessExternalButton(...args: unknown[]): Promise<never>;
  mountFraud(...args: unknown[]): Promise<never>;
  executeFraudCheck(...args: unknown[]): Promise<never>;
  secureFields(...args: unknown[]): Promise<never>;
  clickToPay(...args: unknown[]): Promise<never>;
}

/** Yuno Web SDK v1 compatible entry. */
export function initialize(publicApiKey: string): Promise<YunoSdk>;
