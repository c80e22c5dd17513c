#!/usr/bin/env python3
"""pages.py: where a printed report.html puts its parts, from marks that do
not move anything.

  pages.py mark REPORT.html MARKED.html
      a copy of the report with invisible marks (absolutely positioned, so
      the layout is the same): at the top and at the caption of every
      figure, in the first and the last row of every table kept whole (key
      figures, top risks, scenarios, lever league, communities, drivers,
      loans), of every group (tbody) of the comparison tables and in their
      header, and at the decision summary's heading
  pages.py check MARKED.html PAGES.txt
      PAGES.txt is pdftotext's text of MARKED.html printed (pages split by
      form feeds). Checks that the decision summary is on page 1, whole;
      that no figure, kept table or comparison group is cut across pages;
      and that no comparison table starts at a page bottom (its header not
      on the page of its first group). One line per problem; exit 1 if any.
"""
import re
import sys

KEPT = ("keyfig", "risktab", "scen", "league", "coms", "drivers", "loans")
STYLE = (".pgm{position:absolute;left:0;top:0;font-size:2px;line-height:2px;color:#fff;"
         "white-space:nowrap;}figure,figcaption,h2,th,td{position:relative;}")


def mark(tag):
    return '<span class="pgm">PGM%sQ</span>' % tag


def mark_rows(fragment, tag):
    """Marks in the first cell of the first and the last row of fragment."""
    starts = [m.end() for m in re.finditer(r"<tr[^>]*>\s*<t[hd][^>]*>", fragment)]
    if not starts:
        return fragment
    out = fragment
    for pos, end in sorted([(starts[0], "A"), (starts[-1], "Z")], reverse=True):
        out = out[:pos] + mark(tag + end) + out[pos:]
    return out


def do_mark(src):
    src = src.replace("</style>", STYLE + "\n</style>", 1)
    src = src.replace('<h2 id="decision">', '<h2 id="decision">' + mark("D"), 1)
    src = re.sub(r'<figure id="fig(\d+)">', lambda m: m.group(0) + mark("F%sA" % m.group(1)), src)
    src = re.sub(r'<figure id="fig(\d+)">(.*?)<figcaption>',
                 lambda m: m.group(0) + mark("F%sZ" % m.group(1)), src, flags=re.S)
    count = [0]

    def kept(m):
        count[0] += 1
        body = m.group(2)
        hd = re.search(r"<thead>.*?</thead>", body, re.S)
        cut = hd.end() if hd else 0
        return m.group(1) + body[:cut] + mark_rows(body[cut:], "T%d" % count[0]) + "</table>"

    src = re.sub(r'(<table class="(?:%s)[^"]*">)(.*?)</table>' % "|".join(KEPT), kept, src,
                 flags=re.S)
    ncmp = [0]

    def cmp(m):
        ncmp[0] += 1
        t = ncmp[0]
        body = m.group(2)
        body = re.sub(r"(<thead>\s*<tr>\s*<th[^>]*>)", lambda h: h.group(1) + mark("C%dH" % t), body, count=1)
        g = [0]

        def group(gm):
            g[0] += 1
            return "<tbody>" + mark_rows(gm.group(1), "C%dG%d" % (t, g[0])) + "</tbody>"

        body = re.sub(r"<tbody>(.*?)</tbody>", group, body, flags=re.S)
        return m.group(1) + body + "</table>"

    src = re.sub(r'(<table class="cmp">)(.*?)</table>', cmp, src, flags=re.S)
    return src


def pages_of(txt):
    where = {}
    for i, page in enumerate(txt.split("\f")):
        for tag in re.findall(r"PGM([A-PR-Z0-9]+)Q", re.sub(r"\s+", "", page)):
            where.setdefault(tag, set()).add(i)
    return where


def do_check(src, txt):
    where = pages_of(txt)
    problems = []

    def same(a, b, what):
        if a not in where or b not in where:
            problems.append("%s: marks not found in the PDF" % what)
        elif not where[a] & where[b]:
            problems.append("%s is cut across pages %s and %s" % (what, sorted(p + 1 for p in where[a]),
                                                                  sorted(p + 1 for p in where[b])))

    if 0 not in where.get("D", set()):
        problems.append("the decision summary does not start on page 1")
    figures = re.findall(r'<figure id="fig(\d+)">', src)
    for n in figures:
        same("F%sA" % n, "F%sZ" % n, "figure %s" % n)
    tables = sorted(set(re.findall(r"PGM(T\d+)[AZ]Q", src)), key=lambda t: int(t[1:]))
    for t in tables:
        same(t + "A", t + "Z", "table %s" % t)
    for cls, t in re.findall(r'<table class="(keyfig|risktab)[^"]*">.*?PGM(T\d+)A', src, re.S):
        if 0 not in where.get(t + "Z", set()):
            problems.append("the decision summary's %s table does not end on page 1" % cls)
    groups = sorted(set(re.findall(r"PGM(C\d+G\d+)[AZ]Q", src)))
    for g in groups:
        same(g + "A", g + "Z", "comparison group %s" % g)
    for t in sorted(set(re.findall(r"PGM(C\d+)HQ", src))):
        same(t + "H", t + "G1A", "the start of comparison table %s (header and first group)" % t)
    for p in problems:
        print(p)
    print("%d figures, %d kept tables, %d comparison groups checked, %d problems"
          % (len(figures), len(tables), len(groups), len(problems)))
    return 1 if problems else 0


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "mark":
        src = open(sys.argv[2], encoding="utf-8").read()
        open(sys.argv[3], "w", encoding="utf-8").write(do_mark(src))
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        src = open(sys.argv[2], encoding="utf-8").read()
        txt = open(sys.argv[3], encoding="utf-8").read()
        return do_check(src, txt)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
