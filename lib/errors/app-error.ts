// One error type for every expected failure; routes turn it into API.md's JSON error shape.
export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_items: 400,
  missing_field: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  assignment_expired: 409,
  already_done: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;
export type TErrorDetail = { line?: number; path?: string; field?: string; message: string };

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly details?: TErrorDetail[];
  readonly status: number;
  readonly headers?: Record<string, string>;

  constructor(code: TErrorCode, message: string, opts: { details?: TErrorDetail[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = opts.details;
    this.headers = opts.headers;
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
