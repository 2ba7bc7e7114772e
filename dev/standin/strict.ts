// Every object the stand-in hands to the add-on goes through `strict()`:
// - each call of an implemented method is counted as "Class.method";
// - a method Google documents but the stand-in lacks throws instead of
//   silently succeeding;
// - anything else reads as undefined, as on a real Apps Script object.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Stand-in class name → [d.ts file suffix, interface name] in @types/google-apps-script. */
const SOURCES: Record<string, [string, string]> = {
  SpreadsheetApp: ["spreadsheet", "SpreadsheetApp"],
  Spreadsheet: ["spreadsheet", "Spreadsheet"],
  Sheet: ["spreadsheet", "Sheet"],
  Range: ["spreadsheet", "Range"],
  NamedRange: ["spreadsheet", "NamedRange"],
  ConditionalFormatRule: ["spreadsheet", "ConditionalFormatRule"],
  OverGridImage: ["spreadsheet", "OverGridImage"],
  Blob: ["base", "Blob"],
  ConditionalFormatRuleBuilder: ["spreadsheet", "ConditionalFormatRuleBuilder"],
  BooleanCondition: ["spreadsheet", "BooleanCondition"],
  HtmlService: ["html", "HtmlService"],
  HtmlOutput: ["html", "HtmlOutput"],
  HtmlTemplate: ["html", "HtmlTemplate"],
  PropertiesService: ["properties", "PropertiesService"],
  Properties: ["properties", "Properties"],
  Session: ["base", "Session"],
  User: ["base", "User"],
  Logger: ["base", "Logger"],
  Ui: ["base", "Ui"],
  Menu: ["base", "Menu"],
  Utilities: ["utilities", "Utilities"],
  ScriptApp: ["script", "ScriptApp"],
  LockService: ["lock", "LockService"],
  Lock: ["lock", "Lock"],
};

let documented: Map<string, Set<string>> | undefined;

function typesDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@types/google-apps-script/package.json"));
}

/** Member names per interface, read from the type definitions Google's API is typed with. */
function documentedMembers(className: string): Set<string> {
  documented ??= new Map();
  const cached = documented.get(className);
  if (cached) return cached;
  const source = SOURCES[className];
  if (!source) throw new Error(`stand-in: no API source listed for class ${className}`);
  const text = readFileSync(join(typesDir(), `google-apps-script.${source[0]}.d.ts`), "utf8");
  const start = new RegExp(`\\n(\\s*)interface ${source[1]}(?: extends [^{]*)? \\{`).exec(text);
  if (!start) throw new Error(`stand-in: interface ${source[1]} not found in @types/google-apps-script`);
  const indent = start[1];
  const end = text.indexOf(`\n${indent}}`, start.index + start[0].length);
  const body = text.slice(start.index + start[0].length, end);
  const names = new Set([...body.matchAll(/^\s*(\w+)\s*[(:]/gm)].map((m) => m[1]));
  documented.set(className, names);
  return names;
}

export class CallCounter extends Map<string, number> {
  count(key: string): void {
    this.set(key, (this.get(key) ?? 0) + 1);
  }
  /** Total calls whose key starts with `prefix` (e.g. "Range."). */
  total(prefix = ""): number {
    let sum = 0;
    for (const [k, v] of this) if (k.startsWith(prefix)) sum += v;
    return sum;
  }
}

export function notImplemented(className: string, method: string): Error {
  return new Error(`${className}.${method} is not implemented in the stand-in`);
}

const RAW = Symbol("standin.raw");

/** The implementation object behind a proxy handed out by `strict()`. */
export function unwrap<T extends object>(value: T): T {
  return ((value as Record<symbol, unknown>)[RAW] as T | undefined) ?? value;
}

export function strict<T>(
  className: string,
  target: object,
  calls: CallCounter,
  guard: (method: string) => void = () => {},
): T {
  const members = documentedMembers(className);
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === RAW) return obj;
      if (typeof prop === "symbol") return Reflect.get(obj, prop, receiver);
      const value: unknown = Reflect.get(obj, prop, obj);
      // Private helpers of the implementation start with "_" and stay hidden.
      if (value !== undefined && !prop.startsWith("_")) {
        if (typeof value !== "function") return value;
        const key = `${className}.${prop}`;
        return (...args: unknown[]) => {
          calls.count(key);
          guard(prop);
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      }
      if (members.has(prop))
        return () => {
          throw notImplemented(className, prop);
        };
      return undefined;
    },
    set(_obj, prop) {
      throw new Error(`stand-in: cannot set ${className}.${String(prop)}`);
    },
  }) as T;
}
