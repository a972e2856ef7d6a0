/**
 * Reading untrusted request input into typed values, failing with Mattermost's 400 ids
 * (`invalid_url_param` for the path and query, `invalid_body_param` for the body) so handlers stay
 * one line per field.
 */
import type { FastifyRequest } from "fastify";
import { isJsonObject } from "../app/app-context.js";
import { appError } from "../app/app-error.js";
import { isValidId } from "../app/new-id.js";

function urlParam(name: string) {
  return appError("api.context.invalid_url_param.app_error", { where: "readRequest", params: { Name: name } });
}

function bodyParam(name: string) {
  return appError("api.context.invalid_body_param.app_error", { where: "readRequest", params: { Name: name } });
}

/** A path parameter that must be a 26-character id. */
export function idParam(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  if (!isValidId(value)) throw urlParam(name);
  return value;
}

/** A path parameter as a non-empty string. */
export function stringParam(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== "string" || value.length === 0) throw urlParam(name);
  return value;
}

/** A non-negative integer query parameter, or `fallback` when absent. */
export function intQuery(request: FastifyRequest, name: string, fallback: number): number {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined || value === "") return fallback;
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) throw urlParam(name);
  return Number(value);
}

/** The JSON body, which must be an object; `name` is what Mattermost calls it in errors ("post", "user"). */
export function objectBody(request: FastifyRequest, name: string): Record<string, unknown> {
  if (!isJsonObject(request.body)) throw bodyParam(name);
  return request.body;
}

/** A string field: required ones must be present, optional ones may be absent but not mistyped. */
export function stringField(body: Record<string, unknown>, name: string, required: true): string;
export function stringField(body: Record<string, unknown>, name: string, required?: false): string | undefined;
export function stringField(body: Record<string, unknown>, name: string, required = false): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw bodyParam(name);
    return undefined;
  }
  if (typeof value !== "string") throw bodyParam(name);
  return value;
}

/** A field that must hold an id. */
export function idField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (!isValidId(value)) throw bodyParam(name);
  return value;
}

/** An optional JSON-object field (props). */
export function objectField(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw bodyParam(name);
  return value;
}

/**
 * Refuses fields the Mattermost model does not have (a typo like `mesage` would otherwise be
 * silently ignored). `allowed` lists the model's JSON names, including server-assigned ones that
 * clients echo back and the handler ignores.
 */
export function knownFields(body: Record<string, unknown>, name: string, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw appError("api.context.invalid_body_param.app_error", { where: "readRequest", params: { Name: name }, detailedError: `unknown field(s): ${unknown.join(", ")}` });
  }
}

/** A `{user_id}` path parameter, where "me" means the caller (as in every Mattermost route). */
export function userIdParam(request: FastifyRequest, selfId: string, name = "user_id"): string {
  const value = (request.params as Record<string, unknown> | undefined)?.[name];
  if (value === "me") return selfId;
  return idParam(request, name);
}

/** Mattermost's default and largest page sizes for lists. */
export const DEFAULT_PER_PAGE = 60;
export const MAX_PER_PAGE = 200;

/** `page` (≥ 0) and `per_page` (1…200) query parameters; anything else is a 400. */
export function pagingQuery(request: FastifyRequest, defaultPerPage = DEFAULT_PER_PAGE): { page: number; perPage: number } {
  const page = intQuery(request, "page", 0);
  const perPage = intQuery(request, "per_page", defaultPerPage);
  if (perPage < 1 || perPage > MAX_PER_PAGE) throw urlParam("per_page");
  if (page > 1_000_000) throw urlParam("page");
  return { page, perPage };
}

/** An optional id query parameter (e.g. `in_team`). */
export function idQuery(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined || value === "") return undefined;
  if (!isValidId(value)) throw urlParam(name);
  return value;
}

/** An optional string query parameter. */
export function stringQuery(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw urlParam(name);
  return value;
}

/** The JSON body, which must be an array (e.g. a list of ids or preferences). */
export function arrayBody(request: FastifyRequest, name: string, maxItems = 1000): unknown[] {
  if (!Array.isArray(request.body) || request.body.length > maxItems) throw bodyParam(name);
  return request.body;
}

/** A body that must be an array of ids. */
export function idArrayBody(request: FastifyRequest, name: string, maxItems = 1000): string[] {
  const items = arrayBody(request, name, maxItems);
  if (!items.every(isValidId)) throw bodyParam(name);
  return items as string[];
}

/** An optional boolean field. */
export function booleanField(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw bodyParam(name);
  return value;
}

/** An optional integer field (e.g. `expires_at`). */
export function integerField(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw bodyParam(name);
  return value;
}
