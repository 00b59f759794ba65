/**
 * Serbian Latin ↔ Cyrillic. The mapping is one-to-one except for the digraphs lj, nj and dž,
 * which are single Cyrillic letters; Latin text that contains them as two letters across a
 * morpheme boundary (rare: "injekcija", "konjugacija") is not distinguished.
 */
const latinToCyrillic: Array<[string, string]> = [
  ["Dž", "Џ"],
  ["DŽ", "Џ"],
  ["dž", "џ"],
  ["Lj", "Љ"],
  ["LJ", "Љ"],
  ["lj", "љ"],
  ["Nj", "Њ"],
  ["NJ", "Њ"],
  ["nj", "њ"],
  ["A", "А"],
  ["B", "Б"],
  ["V", "В"],
  ["G", "Г"],
  ["D", "Д"],
  ["Đ", "Ђ"],
  ["E", "Е"],
  ["Ž", "Ж"],
  ["Z", "З"],
  ["I", "И"],
  ["J", "Ј"],
  ["K", "К"],
  ["L", "Л"],
  ["M", "М"],
  ["N", "Н"],
  ["O", "О"],
  ["P", "П"],
  ["R", "Р"],
  ["S", "С"],
  ["T", "Т"],
  ["Ć", "Ћ"],
  ["U", "У"],
  ["F", "Ф"],
  ["H", "Х"],
  ["C", "Ц"],
  ["Č", "Ч"],
  ["Š", "Ш"],
  ["a", "а"],
  ["b", "б"],
  ["v", "в"],
  ["g", "г"],
  ["d", "д"],
  ["đ", "ђ"],
  ["e", "е"],
  ["ž", "ж"],
  ["z", "з"],
  ["i", "и"],
  ["j", "ј"],
  ["k", "к"],
  ["l", "л"],
  ["m", "м"],
  ["n", "н"],
  ["o", "о"],
  ["p", "п"],
  ["r", "р"],
  ["s", "с"],
  ["t", "т"],
  ["ć", "ћ"],
  ["u", "у"],
  ["f", "ф"],
  ["h", "х"],
  ["c", "ц"],
  ["č", "ч"],
  ["š", "ш"],
];

const toCyrillicPattern = new RegExp(latinToCyrillic.map(([l]) => l).join("|"), "g");
const toCyrillicMap = new Map(latinToCyrillic);
const toLatinMap = new Map(
  latinToCyrillic.filter(([l]) => l !== "DŽ" && l !== "LJ" && l !== "NJ").map(([l, c]) => [c, l] as const),
);

/**
 * Words in which d+ž, n+j or l+j meet across a morpheme boundary and stay two letters:
 * nad-živeti, od-žaliti, pod-žanr, pred-žetva; kon-junkcija, in-jekcija, kon-jugacija, van-jezički.
 * Each entry is a word beginning (lower case) and where the pair splits.
 */
const twoLetterPairs: Array<{ start: string; split: number }> = [
  { start: "nadž", split: 3 },
  { start: "odž", split: 2 },
  { start: "podž", split: 3 },
  { start: "predž", split: 4 },
  { start: "konjunk", split: 3 },
  { start: "konjug", split: 3 },
  { start: "injek", split: 2 },
  { start: "injun", split: 2 },
  { start: "vanjezi", split: 3 },
  { start: "tanjug", split: 3 },
];

const SPLIT = "\u0001";

/** Latin → Cyrillic of plain text. */
export function toCyrillic(text: string): string {
  const marked = text.replace(/\p{L}+/gu, (word) => {
    const lower = word.toLowerCase();
    const pair = twoLetterPairs.find((p) => lower.startsWith(p.start));
    return pair ? word.slice(0, pair.split) + SPLIT + word.slice(pair.split) : word;
  });
  return marked.replace(toCyrillicPattern, (ch) => toCyrillicMap.get(ch) ?? ch).replaceAll(SPLIT, "");
}

/**
 * Technical tokens that a Cyrillic reader still types and sees in Latin: web and e-mail addresses,
 * EPSG codes, file extensions (".zip" after a space or bracket), file formats and standards, and
 * codes that mix capitals and digits ("7KQ4-M2XP", "Open311"). Serbian acronyms (JKP, RGZ, GIS, MB)
 * are not listed: they have Cyrillic forms.
 */
const technicalToken = new RegExp(
  [
    String.raw`[a-z][a-z0-9+.-]*:\/\/[^\s)]+`,
    String.raw`www\.[^\s)]+`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`EPSG:\d+(?:\/\d+)?`,
    String.raw`(?<=^|[\s(])\.[a-z][a-z0-9]{1,6}\b`,
    String.raw`\b(?:GeoJSON|GeoPackage|Shapefile|TileJSON|JSON|CSV|KML|GPX|XLSX|PDF|PNG|JPEG|HEIC|WebP|SVG|UTF-8|MVT|API|ISO|UUID|UTC|CC BY|Creative Commons|OGC|WMS|WFS|PostGIS|OpenStreetMap)\b`,
    String.raw`\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]+\b`,
  ].join("|"),
  "g",
);

/** Latin → Cyrillic of catalogue text, leaving technical tokens (see `technicalToken`) in Latin. */
export function textToCyrillic(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(technicalToken)) {
    out += toCyrillic(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + toCyrillic(text.slice(last));
}

/**
 * Latin → Cyrillic of an ICU message: argument names, plural/select keywords and rich-text tag
 * names stay as they are; the text inside plural and select branches is transliterated, technical
 * tokens kept in Latin.
 */
export function messageToCyrillic(message: string): string {
  let out = "";
  let i = 0;
  while (i < message.length) {
    const ch = message[i]!;
    if (ch === "<") {
      const end = message.indexOf(">", i);
      out += message.slice(i, end + 1);
      i = end + 1;
    } else if (ch === "{") {
      const end = matchingBrace(message, i);
      out += `{${argumentToCyrillic(message.slice(i + 1, end))}}`;
      i = end + 1;
    } else {
      let j = i;
      while (j < message.length && message[j] !== "<" && message[j] !== "{") j++;
      out += textToCyrillic(message.slice(i, j));
      i = j;
    }
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in message: ${text}`);
}

function argumentToCyrillic(inner: string): string {
  const parts = inner.split(",");
  const type = parts[1]?.trim();
  if (parts.length < 3 || !type || !["plural", "select", "selectordinal"].includes(type)) return inner;
  const head = `${parts[0]},${parts[1]},`;
  const rest = inner.slice(head.length);
  let out = "";
  let i = 0;
  while (i < rest.length) {
    if (rest[i] === "{") {
      const end = matchingBrace(rest, i);
      out += `{${messageToCyrillic(rest.slice(i + 1, end))}}`;
      i = end + 1;
    } else {
      out += rest[i];
      i++;
    }
  }
  return head + out;
}

export function toLatin(text: string): string {
  let out = "";
  for (const ch of text) out += toLatinMap.get(ch) ?? ch;
  return out;
}

/**
 * A search key that matches across scripts and missing diacritics: "cuprija", "Ćuprija" and
 * "Ћуприја" all fold to "cuprija".
 */
export function foldForSearch(text: string): string {
  return toLatin(text)
    .toLowerCase()
    .replace(/đ/g, "dj")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "");
}

/** Tokens that are not Serbian words and keep their letters in Cyrillic text: web and e-mail addresses, codes with digits, foreign words. */
const keepAsTyped = /^(?:[a-z][a-z0-9+.-]*:\/\/\S*|www\.\S*|\S+@\S+|\S*\d\S*|\S*[qwxyQWXY]\S*)$/;

/**
 * Free text typed by staff or citizens (a public update, a note), shown in the reader's script:
 * Serbian Cyrillic readers get Cyrillic and Latin readers Latin; English readers see it as typed.
 * In Cyrillic, web and e-mail addresses, tracking codes and words with q, w, x or y stay as typed.
 */
export function inReaderScript(text: string, locale: "sr-Latn" | "sr-Cyrl" | "en"): string {
  if (locale === "sr-Latn") return toLatin(text);
  if (locale !== "sr-Cyrl") return text;
  return text
    .split(/(\s+)/)
    .map((token) => (/^\s*$/.test(token) || keepAsTyped.test(token) ? token : toCyrillic(token)))
    .join("");
}
