"""Strings of the display in a browser (“intervisie display --web”): the command's output and the pages it serves."""

MESSAGES: dict[str, tuple[str, str]] = {
    "web.missing_extra": (
        "De weergave in een browser heeft een extra pakket nodig. Installeer het met:\n"
        '  pip install "intervisie-tui[web]"',
        'The display in a browser needs an extra package. Install it with:\n  pip install "intervisie-tui[web]"',
    ),
    "web.bad_port": (
        "Poort {port} kan niet: kies een getal van 1 tot 65535, of laat --port weg voor een vrije poort.",
        "Port {port} is not possible: choose a number from 1 to 65535, or leave out --port for a free port.",
    ),
    "web.port_in_use": (
        "Poort {port} is al in gebruik. Kies een andere met --port N, of laat --port weg voor een vrije poort.",
        "Port {port} is already in use. Choose another with --port N, or leave out --port for a free port.",
    ),
    "web.cannot_listen": (
        "Kan niet luisteren op {host}, poort {port}: {reason}.",
        "Cannot listen on {host}, port {port}: {reason}.",
    ),
    "web.ready_local": (
        "De weergave voor de zaal staat klaar. Open dit adres in een browser op deze computer:",
        "The room's display is ready. Open this address in a browser on this computer:",
    ),
    "web.ready_lan": (
        "De weergave voor de zaal staat klaar. Open dit adres in een browser in hetzelfde netwerk:",
        "The room's display is ready. Open this address in a browser on the same network:",
    ),
    "web.lan_address_unknown": (
        "Het IP-adres van deze computer is niet gevonden: vervang {placeholder} door dat adres.",
        "This computer's IP address was not found: replace {placeholder} with that address.",
    ),
    "web.lan_warning": (
        "LET OP: iedereen in dit netwerk die het adres kent, kan meekijken. De inhoud is vertrouwelijk en de "
        "verbinding is niet versleuteld (http). Gebruik --lan alleen op een netwerk dat je vertrouwt.",
        "WARNING: anyone on this network who knows the address can watch. The content is confidential and the "
        "connection is not encrypted (http). Use --lan only on a network you trust.",
    ),
    "web.rules": (
        "Het adres bevat een geheime sleutel die bij elke start nieuw is: deel het alleen met wie mag meekijken. "
        "Hoogstens {limit} schermen tegelijk. Stoppen: Ctrl+C.",
        "The address holds a secret key, new at every start: share it only with those who may watch. "
        "At most {limit} screens at once. Stop: Ctrl+C.",
    ),
    "web.stopped": ("De weergave in de browser is gestopt.", "The display in the browser has stopped."),
    "web.page.title": ("Intervisie: weergave voor de zaal", "Intervisie: the room's display"),
    "web.page.connecting": ("Verbinden met de weergave…", "Connecting to the display…"),
    "web.page.closed": (
        "De verbinding met de weergave is verbroken: de weergave is gestopt, of er kijken al {limit} schermen mee.",
        "The connection to the display has closed: the display has stopped, or {limit} screens are already watching.",
    ),
    "web.page.reconnect": ("Opnieuw verbinden", "Reconnect"),
    "web.refused.title": ("Geen toegang", "No access"),
    "web.refused.token": (
        "Dit adres klopt niet. Gebruik het volledige adres dat “intervisie display --web” liet zien; "
        "na elke start is het nieuw.",
        "This address is not right. Use the full address that “intervisie display --web” printed; "
        "it is new at every start.",
    ),
    "web.refused.origin": (
        "Dit verzoek komt van een andere website en is geweigerd.",
        "This request comes from another website and was refused.",
    ),
    "web.refused.host": (
        "Deze weergave antwoordt alleen op het adres dat “intervisie display --web” liet zien.",
        "This display answers only at the address that “intervisie display --web” printed.",
    ),
    "web.refused.method": (
        "De weergave kan alleen bekeken worden, niet veranderd.",
        "The display can only be watched, not changed.",
    ),
    "web.refused.not_found": ("Deze pagina bestaat niet.", "This page does not exist."),
    "web.full.title": ("Vol", "Full"),
    "web.full": (
        "Er kijken al {limit} schermen mee; meer kan niet tegelijk. Sluit een ander scherm en probeer het opnieuw.",
        "{limit} screens are already watching; no more can join at once. Close another screen and try again.",
    ),
    # A websocket close reason: at most 123 bytes.
    "web.full.close_reason": (
        "Al {limit} kijkers; probeer later opnieuw.",
        "Already {limit} viewers; try again later.",
    ),
}
