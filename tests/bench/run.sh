#!/bin/sh
# run.sh: the benchmark behind `make bench` (never part of `make check`).
#
# On the handbook and on synthetic books 5, 20 and 100 times its size (tests/bench/gen.sh),
# times, alternating the tools within each round and taking the median of BENCH_RUNS rounds:
#   mixdown build    check + site + EPUB, one command
#   mixdown check    the check alone
#   DocBook XSL      xsltproc html/chunk.xsl + epub3/chunk.xsl + zipping the EPUB (and copying
#                    the images into both), timed together: the equivalent of one mixdown build
#   pandoc           xmllint --xinclude | pandoc -f docbook -t epub3 (the EPUB alone)
#   floor            xmllint --xinclude --noout + zip -X -r of mixdown's own output tree: just
#                    reading the source and packing the result
# Peak memory is the largest "Maximum resident set size" /usr/bin/time -v reports over the
# runs (for a pipeline or a sequence, the largest single process in it).
#
# Then the linearity part (tests/bench/linear.sh): how mixdown's cost grows when one thing in a
# book (index terms, glossary entries, chapters with accented ids, siblings, unknown ids, a book
# on one line) doubles, with the ratio per doubling against a target of 2.3.
#
# Environment: BENCH_PARTS (default "tools linearity"; either part alone also works),
# BENCH_RUNS (default 5), BENCH_SIZES (default "1 5 20 100"), BENCH_TIMEOUT
# (seconds per run of any tool, default 600), BENCH_TOOLS (a subset of "mixdown-build
# mixdown-check docbook-xsl pandoc floor", default all), MIXDOWN (default tools/mixdown),
# BENCH_RESULTS (default tests/bench/RESULTS.md). Prints one table and writes it, with the
# machine's description, to BENCH_RESULTS.
# Scratch files and raw timings (raw.tsv) go to tests/out/bench/. Also measures the site's search
# on each input's build: its size and, in Chromium with the CPU slowed 4x, how fast it answers.
# `sh tests/bench/run.sh --report` only writes the table again from the last run's raw timings.
set -u
cd "$(dirname "$0")/../.." || exit 2

RUNS=${BENCH_RUNS:-5}
SIZES=${BENCH_SIZES:-"1 5 20 100"}
TIMEOUT=${BENCH_TIMEOUT:-600}
MIXDOWN=${MIXDOWN:-tools/mixdown}
OUT=tests/out/bench
RESULTS=${BENCH_RESULTS:-tests/bench/RESULTS.md}
DBX=/usr/share/xml/docbook/stylesheet/docbook-xsl-ns
ALL_TOOLS="mixdown-build mixdown-check docbook-xsl pandoc floor"
TOOLS=${BENCH_TOOLS:-$ALL_TOOLS}

say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }

case $RUNS in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive integer" ;; esac
PARTS=${BENCH_PARTS:-"tools linearity"}
for p in $PARTS; do
	case $p in tools | linearity) ;; *) die "BENCH_PARTS: unknown part '$p' (parts: tools linearity)" ;; esac
done
case " $PARTS " in
*" tools "*) ;;
*) exec sh tests/bench/linear.sh ;;
esac
case $TIMEOUT in '' | *[!0-9]* | 0) die "BENCH_TIMEOUT must be a positive integer" ;; esac
for t in $TOOLS; do
	case " $ALL_TOOLS " in *" $t "*) ;; *) die "BENCH_TOOLS: unknown tool '$t' (tools: $ALL_TOOLS)" ;; esac
done
for n in $SIZES; do
	case $n in *[!0-9]* | 0) die "BENCH_SIZES must list positive integers, not '$n'" ;; esac
done
book_of() { if [ "$1" -eq 1 ]; then echo book/handbook.xml; else echo "$OUT/book-$1x/handbook.xml"; fi; }

REPORT_ONLY=no
[ "${1:-}" = --report ] && REPORT_ONLY=yes
RAW=$OUT/raw.tsv

if [ $REPORT_ONLY = yes ]; then
	[ -f "$OUT/params" ] && [ -f "$RAW" ] || die "no earlier run in $OUT to report"
	. "$OUT/params"
else
[ -x "$MIXDOWN" ] || die "$MIXDOWN is missing: run make tools/mixdown first"

# ---- the peers, from Debian ----
missing=""
command -v xsltproc >/dev/null 2>&1 || missing="$missing xsltproc"
[ -f "$DBX/html/chunk.xsl" ] && [ -f "$DBX/epub3/chunk.xsl" ] || missing="$missing docbook-xsl-ns"
command -v pandoc >/dev/null 2>&1 || missing="$missing pandoc"
command -v zip >/dev/null 2>&1 || missing="$missing zip"
[ -x /usr/bin/time ] || missing="$missing time"
command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		die "missing packages; run: sudo apt-get install -y --no-install-recommends$missing"
	fi
	say "installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends $missing >&2 ||
		die "could not install$missing"
fi

mkdir -p "$OUT"

# Time a copy of mixdown, its stylesheets and styles, taken now, so that a rebuild of the source
# tree during a long run cannot mix two versions in one table.
if [ "$MIXDOWN" = tools/mixdown ]; then
	rm -rf "$OUT/snapshot"
	mkdir -p "$OUT/snapshot/tools"
	cp -p tools/mixdown "$OUT/snapshot/tools/mixdown" && cp -R xsl style "$OUT/snapshot/" ||
		die "could not copy mixdown to $OUT/snapshot"
	MIXDOWN=$OUT/snapshot/tools/mixdown
fi
SNAPSHOT_TIME=$(date -u "+%Y-%m-%d %H:%M:%S UTC")
STARTED=$(date -u "+%Y-%m-%d %H:%M UTC")
cat >"$OUT/params" <<EOF
RUNS="$RUNS" SIZES="$SIZES" TIMEOUT="$TIMEOUT" TOOLS="$TOOLS" MIXDOWN="$MIXDOWN"
SNAPSHOT_TIME="$SNAPSHOT_TIME" STARTED="$STARTED"
EOF
printf 'size\ttool\trun\tms\tkb\tstatus\tcpu_ms\tload\n' >"$RAW"

# ---- the inputs ----

for n in $SIZES; do
	if [ "$n" -ne 1 ]; then
		say "generating the ${n}x book"
		sh tests/bench/gen.sh "$n" book/handbook.xml "$OUT" >/dev/null || die "gen.sh $n failed"
	fi
	b=$(book_of "$n")
	# Every input must check clean and build before it is timed; the build's output tree is
	# also what the floor zips.
	"$MIXDOWN" check "$b" >"$OUT/verify-${n}x.log" 2>&1 ||
		die "mixdown check fails on the ${n}x book ($b): see $OUT/verify-${n}x.log"
	rm -rf "$OUT/verify-${n}x"
	"$MIXDOWN" build "$b" -o "$OUT/verify-${n}x" >>"$OUT/verify-${n}x.log" 2>&1 ||
		die "mixdown build fails on the ${n}x book ($b): see $OUT/verify-${n}x.log"
	say "${n}x book: $b checks clean and builds"
done

# ---- the site's search on each input (tests/bench/search.mjs) ----
: >"$OUT/search.md"
if [ -f node_modules/playwright-core/package.json ] && [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	scratch=$(mktemp -d)
	for n in $SIZES; do
		say "${n}x book: measuring its site's search"
		node tests/bench/search.mjs "${n}x" "$OUT/verify-${n}x/html" "$scratch" >>"$OUT/search.md" 2>"$OUT/search-${n}x.log" ||
			say "search.mjs failed on the ${n}x book: see $OUT/search-${n}x.log"
	done
	rm -rf "$scratch"
else
	say "no playwright-core or chromium: the search is not measured"
fi

# ---- one timed run ----
# The command for TOOL on size N, with its scratch folder W (emptied before the run).
command_of() {
	tool=$1 n=$2 w=$3
	b=$(book_of "$n")
	bd=$(dirname "$b")
	case $tool in
	mixdown-build) echo "'$MIXDOWN' build '$b' -o '$w/out' >'$w/log' 2>&1" ;;
	mixdown-check) echo "'$MIXDOWN' check '$b' >'$w/log' 2>&1" ;;
	docbook-xsl)
		echo "xsltproc --xinclude --nonet --stringparam base.dir '$w/html/' '$DBX/html/chunk.xsl' '$b' 2>'$w/log' &&" \
			"cp -R '$bd/images' '$w/html/' &&" \
			"xsltproc --xinclude --nonet --stringparam base.dir '$w/epub/' '$DBX/epub3/chunk.xsl' '$b' 2>>'$w/log' &&" \
			"cp -R '$bd/images' '$w/epub/OEBPS/' &&" \
			"cd '$w/epub' && zip -X -0 -q ../book.epub mimetype && zip -X -9 -r -q ../book.epub META-INF OEBPS"
		;;
	pandoc)
		rp=$(find "$bd" -name '*.xml' -exec dirname {} \; | sort -u | tr '\n' ':')
		echo "xmllint --xinclude --nonet '$b' | pandoc -f docbook -t epub3 --resource-path='${rp%:}' -o '$w/book.epub' 2>'$w/log' && test -s '$w/book.epub'"
		;;
	floor) echo "xmllint --xinclude --nonet --noout '$b' && zip -X -r -q '$w/floor.zip' '$OUT/verify-${n}x'" ;;
	esac
}

# measure TOOL N RUN: appends "N TOOL RUN ms kb status" to raw.tsv; status is ok, timeout
# or exitK. Returns 1 unless ok.
measure() {
	tool=$1 n=$2 r=$3
	w=$(pwd)/$OUT/work-$tool
	rm -rf "$w"
	mkdir -p "$w/html" "$w/epub"
	cmd=$(command_of "$tool" "$n" "$w")
	load=$(cut -d" " -f1 /proc/loadavg)
	sync
	t0=$(date +%s%N)
	/usr/bin/time -v -o "$OUT/time.txt" timeout "$TIMEOUT" sh -c "$cmd"
	rc=$?
	t1=$(date +%s%N)
	ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
	kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$OUT/time.txt")
	cpu=$(awk -F": " '/User time|System time/ { s += $2 } END { printf "%.1f", s * 1000 }' "$OUT/time.txt")
	case $rc in 0) st=ok ;; 124 | 137) st=timeout ;; *) st=exit$rc ;; esac
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$r" "$ms" "${kb:-0}" "$st" "$cpu" "$load" >>"$RAW"
	if [ "$st" != ok ]; then
		[ "$st" = timeout ] || { say "$tool on ${n}x failed ($st):"; tail -5 "$w/log" >&2 2>/dev/null; }
	fi
	[ "$st" = ok ]
}

# ---- the rounds ----
# A tool that times out (or fails) on a size is not run again on it, nor on larger sizes:
# they would only time out again. The table says so.
skip=""
for n in $SIZES; do
	r=1
	while [ "$r" -le "$RUNS" ]; do
		for tool in $TOOLS; do
			case " $skip " in *" $tool "*) continue ;; esac
			say "${n}x, run $r/$RUNS: $tool"
			measure "$tool" "$n" "$r" || skip="$skip $tool"
		done
		r=$((r + 1))
	done
done
fi # the runs

# ---- the table ----
source_bytes() { find "$(dirname "$(book_of "$1")")" -type f -exec cat {} + | wc -c; }
: >"$OUT/sizes.tsv"
for n in $SIZES; do printf '%s\t%s\n' "$n" "$(source_bytes "$n")" >>"$OUT/sizes.tsv"; done

table=$OUT/table.md
awk -F '\t' -v sizes="$SIZES" -v tools="$TOOLS" -v timeout="$TIMEOUT" -v runs="$RUNS" \
	-v sizefile="$OUT/sizes.tsv" '
function median(list,    n, a, i, j, t) {
	n = split(list, a, " ")
	for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
	return n % 2 ? a[(n + 1) / 2] + 0 : (a[n / 2] + a[n / 2 + 1]) / 2
}
function fmt_t(ms) { return ms >= 10000 ? sprintf("%.1f s", ms / 1000) : ms >= 1000 ? sprintf("%.2f s", ms / 1000) : sprintf("%.0f ms", ms) }
function fmt_m(kb) { return sprintf("%.1f MB", kb / 1024) }
function fmt_b(b) { return b >= 1048576 ? sprintf("%.1f MB", b / 1048576) : sprintf("%.0f KB", b / 1024) }
function fmt_r(x) { return x >= 100 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : x >= 0.1 ? sprintf("%.2f", x) : sprintf("%.4f", x) }
function verdict(ok) { return ok ? "**met**" : "**not met**" }
BEGIN {
	while ((getline line < sizefile) > 0) { split(line, p, "\t"); src[p[1]] = p[2] }
	ns = split(sizes, S, " "); nt = split(tools, T, " ")
	for (j = 1; j <= nt; j++) sel[T[j]] = 1
	label["mixdown-build"] = "mixdown build"; label["mixdown-check"] = "mixdown check"
	label["docbook-xsl"] = "DocBook XSL (html + epub3 + zip)"; label["pandoc"] = "pandoc (EPUB 3)"
	label["floor"] = "floor (xmllint + zip)"
}
NR > 1 {
	k = $1 SUBSEP $2
	if ($6 == "ok") { okms[k] = okms[k] " " $4; okcpu[k] = okcpu[k] " " $7; nok[k]++ } else if ($6 == "timeout") to[k] = 1; else bad[k] = $6
	if ($5 + 0 > kb[k]) kb[k] = $5 + 0
	ran[$2] = ran[$2] " " $1
}
END {
	# statuses: ok with a median, timed out, failed, or not run after an earlier timeout
	for (i = 1; i <= ns; i++) for (j = 1; j <= nt; j++) {
		n = S[i]; t = T[j]; k = n SUBSEP t
		if (nok[k] && !to[k] && !(k in bad)) { med[k] = median(okms[k]); medc[k] = median(okcpu[k]); st[k] = "ok" }
		else if (to[k]) st[k] = "timeout"
		else if (k in bad) st[k] = "failed"
		else st[k] = "skipped"
		if (st[k] == "skipped") why[k] = why[t]
		else if (st[k] == "timeout") why[t] = "timed out (> " timeout " s) on the " n "x book; not run"
		else if (st[k] == "failed") why[t] = "failed on the " n "x book; not run"
	}
	print "| input | source | tool | runs | median wall time | median CPU time (user + sys) | peak RSS | mixdown build / this: time | mixdown build / this: RSS |"
	print "|---|---|---|---|---|---|---|---|---|"
	for (i = 1; i <= ns; i++) {
		n = S[i]; b = n SUBSEP "mixdown-build"
		for (j = 1; j <= nt; j++) {
			t = T[j]; k = n SUBSEP t
			name = n == 1 ? "handbook (1x)" : n "x"
			if (st[k] == "ok") {
				tm = fmt_t(med[k]); cpu = fmt_t(median(okcpu[k])); mem = fmt_m(kb[k]); runsc = nok[k]
				rt = (t != "mixdown-build" && st[b] == "ok") ? fmt_r(med[b] / med[k]) : "-"
				rm = (t != "mixdown-build" && st[b] == "ok" && kb[k] > 0) ? fmt_r(kb[b] / kb[k]) : "-"
			} else if (st[k] == "timeout") {
				tm = "timed out (> " timeout " s)"; cpu = "-"; mem = "-"; runsc = "1"
				rt = st[b] == "ok" ? "< " fmt_r(med[b] / (timeout * 1000)) : "-"; rm = "-"
			} else if (st[k] == "failed") {
				tm = "failed (" bad[k] ")"; cpu = "-"; mem = "-"; runsc = "-"; rt = "-"; rm = "-"
			} else {
				tm = why[k] != "" ? why[k] : "not run"; cpu = "-"; mem = "-"; runsc = "0"; rt = "-"; rm = "-"
			}
			printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, fmt_b(src[n]), label[t], runsc, tm, cpu, mem, rt, rm
		}
	}
	print ""
	print "Targets, for a whole mixdown build (speed-ups are the other tool'"'"'s median over mixdown'"'"'s):"
	print ""
	print "| input | >= 50x faster than DocBook XSL | >= 10x faster than pandoc | <= 3x the floor | peak RSS <= 10 x source + 30 MB | linear: <= 1.1 N x the 1x time |"
	print "|---|---|---|---|---|---|"
	for (i = 1; i <= ns; i++) {
		n = S[i]; b = n SUBSEP "mixdown-build"
		name = n == 1 ? "handbook (1x)" : n "x"
		if (st[b] != "ok") { printf "| %s | mixdown build %s | - | - | - | - |\n", name, st[b]; continue }
		row = "| " name " |"
		split("docbook-xsl pandoc", P, " "); split("50 10", need, " ")
		for (q = 1; q <= 2; q++) {
			k = n SUBSEP P[q]
			if (!(P[q] in sel)) { row = row " not measured |"; continue }
			if (st[k] == "ok") { x = med[k] / med[b]; row = row " " verdict(x >= need[q]) " (" fmt_r(x) "x; CPU time " fmt_r(medc[k] / medc[b]) "x) |" }
			else if (st[k] == "timeout" || st[k] == "skipped") {
				x = timeout * 1000 / med[b]
				row = row (x >= need[q] ? " **met** (> " fmt_r(x) "x; it timed out) |" : " unknown (> " fmt_r(x) "x; it timed out) |")
			} else row = row " unknown (" P[q] " failed) |"
		}
		k = n SUBSEP "floor"
		if (!("floor" in sel)) row = row " not measured |"; else
		if (st[k] == "ok") { x = med[b] / med[k]; row = row " " verdict(x <= 3) " (" fmt_r(x) "x the floor; CPU time " fmt_r(medc[b] / medc[k]) "x) |" } else row = row " unknown |"
		lim = 10 * src[n] / 1024 + 30 * 1024
		row = row " " verdict(kb[b] <= lim) " (" fmt_m(kb[b]) " of " fmt_m(lim) ") |"
		one = 1 SUBSEP "mixdown-build"
		if (n == 1) row = row " (the reference) |"
		else if (st[one] == "ok") { x = med[b] / med[one]; row = row " " verdict(x <= 1.1 * n) " (" fmt_r(x) "x the 1x time; CPU time " fmt_r(medc[b] / medc[one]) "x; limit " fmt_r(1.1 * n) "x) |" }
		else row = row " unknown (no 1x run) |"
		print row
	}
	print ""
	print "Medians of " runs " runs per tool and size, the tools alternating within each run; each run capped at " timeout " s."
}' "$RAW" >"$table"

# ---- the machine ----
ver() { "$@" 2>&1 | head -1; }
{
	echo "# mixdown benchmark results"
	echo
	echo "Written by \`make bench\` (tests/bench/run.sh), run started $STARTED. Inputs: the handbook"
	echo "(book/handbook.xml) and books made from it by tests/bench/gen.sh (its body repeated N times with"
	echo "suffixed ids; glossary, index and images once). Source size: every file of the book's folder."
	echo "Settings: BENCH_SIZES=\"$SIZES\" BENCH_RUNS=$RUNS BENCH_TIMEOUT=$TIMEOUT BENCH_TOOLS=\"$TOOLS\"."
	echo
	echo "## Machine"
	echo
	echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), nproc $(nproc)"
	echo "- memory: $(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
	echo "- system: $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), Linux $(uname -r)"
	echo "- mixdown: $(ver "$MIXDOWN" --version), the tools/mixdown built $(date -u -r "$MIXDOWN" "+%Y-%m-%d %H:%M:%S UTC") (copied for the run at $SNAPSHOT_TIME), sha256 $(sha256sum "$MIXDOWN" | cut -c1-12)"
	echo "- DocBook XSL: $(sed -n 's/.*<fm:Version>\([^<]*\)<.*/\1/p' "$DBX/VERSION.xsl" | head -1) (docbook-xsl-ns), $(ver xsltproc --version)"
	echo "- pandoc: $(ver pandoc --version)"
	echo "- xmllint: $(xmllint --version 2>&1 | head -1)"
	echo "- zip: $(zip -v | sed -n 2p)"
	echo "- time: $(ver /usr/bin/time --version)"
	echo "- load average (1 min) just before each timed run: $(awk -F "\t" 'NR > 1 { if (min == "" || $8 < min) min = $8; if ($8 > max) max = $8; s += $8; c++ } END { printf "%s to %s, mean %.2f", min, max, s / c }' "$RAW") (other work on the machine shares its $(nproc) cores; CPU times are less sensitive to it than wall times)"
	echo
	echo "## Results"
	echo
	cat "$table"
	echo
	echo "Wall time is measured around each run; CPU time is user + system time of all its processes and peak RSS"
	echo "the largest single process, both from \`/usr/bin/time -v\` (CPU time to 10 ms). A run that times out is"
	echo "killed with its processes, so its CPU time and memory are not known. Raw timings of every run:"
	echo "tests/out/bench/raw.tsv (not kept in git)."
	if [ -s "$OUT/search.md" ]; then
		echo
		echo "## The site's search"
		echo
		echo "The gzipped bytes a first query loads (engine and stemmer beyond site.js, records, the shards its"
		echo "words need, the text of the results shown; the largest of seven queries), against 64 KB on the"
		echo "handbook and 500 KB on bigger books; in headless Chromium from file:// with the CPU slowed 4x (CDP"
		echo "Emulation.setCPUThrottlingRate), the time from the first query to its results shown (scripts"
		echo "loaded), against 100 ms; then the median and slowest of six later queries (tests/bench/search.mjs)."
		echo
		echo "| input | a first query loads | first query | later query, median | later query, slowest |"
		echo "|---|---|---|---|---|"
		cat "$OUT/search.md"
	fi
} >"$RESULTS"

echo
cat "$table"
echo
case " $PARTS " in
*" linearity "*)
	if [ $REPORT_ONLY = yes ] || MIXDOWN=$MIXDOWN sh tests/bench/linear.sh; then
		[ -f "$OUT/linearity.md" ] && { echo; echo "## Linearity"; echo; cat "$OUT/linearity.md"; } >>"$RESULTS"
	fi
	;;
esac
say "written to $RESULTS; raw timings in $RAW"
