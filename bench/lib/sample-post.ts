import { create } from "@bufbuild/protobuf";
import { MessageWillBePostedRequestSchema, PostSchema, type MessageWillBePostedRequest, type Post } from "@polyplug/protocol";

/**
 * The post every hook figure sends: the size and shape of an ordinary chat message (ids, times, a
 * 120-character message, a small props object), so per-call costs are those of real traffic.
 */
export function samplePost(): Post {
  const now = BigInt(Date.now());
  return create(PostSchema, {
    id: "p".repeat(26),
    createAt: now,
    updateAt: now,
    userId: "u".repeat(26),
    channelId: "c".repeat(26),
    message: "The quick brown fox jumps over the lazy dog, then posts a benchmark message long enough to look like real chat traffic.",
    props: { from_bench: true, attempt: 1 },
  });
}

/** The MessageWillBePosted request around `post` (what the echo floor carries). */
export function sampleHookRequest(post: Post = samplePost()): MessageWillBePostedRequest {
  return create(MessageWillBePostedRequestSchema, { post });
}
