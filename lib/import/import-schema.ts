import { z } from "zod";

/** Which CSV column (by header name) feeds which report field. Coordinates or an address are required. */
export const columnMappingSchema = z
  .object({
    categoryCode: z.string().min(1),
    description: z.string().min(1),
    latitude: z.string().min(1).optional(),
    longitude: z.string().min(1).optional(),
    address: z.string().min(1).optional(),
    createdAt: z.string().min(1).optional(),
    status: z.string().min(1).optional(),
    externalId: z.string().min(1).optional(),
  })
  .refine((m) => (m.latitude && m.longitude) || m.address, { message: "coordinates or address" });

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
export const IMPORT_BATCH_SIZE = 500;
