"""Lifecycle, configuration, commands and housekeeping hooks."""

from __future__ import annotations

import logging
from typing import Any

from ..._gen.polyplug.v1.app_error_pb2 import AppError
from ...hooks import HookName
from ...plugin import Plugin
from .. import hook_messages as pb
from .. import hook_results as results
from ..hook_runner import HookRunner
from ..structs import dict_to_struct, struct_to_dict
from ..wrappers import CommandArgs, OnInstallEvent
from .base import Context, HookDispatcher, context_of


class LifecycleHooks(HookDispatcher):
    """OnActivate & co.; also tracks activation for the runtime's shutdown path."""

    def __init__(
        self, plugin: Plugin, runner: HookRunner, logger: logging.Logger, *, elide_unchanged_posts: bool = False
    ) -> None:
        super().__init__(plugin, runner, logger, elide_unchanged_posts=elide_unchanged_posts)
        self.activated = False
        self.deactivated = False

    async def Implemented(self, request: pb.ImplementedRequest, context: Context) -> pb.ImplementedResponse:
        return pb.ImplementedResponse(hooks=self._plugin.implemented_hooks())

    async def OnActivate(self, request: pb.OnActivateRequest, context: Context) -> pb.OnActivateResponse:
        # As Mattermost's Go plugins: the configuration is loaded before activation.
        error = await self._error_of(HookName.OnConfigurationChange)
        if error is None:
            error = await self._error_of(HookName.OnActivate)
        self.activated = error is None
        return pb.OnActivateResponse(error=error)

    async def OnDeactivate(self, request: pb.OnDeactivateRequest, context: Context) -> pb.OnDeactivateResponse:
        return pb.OnDeactivateResponse(error=await self.deactivate())

    async def deactivate(self) -> AppError | None:
        """Runs OnDeactivate once (the RPC, or the runtime when stopping without it)."""
        self.deactivated = True
        return await self._error_of(HookName.OnDeactivate)

    async def OnConfigurationChange(
        self, request: pb.OnConfigurationChangeRequest, context: Context
    ) -> pb.OnConfigurationChangeResponse:
        return await self._errors_only(HookName.OnConfigurationChange, pb.OnConfigurationChangeResponse)

    async def ConfigurationWillBeSaved(
        self, request: pb.ConfigurationWillBeSavedRequest, context: Context
    ) -> pb.ConfigurationWillBeSavedResponse:
        hook = HookName.ConfigurationWillBeSaved

        def build(result: Any) -> pb.ConfigurationWillBeSavedResponse:
            config, error = results.value_and_error(
                result, hook.value, results.as_optional_dict, "a config dict or None"
            )
            response = pb.ConfigurationWillBeSavedResponse(error=self._error_message(hook, error))
            if config is not None and error is None:
                response.config.CopyFrom(dict_to_struct(config))
            return response

        return await self._respond(hook, pb.ConfigurationWillBeSavedResponse, build, struct_to_dict(request.config))

    async def OnInstall(self, request: pb.OnInstallRequest, context: Context) -> pb.OnInstallResponse:
        event = OnInstallEvent(user_id=request.user_id)
        return await self._errors_only(HookName.OnInstall, pb.OnInstallResponse, context_of(request), event)

    async def OnSendDailyTelemetry(
        self, request: pb.OnSendDailyTelemetryRequest, context: Context
    ) -> pb.OnSendDailyTelemetryResponse:
        return await self._notify(HookName.OnSendDailyTelemetry, pb.OnSendDailyTelemetryResponse)

    async def OnCloudLimitsUpdated(
        self, request: pb.OnCloudLimitsUpdatedRequest, context: Context
    ) -> pb.OnCloudLimitsUpdatedResponse:
        limits = struct_to_dict(request.limits)
        return await self._notify(HookName.OnCloudLimitsUpdated, pb.OnCloudLimitsUpdatedResponse, limits)

    async def RunDataRetention(
        self, request: pb.RunDataRetentionRequest, context: Context
    ) -> pb.RunDataRetentionResponse:
        hook = HookName.RunDataRetention

        def build(result: Any) -> pb.RunDataRetentionResponse:
            deleted, error = results.value_and_error(result, hook.value, results.as_int, "a deleted count (int)")
            return pb.RunDataRetentionResponse(deleted_count=deleted, error=self._error_message(hook, error))

        return await self._respond(hook, pb.RunDataRetentionResponse, build, request.now_time, request.batch_size)

    async def GenerateSupportData(
        self, request: pb.GenerateSupportDataRequest, context: Context
    ) -> pb.GenerateSupportDataResponse:
        hook = HookName.GenerateSupportData

        def build(result: Any) -> pb.GenerateSupportDataResponse:
            files, error = results.value_and_error(result, hook.value, results.as_file_data_list, "a list of FileData")
            return pb.GenerateSupportDataResponse(
                files=[f.to_proto() for f in files], error=self._error_message(hook, error)
            )

        return await self._respond(hook, pb.GenerateSupportDataResponse, build, context_of(request))

    async def ExecuteCommand(self, request: pb.ExecuteCommandRequest, context: Context) -> pb.ExecuteCommandResponse:
        def build(result: Any) -> pb.ExecuteCommandResponse:
            return pb.ExecuteCommandResponse(response=results.command_response(result))

        args = (context_of(request), CommandArgs.from_proto(request.args))
        return await self._respond(HookName.ExecuteCommand, pb.ExecuteCommandResponse, build, *args)
