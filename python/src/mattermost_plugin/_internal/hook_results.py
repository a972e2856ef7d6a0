"""What handlers may return, and how each shape becomes a hook response.

The accepted shapes follow Mattermost's Go signatures, loosened the way the seed SDK documented
them, so seed plugins run unchanged; anything else is reported as an error naming the accepted
shapes instead of being silently turned into an empty answer. Every rule is a pure function, used
both by the servicer and by the test kit's ``HookInvoker`` (through the servicer).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .._gen.polyplug.v1 import command_pb2
from .._gen.polyplug.v1.app_error_pb2 import AppError
from .error_mapping import HOOK_BAD_RESULT_ID, HOOK_ERROR_ID, make_app_error
from .wrappers import CommandResponse, FileData, Post

_T = TypeVar("_T")


class BadHookResult(TypeError):
    """A handler returned a value of a shape its hook does not accept."""


def will(result: Any, hook: str, model: type[Any] | tuple[type[Any], ...], what: str) -> tuple[Any, str]:
    """A "Will" hook's ``(replacement or None, rejection reason)``.

    Accepts ``None`` (allow unchanged), a ``model`` (replace), a reason ``str`` (reject if
    non-empty) or ``(model or None, reason)``. A replacement that comes with a reason is dropped:
    a rejected object is not replaced.
    """
    value, reason = result, ""
    if isinstance(result, tuple):
        if len(result) != 2:
            raise BadHookResult(f"{hook} returned a {len(result)}-tuple; expected ({what} or None, reason)")
        value, reason = result
    elif isinstance(result, str):
        value, reason = None, result
    if reason is None:
        reason = ""
    if (value is not None and not isinstance(value, model)) or not isinstance(reason, str):
        raise BadHookResult(
            f"{hook} must return None, a {what}, a rejection reason (str) or ({what} or None, reason); got {result!r}"
        )
    return (None if reason else value), reason


def reason(result: Any, hook: str) -> str:
    """A rejection reason: ``None`` or ``""`` allow; a non-empty str rejects."""
    if result is None:
        return ""
    if isinstance(result, str):
        return result
    raise BadHookResult(f"{hook} must return None (allow) or a rejection reason (str); got {result!r}")


def returned_error(result: Any) -> str | None:
    """Hooks that return only an error (OnActivate & co.): ``None``/``""``/``True`` are success; a
    non-empty str or an exception instance is the error. Other values are ignored."""
    if result is None or result == "" or result is True:
        return None
    if isinstance(result, (str, BaseException)):
        return str(result) or type(result).__name__
    return None


def value_and_error(result: Any, hook: str, check: Callable[[Any], _T], what: str) -> tuple[_T, str | None]:
    """Hooks that return ``(value, error)`` in Go: accepts ``value`` or ``(value, error)``, where
    ``error`` is None, a str or an exception. ``check`` validates and converts ``value``."""
    value, error = result, None
    if (
        isinstance(result, tuple)
        and len(result) == 2
        and (result[1] is None or isinstance(result[1], (str, BaseException)))
    ):
        value, error = result
    try:
        checked = check(value)
    except (TypeError, ValueError) as exc:
        raise BadHookResult(f"{hook} must return {what} or ({what}, error); got {result!r} ({exc})") from None
    return checked, returned_error(error)


def as_int(value: Any) -> int:
    """RunDataRetention's deleted count (``None`` is 0)."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an int")
    return int(value)


def as_optional_dict(value: Any) -> dict[str, Any] | None:
    """A replacement JSON object, or ``None`` for "unchanged"."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError("not a dict")
    return dict(value)


def as_file_data_list(value: Any) -> list[FileData]:
    """GenerateSupportData's files (``None`` is no files)."""
    if value is None:
        return []
    if isinstance(value, FileData):
        return [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, FileData) for item in value):
        raise TypeError("not a list of FileData")
    return list(value)


def healthy(result: Any, hook: str) -> bool:
    """OnSharedChannelsPing: a bool; ``None`` (nothing to report) counts as healthy, as an
    unimplemented hook does in Mattermost."""
    if result is None:
        return True
    if isinstance(result, bool):
        return result
    raise BadHookResult(f"{hook} must return a bool; got {result!r}")


def consumed_posts(result: Any, original: list[Post], hook: str) -> list[Post]:
    """MessagesWillBeConsumed: the posts to hand out; ``None`` keeps the original list."""
    if result is None:
        return original
    if isinstance(result, (list, tuple)) and all(isinstance(item, Post) for item in result):
        return list(result)
    raise BadHookResult(f"{hook} must return a list of Post or None (unchanged); got {result!r}")


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


def handler_error(message: str, hook_name: str) -> AppError:
    """The AppError for an error a handler returned (rather than raised)."""
    return make_app_error(message, error_id=HOOK_ERROR_ID, status_code=500, where=hook_name)


def bad_result_error(exc: BadHookResult, hook_name: str) -> AppError:
    """The AppError reporting a wrongly shaped return value."""
    return make_app_error(str(exc), error_id=HOOK_BAD_RESULT_ID, status_code=500, where=hook_name)
