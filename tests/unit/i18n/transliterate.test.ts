import { describe, expect, it } from "vitest";
import {
  foldForSearch,
  inReaderScript,
  messageToCyrillic,
  toCyrillic,
  toLatin,
} from "../../../lib/i18n/transliterate";

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
    expect(
      messageToCyrillic("Na mapi: {count, plural, one {# prijava} few {# prijave} other {# prijava}}"),
    ).toBe("На мапи: {count, plural, one {# пријава} few {# пријаве} other {# пријава}}");
    expect(messageToCyrillic("Opština {municipality} <b>danas</b>")).toBe(
      "Општина {municipality} <b>данас</b>",
    );
  });

  it("folds scripts and diacritics for search: cuprija finds Ћуприја", () => {
    expect(foldForSearch("Ћуприја")).toBe("cuprija");
    expect(foldForSearch("Ćuprija")).toBe("cuprija");
    expect(foldForSearch("Ђурђевачка")).toBe("djurdjevacka");
  });
});

describe("free text in the reader's script", () => {
  it("gives Cyrillic readers Cyrillic, keeping addresses, codes and foreign words as typed", () => {
    expect(
      inReaderScript(
        "Popravljeno je, vidi 78PC-6A8G i https://cuprija.rs/radovi ili pisi na info@cuprija.rs.",
        "sr-Cyrl",
      ),
    ).toBe("Поправљено је, види 78PC-6A8G и https://cuprija.rs/radovi или писи на info@cuprija.rs.");
    expect(inReaderScript("Ekipa Wolf Systems dolazi sutra.", "sr-Cyrl")).toBe(
      "Екипа Wolf Systems долази сутра.",
    );
    expect(inReaderScript("Injekcioni malter, nadživeće zimu.", "sr-Cyrl")).toBe(
      "Инјекциони малтер, надживеће зиму.",
    );
  });

  it("gives Latin readers Latin, and English readers the text as typed", () => {
    expect(inReaderScript("Замењена сијалица у Улици Карађорђевој.", "sr-Latn")).toBe(
      "Zamenjena sijalica u Ulici Karađorđevoj.",
    );
    expect(inReaderScript("Замењена сијалица.", "en")).toBe("Замењена сијалица.");
    expect(inReaderScript("Lamp replaced.", "sr-Latn")).toBe("Lamp replaced.");
  });
});
