#!/bin/sh
# run.sh: tests of the handbook's EPUB with third-party tools, one TAP-like line per check:
# epubcheck-ts (EPUB 3.3 rules), DAISY Ace (accessibility), the zip against the manifest,
# reproducible builds, and a reading system (epub.js under Debian's Chromium: TOC, every spine
# item, a footnote and an index link, screenshots of a chapter and of the cover), and the same
# reader paginated at phone and tablet sizes (nothing clipped, every table row reachable,
# figure text large enough), and Calibre's conversion to AZW3 (a clean log, every table row kept).
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
	done_testing
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
	done_testing
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
run_part "epub: reports.mjs epubcheck" node_test tests/epub/reports.mjs epubcheck "$out/epubcheck-ts.json" "$out/epubcheck-ts.log"
took "epubcheck-ts" "$t"

# The zip and the manifest.
t=$(now)
run_part "epub: reports.mjs manifest" node_test tests/epub/reports.mjs manifest "$epub"
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

# The cover: a raster image stores and readers accept (at least 1600x2560), drawn by mixdown from
# the book's SVG cover, and shown once: the title page does not repeat it.
name="cover: the package's cover-image is a PNG of at least 1600x2560, and the title page shows no second cover"
cover=$(unzip -p "$epub" OEBPS/package.opf | tr '\n' ' ' | grep -o '<item [^>]*properties="cover-image"[^>]*>' | grep -o 'href="[^"]*"' | cut -d'"' -f2)
size=$(unzip -p "$epub" "OEBPS/$cover" 2>/dev/null | od -An -tu1 -j16 -N8 |
	awk '{printf "%d %d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
width=${size% *} height=${size#* }
title_images=$(unzip -p "$epub" OEBPS/index.xhtml | grep -c '<img')
if [ "${cover##*.}" = png ] && [ "${width:-0}" -ge 1600 ] && [ "${height:-0}" -ge 2560 ] && [ "$title_images" -eq 0 ]; then
	ok "$name"
else
	not_ok "$name" "cover-image: $cover, ${width:-?}x${height:-?}; images on the title page: $title_images"
fi

# Drawing the cover is most of the build, so a build takes the PNG the published build drew
# when it was drawn from the same SVG, and draws it again when the SVG has changed. The copy
# below is marked (bytes after its end, which PNG readers ignore) to tell which one a build used.
name="cover: a rebuild takes the published cover PNG drawn from the same SVG, and draws a new one for a changed SVG"
again=$out/again
rm -rf "$again" && mkdir -p "$again" && cp -R book "$again/book"
# How many of the site's and the EPUB's cover end as marked, and as a PNG ends (IEND, CRC).
ends() {
	{ tail -c 8 "$again/out/html/images/cover.png"; echo; unzip -p "$again/out/handbook.epub" OEBPS/images/cover.png | tail -c 8; echo; } |
		grep -ac "$1"
}
if "$MIXDOWN" build "$again/book/handbook.xml" -o "$again/out" >"$again/1.out" 2>&1 &&
	printf 'MARKED' >>"$again/out/html/images/cover.png" &&
	"$MIXDOWN" build "$again/book/handbook.xml" -o "$again/out" >"$again/2.out" 2>&1; then
	kept=$(ends 'MARKED$')
	sed -i 's/<\/svg>/<rect width="1" height="1" fill="#123456"\/><\/svg>/' "$again/book/images/cover.svg"
	"$MIXDOWN" build "$again/book/handbook.xml" -o "$again/out" >"$again/3.out" 2>&1
	marked=$(ends 'MARKED$') drawn=$(ends 'IEND')
	if [ "$kept" -eq 2 ] && [ "$marked" -eq 0 ] && [ "$drawn" -eq 2 ]; then
		ok "$name"
	else
		not_ok "$name" "covers marked after a rebuild: $kept of 2; after the SVG changed: $marked marked, $drawn ending as PNGs do"
	fi
else
	not_ok "$name" "$(cat "$again"/*.out)"
fi

# A reading system: epub.js 0.3.93 under Debian's Chromium.
t=$(now)
run_part "epub.js: read.mjs" node_test tests/epub/read.mjs "$epub" "$out" 2>"$out/read.err"
took "reading system (epub.js)" "$t"

# The same reading system paginated at phone and tablet sizes: nothing clipped or cut off.
t=$(now)
run_part "epub.js paginated: paginate.mjs" node_test tests/epub/paginate.mjs "$epub" "$out/paginate" 2>"$out/paginate.err"
took "paginated reading at phone and tablet sizes" "$t"

# Calibre's conversion to AZW3, as Kindle's own converter would take the EPUB: it must finish
# without an error or a warning in its log, and every row of every table must survive into the
# Kindle book (read back as text).
t=$(now)
cal=$out/calibre
rm -rf "$cal" && mkdir -p "$cal/home"
calibre() { HOME=$PWD/$cal/home QTWEBENGINE_DISABLE_SANDBOX=1 ebook-convert "$@"; }
calibre "$epub" "$cal/book.azw3" >"$cal/azw3.log" 2>&1
rc=$?
name="Calibre: converts the EPUB to AZW3 with no error or warning in its log"
problems=$(grep -i -n 'error\|warning\|traceback\|failed\|crash' "$cal/azw3.log")
if [ $rc -ne 0 ] || ! grep -q 'AZW3 output written' "$cal/azw3.log" || [ -n "$problems" ]; then
	not_ok "$name" "exit status $rc" "$problems" "$(tail -5 "$cal/azw3.log")"
else
	ok "$name"
fi
calibre "$cal/book.azw3" "$cal/book.txt" >"$cal/txt.log" 2>&1
unzip -p "$epub" 'OEBPS/*.xhtml' | tr '\n' ' ' | grep -o '<section class="table-row"><h[1-6]>.\{1,200\}</h[1-6]>\|<th scope="row">.\{1,200\}</th>' |
	sed 's/<[^>]*>//g; s/&amp;/\&/g' | sort -u >"$cal/rows.txt"
missing=$(while IFS= read -r row; do grep -qF -- "$row" "$cal/book.txt" || echo "$row"; done <"$cal/rows.txt")
name="Calibre: all $(wc -l <"$cal/rows.txt") table rows of the EPUB are in the Kindle book"
if [ ! -s "$cal/rows.txt" ] || [ -n "$missing" ]; then
	not_ok "$name" "missing: $missing" "$(tail -3 "$cal/txt.log")"
else
	ok "$name"
fi
took "Calibre's AZW3 conversion" "$t"

# DAISY Ace's results.
wait "$ace_pid"
if [ "$(cat "$out/ace.rc" 2>/dev/null)" != 0 ]; then
	not_ok "Ace: runs to the end" "exit status $(cat "$out/ace.rc" 2>/dev/null)" "$(tail -15 "$out/ace.log")"
fi
run_part "epub: reports.mjs ace" node_test tests/epub/reports.mjs ace "$out/ace/report.json" "$out/ace.log"
echo "# DAISY Ace: $(awk -v a="$ta" '{printf "%.1f s", $1 - a}' "$out/ace.end") (in the background)"
took "the EPUB suite" "$t0"
done_testing
