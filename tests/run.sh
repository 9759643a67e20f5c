#!/bin/sh
# run.sh: runs every test suite, then the suites that run mixdown again under
# AddressSanitizer and UndefinedBehaviorSanitizer, and prints "N passed, M failed" last.
set -u
cd "$(dirname "$0")/.." || exit 2
# Leaks that are the font libraries' own caches, not mixdown's (see tests/lsan.supp).
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
log=tests/out/results.log
mkdir -p tests/out
: >"$log"

suite() {
	echo "== $1" | tee -a "$log"
	shift
	"$@" 2>&1 | tee -a "$log"
}

unit_suite() {
	prefix=$1
	for t in tests/unit/${prefix}_*; do
		[ -x "$t" ] || continue
		CMOCKA_MESSAGE_OUTPUT=TAP "$t" | sed -n "s/^\(not ok\|ok\) [0-9]* - \(.*\)/\1 - $(basename "$t"): \2/p"
	done
}

suite "unit tests" unit_suite test
suite "stylesheet goldens" sh tests/xsl/run.sh
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

passed=$(grep -c '^ok - ' "$log")
failed=$(grep -c '^not ok - ' "$log")
echo
grep '^not ok - ' "$log" | sed 's/^/FAILED: /'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
