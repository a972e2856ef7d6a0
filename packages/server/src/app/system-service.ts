/**
 * Server-wide facts kept in the `systems` table (Mattermost's Systems table), and the trigger ids
 * signed with one of them.
 *
 * Each fact is created on first use and never changes after: the first writer wins (insert, and on
 * a conflict read what the other writer stored), so two concurrent first calls agree.
 *
 * Trigger ids (Mattermost's model.GenerateTriggerId) are handed to plugins with a slash command
 * run, so a plugin can open an interactive dialog on that user's client. The id is
 * base64("<client trigger id>:<user id>:<issued at ms>:<signature>"); the signature is an
 * HMAC-SHA256 under a random key kept in `systems`, so a plugin cannot forge one for another
 * user, and it lives for {@link TRIGGER_ID_LIFETIME_MS} as Mattermost's does.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { AppContext } from "./app-context.js";
import { appError } from "./app-error.js";
import { newId } from "./new-id.js";

/** Mattermost's default ServiceSettings.OutgoingIntegrationRequestsTimeout (30 s). */
export const TRIGGER_ID_LIFETIME_MS = 30_000;

/** Row names, as Mattermost's model.System keys. */
const INSTALL_DATE = "InstallationDate";
const TELEMETRY_ID = "DiagnosticId";
const TRIGGER_KEY = "TriggerIdSigningKey";

export interface SystemService {
  /** Epoch ms of the server's first start (created at startup by {@link init}). */
  installDate(): Promise<number>;
  /** The server's telemetry id (Mattermost's DiagnosticId: GetDiagnosticId and GetTelemetryId). */
  telemetryId(): Promise<string>;
  /** Creates the install date and telemetry id if this is the first start. */
  init(): Promise<void>;
  /** A signed trigger id for `userId`; `issuedAt` only for tests of expiry. */
  generateTriggerId(userId: string, issuedAt?: number): Promise<{ clientTriggerId: string; triggerId: string }>;
  /** Checks a trigger id's signature and age; its client id and user, or a 400. */
  verifyTriggerId(triggerId: string): Promise<{ clientTriggerId: string; userId: string }>;
}

export function createSystemService(ctx: AppContext): SystemService {
  const cache = new Map<string, string>();

  async function getOrCreate(name: string, make: () => string): Promise<string> {
    const known = cache.get(name);
    if (known !== undefined) return known;
    await ctx.db.insertInto("systems").values({ name, value: make() }).onConflict((oc) => oc.column("name").doNothing()).execute();
    const row = await ctx.db.selectFrom("systems").select("value").where("name", "=", name).executeTakeFirst();
    if (!row) throw appError("app.system.get.app_error", { where: "getSystem", detailedError: `name=${name}` });
    cache.set(name, row.value);
    return row.value;
  }

  const signingKey = async () => Buffer.from(await getOrCreate(TRIGGER_KEY, () => randomBytes(32).toString("base64")), "base64");
  const sign = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest();

  const service: SystemService = {
    async installDate() {
      return Number(await getOrCreate(INSTALL_DATE, () => String(ctx.now())));
    },
    telemetryId: () => getOrCreate(TELEMETRY_ID, newId),
    async init() {
      await service.installDate();
      await service.telemetryId();
    },

    async generateTriggerId(userId, issuedAt = ctx.now()) {
      const clientTriggerId = newId();
      const payload = `${clientTriggerId}:${userId}:${issuedAt}`;
      const signature = sign(await signingKey(), payload).toString("base64");
      return { clientTriggerId, triggerId: Buffer.from(`${payload}:${signature}`).toString("base64") };
    },

    async verifyTriggerId(triggerId) {
      const where = "DecodeAndVerifyTriggerId";
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(triggerId)) throw appError("interactive_message.decode_trigger_id.base64_decode_failed", { where });
      const parts = Buffer.from(triggerId, "base64").toString("utf8").split(":");
      if (parts.length !== 4 || parts.some((p) => p === "")) throw appError("interactive_message.decode_trigger_id.missing_data", { where });
      const [clientTriggerId, userId, issuedAt, signature] = parts as [string, string, string, string];
      const issued = Number(issuedAt);
      if (!Number.isSafeInteger(issued)) throw appError("interactive_message.decode_trigger_id.missing_data", { where });
      if (ctx.now() - issued > TRIGGER_ID_LIFETIME_MS) {
        throw appError("interactive_message.decode_trigger_id.expired", { where, params: { Seconds: TRIGGER_ID_LIFETIME_MS / 1000 } });
      }
      const given = Buffer.from(signature, "base64");
      if (given.length === 0) throw appError("interactive_message.decode_trigger_id.signature_decode_failed", { where });
      const expected = sign(await signingKey(), `${clientTriggerId}:${userId}:${issuedAt}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw appError("interactive_message.decode_trigger_id.verify_signature_failed", { where });
      }
      return { clientTriggerId, userId };
    },
  };
  return service;
}
