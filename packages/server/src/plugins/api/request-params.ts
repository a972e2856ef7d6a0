import { appError, type AppError } from "../../app/app-error.js";
import { isValidId } from "../../app/new-id.js";

/*
 * Checks of Plugin API request fields, shared by the group handlers, so that a malformed id or
 * page answers the same 400 (`api.context.invalid_param.app_error`, naming the field) everywhere.
 */

/** The 400 for request field `name` of method `where`. */
export function invalidParam(name: string, where: string): AppError {
  return appError("api.context.invalid_param.app_error", { where, params: { Name: name } });
}

/** `value` must be a 26-character Mattermost id. */
export function requireId(value: string, name: string, where: string): void {
  if (!isValidId(value)) throw invalidParam(name, where);
}

/** Every one of `values` must be a Mattermost id. */
export function requireIds(values: readonly string[], name: string, where: string): void {
  for (const value of values) requireId(value, name, where);
}

/** A message field that must be present (`team`, `channel`…). */
export function requireMessage<T>(message: T | undefined, name: string, where: string): T {
  if (message === undefined || message === null) throw invalidParam(name, where);
  return message;
}

/**
 * Page and page size, both non-negative. As in Mattermost's stores (LIMIT per_page), a page size of
 * 0 asks for an empty page, not a default one.
 */
export function requirePaging(page: number, perPage: number, where: string): { page: number; perPage: number } {
  if (page < 0) throw invalidParam("page", where);
  if (perPage < 0) throw invalidParam("per_page", where);
  return { page, perPage };
}
