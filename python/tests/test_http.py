"""HTTPRequest / HTTPResponseWriter in memory: what plugin authors use to unit-test handlers."""

from __future__ import annotations

import logging

import pytest

from mattermost_plugin import HTTPRequest, HTTPResponseWriter
from mattermost_plugin.http import MAX_CHUNK_SIZE


def test_headers_are_case_insensitive() -> None:
    request = HTTPRequest(headers={"Content-Type": ["application/json"], "X-Multi": ["a", "b"]})
    assert request.get_header("content-type") == "application/json"
    assert request.get_header_values("x-multi") == ["a", "b"]
    assert request.get_header("missing") == ""


def test_body_can_be_read_whole_or_streamed() -> None:
    data = b"x" * (MAX_CHUNK_SIZE + 10)
    assert HTTPRequest(body=data).read() == data
    assert HTTPRequest(body=data).body == data
    chunks = list(HTTPRequest(body=data).iter_body())
    assert [len(c) for c in chunks] == [MAX_CHUNK_SIZE, 10]


async def test_async_body_reading() -> None:
    request = HTTPRequest(body=b"abc")
    assert [c async for c in request.aiter_body()] == [b"abc"]
    assert await HTTPRequest(body=b"abc").aread() == b"abc"


def test_read_returns_what_iteration_left() -> None:
    request = HTTPRequest(body=b"a" * MAX_CHUNK_SIZE + b"rest")
    next(request.iter_body())
    assert request.read() == b"rest"
    assert request.read() == b"rest"


def test_first_write_sends_an_implicit_200_with_the_headers() -> None:
    w = HTTPResponseWriter()
    w.set_header("Content-Type", "text/plain")
    w.add_header("X-A", "1")
    w.add_header("x-a", "2")
    assert w.write("héllo") == len("héllo".encode())
    assert w.status_code == 200 and w.headers_sent
    assert w.headers == {"Content-Type": ["text/plain"], "X-A": ["1", "2"]}
    assert w.body == "héllo".encode()


def test_big_writes_are_split_into_64k_chunks() -> None:
    w = HTTPResponseWriter()
    w.write(b"z" * (2 * MAX_CHUNK_SIZE + 1))
    parts = w._sink.parts  # type: ignore[attr-defined]
    assert [len(p.chunk) for p in parts] == [MAX_CHUNK_SIZE, MAX_CHUNK_SIZE, 1]
    assert parts[0].status_code == 200 and all(p.status_code is None for p in parts[1:])


def test_headers_lock_after_the_head_is_sent(caplog: pytest.LogCaptureFixture) -> None:
    w = HTTPResponseWriter()
    w.write_header(201)
    with caplog.at_level(logging.WARNING):
        w.set_header("X-Late", "1")
        w.write_header(500)
    assert w.status_code == 201 and "X-Late" not in w.headers
    assert "ignored" in caplog.text


def test_flush_before_writing_sends_the_head() -> None:
    w = HTTPResponseWriter()
    w.flush()
    parts = w._sink.parts  # type: ignore[attr-defined]
    assert (parts[0].status_code, parts[0].flush) == (200, True)
