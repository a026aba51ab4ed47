"""Messages of the core: what is wrong in a method file or a session plan, and what to do."""

MESSAGES: dict[str, tuple[str, str]] = {
    "methoderr.place_line": ("{source}, regel {line}", "{source}, line {line}"),
    "methoderr.phase": ("fase {number}", "phase {number}"),
    "methoderr.field": ("veld '{field}'", "field '{field}'"),
    "methoderr.phase_named": ("fase {number} ('{id}')", "phase {number} ('{id}')"),
    "methoderr.phase_field": ("{phase}, {field}", "{phase}, {field}"),
    "methoderr.at": ("{place}: {problem}", "{place}: {problem}"),
    "methoderr.at_where": ("{place}: {where}: {problem}", "{place}: {where}: {problem}"),
    "methoderr.toml": (
        "dit is geen geldige TOML ({reason}). Controleer aanhalingstekens, haakjes en '=' op die regel.",
        "this is not valid TOML ({reason}). Check quotes, brackets and '=' on that line.",
    ),
    "methoderr.not_utf8": ("is geen UTF-8-tekst; sla het bestand op als UTF-8", "is not UTF-8 text; save it as UTF-8"),
    "methoderr.unreadable": ("kan niet worden gelezen ({reason})", "cannot be read ({reason})"),
    "methoderr.refused": ("{reason}", "{reason}"),
    "methoderr.too_deep": (
        "tabellen, lijsten of punten in een sleutel (a.b.c) zijn meer dan {depth} niveaus diep genest; een "
        "methode is dat nooit: het bestand is beschadigd. Herstel het of haal het uit de map",
        "tables, lists or the dots of a key (a.b.c) are nested more than {depth} levels deep; no method is: "
        "the file is damaged. Repair it or take it out of the folder",
    ),
    "methoderr.huge_number": (
        "er staat een getal van duizenden cijfers in; geen methode heeft dat: het bestand is beschadigd",
        "it holds a number thousands of digits long; no method does: the file is damaged",
    ),
    "methoderr.plugin_failed": ("kon niet worden geladen ({reason})", "could not be loaded ({reason})"),
    "methoderr.missing": ("dit verplichte veld ontbreekt", "this required field is missing"),
    "methoderr.missing_language": (
        "deze tekst ontbreekt in één taal; geef hem in het Nederlands (nl) en het Engels (en)",
        "this text is missing in one language; give it in Dutch (nl) and English (en)",
    ),
    "methoderr.extra": (
        "dit veld hoort niet bij het methodeformaat; controleer de spelling (zie `intervisie methods schema`)",
        "this field is not part of the method format; check its spelling (see `intervisie methods schema`)",
    ),
    "methoderr.enum": (
        "{given} is geen bekende waarde; verwacht {expected}",
        "{given} is not a known value; expected {expected}",
    ),
    "methoderr.int": ("verwacht een heel getal, gekregen: {given}", "expected a whole number, got {given}"),
    "methoderr.greater_than": (
        "verwacht een getal boven {limit}, gekregen: {given}",
        "expected a number above {limit}, got {given}",
    ),
    "methoderr.less_equal": ("verwacht hoogstens {limit}, gekregen: {given}", "expected at most {limit}, got {given}"),
    "methoderr.pattern": (
        "{given} is geen geldige id; gebruik kleine letters, cijfers, '-' en '_'",
        "{given} is not a valid id; use lower-case letters, digits, '-' and '_'",
    ),
    "methoderr.empty": ("mag niet leeg zijn", "must not be empty"),
    "methoderr.schema_version": (
        "schemaversie {given} wordt niet ondersteund; deze versie van intervisie-tui leest schema = 1",
        "schema version {given} is not supported; this version of intervisie-tui reads schema = 1",
    ),
    "methoderr.list_lengths": (
        "heeft {nl} Nederlandse en {en} Engelse items; geef elk item in beide talen",
        "has {nl} Dutch and {en} English items; give every item in both languages",
    ),
    "methoderr.min_above_default": (
        "min_minutes ({min}) is hoger dan minutes ({minutes}); het minimum mag hoogstens de standaardduur zijn",
        "min_minutes ({min}) is above minutes ({minutes}); the minimum must be at most the default",
    ),
    "methoderr.round_only": (
        'mag alleen bij speakers = "round"; haal het weg of maak de fase een ronde',
        'is only allowed when speakers = "round"; remove it or make the phase a round',
    ),
    "methoderr.bool": ("verwacht true of false, gekregen: {given}", "expected true or false, got {given}"),
    "methoderr.text": (
        "verwacht tekst tussen aanhalingstekens, gekregen: {given}",
        "expected text in quotes, got {given}",
    ),
    "methoderr.table": (
        'verwacht een tabel zoals {{ nl = "…", en = "…" }}, gekregen: {given}',
        'expected a table such as {{ nl = "…", en = "…" }}, got {given}',
    ),
    "methoderr.list": (
        "verwacht een lijst zoals [ … ], gekregen: {given}",
        "expected a list such as [ … ], got {given}",
    ),
    "methoderr.too_long": (
        "te lang: hoogstens {limit} items, gekregen: {given}",
        "too long: at most {limit} items, got {given}",
    ),
    "methoderr.total_below_minimums": (
        "de totale duur ({minutes} min) is korter dan de minimale duur van de fasen samen ({minimum} min); "
        "maak minutes minstens {minimum}",
        "the total ({minutes} min) is shorter than the phases' minimums together ({minimum} min); "
        "make minutes at least {minimum}",
    ),
    "methoderr.schema_quoted": (
        "schrijf schema = 1 als getal, zonder aanhalingstekens (gekregen: {given})",
        "write schema = 1 as a number, without quotes (got {given})",
    ),
    "methoderr.group_size": (
        "verwacht [kleinste, grootste] met 2 <= kleinste <= grootste",
        "expected [smallest, largest] with 2 <= smallest <= largest",
    ),
    "methoderr.duplicate_phase": (
        "fase-id '{id}' komt twee keer voor; elke fase heeft een eigen id nodig",
        "phase id '{id}' is used twice; every phase needs its own id",
    ),
    "methoderr.duplicate_id": (
        "gebruikt id '{id}' net als {other}; dit bestand wint. Geef een van beide een eigen id",
        "uses id '{id}' like {other}; this file wins. Give one of them its own id",
    ),
    "methoderr.other": ("{detail} (gekregen: {given})", "{detail} (got {given})"),
    # -- session plans ---------------------------------------------------------------------------
    "plan.empty_name": ("Een naam mag niet leeg zijn.", "A name cannot be empty."),
    "plan.duplicate": (
        "{name} staat al in de lijst; maak de namen verschillend (bijvoorbeeld met een initiaal).",
        "{name} is already in the list; make the names distinct (for example with an initial).",
    ),
    "plan.group_full": (
        "De groep is vol: hoogstens {max} deelnemers.",
        "The group is full: at most {max} participants.",
    ),
    "plan.too_few": (
        "Te weinig deelnemers: {count}; voeg er minstens {min} toe.",
        "Too few participants: {count}; add at least {min}.",
    ),
    "plan.too_many": (
        "Te veel deelnemers: {count}; hoogstens {max}.",
        "Too many participants: {count}; at most {max}.",
    ),
    "plan.inbrenger_missing": (
        "Inbrenger {name} staat niet in de lijst; kies iemand anders of 'later'.",
        "Inbrenger {name} is not in the list; choose someone else or 'later'.",
    ),
    "plan.budget_too_low": (
        "{budget} minuten is te kort voor deze methode: minstens {minimum} minuten nodig.",
        "{budget} minutes is too short for this method: it needs at least {minimum} minutes.",
    ),
    "plan.budget_too_high": (
        "Hoogstens {max} minuten; klopt het getal?",
        "At most {max} minutes; is the number right?",
    ),
    # Why an action did nothing: a short notice on the run screen.
    "refusal.not_started": (
        "De sessie is nog niet begonnen: spatie start.",
        "The session has not started yet: space starts it.",
    ),
    "refusal.ended": ("De sessie is afgelopen.", "The session has ended."),
    "refusal.cannot_now": ("Dat kan nu niet.", "That cannot be done now."),
    "refusal.phase_minimum": (
        "Korter kan niet: een fase houdt minstens {minutes} minuut.",
        "No shorter: a phase keeps at least {minutes} minute.",
    ),
    "refusal.last_phase": ("Dit is de laatste fase.", "This is the last phase."),
    "refusal.first_phase": ("Dit is de eerste fase.", "This is the first phase."),
    "refusal.no_round": ("Deze fase heeft geen beurten.", "This phase has no turns."),
    "refusal.round_first": ("Dit is de eerste beurt van de ronde.", "This is the round's first turn."),
    "refusal.round_done": (
        "Iedereen is geweest; er is niemand om over te slaan.",
        "Everyone has had a turn; there is nobody to skip.",
    ),
    "refusal.on_break": ("Het is al pauze.", "The break is on already."),
    "refusal.covered": (
        "Het scherm is leeg: {key} laat de sessie weer zien.",
        "The screen is blanked: {key} shows the session again.",
    ),
    "refusal.not_on_break": ("Er is nu geen pauze.", "There is no break now."),
    "refusal.break_counts_up": (
        "De pauze telt al op; met + kies je een eindtijd.",
        "The break counts up already; + chooses when it ends.",
    ),
    # Files the app will not read (core/files.py): what is wrong and what to do.
    "files.refused.not_regular": (
        "dit is geen gewoon bestand maar {kind}; zet er een gewoon bestand neer of haal het weg.",
        "this is not a regular file but {kind}; put a regular file there or remove it.",
    ),
    "files.refused.too_large": (
        "het bestand is {size}, groter dan de {limit} die voor dit soort bestand geldt; "
        "het is beschadigd of hoort hier niet. Verplaats het.",
        "the file is {size}, larger than the {limit} allowed for this kind of file; "
        "it is damaged or does not belong here. Move it away.",
    ),
    "files.refused.dangling": (
        "een snelkoppeling (symlink) naar iets dat niet bestaat; herstel of verwijder de koppeling.",
        "a symbolic link to something that does not exist; repair or remove the link.",
    ),
    "files.refused.loop": (
        "een kring van snelkoppelingen (symlinks) die naar elkaar wijzen; verwijder er een.",
        "a loop of symbolic links pointing at each other; remove one of them.",
    ),
    "files.refused.os": ("kan niet gelezen worden ({reason}).", "cannot be read ({reason})."),
    "files.kind.folder": ("een map", "a folder"),
    "files.kind.pipe": ("een named pipe", "a named pipe"),
    "files.kind.socket": ("een socket", "a socket"),
    "files.kind.device": ("een apparaatbestand", "a device file"),
    "files.kind.other": ("iets anders", "something else"),
}
