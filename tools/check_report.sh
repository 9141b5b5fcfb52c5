#!/usr/bin/env bash
# Manual check of a `gazet batch` report.html in headless Chromium (Debian package
# `chromium`): loads the page with the network cut off, counts the highlighted spans in
# the rendered DOM against the count the report announces, clicks one to check the
# id/name box, and takes screenshots to look at. Not run in CI.
#
#   tools/check_report.sh [REPORT.html] [OUT_DIR]
#
# Without REPORT.html, runs `gazet batch` over the dev book (by chapter) first.
# Screenshots: OUT_DIR/report-top.png, report-heatmap.png, report-text.png.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-/tmp/gazet-report-check}
mkdir -p "$out"

if [[ $# -ge 1 ]]; then
    report=$(realpath "$1")
else
    (cd "$root" && cargo build --quiet --release)
    "$root/target/release/gazet" batch "$root/tests/fixtures/book-dev.txt" --split chapter \
        --out "$out/batch" --quiet
    report="$out/batch/report.html"
fi

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z "$chrome" ]]; then
    echo "check_report: no Chromium found (apt-get install chromium)" >&2
    exit 2
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
    --disable-extensions --disable-sync --user-data-dir="$profile"
    --host-resolver-rules="MAP * ~NOTFOUND" --hide-scrollbars)

# 1. The DOM after scripts, with a probe that clicks the first highlighted mention.
probe="$out/probe.html"
sed 's#</body>#<script>(function(){var m=document.querySelector("mark");if(m){m.click();}\
var i=document.getElementById("info");\
document.body.setAttribute("data-probe-marks",document.querySelectorAll("mark").length);\
document.body.setAttribute("data-probe-info",i \&\& !i.hidden ? i.textContent : "");\
document.body.setAttribute("data-probe-svg",document.querySelectorAll("svg").length);})();</script></body>#' \
    "$report" >"$probe"
"$chrome" "${flags[@]}" --virtual-time-budget=5000 --dump-dom "file://$probe" >"$out/dom.html" 2>"$out/chromium.log"

attr() { grep -o "$1=\"[^\"]*\"" "$out/dom.html" | head -1 | sed 's/^[^=]*="//; s/"$//'; }
expected=$(attr data-shown-mentions)
marks=$(attr data-probe-marks)
info=$(attr data-probe-info)
svgs=$(attr data-probe-svg)
echo "highlighted spans in the DOM: $marks (report says $expected)"
echo "inline SVG figures: $svgs"
echo "click on the first mention shows: $info"

status=0
[[ -n "$marks" && "$marks" == "$expected" ]] || { echo "FAIL: span count" >&2; status=1; }
[[ "$svgs" == 2 ]] || { echo "FAIL: expected 2 SVG figures" >&2; status=1; }
[[ -n "$info" ]] || { echo "FAIL: clicking a mention shows nothing" >&2; status=1; }

# 2. Screenshots: the top of the page, then the heatmap and the text alone (a copy of the
# page with the other sections hidden; headless screenshots ignore #fragments).
shot() {
    local page="$out/${1%.png}.html"
    if [[ -n "$3" ]]; then
        sed "s#</head>#<style>section:not(\#$3){display:none}</style></head>#" "$report" >"$page"
    else
        cp "$report" "$page"
    fi
    "$chrome" "${flags[@]}" --window-size=1280,"$2" --screenshot="$out/$1" "file://$page" \
        >>"$out/chromium.log" 2>&1
    echo "screenshot: $out/$1"
}
shot report-top.png 2600 ""
shot report-heatmap.png 1300 heatmap
shot report-text.png 1400 text
exit $status
