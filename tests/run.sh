#!/bin/sh
# run.sh: runs every test suite, then the suites that run mixdown again under
# AddressSanitizer and UndefinedBehaviorSanitizer, and prints "N passed, M failed" last.
# Each suite is held to its TAP plan (see tests/lib.sh): one that dies, exits non-zero with
# no failed test, or prints more or fewer results than its plan, is a failure of its own.
# `tests/run.sh TITLE` runs only the suite of that title (e.g. "stylesheet goldens").
set -u
cd "$(dirname "$0")/.." || exit 2
# Leaks that are the font libraries' own caches, not mixdown's (see tests/lsan.supp).
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
. tests/lib.sh
log=$TEST_TMP/results.log

# One cmocka test program, its results named "ok - PROGRAM: TEST", its plan kept; it exits
# with the program's own status.
unit_program() {
	CMOCKA_MESSAGE_OUTPUT=TAP "$1" >"$TEST_TMP/$(basename "$1").tap"
	status=$?
	sed -n -e '/^1\.\.[0-9]*$/p' -e "s/^\(not ok\|ok\) [0-9]* - \(.*\)/\1 - $(basename "$1"): \2/p" \
		"$TEST_TMP/$(basename "$1").tap"
	return $status
}

# Every unit test program whose name starts with $1 (test: plain, asan: under the sanitizers).
unit_suite() {
	for t in tests/unit/"$1"_*; do
		[ -x "$t" ] || continue
		run_part "$(basename "$t")" unit_program "$t"
	done
	done_testing
}

only=${1:-}
suite() {
	name=$1
	shift
	[ -z "$only" ] || [ "$name" = "$only" ] || return 0
	echo "== $name"
	run_part "$name" "$@" 2>&1
}

all_suites() {
	suite "unit tests" unit_suite test
	suite "stylesheet goldens" sh tests/xsl/run.sh
	suite "page frames, the sitemap and the EPUB package" sh tests/frame/run.sh
	suite "diagnostics" sh tests/diag/run.sh
	suite "the handbook" sh tests/book/run.sh
	suite "live preview" sh tests/serve/run.sh
	suite "the EPUB" sh tests/epub/run.sh
	suite "the website" sh tests/site/run.sh
	suite "the site's search" sh tests/search/run.sh
	suite "books written as real DocBook books are" sh tests/byob/run.sh
	suite "hostile and broken books" sh tests/hostile/run.sh
	suite "unit tests under ASan+UBSan" unit_suite asan
	suite "stylesheet goldens under ASan+UBSan" env MIXDOWN=tools/mixdown-asan sh tests/xsl/run.sh
	suite "diagnostics under ASan+UBSan" env MIXDOWN=tools/mixdown-asan sh tests/diag/run.sh
}
all_suites | tee "$log"

passed=$(grep -c '^ok - ' "$log")
failed=$(grep -c '^not ok - ' "$log")
echo
grep '^not ok - ' "$log" | sed 's/^/FAILED: /'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
