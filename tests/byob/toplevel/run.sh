#!/bin/sh
# run.sh: books whose top element is not a book: a short article (one page), a long article
# (a title page and a page per top-level section) and a set of two books (a title page listing
# them, each book with its own). Each builds cleanly, has the pages and titles it should, an
# EPUB nav that lists the right entries, and an EPUB that passes EPUBCheck.
. tests/lib.sh
here=tests/byob/toplevel
out=$TEST_TMP/byob-toplevel
rm -rf "$out"
mkdir -p "$out"

# EPUBCheck 4.2.6 (see TOOLS.md) on a built book's EPUB.
epubcheck() {
	name=$1
	if ! command -v java >/dev/null 2>&1 || [ ! -f /usr/share/java/epubcheck.jar ]; then
		not_ok "toplevel: $name's EPUB passes EPUBCheck" "apt-get install -y epubcheck"
	elif java -jar /usr/share/java/epubcheck.jar "$out/$name/$name.epub" >"$out/$name.epubcheck" 2>&1; then
		ok "toplevel: $name's EPUB passes EPUBCheck"
	else
		not_ok "toplevel: $name's EPUB passes EPUBCheck" "$(grep -E 'ERROR|FATAL' "$out/$name.epubcheck" | head -10)"
	fi
}

# The site's pages of a built book (file names without .html), one a line, sorted.
pages() {
	ls "$out/$1/html" | sed -n 's/\.html$//p' | grep -vxE '404|search' | sort | tr '\n' ' '
}

# The title (the <title> element) of a page of a built book.
page_title() {
	xmllint --html --xpath 'string(//title)' "$out/$1/html/$2.html" 2>/dev/null
}

# The entries of the EPUB nav's contents under XPATH (from the toc nav's first list), as
# "HREF TEXT" a line, labels included.
nav_entries() {
	unzip -p "$out/$1/$1.epub" OEBPS/nav.xhtml |
		xmllint --xpath "//*[local-name()='nav'][@id='toc']/*[local-name()='ol']$2/*[local-name()='li']/*[local-name()='a']" - 2>/dev/null |
		sed -E 's/<a href="([^"]*)">/\1 /; s/<[^>]*>//g'
}

expect() {
	if [ "$2" = "$3" ]; then
		ok "toplevel: $1"
	else
		not_ok "toplevel: $1" "expected: $3" "got:      $2"
	fi
}

for name in article long-article set; do
	if "$MIXDOWN" build "$here/$name.xml" -o "$out/$name" >"$out/$name.out" 2>"$out/$name.err" &&
		[ ! -s "$out/$name.err" ]; then
		ok "toplevel: $name builds with no errors or warnings"
	else
		not_ok "toplevel: $name builds with no errors or warnings" "$(head -10 "$out/$name.err")"
	fi
	epubcheck "$name"
done

# A short article is one page: its title page, with its authors, abstract and sections.
expect "a short article is one page" "$(pages article)" "index "
expect "a short article's page has its title" "$(page_title article index)" "Keeping a Sourdough Starter"
if grep -q '<p class="author">Mira Holt</p>' "$out/article/html/index.html" &&
	grep -q 'How to feed, store and revive' "$out/article/html/index.html" &&
	grep -q '<h2>Reviving' "$out/article/html/index.html"; then
	ok "toplevel: a short article's page has its author, abstract and sections"
else
	not_ok "toplevel: a short article's page has its author, abstract and sections"
fi
expect "a short article's EPUB nav lists its title and sections" "$(nav_entries article)" "index.xhtml Keeping a Sourdough Starter
index.xhtml#feeding Feeding
index.xhtml#storing Storing
index.xhtml#reviving Reviving"

# A long article: a title page, then a page per top-level section.
expect "a long article has a page per top-level section" "$(pages long-article)" "index knots lines release water "
expect "a long article's title page has its title" "$(page_title long-article index)" "First Steps in Fly Fishing"
expect "a long article's section page has the section's title" "$(page_title long-article knots)" "Tying knots — First Steps in Fly Fishing"
if grep -q 'This introduction stays on the title page' "$out/long-article/html/index.html"; then
	ok "toplevel: a long article's text before its first section is on its title page"
else
	not_ok "toplevel: a long article's text before its first section is on its title page"
fi
if grep -q 'The clinch matters more than most beginners expect' "$out/long-article/html/knots.html" &&
	! grep -q 'The clinch matters' "$out/long-article/html/index.html" &&
	unzip -p "$out/long-article/long-article.epub" OEBPS/knots.xhtml | grep -q 'The clinch matters more than most beginners expect'; then
	ok "toplevel: a long article's section page holds the section's text, on the site and in the EPUB, and the title page does not"
else
	not_ok "toplevel: a long article's section page holds the section's text, on the site and in the EPUB, and the title page does not"
fi
expect "a long article's EPUB nav lists its title and section pages" "$(nav_entries long-article)" "index.xhtml First Steps in Fly Fishing
lines.xhtml Casting a line
knots.xhtml Tying knots
water.xhtml Reading the water
release.xhtml Landing and release"

# A set: its title page lists the books, each book has a title page of its own.
expect "a set has a title page, and each book one" "$(pages set)" "dovetails glues honing index joinery sharpening stones "
expect "a set's title page has the set's title" "$(page_title set index)" "The Home Workshop Library"
expect "a book's title page has the book's title" "$(page_title set joinery)" "Joinery — The Home Workshop Library"
if grep -q '<li class="toc-book"><a href="sharpening.html">Sharpening</a>' "$out/set/html/index.html" &&
	grep -q '<li class="toc-book"><a href="joinery.html">Joinery</a>' "$out/set/html/index.html"; then
	ok "toplevel: a set's title page links to each book"
else
	not_ok "toplevel: a set's title page links to each book"
fi
if grep -q '<h1 class="book-title">Joinery</h1>' "$out/set/html/joinery.html" &&
	grep -q '<p class="author">Piet Daal</p>' "$out/set/html/joinery.html"; then
	ok "toplevel: a book of a set has its own title and author on its title page"
else
	not_ok "toplevel: a book of a set has its own title and author on its title page"
fi
if grep -q '<span class="label">Chapter 1</span> Dovetails' "$out/set/html/dovetails.html"; then
	ok "toplevel: each book of a set numbers its own chapters"
else
	not_ok "toplevel: each book of a set numbers its own chapters"
fi
expect "a set's EPUB nav lists the set's title and its books" "$(nav_entries set)" "index.xhtml The Home Workshop Library
sharpening.xhtml Sharpening
joinery.xhtml Joinery"
expect "a set's EPUB nav nests each book's pages in it" "$(nav_entries set "/*[local-name()='li'][3]/*[local-name()='ol']")" "dovetails.xhtml 1. Dovetails
glues.xhtml A. Glues"
done_testing
