/** What replaces a masked e-mail address or phone number in public text. */
export const CONTACT_MASK = "[***]";

export type MaskedText = { text: string; emails: number; phones: number };

// Letters, digits and the characters mail providers allow in a local part; "(at)" and "[at]" are the
// usual ways of writing an address so that a simple filter misses it.
const emailPattern =
  /[\p{L}\p{N}._%+-]+(?:@|\s?[([{]\s?(?:at|et|majmun)\s?[)\]}]\s?)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

// A run that may be a phone number: "+381" / "00381" or a 0 (national prefix), then digits with the
// separators people type ("063 123 4567", "035/123-456", "+381 (0)11 123-45-67").
const candidatePattern = /(?:(?:\+|00)\s?381|\(?0)[\d\s().\/-]*\d/gu;
const datePattern = /^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}/u;

/** Lengths of a Serbian number without the country code or the national 0: 8 or 9 digits. */
function isNationalNumber(digits: string): boolean {
  return (digits.length === 8 || digits.length === 9) && digits[0] !== "0";
}

/**
 * The end (exclusive, in `run`) of the longest phone number at the start of the run, or 0. A number
 * ends at a digit that is followed by nothing more of the run or by the start of another number.
 */
function phoneEnd(run: string): number {
  const international = /^(?:\+|00)\s?381/u.exec(run);
  let digits = "";
  let best = 0;
  let sawTrunkZero = false;
  for (let i = international ? international[0].length : 0; i < run.length; i++) {
    const ch = run[i]!;
    if (!/\d/u.test(ch)) continue;
    // "+381 (0)63 …": the national 0 written after the country code does not count.
    if (international && digits === "" && ch === "0" && !sawTrunkZero) {
      sawTrunkZero = true;
      continue;
    }
    digits += ch;
    const national = international ? digits : digits.startsWith("0") ? digits.slice(1) : "";
    const rest = run.slice(i + 1);
    const nextIsNewNumber =
      rest.trim() === "" || /^[\s./-]+(?:\+|0)/u.test(rest) || /^\s*[()]?\s*$/u.test(rest);
    if (isNationalNumber(national) && nextIsNewNumber) best = i + 1;
  }
  return best;
}

function maskPhones(text: string): { text: string; count: number } {
  let count = 0;
  let out = "";
  let last = 0;
  for (const match of text.matchAll(candidatePattern)) {
    const start = match.index;
    const before = text.slice(0, start);
    // Part of a word, a longer number or an account number: not a phone number.
    if (/[\p{L}\p{N}_]$/u.test(before)) continue;
    let run = match[0];
    let offset = 0;
    // "(035) 123-456" keeps its brackets in the mask; "(063 …" opened a remark of the sentence.
    if (run.startsWith("(") && !/^\(0\d{1,3}\)/u.test(run)) {
      run = run.slice(1);
      offset = 1;
    }
    while (run.length > 0) {
      if (datePattern.test(run)) break;
      const end = phoneEnd(run);
      if (end === 0) break;
      out += text.slice(last, start + offset) + CONTACT_MASK;
      last = start + offset + end;
      count++;
      // Another number may follow in the same run ("063 123 4567 / 011 222 3333").
      const next = /[+0(]/u.exec(run.slice(end));
      if (!next) break;
      offset += end + next.index;
      run = run.slice(end + next.index);
    }
  }
  return { text: out + text.slice(last), count };
}

/**
 * Masks e-mail addresses and Serbian phone numbers (mobile "+381 6x …" and "06x …", landlines such
 * as "035/123-456" or "011 123 4567") in text the public will read. Dates ("01.02.2024."), years,
 * account numbers and tracking codes stay as they are.
 */
export function maskContacts(text: string): MaskedText {
  let emails = 0;
  const withoutEmails = text.replace(emailPattern, () => {
    emails++;
    return CONTACT_MASK;
  });
  const phones = maskPhones(withoutEmails);
  return { text: phones.text, emails, phones: phones.count };
}
