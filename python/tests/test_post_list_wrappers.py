"""Maps whose values are messages (PostList.posts, PostSearchResults.matches) convert both ways."""

from __future__ import annotations

from mattermost_plugin import Post
from mattermost_plugin._gen.polyplug.v1 import post_list_pb2, post_pb2, post_search_results_pb2
from mattermost_plugin._internal.wrappers import PostList, PostSearchMatch, PostSearchResults


def test_post_list_posts_are_post_wrappers_both_ways() -> None:
    message = post_list_pb2.PostList(
        order=["b", "a"],
        posts={"a": post_pb2.Post(id="a", message="first"), "b": post_pb2.Post(id="b", message="second")},
        prev_post_id="z",
    )
    wrapped = PostList.from_proto(message)
    assert isinstance(wrapped.posts["a"], Post)
    assert [wrapped.posts[i].message for i in wrapped.order] == ["second", "first"]
    assert wrapped.prev_post_id == "z"
    assert wrapped.to_proto() == message


def test_search_results_matches_round_trip() -> None:
    results = PostSearchResults(
        order=["a"], posts={"a": Post(id="a", message="quick fox")}, matches={"a": PostSearchMatch(terms=["quick"])}
    )
    message = results.to_proto()
    assert isinstance(message, post_search_results_pb2.PostSearchResults)
    assert list(message.matches["a"].terms) == ["quick"]
    back = PostSearchResults.from_proto(message)
    assert back.matches == {"a": PostSearchMatch(terms=["quick"])}
    assert back.posts["a"].message == "quick fox"
