/**
 * Runs a custom slash command the way Mattermost does: an HTTP request to the command's URL
 * (POST with a form body, or GET with the same fields as query), authorised by the command's
 * token, answered with a CommandResponse as JSON or with plain text.
 *
 * This server calls out only when the admin allows it (`ServiceSettings.EnableCommands: true` in
 * config.json); otherwise a run is refused with 501 `api.command.disabled.app_error`. As in
 * Mattermost, the URL may not reach the server's internal network unless the admin allows it
 * (outgoing-address-guard.ts), redirects are not followed, and the answer is read up to 1 MiB.
 */
import http from "node:http";
import https from "node:https";
import { appError } from "./app-error.js";
import { COMMAND_METHOD_GET } from "./custom-commands-service.js";
import { COMMAND_RESPONSE_TYPE_EPHEMERAL, type Command, type CommandArgs, type CommandResponse } from "./models/command.js";
import { isJsonObject } from "./app-context.js";
import { ForbiddenAddressError, TrustedInternalConnections, checkLiteralHost, guardedLookup } from "./outgoing-address-guard.js";

/** Mattermost's default OutgoingIntegrationRequestsTimeout (seconds). */
const REQUEST_TIMEOUT_MS = 30_000;
/** Largest answer read from a command's URL. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** What a run needs beyond the command and its args. */
export interface CommandWebhookContext {
  /** Whether the admin allows custom commands to run. */
  readonly enabled: boolean;
  readonly userName: string;
  readonly channelName: string;
  readonly teamDomain: string;
  /** The text after the trigger. */
  readonly text: string;
  /** ServiceSettings.AllowedUntrustedInternalConnections: internal hosts / CIDRs the URL may reach. */
  readonly allowedUntrustedInternalConnections?: string;
}

/** Calls the command's URL and returns its answer (ephemeral unless it says otherwise). */
export async function runCommandWebhook(command: Command, args: CommandArgs, context: CommandWebhookContext): Promise<CommandResponse> {
  const where = "executeCommand";
  if (!context.enabled) {
    throw appError("api.command.disabled.app_error", { where, detailedError: "set ServiceSettings.EnableCommands to true in config.json to run custom commands" });
  }
  const fields = new URLSearchParams({
    channel_id: args.channel_id, channel_name: context.channelName, command: `/${command.trigger}`, response_url: "",
    team_domain: context.teamDomain, team_id: args.team_id, text: context.text, token: command.token,
    trigger_id: args.trigger_id, user_id: args.user_id, user_name: context.userName,
  });
  const url = new URL(command.url);
  const isGet = command.method === COMMAND_METHOD_GET;
  if (isGet) for (const [k, v] of fields) url.searchParams.append(k, v);
  const body = isGet ? undefined : fields.toString();
  const headers: Record<string, string> = { Accept: "application/json", Authorization: `Token ${command.token}` };
  if (body !== undefined) Object.assign(headers, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) });

  let answer: WebhookAnswer;
  try {
    answer = await request(url, isGet ? "GET" : "POST", headers, body, new TrustedInternalConnections(context.allowedUntrustedInternalConnections ?? ""));
  } catch (err) {
    if (err instanceof ForbiddenAddressError) {
      throw appError("api.command.execute_command.forbidden_address.app_error", { where, params: { Trigger: command.trigger }, cause: err, detailedError: err.message });
    }
    if (err instanceof ResponseTooLargeError) {
      throw appError("api.command.execute_command.failed_resp.app_error", { where, params: { Trigger: command.trigger, Status: err.status }, detailedError: `response larger than ${MAX_RESPONSE_BYTES} bytes` });
    }
    throw appError("api.command.execute_command.failed.app_error", {
      where, params: { Trigger: command.trigger }, cause: err, detailedError: err instanceof Error ? err.message : String(err),
    });
  }
  if (answer.status !== 200) {
    // The remote body may hold anything (an internal error page, secrets): logged, never handed back.
    console.warn(`polyplug: slash command /${command.trigger} answered ${answer.status}: ${answer.body.slice(0, 1000)}`);
    throw appError("api.command.execute_command.failed_resp.app_error", { where, params: { Trigger: command.trigger, Status: answer.status } });
  }
  return parseCommandResponse(answer.contentType, answer.body);
}

interface WebhookAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

class ResponseTooLargeError extends Error {
  constructor(readonly status: number) {
    super("response too large");
  }
}

/**
 * One HTTP(S) request to an address the guard allows, following no redirect (a 3xx is answered
 * as it is, so as an error), reading at most MAX_RESPONSE_BYTES of the answer.
 */
function request(url: URL, method: string, headers: Record<string, string>, body: string | undefined, trusted: TrustedInternalConnections): Promise<WebhookAnswer> {
  checkLiteralHost(trusted, url.hostname);
  const send = url.protocol === "https:" ? https.request : http.request;
  return new Promise<WebhookAnswer>((resolve, reject) => {
    const req = send(url, { method, headers, lookup: guardedLookup(trusted) as never }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          clearTimeout(timer);
          reject(new ResponseTooLargeError(res.statusCode ?? 0)); // settles first: later socket errors are moot
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", reject);
    });
    // The whole exchange, not just an idle socket, is bounded (as fetch's AbortSignal.timeout was).
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)), REQUEST_TIMEOUT_MS);
    req.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}

/** Mattermost's CommandResponseFromHTTPBody: JSON when the content type says so, else the text. */
function parseCommandResponse(contentType: string, body: string): CommandResponse {
  if (contentType.toLowerCase().startsWith("application/json")) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      value = undefined;
    }
    if (isJsonObject(value)) {
      const r = value;
      const str = (k: string): string => (typeof r[k] === "string" ? (r[k] as string) : "");
      return {
        response_type: str("response_type") || COMMAND_RESPONSE_TYPE_EPHEMERAL, text: str("text"), username: str("username"),
        channel_id: str("channel_id"), icon_url: str("icon_url"), type: str("type"), goto_location: str("goto_location"),
        ...(isJsonObject(r["props"]) ? { props: r["props"] } : {}), skip_slack_parsing: r["skip_slack_parsing"] === true,
      };
    }
  }
  return { response_type: COMMAND_RESPONSE_TYPE_EPHEMERAL, text: body };
}
