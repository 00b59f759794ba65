import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const start = readme.indexOf("## Folder map");
const map = readme.slice(start, readme.indexOf("\n## ", start + 1));
const folders = (parent: string) =>
  fs
    .readdirSync(path.join(root, parent), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `${parent}/${e.name}/`);

describe("the README's folder map", () => {
  it("sits near the top of the README", () => {
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(0, start).split("\n").length).toBeLessThan(40);
  });

  it.each([...folders("lib"), ...folders("components")])("names %s", (folder) => {
    expect(map).toContain(folder);
  });
});
