/**
 * Bounds on what one import may hold. An official municipal boundary has a few thousand to a few
 * tens of thousands of vertices; local communities of a large city together a few hundred thousand.
 */
export const MAX_GEODATA_FILE_BYTES = 30 * 1024 * 1024;
/** A zipped Shapefile may inflate to this much before reading stops. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
export const MAX_FEATURES = 2_000;
export const MAX_VERTICES_PER_FEATURE = 200_000;
export const MAX_VERTICES_PER_FILE = 1_000_000;
