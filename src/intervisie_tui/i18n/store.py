"""Strings of storage, the review screen and `intervisie notes`."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- why a file operation failed, with what to do ---------------------------------------------
    "store.reason.full": (
        "de schijf is vol; maak ruimte vrij",
        "the disk is full; free some space",
    ),
    "store.reason.denied": (
        "geen toestemming om hier te schrijven; controleer de rechten van de map",
        "no permission to write here; check the folder's permissions",
    ),
    "store.reason.read_only": (
        "de schijf is alleen-lezen; kies een andere map met --data-dir",
        "the disk is read-only; choose another folder with --data-dir",
    ),
    "store.reason.other": ("{detail}", "{detail}"),
    # -- the live journal --------------------------------------------------------------------------
    # Shown inside a sentence that already says the notes are saved again as soon as possible.
    "store.journal.problem": (
        "{path} kan niet worden bijgewerkt: {reason}; {count} wijziging(en) wachten veilig in het geheugen",
        "{path} cannot be written: {reason}; {count} change(s) wait safely in memory",
    ),
    "store.journal.skipped": (
        "{path}: beschadigde regel(s) {lines} overgeslagen; al het andere is hersteld",
        "{path}: damaged line(s) {lines} skipped; everything else was recovered",
    ),
    "store.journal.unreadable.empty": ("het logboek is leeg", "the journal is empty"),
    "store.journal.unreadable.header": (
        "de eerste regel (het sessieplan) is beschadigd",
        "its first line (the session plan) is damaged",
    ),
    "store.journal.unreadable.foreign": (
        "geen logboek van intervisie-tui",
        "not an intervisie-tui journal",
    ),
    "store.journal.unreadable.newer": (
        "geschreven door een nieuwere versie (logboekversie {version}, deze versie kent t/m {supported}); werk intervisie-tui bij",
        "written by a newer version (journal version {version}, this version reads up to {supported}); update intervisie-tui",
    ),
    # -- unreadable session documents --------------------------------------------------------------
    "store.problem.empty": ("het bestand is leeg", "the file is empty"),
    "store.problem.not_json": (
        "geen geldige JSON (afgebroken of beschadigd): {detail}",
        "not valid JSON (cut off or damaged): {detail}",
    ),
    "store.problem.foreign": (
        "geen sessiedocument van intervisie-tui",
        "not an intervisie-tui session document",
    ),
    "store.problem.newer": (
        "geschreven door een nieuwere versie (schemaversie {version}, deze versie kent t/m {supported}); werk intervisie-tui bij",
        "written by a newer version (schema version {version}, this version reads up to {supported}); update intervisie-tui",
    ),
    "store.problem.invalid": (
        "veld '{field}': {detail}; herstel het bestand of zet een reservekopie terug",
        "field '{field}': {detail}; repair the file or restore a backup",
    ),
    "store.problem.stray": (
        "ligt los in {folder}; sessies staan in een map per jaar: verplaats het naar {folder}/<jaar>/",
        "lies loose in {folder}; sessions are kept in a folder per year: move it to {folder}/<year>/",
    ),
    "store.problem.incomplete": (
        "het veld '{field}' ontbreekt of klopt niet",
        "the field '{field}' is missing or wrong",
    ),
    "store.problem.os": ("kan niet worden gelezen: {detail}", "cannot be read: {detail}"),
    "store.problem.expected": (
        "het veld '{field}' moet {expected} zijn; herstel het bestand of zet een reservekopie terug",
        "the field '{field}' should be {expected}; repair the file or restore a backup",
    ),
    "store.expected.text": ("tekst", "text"),
    "store.expected.texts": ("een tabel van teksten per taal", "a table of texts per language"),
    "store.expected.names": ("een lijst van namen (tekst)", "a list of names (text)"),
    "store.expected.object": ("een JSON-object (met velden tussen accolades)", "a JSON object (fields between braces)"),
    "store.expected.time": (
        "een tijdstip als tekst (ISO 8601, bijvoorbeeld 2026-03-01T14:00:00+01:00)",
        "a moment as text (ISO 8601, for example 2026-03-01T14:00:00+01:00)",
    ),
    "store.expected.seconds": (
        "een eindig aantal seconden (0 of meer, geen NaN of Infinity)",
        "a finite number of seconds (0 or more, not NaN or Infinity)",
    ),
    "store.problem.too_deep": (
        "de JSON is meer dan {depth} niveaus diep genest; geen sessiedocument is dat: het bestand is beschadigd of "
        "hoort hier niet",
        "the JSON is nested more than {depth} levels deep; no session document is: the file is damaged or does "
        "not belong here",
    ),
    "store.problem.huge_number": (
        "er staat een getal van duizenden cijfers in; geen sessiedocument heeft dat: het bestand is beschadigd, "
        "zet een reservekopie terug",
        "it holds a number thousands of digits long; no session document does: the file is damaged, restore a backup",
    ),
    "store.problem.replay": (
        "de gebeurtenissen passen niet bij het plan ({detail}); het bestand is beschadigd, zet een reservekopie terug",
        "the events do not fit the plan ({detail}); the file is damaged, restore a backup",
    ),
    "store.problem.refused": ("{reason}", "{reason}"),
    "store.problem.folder": (
        "deze map kan niet worden gelezen ({detail}); controleer of het een map is en of je er rechten op hebt, "
        "of kies een andere gegevensmap met --data-dir",
        "this folder cannot be read ({detail}); check that it is a folder you have permission to read, "
        "or choose another data folder with --data-dir",
    ),
    "store.problem.duplicate_id": (
        "heeft dezelfde sessie-id {id} als {others} (een kopie?); beide blijven staan, verwijder de verkeerde",
        "has the same session id {id} as {others} (a copy?); both are kept, delete the wrong one",
    ),
    "store.problems.hint": (
        "Deze bestanden zijn niet aangeraakt; verplaats of herstel ze zelf.",
        "These files were left untouched; move or repair them yourself.",
    ),
    # -- documents ---------------------------------------------------------------------------------
    "store.save.failed": (
        "De sessie kon niet worden opgeslagen in {path}: {reason}. Exporteer haar naar een andere map.",
        "The session could not be saved to {path}: {reason}. Export it to another folder.",
    ),
    "store.load.failed": ("{path} kan niet worden geopend: {reason}", "{path} cannot be opened: {reason}"),
    "store.find.none": (
        "Geen sessie met id '{id}'. Zie `intervisie notes list`.",
        "No session with id '{id}'. See `intervisie notes list`.",
    ),
    "store.find.ambiguous": (
        "'{id}' past bij meer dan één sessie ({ids}); geef meer tekens.",
        "'{id}' matches more than one session ({ids}); give more characters.",
    ),
    "store.find.duplicate": (
        "Sessie {id} staat in meer dan één bestand:\n{files}\nNoem het bestand in plaats van de id, "
        "bijvoorbeeld `intervisie notes show <bestand>`.",
        "Session {id} is in more than one file:\n{files}\nName the file instead of the id, "
        "for example `intervisie notes show <file>`.",
    ),
    "store.move.exists": (
        "{path} bestaat al; er is niets overschreven.",
        "{path} already exists; nothing was overwritten.",
    ),
    "store.move.failed": ("{path} kon niet worden verplaatst: {reason}", "{path} could not be moved: {reason}"),
    "store.export.failed": (
        "Export naar {path} mislukt: {reason}. Kies een andere map.",
        "Export to {path} failed: {reason}. Choose another folder.",
    ),
    # -- review: document texts (also used in the Markdown export) --------------------------------
    "review.export.ambiguous_name": ("[naam]", "[name]"),
    "review.participant_letter": ("Deelnemer {letter}", "Participant {letter}"),
    "review.export.anonymized_header": (
        "Geanonimiseerd. Vervangen: de namen van de {count} mensen in deze sessie (de inbrenger en de begeleider "
        "door hun rol, de anderen door een letter in willekeurige volgorde), ook voornamen en achternamen los, "
        "bezittelijke vormen, samengestelde namen, initialen en vormen zonder accenten. Let op: vrije tekst kan "
        "mensen nog steeds herkenbaar maken (een werkplek, een voorval, iemand die niet in de sessie zat); lees "
        "het na voor je het deelt. De datum en de methode zijn blijven staan.",
        "Anonymised. Replaced: the names of the {count} people in this session (the inbrenger and the "
        "facilitator by their role, the others by a letter in random order), first names and surnames alone "
        "too, possessives, compound names, initials and forms without accents. Mind: free text can still "
        "identify people (a workplace, an event, someone who was not in the session); read it before you share "
        "it. The date and the method are kept.",
    ),
    "review.field.date": ("Datum", "Date"),
    "review.field.method": ("Methode", "Method"),
    "review.field.duration": ("Duur", "Duration"),
    "review.field.planned": ("gepland", "planned"),
    "review.column.phase": ("Fase", "Phase"),
    "review.column.planned": ("Gepland (min)", "Planned (min)"),
    "review.column.actual": ("Werkelijk (min)", "Actual (min)"),
    "review.column.overtime": ("Overtijd (min)", "Overtime (min)"),
    "review.section.speaking": ("Spreektijd", "Speaking time"),
    "review.section.phase_notes": ("Notities per fase", "Notes per phase"),
    "review.section.evaluation": ("Evaluatie", "Evaluation"),
    "review.section.reflection": ("Reflectie van de inbrenger", "The inbrenger's reflection"),
    # -- intervisie notes (command line) ---------------------------------------------------------
    "notes.cli.problems": (
        "{count} bestand(en) konden niet worden gelezen; de andere wel:",
        "{count} file(s) could not be read; the others were:",
    ),
    "notes.cli.none": ("Nog geen opgeslagen sessies in {path}.", "No saved sessions yet in {path}."),
    "notes.cli.column.id": ("id", "id"),
    "notes.cli.column.date": ("datum", "date"),
    "notes.cli.column.method": ("methode", "method"),
    "notes.cli.column.inbrenger": ("inbrenger", "inbrenger"),
    "notes.cli.column.people": ("pers.", "people"),
    "notes.cli.column.minutes": ("min", "min"),
    "notes.cli.column.case": ("casus", "case"),
    "notes.cli.delete.session": (
        "{date}  {method}  casus: {case}  ({people})  [{id}]",
        "{date}  {method}  case: {case}  ({people})  [{id}]",
    ),
    "notes.cli.delete.what": (
        "Voorgoed verwijderen (dit kan niet ongedaan worden gemaakt):",
        "Delete for good (this cannot be undone):",
    ),
    "notes.cli.delete.also": (
        "Met de sessie verdwijnen ook de logboeken, de zoekgegevens, tijdelijke kopieën, het thema en de "
        "actiepunten in het verslag van een groep, en de onthouden deelnemers als het deze sessie was.",
        "Its journals, search data and temporary copies go too, as do the theme and action points in a "
        "group's record of it, and the remembered participants if they were this session's.",
    ),
    "notes.cli.delete.question": ("Voorgoed verwijderen? Typ 'ja':", "Delete for good? Type 'yes':"),
    "notes.cli.delete.yes_word": ("ja", "yes"),
    "notes.cli.delete.need_yes": (
        "Niets verwijderd: er is geen terminal om het te vragen. Voeg --yes toe als u het zeker weet.",
        "Nothing deleted: there is no terminal to ask. Add --yes if you are sure.",
    ),
    "notes.cli.delete.kept": ("Niets verwijderd.", "Nothing deleted."),
    "notes.cli.delete.done": ("{count} sessie(s) voorgoed verwijderd.", "{count} session(s) deleted for good."),
    "notes.cli.delete.trashed": (
        "Naar de prullenbak verplaatst: {path} (terug te zetten in de review; voorgoed weg met --permanently).",
        "Moved to the trash: {path} (restore it in the review; gone for good with --permanently).",
    ),
    "notes.cli.delete.already_in_trash": (
        "{path} ligt al in de prullenbak; gebruik --permanently om hem voorgoed te verwijderen.",
        "{path} is in the trash already; use --permanently to delete it for good.",
    ),
    "notes.cli.trash.empty": ("De prullenbak is leeg ({path}).", "The trash is empty ({path})."),
    "notes.cli.trash.what": (
        "De prullenbak legen: {count} sessie(s) voorgoed verwijderen (dit kan niet ongedaan worden gemaakt):",
        "Empty the trash: delete {count} session(s) for good (this cannot be undone):",
    ),
    "notes.cli.trash.unreadable": ("onleesbaar bestand: {path}", "unreadable file: {path}"),
    "notes.cli.compact.done": (
        "{compacted} sessie(s) opgeschoond (gewiste tekst verwijderd), {unchanged} waren al schoon; "
        "{journals} oud(e) logboek(en) verwijderd.",
        "{compacted} session(s) compacted (erased text removed), {unchanged} were compact already; "
        "{journals} old journal(s) deleted.",
    ),
    "notes.cli.compact.kept": (
        "{count} oud(e) logboek(en) bewaard: er is geen opgeslagen sessie bij. Open ze niet met de app; "
        "verwijder ze zelf als u ze niet meer nodig hebt:",
        "{count} old journal(s) kept: no saved session belongs to them. Delete them yourself if you no "
        "longer need them:",
    ),
    "store.lock.in_use": (
        "deze sessie is open in een ander intervisie-venster (proces {pid} op {host}, sinds {since}); "
        "hervat haar daar, of sluit dat venster eerst. Vergrendeling: {path}",
        "this session is open in another intervisie window (process {pid} on {host}, since {since}); "
        "go on there, or close that window first. Lock: {path}",
    ),
    "store.save.written_meanwhile": (
        "{path} is gewijzigd door een ander intervisie-venster nadat het hier werd geopend; niets overschreven. "
        "Open de sessie opnieuw en breng de wijziging daarin aan.",
        "{path} was changed by another intervisie window after it was opened here; nothing was overwritten. "
        "Open the session again and make the change there.",
    ),
    "store.delete.failed": (
        "{path} kon niet worden verwijderd: {reason}",
        "{path} could not be deleted: {reason}",
    ),
    "notes.cli.path.root": ("Gegevensmap", "Data folder"),
    "notes.cli.path.sessions": ("Sessies", "Sessions"),
    "notes.cli.path.live": ("Lopende sessies (logboeken)", "Sessions in progress (journals)"),
    "notes.cli.path.trash": ("Prullenbak", "Trash"),
    # -- the review screen -----------------------------------------------------------------------
    "review.title": ("Terugblik: opgeslagen sessies", "Review: saved sessions"),
    "review.title_trash": ("Prullenbak: verwijderde sessies", "Trash: deleted sessions"),
    "review.search_placeholder": (
        "Zoek in casus, notities, adviezen, actiepunten, reflectie…  (/)",
        "Search case, notes, advice, action points, reflection…  (/)",
    ),
    "review.list.date": ("Datum", "Date"),
    "review.list.method": ("Methode", "Method"),
    "review.list.inbrenger": ("Inbrenger", "Inbrenger"),
    "review.list.participants": ("Deelnemers", "Participants"),
    "review.list.case": ("Casus", "Case"),
    "review.list.duration": ("Duur", "Duration"),
    "review.count": ("{shown} van {total} sessies", "{shown} of {total} sessions"),
    "review.listing": ("De nieuwste sessies; de rest wordt gelezen …", "The newest sessions; reading the rest …"),
    "review.sorted_by": ("gesorteerd op {order}", "sorted by {order}"),
    "review.sort.date": ("datum", "date"),
    "review.sort.method": ("methode", "method"),
    "review.sort.inbrenger": ("inbrenger", "inbrenger"),
    "review.sort.duration": ("duur", "duration"),
    "review.filtered": ("alleen {method}", "only {method}"),
    "review.empty": (
        "Nog geen opgeslagen sessies. Ze verschijnen hier na de afsluiting van een sessie.",
        "No saved sessions yet. They appear here once a session is wrapped up.",
    ),
    "review.empty_trash": ("De prullenbak is leeg.", "The trash is empty."),
    "review.problems": (
        "{count} bestand(en) konden niet worden gelezen (niet aangeraakt):",
        "{count} file(s) could not be read (left untouched):",
    ),
    "review.key.open": ("Openen", "Open"),
    "review.key.search": ("Zoeken", "Search"),
    "review.key.sort": ("Sorteren", "Sort"),
    "review.key.filter": ("Filter methode", "Filter method"),
    "review.key.export": ("Exporteren", "Export"),
    "review.key.export_anonymized": ("Anoniem exporteren", "Export anonymised"),
    "review.key.delete": ("Verwijderen", "Delete"),
    "review.key.trash": ("Prullenbak", "Trash"),
    "review.key.restore": ("Terugzetten", "Restore"),
    "review.key.back": ("Terug", "Back"),
    "review.key.delete_permanently": ("Wis voorgoed", "Delete for good"),
    "review.key.empty_trash": ("Legen", "Empty it"),
    "review.session_line": ("{date} · {case} · {people}", "{date} · {case} · {people}"),
    "review.delete_permanently.question": (
        "Voorgoed verwijderen, zonder terugzetten?\n\n  {session}\n\nMet het document ({files} bestand(en)) "
        "verdwijnen ook de logboeken, de zoekgegevens, tijdelijke kopieën, het thema en de actiepunten in het "
        "verslag van een groep, en de onthouden deelnemers als het deze sessie was.",
        "Delete for good, with no way back?\n\n  {session}\n\nWith the document ({files} file(s)) go its "
        "journals, search data and temporary copies, the theme and action points in a group's record of it, "
        "and the remembered participants if they were this session's.",
    ),
    "review.delete_permanently.confirm": ("Voorgoed verwijderen", "Delete for good"),
    "review.delete_permanently.done": ("Sessie voorgoed verwijderd.", "Session deleted for good."),
    "review.empty_trash.question": (
        "De prullenbak legen: {count} sessie(s) voorgoed verwijderen, zonder terugzetten?\n\n{sessions}\n\n"
        "Met elke sessie verdwijnen ook haar logboeken, zoekgegevens en tijdelijke kopieën.",
        "Empty the trash: delete {count} session(s) for good, with no way back?\n\n{sessions}\n\n"
        "With each session go its journals, search data and temporary copies.",
    ),
    "review.empty_trash.confirm": ("Prullenbak legen", "Empty the trash"),
    "review.empty_trash.done": ("{count} sessie(s) voorgoed verwijderd.", "{count} session(s) deleted for good."),
    "review.empty_trash.more": ("… en nog {count}", "… and {count} more"),
    "review.empty_trash.unreadable": ("onleesbaar bestand {name}", "unreadable file {name}"),
    "review.key.reflect": ("Reflectie schrijven", "Write reflection"),
    "review.key.save": ("Opslaan", "Save"),
    "review.key.cancel": ("Annuleren", "Cancel"),
    "review.delete.question": (
        "Sessie van {date} ({case}) naar de prullenbak verplaatsen? Je kunt haar daar terugzetten.",
        "Move the session of {date} ({case}) to the trash? You can restore it from there.",
    ),
    "review.delete.confirm": ("Naar prullenbak", "Move to trash"),
    "review.delete.cancel": ("Bewaren", "Keep"),
    "review.delete.done": (
        "Verplaatst naar de prullenbak. Druk t om de prullenbak te zien en r om terug te zetten.",
        "Moved to the trash. Press t to see the trash and r to restore.",
    ),
    "review.restored": ("Sessie teruggezet.", "Session restored."),
    "review.read_only": (
        "Alleen lezen: deze sessie is open in een ander intervisie-venster.",
        "Read-only: this session is open in another intervisie window.",
    ),
    "review.reflection.title": (
        "Reflectie van de inbrenger — ctrl+s bewaart, Esc annuleert",
        "The inbrenger's reflection — ctrl+s saves, Esc cancels",
    ),
    "review.reflection.template": (
        "Wat er gebeurde:\n\n\nWat ik leerde:\n\n\nWat ik anders zou doen:\n\n\nWat ik meeneem naar de volgende bijeenkomst:\n",
        "What happened:\n\n\nWhat I learned:\n\n\nWhat I would do differently:\n\n\nWhat I take to the next meeting:\n",
    ),
    "review.reflection.unchanged": (
        "Er staan alleen nog de vragen; schrijf eerst de reflectie (Escape annuleert).",
        "Only the questions are there; write the reflection first (Escape cancels).",
    ),
    "review.reflection.saved": ("Reflectie opgeslagen.", "Reflection saved."),
    "review.export.title": ("Exporteren als Markdown naar:", "Export as Markdown to:"),
    "review.export.title_json": (
        "De volledige sessie (JSON, met alle notities en namen) bewaren in:",
        "Save the complete session (JSON, with all notes and names) to:",
    ),
    "review.export.title_anonymized": (
        "Anoniem exporteren (namen worden rollen en letters) naar:",
        "Export anonymised (names become roles and letters) to:",
    ),
    "review.export.hint": (
        "Enter schrijft het bestand (een map mag ook), Esc annuleert. Het bestand is alleen voor jou leesbaar. "
        "Eindigt de naam op .json, dan wordt het de JSON-versie (ook die wordt geanonimiseerd als je dat koos).",
        "Enter writes the file (a folder works too), Esc cancels. Only you can read the file. A name ending in "
        ".json writes the JSON version (anonymised too if you chose that).",
    ),
    "review.export.replace_question": (
        "{path} bestaat al. Vervangen?",
        "{path} already exists. Replace it?",
    ),
    "review.export.replace_yes": ("Vervangen", "Replace"),
    "review.export.replace_no": ("Niet vervangen", "Keep it"),
    "review.export.done": ("Geëxporteerd naar {path}", "Exported to {path}"),
}
