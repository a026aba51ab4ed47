"""A tiny Textual app standing in for the real display in the browser test: a countdown in big digits.

Amber digits on dark blue, colours the test looks for in the browser's screenshot.
"""

from textual.app import App, ComposeResult
from textual.widgets import Digits, Label

DIGIT_COLOUR = "#ffcc00"
BACKGROUND = "#000030"


class Countdown(App):
    CSS = f"""
    Screen {{ background: {BACKGROUND}; align: center middle; }}
    Digits {{ color: {DIGIT_COLOUR}; width: auto; text-style: bold; }}
    Label {{ color: {DIGIT_COLOUR}; }}
    """

    def compose(self) -> ComposeResult:
        yield Label("countdown")
        yield Digits("04:59")


if __name__ == "__main__":
    Countdown().run()
