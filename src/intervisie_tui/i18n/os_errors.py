"""Why the system refused a file operation, in the user's language (`core.os_errors` picks the key).

`OSError.strerror` is the C library's English text; every place that tells the user why a
file could not be read or written goes through `core.os_errors.os_error_reason` instead.
"""

from __future__ import annotations

# English as the C library says it (what English users always saw); Dutch in the same few words.
MESSAGES: dict[str, tuple[str, str]] = {
    "oserror.not_found": ("Bestand of map bestaat niet", "No such file or directory"),
    "oserror.denied": ("Geen toestemming", "Permission denied"),
    "oserror.full": ("Geen ruimte meer op de schijf", "No space left on device"),
    "oserror.quota": ("Schijfquotum overschreden", "Disk quota exceeded"),
    "oserror.read_only": ("Alleen-lezen bestandssysteem", "Read-only file system"),
    "oserror.is_folder": ("Dit is een map, geen bestand", "Is a directory"),
    "oserror.not_folder": ("Een deel van het pad is geen map", "Not a directory"),
    "oserror.exists": ("Bestaat al", "File exists"),
    "oserror.name_too_long": ("Naam te lang", "File name too long"),
    "oserror.io": ("Lees- of schrijffout op de schijf", "Input/output error"),
    "oserror.busy": ("Bestand of apparaat is bezet", "Device or resource busy"),
    "oserror.loop": ("Te veel symbolische koppelingen", "Too many levels of symbolic links"),
    "oserror.too_many_open": ("Te veel open bestanden", "Too many open files"),
    "oserror.not_empty": ("De map is niet leeg", "Directory not empty"),
    "oserror.cross_device": ("Kan niet naar een andere schijf verplaatsen", "Invalid cross-device link"),
    "oserror.invalid": ("Ongeldige naam of bewerking", "Invalid argument"),
    "oserror.other": ("Systeemfout {number}: {detail}", "System error {number}: {detail}"),
    "oserror.unknown": ("Systeemfout: {detail}", "System error: {detail}"),
}
