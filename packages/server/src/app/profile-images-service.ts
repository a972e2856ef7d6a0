/**
 * Users' profile images (Mattermost's GetProfileImage / SetProfileImage).
 *
 * An image is checked from its header (PNG, JPEG or GIF, at most Mattermost's default
 * MaxImageResolution of pixels) and stored as sent, in the database; Mattermost also re-encodes
 * it to a 128x128 PNG, which needs an image library this server does not bundle. Setting one
 * bumps the user's `last_picture_update` (clients use it to refetch) and is published as
 * `user_updated`. A user who never set one gets a generated default.
 */
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { defaultProfileImage } from "./default-profile-image.js";
import { readImageHeader } from "./image-header.js";
import { withDbErrors } from "./map-db-error.js";
import { newWebSocketEvent, WebSocketEvents } from "./models/websocket-event.js";
import type { UsersService } from "./users-service.js";

/** Mattermost's default ImageSettings.MaxImageResolution (7680x4320). */
const PROFILE_FORMATS = new Set(["png", "jpeg", "gif"]);
export const MAX_PROFILE_IMAGE_PIXELS = 7680 * 4320;
/** Largest image accepted, in bytes (it is kept in a database row). */
export const MAX_PROFILE_IMAGE_BYTES = 16 * 1024 * 1024;

export interface ProfileImage {
  readonly data: Uint8Array;
  readonly contentType: string;
}

export interface ProfileImagesService {
  /** The user's image, or the generated default; 404 for an unknown user. */
  getProfileImage(userId: string): Promise<ProfileImage>;
  setProfileImage(userId: string, data: Uint8Array): Promise<void>;
}

export function createProfileImagesService(ctx: AppContext, users: UsersService): ProfileImagesService {
  return {
    async getProfileImage(userId) {
      await users.getUser(userId);
      const row = await ctx.db.selectFrom("user_profile_images").select(["image", "content_type"]).where("user_id", "=", userId).executeTakeFirst();
      return row ? { data: row.image, contentType: row.content_type } : { data: defaultProfileImage(userId), contentType: "image/png" };
    },

    async setProfileImage(userId, data) {
      const where = "setProfileImage";
      await users.getUser(userId);
      if (data.byteLength > MAX_PROFILE_IMAGE_BYTES) throw appError("api.user.upload_profile_user.too_large.app_error", { where, params: { Max: MAX_PROFILE_IMAGE_BYTES } });
      const read = readImageHeader(data);
      // Profile pictures are PNG, JPEG or GIF, as Mattermost accepts them.
      const header = read && PROFILE_FORMATS.has(read.format) ? { ...read, contentType: `image/${read.format}` } : null;
      if (!header) throw appError("api.user.upload_profile_user.decode.app_error", { where });
      if (header.width * header.height > MAX_PROFILE_IMAGE_PIXELS) {
        throw appError("api.user.upload_profile_user.large_image.app_error", { where, params: { Width: header.width, Height: header.height, Max: MAX_PROFILE_IMAGE_PIXELS } });
      }
      const now = ctx.now();
      await withDbErrors(where, {}, () =>
        ctx.db.transaction().execute(async (trx) => {
          await trx.insertInto("user_profile_images").values({ user_id: userId, image: data, content_type: header.contentType, update_at: now })
            .onConflict((oc) => oc.column("user_id").doUpdateSet({ image: data, content_type: header.contentType, update_at: now }))
            .execute();
          await trx.updateTable("users").set({ last_picture_update: now, update_at: now }).where("id", "=", userId).execute();
        }),
      );
      ctx.events.publish(newWebSocketEvent(WebSocketEvents.UserUpdated, { user: await users.getUser(userId) }));
    },
  };
}
