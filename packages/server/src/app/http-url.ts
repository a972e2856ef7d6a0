/** Mattermost's `IsValidHTTPURL`: an absolute http:// or https:// URL with a host. */
export function isValidHttpUrl(value: unknown): value is string {
  if (typeof value !== "string" || !/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).host !== "";
  } catch {
    return false;
  }
}
