"""Strings of the command line (methods commands, handouts)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.origin.built-in": ("ingebouwd", "built-in"),
    "cli.origin.plugin": ("plug-in", "plugin"),
    "cli.origin.user": ("eigen", "your own"),
    "cli.methods.replaces_builtin": ("(vervangt de ingebouwde)", "(replaces the built-in)"),
    "cli.methods.column.id": ("id", "id"),
    "cli.methods.column.name": ("naam", "name"),
    "cli.methods.column.time": ("tijd", "time"),
    "cli.methods.column.phases": ("fasen", "phases"),
    "cli.methods.column.group": ("groep", "group"),
    "cli.methods.column.source": ("bron", "source"),
    "cli.methods.user_folder": ("Eigen methoden: {path}", "Your own methods: {path}"),
    "cli.methods.problems": (
        "{count} methodebestand(en) konden niet worden gelezen; de andere zijn wel geladen:",
        "{count} method file(s) could not be read; the others were loaded:",
    ),
    "cli.methods.unknown": (
        "Geen methode met id '{id}'. Bekend: {known}",
        "No method with id '{id}'. Known: {known}",
    ),
    "cli.validate.ok": ("OK  {path}: {id} ({name})", "OK  {path}: {id} ({name})"),
    "cli.validate.looked_in": (
        "Niet gevonden, ook niet als bestandsnaam of id in je methodemap ({folder}).",
        "Not found, not even as a file name or id in your methods folder ({folder}).",
    ),
    "cli.validate.summary": (
        "{bad} van {total} bestand(en) ongeldig. Verbeter wat hierboven staat en valideer opnieuw.",
        "{bad} of {total} file(s) invalid. Fix what is listed above and validate again.",
    ),
    "cli.new.bad_id": (
        "'{id}' is geen geldige id: gebruik kleine letters, cijfers, '-' en '_'.",
        "'{id}' is not a valid id: use lower-case letters, digits, '-' and '_'.",
    ),
    "cli.new.exists": (
        "{path} bestaat al; kies een andere id of bewerk dat bestand.",
        "{path} already exists; choose another id or edit that file.",
    ),
    "cli.new.failed": (
        "Kon {path} niet schrijven ({reason}). Controleer of {folder} een map is waarin je mag schrijven, of "
        "kies een andere configuratiemap met INTERVISIE_CONFIG_DIR.",
        "Could not write {path} ({reason}). Check that {folder} is a folder you may write in, or choose another "
        "config folder with INTERVISIE_CONFIG_DIR.",
    ),
    "cli.new.written": (
        "Geschreven: {path}\nPas het aan en controleer het met: intervisie methods validate {path}",
        "Written: {path}\nEdit it, then check it with: intervisie methods validate {path}",
    ),
    "cli.no_terminal": (
        "Geen terminal ({streams} niet verbonden met een terminal): de schermen van intervisie hebben een terminal nodig. "
        "Start intervisie in een terminalvenster, of gebruik een opdracht zonder scherm, zoals "
        "`intervisie notes list` of `intervisie methods list`.",
        "No terminal ({streams} not connected to a terminal): intervisie's screens need a terminal. Start intervisie "
        "in a terminal window, or use a command without a screen, such as `intervisie notes list` or "
        "`intervisie methods list`.",
    ),
    "cli.data_dir.not_folder": (
        "De gegevensmap {path} is geen map maar een bestand. Kies een andere map met --data-dir of "
        "INTERVISIE_DATA_DIR, of verplaats dat bestand.",
        "The data folder {path} is not a folder but a file. Choose another folder with --data-dir or "
        "INTERVISIE_DATA_DIR, or move that file away.",
    ),
    "cli.output.written": ("Geschreven: {path}", "Written: {path}"),
    "cli.output.failed": (
        "Kon {path} niet schrijven ({reason}). Kies een andere plek met -o.",
        "Could not write {path} ({reason}). Choose another place with -o.",
    ),
    "handout.roles": ("Rollen", "Roles"),
    "handout.role.inbrenger": (
        "brengt een echte casus in waarin hij of zij zelf een rol speelt, en beslist wat er met de inbreng gebeurt.",
        "brings a real case in which they play a part, and decides what to do with what the group offers.",
    ),
    "handout.role.facilitator": (
        "bewaakt de stappen, de tijd en de veiligheid; kan ook een van de deelnemers zijn.",
        "guards the steps, the time and the safety of the group; may be one of the participants.",
    ),
    "handout.role.participants": (
        "vragen, onderzoeken en adviseren alleen wanneer de stap daarom vraagt.",
        "ask, explore and advise only when the step asks for it.",
    ),
    "handout.footer": (
        "Alles wat in de intervisie gezegd wordt, is vertrouwelijk.",
        "Everything said in intervisie is confidential.",
    ),
    "overview.turn_seconds": ("{seconds} s per beurt", "{seconds} s per turn"),
    "overview.inbrenger_in_round": ("inbrenger doet mee", "inbrenger takes part"),
    "overview.tip": ("Tip (alleen begeleider)", "Tip (facilitator only)"),
    "overview.notes": ("Notities", "Notes"),
}
