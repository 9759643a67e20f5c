#!/bin/sh
# run.sh: loading what real DocBook books use. Each folder here is a small book for one feature:
# it builds, and its pages hold the text that feature brings in (or, for a habit mixdown refuses,
# the check fails with the message in expected.err).
. tests/lib.sh
here=tests/byob/loading
out=$TEST_TMP/byob-loading
rm -rf "$out"
mkdir -p "$out"
mixdown_path=$(cd "$(dirname "$MIXDOWN")" && pwd)/$(basename "$MIXDOWN")

# Builds book folder $1 (with more options after it) and expects exit 0.
build() {
	name=$1
	shift
	NO_COLOR=1 "$MIXDOWN" build "$@" -o "$out/$name" >/dev/null 2>"$out/$name.err"
	echo $? >"$out/$name.status"
}

# Expects every one of the fixed strings after $2 in the pages of the build named $1.
expect_pages() {
	name=$1 what=$2
	shift 2
	missing=""
	for text in "$@"; do
		grep -rqF -- "$text" "$out/$name/html" 2>/dev/null || missing="$missing [$text]"
	done
	if [ "$(cat "$out/$name.status")" = 0 ] && [ -z "$missing" ]; then
		ok "loading: $what"
	else
		not_ok "loading: $what" "exit $(cat "$out/$name.status"), missing:$missing" "$(head -5 "$out/$name.err")"
	fi
}

build entities "$here/entities/book.xml"
expect_pages entities "internal entities, a file of them pulled in by a parameter entity, and an external parsed entity with markup" \
	'<title>Mixdown 2.4 Guide' 'INTERNAL-TEXT: recorded at the Glass Room.' \
	'LEGAL-TEXT: Mixdown is a <em>trademark</em> of nobody.'

build xpointer "$here/xpointer/book.xml"
expect_pages xpointer "xpointer by a bare id, by element() from an id and from the document" \
	'BY-ID-TEXT' 'BY-ID-PATH-TEXT' 'BY-CHILD-SEQUENCE-TEXT'
# each include took its element and nothing more: the pan section only where element(/1/3) names it
if [ "$(cd "$out/xpointer/html" 2>/dev/null && grep -l 'BY-CHILD-SEQUENCE-TEXT' ./*.html)" = ./space.html ] &&
	[ "$(grep -c 'BY-ID-PATH-TEXT: leave' "$out/xpointer/html/levels.html" 2>/dev/null)" = 1 ] &&
	! grep -q 'BY-ID-TEXT' "$out/xpointer/html/space.html"; then
	ok "loading: an xpointer include takes the element it names and nothing else"
else
	not_ok "loading: an xpointer include takes the element it names and nothing else"
fi

build fragid "$here/fragid/book.xml"
expect_pages fragid "parse=\"text\" excerpts by fragid line and char ranges, also of the including file" \
	'<code>00:02 LINE-RANGE-TEXT take 1 recorded
00:03 LINE-RANGE-TEXT take 2 recorded
</code>' '<code>session opened</code>' '<code>    &lt;title&gt;Takes&lt;/title&gt;
</code>'

(cd "$here/root" && NO_COLOR=1 "$mixdown_path" check src/book.xml) >/dev/null 2>"$out/root-default.err"
if grep -qF "src/book.xml:9:20: error: fileref '../images/meter.png' is outside the book's folder; --root DIR names a wider one" "$out/root-default.err"; then
	ok "loading: without --root, an image beside the book file's folder is refused with a hint at --root"
else
	not_ok "loading: without --root, an image beside the book file's folder is refused with a hint at --root" "$(cat "$out/root-default.err")"
fi
build root "$here/root/src/book.xml" --root "$here/root"
expect_pages root "--root with the images in a sibling folder" 'ROOT-TEXT' '<img src="images/meter.png" alt="A level meter">'
if cmp -s "$here/root/images/meter.png" "$out/root/html/images/meter.png"; then
	ok "loading: --root publishes the sibling folder's image"
else
	not_ok "loading: --root publishes the sibling folder's image"
fi

(cd "$here/no-namespace" && NO_COLOR=1 "$mixdown_path" check book.xml) >/dev/null 2>"$out/no-namespace.err"
status=$?
if [ $status = 1 ] && cmp -s "$here/no-namespace/expected.err" "$out/no-namespace.err"; then
	ok "loading: an included chapter without the DocBook namespace is one error at that file"
else
	not_ok "loading: an included chapter without the DocBook namespace is one error at that file" "exit $status" "$(diff "$here/no-namespace/expected.err" "$out/no-namespace.err")"
fi
done_testing
