"""The pure core: methods, the session plan, the engine, the clock and statistics.

Nothing in this package imports Textual or writes files; a test proves it.
"""
