/**
 * A login session (Mattermost's `model.Session`). The token is the bearer secret sent by clients
 * in `Authorization: Bearer …`, the `Token` header or the `MMAUTHTOKEN` cookie.
 */

/** Key in `props` holding the CSRF token that cookie-authenticated writes must echo. */
export const SESSION_CSRF_PROP = "csrf";

/** The session JSON; `token` is secret and only ever returned at login (as the Token header). */
export interface Session {
  id: string;
  token: string;
  user_id: string;
  create_at: number;
  /** Epoch ms after which the session is invalid; 0 means it never expires (bots, plugins). */
  expires_at: number;
  last_activity_at: number;
  device_id: string;
  /** The user's roles when the session was created. */
  roles: string;
  /** Mattermost's IsOAuth: the session belongs to an OAuth app's access token. */
  is_oauth: boolean;
  /** Mattermost's ExpiredNotify: the user was told (push) that the session expired. */
  expired_notify: boolean;
  props: Record<string, string>;
}
