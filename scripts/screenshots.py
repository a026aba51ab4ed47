"""Render the documentation images (docs/run-screen-*.svg, docs/projector-*.svg) with the app's own SVG export.

    python scripts/screenshots.py [--out docs]

Uses a fake clock and throw-away config and data folders, so the images are the same on
every machine and nothing of the user's own settings or sessions can appear in them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

# (file stem, language, theme, size, keys, seconds after the keys, title)
SHOTS = [
    (
        "run-screen-round-nl",
        "nl",
        "intervisie-dark",
        (160, 45),
        ("space", "n", "n", "n", "t"),
        42,
        "Informatieronde met beurttijd",
    ),
    ("run-screen-last-minute-en", "en", "intervisie-dark", (160, 45), ("space", "right"), 9 * 60 + 23, "Last minute"),
    (
        "run-screen-overtime-nl-80x24",
        "nl",
        "intervisie-dark",
        (80, 24),
        ("space", "right"),
        12 * 60 + 13,
        "Tijd is om (80x24)",
    ),
    (
        "run-screen-high-contrast-en",
        "en",
        "intervisie-high-contrast",
        (160, 45),
        ("space", "n", "n", "n"),
        75,
        "High contrast",
    ),
    (
        "run-screen-light-nl",
        "nl",
        "intervisie-light",
        (160, 45),
        ("space", "right", "space"),
        200,
        "Licht thema, gepauzeerd",
    ),
    (
        "run-screen-facilitator-en",
        "en",
        "intervisie-dark",
        (160, 45),
        ("space", "right", "f"),
        100,
        "Facilitator panel open (private)",
    ),
]


async def render(
    stem: str,
    lang: str,
    theme: str,
    size: tuple[int, int],
    keys: tuple[str, ...],
    seconds: float,
    title: str,
    out: Path,
) -> Path:
    from intervisie_tui.core.clock import FakeClock
    from intervisie_tui.core.library import load_library
    from intervisie_tui.core.plan import SessionPlan
    from intervisie_tui.settings import Settings
    from intervisie_tui.ui.app import IntervisieApp

    library = load_library(None, entry_points=())
    plan = SessionPlan.create(
        library.get("incident"),
        ["Anna", "Bram", "Cem", "Dewi"],
        inbrenger="Bram",
        case_title="Een lastig gesprek",
        language=lang,
    )  # type: ignore[arg-type]
    clock = FakeClock()
    app = IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings(theme=theme, bell=False))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.pause_ticking()
        screen.guard_choice = "open"  # these images show the panels themselves (the guard has its own)
        await pilot.press(*keys)
        clock.advance(seconds)
        screen.refresh_view()
        app.clear_notifications()
        await pilot.pause()
        svg = app.export_screenshot(title=f"intervisie — {title}")
    path = out / f"{stem}.svg"
    path.write_text(svg, encoding="utf-8")
    return path


async def render_projector(out: Path) -> list[Path]:
    """The projector set-ups: the display on the extended screen (and, smaller, the window
    shared online), the console beside it, and the guard of a mirrored screen."""
    from intervisie_tui.core.clock import FakeClock
    from intervisie_tui.core.engine import SessionRunner
    from intervisie_tui.core.library import load_library
    from intervisie_tui.core.plan import SessionPlan
    from intervisie_tui.settings import Settings
    from intervisie_tui.store.room_link import APP_HEARTBEAT, DISPLAY_HEARTBEAT, write_pointer
    from intervisie_tui.store.sessions import Store
    from intervisie_tui.ui.app import IntervisieApp
    from intervisie_tui.ui.display import DisplayApp

    library = load_library(None, entry_points=())
    written = []
    for stem, lang, size, title in (
        ("projector-display-nl", "nl", (160, 45), "intervisie display (uitgebreid bureaublad)"),
        ("projector-online-en", "en", (100, 30), "intervisie display, the one window shared online"),
    ):
        data = Path(os.environ["INTERVISIE_DATA_DIR"]) / stem
        clock = FakeClock()
        plan = SessionPlan.create(
            library.get("incident"),
            ["Anna", "Bram", "Cem", "Dewi"],
            inbrenger="Bram",
            case_title="Een lastig gesprek",
            language=lang,
        )  # type: ignore[arg-type]
        store = Store(data)
        journal = store.start_live(plan)
        runner = SessionRunner(plan, clock, listeners=[journal.append])
        write_pointer(store.live_dir, journal.id)
        runner.start()
        for _ in range(3):
            runner.next_phase()
        runner.next_speaker()
        clock.advance(42)
        (store.live_dir / APP_HEARTBEAT).touch()
        os.utime(store.live_dir / APP_HEARTBEAT, (clock.wall().timestamp(),) * 2)
        app = DisplayApp(data, lang=lang, wall=lambda clock=clock: clock.wall().timestamp(), poll_seconds=3600)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            app.poll()
            await pilot.pause()
            svg = app.export_screenshot(title=f"intervisie — {title}")
        written.append(out / f"{stem}.svg")
        written[-1].write_text(svg, encoding="utf-8")

    for stem, lang, keys, attached, title in (
        (
            "projector-console-nl",
            "nl",
            ("space", "n", "n", "n", "t"),
            True,
            "De console: scherm voor de groep aangesloten",
        ),
        ("projector-mirrored-guard-en", "en", ("space", "e"), False, "Mirrored screen: the guard asks first"),
    ):
        clock = FakeClock()
        plan = SessionPlan.create(
            library.get("incident"),
            ["Anna", "Bram", "Cem", "Dewi"],
            inbrenger="Bram",
            case_title="Een lastig gesprek",
            language=lang,
        )  # type: ignore[arg-type]
        app = IntervisieApp(lang=lang, clock=clock, plan=plan, library=library, settings=Settings(bell=False))
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            screen = app.screen
            screen.pause_ticking()
            await pilot.press(*keys)
            clock.advance(42)
            if attached:
                heartbeat = screen.journal.path.parent / DISPLAY_HEARTBEAT
                heartbeat.touch()
                os.utime(heartbeat, (clock.wall().timestamp(),) * 2)
                screen.tick()
                await pilot.pause()
            app.clear_notifications()
            await pilot.pause()
            svg = app.export_screenshot(title=f"intervisie — {title}")
        written.append(out / f"{stem}.svg")
        written[-1].write_text(svg, encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["INTERVISIE_CONFIG_DIR"] = str(Path(scratch) / "config")
        os.environ["INTERVISIE_DATA_DIR"] = str(Path(scratch) / "data")
        for shot in SHOTS:
            print(asyncio.run(render(*shot, out=args.out)))
        for path in asyncio.run(render_projector(args.out)):
            print(path)


if __name__ == "__main__":
    main()
