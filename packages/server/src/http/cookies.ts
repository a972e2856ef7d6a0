/**
 * The few cookie operations the API needs (reading the auth cookie, setting it at login,
 * clearing it at logout), without pulling in a cookie plugin for three names.
 */

/** Parses a `Cookie` request header into name → value (first occurrence wins, values URI-decoded). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** The attributes the API sets on its cookies. */
export interface CookieOptions {
  /** Seconds; 0 deletes the cookie. Omitted = a browser-session cookie. */
  maxAge?: number;
  httpOnly?: boolean;
  secure?: boolean;
}

/** Serializes one `Set-Cookie` value with Path=/ and SameSite=Lax (Mattermost's defaults). */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAge))}`);
  if (options.httpOnly) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}
