import fs from "node:fs";
import path from "node:path";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../../db/schema";

/** The README's Citus block: the SQL fence after "The distribution we would run". */
function readDdl(): string {
  const readme = fs.readFileSync(path.join(process.cwd(), "README.md"), "utf8");
  const start = readme.indexOf("The distribution we would run");
  expect(start).toBeGreaterThan(0);
  const fence = /```sql\n([\s\S]*?)```/.exec(readme.slice(start));
  expect(fence).not.toBeNull();
  return fence![1]!;
}

const tables = new Map(
  (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => v instanceof PgTable)
    .map((t) => {
      const config = getTableConfig(t);
      return [config.name, new Set(config.columns.map((c) => c.name))] as const;
    }),
);

function parse(ddl: string) {
  const distributed = new Map<string, { column: string; colocateWith: string | null }>();
  const reference = new Set<string>();
  for (const m of ddl.matchAll(
    /create_distributed_table\('(\w+)',\s*'(\w+)'(?:,\s*colocate_with\s*=>\s*'(\w+)')?\)/gi,
  )) {
    distributed.set(m[1]!, { column: m[2]!, colocateWith: m[3] ?? null });
  }
  for (const m of ddl.matchAll(/create_reference_table\('(\w+)'\)/gi)) reference.add(m[1]!);
  return { distributed, reference };
}

describe("the README's Citus distribution DDL", () => {
  const { distributed, reference } = parse(readDdl());

  it("names only tables that exist, each once", () => {
    expect(distributed.size).toBeGreaterThan(5);
    for (const name of [...distributed.keys(), ...reference]) expect(tables.has(name), name).toBe(true);
    for (const name of reference) expect(distributed.has(name), name).toBe(false);
  });

  it("distributes by a column each table has, co-located with reports", () => {
    for (const [name, { column, colocateWith }] of distributed) {
      expect(tables.get(name)!.has(column), `${name}.${column}`).toBe(true);
      expect(column).toBe("municipality_id");
      if (name !== "reports") expect(colocateWith, name).toBe("reports");
    }
  });

  it("distributes every report-side table (municipality_id and report_id) with reports", () => {
    const reportSide = [...tables].filter(([, cols]) => cols.has("municipality_id") && cols.has("report_id"));
    expect(reportSide.length).toBeGreaterThan(3);
    for (const [name] of reportSide) expect(distributed.has(name), `${name} is not distributed`).toBe(true);
  });
});
