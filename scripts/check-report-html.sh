#!/bin/sh
# Checks an HTML report in headless Chromium and leaves a screenshot for a human to look at.
#
# Usage: scripts/check-report-html.sh REPORT.html [SCREENSHOT.png]
#
# Loads the report with Debian's `chromium` (apt-get install -y chromium), checks that the page
# renders its SVG histograms (an <svg> and its <rect> bars in the DOM) and fetches nothing from
# the network (no http:// or https:// in the file), then writes a 1200×2000 screenshot, by
# default beside the report (REPORT.png). Exits non-zero, saying why, when a check fails.
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 REPORT.html [SCREENSHOT.png]" >&2
    exit 2
fi
report=$1
screenshot=${2:-${report%.*}.png}
chromium=${CHROMIUM:-/usr/bin/chromium}

[ -f "$report" ] || { echo "$report: no such file" >&2; exit 1; }
[ -x "$chromium" ] || { echo "$chromium not found: apt-get install -y chromium" >&2; exit 1; }

if grep -qE 'https?://' "$report"; then
    echo "$report: refers to the network:" >&2
    grep -noE '.{0,40}https?://[^"]*' "$report" | head -5 >&2
    exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
browser="--headless --no-sandbox --disable-gpu --user-data-dir=$profile"

# shellcheck disable=SC2086
dom=$("$chromium" $browser --dump-dom "$url" 2>/dev/null)
charts=$(printf '%s' "$dom" | grep -o '<svg' | wc -l)
bars=$(printf '%s' "$dom" | grep -o '<rect' | wc -l)
if [ "$charts" -eq 0 ] || [ "$bars" -lt 3 ]; then
    echo "$report: Chromium drew $charts charts with $bars bars" >&2
    exit 1
fi

# shellcheck disable=SC2086
"$chromium" $browser --hide-scrollbars --window-size=1200,2000 --screenshot="$screenshot" "$url" 2>/dev/null
size=$(wc -c < "$screenshot")
if [ "$size" -lt 10000 ]; then
    echo "$screenshot: only $size bytes; the page looks empty" >&2
    exit 1
fi
echo "$report: $charts charts, $bars bars; screenshot in $screenshot ($size bytes)"
