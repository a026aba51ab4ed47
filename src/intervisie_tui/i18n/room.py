"""Texts of the room's two surfaces: the display, the console, the guard and room messages."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the display (`intervisie display`) ------------------------------------------------------
    "display.title": ("Intervisie — scherm voor de groep", "Intervisie — the group's screen"),
    "display.waiting.title": ("Wachten op een sessie", "Waiting for a session"),
    "display.waiting.hint": (
        "Start een sessie op de laptop van de begeleider; dit scherm volgt haar vanzelf.",
        "Start a session on the facilitator's laptop; this screen follows it by itself.",
    ),
    "display.closing.title": ("Dank jullie wel", "Thank you"),
    "display.closing.hint": (
        "De sessie is afgelopen. Dit scherm wacht op de volgende.",
        "The session has ended. This screen waits for the next one.",
    ),
    "display.covered": ("Scherm even leeg", "Screen blanked for a moment"),
    "display.covered.clock_runs": ("De klok loopt door.", "The clock keeps running."),
    "display.covered.clock_stopped": ("De klok staat stil.", "The clock is stopped."),
    "display.state.ready": ("klaar om te beginnen", "ready to start"),
    "display.inbrenger_needed": ("De inbrenger wordt nog gekozen", "The inbrenger is still to be chosen"),
    "display.app_gone": (
        "De app van de begeleider reageert niet; de klok loopt door volgens de laatste stand.",
        "The facilitator's app is not responding; the clock goes on from the last known state.",
    ),
    "display.frozen": (
        "Regel {line} van het logboek is onleesbaar; dit scherm staat stil op de laatste goede stand.",
        "Line {line} of the journal cannot be read; this screen is frozen on the last good state.",
    ),
    "display.no_session": (
        "Geen sessie met id '{session}' in {folder} (live/ of live/done/).",
        "No session with id '{session}' in {folder} (live/ or live/done/).",
    ),
    # -- the room's view: each state's sign, the break, the whole session's time ------------------
    "room.sign.ready": ("▶  {key}: start", "▶  {key}: start"),
    "room.sign.ready_display": ("▶  de sessie begint zo", "▶  the session starts soon"),
    "room.sign.last_minute": ("▲ ▲  NOG 1 MINUUT  ▲ ▲", "▲ ▲  1 MINUTE LEFT  ▲ ▲"),
    "room.sign.over": ("■ ■  OVER DE TIJD  ■ ■", "■ ■  OVER TIME  ■ ■"),
    "room.sign.paused": ("▌▌  KLOK STAAT STIL  ▌▌", "▌▌  CLOCK STOPPED  ▌▌"),
    "room.sign.ended": ("✓  AFGELOPEN", "✓  ENDED"),
    "room.sign.break": (
        "{key}: verder · {more} / {less}: tot wanneer",
        "{key}: go on · {more} / {less}: until when",
    ),
    "room.sign.break_display": ("we gaan straks verder", "we go on shortly"),
    "room.break.title": ("Pauze", "Break"),
    "room.break.counting_up": ("pauze · telt op", "break · counting up"),
    "room.break.until": ("pauze tot {time}", "break until {time}"),
    "room.break.over": ("pauze was tot {time}", "break was until {time}"),
    "room.break.phase_left": ("daarna nog {time} van deze fase", "then {time} left of this phase"),
    "room.timing.budget": ("{minutes} min gepland", "{minutes} min planned"),
    "room.timing.end": ("einde {time}", "ends {time}"),
    "room.timing.behind": ("{minutes} min achter", "{minutes} min behind"),
    "room.timing.ahead": ("{minutes} min voor", "{minutes} min ahead"),
    "room.timing.on_time": ("op schema", "on schedule"),
    # -- the console -----------------------------------------------------------------------------
    "run.console.attached": (
        "Scherm voor de groep aangesloten: dit is je eigen scherm. {shortcut} bedekt het scherm van de groep.",
        "Group's screen attached: this screen is your own. {shortcut} covers the group's screen.",
    ),
    "run.console.detached": (
        "Het scherm voor de groep is weg: dit scherm kan weer op de muur staan. Privépanelen zijn gesloten.",
        "The group's screen is gone: this screen may be on the wall again. Private panels are closed.",
    ),
    "run.console.covered": ("Scherm van de groep bedekt", "Group's screen covered"),
    "run.notes.masked": (
        "•••• {count} tekens (bedekt; ctrl+r toont)",
        "•••• {count} characters (covered; ctrl+r shows)",
    ),
    "keys.room_message": ("Bericht aan de groep", "Message to the group"),
    "keys.reveal_notes": ("Bedekte notities tonen", "Show covered notes"),
    # -- room messages ---------------------------------------------------------------------------
    "room_message.title": ("Bericht voor het scherm van de groep", "Message for the group's screen"),
    "room_message.placeholder": ("of typ een eigen bericht en druk op enter", "or type your own and press enter"),
    "room_message.clear": ("Bericht weghalen", "Clear the message"),
    "room_message.preset.five": ("Nog 5 minuten", "5 minutes left"),
    "room_message.preset.two": ("Nog 2 minuten", "2 minutes left"),
    "room_message.preset.break": ("Pauze tot {time}", "Break until {time}"),
    "room_message.preset.silence": ("Even stilte, graag", "A moment of silence, please"),
    "room_message.preset.back": ("We gaan zo verder", "We will continue shortly"),
    # -- the mirrored-screen guard ---------------------------------------------------------------
    "guard.title": ("Kan de groep dit scherm lezen?", "Can the group read this screen?"),
    "guard.text": (
        "Er is geen scherm voor de groep aangesloten, dus dit scherm staat waarschijnlijk gespiegeld op de beamer. "
        "Wat je nu opent ({what}) zou dan op de muur staan. Deze vraag komt één keer per sessie.",
        "No group's screen is attached, so this screen is probably mirrored to the projector. "
        "What you open now ({what}) would then be on the wall. This question comes once per session.",
    ),
    "guard.what.notes": ("je notities", "your notes"),
    "guard.what.facilitator": ("tips, casus en spreektijd", "tips, the case and speaking time"),
    "guard.what.wrapup": ("de afronding: evaluaties, reflectie", "the wrap-up: evaluations, reflection"),
    "guard.open": ("Toch openen", "Open anyway"),
    "guard.masked": ("Bedekt typen", "Type covered"),
    "guard.display": ("Scherm voor de groep openen…", "Open a group's screen…"),
    "guard.how": (
        "Open een tweede terminal, zet die op de beamer (volledig scherm) en voer uit (gekopieerd):",
        "Open a second terminal, move it to the projector (full screen) and run (copied):",
    ),
}
