"""Every hook, through the SDK's servicer (via the test kit's HookInvoker, which calls the servicer's
RPC methods with the host's requests): the typed arguments handlers receive, and how each accepted
return shape becomes the response (Mattermost's semantics per hook)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from mattermost_plugin import (
    Channel,
    ChannelMember,
    CommandArgs,
    CommandResponse,
    FileData,
    FileInfo,
    HookName,
    OnInstallEvent,
    Plugin,
    PluginClusterEvent,
    PluginContext,
    Post,
    Preference,
    Reaction,
    TeamMember,
    User,
    WebSocketRequest,
    hook,
)
from mattermost_plugin._internal.servicer import WIRE_HOOKS
from mattermost_plugin.testing import HookError, HookInvoker

STREAMED = {HookName.ServeHTTP, HookName.ServeMetrics, HookName.FileWillBeUploaded}
CTX = PluginContext(session_id="s1", request_id="r1", ip_address="10.0.0.1", accept_language="fr", user_agent="ua")
POST = Post(id="p1", message="hello", props={"attachments": [{"text": "x"}]}, metadata={"embeds": [{"type": "link"}]})
OLD = Post(id="p1", message="old")
USER = User(id="u1", username="alice", props={"k": "v"}, roles="system_user")
CHANNEL = Channel(id="c1", name="town", type="O", props={"p": 1})
CMEMBER = ChannelMember(channel_id="c1", user_id="u1", roles="channel_user", notify_props={"desktop": "all"})
TMEMBER = TeamMember(team_id="t1", user_id="u1", roles="team_user", create_at=5)
REACTION = Reaction(user_id="u1", post_id="p1", emoji_name="thumbsup", create_at=7, channel_id="c1")
INFO = FileInfo(id="f1", name="a.png", size=3, mime_type="image/png", mini_preview=b"\x00\x01", width=2)
REMOTE = {"remote_id": "r9", "name": "other", "site_url": "https://o.example"}
release = threading.Event()


def _recorder() -> type[Plugin]:
    """A plugin handling every non-streamed hook; odd hooks are async, even ones sync. Each records
    its arguments in ``self.seen`` and answers ``self.answers[hook]`` (called if callable)."""
    namespace: dict[str, Any] = {"seen": None, "answers": None}
    for index, name in enumerate(sorted(HookName, key=lambda h: h.value)):
        if name in STREAMED:
            continue

        def respond(self: Any, hook_name: str, args: tuple[Any, ...]) -> Any:
            self.seen[hook_name] = args
            answer = self.answers.get(hook_name)
            return answer(*args) if callable(answer) else answer

        if index % 2:

            async def handler(self: Any, *args: Any, _name: str = name.value) -> Any:
                return respond(self, _name, args)
        else:

            def handler(self: Any, *args: Any, _name: str = name.value) -> Any:
                return respond(self, _name, args)

        handler.__name__ = name.value
        namespace[name.value] = hook(name)(handler)
    return type("Recorder", (Plugin,), namespace)


Recorder = _recorder()


@pytest.fixture
def rec() -> Any:
    plugin = Recorder()
    plugin.seen, plugin.answers = {}, {}
    return plugin


@pytest.fixture
def hooks(rec: Any):
    release.clear()
    with HookInvoker(rec, timeout=2) as invoker:
        yield invoker
    release.set()


# hook -> (how the host calls it, the arguments the handler must receive)
CALLS: dict[HookName, tuple[Callable[[HookInvoker], Any], tuple[Any, ...]]] = {
    HookName.OnActivate: (lambda h: h.on_activate(), ()),
    HookName.OnDeactivate: (lambda h: h.on_deactivate(), ()),
    HookName.OnConfigurationChange: (lambda h: h.on_configuration_change(), ()),
    HookName.ConfigurationWillBeSaved: (lambda h: h.configuration_will_be_saved({"A": {"B": 1}}), ({"A": {"B": 1}},)),
    HookName.OnInstall: (lambda h: h.on_install("u1", context=CTX), (CTX, OnInstallEvent(user_id="u1"))),
    HookName.OnSendDailyTelemetry: (lambda h: h.on_send_daily_telemetry(), ()),
    HookName.OnCloudLimitsUpdated: (lambda h: h.on_cloud_limits_updated({"messages": {"history": 10}}),
                                    ({"messages": {"history": 10}},)),
    HookName.RunDataRetention: (lambda h: h.run_data_retention(1_700_000_000_000, 500), (1_700_000_000_000, 500)),
    HookName.GenerateSupportData: (lambda h: h.generate_support_data(context=CTX), (CTX,)),
    HookName.ExecuteCommand: (lambda h: h.execute_command(command="/x y", user_id="u1", context=CTX),
                              (CTX, CommandArgs(command="/x y", user_id="u1"))),
    HookName.MessageWillBePosted: (lambda h: h.message_will_be_posted(POST, context=CTX), (CTX, POST)),
    HookName.MessageWillBeUpdated: (lambda h: h.message_will_be_updated(POST, OLD, context=CTX), (CTX, POST, OLD)),
    HookName.MessageHasBeenPosted: (lambda h: h.message_has_been_posted(POST, context=CTX), (CTX, POST)),
    HookName.MessageHasBeenUpdated: (lambda h: h.message_has_been_updated(POST, OLD, context=CTX), (CTX, POST, OLD)),
    HookName.MessageHasBeenDeleted: (lambda h: h.message_has_been_deleted(POST, context=CTX), (CTX, POST)),
    HookName.MessagesWillBeConsumed: (lambda h: h.messages_will_be_consumed([POST, OLD]), ([POST, OLD],)),
    HookName.ReactionHasBeenAdded: (lambda h: h.reaction_has_been_added(REACTION, context=CTX), (CTX, REACTION)),
    HookName.ReactionHasBeenRemoved: (lambda h: h.reaction_has_been_removed(REACTION, context=CTX), (CTX, REACTION)),
    HookName.ChannelHasBeenCreated: (lambda h: h.channel_has_been_created(CHANNEL, context=CTX), (CTX, CHANNEL)),
    HookName.ChannelWillBeArchived: (lambda h: h.channel_will_be_archived(CHANNEL, context=CTX), (CTX, CHANNEL)),
    HookName.ChannelMemberWillBeAdded: (lambda h: h.channel_member_will_be_added(CMEMBER, context=CTX), (CTX, CMEMBER)),
    HookName.TeamMemberWillBeAdded: (lambda h: h.team_member_will_be_added(TMEMBER, context=CTX), (CTX, TMEMBER)),
    HookName.UserHasJoinedChannel: (lambda h: h.user_has_joined_channel(CMEMBER, USER, context=CTX),
                                    (CTX, CMEMBER, USER)),
    HookName.UserHasLeftChannel: (lambda h: h.user_has_left_channel(CMEMBER, context=CTX), (CTX, CMEMBER, None)),
    HookName.UserHasJoinedTeam: (lambda h: h.user_has_joined_team(TMEMBER, context=CTX), (CTX, TMEMBER, None)),
    HookName.UserHasLeftTeam: (lambda h: h.user_has_left_team(TMEMBER, USER, context=CTX), (CTX, TMEMBER, USER)),
    HookName.UserHasBeenCreated: (lambda h: h.user_has_been_created(USER, context=CTX), (CTX, USER)),
    HookName.UserWillLogIn: (lambda h: h.user_will_log_in(USER, context=CTX), (CTX, USER)),
    HookName.UserHasLoggedIn: (lambda h: h.user_has_logged_in(USER, context=CTX), (CTX, USER)),
    HookName.UserHasBeenDeactivated: (lambda h: h.user_has_been_deactivated(USER, context=CTX), (CTX, USER)),
    HookName.PreferencesHaveChanged: (
        lambda h: h.preferences_have_changed([Preference("u1", "display_settings", "use_military_time", "true")],
                                             context=CTX),
        (CTX, [Preference("u1", "display_settings", "use_military_time", "true")]),
    ),
    HookName.OnSAMLLogin: (lambda h: h.on_saml_login(USER, {"NameID": {"Value": "alice"}}, context=CTX),
                           (CTX, USER, {"NameID": {"Value": "alice"}})),
    HookName.FileWillBeDownloaded: (lambda h: h.file_will_be_downloaded(INFO, "u1", "thumbnail", context=CTX),
                                    (CTX, INFO, "u1", "thumbnail")),
    HookName.OnWebSocketConnect: (lambda h: h.on_web_socket_connect("wc1", "u1"), ("wc1", "u1")),
    HookName.OnWebSocketDisconnect: (lambda h: h.on_web_socket_disconnect("wc1", "u1"), ("wc1", "u1")),
    HookName.WebSocketMessageHasBeenPosted: (
        lambda h: h.web_socket_message_has_been_posted("wc1", "u1", WebSocketRequest(3, "custom_x", {"n": [1]})),
        ("wc1", "u1", WebSocketRequest(seq=3, action="custom_x", data={"n": [1]})),
    ),
    HookName.OnPluginClusterEvent: (lambda h: h.on_plugin_cluster_event(PluginClusterEvent("ev", b"\x00\xff"),
                                                                        context=CTX),
                                    (CTX, PluginClusterEvent(id="ev", data=b"\x00\xff"))),
    HookName.NotificationWillBePushed: (lambda h: h.notification_will_be_pushed({"badge": 2, "message": "m"}, "u1"),
                                        ({"badge": 2, "message": "m"}, "u1")),
    HookName.EmailNotificationWillBeSent: (lambda h: h.email_notification_will_be_sent({"subject": "s"}),
                                           ({"subject": "s"},)),
    HookName.OnSharedChannelsSyncMsg: (lambda h: h.on_shared_channels_sync_msg({"id": "m1"}, REMOTE),
                                       ({"id": "m1"}, REMOTE)),
    HookName.OnSharedChannelsPing: (lambda h: h.on_shared_channels_ping(REMOTE), (REMOTE,)),
    HookName.OnSharedChannelsAttachmentSyncMsg: (lambda h: h.on_shared_channels_attachment_sync_msg(INFO, POST, REMOTE),
                                                 (INFO, POST, REMOTE)),
    HookName.OnSharedChannelsProfileImageSyncMsg: (lambda h: h.on_shared_channels_profile_image_sync_msg(USER, REMOTE),
                                                   (USER, REMOTE)),
}  # fmt: skip


def test_the_servicer_serves_all_46_hooks_and_the_table_covers_them() -> None:
    assert {h.value for h in HookName} == WIRE_HOOKS
    assert set(CALLS) == set(HookName) - STREAMED


@pytest.mark.parametrize("name", sorted(CALLS, key=lambda h: h.value), ids=lambda h: h.value)
def test_every_hook_receives_typed_arguments(hooks: HookInvoker, rec: Any, name: HookName) -> None:
    call, expected = CALLS[name]
    call(hooks)
    assert rec.seen[name.value] == expected


def test_on_activate_loads_the_configuration_first(hooks: HookInvoker, rec: Any) -> None:
    hooks.on_activate()
    assert list(rec.seen) == ["OnConfigurationChange", "OnActivate"]


@pytest.mark.parametrize(
    ("hook", "call"),
    [
        ("OnActivate", lambda h: h.on_activate()),
        ("OnDeactivate", lambda h: h.on_deactivate()),
        ("OnInstall", lambda h: h.on_install("u1")),
        ("OnSAMLLogin", lambda h: h.on_saml_login(USER, {})),
        ("OnSharedChannelsAttachmentSyncMsg", lambda h: h.on_shared_channels_attachment_sync_msg(INFO, POST, {})),
        ("OnSharedChannelsProfileImageSyncMsg", lambda h: h.on_shared_channels_profile_image_sync_msg(USER, {})),
    ],
)
@pytest.mark.parametrize("failure", ["refused", RuntimeError("refused"), "raise"])
def test_error_only_hooks_fail_by_returning_or_raising(hooks: HookInvoker, rec: Any, hook: str, call, failure) -> None:
    def boom(*_: Any) -> None:
        raise ValueError("refused")

    rec.answers[hook] = boom if failure == "raise" else (lambda *_: failure)
    with pytest.raises(HookError) as info:
        call(hooks)
    assert "refused" in info.value.message and info.value.status_code == 500
    rec.answers[hook] = None
    call(hooks)


@pytest.mark.parametrize(
    ("call", "hook"),
    [
        (lambda h: h.message_has_been_posted(POST), "MessageHasBeenPosted"),
        (lambda h: h.reaction_has_been_removed(REACTION), "ReactionHasBeenRemoved"),
        (lambda h: h.user_has_joined_team(TMEMBER), "UserHasJoinedTeam"),
        (lambda h: h.on_web_socket_connect("w", "u"), "OnWebSocketConnect"),
        (lambda h: h.on_plugin_cluster_event(PluginClusterEvent("e", b"")), "OnPluginClusterEvent"),
    ],
)
def test_notification_hooks_ignore_results_but_report_exceptions(hooks: HookInvoker, rec: Any, call, hook) -> None:
    rec.answers[hook] = "whatever"
    call(hooks)

    def boom(*_: Any) -> None:
        raise KeyError("missing")

    rec.answers[hook] = boom
    with pytest.raises(HookError) as info:
        call(hooks)
    assert (info.value.error_id, info.value.hook) == ("plugin.hook.error", hook)


@pytest.mark.parametrize(
    ("answer", "message", "reason"),
    [
        (None, None, ""),
        ("", None, ""),
        ("spam", None, "spam"),
        (lambda ctx, post: post, "hello", ""),
        (lambda ctx, post: Post(message="changed"), "changed", ""),
        (lambda ctx, post: (post, ""), "hello", ""),
        (lambda ctx, post: (None, "blocked"), None, "blocked"),
        (lambda ctx, post: (post, "blocked"), None, "blocked"),
        ((None, None), None, ""),
    ],
)
def test_message_will_be_posted_shapes(hooks: HookInvoker, rec: Any, answer, message, reason) -> None:
    rec.answers["MessageWillBePosted"] = answer
    post, got_reason = hooks.message_will_be_posted(POST)
    assert got_reason == reason
    assert (post.message if post else None) == message
    if message == "hello":  # the original, returned: props and metadata travel whole
        assert post is not None and (post.props, post.metadata) == (POST.props, POST.metadata)


def test_message_will_be_updated_may_edit_the_new_post(hooks: HookInvoker, rec: Any) -> None:
    rec.answers["MessageWillBeUpdated"] = lambda ctx, new, old: Post(message=f"{old.message}->{new.message}")
    post, reason = hooks.message_will_be_updated(POST, OLD)
    assert post is not None and (post.message, reason) == ("old->hello", "")


@pytest.mark.parametrize("answer", [42, ("a", "b", "c"), (POST, 3), CHANNEL])
def test_will_hooks_report_wrong_shapes(hooks: HookInvoker, rec: Any, answer) -> None:
    rec.answers["MessageWillBePosted"] = answer
    with pytest.raises(HookError) as info:
        hooks.message_will_be_posted(POST)
    assert info.value.error_id == "plugin.hook.bad_result"
    assert "MessageWillBePosted must return" in info.value.message or "tuple" in info.value.message


def test_member_will_be_added_hooks_modify_or_reject(hooks: HookInvoker, rec: Any) -> None:
    rec.answers["ChannelMemberWillBeAdded"] = lambda ctx, m: ChannelMember(**{**vars(m), "roles": "channel_admin"})
    member, reason = hooks.channel_member_will_be_added(CMEMBER)
    assert member == ChannelMember(**{**vars(CMEMBER), "roles": "channel_admin"}) and reason == ""
    rec.answers["TeamMemberWillBeAdded"] = (None, "team is full")
    assert hooks.team_member_will_be_added(TMEMBER) == (None, "team is full")
    rec.answers["TeamMemberWillBeAdded"] = None
    assert hooks.team_member_will_be_added(TMEMBER) == (None, "")
    rec.answers["TeamMemberWillBeAdded"] = CMEMBER  # the wrong model
    with pytest.raises(HookError, match="TeamMember"):
        hooks.team_member_will_be_added(TMEMBER)


@pytest.mark.parametrize(
    ("hook", "call"),
    [
        ("UserWillLogIn", lambda h: h.user_will_log_in(USER)),
        ("ChannelWillBeArchived", lambda h: h.channel_will_be_archived(CHANNEL)),
        ("FileWillBeDownloaded", lambda h: h.file_will_be_downloaded(INFO, "u1")),
    ],
)
def test_reason_hooks(hooks: HookInvoker, rec: Any, hook: str, call) -> None:
    for answer, expected in ((None, ""), ("", ""), ("not now", "not now")):
        rec.answers[hook] = answer
        assert call(hooks) == expected
    rec.answers[hook] = ("post", "reason")
    with pytest.raises(HookError, match="rejection reason"):
        call(hooks)


def test_notification_will_be_pushed_and_email_shapes(hooks: HookInvoker, rec: Any) -> None:
    rec.answers["NotificationWillBePushed"] = lambda n, user_id: ({**n, "message": "hidden"}, "")
    assert hooks.notification_will_be_pushed({"message": "m", "badge": 1}, "u1") == (
        {"message": "hidden", "badge": 1}, "")  # fmt: skip
    rec.answers["NotificationWillBePushed"] = "muted"
    assert hooks.notification_will_be_pushed({}, "u1") == (None, "muted")
    rec.answers["EmailNotificationWillBeSent"] = lambda n: {"subject": n["subject"].upper()}
    assert hooks.email_notification_will_be_sent({"subject": "hi"}) == ({"subject": "HI"}, "")
    rec.answers["EmailNotificationWillBeSent"] = None
    assert hooks.email_notification_will_be_sent({"subject": "hi"}) == (None, "")


@pytest.mark.parametrize(
    ("answer", "expected"), [(None, 0), (7, 7), ((7, None), 7), ((7, ""), 7), (lambda now, batch: batch // 100, 5)]
)
def test_run_data_retention_counts(hooks: HookInvoker, rec: Any, answer, expected) -> None:
    rec.answers["RunDataRetention"] = answer
    assert hooks.run_data_retention(1, 500) == expected


@pytest.mark.parametrize(
    ("answer", "error_id"), [((3, "disk full"), "plugin.hook.error"), ("3", "plugin.hook.bad_result")]
)
def test_run_data_retention_errors(hooks: HookInvoker, rec: Any, answer, error_id) -> None:
    rec.answers["RunDataRetention"] = answer
    with pytest.raises(HookError) as info:
        hooks.run_data_retention(1, 500)
    assert info.value.error_id == error_id


def test_configuration_will_be_saved(hooks: HookInvoker, rec: Any) -> None:
    assert hooks.configuration_will_be_saved({"A": 1}) is None
    rec.answers["ConfigurationWillBeSaved"] = lambda config: {**config, "B": [True]}
    assert hooks.configuration_will_be_saved({"A": 1}) == {"A": 1, "B": [True]}
    rec.answers["ConfigurationWillBeSaved"] = (None, None)
    assert hooks.configuration_will_be_saved({"A": 1}) is None
    rec.answers["ConfigurationWillBeSaved"] = ({"A": 2}, ValueError("A must stay 1"))
    with pytest.raises(HookError, match="A must stay 1"):
        hooks.configuration_will_be_saved({"A": 1})


def test_generate_support_data(hooks: HookInvoker, rec: Any) -> None:
    files = [FileData("diag.json", b"{}"), FileData("dump.bin", b"\x00" * 10)]
    rec.answers["GenerateSupportData"] = files
    assert hooks.generate_support_data() == files
    rec.answers["GenerateSupportData"] = (files, None)
    assert hooks.generate_support_data() == files
    rec.answers["GenerateSupportData"] = ([], "no access")
    with pytest.raises(HookError, match="no access"):
        hooks.generate_support_data()
    rec.answers["GenerateSupportData"] = ["not file data"]
    with pytest.raises(HookError, match="list of FileData"):
        hooks.generate_support_data()


def test_messages_will_be_consumed(hooks: HookInvoker, rec: Any) -> None:
    assert [p.message for p in hooks.messages_will_be_consumed([POST, OLD])] == ["hello", "old"]
    rec.answers["MessagesWillBeConsumed"] = lambda posts: [Post(**{**vars(p), "message": "***"}) for p in posts]
    consumed = hooks.messages_will_be_consumed([POST])
    assert [p.message for p in consumed] == ["***"] and consumed[0].props == POST.props
    rec.answers["MessagesWillBeConsumed"] = "nope"
    with pytest.raises(HookError, match="list of Post"):
        hooks.messages_will_be_consumed([POST])


def test_shared_channels_sync_and_ping(hooks: HookInvoker, rec: Any) -> None:
    rec.answers["OnSharedChannelsSyncMsg"] = lambda msg, remote: {"last_post_update_at": 9, "users_synced": ["u1"]}
    assert hooks.on_shared_channels_sync_msg({}, REMOTE) == {"last_post_update_at": 9, "users_synced": ["u1"]}
    rec.answers["OnSharedChannelsSyncMsg"] = ({}, "remote unknown")
    with pytest.raises(HookError, match="remote unknown"):
        hooks.on_shared_channels_sync_msg({}, REMOTE)
    assert hooks.on_shared_channels_ping(REMOTE) is True
    rec.answers["OnSharedChannelsPing"] = False
    assert hooks.on_shared_channels_ping(REMOTE) is False
    rec.answers["OnSharedChannelsPing"] = "yes"
    with pytest.raises(HookError, match="bool"):
        hooks.on_shared_channels_ping(REMOTE)


def test_unimplemented_ping_is_healthy_as_in_mattermost() -> None:
    with HookInvoker(Plugin()) as invoker:
        assert invoker.on_shared_channels_ping(REMOTE) is True
        assert invoker.implemented() == []


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        (CommandResponse(response_type="in_channel", text="a"), "a"),
        ({"response_type": "ephemeral", "text": "b"}, "b"),
        (None, ""),
    ],
)
def test_execute_command_shapes(hooks: HookInvoker, rec: Any, answer, text) -> None:
    rec.answers["ExecuteCommand"] = answer
    assert hooks.execute_command(command="/x").text == text


def test_a_handler_past_its_deadline_is_reported_and_does_not_block_others() -> None:
    class Slow(Plugin):
        @hook
        def UserHasLoggedIn(self, context, user) -> None:
            release.wait(30)  # a sync handler that outlives the deadline in its worker thread

        @hook
        async def UserWillLogIn(self, context, user) -> str:
            return "later"

    release.clear()
    with HookInvoker(Slow(), timeout=0.2) as short:
        with pytest.raises(HookError) as info:
            short.user_has_logged_in(USER)
        assert (info.value.error_id, info.value.status_code) == ("plugin.hook.timeout", 504)
        assert short.user_will_log_in(USER) == "later"  # the next call runs while that thread is stuck
        release.set()
