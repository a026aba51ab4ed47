"""Strings of the home, set-up, methods and wrap-up screens."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- home -------------------------------------------------------------------------------
    # the home screen's way to the groups (its first frame reads no other catalogue)
    "home.menu.groups": ("Groepen en reeksen", "Groups and series"),
    "home.key.groups": ("Groepen", "Groups"),
    "home.title": ("Intervisie", "Intervisie"),
    "home.tagline": (
        "Fasen, beurten en tijd in beeld; je notities blijven op deze laptop.",
        "Phases, turns and time in view; your notes stay on this laptop.",
    ),
    "home.menu.start": ("Nieuwe sessie voorbereiden", "Prepare a new session"),
    "home.menu.resume": ("Onderbroken sessie hervatten ({count})", "Resume an interrupted session ({count})"),
    "home.menu.review": ("Eerdere sessies en notities terugkijken", "Review past sessions and notes"),
    "home.menu.methods": ("Methoden bekijken", "Browse the methods"),
    "home.menu.help": ("Hulp en toetsen", "Help and keys"),
    "home.menu.language": ("Switch to English", "Nederlands gebruiken"),
    "home.menu.quit": ("Afsluiten", "Quit"),
    "home.key.start": ("Starten", "Start"),
    "home.key.resume": ("Hervatten", "Resume"),
    "home.key.review": ("Terugkijken", "Review"),
    "home.key.methods": ("Methoden", "Methods"),
    "home.key.language": ("English", "Nederlands"),
    "home.key.help": ("Hulp", "Help"),
    "home.key.quit": ("Afsluiten", "Quit"),
    "home.key.resume_this": ("Hervatten", "Resume"),
    "home.key.close_keep": ("Afsluiten, notities bewaren", "Close, keep notes"),
    "home.key.back": ("Terug", "Back"),
    "home.notice.interrupted": (
        "Onderbroken sessies gevonden: {count}. Druk op r om verder te gaan waar je was.",
        "Interrupted sessions found: {count}. Press r to carry on where you were.",
    ),
    "home.resume.title": ("Onderbroken sessies", "Interrupted sessions"),
    "home.resume.hint": (
        "Enter hervat de sessie (gepauzeerd). k sluit hem af en bewaart de notities als afgeronde sessie.",
        "Enter resumes the session (paused). k closes it and keeps its notes as a finished session.",
    ),
    "home.resume.line": ("{method} · {people} · {when} · {phase}", "{method} · {people} · {when} · {phase}"),
    "home.resume.phase": ("fase {number}/{count}: {title}", "phase {number}/{count}: {title}"),
    "home.resume.wrapup": ("in de afronding", "in the wrap-up"),
    "home.resume.not_started": ("nog niet begonnen", "not started yet"),
    "home.resume.problem": ("Let op: {problem}", "Note: {problem}"),
    "home.resume.in_use": (
        "Open in een ander intervisie-venster (proces {pid} op {host}, sinds {since}): alleen te lezen.",
        "Open in another intervisie window (process {pid} on {host}, since {since}): read-only here.",
    ),
    "home.resume.close_question": (
        "Deze sessie afsluiten? De notities worden bewaard als afgeronde sessie; hervatten kan daarna niet meer.",
        "Close this session? Its notes are kept as a finished session; it can no longer be resumed.",
    ),
    "home.resume.close_yes": ("Afsluiten en bewaren", "Close and keep"),
    "home.resume.close_no": ("Nee, terug", "No, go back"),
    "home.resume.closed": (
        "Sessie afgesloten; de notities staan bij Terugkijken.",
        "Session closed; its notes are in Review.",
    ),
    "home.resume.close_failed": ("Afsluiten lukte niet: {reason}", "Could not close it: {reason}"),
    # -- set-up -----------------------------------------------------------------------------
    "setup.participants": ("Deelnemers ({min}–{max})", "Participants ({min}–{max})"),
    "setup.add_placeholder": ("Typ een naam en druk op Enter", "Type a name and press Enter"),
    "setup.participants_hint": (
        "De volgorde is die van de rondes. In de lijst: F2/r hernoemen · del/x verwijderen · "
        "ctrl+↑/↓ of shift+↑/↓ verplaatsen",
        "Rounds follow this order. In the list: F2/r rename · del/x remove · ctrl+↑/↓ or shift+↑/↓ move",
    ),
    "setup.inbrenger": ("Inbrenger", "Inbrenger (case-bringer)"),
    "setup.inbrenger_later": ("Later, bij de casuskeuze", "Later, when picking the case"),
    "setup.inbrenger_gone": ("{name} (staat niet meer in de lijst)", "{name} (no longer in the list)"),
    "setup.facilitator": ("Begeleider (optioneel)", "Facilitator (optional)"),
    "setup.facilitator_placeholder": ("Leeg = zelfsturende groep", "Empty = self-directed group"),
    "setup.method": ("Methode", "Method"),
    "setup.budget": ("Beschikbare tijd (minuten)", "Time available (minutes)"),
    "setup.budget_placeholder": ("bijvoorbeeld 90", "for example 90"),
    "setup.case_title": ("Casustitel (optioneel)", "Case title (optional)"),
    "setup.case_title_placeholder": ("Kort, zonder herleidbare namen", "Short, without identifying names"),
    "setup.case_question": ("Casusvraag (optioneel)", "Case question (optional)"),
    "setup.case_question_placeholder": ("Kan ook later, tijdens de sessie", "Can also wait until the session"),
    "setup.start_button": ("Sessie starten (ctrl+s)", "Start the session (ctrl+s)"),
    "setup.preview_facts": (
        "Groep {low}–{high} · standaard {minutes} min · minimaal {minimum} min",
        "Group {low}–{high} · default {minutes} min · at least {minimum} min",
    ),
    "setup.problems_title": ("Nog nodig voor de start:", "Still needed before starting:"),
    "setup.ready": ("Alles klaar: start met ctrl+s.", "All set: start with ctrl+s."),
    "setup.not_ready": (
        "Nog niet klaar om te starten; zie de meldingen rechts.",
        "Not ready to start yet; see the messages on the right.",
    ),
    "setup.no_methods": (
        "Er zijn geen methoden geladen. Kijk bij Methoden welke bestanden niet gelezen konden worden.",
        "No methods are loaded. See Methods for the files that could not be read.",
    ),
    "setup.rename.title": (
        "Nieuwe naam voor {name} (Enter bewaart, Esc annuleert)",
        "New name for {name} (Enter saves, Esc cancels)",
    ),
    "setup.key.rename": ("Hernoemen", "Rename"),
    "setup.key.remove": ("Verwijderen", "Remove"),
    "setup.key.move_up": ("Omhoog", "Up"),
    "setup.key.move_down": ("Omlaag", "Down"),
    "setup.key.cancel": ("Annuleren", "Cancel"),
    "setup.key.start": ("Starten", "Start"),
    "setup.key.back": ("Terug", "Back"),
    "setup.error.no_method": ("Kies een methode.", "Choose a method."),
    "setup.error.budget_not_number": (
        "Vul de tijd in als een heel aantal minuten (minstens {minimum}).",
        "Enter the time as a whole number of minutes (at least {minimum}).",
    ),
    "setup.note.group_size": (
        "Let op: deze methode is bedoeld voor {low}–{high} deelnemers, jullie zijn met {count}. Starten kan wel.",
        "Note: this method is meant for {low}–{high} participants; you are {count}. You can still start.",
    ),
    "setup.error.plan": ("Kan niet starten: {reason}", "Cannot start: {reason}"),
    # -- methods browser --------------------------------------------------------------------
    "methods.facts": ("{minutes} min · {low}–{high} pers.", "{minutes} min · {low}–{high} people"),
    "methods.details_facts": (
        "{minutes} minuten (minstens {minimum}) · groep van {low} tot {high} · {count} fasen",
        "{minutes} minutes (at least {minimum}) · group of {low} to {high} · {count} phases",
    ),
    "methods.at_least": ("minstens {minimum}", "at least {minimum}"),
    "methods.source": ("Bestand: {source}", "File: {source}"),
    "methods.replaces": ("Vervangt de ingebouwde uit {source}", "Replaces the built-in from {source}"),
    "methods.problems_title": (
        "{count} methodebestand(en) konden niet worden gelezen:",
        "{count} method file(s) could not be read:",
    ),
    "methods.problems_hint": (
        "Controleer ze met: intervisie methods validate BESTAND",
        "Check them with: intervisie methods validate FILE",
    ),
    "methods.none": ("Er zijn geen methoden geladen.", "No methods are loaded."),
    "methods.key.setup": ("Sessie met deze methode", "Session with this method"),
    "methods.key.scroll": ("Bladeren", "Scroll"),
    "methods.key.back": ("Terug", "Back"),
    # -- wrap-up ----------------------------------------------------------------------------
    "wrapup.title": ("Afronding · {method}", "Wrap-up · {method}"),
    "wrapup.intro": (
        "Alles wat je hier typt wordt meteen bewaard. Wat nu niet lukt, kun je later aanvullen bij Terugkijken.",
        "Everything typed here is saved straight away. What you cannot finish now can be added later in Review.",
    ),
    "wrapup.action_points": ("Actiepunten", "Action points"),
    "wrapup.action_points_placeholder": (
        "Wie doet wat, en wanneer? Eén punt per regel.",
        "Who does what, and when? One point per line.",
    ),
    "wrapup.evaluation": ("Evaluatieronde", "Evaluation round"),
    "wrapup.prompt.inbrenger": (
        "Inbrenger: Wat heb je gehad aan vandaag? Wat is je eerste stap, en wanneer?",
        "Inbrenger: What did today give you? What is your first step, and when?",
    ),
    "wrapup.prompt.participant": (
        "Ieder: Wat neem je mee voor je eigen werk?",
        "Everyone: What do you take away for your own work?",
    ),
    "wrapup.prompt.group": (
        "Samen: Hielden we ons aan de stappen en de tijd? Hoe veilig voelde het?",
        "Together: Did we keep to the steps and the time? How safe did it feel?",
    ),
    "wrapup.prompt.facilitator": (
        "Begeleider: Wie brengt volgende keer in, wie begeleidt, welke methode?",
        "Facilitator: Who brings the next case, who facilitates, which method?",
    ),
    "wrapup.evaluation_placeholder": ("Wat neem je mee?", "What do you take away?"),
    "wrapup.evaluation_placeholder_inbrenger": (
        "Wat had je eraan, en wat is je eerste stap?",
        "What did it give you, and what is your first step?",
    ),
    "wrapup.reflection": ("Reflectie van de inbrenger", "The inbrenger's reflection"),
    "wrapup.reflection_of": ("Reflectie van {name} (inbrenger)", "Reflection by {name} (inbrenger)"),
    "wrapup.reflection_hint": (
        "Mag leeg blijven: de inbrenger kan het reflectieverslag later schrijven bij Terugkijken.",
        "May stay empty: the inbrenger can write the reflection later in Review.",
    ),
    "wrapup.reflection_template": (
        "Wat raakte je, en waarom?\n"
        "Wat herken je; wat is jouw aandeel?\n"
        "Welke alternatieven zie je?\n"
        "Wat ga je doen, wanneer, en hoe merk je dat het werkt?\n"
        "Waar let je volgende keer op?",
        "What struck you, and why?\n"
        "What do you recognise; what is your part?\n"
        "Which alternatives do you see?\n"
        "What will you do, when, and how will you notice it works?\n"
        "What will you watch for next time?",
    ),
    "wrapup.save_button": ("Bewaren en afsluiten (ctrl+s)", "Save and close (ctrl+s)"),
    "wrapup.key.save": ("Bewaren en afsluiten", "Save and close"),
    "wrapup.key.leave": ("Verlaten", "Leave"),
    "wrapup.leave_question": (
        "De afronding verlaten? Wat je typte is al bewaard; de sessie wordt afgesloten en "
        "de rest kun je later aanvullen bij Terugkijken.",
        "Leave the wrap-up? What you typed is already saved; the session is closed and "
        "you can add the rest later in Review.",
    ),
    "wrapup.journal_problem": (
        "⚠ Nog niet alles staat op schijf: {problem}. Het wordt steeds opnieuw geprobeerd; "
        "sluit het programma niet af, of bewaar de sessie elders (ctrl+s).",
        "⚠ Not everything is on disk yet: {problem}. Writing is retried all the time; "
        "do not close the app, or save the session elsewhere (ctrl+s).",
    ),
    "wrapup.leave_yes": ("Afsluiten", "Close"),
    "wrapup.leave_no": ("Verder schrijven", "Keep writing"),
    "reflection.leave.question": (
        "Je hebt de reflectie veranderd. Opslaan voor je teruggaat?",
        "You changed the reflection. Save it before going back?",
    ),
    "reflection.leave.save": ("Opslaan", "Save"),
    "reflection.leave.discard": ("Weggooien", "Discard"),
    "reflection.leave.keep": ("Verder schrijven", "Keep editing"),
    "store.discard.failed": (
        "Weggooien lukte niet: {path}: {reason}",
        "Could not discard it: {path}: {reason}",
    ),
    "home.key.discard": ("Weggooien (niet begonnen)", "Discard (not started)"),
    "home.resume.discard_question": (
        "Deze sessie is nooit begonnen. Weggooien? De namen en de casus die erbij staan worden gewist.",
        "This session never started. Discard it? The names and the case it holds are erased.",
    ),
    "home.resume.discard_yes": ("Weggooien", "Discard"),
    "home.resume.discard_no": ("Nee, terug", "No, go back"),
    "home.resume.discarded": (
        "De sessie die nooit begon is weggegooid.",
        "The session that never started was discarded.",
    ),
    "home.resume.discard_started": (
        "Deze sessie is begonnen: hervat hem, of sluit hem met k om de notities te bewaren.",
        "This session has started: resume it, or close it with k to keep its notes.",
    ),
    "run.unstarted.question": (
        "De sessie is nog niet begonnen. Weggooien, of toch bewaren als bijeenkomst?",
        "The session has not started. Discard it, or keep it as a meeting after all?",
    ),
    "run.unstarted.discard": ("Weggooien", "Discard"),
    "run.unstarted.keep": ("Toch bewaren", "Keep it"),
    "run.unstarted.back": ("Terug naar de sessie", "Back to the session"),
    "run.unstarted.discarded": ("Niet begonnen: niets bewaard.", "Not started: nothing kept."),
    "home.journals.unreadable": (
        "{count} logboek(en) van lopende sessies kunnen niet worden gelezen; ze zijn niet aangeraakt. Herstel of "
        "verplaats ze (zie `intervisie notes path`):",
        "{count} journal(s) of sessions in progress cannot be read; they were left untouched. Repair or move them "
        "(see `intervisie notes path`):",
    ),
    "home.journals.more": ("… en nog {count}", "… and {count} more"),
}
