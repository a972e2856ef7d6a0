/**
 * OAuth 2.0 client apps (Mattermost's OAuthApps), as the Plugin API manages them: registered with
 * a server-generated id and client secret, read, updated, deleted. This server runs no OAuth
 * authorization endpoint yet, so the apps are records only; their validation is Mattermost's
 * (`OAuthApp.IsValid`) so they stay usable by one. As in Mattermost, every method answers 501
 * while `ServiceSettings.EnableOAuthServiceProvider` is not true (create with
 * `api.oauth.register_oauth_app.turn_off.app_error`, the others `api.oauth.allow_oauth.turn_off.app_error`).
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { isValidHttpUrl } from "./http-url.js";
import { withDbErrors } from "./map-db-error.js";
import type { OAuthApp, OAuthAppInput } from "./models/oauth-app.js";
import { isValidId, newId } from "./new-id.js";
import type { OAuthAppsTable } from "../store/schema.js";

const NAME_MAX = 64;
const DESCRIPTION_MAX_RUNES = 512;
const CALLBACKS_MAX = 1024;
const HOMEPAGE_MAX = 256;
const ICON_URL_MAX = 512;
const MATTERMOST_APP_ID_MAX = 32;

/** OAuth apps as the Plugin API needs them. */
export interface OAuthAppsService {
  /** Validates and stores a new app; id and client_secret are generated, whatever was passed. */
  createOAuthApp(input: OAuthAppInput): Promise<OAuthApp>;
  /** 404 `app.oauth.get_app.find.app_error` if absent. */
  getOAuthApp(appId: string): Promise<OAuthApp>;
  /** Replaces the settable fields of app `appId`; id, creator, secret and create_at stay. */
  updateOAuthApp(appId: string, input: OAuthAppInput): Promise<OAuthApp>;
  /** 404 if absent. */
  deleteOAuthApp(appId: string): Promise<void>;
}

function fromRow(row: OAuthAppsTable): OAuthApp {
  let callbacks: unknown;
  try {
    callbacks = JSON.parse(row.callback_urls);
  } catch {
    callbacks = [];
  }
  return {
    ...row, is_trusted: row.is_trusted !== 0,
    callback_urls: Array.isArray(callbacks) ? callbacks.filter((u): u is string => typeof u === "string") : [],
  };
}

/** Mattermost's OAuthApp.IsValid for the caller-set fields; returns them normalised. */
function validate(input: OAuthAppInput, where: string): Omit<OAuthApp, "id" | "create_at" | "update_at" | "client_secret"> {
  const fields = {
    creator_id: input.creator_id ?? "", name: input.name ?? "", description: input.description ?? "", icon_url: input.icon_url ?? "",
    callback_urls: input.callback_urls ?? [], homepage: input.homepage ?? "", is_trusted: input.is_trusted === true, mattermost_app_id: input.mattermost_app_id ?? "",
  };
  if (!isValidId(fields.creator_id)) throw appError("model.oauth.is_valid.creator_id.app_error", { where });
  if (fields.name === "" || fields.name.length > NAME_MAX) throw appError("model.oauth.is_valid.name.app_error", { where });
  const callbacks = fields.callback_urls;
  if (!Array.isArray(callbacks) || callbacks.length === 0 || callbacks.join(" ").length > CALLBACKS_MAX || !callbacks.every(isValidHttpUrl)) {
    throw appError("model.oauth.is_valid.callback.app_error", { where });
  }
  if (fields.homepage.length > HOMEPAGE_MAX || !isValidHttpUrl(fields.homepage)) throw appError("model.oauth.is_valid.homepage.app_error", { where });
  if ([...fields.description].length > DESCRIPTION_MAX_RUNES) throw appError("model.oauth.is_valid.description.app_error", { where });
  if (fields.icon_url !== "" && (fields.icon_url.length > ICON_URL_MAX || !isValidHttpUrl(fields.icon_url))) throw appError("model.oauth.is_valid.icon_url.app_error", { where });
  if (fields.mattermost_app_id.length > MATTERMOST_APP_ID_MAX) throw appError("model.oauth.is_valid.mattermost_app_id.app_error", { where });
  return { ...fields, callback_urls: [...callbacks] };
}

/** Builds the service over the store. */
export function createOAuthAppsService(ctx: AppContext, providerEnabled: () => boolean = () => false): OAuthAppsService {
  const requireEnabled = (where: string) => {
    if (providerEnabled()) return;
    const id = where === "createOAuthApp" ? "api.oauth.register_oauth_app.turn_off.app_error" : "api.oauth.allow_oauth.turn_off.app_error";
    throw appError(id, { where, detailedError: "set ServiceSettings.EnableOAuthServiceProvider to true in config.json" });
  };

  async function getOAuthApp(appId: string): Promise<OAuthApp> {
    requireEnabled("getOAuthApp");
    const row = isValidId(appId) ? await ctx.db.selectFrom("oauth_apps").selectAll().where("id", "=", appId).executeTakeFirst() : undefined;
    if (!row) throw appError("app.oauth.get_app.find.app_error", { where: "getOAuthApp", detailedError: `app_id=${appId}` });
    return fromRow(row);
  }

  return {
    async createOAuthApp(input) {
      requireEnabled("createOAuthApp");
      const fields = validate(input, "createOAuthApp");
      const now = ctx.now();
      const row: OAuthAppsTable = {
        id: newId(), client_secret: newId(), create_at: now, update_at: now, ...fields,
        callback_urls: JSON.stringify(fields.callback_urls), is_trusted: fields.is_trusted ? 1 : 0,
      };
      await withDbErrors("createOAuthApp", {}, () => ctx.db.insertInto("oauth_apps").values(row).execute());
      return fromRow(row);
    },

    getOAuthApp,

    async updateOAuthApp(appId, input) {
      requireEnabled("updateOAuthApp");
      const old = await getOAuthApp(appId);
      // Mattermost's UpdateOAuthApp keeps the creator; only the descriptive fields change.
      const fields = validate({ ...input, creator_id: old.creator_id }, "updateOAuthApp");
      const now = Math.max(ctx.now(), old.update_at);
      await withDbErrors("updateOAuthApp", {}, () =>
        ctx.db.updateTable("oauth_apps").set({
          name: fields.name, description: fields.description, icon_url: fields.icon_url, callback_urls: JSON.stringify(fields.callback_urls),
          homepage: fields.homepage, is_trusted: fields.is_trusted ? 1 : 0, mattermost_app_id: fields.mattermost_app_id, update_at: now,
        }).where("id", "=", old.id).execute(),
      );
      return getOAuthApp(old.id);
    },

    async deleteOAuthApp(appId) {
      requireEnabled("deleteOAuthApp");
      const app = await getOAuthApp(appId);
      await ctx.db.deleteFrom("oauth_apps").where("id", "=", app.id).execute();
    },
  };
}
