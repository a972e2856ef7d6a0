/**
 * `/api/v4/emoji…`: custom emoji, as Client4 uses them. POST takes Mattermost's multipart form: an
 * `emoji` field (JSON with `name` and `creator_id`, which must be the caller) and an `image` file
 * of at most 512 KiB; the image is held in memory only up to that limit.
 */
import type { FastifyInstance } from "fastify";
import type { App } from "../../app/app.js";
import { appError } from "../../app/app-error.js";
import { MAX_EMOJI_BYTES, type CreateEmojiInput } from "../../app/emoji-service.js";
import { requireSession } from "../authenticate.js";
import { readMultipart } from "../multipart-input.js";
import { idParam, pagingQuery, stringParam, stringQuery } from "../request-input.js";

export function registerEmojiRoutes(fastify: FastifyInstance, app: App): void {
  fastify.post("/api/v4/emoji", async (request, reply) => {
    const session = await requireSession(request, app);
    const parseError = (detail: string) => appError("api.emoji.create.parse.app_error", { where: "createEmoji", detailedError: detail });
    let input: CreateEmojiInput | undefined;
    let image: Buffer | undefined;
    await readMultipart(request, { files: 1, fields: 1, fieldSize: 16 * 1024 }, async (part) => {
      if (part.kind === "field") {
        if (part.name !== "emoji") return;
        let json: unknown;
        try {
          json = JSON.parse(part.value);
        } catch {
          throw parseError("the emoji field is not JSON");
        }
        const fields = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
        input = { name: String(fields["name"] ?? ""), creator_id: String(fields["creator_id"] ?? ""), description: String(fields["description"] ?? "") };
        return;
      }
      if (part.name !== "image") return;
      const chunks: Buffer[] = [];
      let size = 0;
      // Past the limit the rest is read and dropped, not cut off: the parser (and so the client's
      // 413) can only go on once the part is consumed.
      for await (const chunk of part.stream) {
        size += (chunk as Buffer).length;
        if (size <= MAX_EMOJI_BYTES) chunks.push(chunk as Buffer);
      }
      if (size > MAX_EMOJI_BYTES) throw appError("api.emoji.create.too_large.app_error", { where: "createEmoji", params: { Max: MAX_EMOJI_BYTES } });
      image = Buffer.concat(chunks);
    }, "api.emoji.create.parse.app_error");
    if (!input) throw parseError("missing the emoji field");
    if (!image) throw parseError("missing the image file");
    if (input.creator_id !== session.user_id) throw appError("api.emoji.create.other_user.app_error", { where: "createEmoji" });
    return reply.code(201).send(await app.emoji.create(input, image));
  });

  fastify.get("/api/v4/emoji", async (request) => {
    await requireSession(request, app);
    const { page, perPage } = pagingQuery(request);
    return app.emoji.list(page, perPage, stringQuery(request, "sort") ?? "");
  });

  fastify.get("/api/v4/emoji/name/:emoji_name", async (request) => {
    await requireSession(request, app);
    return app.emoji.getByName(stringParam(request, "emoji_name"));
  });

  fastify.get("/api/v4/emoji/:emoji_id", async (request) => {
    await requireSession(request, app);
    return app.emoji.get(idParam(request, "emoji_id"));
  });

  fastify.get("/api/v4/emoji/:emoji_id/image", async (request, reply) => {
    await requireSession(request, app);
    const { image, format } = await app.emoji.getImage(idParam(request, "emoji_id"));
    return reply.header("Content-Type", `image/${format}`).header("X-Content-Type-Options", "nosniff").send(image);
  });
}
