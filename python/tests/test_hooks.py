"""The @hook decorator in all its forms, and hook registration on Plugin subclasses."""

from __future__ import annotations

import inspect

import pytest

from mattermost_plugin import DISMISS_POST_ERROR, HookName, HookRegistrationError, Plugin, hook
from mattermost_plugin.hooks import get_hook_name, is_hook_handler


def test_there_are_46_live_hooks() -> None:
    assert len(HookName) == 46
    assert all(member.name == member.value for member in HookName)
    assert HookName("MessageWillBePosted") is HookName.MessageWillBePosted
    assert DISMISS_POST_ERROR == "plugin.message_will_be_posted.dismiss_post"


def test_all_decorator_forms() -> None:
    class P(Plugin):
        @hook(HookName.MessageWillBePosted)
        def a(self, context, post): ...

        @hook("MessageHasBeenPosted")
        def b(self, context, post): ...

        @hook
        def OnActivate(self): ...

        @hook()
        def OnDeactivate(self): ...

    assert P.implemented_hooks() == ["MessageHasBeenPosted", "MessageWillBePosted", "OnActivate", "OnDeactivate"]
    assert get_hook_name(P.a) is HookName.MessageWillBePosted
    assert is_hook_handler(P.OnActivate) and not is_hook_handler(P.implemented_hooks)


def test_decorator_returns_the_function_itself_so_async_stays_async() -> None:
    async def ExecuteCommand(self, context, args): ...

    assert hook(ExecuteCommand) is ExecuteCommand
    assert inspect.iscoroutinefunction(hook(HookName.ExecuteCommand)(ExecuteCommand))


@pytest.mark.parametrize(
    ("name", "hint"),
    [("on_activate", "OnActivate"), ("MessageWillBePostd", "MessageWillBePosted"), ("Nothing", None)],
)
def test_unknown_names_fail_with_a_suggestion(name: str, hint: str | None) -> None:
    with pytest.raises(HookRegistrationError) as info:
        hook(name)
    assert repr(name) in str(info.value)
    if hint:
        assert f"Did you mean {hint!r}" in str(info.value)


def test_inferring_from_a_non_hook_method_name_fails() -> None:
    with pytest.raises(HookRegistrationError, match="filter_posts"):

        @hook
        def filter_posts(self, context, post): ...


def test_two_handlers_for_one_hook_fail_at_class_definition() -> None:
    with pytest.raises(HookRegistrationError, match="two handlers for OnActivate"):

        class P(Plugin):
            @hook(HookName.OnActivate)
            def one(self): ...

            @hook(HookName.OnActivate)
            def two(self): ...


def test_subclasses_inherit_and_override_handlers() -> None:
    class Base(Plugin):
        @hook(HookName.OnActivate)
        def activate(self):
            return "base"

        @hook(HookName.OnDeactivate)
        def deactivate(self):
            return "base"

    class Child(Base):
        @hook(HookName.OnActivate)
        def start(self):
            return "child"

        def deactivate(self):  # plain override of an inherited handler
            return "child"

    child = Child()
    assert Child.implemented_hooks() == ["OnActivate", "OnDeactivate"]
    assert child.get_hook_handler("OnActivate")() == "child"
    assert child.get_hook_handler(HookName.OnDeactivate)() == "child"
    assert Base().get_hook_handler("OnActivate")() == "base"
    assert Plugin.implemented_hooks() == []
    assert child.get_hook_handler("ServeHTTP") is None
