/**
 * Push notifications for a server that talks to no push proxy: each notification is queued as one
 * JSON file, `<dataDir>/push/<epoch ms>-<id>.json` holding `{user_id, create_at, notification}`
 * (Mattermost's model.PushNotification JSON), for a forwarder to deliver. See docs/mail-and-push.md.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { appError } from "./app-error.js";
import { newId } from "./new-id.js";

/** Queues `notification` for `userId`; returns the file written. */
export async function queuePush(dir: string, userId: string, notification: Record<string, unknown>, now: number): Promise<string> {
  const where = "SendPushNotification";
  if (Object.keys(notification).length === 0) throw appError("api.push_notification.invalid.app_error", { where, params: { Reason: "the notification is empty" } });
  const message = notification["message"];
  if (message !== undefined && typeof message !== "string") throw appError("api.push_notification.invalid.app_error", { where, params: { Reason: "message must be a string" } });
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
