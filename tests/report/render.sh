#!/bin/sh
# render.sh: report.html as a browser shows and prints it. Headless Chromium
# renders the Chidian comparison of `make demo` (status quo and three
# variants, with its notes, author, organisation and purpose), in English and
# in Chinese, to a PNG and to an A4 PDF, and checks: at most 14 A4 pages
# (pdfinfo), the decision summary on page 1, nothing wider than the A4 text
# width, no figure or kept table cut across pages and no comparison table
# starting at a page bottom (pages.py on a copy with invisible marks). Five
# scenarios (the comparison table in two parts) get the same cut checks; a
# hostile scenario name shows as text and runs nothing.
# Skipped, with one line saying so, when Chromium, gnuplot, poppler-utils or
# python3 is missing, unless REVSIM_REQUIRE_RENDER is set (CI): then that is
# a failure ("not ok"). make test-deps installs chromium and poppler-utils.
# usage: tests/report/render.sh REVSIM     (CHROMIUM=path picks the browser)
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"

# missing WHAT: skip the whole test, or fail when rendering is required
missing() {
    if [ -n "${REVSIM_REQUIRE_RENDER:-}" ]; then
        bad "report rendering: $1 is required here (REVSIM_REQUIRE_RENDER)"
        done_testing
        exit 1
    fi
    echo "# skip: report rendering ($1 not installed; make test-deps installs it)"
    exit 0
}

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for b in chromium chromium-browser google-chrome; do
        if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
    done
fi
{ [ -n "$browser" ] && command -v "$browser" >/dev/null 2>&1; } || missing chromium
command -v gnuplot >/dev/null 2>&1 || missing gnuplot
for t in pdfinfo pdftotext; do command -v $t >/dev/null 2>&1 || missing "$t (poppler-utils)"; done
command -v python3 >/dev/null 2>&1 || missing python3
to=""; command -v timeout >/dev/null 2>&1 && to="timeout 120"

# browser FLAGS... URL: headless Chromium with a fresh profile and no network
browser() {
    prof=$(mktemp -d "$tmp/profile.XXXXXX")
    $to "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --no-pdf-header-footer --print-to-pdf-no-header --user-data-dir="$prof" "$@" 2>>"$tmp/browser.log"
    rm -rf "$prof"
}

# probe HTML OUT: a copy of HTML whose title ends up saying how many elements
# reach beyond the window's right edge, how many scripts and images the page
# has besides the probe, and whether TEXT shows as text
probe() {
    sed 's|</body>|<script>(function(){var W=document.documentElement.clientWidth,n=0,w=[];document.querySelectorAll("body *").forEach(function(e){var r=e.getBoundingClientRect();if(r.width>0\&\&r.right>W+0.5){n++;if(w.length<4)w.push(e.tagName+"."+e.className)}});document.title="probe overflow="+n+" ["+w.join(" ")+"] scripts="+(document.scripts.length-1)+" images="+document.images.length+" hostile="+(document.body.textContent.indexOf("<script>alert(1)<"+"/script>")>=0)})();</script></body>|' "$1" >"$2"
}

# cuts NAME DIR: print DIR/report.html with marks and check where its parts fall
cuts() {
    python3 "$here/pages.py" mark "$2/report.html" "$2/marked.html"
    browser --print-to-pdf="$2/marked.pdf" "file://$2/marked.html"
    pdftotext "$2/marked.pdf" "$2/marked.txt" 2>/dev/null
    if python3 "$here/pages.py" check "$2/marked.html" "$2/marked.txt" >"$tmp/pages.log"; then
        ok "$1: no figure or table cut across pages, no table starting at a page bottom"
    else
        bad "$1: a figure or table is cut across pages"; diag "$tmp/pages.log"
    fi
}

# The Chidian comparison of `make demo` (the Makefile's DEMO_CHIDIAN lines)
S=scenarios
DEMO="--baseline $S/chidian-status-quo.csv $S/chidian-parking-only.csv $S/chidian-parking-chargers.csv $S/chidian.csv"
for lang in en zh; do
    out="$tmp/$lang"
    if [ $lang = en ]; then
        set -- --notes $S/chidian-notes.md --organisation "Chidian town (池店镇), property office (example)" \
            --author "revsim example" \
            --purpose "Choose which of three revitalisation variants to fund in 2025 so that commercial income covers the communities' management deficit."
    else
        set -- --notes $S/chidian-notes.zh.md --organisation "池店镇物业管理办公室（示例）" --author "revsim 示例" \
            --purpose "选择2025年资助哪一个盘活方案，使商业收益覆盖各小区的物业亏损。"
    fi
    # shellcheck disable=SC2086
    if ! "$bin" compare -q --lang "$lang" $DEMO "$@" -o "$out" >"$tmp/compare.log" 2>&1; then
        bad "$lang: revsim compare failed"; diag "$tmp/compare.log"; continue
    fi
    ok "$lang: revsim compare (the make demo comparison)"
    url="file://$out/report.html"
    browser --window-size=1000,3000 --screenshot="$tmp/$lang.png" "$url"
    check "$lang: screenshot is a PNG" \
        '[ "$(head -c 8 "$tmp/$lang.png" 2>/dev/null | od -An -tx1 | tr -d " \n")" = 89504e470d0a1a0a ] &&
         [ "$(wc -c <"$tmp/$lang.png")" -gt 50000 ]'
    browser --print-to-pdf="$tmp/$lang.pdf" "$url"
    check "$lang: printed to a PDF" '[ "$(head -c 5 "$tmp/$lang.pdf" 2>/dev/null)" = "%PDF-" ]'
    check "$lang: A4 pages" 'pdfinfo "$tmp/$lang.pdf" | grep -q "^Page size:.*(A4)"'
    pages=$(pdfinfo "$tmp/$lang.pdf" 2>/dev/null | sed -n "s/^Pages: *//p")
    echo "# $lang: ${pages:-?} pages"
    check "$lang: at most 14 pages (${pages:-?})" '[ -n "$pages" ] && [ "$pages" -ge 8 ] && [ "$pages" -le 14 ]'
    pdftotext -f 1 -l 1 "$tmp/$lang.pdf" "$tmp/$lang.p1.txt" 2>/dev/null
    pdftotext "$tmp/$lang.pdf" "$tmp/$lang.txt" 2>/dev/null
    if [ $lang = en ]; then
        check "en: page 1 holds the decision summary" \
            'grep -q "^Decision summary$" "$tmp/en.p1.txt" && grep -q "^Top risks$" "$tmp/en.p1.txt" &&
             grep -q "At a glance" "$tmp/en.p1.txt" && grep -q "Purpose:" "$tmp/en.p1.txt"'
        check "en: the notes, the charts' text and the appendix in the PDF" \
            'grep -q "What the committee is asked to decide" "$tmp/en.txt" &&
             grep -q "Chidian parking only" "$tmp/en.txt" && grep -q "Appendix: assumptions" "$tmp/en.txt"'
    else
        check "zh: page 1 holds the decision summary" \
            'grep -q "^决策摘要$" "$tmp/zh.p1.txt" && grep -q "^主要风险$" "$tmp/zh.p1.txt" && grep -q "目的：" "$tmp/zh.p1.txt"'
        check "zh: Chinese headings and labels in the PDF" \
            'grep -q "比较表" "$tmp/zh.txt" && grep -q "风险及其影响因素" "$tmp/zh.txt" &&
             grep -q "年度物业成本" "$tmp/zh.txt" && grep -q "请委员会决定的事项" "$tmp/zh.txt"'
    fi
    # at the A4 text width (210 - 2 x 14 mm = 182 mm = 688 px) nothing sticks out
    probe "$out/report.html" "$out/probe.html"
    browser --window-size=680,1000 --dump-dom "file://$out/probe.html" >"$tmp/$lang.dom"
    check "$lang: nothing wider than the A4 text width" 'grep -q "<title>probe overflow=0 " "$tmp/$lang.dom"'
    check "$lang: no script, no image" 'grep -q "scripts=0 images=0" "$tmp/$lang.dom"'
    cuts "$lang" "$out"
done

# five scenarios: the comparison table in two parts, each starting with its rows
if "$bin" compare -q $DEMO $S/chidian-chargers-only.csv -o "$tmp/five" >"$tmp/compare.log" 2>&1; then
    ok "five scenarios: revsim compare"
    check "five scenarios: two comparison tables" '[ "$(grep -c "<table class=\"cmp\">" "$tmp/five/report.html")" = 2 ]'
    cuts "five scenarios" "$tmp/five"
else
    bad "five scenarios: revsim compare failed"; diag "$tmp/compare.log"
fi

# a hostile name is drawn as text, in the page and in the charts, and runs nothing
cat >"$tmp/h1.csv" <<'EOF'
section,key,value,low,high,dist,unit,note
scenario,name,"<script>alert(1)</script> & ""q"" 'x' </svg><img src=x onerror=alert(2)>",,,,,"<b>note</b> & 'x'"
scenario,horizon_years,2
community:a,area_m2,1000
community:a,fee_rate,1
community:a,collection_start,0.5
community:a,cost_annual,20000
other:x,income,1000,800,1200,,,<script>alert(4)</script>
other:x,capex,6000
EOF
printf 'section,key,value\nscenario,base,h1.csv\nscenario,name,B </text><script>alert(3)</script>\nother:x,income,1500\n' >"$tmp/h2.csv"
printf '# <script>alert(5)</script>\n**<img src=x onerror=alert(6)>**\n' >"$tmp/h.md"
if "$bin" compare -q --runs 50 --notes "$tmp/h.md" --author "<script>alert(7)</script>" \
        "$tmp/h1.csv" "$tmp/h2.csv" -o "$tmp/h" >"$tmp/compare.log" 2>&1; then
    ok "hostile: revsim compare"
    probe "$tmp/h/report.html" "$tmp/h/probe.html"
    browser --window-size=680,1000 --dump-dom "file://$tmp/h/probe.html" >"$tmp/h.dom"
    check "hostile: shown as text, no script or image made" \
        'grep -q "scripts=0 images=0 hostile=true" "$tmp/h.dom"'
    browser --window-size=1000,2000 --screenshot="$tmp/h.png" "file://$tmp/h/report.html"
    check "hostile: renders" '[ -s "$tmp/h.png" ]'
else
    bad "hostile: revsim compare failed"; diag "$tmp/compare.log"
fi

done_testing
