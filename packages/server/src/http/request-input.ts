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
