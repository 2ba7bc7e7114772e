// Sidebar modules that need no browser: the typed google.script.run bridge,
// number input reading, label fitting; and the built Sidebar.html itself.
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { fitText } from "../../src/sidebar/Diagram";
import { readNumber, showNumber, whyNotANumber } from "../../src/sidebar/fields";
import { server } from "../../src/sidebar/server";
import { DIST } from "../helpers/dist";

type Handler = (v: unknown) => void;

/** A google.script.run that answers from `impl`, asynchronously as the real one does. */
function fakeRun(impl: Record<string, (...args: unknown[]) => unknown>) {
  const calls: [string, unknown[]][] = [];
  const make = (ok?: Handler, fail?: Handler): unknown =>
    new Proxy(
      {},
      {
        get: (_t, name: string) => {
          if (name === "withSuccessHandler") return (f: Handler) => make(f, fail);
          if (name === "withFailureHandler") return (f: Handler) => make(ok, f);
          return (...args: unknown[]) => {
            calls.push([name, args]);
            setTimeout(() => {
              try {
                ok?.(impl[name](...args));
              } catch (e) {
                fail?.(e);
              }
            });
          };
        },
      },
    );
  (globalThis as Record<string, unknown>).google = { script: { run: make() } };
  return calls;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).google;
});

describe("server bridge", () => {
  it("resolves with the server's result and passes arguments through", async () => {
    const calls = fakeRun({ addFunctionColumns: (sheet, table) => ({ sheetName: sheet, functions: table }) });
    const r = await server.addFunctionColumns("Data", "A1:F6", null);
    expect(r).toEqual({ sheetName: "Data", functions: "A1:F6" });
    expect(calls).toEqual([["addFunctionColumns", ["Data", "A1:F6", null]]]);
  });

  it("rejects with the server's message, so the UI can show it", async () => {
    fakeRun({
      analysisData: () => {
        throw new Error("2行目（売上）: 子があるのに計算方法がありません。");
      },
    });
    await expect(server.analysisData("Data", "A1:F6")).rejects.toThrow("2行目（売上）");
  });

  it("rejects, rather than throwing, outside Apps Script", async () => {
    await expect(server.detectTable()).rejects.toThrow(/google.script.run is not available/);
  });
});

describe("inputs and labels", () => {
  it("reads numbers as Japanese sheets write them; a bare number in a % field is a percentage", () => {
    expect(readNumber("2,000万", "円")).toBe(20_000_000);
    expect(readNumber("１，０００", "件")).toBe(1000);
    expect(readNumber("20", "%")).toBe(0.2);
    expect(readNumber("3.125%", "%")).toBe(0.03125);
    expect(readNumber("", "%")).toBeNull();
    expect(readNumber("lots", "件")).toBeUndefined();
    expect(showNumber(1 / 3, "%", "en")).toBe("33.3333333333333%");
    expect(showNumber(20_000_000, "円", "ja")).toBe("2,000万");
    expect(showNumber(20_000_000, "円", "en")).toBe("20,000,000");
    for (const [v, unit] of [
      [1 / 3, "%"],
      [20_000_000, "円"],
      [12_345_678, "円"],
      [0.175, "%"],
      [1234.5, "件"],
    ] as const)
      for (const lang of ["ja", "en"] as const) expect(readNumber(showNumber(v, unit, lang), unit)).toBeCloseTo(v, 12);
  });

  it("says why a number field's text is not a number and how to write it, in the user's language", () => {
    expect(whyNotANumber("abc", "en")).toBe(
      '"abc" is not a number: it has no digits. Fix: type the amount in digits (2千万 not 二千万); or enter a number such as 1,000, 20%, ¥2,000万 or 3%以下, or leave it blank.',
    );
    expect(whyNotANumber("1京", "ja")).toBe(
      "「1京」は数値として読めません（「京」は読める単位（兆・億・万・千・百・十）ではありません）。 修正: 兆・億・万・千・百・十 を使うか、数字だけで書いてください。または 1,000・20%・2,000万円・3%以下 のような数値を入力するか、空欄にしてください。",
    );
    expect(whyNotANumber("300 leads", "en")).toMatch(
      /^"300 leads" is not a number: "leads" is not a unit it reads\. Fix: /,
    );
    for (const ok of ["2,000万", "20%", "", "  ", "-"]) expect(whyNotANumber(ok, "ja")).toBeNull();
  });

  it("shortens long labels to the room in the diagram", () => {
    expect(fitText("Revenue", 200)).toBe("Revenue");
    expect(fitText("週3回以上ログインする利用者の割合", 100)).toBe("週3回以上ログイン…");
  });
});

describe("built sidebar", () => {
  it("is one self-contained HTML file: no CDN, no remote script or style", async () => {
    const html = readFileSync(`${DIST}/Sidebar.html`, "utf8");
    expect(/<script[^>]+src=/i.test(html)).toBe(false);
    expect(/<link[^>]+stylesheet/i.test(html)).toBe(false);
    expect(/https?:\/\/(?!www\.w3\.org)/.test(html)).toBe(false);
    expect(html.includes("#1a73e8")).toBe(true);
  });

  it("the diagram dialog is one self-contained HTML file too, its layout library bundled in", () => {
    const html = readFileSync(`${DIST}/Diagram.html`, "utf8");
    expect(/<script[^>]+src=/i.test(html)).toBe(false);
    expect(/<link[^>]+stylesheet/i.test(html)).toBe(false);
    expect(/@import|url\(\s*["']?https?:/i.test(html)).toBe(false);
    expect(/https?:\/\/(?!www\.w3\.org)/.test(html)).toBe(false);
    // d3-hierarchy's tidy tree is inside (its separation and nodeSize), not fetched.
    expect(html).toContain("nodeSize");
  });

  it("the help dialog is one self-contained HTML file too", () => {
    const html = readFileSync(`${DIST}/Help.html`, "utf8");
    expect(/<script[^>]+src=|<link[^>]+stylesheet|https?:\/\/(?!www\.w3\.org)/i.test(html)).toBe(false);
  });

  it("renders user text through text nodes only: no innerHTML in our sidebar code", () => {
    for (const file of readdirSync("src/sidebar")) {
      const source = readFileSync(`src/sidebar/${file}`, "utf8");
      expect(/innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write/.test(source), file).toBe(false);
    }
  });
});
