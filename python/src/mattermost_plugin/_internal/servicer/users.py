"""User hooks."""

from __future__ import annotations

from typing import Any

from ...hooks import HookName
from .. import hook_messages as pb
from .. import hook_results as results
from ..structs import struct_to_dict
from ..wrappers import Preference, User
from .base import Context, HookDispatcher, context_of


class UserHooks(HookDispatcher):
    """Account events, the login veto, preferences and SAML logins."""

    async def UserHasBeenCreated(
        self, request: pb.UserHasBeenCreatedRequest, context: Context
    ) -> pb.UserHasBeenCreatedResponse:
        args = (context_of(request), User.from_proto(request.user))
        return await self._notify(HookName.UserHasBeenCreated, pb.UserHasBeenCreatedResponse, *args)

    async def UserWillLogIn(self, request: pb.UserWillLogInRequest, context: Context) -> pb.UserWillLogInResponse:
        hook = HookName.UserWillLogIn

        def build(result: Any) -> pb.UserWillLogInResponse:
            return pb.UserWillLogInResponse(rejection_reason=results.reason(result, hook.value))

        args = (context_of(request), User.from_proto(request.user))
        return await self._respond(hook, pb.UserWillLogInResponse, build, *args)

    async def UserHasLoggedIn(self, request: pb.UserHasLoggedInRequest, context: Context) -> pb.UserHasLoggedInResponse:
        args = (context_of(request), User.from_proto(request.user))
        return await self._notify(HookName.UserHasLoggedIn, pb.UserHasLoggedInResponse, *args)

    async def UserHasBeenDeactivated(
        self, request: pb.UserHasBeenDeactivatedRequest, context: Context
    ) -> pb.UserHasBeenDeactivatedResponse:
        args = (context_of(request), User.from_proto(request.user))
        return await self._notify(HookName.UserHasBeenDeactivated, pb.UserHasBeenDeactivatedResponse, *args)

    async def PreferencesHaveChanged(
        self, request: pb.PreferencesHaveChangedRequest, context: Context
    ) -> pb.PreferencesHaveChangedResponse:
        args = (context_of(request), [Preference.from_proto(p) for p in request.preferences])
        return await self._notify(HookName.PreferencesHaveChanged, pb.PreferencesHaveChangedResponse, *args)

    async def OnSAMLLogin(self, request: pb.OnSAMLLoginRequest, context: Context) -> pb.OnSAMLLoginResponse:
        args = (context_of(request), User.from_proto(request.user), struct_to_dict(request.assertion))
        return await self._errors_only(HookName.OnSAMLLogin, pb.OnSAMLLoginResponse, *args)
