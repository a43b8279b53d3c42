// A validator for the consistency rules (勾稽关系) written from the published rules file alone — plain Node, no
// dependencies. The semantics are the `evaluation.identity` text of schemas/rules-<format>.json.
//
//   node examples/validators/evaluate.mjs schemas/rules-2021.json examples/shuyang-county-gov-2025.json
//
// prints the identity findings' sub-ids, one per line (sorted); exit 0 when none has severity error, 1 otherwise,
// 2 when a file cannot be read (one line on stderr naming the file and what was expected).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export class InputError extends Error {}

// Exact decimals. JSON.parse reads every number as a binary float (4068.208 is stored as 4068.2080000000000836…), and
// float sums can make equal totals differ, so numbers are kept as their digits: units × 10^-scale, units a BigInt.
export class Decimal {
  constructor(units, scale) { this.units = units; this.scale = scale; }
  static parse(text) {
    const [, sign, whole, fraction = "", exponent = "0"] = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
    const scale = fraction.length - Number(exponent);
    const units = BigInt(sign + whole + fraction);
    return scale >= 0 ? new Decimal(units, scale) : new Decimal(units * 10n ** BigInt(-scale), 0);
  }
  plus(other) {
    const scale = Math.max(this.scale, other.scale);
    const at = (d) => d.units * 10n ** BigInt(scale - d.scale);
    return new Decimal(at(this) + at(other), scale);
  }
  compare(other) {
    const difference = this.plus(new Decimal(-other.units, other.scale)).units;
    return difference > 0n ? 1 : difference < 0n ? -1 : 0;
  }
}
const ZERO = new Decimal(0n, 0);

// A small JSON reader that is JSON.parse except that every number becomes a Decimal built from its text.
export function readReport(text) {
  let at = 0;
  const token = (pattern) => {
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found) at = pattern.lastIndex;
    return found && found[0];
  };
  const space = () => token(/[ \t\n\r]*/y);
  const fail = (what) => { throw new InputError(`expected ${what} at character ${at}`); };
  const value = () => {
    space();
    const string = token(/"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y);
    if (string !== null) return JSON.parse(string);
    const number = token(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y);
    if (number !== null) return Decimal.parse(number);
    const literal = token(/true|false|null/y);
    if (literal !== null) return JSON.parse(literal);
    const open = token(/[[{]/y) ?? fail("a JSON value");
    const items = open === "[" ? [] : Object.create(null); // so that a key "__proto__" is a key like any other
    if (space(), token(open === "[" ? /]/y : /}/y) !== null) return items;
    do {
      if (open === "[") items.push(value());
      else {
        space();
        const key = token(/"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y) ?? fail("a key in quotes");
        if ((space(), token(/:/y)) === null) fail("':'");
        items[JSON.parse(key)] = value();
      }
    } while ((space(), token(/,/y)) !== null);
    if (token(open === "[" ? /]/y : /}/y) === null) fail(open === "[" ? "',' or ']'" : "',' or '}'");
    return items;
  };
  const result = value();
  if ((space(), at) !== text.length) fail("the end of the document");
  return result;
}

const isObject = (node) => typeof node === "object" && node !== null && !Array.isArray(node);
const MISSING = Symbol("missing");
function lookUp(doc, path) {
  let node = doc;
  for (const key of path.split(".")) {
    if (!isObject(node) || node instanceof Decimal || !Object.hasOwn(node, key)) return MISSING;
    node = node[key];
  }
  return node;
}

// A cell is a number, a blank {"blank": …} or an unread cell {"unread": true}.
function cell(doc, path) {
  const value = lookUp(doc, path);
  if (value instanceof Decimal) return { number: value };
  if (Number.isSafeInteger(value)) return { number: new Decimal(BigInt(value), 0) }; // a report from JSON.parse
  if (isObject(value) && value.unread === true) return { unread: true };
  if (isObject(value) && "blank" in value) return { blank: true };
  if (typeof value === "number") throw new InputError(`${path}: ${value} is a float; read reports with readReport`);
  const found = value === MISSING ? "nothing" : JSON.stringify(value);
  throw new InputError(`${path}: expected a number, {"blank": …} or {"unread": true}, found ${found}`);
}

/** The identity findings of `report` (an object from readReport) under `rules` (rules-<format>.json, parsed). */
export function evaluate(rules, report) {
  if (!isObject(report) || report.format !== rules.format) {
    throw new InputError(`format: expected "${rules.format}", found ${JSON.stringify(report?.format)}`);
  }
  // Each table's layout is the one whose marker path exists in the document.
  const layouts = Object.values(rules.layouts).map((markers) => {
    const found = Object.keys(markers).filter((name) => lookUp(report, markers[name]) !== MISSING);
    if (found.length !== 1) throw new InputError(`expected exactly one of ${Object.values(markers).join(", ")}`);
    return found[0];
  });
  const identities = rules.rules.filter((rule) => rule.evaluation === "identity");
  const instances = identities.flatMap((rule) => rule.instances)
    .filter((instance) => instance.layout === null || layouts.includes(instance.layout));
  // A blank total is not known to be 0: where another identity sums it, it is unknown.
  const totals = new Set(instances.filter((i) => i.total_side === "lhs").map((i) => i.lhs[0]));
  const side = (paths) => {
    let known = ZERO, unknown = false;
    for (const path of paths) {
      const value = cell(report, path);
      if (value.number) known = known.plus(value.number);
      else if (value.unread || totals.has(path)) unknown = true; // any other blank counts as 0
    }
    return { known, unknown };
  };
  const found = new Set();
  let notAssessable = 0;
  for (const instance of instances) {
    const total = cell(report, instance.lhs[0]);
    if (instance.total_side === "lhs" && total.unread) { notAssessable += 1; continue; }
    if (instance.total_side === "lhs" && total.blank) { found.add(`BLANK-TOTAL[${instance.lhs[0]}]`); continue; }
    const left = side(instance.lhs), right = side(instance.rhs);
    if (!left.unknown && !right.unknown) {
      if (left.known.compare(right.known) !== 0) found.add(instance.sub_id);
    } else if ((!left.unknown && right.known.compare(left.known) > 0)
      || (!right.unknown && left.known.compare(right.known) > 0)) {
      found.add(instance.sub_id); // counts are never negative: known parts that already exceed the other side fail
    } else notAssessable += 1;
  }
  if (notAssessable) found.add("NOT-ASSESSABLE");
  const severity = Object.fromEntries(rules.rules.map((rule) => [rule.id, rule.severity]));
  return [...found].sort().map((subId) => ({ sub_id: subId, severity: severity[subId.split("[")[0]] }));
}

function readFile(path, parse, what) {
  try {
    return parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError(`${path}: expected ${what} (${error.message})`);
  }
}

function main([rulesPath, reportPath, ...rest]) {
  if (!reportPath || rest.length) throw new InputError("usage: node evaluate.mjs RULES.json REPORT.json");
  const rules = readFile(rulesPath, JSON.parse, "a rules file (schemas/rules-<format>.json)");
  if (!Array.isArray(rules?.rules) || !isObject(rules.layouts)) {
    throw new InputError(`${rulesPath}: expected a rules file with "rules" and "layouts"`);
  }
  const report = readFile(reportPath, readReport, "a report in JSON");
  let findings;
  try {
    findings = evaluate(rules, report);
  } catch (error) {
    throw error instanceof InputError ? new InputError(`${reportPath}: ${error.message}`) : error;
  }
  for (const finding of findings) console.log(finding.sub_id);
  return findings.some((finding) => finding.severity === "error") ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}
