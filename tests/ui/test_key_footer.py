"""The one-widget footer: what it shows, how it follows the bindings, and how it answers the mouse."""

from __future__ import annotations

from observe import screen_lines
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from intervisie_tui.ui.widgets.key_footer import KeyFooter


class FooterApp(App):
    BINDINGS = [
        Binding("a", "count('a')", "Add", tooltip="Add one"),
        Binding("b", "count('b')", "Blocked"),
        Binding("x", "count('x')", "Second key of add", show=False),
        Binding("c", "count('c')", "Add again"),
    ]

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__()
        self.pressed: list[str] = []
        self.blocked = True
        self.bells = 0
        self._compact = compact

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeyFooter(compact=self._compact)

    def action_count(self, name: str) -> None:
        self.pressed.append(name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if parameters == ("b",) and self.blocked:
            return None  # shown, dimmed: the footer's disabled state
        return True

    def bell(self) -> None:
        self.bells += 1


def footer_line(app: App) -> str:
    return screen_lines(app.screen)[-1]


async def test_it_shows_each_key_with_its_label_and_the_palette_on_the_right():
    app = FooterApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert [entry.key for entry in footer.entries()] == ["a", "b", "c"]  # x is hidden (show=False)
        line = footer_line(app)
        assert line.startswith(" a Add  b Blocked  c Add again ")
        assert line.endswith("▏^p palette ")  # as Textual draws it: compact, one space from the edge
        assert len(line) == 80
        assert not footer.children  # one widget: nothing mounted per key


async def test_compact_keys_drop_the_padding():
    app = FooterApp(compact=True)
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        assert footer_line(app).startswith("a Add b Blocked c Add again ")


async def test_a_change_of_the_bindings_repaints_it_without_mounting_anything():
    app = FooterApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert [entry.enabled for entry in footer.entries()] == [True, False, True]
        app.blocked = False
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert [entry.enabled for entry in footer.entries()] == [True, True, True]
        assert not footer.children


async def test_a_click_presses_the_key_and_a_disabled_key_rings_the_bell():
    app = FooterApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        line = footer_line(app)
        await pilot.click(KeyFooter, offset=(line.index("Add again"), 0))
        await pilot.click(KeyFooter, offset=(line.index("Blocked"), 0))
        await pilot.click(KeyFooter, offset=(line.index("Add  b") - 2, 0))  # the key itself, not only its label
        await pilot.click(KeyFooter, offset=(60, 0))  # between the keys and the palette: nothing
        await pilot.pause()
        assert app.pressed == ["c", "a"]
        assert app.bells == 1


async def test_the_key_under_the_mouse_is_lit_and_its_tooltip_shown():
    app = FooterApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        await pilot.hover(KeyFooter, offset=(2, 0))
        await pilot.pause()
        assert footer._hover == "a"
        assert footer.tooltip == "Add one"
        await pilot.hover(KeyFooter, offset=(footer_line(app).index("Add again"), 0))
        await pilot.pause()
        assert footer._hover == "c"
        assert footer.tooltip is None  # no tooltip of its own
        await pilot.hover(Static)
        await pilot.pause()
        assert footer._hover is None


async def test_without_the_palette_key_nothing_is_drawn_on_the_right():
    app = FooterApp()
    async with app.run_test(size=(80, 5)) as pilot:
        footer = app.query_one(KeyFooter)
        footer.show_command_palette = False
        await pilot.pause()
        assert "palette" not in footer_line(app)
        assert footer.palette_entry() is None


async def test_when_the_keys_fill_the_line_the_palette_key_makes_way():
    app = FooterApp()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        line = footer_line(app)
        assert "Add again" in line
        assert "▏" not in line and "palette" not in line  # not half drawn over the keys
        await pilot.resize_terminal(80, 5)
        await pilot.pause()
        assert footer_line(app).endswith("▏^p palette ")


class HostileLabelsApp(FooterApp):
    BINDINGS = [
        Binding("d", "count('d')", "[bold red]Do[/] $x"),  # markup is text here, never obeyed
        Binding("a", "count('a')", "飲み物 🍵"),  # wide characters: two cells each
    ]


async def test_labels_are_shown_as_written_and_wide_characters_keep_the_palette_flush_right():
    from rich.cells import cell_len

    app = HostileLabelsApp()
    async with app.run_test(size=(90, 5)) as pilot:
        await pilot.pause()
        line = footer_line(app).rstrip("\n")
        assert "[bold red]Do[/] $x" in line
        assert "飲み物 🍵" in line
        assert line.endswith("▏^p palette ")
        assert cell_len(line) == 90
        end_of_c = cell_len(line[: line.index("Add again") + len("Add again")]) - 1
        await pilot.click(KeyFooter, offset=(end_of_c, 0))  # after the wide characters
        await pilot.pause()
        assert app.pressed == ["c"]  # the mouse finds the key by cells, not characters


async def test_a_footer_removed_no_longer_follows_the_bindings():
    app = FooterApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        signal = app.screen.bindings_updated_signal
        assert footer in signal._subscriptions
        await footer.remove()
        assert footer not in signal._subscriptions


class TextualFooterApp(FooterApp):
    """The same keys in Textual's own Footer: what ours should look like."""

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield Footer()


def cell_styles(app: App, *texts: str) -> list[tuple]:
    """How the first cell of each text on the footer's line (the screen's bottom row) is drawn."""
    line = footer_line(app)
    row = app.screen.size.height - 1
    styles = [app.screen.get_style_at(line.index(text), row) for text in texts]
    return [(style.color, style.bgcolor, bool(style.bold)) for style in styles]


async def test_keys_labels_a_disabled_key_and_the_key_under_the_mouse_look_as_in_textuals_footer():
    looks = {}
    for kind in (FooterApp, TextualFooterApp):
        app = kind()
        async with app.run_test(size=(80, 5)) as pilot:
            await pilot.pause()
            resting = cell_styles(app, "a Add", "Add", "b Blocked", "Blocked")
            footer = KeyFooter if kind is FooterApp else Footer
            await pilot.hover(footer, offset=(footer_line(app).index("a Add"), 0))
            await pilot.pause()
            lit = cell_styles(app, "a Add", "Add")
            app.theme = "textual-light"  # a theme chosen while it runs: the footer follows
            await pilot.pause()
            light = cell_styles(app, "a Add", "Add")
            looks[kind] = resting, lit, light
    ours, textuals = looks[FooterApp], looks[TextualFooterApp]
    assert ours == textuals
    (key, label, disabled_key, disabled_label), (lit_key, lit_label), (light_key, _) = ours
    assert light_key != lit_key
    color, background, bold = range(3)
    assert key[bold] and not label[bold] and key[color] != label[color]
    # A disabled key is dimmed: Textual blends its colours rather than setting "dim".
    assert disabled_key[color] != key[color] and disabled_label[color] != label[color]
    assert lit_key[background] != key[background] and lit_label[background] == lit_key[background]
