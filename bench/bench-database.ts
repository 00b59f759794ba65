import { Client } from "pg";

/**
 * A throwaway benchmark database on the local PostgreSQL + PostGIS server (`<prefix>_<pid>`, made
 * from BENCH_ADMIN_URL or the local development role), with the settings the README recommends for
 * tile serving on few cores; BENCH_DATABASE_URL uses an existing empty database instead and leaves it.
 */
export async function createBenchDatabase(input: { prefix: string }): Promise<{
  url: string;
  name: string;
  drop: () => Promise<void>;
  settings: string;
}> {
  if (process.env.BENCH_DATABASE_URL) {
    return {
      url: process.env.BENCH_DATABASE_URL,
      name: new URL(process.env.BENCH_DATABASE_URL).pathname.slice(1),
      drop: async () => undefined,
      settings: "as configured",
    };
  }
  const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgres://civic_dev:civic_dev@127.0.0.1:5432/postgres";
  const name = `${input.prefix}_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  // The settings README recommends for tile serving on few cores (one plan per tile, no parallel
  // workers; index-friendly costs on SSD), set on this database only.
  const settings = "max_parallel_workers_per_gather = 0, random_page_cost = 1.1";
  await admin.query(`alter database ${name} set max_parallel_workers_per_gather = 0`);
  await admin.query(`alter database ${name} set random_page_cost = 1.1`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const inside = new Client({ connectionString: url.toString() });
  await inside.connect();
  await inside.query("create extension if not exists postgis");
  await inside.end();
  return {
    url: url.toString(),
    name,
    settings,
    drop: async () => {
      const again = new Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [name],
      );
      await again.query(`drop database if exists ${name}`);
      await again.end();
    },
  };
}
