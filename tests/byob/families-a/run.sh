#!/bin/sh
# run.sh: one small book for each of these element families: bibliographies, reference pages,
# callouts, and the names and synopses of programs. Each book builds without a word from
# mixdown; the <main> of its site pages and the body of its EPUB pages equal the goldens
# site.html and epub.xhtml in its folder; its EPUB passes EPUBCheck with nothing to say.
# REGEN=yes rewrites the goldens; read their diff before committing them.
cd "$(dirname "$0")/../../.." || exit 2
. tests/lib.sh
here=tests/byob/families-a
epubcheck_jar=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}

# The pages a build wrote, but for the ones every book has.
content_pages() {
	ls "$1" | grep "\\.$2\$" | grep -v -e '^index\.' -e '^404\.' -e '^search\.' -e '^cover\.' -e '^nav\.' | sort
}

for dir in "$here"/*/; do
	dir=${dir%/}
	book=$(basename "$dir")
	out=$TEST_TMP/byob/families-a/$book
	rm -rf "$out"
	mkdir -p "$out"
	if ! "$MIXDOWN" build "$dir/book.xml" -o "$out/build" >"$out/stdout" 2>"$out/stderr"; then
		not_ok "families: $book builds" "$(head -20 "$out/stderr")"
		continue
	fi
	if [ -s "$out/stderr" ]; then
		not_ok "families: $book builds without a warning" "$(head -20 "$out/stderr")"
	else
		ok "families: $book builds without a warning"
	fi

	for page in $(content_pages "$out/build/html" html); do
		echo "=== $page"
		main_content "$out/build/html/$page"
	done >"$out/site.html"
	compare_golden "families: $book site pages" "$out/site.html" "$dir/site.html"

	mkdir -p "$out/epub"
	(cd "$out/epub" && unzip -q ../build/book.epub)
	for page in $(content_pages "$out/epub/OEBPS" xhtml); do
		echo "=== $page"
		block_lines '<body>' '</body>' "$out/epub/OEBPS/$page"
	done >"$out/epub.xhtml"
	compare_golden "families: $book EPUB pages" "$out/epub.xhtml" "$dir/epub.xhtml"

	if [ ! -f "$epubcheck_jar" ]; then
		not_ok "families: $book EPUB passes EPUBCheck" "no $epubcheck_jar: apt-get install -y epubcheck"
		continue
	fi
	java -jar "$epubcheck_jar" "$out/build/book.epub" >"$out/epubcheck.log" 2>&1
	if grep -q 'Messages: 0 fatals / 0 errors / 0 warnings' "$out/epubcheck.log"; then
		ok "families: $book EPUB passes EPUBCheck"
	else
		not_ok "families: $book EPUB passes EPUBCheck" "$(grep -E 'FATAL|ERROR|WARNING|Messages' "$out/epubcheck.log" | head -20)"
	fi
done
done_testing
