/** Largest map area the GeoJSON endpoints answer, in square degrees (about a Serbian region). */
export const MAX_BBOX_SQUARE_DEGREES = 4;
