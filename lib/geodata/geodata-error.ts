import { AppError } from "../errors";

/** A file the importer cannot use: 422 with a message key under `errors.` and its values. */
export class GeodataError extends AppError {
  constructor(messageKey: string, details?: Record<string, string | number>) {
    super({ code: "unprocessable", messageKey, details });
  }
}
