import "server-only";
import type { Database } from "../../db/client";
import type { Locale } from "../i18n/config";
import { runImportJob } from "./run-import-job";

/**
 * Runs an import after the request has been answered. If the process stops, the job keeps its
 * cursor and status; the admin resumes it from the page.
 */
export function startImportJob(input: { db: Database; jobId: number; locale: Locale }): void {
  void runImportJob(input).catch((err: unknown) => console.error(`[import] job ${input.jobId} stopped`, err));
}
