"""A trainee's progress: lessons read, answers given, where to resume. One JSON file per trainee.

Written atomically after every change (a temporary file in the same folder, then os.replace), so a
crash or a killed terminal leaves the previous file, never half of one. Answers are stored per
exercise set (by its fingerprint): a trainee who switches sets keeps the answers of the first.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..atomic import write_json
from .scoring import Answer

FORMAT = "auditor-train-progress"
VERSION = 1


class ProgressError(Exception):
    """The progress file exists but cannot be read as one."""


def default_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "auditor" / "trainees"


def progress_path(trainee: str, folder: Path | None = None) -> Path:
    safe = re.sub(r"[^\w.-]+", "_", trainee.strip(), flags=re.UNICODE).strip("._") or "trainee"
    return (folder or default_dir()) / f"{safe}.json"


@dataclass
class Progress:
    path: Path
    trainee: str
    lessons_done: list[str] = field(default_factory=list)
    set_id: str = ""
    seed: int | None = None
    answers: dict[str, dict[str, dict[str, Answer]]] = field(default_factory=dict)  # set → exercise → item
    updated: str = ""

    @classmethod
    def open(cls, path: str | Path, trainee: str) -> "Progress":
        """The saved progress, or a fresh one (nothing is written until the first change)."""
        p = Path(path)
        if not p.exists():
            return cls(path=p, trainee=trainee)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProgressError(f"无法读取学习记录 {p}：{exc}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ProgressError(f"{p} 不是学习记录文件")
        try:
            answers = {
                s: {e: {i: Answer.from_dict(a) for i, a in items.items()} for e, items in exs.items()}
                for s, exs in (data.get("answers") or {}).items()
            }
        except (AttributeError, ValueError) as exc:
            raise ProgressError(f"{p} 中的作答记录有误：{exc}") from exc
        return cls(
            path=p,
            trainee=str(data.get("trainee") or trainee),
            lessons_done=[str(x) for x in data.get("lessons_done") or []],
            set_id=str(data.get("set_id") or ""),
            seed=data.get("seed"),
            answers=answers,
            updated=str(data.get("updated") or ""),
        )

    # ---- reading -----------------------------------------------------------------------------
    def set_answers(self, set_id: str | None = None) -> dict[str, dict[str, Answer]]:
        return self.answers.get(set_id or self.set_id, {})

    def answered(self, exercise_id: str, set_id: str | None = None) -> dict[str, Answer]:
        return self.set_answers(set_id).get(exercise_id, {})

    # ---- changing (each change is saved before returning) ------------------------------------
    def use_set(self, set_id: str, seed: int | None) -> None:
        if (self.set_id, self.seed) != (set_id, seed):
            self.set_id, self.seed = set_id, seed
            self.save()

    def lesson_done(self, lesson_id: str) -> None:
        if lesson_id not in self.lessons_done:
            self.lessons_done.append(lesson_id)
            self.save()

    def record(self, exercise_id: str, answers: dict[str, Answer]) -> None:
        """All answers of one exercise at once: an exercise is revealed as a whole."""
        self.answers.setdefault(self.set_id, {})[exercise_id] = dict(answers)
        self.save()

    def as_dict(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "trainee": self.trainee,
            "updated": self.updated,
            "lessons_done": self.lessons_done,
            "set_id": self.set_id,
            "seed": self.seed,
            "answers": {
                s: {e: {i: a.as_dict() for i, a in items.items()} for e, items in exs.items()}
                for s, exs in self.answers.items()
            },
        }

    def save(self) -> None:
        self.updated = datetime.now(timezone.utc).isoformat(timespec="seconds")
        write_json(self.path, self.as_dict())
