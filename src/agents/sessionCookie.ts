import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.js';
import { type AgentAuth, SESSION_HOURS } from './agentAuth.js';
import type { AgentSession } from './ports.js';

export const COOKIE = 'anxin_agent';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The named cookie's value; a value that is not valid percent-encoding is a 400 naming the cookie. */
function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      throw AppError.api(
        400,
        'malformed-cookie',
        `the ${name} cookie is not validly encoded; log in again`,
        name,
      );
    }
  }
  return undefined;
}

/** The session cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS, scoped to the agent API. */
export function setSessionCookie(req: Request, res: Response, session: AgentSession): void {
  const parts = [
    `${COOKIE}=${encodeURIComponent(session.id)}`,
    'Path=/api/v1/agent',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${SESSION_HOURS * 3600}`,
    ...(req.secure ? ['Secure'] : []),
  ];
  res.setHeader('Set-Cookie', parts.join('; '));
}

export function clearSessionCookie(res: Response): void {
  res.setHeader('Set-Cookie', `${COOKIE}=; Path=/api/v1/agent; HttpOnly; SameSite=Strict; Max-Age=0`);
}

/** The logged-in agent, set by `requireAgent`. */
export function agentOf(res: Response): AgentSession {
  return res.locals.agent as AgentSession;
}

/**
 * Every agent call needs a live session (401), and every state-changing one the session's CSRF
 * token in `X-CSRF-Token` (403).
 */
export function requireAgent(auth: AgentAuth) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const session = await auth.session(cookieValue(req, COOKIE)).catch(() => undefined);
    if (!session) return next(AppError.api(401, 'not-logged-in', 'log in first'));
    if (STATE_CHANGING.has(req.method) && req.get('x-csrf-token') !== session.csrfToken)
      return next(AppError.api(403, 'csrf', 'the X-CSRF-Token header is missing or wrong'));
    res.locals.agent = session;
    next();
  };
}

export { cookieValue };
