"""The room's display in a browser (`intervisie display --web`), through the optional `[web]` extra."""

from .launch import serve_display

__all__ = ["serve_display"]
