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
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from .ingest.meta import title_identity

_NUM = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?![\w.])")
_YEAR = re.compile(r"(20\d\d)\s*年?")
_PREFIX = re.compile(r"^(?:附件\s*\d*[:：]?|第[一二三四五]部分|\d{4}年度?)")
_NOISE = ("中共", "（本级）", "本级", "（汇总）", "汇总", "(本级)", "(汇总)", "常委会")

# A file name is a scraper's guess (Beijing's "北京_政府办公厅_2026年部门预算.pdf" holds another body's
# tables): a pair must also agree in figures. Of the 万元 amounts the narrative states, at least this
# share must be printed in the tables file (true pairs on corpus, regions and wide: 0.56-0.84; the
# wrong one 0.06). Checked only when the narrative states at least MIN_STATED amounts.
MIN_AGREEMENT = 0.3
MIN_STATED = 3
_WAN = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*万元")
_FIGURE = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{3,})(?![\d.])")
_YUAN_UNIT = re.compile(r"单位[:：]\s*元")
_CENT = Decimal("0.01")
TABLES_PROSE_PER_PAGE = 40  # characters of prose a page of a tables-only file prints at most (notes)
NARRATIVE_MAX_FIGURES = 100  # figures outside prose lines a narrative-only file prints at most
MIN_FIGURES_FOR_TABLES = 100
# Headings only a narrative prints. A tables file may print long prose in its 绩效目标 tables (Beijing's
# 附件2 runs to 12,000 characters of it), so prose alone does not make a file narrative; the narrative's
# own structure does. At most one of them may appear in a tables file (a 绩效 table's "部门职责" column).
_NARRATIVE_MARKS = re.compile(r"情况说明|部门职责|主要职责|职能配置|机构设置|名词解释|总体情况|第[一二三]部分|"
                              r"部门概况|单位概况|收支.{0,4}说明")


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
    stated: frozenset[Decimal] = frozenset()  # 万元 amounts the prose states, to the cent
    printed: frozenset[Decimal] = frozenset()  # every figure printed, read as 万元 to the cent

    def agreement(self, tables: "Sketch") -> float | None:
        """The share of this narrative's stated amounts that the tables file prints, or None when
        it states too few to tell."""
        if len(self.stated) < MIN_STATED:
            return None
        return len(self.stated & tables.printed) / len(self.stated)

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


def org_fit(a: tuple[str, ...], b: tuple[str, ...]) -> int | None:
    """How well two files' names fit: 2 one name equals the other, 1 one is a shortened form of
    the other, 0 none fits, None when one is unknown. 北京市公安局 fits 北京市公安局交通管理局 only as
    a shortened form, so the bureau's own tables file goes to the bureau, not to its sub-bureau."""
    if not a or not b:
        return None
    best = 0
    for x in a:
        for y in b:
            x, y = normalize_org(x), normalize_org(y)
            if x == y or x.replace("市", "") == y.replace("市", ""):
                return 2
            short = min(len(x), len(y))
            if short >= 3 and _lcs(x, y) == short:
                best = 1
    return best


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


def _amounts(texts: list[str]) -> tuple[frozenset[Decimal], frozenset[Decimal]]:
    """(amounts stated in 万元, figures printed as 万元): a figure of a table whose unit is unknown
    counts both as 万元 and as 元, since the cheap read does not know which table it is in."""
    text = "\n".join(texts)
    stated = {Decimal(m.group(1).replace(",", "")).quantize(_CENT, ROUND_HALF_UP) for m in _WAN.finditer(text)}
    yuan = bool(_YUAN_UNIT.search(text))
    printed: set[Decimal] = set()
    for m in _FIGURE.finditer(text):
        v = Decimal(m.group(1).replace(",", ""))
        for x in ((v / 10000,) if yuan else (v, v / 10000)):
            printed.add(x.quantize(_CENT, ROUND_HALF_UP))
    return frozenset(stated - {Decimal(0)}), frozenset(printed - {Decimal(0)})


def sketch(path: str) -> Sketch | None:
    """None when the file cannot be read this way: it is audited alone and its reader says why."""
    try:
        texts = _page_texts(path)
    except Exception:  # noqa: BLE001 - any failure here only means "do not pair this file"
        return None
    prose = figures = 0
    marks = {m.group(0) for t in texts for m in _NARRATIVE_MARKS.finditer(t)}
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
    if figures >= MIN_FIGURES_FOR_TABLES and (prose <= TABLES_PROSE_PER_PAGE * pages or len(marks) <= 1):
        role = "tables"
    elif figures < NARRATIVE_MAX_FIGURES and prose >= 500:
        role = "narrative"
    else:
        role = "full"
    head_lines = [ln.strip() for t in texts[:2] for ln in t.splitlines() if ln.strip()][:8]
    head = "".join(ln.replace(" ", "") for ln in head_lines)
    orgs, year, stage, level = _identity(head, Path(path).stem.replace("_", ""))
    stated, printed = _amounts(texts) if role != "full" else (frozenset(), frozenset())
    return Sketch(path, orgs, year, stage, level, role, len(texts), prose, figures, stated, printed)


def _partner(n: Sketch, tables: list[Sketch]) -> tuple[int, Sketch] | None:
    """The one tables-only file that fits a narrative-only file and how well (org_fit, or 0 when a
    name is unknown), or None (none, or no clear best)."""
    fits = []
    for t in tables:
        if t.folder != n.folder or n.year is None or t.year != n.year or t.stage != n.stage:
            continue
        if n.level and t.level and n.level != t.level:
            continue
        org = org_fit(n.orgs, t.orgs)
        if org == 0:
            continue
        agree = n.agreement(t)
        if agree is not None and agree < MIN_AGREEMENT:
            continue  # the names fit, the figures do not: another body's tables
        fits.append((org or 0, t))
    if not fits:
        return None
    best = max(score for score, _ in fits)
    top = [t for score, t in fits if score == best]
    return (best, top[0]) if len(top) == 1 else None


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
    wanted: dict[str, list[tuple[int, str]]] = {}
    for n in narratives:
        fit = _partner(n, tables)
        if fit is not None:
            wanted.setdefault(fit[1].path, []).append((fit[0], n.path))
    for t, ns in wanted.items():
        best = max(score for score, _ in ns)
        top = [n for score, n in ns if score == best]
        if len(top) == 1:  # two narratives wanting one tables file equally: neither is sure
            pairs[top[0]] = t
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
