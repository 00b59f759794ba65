/** Report shapes appear in the tiles from this zoom on; below it the clusters stand for the reports. */
export const MIN_SHAPE_ZOOM = 12;
