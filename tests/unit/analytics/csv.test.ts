import { describe, expect, it } from "vitest";
import { csvLine, toCsv } from "../../../lib/analytics/csv";

describe("CSV for planners' downloads", () => {
  it("quotes separators, quotes and line breaks, and leaves empty cells for missing values", () => {
    expect(csvLine(["a,b", 'say "hi"', "two\nlines", null, 3.5])).toBe(
      '"a,b","say ""hi""","two\nlines",,3.5\r\n',
    );
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvLine(["=SUM(A1:A9)", "+381 64", "-1", "@cmd", "plain"])).toBe(
      "'=SUM(A1:A9),'+381 64,'-1,'@cmd,plain\r\n",
    );
    expect(csvLine([-1])).toBe("-1\r\n");
  });

  it("writes a header and one line per row in column order", () => {
    expect(toCsv(["channel", "reports"], [{ reports: 4, channel: "web" }])).toBe(
      "channel,reports\r\nweb,4\r\n",
    );
  });
});
