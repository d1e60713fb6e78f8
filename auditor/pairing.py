"""Which files of a batch belong together, from a cheap first read of each.

Some bodies publish one disclosure as two files: the narrative (情况说明, 公开文件, 附件1) and the
tables (公开表, 报表, 附件2). Audited apart, the narrative has nothing to be checked against and the
tables lack the narrative's explanations. A batch over a folder therefore reads each file's text
layer once, quickly (pdfium's text, no layout, no tables: a few milliseconds a page), to tell

- who and what it is: organisation, year, kind (部门/单位, 预算/决算), from its first lines and its name;
- what it holds: narrative only, tables only, or both, from how much prose and how many figures
  outside the prose it prints;

and then pairs a narrative-only file with the tables-only file of the same organisation, year and
kind in the same folder, and finds, for each disclosure, last year's disclosure of the same
organisation and kind among the inputs (for the 上年 checks). Nothing is paired on a guess: an
organisation that cannot be told apart, or two candidates that fit equally, leave the files apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .ingest.meta import title_identity

_NUM = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?![\w.])")
_YEAR = re.compile(r"(20\d\d)\s*年?")
_PREFIX = re.compile(r"^(?:附件\s*\d*[:：]?|第[一二三四五]部分|\d{4}年度?)")
_NOISE = ("中共", "（本级）", "本级", "（汇总）", "汇总", "(本级)", "(汇总)", "常委会")

TABLES_PROSE_PER_PAGE = 40  # characters of prose a page of a tables-only file prints at most (notes)
NARRATIVE_MAX_FIGURES = 100  # figures outside prose lines a narrative-only file prints at most
MIN_FIGURES_FOR_TABLES = 100


@dataclass
class Sketch:
    """What a cheap first read tells about one file."""

    path: str
    orgs: tuple[str, ...]  # candidate names: from the first lines, from the file name
    year: int | None
    stage: str | None  # 预算 / 决算
    level: str | None  # 部门 / 单位
    role: str  # narrative | tables | full
    pages: int = 0
    prose: int = 0
    figures: int = 0

    @property
    def folder(self) -> str:
        return str(Path(self.path).parent)


@dataclass
class Plan:
    """The batch as disclosures: each group of files is audited as one; previous[i] are the files of
    group i's disclosure of the year before, when the batch holds it."""

    groups: list[list[str]]
    previous: list[list[str] | None] = field(default_factory=list)


def _page_texts(path: str) -> list[str]:
    data = Path(path).read_bytes()
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            out = []
            for i in range(len(pdf)):
                page = pdf[i]
                tp = page.get_textpage()
                out.append(tp.get_text_range())
                tp.close()
                page.close()
            return out
        finally:
            pdf.close()
    from .ingest.text import decode

    return [decode(data, path)]


def normalize_org(name: str) -> str:
    name = re.sub(r"\s+", "", name)
    name = re.split(r"部分|目录|公开|年度", name)[-1]  # "…构成第二部分佛山市轨道交通局" → the name itself
    name = _PREFIX.sub("", name)
    for w in _NOISE:
        name = name.replace(w, "")
    return name


def _lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def same_org(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """True when some name of one is the other's (allowing a shortened form: 省人大办公厅 is
    江苏省人大常委会办公厅), False when both are known and none fits, None when one is unknown."""
    if not a or not b:
        return None
    for x in a:
        for y in b:
            x, y = normalize_org(x), normalize_org(y)
            short = min(len(x), len(y))
            if short >= 3 and _lcs(x, y) == short:  # one is the other, or a shortened form of it
                return True
    return False


def _identity(head: str, name: str) -> tuple[tuple[str, ...], int | None, str | None, str | None]:
    """Organisation names, year, stage and level from the first lines and the file name, read as
    ingest/meta reads a title (both must agree on what a body's name is)."""
    orgs: list[str] = []
    year = stage = level = None
    for source in (head, name):
        org, y, lv, st = title_identity(source)
        if org:
            orgs.append(normalize_org(org))
        year = year or y
        stage = stage or st
        level = level or lv
    if year is None:
        years = _YEAR.findall(name) or _YEAR.findall(head)
        year = int(years[0]) if years else None
    if stage is None:
        both = head + name
        if "决算" in both or "预算" in both:
            stage = "决算" if both.count("决算") > both.count("预算") else "预算"
    if level is None:
        level = "单位" if "单位预算" in head + name or "单位决算" in head + name else None
    return tuple(dict.fromkeys(orgs)), year, stage, level


def identity_of_name(name: str) -> list[str]:
    """Organisation names a title or file name gives ("北京市司法局_2026_部门预算" → 北京市司法局)."""
    return list(_identity("", name.replace("_", ""))[0])


def sketch(path: str) -> Sketch | None:
    """None when the file cannot be read this way: it is audited alone and its reader says why."""
    try:
        texts = _page_texts(path)
    except Exception:  # noqa: BLE001 - any failure here only means "do not pair this file"
        return None
    prose = figures = 0
    for t in texts:
        for line in t.splitlines():
            line = line.strip()
            if not line:
                continue
            nums = len(_NUM.findall(line))
            if ("。" in line or "，" in line) and nums < 3:
                prose += len(line)
            elif not ("。" in line or "，" in line):
                figures += nums
    pages = len(texts) if len(texts) > 1 else max(1, prose // 2000 + figures // 400)
    if figures >= MIN_FIGURES_FOR_TABLES and prose <= TABLES_PROSE_PER_PAGE * pages:
        role = "tables"
    elif figures < NARRATIVE_MAX_FIGURES and prose >= 500:
        role = "narrative"
    else:
        role = "full"
    head_lines = [ln.strip() for t in texts[:2] for ln in t.splitlines() if ln.strip()][:8]
    head = "".join(ln.replace(" ", "") for ln in head_lines)
    orgs, year, stage, level = _identity(head, Path(path).stem.replace("_", ""))
    return Sketch(path, orgs, year, stage, level, role, len(texts), prose, figures)


def _partner(n: Sketch, tables: list[Sketch]) -> Sketch | None:
    """The one tables-only file that fits a narrative-only file, or None (none, or no clear best)."""
    fits = []
    for t in tables:
        if t.folder != n.folder or n.year is None or t.year != n.year or t.stage != n.stage:
            continue
        if n.level and t.level and n.level != t.level:
            continue
        org = same_org(n.orgs, t.orgs)
        if org is False:
            continue
        fits.append((1 if org else 0, t))
    if not fits:
        return None
    best = max(score for score, _ in fits)
    top = [t for score, t in fits if score == best]
    return top[0] if len(top) == 1 else None


PARALLEL_FROM = 16  # files: below this, starting worker processes costs more than it saves


def sketch_all(files: list[str], jobs: int | None = None) -> dict[str, Sketch | None]:
    """Every file's sketch; a large batch is sketched on `jobs` worker processes, as it will be
    audited: the first read is a pdfium parse of every page, and in one process it held up the
    batch for as long as a second reading of the whole folder."""
    import os

    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < PARALLEL_FROM:
        return {f: sketch(f) for f in files}
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            return dict(zip(files, pool.map(sketch, files, chunksize=4)))
    except Exception:  # noqa: BLE001 - no workers (no semaphores, a broken pool): sketch here
        return {f: sketch(f) for f in files}


def plan(files: list[str], sketches: dict[str, Sketch | None] | None = None) -> Plan:
    """Groups in input order (a pair where its first file was), and last year's group for each."""
    sk = sketches if sketches is not None else {f: sketch(f) for f in files}
    narratives = [s for f in files if (s := sk.get(f)) and s.role == "narrative"]
    tables = [s for f in files if (s := sk.get(f)) and s.role == "tables"]
    pairs: dict[str, str] = {}
    wanted: dict[str, list[str]] = {}
    for n in narratives:
        t = _partner(n, tables)
        if t is not None:
            wanted.setdefault(t.path, []).append(n.path)
    for t, ns in wanted.items():
        if len(ns) == 1:  # two narratives wanting one tables file: neither is sure
            pairs[ns[0]] = t
    taken = set(pairs.values())
    groups: list[list[str]] = []
    for f in files:
        if f in taken:
            continue
        groups.append([f, pairs[f]] if f in pairs else [f])
    return Plan(groups, [_previous(g, groups, sk) for g in groups])


def _group_identity(g: list[str], sk: dict[str, Sketch | None]) -> tuple[tuple[str, ...], int | None, str | None, str | None]:
    ss = [s for f in g if (s := sk.get(f))]
    orgs = tuple(dict.fromkeys(o for s in ss for o in s.orgs))
    year = next((s.year for s in ss if s.year), None)
    stage = next((s.stage for s in ss if s.stage), None)
    level = next((s.level for s in ss if s.level), None)
    return orgs, year, stage, level


def _previous(g: list[str], groups: list[list[str]], sk: dict[str, Sketch | None]) -> list[str] | None:
    """Last year's disclosure of the same organisation and kind, when exactly one is in the batch."""
    orgs, year, stage, level = _group_identity(g, sk)
    if not orgs or year is None or stage is None:
        return None
    found = []
    for other in groups:
        o_orgs, o_year, o_stage, o_level = _group_identity(other, sk)
        if o_year != year - 1 or o_stage != stage or (level or "部门") != (o_level or "部门"):
            continue
        if same_org(orgs, o_orgs):
            found.append(other)
    return found[0] if len(found) == 1 else None
