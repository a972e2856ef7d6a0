"""The AppError messages the test kit's fakes answer with, as the host would."""

from __future__ import annotations

from .._gen.polyplug.v1.app_error_pb2 import AppError


def app_error(error_id: str, status: int, message: str, where: str) -> AppError:
    """A wire AppError (the fake answers at the wire level, so clients raise the real exceptions)."""
    return AppError(id=error_id, status_code=status, message=message, where=where)
