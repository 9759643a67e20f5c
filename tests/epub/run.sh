#!/bin/sh
# run.sh: tests of the handbook's EPUB with third-party tools, one TAP-like line per check:
# epubcheck-ts (EPUB 3.3 rules), DAISY Ace (accessibility), the zip against the manifest,
# reproducible builds, and a reading system (epub.js under Debian's Chromium: TOC, every spine
# item, a footnote and an index link, screenshots of a chapter and of the cover), and the same
# reader paginated at phone and tablet sizes (nothing clipped, every table row reachable,
# figure text large enough).
# Run from the repository root after `make`; the npm tools come from `npm ci` (see package.json):
#   PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --ignore-scripts
. tests/lib.sh
out=$TEST_TMP/epub
rm -rf "$out"
mkdir -p "$out"
now() { date +%s.%N; }
took() { echo "# $1: $(echo "$(now) $2" | awk '{printf "%.1f s", $1 - $2}')"; }
t0=$(now)

# The EPUB under test, built afresh from the sources.
epub=$out/build/handbook.epub
if "$MIXDOWN" build book/handbook.xml -o "$out/build" >"$out/build.out" 2>"$out/build.err" && [ -f "$epub" ]; then
	ok "epub: builds into $out/build"
else
	not_ok "epub: builds into $out/build" "$(head -20 "$out/build.err")"
	exit 0
fi

# The npm tools (package.json, package-lock.json).
npm_hint="install them: PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --ignore-scripts"
have_node=yes
for m in @likecoin/epubcheck-ts @daisy/ace-cli @daisy/ace-axe-runner-puppeteer epubjs jszip playwright-core; do
	[ -f "node_modules/$m/package.json" ] || have_node=no
done
if [ "$have_node" = yes ] && command -v node >/dev/null 2>&1; then
	ok "epub: the npm tools are installed (node_modules)"
else
	not_ok "epub: the npm tools are installed (node_modules)" "$npm_hint"
	exit 0
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || not_ok "epub: Chromium is installed" "apt-get install -y chromium"

# DAISY Ace takes the longest (~30 s): it runs in the background while the rest goes on.
# HOME is a scratch folder: Ace and Chromium write under ~/.config and ~/.cache.
ace_home=$out/ace-home
mkdir -p "$ace_home"
ta=$(now)
(HOME=$PWD/$ace_home PUPPETEER_EXECUTABLE_PATH=$chromium \
	node node_modules/@daisy/ace-cli/bin/ace.js -f -o "$out/ace" "$epub" >"$out/ace.log" 2>&1
echo $? >"$out/ace.rc"; now >"$out/ace.end") &
ace_pid=$!

# epubcheck-ts: its JSON report, not its coloured console output, is read.
t=$(now)
node node_modules/@likecoin/epubcheck-ts/bin/epubcheck.js "$epub" --quiet --json "$out/epubcheck-ts.json" >"$out/epubcheck-ts.log" 2>&1
node tests/epub/reports.mjs epubcheck "$out/epubcheck-ts.json" "$out/epubcheck-ts.log"
took "epubcheck-ts" "$t"

# The zip and the manifest.
t=$(now)
node tests/epub/reports.mjs manifest "$epub"
took "zip and manifest" "$t"

# Reproducible: the same SOURCE_DATE_EPOCH gives the same bytes in any time zone; another
# SOURCE_DATE_EPOCH gives different bytes (so the comparison can fail).
t=$(now)
r=$out/repro
for v in "utc 1700000000 UTC" "kiritimati 1700000000 Pacific/Kiritimati" "other 1600000000 UTC"; do
	set -- $v
	SOURCE_DATE_EPOCH=$2 TZ=$3 "$MIXDOWN" build book/handbook.xml -o "$r/$1" >/dev/null 2>"$r-$1.err" ||
		echo "build failed: SOURCE_DATE_EPOCH=$2 TZ=$3: $(head -5 "$r-$1.err")" >>"$r.err"
done
name="epub: reproducible: SOURCE_DATE_EPOCH=1700000000 builds the same bytes under TZ=UTC and TZ=Pacific/Kiritimati"
if [ -s "$r.err" ]; then
	not_ok "$name" "$(cat "$r.err")"
elif cmp "$r/utc/handbook.epub" "$r/kiritimati/handbook.epub" >"$r.cmp" 2>&1; then
	ok "$name"
else
	# Where they differ: the zip's entries (names, sizes, times) and the files' contents.
	for v in utc kiritimati; do
		unzip -Z -T "$r/$v/handbook.epub" 2>&1 | sed 1d >"$r-$v.list"
		mkdir -p "$r/$v/x" && (cd "$r/$v/x" && unzip -q ../handbook.epub)
	done
	not_ok "$name" "$(cat "$r.cmp")" "$(diff "$r-utc.list" "$r-kiritimati.list" | head -12)" \
		"$(diff -r "$r/utc/x" "$r/kiritimati/x" | head -12)"
fi
name="epub: reproducible: another SOURCE_DATE_EPOCH (1600000000) builds different bytes"
if [ -s "$r.err" ]; then
	not_ok "$name" "$(cat "$r.err")"
elif cmp -s "$r/utc/handbook.epub" "$r/other/handbook.epub"; then
	not_ok "$name" "the EPUBs built with SOURCE_DATE_EPOCH=1700000000 and 1600000000 are identical: the timestamp does not reach the EPUB"
else
	ok "$name"
fi
took "reproducible builds" "$t"

# A reading system: epub.js 0.3.93 under Debian's Chromium.
t=$(now)
node tests/epub/read.mjs "$epub" "$out" >"$out/read.out" 2>"$out/read.err"
rc=$?
cat "$out/read.out"
if ! grep -q '^\(not \)\?ok - ' "$out/read.out" || { [ $rc -ne 0 ] && ! grep -q '^not ok - ' "$out/read.out"; }; then
	not_ok "epub.js: the reader ran" "exit status $rc" "$(tail -20 "$out/read.err")"
fi
took "reading system (epub.js)" "$t"

# The same reading system paginated at phone and tablet sizes: nothing clipped or cut off.
t=$(now)
node tests/epub/paginate.mjs "$epub" "$out/paginate" >"$out/paginate.out" 2>"$out/paginate.err"
rc=$?
cat "$out/paginate.out"
if ! grep -q '^ok - ' "$out/paginate.out" && ! grep -q '^not ok - ' "$out/paginate.out"; then
	not_ok "epub.js paginated: the reader ran" "exit status $rc" "$(tail -20 "$out/paginate.err")"
fi
took "paginated reading at phone and tablet sizes" "$t"

# DAISY Ace's results.
wait "$ace_pid"
if [ "$(cat "$out/ace.rc" 2>/dev/null)" != 0 ]; then
	not_ok "Ace: runs to the end" "exit status $(cat "$out/ace.rc" 2>/dev/null)" "$(tail -15 "$out/ace.log")"
fi
node tests/epub/reports.mjs ace "$out/ace/report.json" "$out/ace.log"
echo "# DAISY Ace: $(awk -v a="$ta" '{printf "%.1f s", $1 - a}' "$out/ace.end") (in the background)"
took "the EPUB suite" "$t0"
