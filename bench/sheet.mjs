// The Apps Script services the table check and the analysis call, over one
// sheet held in plain arrays: the bench times the add-on's own work, not a
// spreadsheet engine (the stand-in in dev/ computes formulas with HyperFormula,
// which would dominate). Any call the add-on makes that is not here throws.

function strict(name, object) {
  return new Proxy(object, {
    get(target, key) {
      if (key in target || typeof key === "symbol") return target[key];
      throw new Error(`bench sheet: ${name}.${String(key)} is not implemented`);
    },
  });
}

/** A sheet holding `grid` (header first) at A1 in a 1-row-taller, 4-column-wider sheet. */
export function services(name, grid) {
  const width = grid[0].length;
  const maxRows = grid.length + 1;
  const maxColumns = width + 4;
  const range = (row, column, rows, columns) => {
    // Fresh arrays on every call, as Apps Script returns them; cells past the table are "".
    const values = () =>
      Array.from({ length: rows }, (_, r) => {
        const line = (grid[row - 1 + r] ?? []).slice(column - 1, column - 1 + columns);
        while (line.length < columns) line.push("");
        return line;
      });
    const blank = (text) => () => Array.from({ length: rows }, () => new Array(columns).fill(text));
    return strict("Range", {
      getRow: () => row,
      getColumn: () => column,
      getNumRows: () => rows,
      getNumColumns: () => columns,
      getValues: values,
      getFormulas: blank(""),
      getNumberFormats: blank("General"),
    });
  };
  const a1 = (text) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(text);
    const col = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return range(+m[2], col(m[1]), +m[4] - +m[2] + 1, col(m[3]) - col(m[1]) + 1);
  };
  const sheet = strict("Sheet", {
    getName: () => name,
    getMaxRows: () => maxRows,
    getMaxColumns: () => maxColumns,
    getActiveRange: () => range(1, 1, 1, 1),
    getDataRange: () => range(1, 1, grid.length, width),
    getRange: (a, column, rows = 1, columns = 1) => (typeof a === "string" ? a1(a) : range(a, column, rows, columns)),
  });
  const spreadsheet = strict("Spreadsheet", {
    getActiveSheet: () => sheet,
    getSheetByName: (n) => (n === name ? sheet : null),
    getSpreadsheetLocale: () => "en_US",
    getSpreadsheetTimeZone: () => "UTC",
  });
  const properties = strict("Properties", { getProperty: () => null });
  return {
    SpreadsheetApp: strict("SpreadsheetApp", {
      getActiveSheet: () => sheet,
      getActiveSpreadsheet: () => spreadsheet,
    }),
    PropertiesService: strict("PropertiesService", { getDocumentProperties: () => properties }),
    Session: strict("Session", { getActiveUserLocale: () => "en" }),
    Utilities: strict("Utilities", { formatDate: (date) => date.toISOString().slice(0, 10) }),
  };
}
