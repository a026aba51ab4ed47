"""The Textual screens: thin, they show session state and turn keys into engine actions."""
