"""Words shared by the command line and the screens."""

MESSAGES: dict[str, tuple[str, str]] = {
    "speakers.inbrenger": ("De inbrenger vertelt", "The inbrenger tells"),
    "speakers.round": ("Ronde: ieder om de beurt", "Round: each in turn"),
    "speakers.open": ("Open gesprek", "Open conversation"),
    "speakers.silent": ("Stil: ieder schrijft voor zich", "Silent: everyone writes alone"),
    "speakers.without-inbrenger": (
        "De groep praat, de inbrenger luistert",
        "The group talks, the inbrenger listens",
    ),
    "speakers.facilitator": ("De begeleider licht toe", "The facilitator explains"),
    "notes.case-question": ("Casusvraag", "Case question"),
    "notes.advice": ("Advies per deelnemer", "Advice per participant"),
    "notes.action-points": ("Actiepunten", "Action points"),
    "word.minutes": ("min", "min"),
    "word.inbrenger": ("Inbrenger", "Inbrenger"),
    "word.facilitator": ("Begeleider", "Facilitator"),
    "word.participants": ("Deelnemers", "Participants"),
    "word.ground_rules": ("Spelregels", "Ground rules"),
    "word.phases": ("Fasen", "Phases"),
    "word.group_size": ("Groepsgrootte", "Group size"),
    "word.total": ("Totaal", "Total"),
    "settings.problem.unreadable": ("{path} kan niet worden gelezen ({reason}).", "{path} cannot be read ({reason})."),
    "settings.problem.refused": ("{path}: {reason}", "{path}: {reason}"),
    "settings.problem.too_deep": (
        "{path}: de JSON is meer dan {depth} niveaus diep genest; instellingen zijn dat nooit. "
        "Herstel het bestand of verwijder het (dan gelden de standaardwaarden).",
        "{path}: the JSON is nested more than {depth} levels deep; settings never are. "
        "Repair the file or delete it (defaults then apply).",
    ),
    "settings.problem.huge_number": (
        "{path}: er staat een getal van duizenden cijfers in. Herstel het bestand of verwijder het "
        "(dan gelden de standaardwaarden).",
        "{path}: it holds a number thousands of digits long. Repair the file or delete it (defaults then apply).",
    ),
    "settings.problem.json": (
        "{path}, regel {line}: geen geldige JSON ({reason}).",
        "{path}, line {line}: not valid JSON ({reason}).",
    ),
    "settings.problem.not_object": (
        "{path}: verwacht een JSON-object {{...}} als geheel.",
        "{path}: expected a JSON object {{...}} at the top.",
    ),
    "settings.problem.field": (
        "{path}: veld '{field}' heeft een ongeldige waarde ({given}); zie README, Settings.",
        "{path}: field '{field}' has an invalid value ({given}); see the README, Settings.",
    ),
}
