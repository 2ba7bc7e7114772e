// The review cycle: cadences, due and overdue KPIs, unreadable cells listed, not guessed.
import { describe, expect, it } from "vitest";
import { dayNumber, dayText, nextReview, parseCadence, type ReviewCells, reviewList } from "../../src/core/review";

describe("parseCadence", () => {
  it("reads the written words in both languages and a few more", () => {
    expect(parseCadence("週次")).toBe("weekly");
    expect(parseCadence("Monthly")).toBe("monthly");
    expect(parseCadence("四半期")).toBe("quarterly");
    expect(parseCadence("毎週")).toBe("weekly");
    expect(parseCadence("")).toBeNull();
    expect(parseCadence("隔週")).toBeUndefined();
  });
});

describe("days", () => {
  it("reads yyyy-mm-dd, 2026/4/1 and 2026年4月1日, and refuses days that do not exist", () => {
    expect(dayText(dayNumber("2026-04-01") as number)).toBe("2026-04-01");
    expect(dayNumber("2026/4/1")).toBe(dayNumber("2026-04-01"));
    expect(dayNumber("2026年4月1日")).toBe(dayNumber("2026-04-01"));
    expect(dayNumber("2026-02-30")).toBeUndefined();
    expect(dayNumber("来月")).toBeUndefined();
  });

  it("a month after Jan 31 is Feb 28; a quarter after Nov 30 is Feb 28; a week is 7 days", () => {
    const d = (s: string) => dayNumber(s) as number;
    expect(dayText(nextReview(d("2026-01-31"), "monthly"))).toBe("2026-02-28");
    expect(dayText(nextReview(d("2026-11-30"), "quarterly"))).toBe("2027-02-28");
    expect(dayText(nextReview(d("2026-12-28"), "weekly"))).toBe("2027-01-04");
  });
});

describe("reviewList", () => {
  const rows: [string, string, string][] = [
    ["売上", "四半期", "2026-09-30"],
    ["商談数", "週次", "2026-11-16"],
    ["成約率", "月次", "2026-10-30"],
    ["単価", "月次", ""],
    ["備考", "隔週", "2026-11-01"],
    ["解約率", "週次", "来週"],
    ["在庫", "", "2026-01-01"],
  ];
  const cells: ReviewCells = {
    columns: { review: "頻度", updated: "最終更新" },
    rows: rows.map(([name, cadence, updated], k) => ({ row: k + 2, name, cadence, updated })),
  };

  it("lists due today and overdue, most overdue first; never-reviewed KPIs are due today", () => {
    const list = reviewList(cells, "2026-11-30");
    expect(list.hasColumn).toBe(true);
    expect(list.due.map((i) => [i.name, i.due, i.late])).toEqual([
      ["成約率", "2026-11-30", 0],
      ["単価", "2026-11-30", 0],
    ]);
    expect(list.overdue.map((i) => [i.name, i.due, i.late])).toEqual([["商談数", "2026-11-23", 7]]);
    expect(list.upcoming).toBe(1); // 売上: next quarter review on 2026-12-30
  });

  it("lists a cadence or a date it cannot read as a problem, with its row and column", () => {
    expect(reviewList(cells, "2026-11-30").problems).toEqual([
      { row: 6, name: "備考", column: "頻度", text: "隔週", kind: "cadence" },
      { row: 7, name: "解約率", column: "最終更新", text: "来週", kind: "date" },
    ]);
  });

  it("says when the table has no Review column", () => {
    expect(reviewList({ columns: null, rows: [] }, "2026-11-30")).toMatchObject({
      hasColumn: false,
      due: [],
      overdue: [],
    });
  });

  it("a week after 2026-11-20 is overdue by 3 days on the 30th; 2026/11/27 reads as that day too", () => {
    const one = (updated: string) =>
      reviewList(
        { columns: cells.columns, rows: [{ row: 2, name: "Leads", cadence: "weekly", updated }] },
        "2026-11-30",
      );
    expect(one("2026-11-20").overdue.map((i) => i.late)).toEqual([3]);
    expect(one("2026/11/23").due.map((i) => i.due)).toEqual(["2026-11-30"]);
  });
});

describe("the Review and Updated headers", () => {
  it("are read under each of their words, in both languages", async () => {
    const { headerField } = await import("../../src/core/words");
    for (const w of ["頻度", "Review", "review cycle", "cadence", "frequency", "レビュー頻度"])
      expect([w, headerField(w)]).toEqual([w, "review"]);
    for (const w of ["最終更新", "Updated", "last updated", "更新日", "最終更新日", "Last Review"])
      expect([w, headerField(w)]).toEqual([w, "updated"]);
  });
});
