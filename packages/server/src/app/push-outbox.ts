/**
 * Push notifications for a server that talks to no push proxy: each notification is queued as one
 * JSON file, `<dataDir>/push/<epoch ms>-<id>.json` holding `{user_id, create_at, notification}`
 * (Mattermost's model.PushNotification JSON), for a forwarder to deliver. See docs/system-api.md.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { appError } from "./app-error.js";
import type { AppHooks } from "./app-hooks.js";
import { newId } from "./new-id.js";

type Notification = Record<string, unknown>;

/** Why `notification` cannot be queued, or undefined when it can. */
export function pushNotificationProblem(notification: Notification): string | undefined {
  if (Object.keys(notification).length === 0) return "the notification is empty";
  const message = notification["message"];
  if (message !== undefined && typeof message !== "string") return "message must be a string";
  return undefined;
}

/** Queues `notification` for `userId`; returns the file written. */
export async function queuePush(dir: string, userId: string, notification: Notification, now: number): Promise<string> {
  const where = "SendPushNotification";
  const problem = pushNotificationProblem(notification);
  if (problem) throw appError("api.push_notification.invalid.app_error", { where, params: { Reason: problem } });
  try {
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${now}-${newId()}.json`);
    await writeFile(`${file}.tmp`, `${JSON.stringify({ user_id: userId, create_at: now, notification })}\n`, { mode: 0o600 });
    await rename(`${file}.tmp`, file);
    return file;
  } catch (error) {
    throw appError("api.push_notifications.message.parse.app_error", { where, detailedError: (error as Error).message, cause: error });
  }
}

/**
 * Mattermost's sendPushNotificationToAllSessions for this server: the notification is checked,
 * NotificationWillBePushed runs across plugins (each may rewrite it, the first reason refuses it),
 * and what they leave is queued. A refusal is not an error, as in Mattermost: nothing is queued
 * and the caller is told only through the result.
 */
export async function handOffPush(hooks: AppHooks, dir: string, userId: string, notification: Notification, now: () => number): Promise<{ file: string } | { rejected: string }> {
  const problem = pushNotificationProblem(notification);
  if (problem) throw appError("api.push_notification.invalid.app_error", { where: "SendPushNotification", params: { Reason: problem } });
  const verdict = hooks.notificationWillBePushed ? await hooks.notificationWillBePushed(notification, userId) : { kind: "allow" as const, notification };
  if (verdict.kind === "reject") return { rejected: verdict.reason };
  return { file: await queuePush(dir, userId, verdict.notification, now()) };
}
