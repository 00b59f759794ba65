import { describe, expect, it } from "vitest";
import { foldForSearch, messageToCyrillic, toCyrillic, toLatin } from "../../../lib/i18n/transliterate";

describe("Serbian transliteration", () => {
  it("maps the digraphs lj, nj and dž to single Cyrillic letters", () => {
    expect(toCyrillic("Ljubav Njegoš Džamija ljiljan")).toBe("Љубав Његош Џамија љиљан");
    expect(toCyrillic("ĆUPRIJA LJUBOVIJA")).toBe("ЋУПРИЈА ЉУБОВИЈА");
  });

  it.each([
    ["nadživeti", "надживети"],
    ["Odžaliti", "Оджалити"],
    ["podžanr", "поджанр"],
    ["konjunkcija", "коњункција".replace("њ", "нј")],
    ["injekcija", "инјекција"],
    ["konjugacija", "конјугација"],
    ["vanjezički", "ванјезички"],
    ["njiva", "њива"],
    ["džep", "џеп"],
  ])("keeps morpheme-boundary pairs as two letters: %s → %s", (latin, cyrillic) => {
    expect(toCyrillic(latin)).toBe(cyrillic);
    expect(toLatin(toCyrillic(latin))).toBe(latin);
  });

  it("round-trips place names", () => {
    for (const name of ["Ćuprija", "Kruševac", "Đurđevo", "Čačak", "Žabari", "Mijatovac"]) {
      expect(toLatin(toCyrillic(name))).toBe(name);
    }
  });

  it("leaves ICU arguments, plural keywords and tags alone", () => {
    expect(messageToCyrillic("Na mapi: {count, plural, one {# prijava} few {# prijave} other {# prijava}}")).toBe(
      "На мапи: {count, plural, one {# пријава} few {# пријаве} other {# пријава}}",
    );
    expect(messageToCyrillic("Opština {municipality} <b>danas</b>")).toBe("Општина {municipality} <b>данас</b>");
  });

  it("folds scripts and diacritics for search: cuprija finds Ћуприја", () => {
    expect(foldForSearch("Ћуприја")).toBe("cuprija");
    expect(foldForSearch("Ćuprija")).toBe("cuprija");
    expect(foldForSearch("Ђурђевачка")).toBe("djurdjevacka");
  });
});
