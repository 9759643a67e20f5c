# lib.sh: helpers shared by the test suites, which speak TAP.
#
# A suite prints one line per test, "ok - NAME" or "not ok - NAME" followed by indented detail
# (through ok and not_ok), and ends with `done_testing`, which prints its plan "1..N", N being
# the results it printed. tests/run.sh fails a suite that exits non-zero with no failed test,
# prints no plan, prints more or fewer results than its plan, or prints nothing. The plan comes
# last on purpose: suites run as many tests as they have goldens, pages or parts, so no number
# has to be kept in step by hand, and a suite that dies or is killed midway never reaches
# done_testing, so its missing plan fails the run whatever it printed before.
#
# A suite made of parts runs each with `run_part NAME COMMAND...`: the part's results count as
# the suite's, and the part is held to the same rules (its own plan, its exit status). A part is
# a shell script that sources this file and ends with done_testing, such as a new
# tests/byob/FOLDER/run.sh:
#
#     #!/bin/sh
#     # run.sh: what this part tests.
#     . tests/lib.sh
#     if ...; then ok "byob: FOLDER: what holds"; else not_ok "byob: FOLDER: what holds" "detail"; fi
#     done_testing
#
# or a Node script run with `run_part NAME node_test SCRIPT ARGS...`, which loads tests/tap.mjs
# first: an exception the script does not catch is printed as a "not ok" line, and the plan is
# printed when the script ends normally.

MIXDOWN=${MIXDOWN:-tools/mixdown}
TEST_TMP=${TEST_TMP:-tests/out}
mkdir -p "$TEST_TMP"

# Each result printed by this shell (subshells included) adds a line to this file.
TAP_COUNT=$TEST_TMP/.results.$$
: >"$TAP_COUNT"

ok() {
	echo "ok - $1"
	echo ok >>"$TAP_COUNT"
}

not_ok() {
	echo "not ok - $1"
	echo "not ok" >>"$TAP_COUNT"
	shift
	[ $# -eq 0 ] || printf '%s\n' "$@" | sed 's/^/    /'
}

# Prints the plan, the number of results printed, and exits: 1 if a test failed.
done_testing() {
	echo "1..$(wc -l <"$TAP_COUNT")"
	failed=$(grep -c '^not ok$' "$TAP_COUNT")
	rm -f "$TAP_COUNT"
	[ "$failed" -eq 0 ]
	exit
}

# Runs a part of a suite (see above), passing its results on as this suite's and its plan not,
# then fails it as NAME if it exited non-zero with no failed test, printed no plan, printed
# nothing, or printed more or fewer results than its plan.
run_part() {
	part_name=$1
	shift
	part_out=$(mktemp "$TEST_TMP/part.XXXXXX")
	{
		(TAP_COUNT=$part_out.count && : >"$TAP_COUNT" && "$@")
		echo $? >"$part_out.status"
	} | tee "$part_out" | sed -u '/^1\.\.[0-9]*$/d'
	part_status=$(cat "$part_out.status")
	part_plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$part_out" | tail -1)
	part_results=$(grep -c '^\(not \)\?ok - ' "$part_out")
	part_failed=$(grep -c '^not ok - ' "$part_out")
	sed -n 's/^\(not ok\|ok\) - .*/\1/p' "$part_out" >>"$TAP_COUNT"
	rm -f "$part_out" "$part_out.status" "$part_out.count"
	if [ -z "$part_plan" ]; then
		not_ok "$part_name: ended before its plan (it died, was killed or lacks done_testing)" \
			"exit status $part_status after $part_results results"
	elif [ "$part_results" -ne "$part_plan" ]; then
		not_ok "$part_name: printed $part_results results for a plan of $part_plan"
	elif [ "$part_results" -eq 0 ]; then
		not_ok "$part_name: printed no result" "exit status $part_status"
	elif [ "$part_status" -ne 0 ] && [ "$part_failed" -eq 0 ]; then
		not_ok "$part_name: exited with status $part_status though every test passed"
	fi
}

# Runs a Node script with tests/tap.mjs loaded first (see above).
node_test() {
	node --import "$PWD/tests/tap.mjs" "$@"
}

# Compares a file with its golden; with --regen in $REGEN, rewrites the golden instead.
compare_golden() {
	name=$1 actual=$2 golden=$3
	if [ "${REGEN:-}" = yes ]; then
		cp "$actual" "$golden"
		echo "regenerated $golden" >&2
	fi
	if [ ! -f "$golden" ]; then
		not_ok "$name" "no golden file $golden (run make regen, then read it)"
	elif diff -u "$golden" "$actual" >"$actual.diff"; then
		ok "$name"
	else
		not_ok "$name" "$(head -40 "$actual.diff")"
	fi
}

# What builds left in output folder $1 besides the published build: the folders of killed or
# failed builds (and mixdown 0.1's temporary folders). Prints their names, or nothing.
leftovers() {
	current=$(readlink "$1/.mixdown/current" 2>/dev/null)
	ls -A "$1/.mixdown" 2>/dev/null | grep -vx -e lock -e current -e "${current:-current}"
	ls -A "$1" 2>/dev/null | grep '^\.mixdown-'
}

# The content of <main> in a site page, one block element per line, for readable diffs.
main_content() {
	block_lines '<main id="content">' '</main>' "$1"
}

# The text between the first START and the next END in FILE (each a literal tag, without
# regular-expression characters), one block element per line.
block_lines() {
	awk -v start="$1" -v end="$2" '
	     !on { i = index($0, start); if (i == 0) next; $0 = substr($0, i + length(start)); on = 1 }
	     on { i = index($0, end); if (i > 0) { print substr($0, 1, i - 1); exit } print }' "$3" |
		sed 's/<\(p\|section\|h[1-6]\|li\|ul\|ol\|div\|table\|caption\|thead\|tbody\|tr\|dl\|dt\|dd\|figure\|figcaption\|aside\|nav\|pre\|blockquote\)[ >]/\n&/g' |
		sed '/^[[:space:]]*$/d'
}

# The content of the element that opens with $2 (e.g. '<body>') in file $1, up to its closing
# tag $3, one block element per line.
inner_content() {
	block_lines "$2" "$3" "$1"
}
