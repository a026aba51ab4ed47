"""Reports of a group's series: attendance lists to sign, personal proof of hours, CSV for
register portals, and the next meeting as an iCalendar file.

`content` decides what a report may hold (dates, times, method, roles, names, net hours and
a theme the facilitator marked as shareable) and nothing else: never notes, case text, advice
or evaluations. The renderers only lay out what it gives them.
"""
