/**
 * Writes messages/sr-Cyrl.json as the transliteration of messages/sr-Latn.json (the Serbian
 * text is written once, in Latin). Run after editing the Latin catalogue: npm run i18n:cyrillic
 */
import fs from "node:fs";
import path from "node:path";
import { messageToCyrillic } from "../lib/i18n/transliterate";

type Tree = { [key: string]: string | Tree };

// Names that stay in their own script whatever the page's script.
const keepAsIs = new Set(["language.sr-Latn", "language.en"]);

function convert(tree: Tree, prefix = ""): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    out[key] =
      typeof value === "string"
        ? keepAsIs.has(full)
          ? value
          : messageToCyrillic(value)
        : convert(value, full);
  }
  return out;
}

const dir = path.join(__dirname, "..", "messages");
const latin = JSON.parse(fs.readFileSync(path.join(dir, "sr-Latn.json"), "utf8")) as Tree;
fs.writeFileSync(path.join(dir, "sr-Cyrl.json"), `${JSON.stringify(convert(latin), null, 2)}\n`);
console.info("messages/sr-Cyrl.json written");
