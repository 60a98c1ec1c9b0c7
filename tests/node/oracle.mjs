// A sample of the Excel oracle (../shared/oracles/excel-financial-functions, ~20,000 rows
// computed by Excel 2010) as golden-vector cases, for the JS targets: the native suite
// runs every row (core/tests/excel_oracle.rs); Node and the browser run this sample.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// Each function's oracle columns in Excel's argument order: n = number, a = array of
// numbers, d = array of dates, t = payment timing, s = VDB's no_switch flag.
const COLUMNS = {
  sln: "nnn", syd: "nnnn", db: "nnnnn", ddb: "nnnnn", vdb: "nnnnnns",
  pv: "nnnnt", fv: "nnnnt", pmt: "nnnnt", nper: "nnnnt", rate: "nnnntn",
  ipmt: "nnnnnt", ppmt: "nnnnnt", cumipmt: "nnnnnt", cumprinc: "nnnnnt",
  effect: "nn", nominal: "nn", npv: "na", irr: "an", xirr: "adn", mirr: "ann",
  ispmt: "nnnn", fvschedule: "na",
};

// The tolerances of the native harness: Excel's own results carry ~13 significant digits,
// and its XIRR and RATE stop iterating early (their results move with the guess).
const TOLERANCE = { relative: "1e-9", absolute: "1e-9" };
const LOOSE = { xirr: { relative: "1e-6", absolute: "1e-8" }, rate: { relative: "1e-9", absolute: "1e-8" } };

function isoDate(text) {
  const [month, day, year] = text.trim().split(" ")[0].split("/");
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

const CONVERT = {
  n: (f) => f,
  a: (f) => f.split(";"),
  d: (f) => f.split(";").map(isoDate),
  t: (f) => (f === "BeginningOfPeriod" ? 1 : 0),
  s: (f) => f === "DontSwitchToStraightLine",
};

/**
 * About `perFunction` rows of each implemented function's oracle file, evenly spaced, as
 * `{ file, case }` entries like `loadVectors` returns. Empty when the oracle is absent.
 */
export function sampleOracle(dir, perFunction) {
  if (!dir || !existsSync(dir)) return [];
  const cases = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".test")).sort()) {
    const fn = file.replace(/\.test$/, "");
    const columns = COLUMNS[fn];
    if (!columns) continue;
    const lines = readFileSync(join(dir, file), "utf8").split("\n").filter((l) => l.trim());
    const step = Math.max(1, Math.ceil(lines.length / perFunction));
    for (let index = 0; index < lines.length; index += step) {
      const fields = lines[index].split(",");
      const expected = fields.pop();
      cases.push({
        file: `oracle/${file}`,
        case: {
          id: `line ${index + 1}`,
          function: fn,
          args: fields.map((field, i) => CONVERT[columns[i]](field)),
          expected: String(Number(expected)),
          tolerance: LOOSE[fn] ?? TOLERANCE,
          source: `Excel 2010: ${file} line ${index + 1}`,
        },
      });
    }
  }
  return cases;
}
