#!/bin/sh
# run.sh: the benchmark behind `make bench` (never part of `make check`).
#
# On the handbook, on synthetic books 5, 20 and 100 times its size and on a book shaped like a
# command reference of 400 pages (both from tests/bench/gen.sh), times, alternating the tools
# within each round and taking the median of BENCH_RUNS rounds:
#   mixdown build    check + site + EPUB, one command
#   mixdown check    the check alone
#   DocBook XSL      xsltproc html/chunk.xsl + epub3/chunk.xsl + zipping the EPUB (and copying
#                    the images into both), timed together: the equivalent of one mixdown build
#   pandoc           xmllint --xinclude | pandoc -f docbook -t epub3 (the EPUB alone)
#   floor            xmllint --xinclude --noout + zip -X -r of mixdown's own output tree: just
#                    reading the source and packing the result
# Peak memory is the largest "Maximum resident set size" /usr/bin/time -v reports over the
# runs (for a pipeline or a sequence, the largest single process in it). The reference book is
# timed with mixdown alone.
#
# Then the serve part (tests/bench/serve.mjs): `mixdown serve` on a copy of the handbook, a
# client on its live-reload long-poll, BENCH_RUNS saves of one chapter, each timed from the
# write to the reload signal and to the new page's last byte, and as many saves that break the
# book, timed to the status answer that carries the banner's error.
#
# Every target of the performance goals is then printed with its numbers and met / not met:
# build <= 2x the floor, >= 30x faster than DocBook XSL and >= 10x faster than pandoc (1x and
# 5x); peak memory <= 10 x source + 30 MB (source: all XML files of the book, includes too);
# time linear (Nx <= 1.1 N x the 1x time); the reference book in <= 2 s; a save shown <= 50 ms.
#
# Then the linearity part (tests/bench/linear.sh): how mixdown's cost grows when one thing in a
# book (index terms, glossary entries, chapters with accented ids, siblings, unknown ids, a book
# on one line) doubles, with the ratio per doubling against a target of 2.3.
#
# Environment: BENCH_PARTS (default "tools serve linearity"; any of them alone also works),
# BENCH_RUNS (default 5), BENCH_SIZES (default "1 5 20 100"), BENCH_REF (yes or no: time the
# reference book, default yes), BENCH_TIMEOUT
# (seconds per run of any tool, default 600), BENCH_TOOLS (a subset of "mixdown-build
# mixdown-check docbook-xsl pandoc floor", default all), MIXDOWN (default tools/mixdown),
# BENCH_RESULTS (default tests/bench/RESULTS.md), BENCH_OUT (the scratch folder, default
# tests/out/bench; two runs at once need two). Prints one table and writes it, with the
# machine's description, to BENCH_RESULTS.
# Scratch files and raw timings (raw.tsv) go to BENCH_OUT. Also measures the site's search
# on each input's build: its size and, in Chromium with the CPU slowed 4x, how fast it answers.
# `sh tests/bench/run.sh --report` only writes the table again from the last run's raw timings.
# A quick run while working on speed, a few minutes: BENCH_RUNS=1 BENCH_SIZES=1
# BENCH_PARTS="tools serve" make bench.
set -u
cd "$(dirname "$0")/../.." || exit 2

RUNS=${BENCH_RUNS:-5}
SIZES=${BENCH_SIZES:-"1 5 20 100"}
TIMEOUT=${BENCH_TIMEOUT:-600}
MIXDOWN=${MIXDOWN:-tools/mixdown}
OUT=${BENCH_OUT:-tests/out/bench}
RESULTS=${BENCH_RESULTS:-tests/bench/RESULTS.md}
DBX=/usr/share/xml/docbook/stylesheet/docbook-xsl-ns
ALL_TOOLS="mixdown-build mixdown-check docbook-xsl pandoc floor"
TOOLS=${BENCH_TOOLS:-$ALL_TOOLS}

say() { echo "bench: $*" >&2; }
absolute() { case $1 in /*) echo "$1" ;; *) echo "$(pwd)/$1" ;; esac; }
die() { say "$*"; exit 1; }

case $RUNS in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive integer" ;; esac
PARTS=${BENCH_PARTS:-"tools serve linearity"}
for p in $PARTS; do
	case $p in tools | serve | linearity) ;; *) die "BENCH_PARTS: unknown part '$p' (parts: tools serve linearity)" ;; esac
done
case " $PARTS " in
*" tools "* | *" serve "*) ;;
*) exec sh tests/bench/linear.sh ;;
esac
has_part() { case " $PARTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
case ${BENCH_REF:-yes} in yes | no) ;; *) die "BENCH_REF must be yes or no" ;; esac
case $TIMEOUT in '' | *[!0-9]* | 0) die "BENCH_TIMEOUT must be a positive integer" ;; esac
for t in $TOOLS; do
	case " $ALL_TOOLS " in *" $t "*) ;; *) die "BENCH_TOOLS: unknown tool '$t' (tools: $ALL_TOOLS)" ;; esac
done
for n in $SIZES; do
	case $n in *[!0-9]* | 0) die "BENCH_SIZES must list positive integers, not '$n'" ;; esac
done
# The inputs: the sizes, then the reference-shaped book, which only mixdown is timed on.
INPUTS=$SIZES
[ "${BENCH_REF:-yes}" = no ] || INPUTS="$INPUTS ref"
REF_TOOLS="mixdown-build mixdown-check"
book_of() {
	case $1 in
	ref) echo "$OUT/book-ref/reference.xml" ;;
	1) echo book/handbook.xml ;;
	*) echo "$OUT/book-$1x/handbook.xml" ;;
	esac
}
# The serve part saves this chapter of the handbook; its page:
SERVE_CHAPTER=chapters/roles-studio.xml
SERVE_PAGE=/roles-studio.html
label_of() { case $1 in ref) echo "reference book" ;; *) echo "${1}x book" ;; esac; }

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
RUNS="$RUNS" SIZES="$SIZES" INPUTS="$INPUTS" TIMEOUT="$TIMEOUT" TOOLS="$TOOLS" MIXDOWN="$MIXDOWN"
SNAPSHOT_TIME="$SNAPSHOT_TIME" STARTED="$STARTED"
EOF
printf 'size\ttool\trun\tms\tkb\tstatus\tcpu_ms\tload\n' >"$RAW"
rm -f "$OUT/serve.tsv"

# ---- the inputs ----

if has_part tools; then
for n in $INPUTS; do
	case $n in
	1) ;;
	ref)
		say "generating the reference book"
		sh tests/bench/gen.sh ref 400 "$OUT" >/dev/null || die "gen.sh ref failed"
		;;
	*)
		say "generating the ${n}x book"
		sh tests/bench/gen.sh "$n" book/handbook.xml "$OUT" >/dev/null || die "gen.sh $n failed"
		;;
	esac
	b=$(book_of "$n")
	# Every input must check without errors and build before it is timed; the build's output
	# tree is also what the floor zips.
	"$MIXDOWN" check "$b" >"$OUT/verify-${n}x.log" 2>&1 ||
		die "mixdown check fails on the $(label_of "$n") ($b): see $OUT/verify-${n}x.log"
	rm -rf "$OUT/verify-${n}x"
	"$MIXDOWN" build "$b" -o "$OUT/verify-${n}x" >>"$OUT/verify-${n}x.log" 2>&1 ||
		die "mixdown build fails on the $(label_of "$n") ($b): see $OUT/verify-${n}x.log"
	say "$(label_of "$n"): $b builds"
done

# ---- the site's search on each input (tests/bench/search.mjs) ----
: >"$OUT/search.md"
if [ -f node_modules/playwright-core/package.json ] && [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	for n in $SIZES; do
		say "${n}x book: measuring its site's search"
		node tests/bench/search.mjs "${n}x" "$OUT/verify-${n}x/html" >>"$OUT/search.md" 2>"$OUT/search-${n}x.log" ||
			say "search.mjs failed on the ${n}x book: see $OUT/search-${n}x.log"
	done
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
	w=$(absolute "$OUT")/work-$tool
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
for n in $INPUTS; do
	r=1
	while [ "$r" -le "$RUNS" ]; do
		for tool in $TOOLS; do
			case " $skip " in *" $tool "*) continue ;; esac
			[ "$n" != ref ] || case " $REF_TOOLS " in *" $tool "*) ;; *) continue ;; esac
			say "$(label_of "$n"), run $r/$RUNS: $tool"
			measure "$tool" "$n" "$r" || skip="$skip $tool"
		done
		r=$((r + 1))
	done
done
fi # the tools part

# ---- the serve part ----
# `mixdown serve` on a copy of the handbook; SERVE_CHAPTER is saved, its page is SERVE_PAGE.
measure_serve() {
	s=$(absolute "$OUT")/serve
	rm -rf "$s"
	mkdir -p "$s"
	cp -R book "$s/book"
	port=$((20000 + $$ % 20000))
	url=http://127.0.0.1:$port
	"$MIXDOWN" serve "$s/book/handbook.xml" -o "$s/out" --port "$port" >"$s/serve.log" 2>&1 &
	server=$!
	i=0
	while ! curl -sf --max-time 1 "$url$SERVE_PAGE" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt 300 ] && kill -0 $server 2>/dev/null || break
		sleep 0.1
	done
	node tests/bench/serve.mjs "$url" "$s/book/$SERVE_CHAPTER" "$SERVE_PAGE" "$RUNS" >"$OUT/serve.tsv" 2>"$s/client.log"
	rc=$?
	kill $server 2>/dev/null
	wait $server 2>/dev/null
	[ $rc -eq 0 ] || { say "serve.mjs failed: see $s/client.log and $s/serve.log"; rm -f "$OUT/serve.tsv"; }
}
if has_part serve; then
	say "serve: $RUNS saves of $SERVE_CHAPTER, and as many that break the book"
	measure_serve
fi
fi # the runs

# ---- the table ----
source_bytes() { find "$(dirname "$(book_of "$1")")" -type f -name '*.xml' -exec cat {} + | wc -c; }
: >"$OUT/sizes.tsv"
for n in $INPUTS; do
	[ -f "$(book_of "$n")" ] && printf '%s\t%s\n' "$n" "$(source_bytes "$n")" >>"$OUT/sizes.tsv"
done

table=$OUT/table.md
awk -F '\t' -v sizes="$INPUTS" -v tools="$TOOLS" -v reftools="$REF_TOOLS" -v timeout="$TIMEOUT" \
	-v runs="$RUNS" -v sizefile="$OUT/sizes.tsv" -v servefile="$OUT/serve.tsv" -v chapter="$SERVE_CHAPTER" '
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
function input_name(n) { return n == "ref" ? "reference book (400 pages)" : n == 1 ? "handbook (1x)" : n "x" }
# row TARGET INPUT MEASURED OK: one line of the targets table
function row(target, input, measured, ok) { printf "| %s | %s | %s | %s |\n", target, input, measured, verdict(ok) }
function missing(target, input, why) { printf "| %s | %s | %s | unknown |\n", target, input, why }
BEGIN {
	while ((getline line < sizefile) > 0) { split(line, p, "\t"); src[p[1]] = p[2] }
	while ((getline line < servefile) > 0) { split(line, p, "\t"); served[p[1]] = served[p[1]] " " p[2]; nserved[p[1]]++ }
	ns = split(sizes, S, " "); nt = split(tools, T, " ")
	for (j = 1; j <= nt; j++) sel[T[j]] = 1
	split(reftools, R, " "); for (j in R) onref[R[j]] = 1
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
		else if (st[k] == "timeout") why[t] = "timed out (> " timeout " s) on the " input_name(n) "; not run"
		else if (st[k] == "failed") why[t] = "failed on the " input_name(n) "; not run"
	}
	if (NR <= 1) ns = 0 # the tools part did not run: only the serve targets
	else print "| input | source | tool | runs | median wall time | median CPU time (user + sys) | peak RSS | mixdown build / this: time | mixdown build / this: RSS |"
	if (ns) print "|---|---|---|---|---|---|---|---|---|"
	for (i = 1; i <= ns; i++) {
		n = S[i]; b = n SUBSEP "mixdown-build"
		for (j = 1; j <= nt; j++) {
			t = T[j]; k = n SUBSEP t
			if (n == "ref" && !(t in onref)) continue
			name = input_name(n)
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
	print "Targets (medians; speed-ups are the other tool'"'"'s median wall time over mixdown build'"'"'s):"
	print ""
	print "| target | input | measured | verdict |"
	print "|---|---|---|---|"
	one = 1 SUBSEP "mixdown-build"
	for (i = 1; i <= ns; i++) {
		n = S[i]; b = n SUBSEP "mixdown-build"; name = input_name(n)
		if (n != 1 && n != 5) continue
		if (st[b] != "ok") { missing("full build <= 2x the floor, >= 30x faster than DocBook XSL, >= 10x faster than pandoc", name, "mixdown build " st[b]); continue }
		k = n SUBSEP "floor"
		if (st[k] == "ok") row("full build <= 2x the floor", name, fmt_t(med[b]) " / floor " fmt_t(med[k]) " = " fmt_r(med[b] / med[k]) "x (CPU time " fmt_r(medc[b] / medc[k]) "x)", med[b] <= 2 * med[k])
		else missing("full build <= 2x the floor", name, "floor " st[k])
		split("docbook-xsl pandoc", P, " "); split("30 10", need, " "); split("DocBook XSL|pandoc", PN, "|")
		for (q = 1; q <= 2; q++) {
			k = n SUBSEP P[q]; target = ">= " need[q] "x faster than " PN[q]
			if (st[k] == "ok") row(target, name, PN[q] " " fmt_t(med[k]) " / " fmt_t(med[b]) " = " fmt_r(med[k] / med[b]) "x (CPU time " fmt_r(medc[k] / medc[b]) "x)", med[k] >= need[q] * med[b])
			else if ((st[k] == "timeout" || st[k] == "skipped") && (P[q] in sel) && timeout * 1000 >= need[q] * med[b])
				row(target, name, "> " fmt_r(timeout * 1000 / med[b]) "x (" PN[q] " timed out at " timeout " s)", 1)
			else missing(target, name, (P[q] in sel) ? PN[q] " " st[k] : "not measured")
		}
	}
	for (i = 1; i <= ns; i++) {
		n = S[i]; b = n SUBSEP "mixdown-build"; name = input_name(n)
		target = "peak memory <= 10 x source + 30 MB"
		lim = 10 * src[n] / 1024 + 30 * 1024
		if (st[b] == "ok") row(target, name, fmt_m(kb[b]) " of " fmt_m(lim) " (source " fmt_b(src[n]) ")", kb[b] <= lim)
		else missing(target, name, "mixdown build " st[b])
	}
	for (i = 1; i <= ns; i++) {
		n = S[i]; b = n SUBSEP "mixdown-build"; name = input_name(n)
		if (n == 1 || n == "ref") continue
		target = "time linear: " n "x <= " fmt_r(1.1 * n) "x the 1x time"
		if (st[b] == "ok" && st[one] == "ok") row(target, name, fmt_t(med[b]) " / " fmt_t(med[one]) " = " fmt_r(med[b] / med[one]) "x (CPU time " fmt_r(medc[b] / medc[one]) "x)", med[b] <= 1.1 * n * med[one])
		else missing(target, name, "mixdown build " (st[b] == "ok" ? "not run on the 1x book" : st[b]))
	}
	b = "ref" SUBSEP "mixdown-build"
	if (ns && (b in st))
		if (st[b] == "ok") row("full build <= 2 s", input_name("ref"), fmt_t(med[b]) " (CPU time " fmt_t(medc[b]) ")", med[b] <= 2000)
		else missing("full build <= 2 s", input_name("ref"), "mixdown build " st[b])
	split("page banner", K, " ")
	KN["page"] = "a saved chapter served as the new page <= 50 ms after the write"
	KN["banner"] = "a save that breaks the book served as the banner <= 50 ms after the write"
	for (q = 1; q <= 2; q++) {
		if (!nserved[K[q]]) continue
		x = median(served[K[q]])
		more = K[q] == "page" ? "; the reload signal " fmt_t(median(served["reload"])) : ""
		row(KN[K[q]], "handbook, " chapter, fmt_t(x) " (median of " nserved[K[q]] more ")", x <= 50)
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
	echo "(book/handbook.xml), books made from it by tests/bench/gen.sh (its body repeated N times with"
	echo "suffixed ids; glossary, index and images once) and the reference book of \`gen.sh ref\` (400"
	echo "refentry pages, one file each). Source size: all XML files of the book, the included ones too."
	echo "Serve: \`mixdown serve\` on a copy of the handbook, $SERVE_CHAPTER saved $RUNS times, and as many"
	echo "saves that break it, timed by a client of the live-reload long-poll (tests/bench/serve.mjs)."
	echo "Settings: BENCH_SIZES=\"$SIZES\" BENCH_RUNS=$RUNS BENCH_TIMEOUT=$TIMEOUT BENCH_TOOLS=\"$TOOLS\" BENCH_PARTS=\"$PARTS\"."
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
	echo "- load average (1 min) just before each timed run: $(awk -F "\t" 'NR > 1 { if (min == "" || $8 < min) min = $8; if ($8 > max) max = $8; s += $8; c++ } END { if (c) printf "%s to %s, mean %.2f", min, max, s / c; else printf "not measured" }' "$RAW") (other work on the machine shares its $(nproc) cores; CPU times are less sensitive to it than wall times)"
	echo
	echo "## Results"
	echo
	cat "$table"
	echo
	echo "Wall time is measured around each run; CPU time is user + system time of all its processes and peak RSS"
	echo "the largest single process, both from \`/usr/bin/time -v\` (CPU time to 10 ms). A run that times out is"
	echo "killed with its processes, so its CPU time and memory are not known. Raw timings of every run:"
	echo "$OUT/raw.tsv (not kept in git)."
	if [ -s "$OUT/search.md" ]; then
		echo
		echo "## The site's search"
		echo
		echo "The gzipped bytes a first query loads (engine and stemmer beyond site.js, records, the shards its"
		echo "words need, the text of the results shown; the largest of seven queries), against 64 KB on the"
		echo "handbook and 500 KB on bigger books; in headless Chromium from file:// with the CPU slowed 4x (CDP"
		echo "Emulation.setCPUThrottlingRate), the time from the first query, typed in the focused box, to its"
		echo "first results shown, against 100 ms, and to their snippets; then the median and slowest time to the"
		echo "results of six later queries (tests/bench/search.mjs)."
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
