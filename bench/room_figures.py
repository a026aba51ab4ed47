"""How large the room's view draws its clocks, and what fits on the smallest screen.

    python bench/room_figures.py [--size 200x50] [--small 80x24] [--lang nl] [--theme intervisie-dark]

Runs the app headless on a fake clock through an Incidentmethode session into its
information round (time per turn) and prints, at the large size, how many rows the
phase's countdown and the turn's countdown take on screen, and at the small size whether
phase, step, clock, turn and the first question are all in view. Figures only; nothing is
asserted (the tests assert the minimums).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def ink_rows(widget) -> int:
    """Rows of the widget's region that hold any ink (block characters or Digits' strokes)."""
    region = widget.region
    if not region.height or not widget.display:
        return 0
    strips = widget.screen._compositor.render_strips()
    rows = 0
    for y in range(region.y, region.bottom):
        line = strips[y].text[region.x : region.right] if y < len(strips) else ""
        rows += bool(line.strip())
    return rows


async def measure(lang: str, theme: str, large: tuple[int, int], small: tuple[int, int]) -> list[str]:
    from intervisie_tui.core.clock import FakeClock
    from intervisie_tui.core.library import load_library
    from intervisie_tui.core.plan import SessionPlan
    from intervisie_tui.i18n import t
    from intervisie_tui.settings import Settings
    from intervisie_tui.ui.app import IntervisieApp

    library = load_library(None, entry_points=())
    method = library.get("incident")
    timed = next(index for index, phase in enumerate(method.phases) if phase.turn_seconds)
    plan = SessionPlan.create(
        method, ["Anna", "Bram", "Cem", "Dewi"], inbrenger="Bram", budget_minutes=90, language=lang
    )  # type: ignore[arg-type]
    clock = FakeClock()
    app = IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings(theme=theme, bell=False))
    out = []
    async with app.run_test(size=large) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        await pilot.press("space", *(["n"] * timed))
        clock.advance(20)
        screen.refresh_view()
        app.clear_notifications()
        await pilot.pause()
        main = ink_rows(screen.query_one("#countdown"))
        turn = ink_rows(screen.query_one("#turn-countdown"))
        out.append(
            f"{large[0]}x{large[1]} {lang} {theme}: phase '{method.phases[timed].title(lang)}', "
            f"main countdown {main} rows, turn countdown {turn} rows"
        )
        await pilot.resize_terminal(*small)
        await pilot.pause()
        screen.refresh_view()
        await pilot.pause()
        text = "\n".join(strip.text for strip in screen._compositor.render_strips())
        room = screen.room
        wanted = {
            "phase": room.header.phase,
            "step": t("run.step", lang, number=room.header.step, total=room.header.steps),
            "turn": room.turn.speaker or room.turn.headline,
            "first question": room.questions[0][:30] if room.questions else "",
        }
        seen = {name: bool(part) and part in text for name, part in wanted.items()}
        # The clock is drawn, not written: its digits on screen, inside it, showing the value.
        countdown = screen.query_one("#countdown")
        inside = countdown.region.bottom <= small[1] and countdown.region.right <= small[0]
        seen["clock"] = inside and ink_rows(countdown) >= 3 and countdown.value == room.clock.value
        seen["turn clock"] = ink_rows(screen.query_one("#turn-countdown")) >= 3
        out.append(
            f"{small[0]}x{small[1]} {lang} {theme}: "
            + ", ".join(f"{name} {'visible' if ok else 'MISSING'}" for name, ok in seen.items())
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="200x50")
    parser.add_argument("--small", default="80x24")
    parser.add_argument("--lang", choices=("nl", "en"), default=None, help="one language (default: both)")
    parser.add_argument("--theme", default="intervisie-dark")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("CONFIG", "DATA", "CACHE"):
            os.environ[f"INTERVISIE_{name}_DIR"] = str(Path(tmp) / name.lower())
        for lang in (args.lang,) if args.lang else ("nl", "en"):
            for line in asyncio.run(measure(lang, args.theme, _size(args.size), _size(args.small))):
                print(line)


if __name__ == "__main__":
    main()
