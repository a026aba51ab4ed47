"""The app's dialogs: every modal screen, one per file. Each dismisses with its answer."""
