"""What handlers may return, and how each shape becomes a hook response.

The accepted shapes are those of the seed SDK's documentation and examples, so seed plugins run
unchanged; anything else is reported as an error naming the accepted shapes instead of being
silently turned into an empty answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._gen.polyplug.v1 import command_pb2
from .._gen.polyplug.v1.app_error_pb2 import AppError
from . import hook_messages as hooks_pb2
from .error_mapping import HOOK_BAD_RESULT_ID, make_app_error
from .wrappers import CommandResponse, Post


class BadHookResult(TypeError):
    """A handler returned a value of a shape its hook does not accept."""


def will_be_posted(result: Any) -> hooks_pb2.MessageWillBePostedResponse:
    """``None`` (allow), a ``Post`` (replace), a reason ``str`` (reject if non-empty), or
    ``(post or None, reason)``; see docs/protocol.md §4."""
    post, reason = result, ""
    if isinstance(result, tuple):
        if len(result) != 2:
            raise BadHookResult(f"MessageWillBePosted returned a {len(result)}-tuple; expected (post or None, reason)")
        post, reason = result
    elif isinstance(result, str):
        post, reason = None, result
    if reason is None:
        reason = ""
    if (post is not None and not isinstance(post, Post)) or not isinstance(reason, str):
        raise BadHookResult(
            "MessageWillBePosted must return None, a Post, a rejection reason (str) or (post or None, reason); "
            f"got {result!r}"
        )
    response = hooks_pb2.MessageWillBePostedResponse(rejection_reason=reason)
    if post is not None and not reason:
        response.post.CopyFrom(post.to_proto())
    return response


def command_response(result: Any) -> command_pb2.CommandResponse | None:
    """A ``CommandResponse``, a dict in Mattermost's JSON shape, or ``None`` (empty response)."""
    if result is None:
        return None
    if isinstance(result, CommandResponse):
        return result.to_proto()
    if isinstance(result, Mapping):
        try:
            return CommandResponse.from_dict(result).to_proto()
        except (TypeError, ValueError) as exc:
            raise BadHookResult(f"ExecuteCommand returned an invalid dict: {exc}") from exc
    raise BadHookResult(
        f"ExecuteCommand must return a CommandResponse, a dict like {{'response_type': 'ephemeral', "
        f"'text': ...}} or None; got {type(result).__name__}"
    )


def lifecycle_error_message(result: Any) -> str | None:
    """OnActivate & co. fail by raising, or by returning a non-empty message (or an exception)."""
    if result is None or result == "" or result is True:
        return None
    if isinstance(result, (str, BaseException)):
        return str(result) or type(result).__name__
    return None


def bad_result_error(exc: BadHookResult, hook_name: str) -> AppError:
    """The AppError reporting a wrongly shaped return value."""
    return make_app_error(str(exc), error_id=HOOK_BAD_RESULT_ID, status_code=500, where=hook_name)
