/**
 * Who is calling: resolves the session for a request, the way Mattermost does.
 *
 * The token comes from `Authorization: Bearer <token>` (or `Token <token>`), else from the
 * `MMAUTHTOKEN` cookie, else from `?access_token=`; a personal access token or bot token works
 * wherever a session token does. Browsers send cookies on cross-site requests, so a cookie alone does not
 * authenticate a state-changing request: it must also carry `X-CSRF-Token` equal to the session's
 * CSRF token (the `MMCSRF` cookie) or `X-Requested-With: XMLHttpRequest`, which a cross-site form
 * cannot set. Reuse {@link authenticate} for any route outside `/api/v4` (e.g. `/plugins/{id}/…`).
 */
import type { FastifyRequest } from "fastify";
import type { App } from "../app/app.js";
import { appError, isAppError } from "../app/app-error.js";
import { SESSION_CSRF_PROP, type Session } from "../app/models/session.js";
import { parseCookies } from "./cookies.js";

/** Cookie names are Mattermost's, so its web app and clients work unchanged. */
export const AUTH_COOKIE = "MMAUTHTOKEN";
export const USER_ID_COOKIE = "MMUSERID";
export const CSRF_COOKIE = "MMCSRF";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** One lookup per request even when several handlers/hooks ask. */
const resolved = new WeakMap<FastifyRequest, Promise<Session | null>>();

/** The token a request presents and where it came from, or null. */
export function readToken(request: FastifyRequest): { token: string; fromCookie: boolean } | null {
  const header = request.headers.authorization;
  if (typeof header === "string") {
    const match = /^(bearer|token)\s+(\S+)\s*$/i.exec(header);
    if (match?.[2]) return { token: match[2], fromCookie: false };
  }
  const cookie = parseCookies(request.headers.cookie).get(AUTH_COOKIE);
  if (cookie) return { token: cookie, fromCookie: true };
  // Last, as in Mattermost: `?access_token=` for clients that cannot set headers (downloads).
  const query = (request.query as Record<string, unknown> | undefined)?.["access_token"];
  return typeof query === "string" && query.length > 0 ? { token: query, fromCookie: false } : null;
}

function passesCsrf(request: FastifyRequest, session: Session): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const expected = session.props[SESSION_CSRF_PROP];
  const sent = request.headers["x-csrf-token"];
  if (expected && typeof sent === "string" && sent === expected) return true;
  return request.headers["x-requested-with"] === "XMLHttpRequest";
}

async function resolve(request: FastifyRequest, app: App): Promise<Session | null> {
  const presented = readToken(request);
  if (!presented) return null;
  try {
    const session = await app.sessions.getSession(presented.token);
    return presented.fromCookie && !passesCsrf(request, session) ? null : session;
  } catch (err) {
    if (!isAppError(err) || err.statusCode !== 401) throw err;
    // Not a session: perhaps a personal access (or bot) token, which opens one on first use.
    return presented.fromCookie ? null : app.accessTokens.sessionForToken(presented.token);
  }
}

/** The caller's valid session, or null when there is no usable token. */
export function authenticate(request: FastifyRequest, app: App): Promise<Session | null> {
  let pending = resolved.get(request);
  if (!pending) {
    pending = resolve(request, app);
    resolved.set(request, pending);
  }
  return pending;
}

/** Like {@link authenticate} but throws 401 `api.context.session_expired.app_error` instead of null. */
export async function requireSession(request: FastifyRequest, app: App): Promise<Session> {
  const session = await authenticate(request, app);
  if (!session) {
    throw appError("api.context.session_expired.app_error", { where: "requireSession", detailedError: readToken(request) ? "invalid token" : "no token" });
  }
  return session;
}
