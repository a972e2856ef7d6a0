/**
 * Every failure leaves the server in one shape: `{id, message, detailed_error, request_id,
 * status_code}` with `status_code` as the HTTP status, as Mattermost clients expect.
 *
 * AppErrors pass through; fastify's own errors are translated — a body that is not valid JSON, an
 * unsupported content type or an empty JSON body are the client's mistake (400), an oversized
 * body is 413 — and anything else is a 500 whose cause goes to the log, not to the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, appError, isAppError } from "../app/app-error.js";

/** Translates anything thrown while handling a request into an AppError. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const fe = error as Partial<FastifyError> | undefined;
  const code = typeof fe?.code === "string" ? fe.code : "";
  const detail = error instanceof Error ? error.message : String(error);
  if (code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return appError("api.context.request_body_too_large.app_error", { where: "parseBody", detailedError: detail });
  }
  if (code.startsWith("FST_ERR_CTP_") || code === "FST_ERR_VALIDATION" || error instanceof SyntaxError) {
    return appError("api.context.invalid_body_param.app_error", { where: "parseBody", params: { Name: "body" }, detailedError: detail });
  }
  const status = typeof fe?.statusCode === "number" ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    return new AppError({ id: "api.context.invalid_param.app_error", message: detail, statusCode: status, where: "request" });
  }
  return appError("api.context.unexpected.app_error", { where: "request", cause: error });
}

/** Writes an AppError as the response (status + Mattermost JSON body with this request's id). */
export function sendAppError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  return reply.code(error.statusCode).type("application/json; charset=utf-8").send(error.toJSON(request.id));
}

/** Installs the error and not-found handlers on the root instance (inherited by all routes). */
export function installErrorHandling(fastify: FastifyInstance): void {
  fastify.setErrorHandler((error, request, reply) => {
    const appErr = toAppError(error);
    if (appErr.statusCode >= 500) request.log.error({ err: error, id: appErr.id }, appErr.message);
    return sendAppError(request, reply, appErr);
  });
  fastify.setNotFoundHandler((request, reply) =>
    sendAppError(request, reply, appError("api.context.404.app_error", { where: "route", detailedError: `${request.method} ${request.url}` })),
  );
}
