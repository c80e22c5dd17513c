#!/usr/bin/env python3
"""pages.py: check a printed report.html: every figure's chart title and its
caption fall on the same PDF page (the figure is not cut), and the
comparison table starts and ends on one page.
usage: pages.py REPORT.html PAGES.txt   (PAGES.txt: pdftotext output, pages split by form feeds)
Prints one line per problem; exit 1 when there is any."""
import html
import re
import sys


def squash(s):
    return re.sub(r"\s+", "", s)


def main():
    page_src = open(sys.argv[1], encoding="utf-8").read()
    pages = [squash(p) for p in open(sys.argv[2], encoding="utf-8").read().split("\f")]
    problems = 0
    figures = re.findall(r'<figure id="fig(\d+)">(.*?)<figcaption><b>([^<]*)</b>', page_src, re.S)
    if not figures:
        print("no figures in the report")
        return 1
    for num, body, label in figures:
        # the top-most text of the chart: its title
        texts = re.findall(r"translate\(([-\d.]+),([-\d.]+)\)[^>]*>\s*<text>([^<]*)</text>", body)
        top = min(texts, key=lambda t: float(t[1]))[2] if texts else ""
        title = squash(html.unescape(top))
        cap = squash(html.unescape(label))
        where_cap = [i for i, p in enumerate(pages) if re.search(re.escape(cap) + r"(?!\d)", p)]
        where_title = [i for i, p in enumerate(pages) if title and title in p]
        if not where_cap:
            print("figure %s: caption '%s' not found in the PDF" % (num, label))
            problems += 1
        elif title and not set(where_cap) & set(where_title):
            print("figure %s: title '%s' (pages %s) not on the caption's page %s"
                  % (num, html.unescape(top), [i + 1 for i in where_title], [i + 1 for i in where_cap]))
            problems += 1
    # the comparison table: its first metric row and its last gains row on one page
    t = re.search(r'<table class="cmp">.*?<tbody>\s*<tr><th>([^<]*)</th>.*?</table>', page_src, re.S)
    if t:
        rows = re.findall(r"<tr><th>([^<]*)</th>", t.group(0))
        first, last = squash(html.unescape(rows[0])), squash(html.unescape(rows[-1]))
        group = re.search(r'<tr class="group"><th[^>]*>([^<]*)</th>', t.group(0))
        g = squash(html.unescape(group.group(1))) if group else ""
        ok = any(first in p and g in p and last in p for p in pages)
        if not ok:
            print("the comparison table is split across pages")
            problems += 1
    print("%d figures checked, %d problems" % (len(figures), problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
