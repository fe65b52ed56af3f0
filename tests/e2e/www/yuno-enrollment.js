// A page written like Yuno's enrollment Lite demo (yuno-payments/yuno-sdk-web,
// enrollment-lite.js): the customer session and the enrollment come from the merchant's
// server, then `Yuno.initialize` and `mountEnrollmentLite` in the modal render mode, on
// `yuno-sdk-ready`. Only the script URL and the demo's api.js helpers (here, the demo
// merchant's backend) are ours; the callbacks write to #result instead of the console.
import { loadSdk, post } from "./page.js";

const customer = new URLSearchParams(location.search).get("customer") || undefined;
const session = await post("/api/customer-session", { country: "BR", customer });
const getCustomerSession = async () => session;
const createEnrollment = (customerSession) => post("/api/enrollment", { customer_session: customerSession });
const getPublicApiKey = async () => session.public_api_key;
const result = document.getElementById("result");

async function initEnrollmentLite() {
  const { customer_session: customerSession, country: countryCode } = await getCustomerSession();
  await createEnrollment(customerSession);
  const publicApiKey = await getPublicApiKey();
  const yuno = await Yuno.initialize(publicApiKey);
  yuno.mountEnrollmentLite({
    customerSession,
    language: "en",
    countryCode,
    showLoading: true,
    onLoading: (args) => {
      result.dataset.loading = JSON.stringify(args);
    },
    renderMode: {
      type: "modal",
      elementSelector: { apmForm: "#form-element", actionForm: "#action-form-element" },
    },
    yunoError: (error) => {
      result.textContent = `There was an error ${error}`;
    },
    yunoEnrollmentStatus: ({ status, vaultedToken }) => {
      result.textContent = `status ${status}`;
      result.dataset.vaultedToken = vaultedToken ?? "";
    },
  });
}

window.addEventListener("yuno-sdk-ready", initEnrollmentLite);
loadSdk(session.api_url);
