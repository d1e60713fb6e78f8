"""The exercise set a trainee works on, kept beside their progress file so a restart resumes at once.

Generating a set audits every candidate edit of the samples (about 10 s for 12 exercises on one
core); the set itself is a few hundred KB of JSON that reads in milliseconds. It is saved once, when
the trainee first uses it, under its fingerprint (the name the progress file's answers are filed
by), so the answers always meet the very exercises they were given on, even after an upgrade of
the auditor would generate a different set from the same seed.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import replacing
from .exercises import ExerciseSet
from .progress import Progress


def set_path(progress: Progress, fingerprint: str) -> Path:
    """`trainees/NAME.json` keeps its sets in `trainees/NAME.sets/<fingerprint>.json`."""
    p = progress.path
    return p.with_name(p.stem + ".sets") / f"{fingerprint}.json"


def save_set(progress: Progress, made: ExerciseSet) -> Path:
    """Write the set once (a set never changes under its fingerprint); returns where it is."""
    path = set_path(progress, made.fingerprint)
    if not path.exists():
        with replacing(path) as tmp:
            tmp.write_text(made.dumps(), encoding="utf-8")
    return path


def saved_set(progress: Progress, seed: int, count: int | None) -> ExerciseSet | None:
    """The set the trainee was working on, when it was made with this seed (and this many
    exercises, when a count is asked for); None when there is none or it cannot be read."""
    if not progress.set_id or progress.seed != seed:
        return None
    path = set_path(progress, progress.set_id)
    try:
        made = ExerciseSet.read(path)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if made.fingerprint != progress.set_id or made.seed != seed:
        return None  # edited or foreign: regenerate rather than file answers under the wrong set
    if count is not None and len(made.exercises) != count:
        return None  # asked for another size of set
    return made
