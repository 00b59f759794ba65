/** The id of the bulk-assign form; the queue table's checkboxes point at it. */
export const BULK_FORM_ID = "bulk-assign";
