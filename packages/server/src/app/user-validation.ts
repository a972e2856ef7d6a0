/**
 * Sign-up rules, in Mattermost's terms: a username of 3-22 characters from [a-z0-9.-_] that
 * starts with a letter and is not reserved, a plausible email, a password of 8-256 characters.
 * Usernames and emails are lowercased first, so "Alice" and "alice" are the same account.
 */
import { appError } from "./app-error.js";
import type { CreateUserInput } from "./models/user.js";
import { runes } from "./runes.js";

const USERNAME_PATTERN = /^[a-z0-9.\-_]{3,22}$/;
/** Names that collide with @-mentions or system senders (Mattermost's restrictedUsernames). */
const RESTRICTED_USERNAMES = new Set(["all", "channel", "here", "matterbot", "system"]);
const EMAIL_PATTERN = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;
const EMAIL_MAX_LENGTH = 128;
/** Mattermost's default minimum password length. */
export const PASSWORD_MIN_LENGTH = 8;
/** Upper bound so a huge "password" cannot be used to burn CPU in scrypt. */
export const PASSWORD_MAX_LENGTH = 256;
const FIELD_MAX_LENGTHS = { nickname: 64, first_name: 64, last_name: 64, position: 128, locale: 5 } as const;

/** The input after normalisation, with every optional text field filled in. */
export interface ValidUser {
  username: string;
  email: string;
  password: string | undefined;
  nickname: string;
  first_name: string;
  last_name: string;
  position: string;
  locale: string;
}

/** Normalises and checks a sign-up; throws a 400 AppError naming the first problem. */
export function validateNewUser(input: CreateUserInput): ValidUser {
  const where = "validateNewUser";
  const username = typeof input.username === "string" ? input.username.trim().toLowerCase() : "";
  if (!USERNAME_PATTERN.test(username) || !/^[a-z]/.test(username)) {
    throw appError("model.user.is_valid.username.app_error", { where, params: { Username: username } });
  }
  if (RESTRICTED_USERNAMES.has(username)) {
    throw appError("model.user.is_valid.restricted_username.app_error", { where, params: { Username: username } });
  }
  const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw appError("model.user.is_valid.email.app_error", { where });
  }
  const password = input.password;
  // Bots and accounts of an external auth service log in without a password (as in Mattermost).
  if ((!input.is_bot && !input.auth_service) || password !== undefined) {
    if (typeof password !== "string" || runes(password) < PASSWORD_MIN_LENGTH || runes(password) > PASSWORD_MAX_LENGTH) {
      throw appError("model.user.is_valid.pwd_length.app_error", { where });
    }
  }
  const fields = {
    nickname: input.nickname ?? "",
    first_name: input.first_name ?? "",
    last_name: input.last_name ?? "",
    position: input.position ?? "",
    locale: input.locale ?? "en",
  };
  for (const [name, max] of Object.entries(FIELD_MAX_LENGTHS)) {
    const value: unknown = fields[name as keyof typeof fields];
    if (typeof value !== "string" || runes(value) > max) {
      throw appError("model.user.is_valid.field_length.app_error", { where, params: { Name: name } });
    }
  }
  return { username, email, password, ...fields };
}
