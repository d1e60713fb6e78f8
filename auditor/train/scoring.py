"""Scoring: each judged item earns a point for the right verdict and one for the right rule.

A verdict is right when 通过 is said of a result that passes and 不通过 of one that fails or warns
(存疑 is a finding too). The rule counts only with the verdict: naming the right rule for the wrong
reason is not knowing the rule. Scores are kept per rule family (T/X/N/D) of the item's true rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..rules.catalogue import FAMILIES
from .exercises import Exercise, Item

PASS, FAIL = "pass", "fail"  # the two answers a trainee gives: 通过 / 不通过
ANSWER_LABELS = {PASS: "通过", FAIL: "不通过"}


@dataclass(frozen=True)
class Answer:
    verdict: str  # PASS or FAIL
    rule: str

    def as_dict(self) -> dict:
        return {"verdict": self.verdict, "rule": self.rule}

    @classmethod
    def from_dict(cls, d: dict) -> "Answer":
        verdict = d.get("verdict")
        if verdict not in (PASS, FAIL):
            raise ValueError(f"未知判断：{verdict}")
        return cls(verdict=verdict, rule=str(d.get("rule", "")).upper())


@dataclass(frozen=True)
class Mark:
    verdict_right: bool
    rule_right: bool

    @property
    def points(self) -> int:
        return int(self.verdict_right) + int(self.verdict_right and self.rule_right)


def mark(item: Item, answer: Answer) -> Mark:
    verdict_right = (answer.verdict == PASS) == item.passes
    return Mark(verdict_right=verdict_right, rule_right=verdict_right and answer.rule == item.rule)


@dataclass
class FamilyScore:
    family: str
    items: int = 0
    verdicts: int = 0  # right verdicts
    rules: int = 0  # right verdict and right rule

    @property
    def points(self) -> int:
        return self.verdicts + self.rules

    @property
    def possible(self) -> int:
        return 2 * self.items

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.possible) if self.possible else 0

    @property
    def name(self) -> str:
        return FAMILIES.get(self.family, self.family)


def score(exercises: list[Exercise], answers: dict[str, dict[str, Answer]]) -> dict[str, FamilyScore]:
    """Per family, over every answered item. answers: exercise id → item id → Answer."""
    out = {f: FamilyScore(f) for f in FAMILIES}
    for ex in exercises:
        given = answers.get(ex.id, {})
        for item in ex.items:
            a = given.get(item.id)
            if a is None:
                continue
            m = mark(item, a)
            fs = out.setdefault(item.rule[0], FamilyScore(item.rule[0]))
            fs.items += 1
            fs.verdicts += m.verdict_right
            fs.rules += m.rule_right
    return out


def summary_line(scores: dict[str, FamilyScore]) -> str:
    parts = [f"{s.family} {s.name} {s.points}/{s.possible}" for s in scores.values() if s.items]
    return "　".join(parts) if parts else "尚未作答"
