// The README's table of what the number reader reads and refuses, kept true
// through the built bundle, with the error in both languages.
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../src/core/errors";
import { isRefusal, readNumber } from "../../src/core/value";
import { loadDist } from "../helpers/dist";
import { markdownTables, readmePart } from "../helpers/readme";

/** Rows of the README table between the values-table markers: [typed, read as]. */
function readmeRows(): [string, string][] {
  const [table] = markdownTables(readmePart("<!-- values-table -->", "<!-- /values-table -->"));
  return table.slice(1).map((cells) => [cells[0], cells[1]]);
}

/** The text a README cell stands for: `code` literally, or the two described inputs. */
function typed(cell: string): string {
  if (cell === "400 nines") return "9".repeat(400);
  if (cell === "`1`, zero-width space, `000`") return "1\u200b000";
  const m = /^`([^`]+)`$/.exec(cell);
  if (!m) throw new Error(`README cell is not code: ${cell}`);
  return m[1];
}

const HEADERS = { en: ["Name", "Parent", "Op", "Actual"], ja: ["指標名", "親", "計算", "実績"] };

/** One leaf whose actual is `input`, rolled up by the built bundle: its value, or the error message. */
function rollUp(scope: ReturnType<typeof loadDist>, lang: "en" | "ja", input: string): unknown {
  try {
    return (scope.KPI_ROLLUP([HEADERS[lang], ["x", "", "", input]]) as unknown[][])[0][0];
  } catch (e) {
    // An Error of the bundle's own realm, as Sheets shows it.
    expect(Object.prototype.toString.call(e)).toBe("[object Error]");
    return (e as Error).message;
  }
}

describe("README: what is read and what is refused", () => {
  const scope = loadDist();
  const rows = readmeRows();

  it("has the table", () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  it.each(rows)("%s → %s", (cell, expected) => {
    const input = typed(cell);
    const got = rollUp(scope, "en", input);
    if (expected.startsWith("refused: ")) {
      const why = expected.slice("refused: ".length);
      expect(got).toMatch(/^Row 2 \("x"\), column "Actual": /);
      expect(got).toContain(`is not a number: ${why}`);
      return;
    }
    if (expected === "no value") {
      expect(got).toBeNull();
      return;
    }
    const [number, note] = expected.split(", ");
    expect(got).toBe(Number(number.replace(/,/g, "")));
    if (note) expect(readNumber(input)).toMatchObject({ direction: note === "lower is better" ? "lower" : "higher" });
  });

  it.each(rows.filter(([, e]) => e.startsWith("refused")))("%s is refused in Japanese too, with the reason", (cell) => {
    const input = typed(cell);
    const reading = readNumber(input);
    if (!isRefusal(reading)) throw new Error(`${cell} was read`);
    const message = formatMessage(
      "ja",
      "badNumber",
      { row: 2, name: "x", column: "実績" },
      { text: input, ...reading },
    );
    expect(message).toMatch(/^2行目（x）の「実績」列: 「.*」は数値として読めません（.+）。 修正: /s);
    expect(rollUp(scope, "ja", input)).toBe(message);
  });
});
