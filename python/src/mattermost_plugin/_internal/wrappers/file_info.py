"""``FileInfo`` (an uploaded file's metadata, as model.FileInfo) and ``FileData`` (a named blob)."""

from __future__ import annotations

from dataclasses import dataclass

from ..._gen.polyplug.v1 import file_info_pb2
from ._convert import from_message, to_message, wraps


@wraps(file_info_pb2.FileInfo)
@dataclass
class FileInfo:
    """A file's metadata; the bytes themselves are always streamed, never part of this object."""

    id: str = ""
    user_id: str = ""  # the uploader (Mattermost's CreatorId, serialized as "user_id")
    post_id: str = ""
    channel_id: str = ""
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    name: str = ""
    extension: str = ""
    size: int = 0
    mime_type: str = ""
    width: int = 0
    height: int = 0
    has_preview_image: bool = False
    mini_preview: bytes = b""
    remote_id: str = ""
    archived: bool = False

    @classmethod
    def from_proto(cls, message: file_info_pb2.FileInfo) -> FileInfo:
        """The wrapper for a wire ``FileInfo``."""
        return from_message(cls, message)

    def to_proto(self) -> file_info_pb2.FileInfo:
        """The wire ``FileInfo`` for this wrapper."""
        return to_message(self, file_info_pb2.FileInfo)


@wraps(file_info_pb2.FileData)
@dataclass
class FileData:
    """A named file a plugin contributes, e.g. to a support packet (``GenerateSupportData``)."""

    filename: str = ""
    body: bytes = b""

    @classmethod
    def from_proto(cls, message: file_info_pb2.FileData) -> FileData:
        """The wrapper for a wire ``FileData``."""
        return from_message(cls, message)

    def to_proto(self) -> file_info_pb2.FileData:
        """The wire ``FileData`` for this wrapper."""
        return to_message(self, file_info_pb2.FileData)
