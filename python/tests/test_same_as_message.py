"""``same_as_message``: the "allowed unchanged" check of MessageWillBePosted without building the post.

Its one promise: when it says "same", building the wrapper gives a message equal to the original
(so answering "allowed unchanged" is exactly what comparing the built post would have decided).
"""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest

from mattermost_plugin import Post
from mattermost_plugin._gen.polyplug.v1 import post_pb2
from mattermost_plugin._internal.wrappers._convert import same_as_message


def _message(**props: Any) -> post_pb2.Post:
    message = post_pb2.Post(id="p" * 26, create_at=1_764_070_000_000, user_id="u" * 26, message="hello")
    if props:
        message.props.update(props)
    return message


def test_an_unmodified_post_is_the_same() -> None:
    message = _message(from_bench=True, attempt=1, nested={"a": [1, "x", None, {"b": 2.5}]}, empty={})
    message.file_ids.extend(["f1", "f2"])
    message.metadata.update({"embeds": []})
    assert same_as_message(Post.from_proto(message), message)
    assert same_as_message(Post.from_proto(post_pb2.Post()), post_pb2.Post())


@pytest.mark.parametrize(
    "change",
    [
        lambda p: setattr(p, "message", "edited"),
        lambda p: setattr(p, "create_at", True),  # bool for an int: same on the wire only by luck
        lambda p: p.props.update(attempt=True),  # True == 1 in Python, not on the wire
        lambda p: p.props.update(attempt="1"),
        lambda p: p.props.update(extra=None),
        lambda p: p.props.pop("attempt"),
        lambda p: p.props.update(nested=(1, 2)),  # a tuple is sent as a list: counted as a change
        lambda p: setattr(p, "file_ids", ("f1",)),
        lambda p: setattr(p, "file_ids", ["f1"]),
        lambda p: setattr(p, "props", {}),
        lambda p: setattr(p, "metadata", None),
        lambda p: setattr(p, "user_id", type("S", (str,), {})("u" * 26)),  # a str subclass
    ],
)
def test_any_change_or_doubt_is_not_the_same(change: Any) -> None:
    message = _message(attempt=1, nested=[1, 2])
    post = Post.from_proto(message)
    change(post)
    assert not same_as_message(post, message)


def test_what_a_rebuilt_post_would_not_keep_is_a_change() -> None:
    present_but_empty = _message()
    present_but_empty.props.SetInParent()  # to_proto leaves an empty dict unset
    assert not same_as_message(Post.from_proto(present_but_empty), present_but_empty)

    negative_zero = _message(zero=-0.0)  # from_proto gives 0, which is sent as +0.0
    assert not same_as_message(Post.from_proto(negative_zero), negative_zero)

    unknown = post_pb2.Post.FromString(_message().SerializeToString() + bytes([0xF8, 0x3E, 0x01]))  # field 999
    assert not same_as_message(Post.from_proto(unknown), unknown)


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    choices: list[Any] = [None, True, False, 0, 1, -1, 2**53, 2**60, 0.5, -0.0, 1e300, "", "x", "1"]
    if depth < 2:
        choices += [
            {f"k{i}": _random_value(rng, depth + 1) for i in range(rng.randrange(3))},
            [_random_value(rng, depth + 1) for _ in range(rng.randrange(3))],
        ]
    return copy.deepcopy(rng.choice(choices))


def _mutate(rng: random.Random, post: Post) -> None:
    what = rng.randrange(6)
    if what == 0:
        post.props[rng.choice(["k0", "k1", "new"])] = _random_value(rng)
    elif what == 1 and post.props:
        del post.props[rng.choice(sorted(post.props))]
    elif what == 2:
        post.message = rng.choice([post.message, post.message + "!", ""])
    elif what == 3:
        post.is_pinned = rng.choice([True, False, 1, 0])  # type: ignore[assignment]
    elif what == 4:
        post.file_ids = rng.choice([[], ["a"], list(post.file_ids)])
    elif what == 5 and post.props:
        key = rng.choice(sorted(post.props))
        post.props[key] = _random_value(rng)


def test_same_is_only_said_when_the_rebuilt_message_is_equal() -> None:
    rng = random.Random(9)
    said_same = 0
    for _ in range(3000):
        message = post_pb2.Post(message=rng.choice(["", "hi"]), is_pinned=rng.choice([True, False]))
        for i in range(rng.randrange(3)):
            message.props.update({f"k{i}": _random_value(rng)})
        message.file_ids.extend(rng.choice([[], ["a"]]))
        post = Post.from_proto(message)
        for _ in range(rng.randrange(3)):
            _mutate(rng, post)
        try:
            rebuilt = post.to_proto()
        except (TypeError, ValueError):  # a change to_proto refuses is never "the same"
            assert not same_as_message(post, message)
            continue
        if same_as_message(post, message):
            said_same += 1
            assert rebuilt == message, (post, message)
    assert said_same > 500  # and it does say it, for most posts left alone
