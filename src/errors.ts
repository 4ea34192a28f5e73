/** What went wrong, in words safe to show; the HTTP status follows from the kind. */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/**
 * One error type for the whole app: a `kind:surface` code, a message safe for users, the cause for the log.
 * @example throw new AppError('unavailable:knowledge', 'The knowledge base is not loaded yet.')
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly surface: string;
  readonly status: number;
  readonly field: string | undefined;

  constructor(
    code: `${ErrorKind}:${string}`,
    message: string,
    options: { cause?: unknown; field?: string } = {},
  ) {
    super(message, { cause: options.cause });
    const [kind, surface] = code.split(':') as [ErrorKind, string];
    this.name = 'AppError';
    this.kind = kind;
    this.surface = surface;
    this.status = statusByKind[kind];
    this.field = options.field;
  }

  get code(): string {
    return `${this.kind}:${this.surface}`;
  }
}
