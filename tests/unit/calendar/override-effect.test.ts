import { describe, expect, it } from "vitest";
import { overrideEffect } from "../../../lib/calendar/override-effect";

describe("overrideEffect", () => {
  it("shows a local holiday moving the due date of a report filed the working day before by one working day", () => {
    // Wednesday 10 March 2027; filed Tuesday with 2 working days: due Thursday, with the holiday Friday.
    expect(
      overrideEffect({ override: { date: "2027-03-10", isWorking: false }, others: [], slaWorkingDays: 2 }),
    ).toEqual({
      filedOn: "2027-03-09",
      slaWorkingDays: 2,
      dueWithout: "2027-03-11",
      dueWith: "2027-03-12",
    });
  });

  it("shows a decreed working Saturday bringing a due date forward, and an override that changes nothing as such", () => {
    // Saturday 13 March 2027; filed Friday with 1 working day: due Monday, with the Saturday worked: Saturday.
    expect(
      overrideEffect({ override: { date: "2027-03-13", isWorking: true }, others: [], slaWorkingDays: 1 }),
    ).toMatchObject({ filedOn: "2027-03-12", dueWithout: "2027-03-15", dueWith: "2027-03-13" });
    const same = overrideEffect({
      override: { date: "2027-03-10", isWorking: true },
      others: [],
      slaWorkingDays: 3,
    });
    expect(same.dueWith).toBe(same.dueWithout);
  });
});
