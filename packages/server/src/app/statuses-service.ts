/**
 * User presence (Mattermost's /users/{id}/status): online, away, dnd or offline.
 *
 * A status the user chose (`manual`) sticks; automatic changes — a WebSocket connecting or the
 * last one closing — only apply when the current status is not manual, as in Mattermost. A user
 * with no row is offline. Every change is published to the user's own connections as
 * `status_change`. A timed do-not-disturb (`dnd_end_time`, in seconds) returns to the status it
 * replaced once it ends; the change is applied when the status is next read.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { withDbErrors } from "./map-db-error.js";
import { USER_STATUSES, type UserStatus, type UserStatusValue } from "./models/status.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import type { StatusesTable } from "../store/schema.js";

/** Statuses as REST and the WebSocket hub need them. */
export interface StatusesService {
  getStatus(userId: string): Promise<UserStatus>;
  getStatuses(userIds: readonly string[]): Promise<UserStatus[]>;
  /** A status set by the user (manual); `dndEndTime` in seconds for a timed dnd. */
  setStatus(userId: string, status: string, options?: { dndEndTime?: number }): Promise<UserStatus>;
  /**
   * Mattermost's SetStatusDoNotDisturbTimed: dnd until `endTimeSeconds` (rounded down to the
   * minute), then back to the status the user had before.
   */
  setTimedDnd(userId: string, endTimeSeconds: number): Promise<UserStatus>;
  /** Automatic presence: ignored while the user has a manual status. */
  setAutomatic(userId: string, status: "online" | "offline"): Promise<void>;
}

function statusFromRow(row: StatusesTable): UserStatus {
  return {
    user_id: row.user_id, status: row.status as UserStatusValue, manual: row.manual !== 0, last_activity_at: row.last_activity_at, dnd_end_time: row.dnd_end_time,
    ...(row.prev_status !== "" ? { prev_status: row.prev_status as UserStatusValue } : {}),
  };
}

/** Whether a timed dnd has run out at `nowMs`. */
function dndEnded(row: StatusesTable, nowMs: number): boolean {
  return row.status === "dnd" && row.dnd_end_time > 0 && Math.floor(nowMs / 1000) >= row.dnd_end_time;
}

function offline(userId: string): UserStatus {
  return { user_id: userId, status: "offline", manual: false, last_activity_at: 0, dnd_end_time: 0 };
}

/** Builds the service over the store. */
export function createStatusesService(ctx: AppContext): StatusesService {
  async function write(row: StatusesTable): Promise<UserStatus> {
    await withDbErrors("setStatus", {}, () =>
      ctx.db.insertInto("statuses").values(row)
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ status: row.status, manual: row.manual, last_activity_at: row.last_activity_at, dnd_end_time: row.dnd_end_time, prev_status: row.prev_status }))
        .execute(),
    );
    const status = statusFromRow(row);
    ctx.events.publish(newWebSocketEvent(WebSocketEvents.StatusChange, { status: status.status, user_id: status.user_id }, { user_id: status.user_id }));
    return status;
  }

  /** The stored status, ending a timed dnd that has run out (Mattermost's DND expiry job, done lazily). */
  async function fromRow(row: StatusesTable): Promise<UserStatus> {
    if (!dndEnded(row, ctx.now())) return statusFromRow(row);
    const back = row.prev_status === "" ? "online" : row.prev_status;
    return write({ user_id: row.user_id, status: back, manual: back === "online" ? 0 : 1, last_activity_at: row.last_activity_at, dnd_end_time: 0, prev_status: "" });
  }

  async function current(userId: string): Promise<UserStatus> {
    const row = await ctx.db.selectFrom("statuses").selectAll().where("user_id", "=", userId).executeTakeFirst();
    return row ? fromRow(row) : offline(userId);
  }

  return {
    getStatus: current,

    async getStatuses(userIds) {
      if (userIds.length === 0) return [];
      const rows = await ctx.db.selectFrom("statuses").selectAll().where("user_id", "in", [...userIds]).execute();
      return Promise.all(userIds.map((id) => {
        const row = rows.find((r) => r.user_id === id);
        return row ? fromRow(row) : offline(id);
      }));
    },

    async setStatus(userId, status, options = {}) {
      if (!(USER_STATUSES as readonly string[]).includes(status)) throw appError("model.status.is_valid.status.app_error", { where: "setStatus" });
      const dnd = status === "dnd" ? Math.max(0, Math.trunc(options.dndEndTime ?? 0)) : 0;
      return write({ user_id: userId, status, manual: status === "online" ? 0 : 1, last_activity_at: ctx.now(), dnd_end_time: dnd, prev_status: "" });
    },

    async setTimedDnd(userId, endTimeSeconds) {
      const before = await current(userId);
      // A second timed dnd keeps the status the first one will return to.
      const prev = before.status === "dnd" ? (before.prev_status ?? "online") : before.status;
      const end = Math.trunc(endTimeSeconds) - (Math.trunc(endTimeSeconds) % 60);
      return write({ user_id: userId, status: "dnd", manual: 1, last_activity_at: ctx.now(), dnd_end_time: end, prev_status: prev });
    },

    async setAutomatic(userId, status) {
      const now = await current(userId);
      if (now.manual || now.status === status) return;
      await write({ user_id: userId, status, manual: 0, last_activity_at: ctx.now(), dnd_end_time: 0, prev_status: "" });
    },
  };
}
