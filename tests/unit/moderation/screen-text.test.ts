import { describe, expect, it } from "vitest";
import { CONTACT_MASK } from "../../../lib/moderation/mask-contacts";
import { findHeldWords, screenText } from "../../../lib/moderation/screen-text";

describe("findHeldWords", () => {
  it("finds a listed stem in its inflected forms", () => {
    expect(findHeldWords("Komšija je obična budaletina", ["budal"])).toEqual(["budal"]);
    expect(findHeldWords("Budalama nema mesta", ["budal"])).toEqual(["budal"]);
  });

  it("matches across scripts and missing diacritics", () => {
    expect(findHeldWords("Ћорав је онај ко је ово радио", ["ćorav"])).toEqual(["ćorav"]);
    expect(findHeldWords("corav je", ["ćorav"])).toEqual(["ćorav"]);
    expect(findHeldWords("ĆORAV", ["corav"])).toEqual(["corav"]);
  });

  it("matches only at the start of a word", () => {
    expect(findHeldWords("Pregledati kanalizaciju", ["gled"])).toEqual([]);
  });

  it("ignores empty entries", () => {
    expect(findHeldWords("bilo šta", ["", "  "])).toEqual([]);
  });
});

describe("screenText", () => {
  it("masks a phone number and flags the text without holding it", () => {
    const s = screenText({ text: "Rupa ispred kuće, zovite 063 123 4567", heldWords: ["budal"] });
    expect(s).toEqual({
      publicText: `Rupa ispred kuće, zovite ${CONTACT_MASK}`,
      masked: true,
      heldWords: [],
      flag: true,
      hold: false,
    });
  });

  it("holds a text with a listed word", () => {
    const s = screenText({ text: "Ovo je uradila neka budala", heldWords: ["budal"] });
    expect(s.hold).toBe(true);
    expect(s.flag).toBe(true);
    expect(s.publicText).toBe("Ovo je uradila neka budala");
  });

  it("passes a civil text untouched", () => {
    const s = screenText({ text: "Ne radi ulično svetlo kod škole", heldWords: ["budal"] });
    expect(s).toEqual({
      publicText: "Ne radi ulično svetlo kod škole",
      masked: false,
      heldWords: [],
      flag: false,
      hold: false,
    });
  });
});
