import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { queryRows } from "../../db/query";
import { IMPORT_LEASE_SECONDS } from "./run-import-job";

/** A job abandoned this many times is failed instead: something in it keeps killing the process. */
export const MAX_IMPORT_RESUMES = 3;

/**
 * Finds import jobs that say "running" but whose runner stopped renewing its lease (the process
 * died or was redeployed mid-import), as the outbox does for its messages. Each is claimed once
 * (resume_count + 1, the lease cleared) and handed to `resume`; after MAX_IMPORT_RESUMES it is
 * failed with a reason, for the admin to look at. Returns the ids resumed and failed.
 */
export async function recoverStaleImports(input: {
  db: Database;
  resume: (jobId: number) => void;
}): Promise<{ resumed: number[]; failed: number[] }> {
  const stale = await queryRows<{ id: number; resume_count: number }>(
    input.db,
    sql`update report_imports set resume_count = resume_count + 1, lease_expires_at = null,
               status = case when resume_count + 1 > ${MAX_IMPORT_RESUMES} then 'failed' else 'pending' end,
               last_error = case when resume_count + 1 > ${MAX_IMPORT_RESUMES}
                                 then 'import_abandoned' else last_error end,
               updated_at = now()
        where id in (select id from report_imports
                     where status = 'running' and coalesce(lease_expires_at, updated_at + make_interval(secs => ${IMPORT_LEASE_SECONDS})) < now()
                     for update skip locked)
        returning id, resume_count`,
  );
  const resumed = stale.filter((j) => j.resume_count <= MAX_IMPORT_RESUMES).map((j) => j.id);
  const failed = stale.filter((j) => j.resume_count > MAX_IMPORT_RESUMES).map((j) => j.id);
  for (const id of resumed) input.resume(id);
  return { resumed, failed };
}
