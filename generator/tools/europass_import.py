from __future__ import annotations
class EuropassError(Exception):
    pass
def europass_drafts(path, provider):
    raise EuropassError("todo")
