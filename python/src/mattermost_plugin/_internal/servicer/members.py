"""Channel, team and membership hooks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ..._gen.polyplug.v1 import user_pb2
from ...hooks import HookName
from .. import hook_messages as pb
from .. import hook_results as results
from ..wrappers import Channel, ChannelMember, TeamMember, User
from .base import Context, HookDispatcher, context_of


class MemberHooks(HookDispatcher):
    """ChannelHasBeenCreated, the membership "Will" hooks (modify or reject) and join/leave events."""

    async def ChannelHasBeenCreated(
        self, request: pb.ChannelHasBeenCreatedRequest, context: Context
    ) -> pb.ChannelHasBeenCreatedResponse:
        args = (context_of(request), Channel.from_proto(request.channel))
        return await self._notify(HookName.ChannelHasBeenCreated, pb.ChannelHasBeenCreatedResponse, *args)

    async def ChannelWillBeArchived(
        self, request: pb.ChannelWillBeArchivedRequest, context: Context
    ) -> pb.ChannelWillBeArchivedResponse:
        hook = HookName.ChannelWillBeArchived

        def build(result: Any) -> pb.ChannelWillBeArchivedResponse:
            return pb.ChannelWillBeArchivedResponse(rejection_reason=results.reason(result, hook.value))

        args = (context_of(request), Channel.from_proto(request.channel))
        return await self._respond(hook, pb.ChannelWillBeArchivedResponse, build, *args)

    async def ChannelMemberWillBeAdded(
        self, request: pb.ChannelMemberWillBeAddedRequest, context: Context
    ) -> pb.ChannelMemberWillBeAddedResponse:
        hook = HookName.ChannelMemberWillBeAdded
        build = _will_add(pb.ChannelMemberWillBeAddedResponse, hook, ChannelMember)
        args = (context_of(request), ChannelMember.from_proto(request.member))
        return await self._respond(hook, pb.ChannelMemberWillBeAddedResponse, build, *args)

    async def TeamMemberWillBeAdded(
        self, request: pb.TeamMemberWillBeAddedRequest, context: Context
    ) -> pb.TeamMemberWillBeAddedResponse:
        hook = HookName.TeamMemberWillBeAdded
        build = _will_add(pb.TeamMemberWillBeAddedResponse, hook, TeamMember)
        args = (context_of(request), TeamMember.from_proto(request.member))
        return await self._respond(hook, pb.TeamMemberWillBeAddedResponse, build, *args)

    async def UserHasJoinedChannel(
        self, request: pb.UserHasJoinedChannelRequest, context: Context
    ) -> pb.UserHasJoinedChannelResponse:
        args = (context_of(request), ChannelMember.from_proto(request.member), _actor(request))
        return await self._notify(HookName.UserHasJoinedChannel, pb.UserHasJoinedChannelResponse, *args)

    async def UserHasLeftChannel(
        self, request: pb.UserHasLeftChannelRequest, context: Context
    ) -> pb.UserHasLeftChannelResponse:
        args = (context_of(request), ChannelMember.from_proto(request.member), _actor(request))
        return await self._notify(HookName.UserHasLeftChannel, pb.UserHasLeftChannelResponse, *args)

    async def UserHasJoinedTeam(
        self, request: pb.UserHasJoinedTeamRequest, context: Context
    ) -> pb.UserHasJoinedTeamResponse:
        args = (context_of(request), TeamMember.from_proto(request.member), _actor(request))
        return await self._notify(HookName.UserHasJoinedTeam, pb.UserHasJoinedTeamResponse, *args)

    async def UserHasLeftTeam(self, request: pb.UserHasLeftTeamRequest, context: Context) -> pb.UserHasLeftTeamResponse:
        args = (context_of(request), TeamMember.from_proto(request.member), _actor(request))
        return await self._notify(HookName.UserHasLeftTeam, pb.UserHasLeftTeamResponse, *args)


_A = TypeVar("_A", pb.ChannelMemberWillBeAddedResponse, pb.TeamMemberWillBeAddedResponse)


def _actor(request: Any) -> User | None:
    """Who caused a join or leave; None when users acted on themselves (Mattermost's nil actor)."""
    actor: user_pb2.User = request.actor
    return User.from_proto(actor) if request.HasField("actor") else None


def _will_add(response: type[_A], hook: HookName, model: type[Any]) -> Callable[[Any], _A]:
    def build(result: Any) -> _A:
        member, reason = results.will(result, hook.value, model, model.__name__)
        message = response(rejection_reason=reason)
        if member is not None:
            message.member.CopyFrom(member.to_proto())
        return message

    return build
