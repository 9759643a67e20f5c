#!/bin/sh
# linear.sh: the "linearity" part of the benchmark (tests/bench/run.sh): how mixdown's cost
# grows when one thing in a book doubles. For each kind of tests/bench/grow.sh it makes books
# of N, 2N and 4N, measures mixdown on each, and prints per doubling the ratio of the costs and
# the ratio of the increments, (cost(4N) - cost(2N)) / (cost(2N) - cost(N)), which leaves out
# the fixed cost of starting (compiling the schema and the stylesheets). Linear work gives 2;
# the target is at most 2.3 for both the last ratio and the increments.
#
# Cost: instructions executed by mixdown and its forked children, counted by valgrind's callgrind (the same on a busy machine as
# on an idle one); without valgrind, the median CPU time (user + sys) of BENCH_RUNS runs.
# Environment: MIXDOWN, BENCH_RUNS (default 3, for CPU times), BENCH_LINEAR_SCALE (multiplies
# every N, default 1), BENCH_LINEAR_KINDS (default all), BENCH_LINEAR_COST (instructions or
# cpu, default instructions when valgrind is installed). Writes tests/out/bench/linearity.md.
set -u
cd "$(dirname "$0")/../.." || exit 2

MIXDOWN=${MIXDOWN:-tools/mixdown}
RUNS=${BENCH_RUNS:-3}
SCALE=${BENCH_LINEAR_SCALE:-1}
OUT=tests/out/bench/linear
TABLE=tests/out/bench/linearity.md
# kind, N, command: valid books are built, books with errors are checked
ALL_KINDS="accented:250:build one-entry:500:build entries:500:build glossary:500:build
siblings:2500:check short-runs:150:check unknown-ids:500:check one-line:500:check"
KINDS=${BENCH_LINEAR_KINDS:-$(for k in $ALL_KINDS; do printf '%s ' "${k%%:*}"; done)}
LIMIT=2.3

say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }

case $SCALE in '' | *[!0-9]* | 0) die "BENCH_LINEAR_SCALE must be a positive integer" ;; esac
case $RUNS in '' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive integer" ;; esac
[ -x "$MIXDOWN" ] || die "$MIXDOWN is missing: run make tools/mixdown first"
if command -v valgrind >/dev/null 2>&1; then COST=${BENCH_LINEAR_COST:-instructions}; else COST=${BENCH_LINEAR_COST:-cpu}; fi
case $COST in instructions | cpu) ;; *) die "BENCH_LINEAR_COST must be instructions or cpu" ;; esac
mkdir -p "$OUT"

# cost COMMAND BOOK: prints the cost of one mixdown run on BOOK.
cost() {
	rm -rf "$OUT/out"
	if [ "$COST" = instructions ]; then
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$MIXDOWN" "$1" "$2" -o "$OUT/out" \
			>/dev/null 2>"$OUT/callgrind.log"
		# the forked children (schema, EPUB) report their own counts: all are added up
		awk '/^==[0-9]*== Collected :/ { s += $NF } END { if (s) printf "%.0f\n", s }' "$OUT/callgrind.log"
	else
		r=0
		while [ "$r" -lt "$RUNS" ]; do
			/usr/bin/time -f '%U %S' -o "$OUT/time.txt" "$MIXDOWN" "$1" "$2" -o "$OUT/out" >/dev/null 2>&1
			awk '{ printf "%.0f\n", ($1 + $2) * 1000 }' "$OUT/time.txt"
			r=$((r + 1))
		done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
	fi
}

unit=$([ "$COST" = instructions ] && echo "instructions" || echo "ms of CPU")
printf '| input | N | cost at N | at 2N | at 4N (%s) | per doubling | increments | <= %sx per doubling |\n' "$unit" "$LIMIT" >"$TABLE"
echo "|---|---|---|---|---|---|---|---|" >>"$TABLE"
for spec in $ALL_KINDS; do
	kind=${spec%%:*} rest=${spec#*:}
	n=$((${rest%%:*} * SCALE)) command=${rest#*:}
	case " $KINDS " in *" $kind "*) ;; *) continue ;; esac
	costs=""
	for m in 1 2 4; do
		sh tests/bench/grow.sh "$kind" $((n * m)) >"$OUT/$kind.xml" || die "grow.sh $kind failed"
		say "$kind, N=$((n * m)): mixdown $command"
		c=$(cost "$command" "$OUT/$kind.xml")
		[ -n "$c" ] || die "no cost measured for $kind at $((n * m)) (see $OUT)"
		costs="$costs $c"
	done
	echo "$kind $n $command $costs" | awk -v limit="$LIMIT" '{
		a = $4; b = $5; c = $6
		r1 = b / a; r2 = c / b; inc = (b > a) ? (c - b) / (b - a) : 0
		ok = r2 <= limit && inc <= limit
		printf "| %s (%s) | %d | %.0f | %.0f | %.0f | %.2fx, %.2fx | %.2fx | %s |\n", $1, $3, $2, a, b, c, r1, r2, inc, ok ? "**met**" : "**not met**"
	}' >>"$TABLE"
done
{
	echo
	echo "Inputs from tests/bench/grow.sh; cost: $([ "$COST" = instructions ] && echo "instructions counted by valgrind --tool=callgrind" || echo "median CPU time of $RUNS runs"). Increments: (cost(4N) - cost(2N)) / (cost(2N) - cost(N)), without the fixed cost of starting."
} >>"$TABLE"
echo
cat "$TABLE"
