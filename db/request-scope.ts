import { AsyncLocalStorage } from "node:async_hooks";
import type { Database } from "./client";

/**
 * The transaction of the request being served, under its access role (lib/auth/db-scope.ts). While
 * one is open, `getDb()` hands it out, so every read made on the request's behalf — including one
 * written without a WHERE on the organisation — goes through row-level security.
 */
export const requestScope = new AsyncLocalStorage<{ db: Database; role: "civic_staff" | "civic_public" }>();
