#!/bin/sh
# run.sh: golden tests of diagnostics. Each NAME.xml here (or NAME/book.xml for a book of
# several files) is checked with `mixdown check`; what it prints on stderr, then its exit
# status, must equal NAME.err. `--regen` rewrites the goldens; read their diff first.
. tests/lib.sh
[ "${1:-}" = --regen ] && REGEN=yes
mkdir -p "$TEST_TMP/diag"

for book in tests/diag/*.xml tests/diag/*/book.xml; do
	[ -f "$book" ] || continue
	case "$book" in
	*/book.xml) name=$(basename "$(dirname "$book")") ;;
	*) name=$(basename "$book" .xml) ;;
	esac
	actual=$TEST_TMP/diag/$name.actual
	NO_COLOR=1 "$MIXDOWN" check "$book" >/dev/null 2>"$actual"
	echo "exit: $?" >>"$actual"
	compare_golden "diagnostics: $name" "$actual" "tests/diag/$name.err"
done
