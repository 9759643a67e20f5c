#!/bin/sh
# run.sh: one small book per DocBook element family (people and credits, questions and answers,
# procedures, segmented and simple lists, equations, revision histories, tasks, an empty
# pubdate, media objects with several images, an SVG drawn in draw.io). Each must build
# without a word from mixdown; a page's <main> and its EPUB content document must equal the
# goldens here (NAME.html, NAME.xhtml), and the EPUB must pass EPUBCheck without an error or a
# warning.
# REGEN=yes rewrites the goldens; read their diff before committing them.
. tests/lib.sh
here=tests/byob/families-b
out=$TEST_TMP/families-b
rm -rf "$out"
mkdir -p "$out"
epubcheck_jar=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}

# BOOK:PAGE, the page of each book whose rendering is compared.
for pair in people:index people:roles qanda:faq procedure:setup lists:patchbay math:decibels \
	revhistory:changes task:stems pubdate:index media:faders; do
	book=${pair%%:*} page=${pair#*:}
	build=$out/$book
	if [ ! -d "$build" ]; then
		if "$MIXDOWN" build "$here/$book.xml" -o "$build" >/dev/null 2>"$build.stderr" && [ ! -s "$build.stderr" ]; then
			ok "families-b: $book builds without a message"
		else
			not_ok "families-b: $book builds without a message" "$(head -20 "$build.stderr")"
			continue
		fi
		mkdir -p "$build/epub"
		(cd "$build/epub" && unzip -q "../$book.epub")
	fi
	main_content "$build/html/$page.html" >"$build/$page.html"
	compare_golden "families-b: $book, page $page" "$build/$page.html" "$here/$book-$page.html"
	inner_content "$build/epub/OEBPS/$page.xhtml" '<body>' '</body>' >"$build/$page.xhtml"
	compare_golden "families-b: $book, EPUB $page" "$build/$page.xhtml" "$here/$book-$page.xhtml"
done

# What each family promises beyond its golden.
opf() { cat "$out/$1/epub/OEBPS/package.opf"; }
if opf math | grep -q 'href="decibels.xhtml" media-type="application/xhtml+xml" properties="mathml"'; then
	ok "families-b: a page with MathML declares the mathml property"
else
	not_ok "families-b: a page with MathML declares the mathml property" "$(opf math | grep decibels)"
fi
if ! opf pubdate | grep -q '<dc:date' && grep -q 'class="edition">Draft</p>' "$out/pubdate/html/index.html"; then
	ok "families-b: an empty pubdate gives no date"
else
	not_ok "families-b: an empty pubdate gives no date" "$(opf pubdate | grep dc:date)"
fi
if opf people | grep -q '<dc:creator id="creator-1">Dr. Maren J. Okafor Jr.</dc:creator>'; then
	ok "families-b: the EPUB names an author with spaces between the parts"
else
	not_ok "families-b: the EPUB names an author with spaces between the parts" "$(opf people | grep dc:creator)"
fi

# Images for print (role="fo", condition="print") beside ones for screens are neither checked
# (fader-scale.pdf does not exist) nor published.
if ! grep -rq -e 'fader-print' -e 'fader-scale' "$out/media/html" "$out/media/epub/OEBPS"; then
	ok "families-b: images for print beside ones for screens are left out of both outputs"
else
	not_ok "families-b: images for print beside ones for screens are left out of both outputs" "$(grep -rl -e fader-print -e fader-scale "$out/media/html" "$out/media/epub/OEBPS")"
fi

# Titles left for another tool to fill (only a processing instruction, or white space): each
# is warned about, and the pages and the EPUB (checked below) name the element by its id.
"$MIXDOWN" build "$here/untitled.xml" -o "$out/untitled" >/dev/null 2>"$out/untitled.err"
if [ "$(grep -c ': warning: this <[a-z]*> has no words' "$out/untitled.err")" -eq 3 ] &&
	grep -q '<title>mixing-notes — Session Notes</title>' "$out/untitled/html/mixing-notes.html" &&
	grep -q '<h1 class="page-title">tapeloop</h1>' "$out/untitled/html/tapeloop.html"; then
	ok "families-b: an element whose title has no words is warned about and named by its id"
else
	not_ok "families-b: an element whose title has no words is warned about and named by its id" "$(cat "$out/untitled.err")" "$(grep -o '<h1[^>]*>.*</h1>' "$out/untitled/html/tapeloop.html")"
fi

# The EPUB's rights: the legal notice's words, without its metadata.
rights='<dc:rights>Copyright © 2026 Low End Studio. The credits follow Chapter 1, Who did what.</dc:rights>'
if opf people | grep -qF "$rights"; then
	ok "families-b: the EPUB's rights are the legal notice's words, without its metadata"
else
	not_ok "families-b: the EPUB's rights are the legal notice's words, without its metadata" "$(opf people | grep dc:rights)"
fi

# EPUBCheck 4.2.6, one run per book.
if [ ! -f "$epubcheck_jar" ] || ! command -v java >/dev/null 2>&1; then
	not_ok "families-b: EPUBCheck is installed" "apt-get install -y epubcheck default-jre-headless"
	done_testing
	exit 0
fi
for epub in "$out"/*/*.epub; do
	book=$(basename "$epub" .epub)
	java -jar "$epubcheck_jar" "$epub" >"$out/$book.epubcheck" 2>&1
	if grep -q '^No errors or warnings detected' "$out/$book.epubcheck"; then
		ok "families-b: EPUBCheck passes $book.epub with no error or warning"
	else
		not_ok "families-b: EPUBCheck passes $book.epub with no error or warning" "$(grep -E '^(ERROR|WARNING|FATAL)' "$out/$book.epubcheck" | head -10)"
	fi
done
done_testing
