"""Internals of the SDK. Nothing here is public API except the re-exports in ``wrappers``."""
