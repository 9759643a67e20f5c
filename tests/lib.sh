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
