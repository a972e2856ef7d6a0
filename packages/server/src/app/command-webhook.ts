/**
 * Runs a custom slash command the way Mattermost does: an HTTP request to the command's URL
 * (POST with a form body, or GET with the same fields as query), authorised by the command's
 * token, answered with a CommandResponse as JSON or with plain text.
 *
 * This server calls out only when the admin allows it (`ServiceSettings.EnableCommands: true` in
 * config.json); otherwise a run is refused with 501 `api.command.disabled.app_error`.
 */
import { appError } from "./app-error.js";
import { COMMAND_METHOD_GET } from "./custom-commands-service.js";
import { COMMAND_RESPONSE_TYPE_EPHEMERAL, type Command, type CommandArgs, type CommandResponse } from "./models/command.js";
import { isJsonObject } from "./app-context.js";

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
  const headers = { Accept: "application/json", Authorization: `Token ${command.token}` };
  let response: Response;
  try {
    if (command.method === COMMAND_METHOD_GET) {
      const url = new URL(command.url);
      for (const [k, v] of fields) url.searchParams.append(k, v);
      response = await fetch(url, { method: "GET", headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } else {
      response = await fetch(command.url, {
        method: "POST", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body: fields.toString(),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    }
  } catch (err) {
    throw appError("api.command.execute_command.failed.app_error", {
      where, params: { Trigger: command.trigger }, cause: err, detailedError: err instanceof Error ? err.message : String(err),
    });
  }
  const body = await response.text();
  if (response.status !== 200) {
    throw appError("api.command.execute_command.failed_resp.app_error", { where, params: { Trigger: command.trigger, Status: response.status }, detailedError: body.slice(0, 1000) });
  }
  if (body.length > MAX_RESPONSE_BYTES) {
    throw appError("api.command.execute_command.failed_resp.app_error", { where, params: { Trigger: command.trigger, Status: response.status }, detailedError: "response too large" });
  }
  return parseCommandResponse(response.headers.get("content-type") ?? "", body);
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
