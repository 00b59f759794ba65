import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import srCyrl from "../../../messages/sr-Cyrl.json";
import srLatn from "../../../messages/sr-Latn.json";
import { messageToCyrillic } from "../../../lib/i18n/transliterate";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[full] = value;
    else Object.assign(out, flatten(value, full));
  }
  return out;
}

const catalogues = { en: flatten(en), "sr-Latn": flatten(srLatn), "sr-Cyrl": flatten(srCyrl) };

describe("message catalogues", () => {
  it("have the same keys in English, Serbian Latin and Serbian Cyrillic", () => {
    const keys = Object.keys(catalogues.en).sort();
    expect(Object.keys(catalogues["sr-Latn"]).sort()).toEqual(keys);
    expect(Object.keys(catalogues["sr-Cyrl"]).sort()).toEqual(keys);
  });

  it("keep the Cyrillic catalogue in step with the Latin one (npm run i18n:cyrillic)", () => {
    for (const [key, latin] of Object.entries(catalogues["sr-Latn"])) {
      if (key === "language.sr-Latn" || key === "language.en") continue;
      expect(catalogues["sr-Cyrl"][key], key).toBe(messageToCyrillic(latin));
    }
  });

  it("have no empty message and every message formats", () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      type Format = ((key: string, values: Record<string, unknown>) => string) & {
        markup: (key: string, values: Record<string, unknown>) => string;
      };
      const translator = createTranslator({
        locale,
        messages: { root: unflatten(messages) } as never,
      }) as unknown as Format;
      for (const [key, message] of Object.entries(messages)) {
        expect(message.trim(), `${locale} ${key}`).not.toBe("");
        const values: Record<string, unknown> = Object.fromEntries(
          [...message.matchAll(/\{(\w+)/g)].map((m) => [
            m[1],
            m[1] === "count" || /s$/.test(m[1]!) ? 3 : "x",
          ]),
        );
        const tags = [...message.matchAll(/<(\w+)>/g)].map((m) => m[1]!);
        for (const tag of tags) values[tag] = (chunks: string) => chunks;
        const t = (key: string, v: Record<string, unknown>) =>
          tags.length ? translator.markup(key, v) : translator(key, v);
        expect(() => t(`root.${key}`, values), `${locale} ${key}`).not.toThrow();
        expect(t(`root.${key}`, values)).not.toContain(`root.${key}`);
      }
    }
  });
});

function unflatten(flat: Record<string, string>): Tree {
  const root: Tree = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    node[parts[parts.length - 1]!] = value;
  }
  return root;
}
