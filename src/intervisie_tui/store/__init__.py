"""Storage: sessions, journals and settings on disk. Knows pydantic and files, never Textual."""
