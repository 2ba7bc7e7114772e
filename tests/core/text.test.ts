import { describe, expect, it } from "vitest";
import { cellText, isBlank } from "../../src/core/text";

describe("cellText and isBlank trim as String.prototype.trim does", () => {
  // They call trim only where an end may be white space: every character trim removes must be seen as one.
  it("for every character at either end, alone and around text", () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `${ch}a`, `a${ch}`, `${ch}指標${ch}`])
        if (cellText(text) !== text.trim() || isBlank(text) !== (text.trim() === "")) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});
