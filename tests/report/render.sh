#!/bin/sh
# render.sh: report.html as a browser shows and prints it: headless Chromium
# renders the Chidian comparison, in English and in Chinese, to a PNG and to
# an A4 PDF; nothing is wider than the A4 text width; no figure is cut across
# pages and the comparison table is on one page (pages.py on pdftotext's
# text); a hostile scenario name shows as text and runs nothing. Skipped, with
# one line saying so, when Chromium is not installed (it is not in `make deps`:
# apt-get install chromium poppler-utils).
# usage: tests/report/render.sh REVSIM     (CHROMIUM=path picks the browser)
set -u
here=$(cd "$(dirname "$0")" && pwd)
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for b in chromium chromium-browser google-chrome; do
        if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
    done
fi
if [ -z "$browser" ]; then
    echo "# skip: report rendering (chromium not installed; apt-get install chromium poppler-utils to run it)"
    [ -n "${REVSIM_REQUIRE_RENDER:-}" ] && { echo "not ok 1 - chromium is required here (REVSIM_REQUIRE_RENDER)"; exit 1; }
    exit 0
fi
if ! command -v gnuplot >/dev/null 2>&1; then
    echo "# skip: report rendering (gnuplot not installed)"
    exit 0
fi
. "$here/../lib.sh"
to=""; command -v timeout >/dev/null 2>&1 && to="timeout 180"

# browser FLAGS... URL: headless Chromium with a fresh profile and no network
browser() {
    prof=$(mktemp -d "$tmp/profile.XXXXXX")
    $to "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --no-pdf-header-footer --print-to-pdf-no-header --user-data-dir="$prof" "$@" 2>>"$tmp/browser.log"
}

# probe HTML OUT: a copy of HTML whose title ends up saying how many elements
# reach beyond the window's right edge, how many scripts and images the page
# has besides the probe, and whether TEXT shows as text
probe() {
    sed 's|</body>|<script>(function(){var W=document.documentElement.clientWidth,n=0,w=[];document.querySelectorAll("body *").forEach(function(e){var r=e.getBoundingClientRect();if(r.width>0\&\&r.right>W+0.5){n++;if(w.length<4)w.push(e.tagName+"."+e.className)}});document.title="probe overflow="+n+" ["+w.join(" ")+"] scripts="+(document.scripts.length-1)+" images="+document.images.length+" hostile="+(document.body.textContent.indexOf("<script>alert(1)<"+"/script>")>=0)})();</script></body>|' "$1" >"$2"
}

S=scenarios
for lang in en zh; do
    out="$tmp/$lang"
    if ! "$bin" compare -q --runs 200 --lang "$lang" --baseline $S/chidian-status-quo.csv \
            $S/chidian-parking-only.csv $S/chidian-parking-chargers.csv $S/chidian.csv \
            -o "$out" >"$tmp/compare.log" 2>&1; then
        bad "$lang: revsim compare failed"; diag "$tmp/compare.log"; continue
    fi
    ok "$lang: revsim compare"
    url="file://$out/report.html"
    browser --window-size=1000,3000 --screenshot="$tmp/$lang.png" "$url"
    check "$lang: screenshot is a PNG" \
        '[ "$(head -c 8 "$tmp/$lang.png" 2>/dev/null | od -An -tx1 | tr -d " \n")" = 89504e470d0a1a0a ] &&
         [ "$(wc -c <"$tmp/$lang.png")" -gt 50000 ]'
    browser --print-to-pdf="$tmp/$lang.pdf" "$url"
    check "$lang: printed to a PDF" '[ "$(head -c 5 "$tmp/$lang.pdf" 2>/dev/null)" = "%PDF-" ]'
    # at the A4 text width (210 - 2 x 15 mm = 180 mm = 680 px) nothing sticks out
    probe "$out/report.html" "$out/probe.html"
    browser --window-size=680,1000 --dump-dom "file://$out/probe.html" >"$tmp/$lang.dom"
    check "$lang: nothing wider than the A4 text width" 'grep -q "<title>probe overflow=0 " "$tmp/$lang.dom"'
    check "$lang: no script, no image" 'grep -q "scripts=0 images=0" "$tmp/$lang.dom"'
    if command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 &&
       command -v python3 >/dev/null 2>&1; then
        check "$lang: A4 pages" 'pdfinfo "$tmp/$lang.pdf" | grep -q "^Page size:.*(A4)"'
        check "$lang: several pages" '[ "$(pdfinfo "$tmp/$lang.pdf" | sed -n "s/^Pages: *//p")" -ge 10 ]'
        pdftotext "$tmp/$lang.pdf" "$tmp/$lang.txt"
        if python3 "$here/pages.py" "$out/report.html" "$tmp/$lang.txt" >"$tmp/pages.log"; then ok "$lang: no figure or table cut across pages"
        else bad "$lang: a figure or the comparison table is cut across pages"; diag "$tmp/pages.log"; fi
        check "$lang: the PDF holds the chart text" 'grep -q "Chidian parking only" "$tmp/$lang.txt"'
        if [ "$lang" = zh ]; then
            check "zh: Chinese headings in the PDF" 'grep -q "比较表" "$tmp/zh.txt" && grep -q "风险" "$tmp/zh.txt"'
        fi
    else
        echo "report: pdfinfo, pdftotext or python3 missing: page checks skipped (apt-get install poppler-utils)"
    fi
done

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
if "$bin" compare -q --runs 50 "$tmp/h1.csv" "$tmp/h2.csv" -o "$tmp/h" >"$tmp/compare.log" 2>&1; then
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
