import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTACT_MASK, maskContacts } from "../../../lib/moderation/mask-contacts";

const masked = (text: string) => maskContacts(text).text;

describe("maskContacts", () => {
  it.each([
    "+381 63 123 4567",
    "+381631234567",
    "+381 (0)63 123-4567",
    "00381 64 1234567",
    "063 123 4567",
    "063/123-4567",
    "063-123-456",
    "0631234567",
    "065.123.45.67",
    "035/123-456",
    "(035) 123-456",
    "011 123 4567",
    "011/2345-678",
    "+381 11 123 45 67",
    "+381 35 123456",
    "021 / 456 789",
  ])("masks the phone number %s in a sentence", (phone) => {
    const result = maskContacts(`Zovite me na ${phone} posle 17h.`);
    expect(result.text).toBe(`Zovite me na ${CONTACT_MASK} posle 17h.`);
    expect(result.phones).toBe(1);
  });

  it.each([
    "pera.peric@gmail.com",
    "Ana_Nikolić+rupe@mail.example.rs",
    "pera (at) gmail.com",
    "pera[at]gmail.com",
  ])("masks the e-mail address %s", (email) => {
    const result = maskContacts(`Pišite na ${email}, hvala`);
    expect(result.text).toBe(`Pišite na ${CONTACT_MASK}, hvala`);
    expect(result.emails).toBe(1);
  });

  it("masks two numbers written one after the other", () => {
    const result = maskContacts("063 123 4567 / 011 222 3333");
    expect(result.text).toBe(`${CONTACT_MASK} / ${CONTACT_MASK}`);
    expect(result.phones).toBe(2);
  });

  it("masks a number at the very start and end of the text", () => {
    expect(masked("0641234567")).toBe(CONTACT_MASK);
    expect(masked("Tel: 064 123 4567")).toBe(`Tel: ${CONTACT_MASK}`);
  });

  it.each([
    "Rupa je tu od 01.02.2024. godine",
    "Prijavljeno 12.03.2025. 10:30",
    "Kod kućnog broja 105, ulaz 2",
    "Račun 160-0000000123456-78",
    "Od 2019. godine, 3 puta",
    "Kod prijave 7KQ-4M2P",
    "Na 300 m od škole, oko 15 rupa",
    "Koordinate 43.9331, 21.3712",
  ])("leaves text without contacts alone: %s", (text) => {
    expect(maskContacts(text)).toEqual({ text, emails: 0, phones: 0 });
  });

  it("does not mask a number too short or too long to be Serbian", () => {
    expect(masked("063 123 45")).toBe("063 123 45");
    expect(masked("063 123 456 789")).toBe("063 123 456 789");
  });

  it("masks every generated mobile number in any separator style (property)", () => {
    const separator = fc.constantFrom(" ", "-", "/", ".", "");
    fc.assert(
      fc.property(
        fc.constantFrom("060", "061", "062", "063", "064", "065", "066", "069"),
        fc.stringMatching(/^\d{6,7}$/),
        separator,
        fc.boolean(),
        fc.constantFrom("Pozovite ", "Broj: ", "", "Javite se ("),
        (prefix, rest, sep, international, lead) => {
          const head = international ? `+381 ${prefix.slice(1)}` : prefix;
          const phone = `${head}${sep}${rest.slice(0, 3)}${sep}${rest.slice(3)}`;
          const out = maskContacts(`${lead}${phone} hvala`);
          expect(out.text).toBe(`${lead}${CONTACT_MASK} hvala`);
          expect(out.text).not.toMatch(/\d{3}/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never changes text that has no digit and no @ (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."abcčćdđ šž.,-/()+ ABCЖЂ\n".split("")) }), (text) => {
        expect(maskContacts(text).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent: masking masked text changes nothing (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom("063 123 4567", "ana@mail.rs", "035/123-456", "+381 11 123 4567"),
            fc.string({ unit: fc.constantFrom(..."abc 0123456789.-/".split("")), maxLength: 12 }),
          ),
          { maxLength: 6 },
        ),
        (parts) => {
          const once = masked(parts.join(" "));
          expect(masked(once)).toBe(once);
        },
      ),
      { numRuns: 500 },
    );
  });
});
