"""Finds what a narrative figure speaks of: a table row, a classification chain or a concept.

The subject comes from the clause before the figure, else from a "其中" chain, the paragraph's label or
the section heading; the body's own name ("某省档案馆") is never taken for a budget line.
"""

from __future__ import annotations

import bisect

import regex

from .. import patterns
from ..model import Document
from ..numbers import UNIT_SCALE
from .extract import Claim, bracket_opening, extract_sentence, normalize
from .facts import concepts
from .parts import known_names


@patterns.cached
def _chain_rx() -> list[regex.Pattern]:
    return [regex.compile(p) for p in patterns.load("claims")["classification_chains"]]


@patterns.cached
def _explanation_rx() -> regex.Pattern:
    return regex.compile("|".join(map(regex.escape, patterns.load("claims")["explanation_markers"])))


def g_years_stripped(text: str) -> str:
    """A clause without its years, spaces and list numbers: what is left names the figure."""
    text = regex.sub(r"^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)", "", text)
    return grammar()["years"].sub("", text).strip(" “”\"")


def _own_name_spans(doc: Document, norm: str) -> list[tuple[int, int]]:
    """Where the text names the body itself ("某省档案馆", "北京市司法局"): a budget line of the same
    name (2012604 档案馆, 20406 司法) is not what such a sentence speaks of."""
    spans = [(m.start(), m.end()) for m in grammar()["own_name"].finditer(norm)]
    org = (doc.meta.organization or "").strip()
    if len(org) >= 3:
        spans += [(m.start(), m.end()) for m in regex.finditer(regex.escape(org), norm)]
    return spans


def _scope_of(words: str) -> str | None:
    """The scope a claim names before its concept ("一般公共预算财政拨款基本支出" → fiscal)."""
    for scope in grammar()["scopes"]:
        if scope["rx"].search(words):
            return scope["id"]
    return None


def _sentence_scope(claim: Claim) -> str | None:
    """The scope a sentence names before its first figure ("2022年度政府性基金预算财政拨款年初结转和结余
    58,830.98万元，…年末结转和结余0万元"): its later figures may speak of that scope only."""
    s = claim.sentence
    norm, _ = normalize(s.text[: claim.start - s.start])
    first = regex.search(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万元|亿元|元|%)", norm)
    return _scope_of(norm[: first.start()]) if first else None


def _chain_scope(claim: Claim, before: str) -> str | None:
    """The scope a classification figure speaks in: named before the chain in its sentence
    ("一般公共预算支出中，教育（类）…"), else by its section heading ("五、关于一般公共预算支出表的说明").
    A 类 is printed in the 支出总表 of all funds and in the 财政拨款 tables, often with other values."""
    scope = _scope_of(before)
    if scope is None and claim.sentence.section:
        scope = _scope_of(_heading_text(claim.sentence.section))
    return scope


def candidates(doc: Document, norm: str, names: set[str]) -> list[tuple[int, int, str, str]]:
    cands: list[tuple[int, int, str, str]] = []  # (start, end, kind, key)
    for c in concepts():
        for rx in c.wordings:
            for m in rx.finditer(norm):
                cands.append((m.start(), m.end(), "concept", c.id))
    own = _own_name_spans(doc, norm) if names else []
    follow = grammar()["row_name_follow"]
    for name in names:
        if grammar()["own_name"].search(name):
            continue  # a row named after a unit ("无锡市信访局") is a body, not a budget line
        for m in regex.finditer(regex.escape(name), norm):
            nxt = norm[m.end(): m.end() + 1]
            if nxt and regex.match(r"\p{Han}", nxt) and not follow.match(nxt):
                continue
            if not any(a <= m.start() and m.end() <= b for a, b in own):
                cands.append((m.start(), m.end(), "row", name))
    return cands


def _longer_name(norm: str, start: int, name: str) -> str | None:
    """The longer classification name the text writes when a row name is its tail ("机关" +
    "工资福利支出"): the reference lists know it as another line (501, not 301)."""
    for k in range(1, 7):
        pre = norm[max(0, start - k): start]
        if len(pre) < k or not regex.fullmatch(r"\p{Han}+", pre):
            return None
        if any(n.startswith(pre + name) for n in known_names()):
            return pre + name
    return None


def closest(cands: list[tuple[int, int, str, str]]) -> tuple[int, int, str, str]:
    # the wording that ends closest to the figure; among wordings overlapping it, the longest
    # (财政拨款收入 over 收入预算 in "财政拨款收入预算总计"), then the earliest (基本支出 over 支出预算)
    last = max(cands, key=lambda c: (c[1], c[1] - c[0]))
    group = [c for c in cands if c[0] < last[1] and last[0] < c[1]]
    return max(group, key=lambda c: (c[1] - c[0], -c[0]))


def _chain_label(text: str) -> tuple[str, str] | None:
    """A classification path that is the whole text ("2.教育支出（类）普通教育（款）学前教育（项）")."""
    core = regex.sub(r"^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)?\s*", "", text)
    core = core.strip().rstrip("。.：:；;")
    for rx in _chain_rx():
        m = rx.match(core)
        if m and m.end() == len(core):
            groups = m.groupdict()
            return "chain", "/".join(groups[g] for g in ("lei", "kuan", "xiang") if groups.get(g))
    return None


def _paragraph_label(doc: Document, claim: Claim) -> tuple[str, str] | None:
    """"1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。年初预算为 54.53万元，
    支出决算为54.53万元": a paragraph that opens with a classification path speaks of it."""
    para = doc.paragraphs[claim.sentence.paragraph]
    first = para.sentences[0] if para.sentences else None
    if first is None or first is claim.sentence:
        return None
    return _chain_label(normalize(first.text)[0])


def _heading_subject(doc: Document, claim: Claim, names: set[str], clause: str) -> tuple[str, str] | None:
    """The subject a section heading names ("（一）收入预算：2021年年初预算数802.57万元", "2.公务接待费
    …2026年预算数14.07万元"), for a figure whose own clause names nothing but a year and 预算数."""
    g = grammar()
    if not (g["bare_clause"].fullmatch(g["years"].sub("", clause).strip())
            or regex.match(r"\s*(较|比|与|同比|相比|占)", clause)):
        return None
    title = heading_title(doc, claim)
    if not title:
        return None
    chain = _chain_label(title)
    if chain is not None:
        claim.notes += ["strong", "heading"]
        return chain
    core = g["heading_tail"].sub("", title).strip("“”\"' ")
    cands = candidates(doc, core, names)
    if not cands:
        return None
    pick = closest(cands)
    if pick[1] != len(core) or (pick[0] > 0 and not _scope_of(core[: pick[0]])):
        return None  # the heading must name the subject and nothing else (a scope may precede it)
    scope = _scope_of(core[: pick[0]])
    if scope:
        claim.notes.append(f"scope:{scope}")
    claim.notes.append("strong")
    claim.notes.append("heading")
    return pick[2], pick[3]


def heading_title(doc: Document, claim: Claim) -> str | None:
    """The title of the deepest heading above the claim, when the claim is the first money figure
    under it (later figures may speak of the heading's parts); None otherwise."""
    sec = claim.sentence.section
    if not sec:
        return None
    first = _first_figures(doc).get(claim.sentence.paragraph if sec else -1)
    if first is None or first.sentence is not claim.sentence:
        return None
    return normalize(_heading_text(sec))[0]


def _heading_text(path: str) -> str:
    last = path.split("/")[-1]
    return regex.sub(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])\s*", "", last)


_FIRST_CACHE: dict[int, tuple[Document, dict[int, Claim]]] = {}


def _first_figures(doc: Document) -> dict[int, Claim]:
    """paragraph index → the first money claim of the section that paragraph belongs to, for the
    paragraphs of that section up to and including the claim's own."""
    hit = _FIRST_CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    out: dict[int, Claim] = {}
    first: Claim | None = None
    section_key = None
    opened = 0
    starts = [sec.start for sec in _flat_sections(doc)]
    for pi, p in enumerate(doc.paragraphs):
        key = (p.section, _section_start(starts, p))
        if key != section_key:
            section_key, first, opened = key, None, pi
        if first is None and pi - opened <= 2:  # a heading speaks of what follows it closely
            for sent in p.sentences:
                money = [c for c in extract_sentence(sent) if c.kind == "amount" and c.unit in UNIT_SCALE]
                if money:
                    first = money[0]
                    break
        if first is not None and first.sentence.paragraph == pi:
            out[pi] = first
    _FIRST_CACHE.clear()
    _FIRST_CACHE[id(doc)] = (doc, out)
    return out


def _section_start(starts: list[int], p) -> int:
    """Paragraphs under a repeated heading path (a 汇总 document repeats its sections per unit) are
    told apart by the offset of the heading they follow."""
    i = bisect.bisect_right(starts, p.start)
    return starts[i - 1] if i else -1


def _flat_sections(doc: Document) -> list:
    out = []
    stack = list(reversed(doc.sections))
    while stack:
        s = stack.pop()
        out.append(s)
        stack.extend(reversed(s.children))
    return sorted(out, key=lambda s: s.start)


_LISTED_FIGURE = regex.compile(r"\d\s*(?:万元|亿元|千元|元)\s*、$")


# totals a paragraph on one classification line uses for that line ("本年支出决算", "支出合计")
_LINE_TOTALS = ("expenditure.total", "expenditure.current", "income.total", "income.current")


_BODY_NAME = regex.compile(r"^\p{Han}*(?:局|厅|委员会|办公室|院|馆|中心|站|所|队|处|部门|单位)(?:本级)?")
_GLUE = regex.compile(r"其中|包括|含|用于|安排|中|的|及|和|为|是")


def _named_before(norm: str, start: int, clause_start: int) -> bool:
    """A concept's wording glued to a name of its own ("水务发展资金" + "项目支出"): what is left of the
    Han run before it, without years, scopes and the words of a bare clause, names something else."""
    run = regex.search(r"\p{Han}+$", norm[clause_start:start])
    if run is None:
        return False
    rest = _GLUE.sub("", grammar()["years"].sub("", run.group(0)))
    for scope in grammar()["scopes"]:
        rest = scope["rx"].sub("", rest)
    rest = _BODY_NAME.sub("", rest)  # "国家信访局财政拨款收支总预算": the body's own name
    return len(rest) >= 2 and not grammar()["bare_clause"].fullmatch(rest)


def _list_item_start(norm: str, clause_start: int) -> int | None:
    """Where the last item of a list of amounts begins ("A 1 万元、B 2 万元、C 3 万元" → before C),
    when the item names something of its own rather than a bare 决算数/预算数."""
    at = norm.rfind("、")
    if at < clause_start or not _LISTED_FIGURE.search(norm[: at + 1]):
        return None
    own = g_years_stripped(norm[at + 1:])
    if len(regex.findall(r"\p{Han}", own)) < 2 or grammar()["bare_clause"].fullmatch(own):
        return None
    return at + 1


def subject_of(doc: Document, claim: Claim, names: set[str]) -> tuple[str, str] | None:
    """(kind, id-or-name) of the subject ending closest before the figure: a concept or a row name,
    else the subject a section heading names."""
    s = claim.sentence
    upto = claim.start - s.start
    norm, _ = normalize(s.text[:upto])
    if claim.kind == "share" and "占" in norm:
        norm = norm[: norm.rfind("占") + 1]  # what follows 占 names the whole, not the part
    clause_start = max(norm.rfind(ch) for ch in "，,；;：:。") + 1
    # "一般公共服务（类）支出13,144.37 万元，占 79.78%": a clause that opens with the share or the
    # comparison speaks of the chain named in the clause just before it
    chain_start = clause_start
    if regex.match(r"\s*(较|比|与|同比|相比|占)", norm[clause_start:]):
        chain_start = max(norm.rfind(ch, 0, max(clause_start - 1, 0)) for ch in "，,；;：:。") + 1
    chains = [
        m for rx in _chain_rx() for m in rx.finditer(norm)
        if m.end() > chain_start or m.start() == 0 or not norm[m.end():].strip(" “”\"")
    ]
    if chains:
        # "一般公共服务支出（类）组织事务（款）一般行政管理事务（项）": the leaf under its parents
        m = max(chains, key=lambda m: (m.end(), m.end() - m.start()))
        claim.notes.append("strong")
        scope = _chain_scope(claim, norm[:m.start()])
        if scope:
            claim.notes.append(f"scope:{scope}")
        groups = m.groupdict()
        return "chain", "/".join(groups[g] for g in ("lei", "kuan", "xiang") if groups.get(g))
    cands = candidates(doc, norm, names)
    opened = bracket_opening(doc, s) if not cands else None
    if opened is not None:
        # "…维护费346.67万元（购置费…；运行维护费…。）比上年增加33.44万元": the subject before the bracket
        lead, _ = normalize(opened[0].text[: opened[1]])
        lead_cands = candidates(doc, lead, names)
        if lead_cands:
            pick = closest(lead_cands)
            claim.notes.append("strong" if pick[1] - pick[0] >= 3 else "weak")
            return pick[2], pick[3]
    item = _list_item_start(norm, clause_start) if claim.kind == "amount" else None
    if item is not None:
        # "…补助支出 112.99 万元、增人增资 62.00 万元": the names before the last figure of a list
        # belong to that figure; an item that names nothing we know is not their figure
        cands = [c for c in cands if c[1] > item]
        if not cands:
            return None
    own_clause = [c for c in cands if c[1] - c[0] >= 3 and c[1] > clause_start]
    if not own_clause or all(c[2] == "concept" and c[3] in _LINE_TOTALS for c in own_clause):
        # "1.其他支出（类）…（项）。本年支出决算568,051.63万元": the line's own total
        label = _paragraph_label(doc, claim)
        if label is not None:
            claim.notes.append("strong")
            return label
    heading = None if own_clause else _heading_subject(doc, claim, names, norm[clause_start:])
    if heading is not None:
        # the heading's subject, unless an earlier clause of the sentence names another one
        named = [c for c in cands if c[1] - c[0] >= 3]
        if not named or (closest(named)[2], closest(named)[3]) == heading:
            return heading
        claim.notes[:] = [n for n in claim.notes if n not in ("strong", "heading") and not n.startswith("scope:")]
    if not cands:
        return None
    pick = closest(cands)
    if pick[0] > 0 and grammar()["part_of"].search(norm[: pick[0]]):
        return None  # a part of another quantity ("上年结转结余的一般公共预算拨款"): no table row of its own
    best = (pick[1], pick[1] - pick[0], pick[2], pick[3])
    longer = _longer_name(norm, pick[0], pick[3]) if pick[2] == "row" else None
    if longer:
        claim.notes.append(f"similar_line:{longer}")  # another line of a similar name: it may confirm only
    scope = _scope_of(norm[clause_start:pick[0]]) if pick[0] >= clause_start else None
    if scope is None and pick[2] == "row" and not _sentence_scope(claim):
        scope = _chain_scope(claim, "")  # a classification row, in the scope its heading names
    if scope:
        claim.notes.append(f"scope:{scope}")
    else:
        opening = _sentence_scope(claim)
        if opening:
            claim.notes.append(f"opening_scope:{opening}")
    # strong: named inside the figure's own clause by a specific wording; weak: inherited from an
    # earlier clause or a bare 收入/支出. A weak subject never produces a fail, only 存疑.
    strong = best[0] > clause_start and best[1] >= 3
    if pick[2] == "row" and pick[0] > clause_start and grammar()["row_glued"].match(norm[pick[0] - 1]):
        strong = False  # "代理银行手续费": the tail of a longer name is not the row 30204 手续费
    if not strong and claim.kind in ("change", "change_pct", "share") and best[1] >= 3:
        # "X 3.00万元，较上年减少1.00万元" and "X 105.58万元，占34.30%": a clause that opens with the
        # comparison or the share speaks of the subject of the clause just before it
        prev_start = max(norm.rfind(ch, 0, max(clause_start - 1, 0)) for ch in "，,；;：:。") + 1
        opens = regex.match(r"\s*(较|比|与|同比|相比|和|占)", norm[clause_start:])
        strong = bool(opens) and best[0] > prev_start
    if _explanation_rx().search(norm):
        strong = False  # a part of an explained change, not a table value
    if pick[2] == "concept" and _named_before(norm, pick[0], clause_start):
        strong = False  # "3.水务发展资金项目支出 939.06 万元": one project's, not the 项目支出 total
    gloss = regex.search(r"[（(][^（）()]*$", norm[: pick[0]])
    if gloss and any(c[1] == gloss.start() for c in cands):
        strong = False  # "行政运行（行政及参公单位基本支出）2678.58": a gloss on the line before it
    project = pick[2] == "concept" and grammar()["project_scope"].search(norm[: pick[0]])
    if project:
        strong = False  # "该项目…（含上年结转 750.00 万元）": the project's carry-over, not the department's
    claim.notes.append("strong" if strong else "weak")
    if project:
        claim.notes.append("unnamed")
    own = g_years_stripped(norm[clause_start:])
    if not strong and own and not grammar()["bare_clause"].fullmatch(own) and not regex.match(r"(较|比|与|同比|相比|和|占)", own):
        claim.notes.append("unnamed")  # the clause names something we do not know: not the earlier subject
    if best[1] < 3:
        claim.notes.append("bare")  # a bare 收入/支出: a guess, not a candidate to name
    return best[2], best[3]


@patterns.cached
def grammar() -> dict:
    data = patterns.load("claims")
    subj = data["subjects"]
    return {
        "own_name": regex.compile(subj["own_name"]),
        "part_of": regex.compile(subj["part_of"]),
        "row_glued": regex.compile(subj["row_glued"]),
        "row_name_follow": regex.compile(subj["row_name_follow"]),
        "bare_clause": regex.compile(subj["bare_clause"]),
        "years": regex.compile(subj["years"]),
        "heading_tail": regex.compile(subj["heading_tail"]),
        "project_scope": regex.compile(subj.get("project_scope", "(?!)")),
        "scopes": [{"id": k, "rx": regex.compile(v["words"]), "name": v["name"], "tables": set(v["tables"])}
                   for k, v in subj["scopes"].items()],
    }
