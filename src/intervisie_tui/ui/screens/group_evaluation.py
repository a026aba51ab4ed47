"""The closing evaluation of a series, from the groups screen (as `intervisie groups evaluate`):
goals against results, what helped and hindered, safety in the group, the methods. Saved with
the group; it goes into the series report only, never into a report for a register."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from ...core.groups import Group, SeriesEvaluation
from ...reports.series import EVALUATION_FIELDS
from ..dialogs.confirm import ConfirmScreen
from ..dialogs.group_members import save_group
from ..keys import bindings_for
from ..language import FollowsLanguage
from ..widgets.key_footer import KeyFooter
from .base import IntervisieScreen


class EvaluationScreen(FollowsLanguage, IntervisieScreen[bool]):
    """Dismisses True when saved."""

    KEY_SCOPE = "group-form"  # its keys: the registry's (ui/keys.py)
    DEFAULT_CSS = """
    EvaluationScreen #evaluation-title { text-style: bold; color: $accent; padding: 0 1; }
    EvaluationScreen #evaluation-hint { color: $text-muted; padding: 0 1; }
    EvaluationScreen #evaluation-body { height: 1fr; padding: 0 1; }
    EvaluationScreen .evaluation-question { text-style: bold; margin-top: 1; }
    EvaluationScreen TextArea { height: 4; background: $boost; }
    EvaluationScreen TextArea:focus { background: $surface-lighten-1; }
    EvaluationScreen #evaluation-problem { color: $error; height: auto; padding: 0 1; }
    """
    BINDINGS = bindings_for("group-form")

    def __init__(self, group: Group) -> None:
        super().__init__()
        self.group = group
        self.started = group.evaluation or SeriesEvaluation()

    def compose(self) -> ComposeResult:
        yield Static(id="evaluation-title")
        yield Static(id="evaluation-hint")
        with VerticalScroll(id="evaluation-body"):
            for field in EVALUATION_FIELDS:
                yield Static(id=f"question-{field}", classes="evaluation-question")
                yield TextArea(getattr(self.started, field), id=f"answer-{field}", soft_wrap=True, compact=True)
        yield Static("", id="evaluation-problem")
        yield KeyFooter(show_command_palette=False)  # ctrl+p is on the help screen; 80 columns need the room

    def on_mount(self) -> None:
        self.refresh_language()
        self.query_one(f"#answer-{EVALUATION_FIELDS[0]}", TextArea).focus()

    def refresh_language(self) -> None:
        t = self.app.t
        self.query_one("#evaluation-title", Static).update(Text(t("groups.evaluation.title", name=self.group.name)))
        self.query_one("#evaluation-hint", Static).update(t("groups.evaluation.hint"))
        for field in EVALUATION_FIELDS:
            question = Text(t(f"series.field.{field}") + ": ", style="bold")
            question.append(t(f"series.prompt.{field}"), style="not bold")
            self.query_one(f"#question-{field}", Static).update(question)

    def _answers(self) -> SeriesEvaluation:
        return SeriesEvaluation(
            **{field: self.query_one(f"#answer-{field}", TextArea).text.strip() for field in EVALUATION_FIELDS}
        )

    @property
    def changed(self) -> bool:
        return self._answers() != SeriesEvaluation(**{f: getattr(self.started, f).strip() for f in EVALUATION_FIELDS})

    def action_save(self) -> None:
        group = self.group.model_copy(deep=True)
        group.evaluation = self._answers()
        problem = save_group(self.app, group)
        if problem:
            self.query_one("#evaluation-problem", Static).update(Text(problem))
            return
        self.notify(self.app.t("groups.cli.saved", name=group.name))
        self.dismiss(True)

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(False)
            return
        t = self.app.t

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(
            ConfirmScreen(
                t("groups.form.discard_question"),
                t("groups.form.discard_yes"),
                t("groups.form.discard_no"),
                danger=True,
            ),
            answered,
        )
