// Every panel, in the order of the navigation.
import box from "./box.js";
import concentration from "./concentration.js";
import debt from "./debt.js";
import depreciation from "./depreciation.js";
import facility from "./facility.js";
import hosting from "./hosting.js";
import montecarlo from "./montecarlo.js";
import networks from "./networks.js";
import ownerCost from "./owner-cost.js";
import power from "./power.js";
import pricing from "./pricing.js";
import scenario from "./scenario.js";
import takeOrPay from "./take-or-pay.js";
import tokens from "./tokens.js";
import utilization from "./utilization.js";

export const panels = [scenario, box, ownerCost, pricing, utilization, depreciation, takeOrPay, power, facility, debt, concentration, tokens, hosting, networks, montecarlo];
