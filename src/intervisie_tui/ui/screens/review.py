"""The review: every saved session in a table, searchable and sortable, with a detail view,
the inbrenger's reflection, export, and a trash to delete into and restore from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from ...store.errors import StoreError
from ...store.summary import minutes_label
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..plain import plain, shown
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen

if TYPE_CHECKING:
    from ...store.document import SessionDocument
    from ...store.summary import SessionSummary

# The list's first frame needs only the table: what opening a session, exporting or deleting
# shows (Markdown, dialogs, the document model) is imported when it is first used.

SORTS = ("date", "method", "inbrenger", "duration")
LISTED_IN_QUESTION = 8  # sessions named in a question about deleting; the rest are counted
PROBLEMS_SHOWN = 3
# A DataTable measures every cell it is given: the first screenful (as many rows as the
# terminal has lines, at most FIRST_ROWS) goes in at once, the rest in chunks after the first
# frame, so 10,000 sessions show without waiting.
FIRST_ROWS = 150
ROWS_PER_CHUNK = 400


def sort_key(order: str):
    if order == "method":
        return lambda summary: (summary.method_id, -summary.when.timestamp())
    if order == "inbrenger":
        return lambda summary: ((summary.inbrenger or "").casefold(), -summary.when.timestamp())
    if order == "duration":
        return lambda summary: -summary.running_seconds
    return lambda summary: -summary.when.timestamp()


def export_folder() -> Path:
    """Exports go to the user's home folder unless they type another path."""
    home = Path.home()
    return home if home.is_dir() else Path.cwd()


class ReviewScreen(FollowsLanguage, IntervisieScreen):
    DEFAULT_CSS = """
    ReviewScreen { layout: vertical; }
    ReviewScreen #review-title { text-style: bold; color: $accent; padding: 0 1; }
    ReviewScreen #review-search { margin: 0 1; }
    ReviewScreen #review-status { color: $text-muted; padding: 0 1; }
    ReviewScreen #review-problems { color: $warning; padding: 0 1; }
    ReviewScreen #review-problems.-empty { display: none; }
    ReviewScreen DataTable { height: 1fr; }
    """
    KEY_SCOPE = "review"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("review")

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[SessionSummary] = []
        self.shown: list[SessionSummary] = []
        self.order = "date"
        self.method_filter: str | None = None
        self.search_text = ""
        # The last search's answer: (query, paths of the sessions that match). A search runs in a
        # worker thread; a new key press cancels the one before, and only the newest answer shows.
        self._found: tuple[str, set[Path]] | None = None
        self.showing_trash = False
        self._fill_generation = 0
        self._rows_waiting: list[SessionSummary] = []
        self._cursor_wanted: int | None = None
        self._suspended = False
        self._complete = True  # False while only the first screenful (from the index) is listed

    @property
    def store(self):
        return self.app.store

    def compose(self) -> ComposeResult:
        yield Static(id="review-title")
        yield Input(id="review-search")
        yield Static(id="review-status")
        yield Static(id="review-problems", classes="-empty")
        yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        # ctrl+p is on the help screen; the keys need the width. Built once before the first frame.
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        # The first screenful straight from the index, every row checked against its file; the
        # whole folder (new files, problems, the rest of the rows) is compared after that frame.
        first = self.store.newest_sessions(self.first_rows())
        if not first:
            self.reload()
            return
        self.summaries = first
        self._complete = False
        self.refresh_language()
        self.call_after_refresh(self._list_the_rest)

    def _list_the_rest(self) -> None:
        """The whole folder, compared: the rows already shown stay where they are when they are
        the newest still (the cursor with them), and the rest follow in chunks."""
        if not self.is_attached or self._complete:
            return
        if self.search_text.strip():  # typed meanwhile: searched again over every session
            self.reload()
            return
        first = self.shown
        self.summaries = self.store.list_sessions()
        self._complete = True
        shown = self.visible_summaries()
        table = self.query_one(DataTable)
        if [summary.id for summary in shown[: len(first)]] != [summary.id for summary in first] or (
            table.row_count != len(first)
        ):
            self.refresh_language()  # another first screenful: the table anew
            return
        self.shown = shown
        self._fill_generation += 1
        self._rows_waiting = shown[len(first) :]
        if self._rows_waiting:
            self.call_after_refresh(self._add_more_rows, self._fill_generation)
        self.query_one("#review-status", Static).update(plain(self.status_line()))
        self._show_problems()

    # -- data -------------------------------------------------------------------------------

    def reload(self) -> None:
        store = self.store
        self.summaries = store.list_trash() if self.showing_trash else store.list_sessions()
        self._complete = True
        if self.search_text.strip():
            self._found = None  # other sessions now: search them again
            self.start_search()
        self.refresh_language()

    def visible_summaries(self) -> list[SessionSummary]:
        rows = self.summaries
        if self.method_filter:
            rows = [summary for summary in rows if summary.method_id == self.method_filter]
        if self.search_text.strip() and self._found is not None:
            paths = self._found[1]  # until the newest answer comes, the last one stays shown
            rows = [summary for summary in rows if summary.path in paths]
        return sorted(rows, key=sort_key(self.order))

    def start_search(self) -> None:
        """Search in a worker thread (the index is SQLite, the trash is read from its files)."""
        query = self.search_text
        if not query.strip():
            self._found = None
            self.fill_table()
            return
        store, summaries = self.store, list(self.summaries)

        def search() -> None:
            worker = get_current_worker()
            found = {summary.path for summary in store.search(query, summaries)}
            if not worker.is_cancelled:
                self.app.call_from_thread(self._searched, query, found)

        self.run_worker(search, thread=True, exclusive=True, group="search", exit_on_error=False)

    def _searched(self, query: str, found: set[Path]) -> None:
        if query != self.search_text or not self.is_attached:
            return  # an answer to an older query
        self._found = (query, found)
        self.fill_table()

    def refresh_language(self) -> None:
        t = self.app.t
        title = t("review.title_trash") if self.showing_trash else t("review.title")
        self.query_one("#review-title", Static).update(title)
        self.query_one("#review-search", Input).placeholder = t("review.search_placeholder")
        self.fill_table()
        self._show_problems()
        self.refresh_bindings()

    def _show_problems(self) -> None:
        t = self.app.t
        problems = self.store.problems if not self.showing_trash else []
        box = self.query_one("#review-problems", Static)
        if problems:
            lines = [t("review.problems", count=len(problems))]
            lines += [f"  {path.name}: {reason.render(self.app.lang)}" for path, reason in problems[:PROBLEMS_SHOWN]]
            if len(problems) > PROBLEMS_SHOWN:
                lines.append("  …")
            box.update(plain("\n".join(lines)))  # file names and reasons: never markup
        else:
            box.update("")
        box.set_class(not problems, "-empty")

    def fill_table(self) -> None:
        t = self.app.t
        table = self.query_one(DataTable)
        selected = self.selected_id()
        table.clear(columns=True)
        for key in ("date", "method", "inbrenger", "participants", "case", "duration"):
            table.add_column(t(f"review.list.{key}"), key=key)
        self.shown = self.visible_summaries()
        self._fill_generation += 1
        self._cursor_wanted = None
        if selected is not None:
            self._cursor_wanted = next((row for row, s in enumerate(self.shown) if s.id == selected), None)
        first = self.first_rows()
        table.add_rows(self._rows(self.shown[:first]))
        self._rows_waiting = self.shown[first:]
        self._place_cursor()
        if self._rows_waiting:  # after the frame is painted (a timer could fire before it)
            self.call_after_refresh(self._add_more_rows, self._fill_generation)
        self.query_one("#review-status", Static).update(plain(self.status_line()))

    def first_rows(self) -> int:
        """Rows that go in before the first frame: as many as the terminal has lines."""
        return min(FIRST_ROWS, max(self.app.size.height, 1))

    def _rows(self, summaries: list[SessionSummary]) -> list[tuple[Text, ...]]:
        lang = self.app.lang
        unit = self.app.t("word.minutes")
        return [
            (
                Text(f"{summary.when:%Y-%m-%d %H:%M}"),
                Text(shown(summary.method_label(lang), lines=False)),
                Text(shown(summary.inbrenger or "-", lines=False)),
                Text(shown(", ".join(summary.participants), lines=False)),
                Text(shown(summary.case_title or "-", lines=False)),
                Text(f"{minutes_label(summary.running_seconds)} {unit}"),
            )
            for summary in summaries
        ]

    def _add_more_rows(self, generation: int) -> None:
        if generation != self._fill_generation or not self.is_attached:
            return  # the table was filled again meanwhile (search, sort)
        chunk, self._rows_waiting = self._rows_waiting[:ROWS_PER_CHUNK], self._rows_waiting[ROWS_PER_CHUNK:]
        self.query_one(DataTable).add_rows(self._rows(chunk))
        self._place_cursor()
        if self._rows_waiting:  # each chunk painted before the next: keys are answered between them
            self.call_after_refresh(self._add_more_rows, generation)

    def _place_cursor(self) -> None:
        table = self.query_one(DataTable)
        if self._cursor_wanted is not None and self._cursor_wanted < table.row_count:
            table.move_cursor(row=self._cursor_wanted)
            self._cursor_wanted = None

    def status_line(self) -> str:
        t = self.app.t
        if not self._complete:
            return t("review.listing")
        parts = [t("review.count", shown=len(self.shown), total=len(self.summaries))]
        parts.append(t("review.sorted_by", order=t(f"review.sort.{self.order}")))
        if self.method_filter:
            parts.append(t("review.filtered", method=self.method_filter_label()))
        if not self.summaries:
            parts = [t("review.empty_trash") if self.showing_trash else t("review.empty")]
        return " · ".join(parts)

    def method_filter_label(self) -> str:
        """The filtered method's name in the current language (its id only if no session has it)."""
        summary = next((s for s in self.summaries if s.method_id == self.method_filter), None)
        return summary.method_label(self.app.lang) if summary else str(self.method_filter)

    def selected(self) -> SessionSummary | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        if not self.shown or row is None or not 0 <= row < len(self.shown):
            return None
        return self.shown[row]

    def selected_id(self) -> str | None:
        if not self.shown:
            return None
        summary = self.selected()
        return summary.id if summary else None

    # -- events -----------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        self.search_text = event.value
        self.start_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("restore", "empty_trash"):
            return self.showing_trash
        if action in ("delete", "export", "sort", "filter") and self.showing_trash:
            return action in ("sort", "filter")
        return True

    # -- actions ----------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#review-search", Input).focus()

    def action_sort(self) -> None:
        self.order = SORTS[(SORTS.index(self.order) + 1) % len(SORTS)]
        self.fill_table()

    def action_filter(self) -> None:
        methods = sorted({summary.method_id for summary in self.summaries})
        choices: list[str | None] = [None, *methods]
        position = choices.index(self.method_filter) if self.method_filter in choices else 0
        self.method_filter = choices[(position + 1) % len(choices)]
        self.fill_table()

    def _load_selected(self) -> SessionDocument | None:
        summary = self.selected()
        if summary is None:
            return None
        try:
            return self.store.load_path(summary.path)
        except StoreError as error:
            self.app.notify(error.message.render(self.app.lang), severity="error", timeout=15)
            return None

    def action_open(self) -> None:
        if self.showing_trash:
            return
        document = self._load_selected()
        summary = self.selected()
        if document is not None and summary is not None:
            self.app.push_screen(SessionDetailScreen(document, summary.path))

    def action_export(self, anonymize: bool) -> None:
        document = self._load_selected()
        if document is not None:
            start_export(self, document, anonymize)

    def action_delete(self) -> None:
        summary = self.selected()
        if summary is None or self.showing_trash:
            return
        t = self.app.t
        question = t(
            "review.delete.question",
            date=f"{summary.when:%Y-%m-%d}",
            case=summary.case_title or summary.method_label(self.app.lang),
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.trash(summary.path)
            except StoreError as error:
                self.app.notify(error.message.render(self.app.lang), severity="error", timeout=15)
                return
            self.app.notify(t("review.delete.done"))
            self.reload()

        self._ask(question, "review.delete.confirm", answered)

    def action_delete_permanently(self) -> None:
        """Delete the selected session for good (from the list or the trash), after a question
        that names the session and everything that goes with it."""
        summary = self.selected()
        if summary is None:
            return
        t = self.app.t
        files = self.store.deletion_files(summary)
        question = t(
            "review.delete_permanently.question", session=describe(summary, self.app.lang, t), files=len(files)
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.delete_permanently(summary)
            except StoreError as error:
                self.app.notify(error.message.render(self.app.lang), severity="error", timeout=15)
                return
            self.app.notify(t("review.delete_permanently.done"))
            self.reload()

        self._ask(question, "review.delete_permanently.confirm", answered)

    def action_empty_trash(self) -> None:
        if not self.showing_trash:
            return
        t = self.app.t
        sessions = self.store.list_trash()
        unreadable = self.store.trash_unreadable()
        if not sessions and not unreadable:
            self.app.notify(t("review.empty_trash"))
            return
        lines = [describe(summary, self.app.lang, t) for summary in sessions[:LISTED_IN_QUESTION]]
        lines += [t("review.empty_trash.unreadable", name=path.name) for path in unreadable[:LISTED_IN_QUESTION]]
        hidden = len(sessions) + len(unreadable) - len(lines)
        if hidden > 0:
            lines.append(t("review.empty_trash.more", count=hidden))
        question = t(
            "review.empty_trash.question",
            count=len(sessions) + len(unreadable),
            sessions="\n".join(f"  {line}" for line in lines),
        )

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.store.empty_trash()
            except StoreError as error:
                self.app.notify(error.message.render(self.app.lang), severity="error", timeout=15)
                return
            self.app.notify(t("review.empty_trash.done", count=len(sessions) + len(unreadable)))
            self.reload()

        self._ask(question, "review.empty_trash.confirm", answered)

    def _ask(self, question: str, confirm_key: str, answered: Callable[[bool | None], None]) -> None:
        """A question about deleting, its dangerous answer named by `confirm_key`."""
        from ..dialogs.confirm import ConfirmScreen

        t = self.app.t
        self.app.push_screen(ConfirmScreen(question, t(confirm_key), t("review.delete.cancel"), danger=True), answered)

    def action_toggle_trash(self) -> None:
        self.showing_trash = not self.showing_trash
        self.method_filter = None
        self.reload()
        self.refresh_bindings()

    def action_restore(self) -> None:
        summary = self.selected()
        if summary is None or not self.showing_trash:
            return
        try:
            self.store.restore(summary.path)
        except StoreError as error:
            self.app.notify(error.message.render(self.app.lang), severity="error", timeout=15)
            return
        self.app.notify(self.app.t("review.restored"))
        self.reload()

    def action_back(self) -> None:
        if self.focused is self.query_one("#review-search", Input) and self.search_text:
            self.query_one("#review-search", Input).value = ""
            self.query_one(DataTable).focus()
            return
        if self.showing_trash:
            self.action_toggle_trash()
            return
        if len(self.app.screen_stack) > 1:
            self.app.back_home()  # over the home screen, or the empty base `intervisie notes` opens on
        else:
            self.app.exit()

    def on_screen_suspend(self) -> None:
        self._suspended = True

    def on_screen_resume(self) -> None:
        if self._suspended:  # back from the detail view: a reflection may have changed
            self._suspended = False
            self.reload()


def describe(summary: SessionSummary, lang: str, t) -> str:
    """A session in one line, for a question about deleting it: date, case or method, people."""
    case = summary.case_title or summary.method_label(lang)
    return t("review.session_line", date=f"{summary.when:%Y-%m-%d}", case=case, people=", ".join(summary.participants))


def start_export(screen: IntervisieScreen[Any], document: SessionDocument, anonymize: bool) -> None:
    from ...store.sessions import default_export_name
    from ..dialogs.export import ExportScreen, export_asking_first

    app = screen.app
    suggestion = export_folder() / default_export_name(document, "md")

    def chosen(target: Path | None) -> None:
        if target is not None:
            fmt = "json" if target.suffix.lower() == ".json" else "md"  # the JSON version, anonymised the same way
            export_asking_first(app, document, target, fmt=fmt, anonymize=anonymize, done_key="review.export.done")

    app.push_screen(ExportScreen(suggestion, anonymize), chosen)


class SessionDetailScreen(FollowsLanguage, IntervisieScreen):
    """One session in full: the phase timeline (planned, actual, overtime), speaking time as
    labelled bars, the notes per phase, advice, action points, evaluation and reflection."""

    DEFAULT_CSS = """
    SessionDetailScreen VerticalScroll { height: 1fr; padding: 0 1; }
    """
    KEY_SCOPE = "session-detail"  # its keys: the registry's (ui/keys.py)
    BINDINGS = bindings_for("session-detail")

    def __init__(self, document: SessionDocument, path: Path | None, *, read_only: bool = False) -> None:
        super().__init__()
        self.document = document
        self.path = path  # edits go back to exactly this file, even if another holds the same id
        # A session open in another instance is shown as it stands, never written from here.
        self.read_only = read_only or path is None

    def compose(self) -> ComposeResult:
        from textual.containers import VerticalScroll
        from textual.widgets import Markdown

        with VerticalScroll(id="detail-scroll"):
            yield Markdown(id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one("#detail-scroll").focus()

    def refresh_language(self) -> None:
        store = self.app.store
        assert store is not None  # a session is shown only from the store that listed it
        text = store.export_markdown(self.document, lang=self.app.lang)
        if self.read_only:
            text = f"_{self.app.t('review.read_only')}_\n\n{text}"
        from textual.widgets import Markdown

        self.query_one("#detail", Markdown).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "reflect" and self.read_only)

    def action_reflect(self) -> None:
        store, path = self.app.store, self.path
        if self.read_only or path is None or store is None:
            return

        def written(text: str | None) -> None:
            if text is None:
                return
            try:
                self.document = store.save_reflection(self.document, text, path)
            except StoreError as error:
                self.app.notify(error.message.render(self.app.lang), severity="error", timeout=15)
                return
            self.app.notify(self.app.t("review.reflection.saved"))
            self.refresh_language()

        from ..dialogs.reflection import ReflectionScreen

        self.app.push_screen(ReflectionScreen(self.document.notes.reflection), written)

    def action_export(self, anonymize: bool) -> None:
        start_export(self, self.document, anonymize)

    def action_back(self) -> None:
        self.app.pop_screen()
