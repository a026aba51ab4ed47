"""The commented starter file that `intervisie methods new ID` writes."""

from __future__ import annotations

_TEMPLATE = '''# A method for intervisie-tui. Check it with:  intervisie methods validate {id}.toml
# Every text needs Dutch (nl) and English (en). Editors can use `intervisie methods schema`.
id = "{id}"          # must be unique; a built-in's id replaces that built-in
schema = 1           # version of this file format

name = {{ nl = "Mijn methode", en = "My method" }}
summary = {{ nl = "Eén zin over waar deze methode goed voor is.", en = "One sentence on what this method is good for." }}
description = {{ nl = """
Waar komt de methode vandaan, wanneer gebruik je haar, welke regel is het belangrijkst?
""", en = """
Where the method comes from, when to use it, and its most important rule.
""" }}
group_size = [4, 8]  # smallest and largest suitable group
minutes = 45         # default total; the phases are scaled to the group's time budget

# Leave ground_rules out to use the shared rules (confidentiality, 'ja, en', no judgement).
# ground_rules = {{ nl = ["..."], en = ["..."] }}

[[phases]]
id = "vraag"
title = {{ nl = "De inbrenger vertelt", en = "The inbrenger tells" }}
minutes = 10
min_minutes = 5      # scaling never goes below this
# speakers: inbrenger | round | open | silent | without-inbrenger | facilitator
speakers = "inbrenger"
questions = {{ nl = ["Wat is er gebeurd?", "Wat is je vraag?"], en = ["What happened?", "What is your question?"] }}
tips = {{ nl = "Alleen voor de begeleider: laat de inbrenger uitpraten.", en = "Facilitator only: let the inbrenger finish." }}
notes = ["case-question"]   # structured notes: case-question, advice, action-points

[[phases]]
id = "vragenronde"
title = {{ nl = "Vragenronde", en = "Round of questions" }}
minutes = 15
min_minutes = 8
speakers = "round"
turn_seconds = 120            # optional: a countdown for each speaker
inbrenger_in_round = false    # optional: whether the inbrenger takes a turn too
questions = {{ nl = ["Welke open vraag helpt de inbrenger verder?"], en = ["Which open question helps the inbrenger?"] }}

[[phases]]
id = "advies"
title = {{ nl = "Adviezen", en = "Advice" }}
minutes = 15
min_minutes = 8
speakers = "without-inbrenger"
questions = {{ nl = ["Wat zou jij proberen?"], en = ["What would you try?"] }}
notes = ["advice"]

[[phases]]
id = "afsluiting"
title = {{ nl = "Afsluiting", en = "Closing" }}
minutes = 5
min_minutes = 3
speakers = "round"
inbrenger_in_round = true
questions = {{ nl = ["Wat neem je mee?"], en = ["What do you take with you?"] }}
notes = ["action-points"]
'''


def starter_method(method_id: str) -> str:
    return _TEMPLATE.format(id=method_id)
