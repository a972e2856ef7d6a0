"""``User``: a Mattermost account, as model.User (secrets never travel)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..._gen.polyplug.v1 import user_pb2
from ._convert import from_message, to_message, wraps


@wraps(user_pb2.User)
@dataclass
class User:
    """A user as the host returns it; there is no password hash or MFA secret on the wire."""

    id: str = ""
    create_at: int = 0
    update_at: int = 0
    delete_at: int = 0
    username: str = ""
    auth_service: str = ""
    email: str = ""
    email_verified: bool = False
    nickname: str = ""
    first_name: str = ""
    last_name: str = ""
    position: str = ""
    roles: str = ""
    props: dict[str, str] = field(default_factory=dict)
    notify_props: dict[str, str] = field(default_factory=dict)
    last_password_update: int = 0
    last_picture_update: int = 0
    failed_attempts: int = 0
    locale: str = ""
    timezone: dict[str, str] = field(default_factory=dict)
    mfa_active: bool = False
    remote_id: str = ""
    last_activity_at: int = 0
    is_bot: bool = False
    bot_description: str = ""
    bot_last_icon_update: int = 0
    terms_of_service_id: str = ""
    terms_of_service_create_at: int = 0
    disable_welcome_email: bool = False
    last_login: int = 0
    auth_data: str | None = None

    @classmethod
    def from_proto(cls, message: user_pb2.User) -> User:
        """The wrapper for a wire ``User``."""
        return from_message(cls, message)

    def to_proto(self) -> user_pb2.User:
        """The wire ``User`` for this wrapper."""
        return to_message(self, user_pb2.User)
