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
    "word.questions": ("Vragen", "Questions"),
    "word.group_size": ("Groepsgrootte", "Group size"),
    "word.total": ("Totaal", "Total"),
}
