#!/bin/sh
# run.sh: golden tests of diagnostics. Each NAME.xml here (or NAME/book.xml for a book of
# several files) is checked with `mixdown check`; a NAME.args file instead gives the whole
# command line (for -W, --format, build, a missing book), and NAME.env the environment
# variables (VAR=value, one a line) for that run. What mixdown prints on stderr, then
# its exit status, must equal NAME.err. `--regen` rewrites the goldens; read their diff first.
# A book too big to keep here is made at run time by NAME.gen, a script that writes it (with
# sparse files) into the folder it is given.
. tests/lib.sh
[ "${1:-}" = --regen ] && REGEN=yes
mkdir -p "$TEST_TMP/diag"

made=$TEST_TMP/diag/made
rm -rf "$made"
mkdir -p "$made"
for gen in tests/diag/*.gen; do
	[ -f "$gen" ] || continue
	mkdir -p "$made/$(basename "$gen" .gen)"
	sh "$gen" "$made/$(basename "$gen" .gen)"
done
mixdown_path=$(cd "$(dirname "$MIXDOWN")" && pwd)/$(basename "$MIXDOWN")

# Checks a book with more arguments; a made book is checked from the folder above it, so that
# messages name it NAME/book.xml wherever the temporary folder is.
check_input() {
	input=$1
	shift
	case "$input" in
	"$made"/*) (cd "$made" && "$mixdown_path" check "${input#"$made"/}" "$@") ;;
	*) "$MIXDOWN" check "$input" "$@" ;;
	esac
}

for input in tests/diag/*.xml tests/diag/*/book.xml "$made"/*/book.xml tests/diag/*.args; do
	[ -f "$input" ] || continue
	case "$input" in
	*/book.xml) name=$(basename "$(dirname "$input")") ;;
	*.args) name=$(basename "$input" .args) ;;
	*) name=$(basename "$input" .xml) ;;
	esac
	# an input with its own command line is run by its .args file only
	case "$input" in *.xml) [ -f "tests/diag/$name.args" ] && continue ;; esac
	actual=$TEST_TMP/diag/$name.actual
	if [ -f "tests/diag/$name.args" ]; then
		# shellcheck disable=SC2046 # the file holds several arguments
		NO_COLOR=1 MIXDOWN_DATADIR=$(cat "tests/diag/$name.datadir" 2>/dev/null) \
			env $(cat "tests/diag/$name.env" 2>/dev/null) \
			"$MIXDOWN" $(cat "tests/diag/$name.args") >/dev/null 2>"$actual"
	else
		NO_COLOR=1 check_input "$input" >/dev/null 2>"$actual"
	fi
	echo "exit: $?" >>"$actual"
	# mixdown's own files are named by absolute path; the checkout's location is not the point
	sed -i "s|$PWD/||g" "$actual"
	compare_golden "diagnostics: $name" "$actual" "tests/diag/$name.err"
done

# Every message in tools/messages.def is produced by some input here (seen in JSON mode);
# "internal" cannot be caused by a book and is covered by tests/unit/test_out.c.
seen=$TEST_TMP/diag/codes-seen
: >"$seen"
for input in tests/diag/*.xml tests/diag/*/book.xml "$made"/*/book.xml tests/diag/*.args; do
	[ -f "$input" ] || continue
	case "$input" in
	*.args)
		# shellcheck disable=SC2046
		MIXDOWN_DATADIR=$(cat "${input%.args}.datadir" 2>/dev/null) \
			env $(cat "${input%.args}.env" 2>/dev/null) \
			"$MIXDOWN" $(cat "$input") --format=json 2>&1 >/dev/null ;;
	*) check_input "$input" --format=json -W style 2>&1 >/dev/null ;;
	esac
done | sed -n 's/.*"code":"\([a-z-]*\)".*/\1/p' | sort -u >"$seen"
missing=$(sed -n 's/^MESSAGE(D_[A-Z0-9_]*, "\([a-z-]*\)".*/\1/p' tools/messages.def | grep -v '^internal$' | sort -u | comm -23 - "$seen")
if [ -z "$missing" ] && [ -s "$seen" ]; then
	ok "diagnostics: every message in the table has a golden test ($(wc -l <"$seen") codes)"
else
	not_ok "diagnostics: every message in the table has a golden test" "no test produces: $missing"
fi

# Every message in the table is documented in the man page.
undocumented=$(sed -n 's/^MESSAGE(D_[A-Z0-9_]*, "\([a-z-]*\)".*/\1/p' tools/messages.def | while read -r code; do
	grep -q "^\.BR $code \"" mixdown.1 || echo "$code"
done)
if [ -z "$undocumented" ]; then
	ok "diagnostics: every message in the table is documented in mixdown.1"
else
	not_ok "diagnostics: every message in the table is documented in mixdown.1" "undocumented: $undocumented"
fi

# Every report's arguments are checked against its message's text by the compiler: a report
# giving a word where the text wants a number does not build.
probe=$TEST_TMP/diag/format-probe.c
printf '%s\n' '#include "book.h"' 'void probe(struct diag *d, const struct book *b);' \
	'void probe(struct diag *d, const struct book *b)' \
	'{ diag_report(d, NULL, D_XML_EMPTY); book_report(b, d, NULL, D_FILEREF_MISSING, "x.png"); ' \
	'  diag_report(d, NULL, D_XINCLUDE_DEPTH, 9); }' >"$probe"
compile_probe() {
	# shellcheck disable=SC2046
	cc -std=c11 -Wall -Werror -Itools $(pkg-config --cflags libxml-2.0) -c "$probe" -o "$probe.o" 2>&1
}
if ! compile_probe >/dev/null; then
	not_ok "diagnostics: reports with the right arguments build" "$(compile_probe)"
else
	sed -i 's/D_XINCLUDE_DEPTH, 9)/D_XINCLUDE_DEPTH, "nine")/' "$probe"
	if compile_probe | grep -q "error: format"; then
		ok "diagnostics: a report whose arguments do not fit its message's text does not build"
	else
		not_ok "diagnostics: a report whose arguments do not fit its message's text does not build" "it built"
	fi
fi
done_testing
