import { sql } from "drizzle-orm";

/**
 * The columns of a permit anyone may see, selected from the public_permits view (migration 0019)
 * aliased `p`: the view leaves a private holder's name out (personal data); a company's is published.
 */
export const publicPermitColumns = sql`p.id, p.reference, p.kind, p.status, p.valid_from::text as valid_from, p.valid_to::text as valid_to,
  p.works, p.holder, p.contractor`;

export type PublicPermitRow = {
  id: number;
  reference: string;
  kind: "construction" | "excavation" | "street_occupancy" | "event";
  status: "applied" | "under_review" | "granted" | "refused" | "active" | "completed" | "revoked";
  valid_from: string;
  valid_to: string;
  works: string;
  holder: string | null;
  contractor: string | null;
};

export type PublicPermit = {
  reference: string;
  kind: PublicPermitRow["kind"];
  status: PublicPermitRow["status"];
  validFrom: string;
  validTo: string;
  works: string;
  holder: string | null;
  contractor: string | null;
};

export function toPublicPermit(row: PublicPermitRow): PublicPermit {
  return {
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    validFrom: String(row.valid_from),
    validTo: String(row.valid_to),
    works: row.works,
    holder: row.holder,
    contractor: row.contractor,
  };
}
