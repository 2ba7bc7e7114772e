// Every user-facing word lives once per language, and Japanese and English
// say the same things: each catalogue has the same keys in both languages,
// each message the same parameters, each list the same length.
import { describe, expect, it } from "vitest";
import { SERVER_TEXT } from "../../src/addon/i18n";
import { CELL_WORDS as CHECK_CELL, WORDS as CHECK_TEXT } from "../../src/core/check";
import { ISSUE_TEXT } from "../../src/core/draftIssues";
import { messages as ERROR_TEXT, MESSAGE_PLACE, NUMBER_REASONS } from "../../src/core/errors";
import { outlineColumns } from "../../src/core/layout";
import { OP_WORD } from "../../src/core/operators";
import { MESSAGES as SETTINGS_TEXT } from "../../src/core/settings";
import { PLAN_TEXT } from "../../src/core/sheetPlan";
import { UNIT_TEXT } from "../../src/core/units";
import { DIRECTION_WORD } from "../../src/core/value";
import { FUNCTION_HEADERS, HEADER, headerField, outlineHeaders, STATUS_LABEL } from "../../src/core/words";
import { HELP_TEXT } from "../../src/sidebar/help";
import { TEXT as SIDEBAR_TEXT } from "../../src/sidebar/i18n";

type Catalogue = { ja: unknown; en: unknown };

/** Where `ja` and `en` differ in shape: keys, parameters, list lengths, or an empty text. */
function differences(ja: unknown, en: unknown, path: string): string[] {
  if (typeof ja !== typeof en || Array.isArray(ja) !== Array.isArray(en))
    return [`${path}: ${typeof ja} vs ${typeof en}`];
  if (typeof ja === "function")
    return ja.length === (en as () => unknown).length
      ? []
      : [`${path}: ${ja.length} vs ${(en as () => unknown).length} parameters`];
  if (typeof ja === "string") return ja.trim() && (en as string).trim() ? [] : [`${path}: empty text`];
  if (Array.isArray(ja)) {
    const other = en as unknown[];
    if (ja.length !== other.length) return [`${path}: ${ja.length} vs ${other.length} entries`];
    return ja.flatMap((v, i) => differences(v, other[i], `${path}[${i}]`));
  }
  if (ja && typeof ja === "object") {
    const a = ja as Record<string, unknown>;
    const b = en as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      k in a && k in b ? differences(a[k], b[k], `${path}.${k}`) : [`${path}.${k}: only in ${k in a ? "ja" : "en"}`],
    );
  }
  return [];
}

const CATALOGUES: Record<string, Catalogue> = {
  "sheet headers": HEADER,
  "function column headers": FUNCTION_HEADERS,
  "status words": STATUS_LABEL,
  "operator words": OP_WORD,
  "direction words": DIRECTION_WORD,
  "number errors": NUMBER_REASONS,
  "where an error points": MESSAGE_PLACE,
  "check cells": CHECK_CELL,
  "check sentences": CHECK_TEXT,
  "wizard checks": ISSUE_TEXT,
  "unit warnings": UNIT_TEXT,
  "settings errors": SETTINGS_TEXT,
  "server and menu": SERVER_TEXT,
  "new sheet (wizard)": PLAN_TEXT,
  sidebar: SIDEBAR_TEXT,
  help: HELP_TEXT,
};

describe("message catalogues", () => {
  it("finds a key missing in one language, other parameters and an empty text", () => {
    expect(differences({ a: "x", b: (n: number) => n }, { a: "", c: () => 1 }, "t")).toEqual([
      "t.a: empty text",
      "t.b: only in ja",
      "t.c: only in en",
    ]);
    expect(differences({ f: (a: string) => a }, { f: (a: string, b: string) => a + b }, "t")).toEqual([
      "t.f: 1 vs 2 parameters",
    ]);
  });

  it.each(Object.entries(CATALOGUES))("%s: Japanese and English have the same keys", (name, catalogue) => {
    expect(differences(catalogue.ja, catalogue.en, name)).toEqual([]);
  });

  it("errors: every message has both languages, with the same parameters", () => {
    const wrong = Object.entries(ERROR_TEXT).flatMap(([code, [en, ja]]) => differences(ja, en, code));
    expect(wrong).toEqual([]);
  });

  it("errors: Japanese and English fill in the same parameters", () => {
    const slots = (text: unknown) => [...new Set(String(text).match(/\{\w+\}/g))].sort();
    const wrong = Object.entries(ERROR_TEXT).flatMap(([code, [en, ja]]) =>
      typeof ja === "function" || typeof en === "function"
        ? []
        : ja.flatMap((text, k) =>
            slots(text).join() === slots(en[k]).join() ? [] : [`${code}[${k}]: ${slots(text)} vs ${slots(en[k])}`],
          ),
    );
    expect(wrong).toEqual([]);
    expect(slots(ERROR_TEXT.duplicateId[0][0])).toEqual(["{firstRow}", "{id}"]);
  });

  it("sheet headers: every header written in either language reads back as its column", () => {
    for (const lang of ["ja", "en"] as const)
      for (const [field, word] of Object.entries(HEADER[lang]))
        expect([word, headerField(word)]).toEqual([word, field]);
    expect(outlineHeaders(4)).toEqual(["KGI", "KPI1", "KPI2", "KPI3"]);
    expect(outlineColumns([...outlineHeaders(4), HEADER.ja.op])).toEqual([0, 1, 2, 3]);
  });
});
