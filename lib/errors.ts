/**
 * The one error type domain code throws. Route handlers map `code` to an HTTP status through
 * the table below; the message key is looked up in the caller's language by `withApi`.
 */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** i18n key under `errors.` in the message catalogues. */
  readonly messageKey: string;
  readonly details?: Record<string, unknown>;

  constructor(input: {
    code: ErrorCode;
    messageKey: string;
    message?: string;
    details?: Record<string, unknown>;
  }) {
    super(input.message ?? input.messageKey);
    this.name = "AppError";
    this.code = input.code;
    this.messageKey = input.messageKey;
    this.details = input.details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
