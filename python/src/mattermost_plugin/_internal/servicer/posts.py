"""Post and reaction hooks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..._gen.polyplug.v1 import post_pb2
from ...hooks import HookName
from .. import hook_messages as pb
from .. import hook_results as results
from ..wrappers import Post, Reaction
from ..wrappers._convert import same_as_message
from .base import Context, HookDispatcher, context_of


class PostHooks(HookDispatcher):
    """MessageWillBePosted & co. Posts travel whole (props and metadata included) both ways."""

    async def MessageWillBePosted(
        self, request: pb.MessageWillBePostedRequest, context: Context
    ) -> pb.MessageWillBePostedResponse:
        hook = HookName.MessageWillBePosted
        original = request.post if self._elide_unchanged_posts else None
        build = _will_post(pb.MessageWillBePostedResponse, hook, original)
        return await self._respond(
            hook, pb.MessageWillBePostedResponse, build, context_of(request), _post(request.post)
        )

    async def MessageWillBeUpdated(
        self, request: pb.MessageWillBeUpdatedRequest, context: Context
    ) -> pb.MessageWillBeUpdatedResponse:
        hook = HookName.MessageWillBeUpdated
        build = _will_post(pb.MessageWillBeUpdatedResponse, hook)
        args = (context_of(request), _post(request.new_post), _post(request.old_post))
        return await self._respond(hook, pb.MessageWillBeUpdatedResponse, build, *args)

    async def MessageHasBeenPosted(
        self, request: pb.MessageHasBeenPostedRequest, context: Context
    ) -> pb.MessageHasBeenPostedResponse:
        args = (context_of(request), _post(request.post))
        return await self._notify(HookName.MessageHasBeenPosted, pb.MessageHasBeenPostedResponse, *args)

    async def MessageHasBeenUpdated(
        self, request: pb.MessageHasBeenUpdatedRequest, context: Context
    ) -> pb.MessageHasBeenUpdatedResponse:
        args = (context_of(request), _post(request.new_post), _post(request.old_post))
        return await self._notify(HookName.MessageHasBeenUpdated, pb.MessageHasBeenUpdatedResponse, *args)

    async def MessageHasBeenDeleted(
        self, request: pb.MessageHasBeenDeletedRequest, context: Context
    ) -> pb.MessageHasBeenDeletedResponse:
        args = (context_of(request), _post(request.post))
        return await self._notify(HookName.MessageHasBeenDeleted, pb.MessageHasBeenDeletedResponse, *args)

    async def MessagesWillBeConsumed(
        self, request: pb.MessagesWillBeConsumedRequest, context: Context
    ) -> pb.MessagesWillBeConsumedResponse:
        hook = HookName.MessagesWillBeConsumed
        posts = [Post.from_proto(p) for p in request.posts]

        def build(result: Any) -> pb.MessagesWillBeConsumedResponse:
            kept = results.consumed_posts(result, posts, hook.value)
            return pb.MessagesWillBeConsumedResponse(posts=[p.to_proto() for p in kept])

        # The handler gets its own copies: the originals are the answer when it returns None.
        return await self._respond(
            hook, pb.MessagesWillBeConsumedResponse, build, [Post.from_proto(p) for p in request.posts]
        )

    async def ReactionHasBeenAdded(
        self, request: pb.ReactionHasBeenAddedRequest, context: Context
    ) -> pb.ReactionHasBeenAddedResponse:
        args = (context_of(request), Reaction.from_proto(request.reaction))
        return await self._notify(HookName.ReactionHasBeenAdded, pb.ReactionHasBeenAddedResponse, *args)

    async def ReactionHasBeenRemoved(
        self, request: pb.ReactionHasBeenRemovedRequest, context: Context
    ) -> pb.ReactionHasBeenRemovedResponse:
        args = (context_of(request), Reaction.from_proto(request.reaction))
        return await self._notify(HookName.ReactionHasBeenRemoved, pb.ReactionHasBeenRemovedResponse, *args)


_W = TypeVar("_W", pb.MessageWillBePostedResponse, pb.MessageWillBeUpdatedResponse)


def _post(message: post_pb2.Post) -> Post:
    return Post.from_proto(message)


def _will_post(response: type[_W], hook: HookName, original: post_pb2.Post | None = None) -> Callable[[Any], _W]:
    """The builder for MessageWillBePosted/Updated: allow, replace, or reject (docs/protocol.md §4).
    A returned post equal on the wire to ``original`` is answered as "allowed unchanged" (no post)."""

    def build(result: Any) -> _W:
        post, reason = results.will(result, hook.value, Post, "Post")
        message = response(rejection_reason=reason)
        if post is None:
            return message
        # Compare without building the post first (strictly: a "same" is always right); a Post
        # subclass may convert itself its own way, so it is built.
        if original is not None and type(post) is Post and same_as_message(post, original):
            return message
        wire = post.to_proto()
        if original is None or wire != original:
            message.post.CopyFrom(wire)
        return message

    return build
