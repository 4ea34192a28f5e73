/** What went wrong, in words safe to show; the HTTP status follows from the kind. */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
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
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const kindByStatus = new Map(
  Object.entries(statusByKind).map(([kind, status]) => [status, kind as ErrorKind]),
);

/**
 * One error type for the whole app: a `kind:surface` code, a message safe for users, the cause for
 * the log; over HTTP, `apiCode` is the `error.code` CONTRACT §2 answers (the kind, dashed, unless
 * given) and `retryAfterS` a Retry-After header.
 * @example throw new AppError('unavailable:knowledge', 'The knowledge base is not loaded yet.')
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly surface: string;
  readonly status: number;
  readonly field: string | undefined;
  readonly apiCode: string;
  readonly retryAfterS: number | undefined;

  constructor(
    code: `${ErrorKind}:${string}`,
    message: string,
    options: { cause?: unknown; field?: string; apiCode?: string; retryAfterS?: number } = {},
  ) {
    super(message, { cause: options.cause });
    const [kind, surface] = code.split(':') as [ErrorKind, string];
    this.name = 'AppError';
    this.kind = kind;
    this.surface = surface;
    this.status = statusByKind[kind];
    this.field = options.field;
    this.apiCode = options.apiCode ?? kind.replace('_', '-');
    this.retryAfterS = options.retryAfterS;
  }

  /**
   * An error an HTTP route answers with, by its status and CONTRACT code.
   * @example throw AppError.api(404, 'not-found', 'no such conversation')
   */
  static api(
    status: number,
    apiCode: string,
    message: string,
    field?: string,
    retryAfterS?: number,
  ): AppError {
    const kind = kindByStatus.get(status) ?? 'internal';
    return new AppError(`${kind}:api`, message, {
      apiCode,
      ...(field !== undefined ? { field } : {}),
      ...(retryAfterS !== undefined ? { retryAfterS } : {}),
    });
  }

  get code(): string {
    return `${this.kind}:${this.surface}`;
  }
}
