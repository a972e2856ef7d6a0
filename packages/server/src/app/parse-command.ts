/**
 * Splits a typed slash command into trigger and the rest, exactly as Mattermost does: the
 * trigger is everything up to the first whitespace, lowercased, without its leading "/".
 */
import { appError } from "./app-error.js";

/** A command line split into its parts. */
export interface ParsedCommand {
  /** Lowercase, without the slash: "/Weather Paris" → "weather". */
  trigger: string;
  /** Everything after the first whitespace character, untouched: "Paris". */
  message: string;
}

/** Parses "/trigger rest"; 400 `api.command.execute_command.format.app_error` if there is no "/trigger". */
export function parseCommand(text: string): ParsedCommand {
  const index = text.search(/\s/);
  const head = (index === -1 ? text : text.slice(0, index)).toLowerCase();
  const message = index === -1 ? "" : text.slice(index + 1);
  if (!head.startsWith("/") || head.length < 2) {
    throw appError("api.command.execute_command.format.app_error", { where: "parseCommand", params: { Trigger: head } });
  }
  return { trigger: head.slice(1), message };
}
