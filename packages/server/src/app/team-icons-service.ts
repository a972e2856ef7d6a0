/**
 * Team icons, stored in the file store at Mattermost's path `teams/<team id>/teamIcon.png`.
 *
 * Mattermost decodes the upload and re-encodes it as a 128x128 PNG; this server has no image
 * library, so it checks the bytes are a readable PNG, JPEG, GIF, BMP or WebP image within
 * Mattermost's default resolution limit and stores them as they are. `last_team_icon_update`
 * tells clients (and caches) that the icon changed. Without a files directory, 501 as Mattermost
 * answers without a file driver.
 */
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { FileStore } from "./file-store.js";
import { readImageHeader } from "./image-header.js";
import { withDbErrors } from "./map-db-error.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import { newId } from "./new-id.js";
import type { TeamsService } from "./teams-service.js";

/** Mattermost's FileSettings.MaxImageResolution default (7680 x 4320). */
const MAX_ICON_PIXELS = 33_177_600;
const MAX_ICON_BYTES = 50 * 1024 * 1024;

export interface TeamIconsService {
  /** The stored icon; 404 when the team has none. */
  getIcon(teamId: string): Promise<Buffer>;
  setIcon(teamId: string, data: Uint8Array): Promise<void>;
  /** Deletes the icon and resets last_team_icon_update (no error when there was none). */
  removeIcon(teamId: string): Promise<void>;
}

function iconPath(teamId: string): string {
  return path.join("teams", teamId, "teamIcon.png");
}

export function createTeamIconsService(ctx: AppContext, teams: TeamsService, filesDir: string | undefined): TeamIconsService {
  const store = filesDir === undefined ? undefined : new FileStore(filesDir);

  async function stampIcon(teamId: string, at: number, where: string): Promise<void> {
    await withDbErrors(where, {}, () => ctx.db.updateTable("teams").set({ last_team_icon_update: at, update_at: ctx.now() }).where("id", "=", teamId).execute());
    const team = await teams.getTeam(teamId);
    ctx.events.publish(newWebSocketEvent(WebSocketEvents.UpdateTeam, { team: JSON.stringify(team) }, { team_id: teamId }));
  }

  return {
    async getIcon(teamId) {
      await teams.getTeam(teamId);
      if (!store) throw appError("api.team.get_team_icon.filesettings_no_driver.app_error", { where: "getTeamIcon" });
      try {
        return await readFile(store.resolve(iconPath(teamId)));
      } catch (error) {
        throw appError("api.team.get_team_icon.read_file.app_error", { where: "getTeamIcon", detailedError: (error as Error).message });
      }
    },

    async setIcon(teamId, data) {
      const where = "setTeamIcon";
      await teams.getTeam(teamId);
      if (!store) throw appError("api.team.set_team_icon.storage.app_error", { where });
      const limits = { MaxPixels: MAX_ICON_PIXELS, MaxBytes: MAX_ICON_BYTES };
      if (data.byteLength > MAX_ICON_BYTES) throw appError("api.team.set_team_icon.too_large.app_error", { where, params: limits });
      const image = readImageHeader(data);
      if (!image) throw appError("api.team.set_team_icon.decode.app_error", { where });
      if (image.width * image.height > MAX_ICON_PIXELS) {
        throw appError("api.team.set_team_icon.too_large.app_error", { where, params: limits, detailedError: `${image.width}x${image.height}` });
      }
      // Written beside the target and renamed over it, so a reader never sees half an icon.
      const target = store.resolve(iconPath(teamId));
      const temp = `${target}.${newId()}.tmp`;
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(temp, data, { mode: 0o600 });
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw appError("api.team.set_team_icon.write_file.app_error", { where, detailedError: (error as Error).message });
      }
      await stampIcon(teamId, ctx.now(), where);
    },

    async removeIcon(teamId) {
      await teams.getTeam(teamId);
      if (store) await rm(store.resolve(iconPath(teamId)), { force: true });
      await stampIcon(teamId, 0, "removeTeamIcon");
    },
  };
}
