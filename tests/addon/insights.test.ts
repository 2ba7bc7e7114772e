// The sidebar's analysis of an existing table (health check, bottlenecks,
// what-if, history) run from dist/ on the Sheets stand-in, as google.script.run calls it.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WhatIfResult } from "../../src/shared/api";
import { whatIfOf } from "../../src/sidebar/analysisData";
import { ecommerce, revenueFiveSteps } from "../helpers/examples";
import { layout } from "../helpers/layouts";
import { analysed, analyze, detect, whatIf } from "../helpers/sidebar";
import { addon, callsOf } from "./helpers";

const HISTORY = "KPI History";

/** Freezes the clock the bundle sees; the stand-in hands the bundle this realm's Date, so set it before addon(). */
function today(iso: string): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

afterEach(() => {
  vi.useRealTimers();
});

/** Rows of the five-step revenue tree in the parent layout: 2 Annual revenue … 5 Leads, 7 Close rate, 9 Revenue per customer. */
const FIVE = layout(revenueFiveSteps, "parent");
const ROW = { kgi: 2, leads: 5, closeRate: 7, existing: 8, perCustomer: 9 };

/** A KGI summing n − 1 leaves, as a sheet table (Name, Parent, Op, Target, Actual). */
function wideTable(n: number, name = "Total"): unknown[][] {
  const rows: unknown[][] = [
    ["Name", "Parent", "Op", "Target", "Actual"],
    [name, "", "+", n - 1, ""],
  ];
  for (let k = 2; k <= n; k++) rows.push([`KPI ${k}`, name, "", 1, k % 2]);
  return rows;
}

describe("analysis (analysisData, analysed as the sidebar does)", () => {
  it("e-commerce: the targets do not multiply up (¥4,800万 vs ¥5,000万, -4%), in the user's language", () => {
    for (const [locale, words] of [
      ["ja_JP", /「月間売上」: 子の目標を計算すると 4,800万円 で、目標 5,000万円 と合いません（-4%）。/],
      ["en_US", /Row 2 "月間売上": its children's targets give ¥48,000,000, not the target ¥50,000,000 \(-4%\)\./],
    ] as const) {
      const s = addon({ locale, sheets: { EC: layout(ecommerce, "level", "ja") } });
      const a = analyze(s, "EC", "A1:F5");
      expect(a.lang).toBe(locale.slice(0, 2));
      expect(a.report.mismatches).toHaveLength(1);
      const m = a.report.mismatches[0];
      expect(m).toMatchObject({ row: 2, name: "月間売上", stated: 50_000_000 });
      expect(m.computed).toBeCloseTo(48_000_000, 3);
      expect(m.gap).toBeCloseTo(-0.04, 12);
      expect(m.message).toMatch(words);
      // Holding visitors and order value, CVR must be 5,000万 ÷ (200,000 × 8,000) = 3.125%, shown to 0.01%
      // and rounded up as a requirement is.
      expect(m.message).toMatch(locale === "ja_JP" ? /「CVR」に必要な値: 3\.13%/ : /"CVR" needs: 3\.13%/);
      // No actuals yet: every KPI has no data.
      expect(a.report.statusCounts).toEqual({ achieved: 0, atRisk: 0, offTrack: 0, noData: 4 });
      expect(a.report.roots[0]).toMatchObject({ name: "月間売上", target: 50_000_000, actual: null, status: "noData" });
      // Every KPI gets its trend, the KGI first; no snapshots and no period columns yet.
      expect(a.history[0]).toEqual({
        row: 2,
        name: "月間売上",
        unit: "円",
        kgiRow: 2,
        direction: "higher",
        points: [],
        periods: [],
      });
      expect(a.history.map((h) => h.name)).toEqual(["月間売上", "訪問者数", "CVR", "平均注文単価"]);
      // No 頻度/Review column: no review cells for the sidebar's list.
      expect(a.review.columns).toBeNull();
    }
  });

  it("five-step revenue: the KGI against target, off-track KPIs worst first, and the KSF candidates", () => {
    const s = addon({ sheets: { Revenue: FIVE } });
    const a = analyze(s, "Revenue", "A1:G9");
    const kgi = a.report.roots[0];
    // 1,500 leads × 12% × 20% = 36 new + 140 existing = 176 customers × ¥55万 = ¥9,680万 of ¥1.2億.
    expect(kgi).toMatchObject({ row: 2, name: "Annual revenue", target: 120_000_000, status: "atRisk" });
    expect(kgi.actual).toBeCloseTo(96_800_000, 3);
    expect(kgi.rate).toBeCloseTo(96.8 / 120, 12);
    expect(a.report.mismatches).toEqual([]);
    expect(a.report.nodes).toBe(8);
    // Off track, worst first: 36 new customers of the 50 needed (72%), then 1,500 leads of 2,000 (75%);
    // ¥1.2億 ÷ ¥60万 = 200 customers − 150 existing = 50 new, ÷ 10% ÷ 25% = 2,000 leads.
    // The leaves a team acts on come apart from the parents that are off track because of them.
    expect(a.report.offTrack.map((o) => o.name)).toEqual(["Leads"]);
    expect(a.report.offTrackAbove.map((o) => o.name)).toEqual(["New customers"]);
    expect(a.report.offTrackAbove[0].required).toBeCloseTo(50, 9);
    expect(a.report.offTrack[0].required).toBeCloseTo(2000, 9);
    const rates = [...a.report.offTrackAbove, ...a.report.offTrack].map((o) => o.rate as number);
    expect(rates).toEqual([...rates].sort((x, y) => x - y));
    // If each leaf alone hit target: ¥60万 per customer → 176 × 60万 = ¥1億560万; 2,000 leads → 188 × 55万 = ¥1億340万.
    const b = a.report.bottlenecks;
    expect(b.map((x) => x.name).slice(0, 4)).toEqual([
      "Revenue per customer",
      "Leads",
      "Existing customers",
      "Close rate",
    ]);
    expect(b[0].rootIfHit).toBeCloseTo(105_600_000, 3);
    expect(b[1].rootIfHit).toBeCloseTo(103_400_000, 3);
    expect(b[0]).toMatchObject({ row: ROW.perCustomer, kgiRow: ROW.kgi, ksf: false });
    expect(b[0].rate).toBeCloseTo(55 / 60, 12);
    // Meeting rate beats its target: hitting it would lower the KGI, so it is no candidate.
    expect(b.map((x) => x.name)).not.toContain("Meeting rate");
    // The leaves a what-if can change, in row order.
    expect(a.leaves.map((l) => l.row)).toEqual([5, 6, 7, 8, 9]);
  });

  it("says which sheet is gone, in the user's language", () => {
    const s = addon({ locale: "ja_JP", sheets: { Revenue: FIVE } });
    expect(() => analyze(s, "Gone", "A1:G9")).toThrow(/シート「Gone」が見つかりません/);
  });
});

describe("what-if (the sidebar's, on analysisData's read)", () => {
  it("rolls the KGI up with new actuals, writing nothing", () => {
    const s = addon({ sheets: { Revenue: FIVE } });
    const before = s.values("Revenue", "A1:G9");
    s.resetCalls();
    const one = whatIf(s, "Revenue", "A1:G9", [{ row: ROW.leads, actual: 2000 }]) as WhatIfResult;
    expect(one.roots).toHaveLength(1);
    expect(one.roots[0]).toMatchObject({ row: 2, name: "Annual revenue", target: 120_000_000 });
    expect(one.roots[0].before).toBeCloseTo(96_800_000, 3);
    expect(one.roots[0].after).toBeCloseTo(103_400_000, 3);
    expect(one.roots[0].rateBefore).toBeCloseTo(96.8 / 120, 12);
    expect(one.roots[0].rateAfter).toBeCloseTo(103.4 / 120, 12);
    // 2,000 × 12% × 25% = 60 new + 140 = 200 customers × ¥55万 = ¥1.1億.
    const two = whatIf(s, "Revenue", "A1:G9", [
      { row: ROW.leads, actual: 2000 },
      { row: ROW.closeRate, actual: 0.25 },
    ]) as WhatIfResult;
    expect(two.roots[0].after).toBeCloseTo(110_000_000, 3);
    const calls = callsOf(s);
    expect(Object.keys(calls).filter((k) => /\.set|insert|hide/.test(k))).toEqual([]);
    expect(s.values("Revenue", "A1:G9")).toEqual(before);
  });

  it("refuses a row that is not a KPI and an actual that is not a number", () => {
    const s = addon({ locale: "ja_JP", sheets: { Revenue: FIVE } });
    expect(() => whatIf(s, "Revenue", "A1:G9", [{ row: 1, actual: 5 }])).toThrow(/1 行目は表の指標でないか/);
    expect(() => whatIf(s, "Revenue", "A1:G9", [{ row: ROW.leads, actual: Number.NaN }])).toThrow(
      /5 行目は表の指標でないか、新しい実績が数値ではありません/,
    );
  });
});

describe("recordSnapshot and history", () => {
  it("records each day's values in a hidden sheet, as text, and the KGI's series follows", () => {
    today("2026-11-01T03:00:00Z");
    const s = addon({ sheets: { Revenue: FIVE, Other: [["x"]] } });
    const ss = s.globals.SpreadsheetApp.getActiveSpreadsheet();
    ss.setActiveSheet(ss.getSheetByName("Revenue")!);
    expect(s.run("recordSnapshot", "Revenue", "A1:G9")).toEqual({
      date: "2026-11-01",
      rows: 8,
      replaced: false,
      days: 1,
    });
    // The append ran under the document lock, released afterwards.
    expect(s.calls.get("Lock.waitLock")).toBe(1);
    expect(s.locksHeld()).toEqual([]);
    const history = ss.getSheetByName(HISTORY)!;
    expect(history.isSheetHidden()).toBe(true);
    expect(ss.getActiveSheet().getName()).toBe("Revenue");
    const [header, kgi] = s.values(HISTORY, "A1:F2");
    expect(header).toEqual(["date", "table", "key", "name", "target", "actual"]);
    expect(kgi.slice(0, 5)).toEqual(["2026-11-01", "Revenue!A1", "#N1", "Annual revenue", 120_000_000]);
    expect(kgi[5]).toBeCloseTo(96_800_000, 3);
    // Dates are text: Sheets did not turn them into date serials.
    expect(s.snapshot(HISTORY, 3, 6).cells[1][0].value).toBe("2026-11-01");

    // The next day, in Tokyo (the spreadsheet's zone) though still the 1st in UTC, with more leads.
    vi.setSystemTime(new Date("2026-11-01T20:00:00Z"));
    s.type("Revenue", "F5", "2000");
    expect(s.run("recordSnapshot", "Revenue", "A1:G9")).toEqual({
      date: "2026-11-02",
      rows: 8,
      replaced: false,
      days: 2,
    });
    expect(history.getLastRow()).toBe(1 + 8 + 8);
    // Again the same day: that day's values are replaced in the series, still two days.
    expect(s.run("recordSnapshot", "Revenue", "A1:G9")).toEqual({
      date: "2026-11-02",
      rows: 8,
      replaced: true,
      days: 2,
    });
    expect(history.getLastRow()).toBe(1 + 3 * 8);

    const a = analyze(s, "Revenue", "A1:G9");
    const points = a.history[0].points;
    expect(points.map((p) => p.date)).toEqual(["2026-11-01", "2026-11-02"]);
    expect(points[0].actual).toBeCloseTo(96_800_000, 3);
    expect(points[1].actual).toBeCloseTo(103_400_000, 3);
    expect(points.every((p) => p.target === 120_000_000)).toBe(true);
    // The sidebar says what was recorded (its own words): no toast repeats it.
    expect(s.ui.toasts).toEqual([]);

    // A KPI row added under the table: the range grows, its history stays.
    s.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName("Revenue")!
      .getRange("A10:G10")
      .setValues([["N9", "Referrals", "N3", "", 5, 4, ""]]);
    const grown = analyze(s, "Revenue", "A1:G10");
    expect(grown.history[0].points.map((p) => p.date)).toEqual(["2026-11-01", "2026-11-02"]);
  });

  it("stores a name that looks like a formula as text", () => {
    today("2026-11-01T03:00:00Z");
    const name = '=IMPORTXML("http://example.com","//a")';
    const s = addon({ sheets: { T: [] } });
    // Typed with a leading apostrophe, as a user would to keep it text.
    s.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName("T")!
      .getRange("A1:E3")
      .setValues([
        ["Name", "Parent", "Op", "Target", "Actual"],
        [`'${name}`, "", "+", 2, ""],
        ["Part", `'${name}`, "", 2, 1],
      ]);
    s.run("recordSnapshot", "T", "A1:E3");
    const cells = s.snapshot(HISTORY, 3, 6).cells;
    expect(cells[1].slice(2, 4).map((c) => c.value)).toEqual([name, name]);
    expect(cells[2][2].value).toBe(`${name} › Part`);
    expect(cells.flat().every((c) => c.formula === "")).toBe(true);
    const a = analyze(s, "T", "A1:E3");
    expect(a.history[0]).toMatchObject({ name, points: [{ date: "2026-11-01", target: 2, actual: 1 }] });
  });

  it("grows the history sheet past its last row", () => {
    today("2026-11-01T03:00:00Z");
    const s = addon({ sheets: { Wide: wideTable(300) } });
    for (let day = 1; day <= 4; day++) {
      vi.setSystemTime(new Date(`2026-11-0${day}T03:00:00Z`));
      s.run("recordSnapshot", "Wide", "A1:E301");
    }
    expect(s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(HISTORY)!.getLastRow()).toBe(1 + 4 * 300);
    const a = analyze(s, "Wide", "A1:E301");
    // The odd-numbered KPIs 3…299 are at 1: 149.
    expect(a.history[0].points.map((p) => p.actual)).toEqual([149, 149, 149, 149]);
  });
});

describe("Spreadsheet calls", () => {
  it("are the same for 10 and 200 KPIs: one read per table, one read of the history, one write per snapshot", () => {
    today("2026-11-01T03:00:00Z");
    const runs = [10, 200].map((n) => {
      const s = addon({ sheets: { Wide: wideTable(n) } });
      const table = `A1:E${n + 1}`;
      const counts: Record<string, number>[] = [];
      for (const step of [
        () => analyze(s, "Wide", table),
        () => s.run("recordSnapshot", "Wide", table),
        () => s.run("recordSnapshot", "Wide", table),
        () => analyze(s, "Wide", table),
        // The what-if runs in the sidebar on the tree it analysed: no call at all.
        (
          (tree) => () =>
            whatIfOf(tree, [{ row: 3, actual: 1 }], String)
        )(analysed(s, "Wide", table).tree),
      ]) {
        s.resetCalls();
        step();
        counts.push(callsOf(s));
      }
      const analysis = analyze(s, "Wide", table);
      return { counts, statuses: analysis.report.statusCounts };
    });
    expect(runs[1].counts).toEqual(runs[0].counts);
    const [firstRead, firstRecord, secondRecord, readWithHistory, whatIfCalls] = runs[0].counts;
    expect(firstRead["Range.getValues"]).toBe(1);
    expect(readWithHistory["Range.getValues"]).toBe(2);
    expect(firstRecord["Range.setValues"]).toBe(1);
    expect(secondRecord["Range.setValues"]).toBe(1);
    expect(firstRecord["Range.setValue"]).toBeUndefined();
    expect(whatIfCalls).toEqual({});
    // The answers differ with the size, so the comparison is of two real runs.
    // Odd-numbered KPIs are at target: 3, 5, 7, 9 of 10; 3…199 of 200.
    expect(runs[0].statuses.achieved).toBe(4);
    expect(runs[1].statuses.achieved).toBe(99);
  });
});

describe("one wording for targets that do not combine", () => {
  it("the table check and the analysis say the same sentence", () => {
    const s = addon({ locale: "ja_JP", sheets: { EC: layout(ecommerce, "level", "ja") } });
    s.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("EC")!.getRange("A1:F5").activate();
    const report = detect(s) as { warnings: string[] };
    const a = analyze(s, "EC", "A1:F5");
    expect(report.warnings).toEqual([a.report.mismatches[0].message]);
    expect(report.warnings[0]).toMatch(/^2行目「月間売上」: 子の目標を計算すると 4,800万円 で/);
  });
});
