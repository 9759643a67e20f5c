# lib.sh: helpers shared by the test suites. Each suite prints one line per test, "ok - NAME"
# or "not ok - NAME" followed by indented detail; tests/run.sh counts them.

MIXDOWN=${MIXDOWN:-tools/mixdown}
TEST_TMP=${TEST_TMP:-tests/out}
mkdir -p "$TEST_TMP"

ok() { echo "ok - $1"; }

not_ok() {
	echo "not ok - $1"
	shift
	[ $# -eq 0 ] || printf '%s\n' "$@" | sed 's/^/    /'
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
