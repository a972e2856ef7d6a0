/**
 * A user as clients and plugins see it: Mattermost's `model.User` JSON, already sanitized.
 *
 * There is deliberately no field for the password hash or MFA secret: the only way to get a User
 * is through the users service's row mapper, so a secret cannot leak by forgetting to strip it.
 */

/** Role granted to every account. */
export const SYSTEM_USER_ROLE = "system_user";
/** Role granted to the first account created on a server. */
export const SYSTEM_ADMIN_ROLE = "system_admin";

/** The user JSON Mattermost clients read (a sanitized view of the row). */
export interface User {
  id: string;
  create_at: number;
  update_at: number;
  delete_at: number;
  username: string;
  auth_service: string;
  email: string;
  email_verified: boolean;
  nickname: string;
  first_name: string;
  last_name: string;
  position: string;
  /** Space-separated role names, e.g. "system_admin system_user". */
  roles: string;
  locale: string;
  props: Record<string, string>;
  notify_props: Record<string, string>;
  timezone: Record<string, string>;
  last_password_update: number;
  last_picture_update: number;
  failed_attempts: number;
  mfa_active: boolean;
  is_bot: boolean;
  bot_description: string;
  last_login: number;
}

/** What a caller supplies to create an account; everything else is server-assigned. */
export interface CreateUserInput {
  username: string;
  email: string;
  /** Required unless `is_bot`: bots never log in with a password. */
  password?: string;
  nickname?: string;
  first_name?: string;
  last_name?: string;
  position?: string;
  locale?: string;
  props?: Record<string, string>;
  is_bot?: boolean;
  bot_description?: string;
  /** An external auth service (e.g. "gitlab"); such accounts need no password. */
  auth_service?: string;
  /** The identity at `auth_service`. */
  auth_data?: string;
  /** Trusted callers (the Plugin API) may create accounts with a verified email. */
  email_verified?: boolean;
  notify_props?: Record<string, string>;
  timezone?: Record<string, string>;
}

/** Whether a space-separated role list contains `role`. */
export function hasRole(roles: string, role: string): boolean {
  return roles.split(" ").includes(role);
}
