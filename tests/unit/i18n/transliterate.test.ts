import { describe, expect, it } from "vitest";
import {
  foldForSearch,
  inReaderScript,
  messageToCyrillic,
  textToCyrillic,
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

describe("Cyrillic catalogue text keeps technical tokens in Latin", () => {
  it("keeps file formats, extensions and EPSG codes", () => {
    expect(
      messageToCyrillic(
        "GeoJSON, zipovan Shapefile (.zip sa .shp) ili GeoPackage (.gpkg). Koordinate u EPSG:4326.",
      ),
    ).toBe("GeoJSON, зипован Shapefile (.zip са .shp) или GeoPackage (.gpkg). Координате у EPSG:4326.");
  });

  it("keeps e-mail and web addresses and mixed codes such as tracking numbers", () => {
    expect(textToCyrillic("Pišite na podrska@opstina.rs ili https://opstina.rs/pomoc, broj 7KQ4-M2XP")).toBe(
      "Пишите на podrska@opstina.rs или https://opstina.rs/pomoc, број 7KQ4-M2XP",
    );
    expect(textToCyrillic("Open311 API, UTF-8, licenca CC BY 4.0")).toBe(
      "Open311 API, UTF-8, лиценца CC BY 4.0",
    );
  });

  it("still transliterates Serbian acronyms, units and sentence ends", () => {
    expect(textToCyrillic("JKP i RGZ, 5 MB, 3 km2. Datoteka je ovde.")).toBe(
      "ЈКП и РГЗ, 5 МБ, 3 км2. Датотека је овде.",
    );
  });

  it("keeps tokens in Latin inside plural branches, argument names untouched", () => {
    expect(messageToCyrillic("{n, plural, one {# CSV datoteka} other {# CSV datoteka}} u {crs}")).toBe(
      "{n, plural, one {# CSV датотека} other {# CSV датотека}} у {crs}",
    );
  });
});
