"""Texts of the app shell, the run screen, the help screen and the command palette."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the app ---------------------------------------------------------------------------
    "app.settings_problem": (
        "Instellingen niet gelezen, standaardwaarden gebruikt; het bestand blijft ongemoeid. {problem}",
        "Settings not read, using defaults; the file is left untouched. {problem}",
    ),
    "app.settings_not_saved": (
        "Instellingen niet opgeslagen: {problem}",
        "Settings not saved: {problem}",
    ),
    "app.method_problems": (
        "{count} methodebestand(en) met fouten overgeslagen:\n{problems}",
        "{count} method file(s) with errors skipped:\n{problems}",
    ),
    "app.theme_unknown": (
        "Onbekend kleurenthema '{theme}' in de instellingen; '{used}' wordt gebruikt. Kies er een met ctrl+t "
        "of in het opdrachtenpalet (ctrl+p).",
        "Unknown colour theme '{theme}' in the settings; using '{used}'. Choose one with ctrl+t or in the "
        "command palette (ctrl+p).",
    ),
    "app.keymap_problems": (
        "Toetsen in de instellingen (keys) deels genegeerd: {problems}",
        "Keys in the settings (keys) partly ignored: {problems}",
    ),
    "app.store_unavailable": (
        "Sessies kunnen niet worden opgeslagen ({problem}); notities blijven alleen in het geheugen.",
        "Sessions cannot be saved ({problem}); notes stay in memory only.",
    ),
    "app.quit_hint_title": ("Wil je stoppen?", "Do you want to quit?"),
    "app.quit_hint": ("Druk op {keys} om af te sluiten.", "Press {keys} to quit the app."),
    "app.theme_changed": ("Thema: {theme}", "Theme: {theme}"),
    "app.language_changed": ("Taal: Nederlands", "Language: English"),
    "app.screenshot_disabled": (
        "Schermafdrukken zijn uitgeschakeld: het scherm kan vertrouwelijke inhoud tonen.",
        "Screenshots are disabled: the screen may show confidential content.",
    ),
    "app.saved": ("Sessie opgeslagen.", "Session saved."),
    "app.retention.question": (
        "{count} sessie(s) zijn ouder dan {months} maanden (uw bewaartermijn, retention_months in settings.json):\n\n"
        "{sessions}\n\nVoorgoed verwijderen gaat met logboeken en zoekgegevens en kan niet ongedaan worden gemaakt. "
        "Niets wordt verwijderd zonder dat u het kiest.",
        "{count} session(s) are older than {months} months (your retention period, retention_months in "
        "settings.json):\n\n{sessions}\n\nDeleting for good takes their journals and search data along and "
        "cannot be undone. Nothing is deleted unless you choose so.",
    ),
    "app.retention.keep": ("Bewaren", "Keep them"),
    "app.retention.trash": ("Naar prullenbak", "Move to trash"),
    "app.retention.delete": ("{count} voorgoed verwijderen", "Delete {count} for good"),
    "app.retention.deleted": ("{count} sessie(s) voorgoed verwijderd.", "{count} session(s) deleted for good."),
    "app.retention.trashed": ("{count} sessie(s) naar de prullenbak.", "{count} session(s) moved to the trash."),
    "app.remembered_not_saved": (
        "De deelnemers voor de volgende keer konden niet worden onthouden ({problem}); de sessie zelf is veilig.",
        "The participants for next time could not be remembered ({problem}); the session itself is safe.",
    ),
    "app.saved_beside": (
        "Een ander intervisie-venster had deze sessie al opgeslagen in {other}; niets overschreven: deze versie "
        "staat in {path}. Beide staan in de review; bewaar de juiste.",
        "Another intervisie window had saved this session already in {other}; nothing was overwritten: this "
        "version is in {path}. Both are in the review; keep the right one.",
    ),
    "app.in_use.question": (
        "Deze sessie wordt niet hervat: {reason}\n\nWilt u haar hier alleen lezen, zoals ze nu is?",
        "This session is not resumed: {reason}\n\nRead it here as it stands, without changing it?",
    ),
    "app.in_use.read_only": ("Alleen lezen", "Read only"),
    "app.in_use.back": ("Terug", "Back"),
    "app.save_failed": (
        "Sessie niet opgeslagen: {problem}. De sessie blijft in het dagboek staan en kan later hersteld worden.",
        "Session not saved: {problem}. The session stays in the journal and can be recovered later.",
    ),
    "app.exported_elsewhere": (
        "De volledige sessie is bewaard in {path}. Zet het bestand later terug in de map sessions/<jaar>/ van je gegevensmap (intervisie notes path).",
        "The complete session is saved in {path}. Later, put the file back in the sessions/<year>/ folder of your data folder (intervisie notes path).",
    ),
    # -- `intervisie run` input errors (exit status 2) ----------------------------------------
    "launch.unknown_method": (
        "--method: onbekende methode '{method}'. Bekende methoden: {known} (zie `intervisie methods list`).",
        "--method: unknown method '{method}'. Known methods: {known} (see `intervisie methods list`).",
    ),
    "launch.bad_plan": ("{option}: {problem}", "{option}: {problem}"),
    # -- theme names -----------------------------------------------------------------------
    "theme.intervisie-dark": ("Rustig donker", "Calm dark"),
    "theme.intervisie-high-contrast": ("Hoog contrast", "High contrast"),
    "theme.intervisie-light": ("Licht", "Light"),
    # -- keys (footer, help, palette) ------------------------------------------------------
    "keys.toggle_pause": ("Start/pauze", "Start/pause"),
    "keys.more_time": ("+1 min", "+1 min"),
    "keys.less_time": ("−1 min", "−1 min"),
    "keys.next_phase": ("Volgende fase", "Next phase"),
    "keys.previous_phase": ("Vorige fase", "Previous phase"),
    # a group's meeting (the run screen's keys all live here: its first frame reads no other catalogue)
    "keys.opening": ("Afspraken en open actiepunten (groep)", "Agreements and open action points (group)"),
    "keys.attendance": ("Te laat / eerder weg", "Late / left early"),
    "keys.next_speaker": ("Volgende beurt", "Next speaker"),
    "keys.previous_speaker": ("Vorige beurt", "Previous speaker"),
    "keys.skip_speaker": ("Spreker overslaan", "Skip speaker"),
    "keys.choose_inbrenger": ("Inbrenger kiezen", "Choose the inbrenger"),
    "keys.notes": ("Notities", "Notes"),
    "keys.facilitator": ("Begeleider", "Facilitator"),
    "keys.blank": ("Leeg scherm", "Blank"),
    "keys.end_session": ("Einde", "End"),
    "keys.help": ("Help", "Help"),
    "keys.theme": ("Ander thema", "Next theme"),
    "keys.language": ("Taal wisselen (NL/EN)", "Switch language (NL/EN)"),
    "keys.name.space": ("spatie", "space"),
    "keys.name.escape": ("esc", "esc"),
    "keys.name.enter": ("enter", "enter"),
    "keys.problem.unknown_id": ("onbekende actie-id '{id}'", "unknown action id '{id}'"),
    "keys.problem.no_keys": ("'{id}': geen toetsen opgegeven", "'{id}': no keys given"),
    "keys.problem.collision": (
        "'{id}': toets {keys} hoort al bij '{other}'; '{id}' houdt zijn eigen toetsen, kies een andere",
        "'{id}': key {keys} already belongs to '{other}'; '{id}' keeps its own keys, choose another",
    ),
    "keys.problem.unknown_key": ("'{id}': onbekende toets {keys}", "'{id}': unknown key {keys}"),
    "keys.problem.reserved": (
        "'{id}': toets {keys} is van Textual zelf (afsluiten, kopiëren, palet of focus); kies een andere",
        "'{id}': key {keys} belongs to Textual itself (quit, copy, palette or focus); choose another",
    ),
    "keys.group.time": ("Tijd", "Time"),
    "keys.group.phases": ("Fasen", "Phases"),
    "keys.group.turns": ("Beurten", "Turns"),
    "keys.group.screen": ("Wat de groep ziet", "What the group sees"),
    "keys.group.private": ("Alleen voor jou (privé)", "Only for you (private)"),
    "keys.break": ("Pauze (klok stil, groep ziet 'Pauze')", "Break (clock stops, the group sees 'Break')"),
    "keys.group.session": ("Sessie", "Session"),
    "keys.group.review": ("Review van sessies", "Review of sessions"),
    "keys.group.app": ("Overal", "Everywhere"),
    "keys.group.home": ("Startscherm", "Home"),
    "keys.group.setup": ("Voorbereiden", "Set-up"),
    "keys.group.methods": ("Methoden", "Methods"),
    "keys.group.wrapup": ("Afronden", "Wrap-up"),
    "keys.group.dialogs": ("Vragen en dialogen", "Questions and dialogs"),
    "keys.leave_panels": ("Notities of begeleiderspaneel sluiten", "Close the notes or the facilitator panel"),
    "keys.form_toggle": ("Aan- of uitvinken", "Tick on or off"),
    "keys.dialog.yes": ("Ja (bevestigen)", "Yes (confirm)"),
    "keys.dialog.no": ("Nee (annuleren)", "No (cancel)"),
    "keys.dialog.escape": ("Niets kiezen (terug)", "Choose nothing (back)"),
    "keys.dialog.cancel": ("Annuleren", "Cancel"),
    "keys.dialog.close": ("Sluiten", "Close"),
    # -- help screen -----------------------------------------------------------------------
    "help.title": ("Toetsen", "Keys"),
    "help.intro": (
        'Alles gaat met het toetsenbord. Eigen toetsen: zet ze onder "keys" in {path}, met de actie-id\'s hieronder.',
        'Everything works from the keyboard. Own keys: put them under "keys" in {path}, using the action ids below.',
    ),
    "help.palette": ("Opdrachtenpalet: alle acties, thema, taal", "Command palette: every action, theme, language"),
    "help.close": ("Dit scherm sluiten", "Close this screen"),
    # -- palette ---------------------------------------------------------------------------
    "palette.theme": ("Thema: {theme}", "Theme: {theme}"),
    "palette.theme_help": ("Kleuren van het scherm", "Colours of the screen"),
    "palette.language": ("Taal: Nederlands / English", "Language: Nederlands / English"),
    "palette.language_help": ("Wissel tussen Nederlands en Engels", "Switch between Dutch and English"),
    "palette.run_help": ("Sessie: {keys}", "Session: {keys}"),
    "palette.quit": ("Afsluiten", "Quit"),
    "palette.placeholder": ("Zoek een opdracht…", "Search for commands…"),
    "palette.theme_placeholder": ("Zoek een thema…", "Search for themes…"),
    "palette.no_matches": ("Niets gevonden", "No matches found"),
    "palette.quit_help": (
        "Het programma afsluiten (vraagt eerst tijdens een sessie)",
        "Quit the app (asks first during a session)",
    ),
    "palette.choose_theme": ("Thema kiezen", "Choose theme"),
    "palette.choose_theme_help": ("Alle thema's doorlopen", "Browse all themes"),
    # -- run screen ------------------------------------------------------------------------
    "run.step": ("stap {number} van {total}", "step {number} of {total}"),
    "run.state.running": ("loopt", "running"),
    "run.state.last_minute": ("laatste minuut", "last minute"),
    "run.state.over": ("tijd is om", "time is up"),
    "run.state.paused": ("gepauzeerd", "paused"),
    "run.state.ended": ("afgelopen", "ended"),
    "run.of_minutes": ("van {minutes} min", "of {minutes} min"),
    "run.extra": ("({sign}{minutes} min)", "({sign}{minutes} min)"),
    "run.turn_clock": ("beurt {time}", "turn {time}"),
    "run.turn_over": ("beurt om", "turn is up"),
    # whose turn
    "run.who.inbrenger": ("{name} vertelt", "{name} tells"),
    "run.who.inbrenger_unknown": ("De inbrenger vertelt", "The inbrenger tells"),
    "run.who.round_current": ("{name}", "{name}"),
    "run.who.round_next": ("{name} is de volgende", "{name} is next"),
    "run.who.round_last": ("laatste in de ronde", "last in the round"),
    "run.who.round_count": ("{done} van {total} geweest", "{done} of {total} done"),
    "run.who.round_done": ("Ronde klaar: iedereen is geweest", "Round complete: everyone has had a turn"),
    "run.who.round_again": ("Nog een keer rond? Druk {key}.", "Another pass? Press {key}."),
    "run.who.round_spoken": ("Geweest: {names}", "Done: {names}"),
    "run.who.round_skipped": ("Overgeslagen: {names}", "Skipped: {names}"),
    "run.who.open": ("Open gesprek: iedereen praat mee", "Open conversation: everyone joins in"),
    "run.who.silent": ("Stil: ieder schrijft voor zich", "Silent: everyone writes on their own"),
    "run.who.without_inbrenger": (
        "Iedereen behalve {name}, die luistert",
        "Everyone except {name}, who listens",
    ),
    "run.who.without_inbrenger_unknown": (
        "Iedereen behalve de inbrenger, die luistert",
        "Everyone except the inbrenger, who listens",
    ),
    "run.who.facilitator": ("{name} licht toe", "{name} explains"),
    "run.who.facilitator_unknown": ("De begeleider licht toe", "The facilitator explains"),
    # panels
    "run.facilitator.title": ("Alleen voor de begeleider", "For the facilitator only"),
    "run.facilitator.tips": ("Tips bij deze fase", "Tips for this phase"),
    "run.facilitator.no_tips": ("Geen tips bij deze fase.", "No tips for this phase."),
    "run.facilitator.case": ("Casus: {title}", "Case: {title}"),
    "run.facilitator.case_question": ("Casusvraag: {question}", "Case question: {question}"),
    "run.facilitator.speaking": ("Spreektijd: {times}", "Speaking time: {times}"),
    "run.notes.title": ("Notities (privé) — {phase}", "Notes (private) — {phase}"),
    "run.notes.free": ("Vrije notities bij deze fase", "Free notes for this phase"),
    "run.notes.advice_for": ("Advies van {name}", "Advice from {name}"),
    "run.notes.hint": (
        "Wordt vanzelf bewaard. Tab: volgend veld. Esc: terug naar de klok.",
        "Saved as you type. Tab: next field. Esc: back to the clock.",
    ),
    "run.picker.title": ("Wie brengt de casus in?", "Who brings the case?"),
    "run.inbrenger_set": ("Inbrenger: {name}", "Inbrenger: {name}"),
    "run.blank.title": ("Scherm even leeg", "Screen blanked for a moment"),
    "run.blank.clock_runs": (
        "De klok loopt door · {shortcut}: terug · {pause}: pauze met stilstaande klok",
        "The clock keeps running · {shortcut}: back · {pause}: a break that stops the clock",
    ),
    "run.blank.clock_stopped": ("De klok staat stil · {shortcut}: terug", "The clock is stopped · {shortcut}: back"),
    "run.inbrenger_needed": (
        "Nog geen inbrenger gekozen — {shortcut}: inbrenger kiezen",
        "No inbrenger chosen yet — {shortcut}: choose the inbrenger",
    ),
    "run.quit.question": (
        "Er loopt een sessie. Het programma afsluiten? De sessie blijft in het dagboek en kan later hervat worden.",
        "A session is running. Quit the app? The session stays in the journal and can be resumed later.",
    ),
    "run.quit.unsaved": ("Let op: {problem}", "Warning: {problem}"),
    "run.quit.yes": ("Afsluiten", "Quit"),
    "run.quit.no": ("Doorgaan", "Keep going"),
    "run.journal_problem": (
        "Let op: opslaan lukt niet ({problem}). Notities blijven in het geheugen en worden opnieuw bewaard zodra het kan.",
        "Warning: saving fails ({problem}). Notes stay in memory and are saved again as soon as possible.",
    ),
    "run.time_up": ("Tijd is om: {phase}", "Time is up: {phase}"),
    "run.confirm_end": (
        "De sessie beëindigen en naar de afronding gaan?",
        "End the session and go to the wrap-up?",
    ),
    "run.confirm_end_last": (
        "Dit was de laatste fase. De sessie beëindigen en naar de afronding gaan?",
        "This was the last phase. End the session and go to the wrap-up?",
    ),
    "run.confirm.yes": ("Beëindigen", "End session"),
    "run.confirm.no": ("Doorgaan", "Keep going"),
}
