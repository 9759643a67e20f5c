#!/bin/sh
# run.sh: books in each DocBook dialect mixdown reads: 5.1 and 5.2 books using the elements
# those versions added (built, rendered and passed through EPUBCheck), 5.0 books that use them
# (an error at the element), and the 5.1/5.2 schema layer checked on its own with jing.
. tests/lib.sh
here=tests/byob/dialects
out=$TEST_TMP/byob-dialects
rm -rf "$out"
mkdir -p "$out"
layer=schema/docbook-5.2.rng

# Builds a book of this folder into $out/NAME; its stderr goes to $out/NAME.err.
build() {
	"$MIXDOWN" build "$here/$1.xml" -o "$out/$1" >"$out/$1.out" 2>"$out/$1.err"
}

# EPUBCheck 4.2.6 (see TOOLS.md) on a built book's EPUB.
epubcheck() {
	name=$1
	if ! command -v java >/dev/null 2>&1 || [ ! -f /usr/share/java/epubcheck.jar ]; then
		not_ok "dialects: $name's EPUB passes EPUBCheck" "apt-get install -y epubcheck"
	elif java -jar /usr/share/java/epubcheck.jar "$out/$name/$name.epub" >"$out/$name.epubcheck" 2>&1; then
		ok "dialects: $name's EPUB passes EPUBCheck"
	else
		not_ok "dialects: $name's EPUB passes EPUBCheck" "$(grep -E 'ERROR|FATAL' "$out/$name.epubcheck" | head -10)"
	fi
}

# The page of a built book that holds text (grep -l), for the checks below.
has() {
	grep -q -- "$2" "$out/$1/html/$3"
}

for name in db51 db52; do
	if build "$name" && [ ! -s "$out/$name.err" ]; then
		ok "dialects: $name builds with no errors or warnings"
	else
		not_ok "dialects: $name builds with no errors or warnings" "$(head -10 "$out/$name.err")"
	fi
	epubcheck "$name"
done

# What each added element becomes.
check_render() {
	if has "$1" "$2" "$3"; then
		ok "dialects: $4"
	else
		not_ok "dialects: $4" "no '$2' in $out/$1/html/$3"
	fi
}
check_render db52 '<div class="admonition danger" role="note"><p class="admonition-title">Hot surfaces' firing.html "danger is an admonition"
check_render db52 '<code class="buildtarget">glaze-test</code>' firing.html "buildtarget is code"
check_render db52 '<code class="templatename">' firing.html "templatename is code"
check_render db52 '<dt><code class="enumidentifier">CONE_6</code> = <code class="enumvalue">6</code></dt><dd>mid-fire stoneware</dd>' firing.html "an enumsynopsis lists its items"
check_render db52 '<figure class="formalgroup" id="cones"><figcaption>Cone packs before and after</figcaption>' firing.html "formalgroup is a figure with its own title"
check_render db52 '<h1 class="page-title">Loading the shelves' loading.html "topic is a page of its own"
check_render db52 'Ada Brenner' index.html "givenname is a part of the author's name"
check_render db51 '<code class="buildtarget">drafts</code>' warp.html "a 5.1 book renders buildtarget"
if grep -rqE 'potters|guild' "$out/db52/html"; then
	not_ok "dialects: meta is not shown" "$(grep -rlE 'potters|guild' "$out/db52/html")"
else
	ok "dialects: meta is not shown"
fi

# A 5.0 book may not use what 5.1 and 5.2 added: an error at the element's own line, saying
# which version has it. A 5.2 book is held to the layer's rules.
expect_error() {
	name=$1 where=$2 message=$3
	"$MIXDOWN" check "$here/$name.xml" >/dev/null 2>"$out/$name.err"
	status=$?
	if [ $status -eq 1 ] && grep -qF "$here/$name.xml:$where: error: $message" "$out/$name.err"; then
		ok "dialects: $name is an error at $where"
	else
		not_ok "dialects: $name is an error at $where" "exit $status" "$(cat "$out/$name.err")"
	fi
}
later='is not a DocBook 5 element (DocBook 5.1 or 5.2 has it: say version="5.2" on <book>)'
expect_error db50-danger 7:5 "<danger> $later"
expect_error db50-inline 8:5 "<buildtarget> $later"
expect_error db52-bad-group 6:5 "<formalgroup>"

# A 5.0 book never reads the layer: it checks cleanly with a data folder that lacks it.
mkdir -p "$out/no-layer"
ln -s "$PWD/xsl" "$out/no-layer/xsl"
ln -s "$PWD/style" "$out/no-layer/style"
if MIXDOWN_DATADIR=$out/no-layer "$MIXDOWN" check "$here/db50-danger.xml" 2>&1 | grep -q "<danger> is not a DocBook 5 element"; then
	ok "dialects: a 5.0 book is checked without the 5.1/5.2 layer"
else
	not_ok "dialects: a 5.0 book is checked without the 5.1/5.2 layer"
fi

# The layer on its own, with jing: the 5.1 and 5.2 books are valid, the bad group is not.
if ! command -v jing >/dev/null 2>&1; then
	not_ok "dialects: jing accepts the 5.1 and 5.2 books under the layer" "apt-get install -y jing"
else
	if jing "$layer" "$here/db51.xml" "$here/db52.xml" >"$out/jing.out" 2>/dev/null; then
		ok "dialects: jing accepts the 5.1 and 5.2 books under the layer"
	else
		not_ok "dialects: jing accepts the 5.1 and 5.2 books under the layer" "$(head -10 "$out/jing.out")"
	fi
	if jing "$layer" "$here/db52-bad-group.xml" >"$out/jing-bad.out" 2>/dev/null; then
		not_ok "dialects: jing refuses a formalgroup of informal figures under the layer"
	else
		ok "dialects: jing refuses a formalgroup of informal figures under the layer"
	fi
fi
done_testing
