#!/bin/sh
# run.sh: one DocBook 5.2 book written the way real ones are: entities from a file of
# declarations (pulled in by each file that uses them), a chapter taken from another file by
# xpointer, a listing's first lines taken by fragid, reference pages, a bibliography, callouts,
# a procedure, questions and answers, a segmented list, danger and givenname, an empty pubdate.
# It must build with no message, show what each feature brings, and pass EPUBCheck.
. tests/lib.sh
book=tests/byob/combined/book
out=$TEST_TMP/byob-combined
rm -rf "$out"
mkdir -p "$out"

if "$MIXDOWN" build "$book/book.xml" -o "$out/build" >"$out/build.out" 2>"$out/build.err" && [ ! -s "$out/build.err" ]; then
	ok "combined: the 5.2 book builds with no error and no warning"
else
	not_ok "combined: the 5.2 book builds with no error and no warning" "$(head -10 "$out/build.err")"
	done_testing
fi
html=$out/build/html
# page, text it must hold (fixed string), what that shows
while IFS='|' read -r page text what; do
	if grep -qF -- "$text" "$html/$page"; then
		ok "combined: $what"
	else
		not_ok "combined: $what" "'$text' not in $page"
	fi
done <<'EOF_CHECKS'
index.html|Patchbay 2.4 Session Guide|entities from an entity file expand in the title
setup.html|Setting up Room B|an entity declared in the file's own DOCTYPE expands
recall.html|Recalling a mix|the chapter an xpointer names is included
setup.html|rate = 48000|a fragid line range includes the listing's lines
setup.html|class="admonition danger"|danger renders as an admonition
recall-cmd.html|recall(1)|a refentry is a page titled name(volume)
setup.html|[Guide]|a citation links to its bibliography entry by its abbrev
index.html|Ada Okafor|givenname and surname are joined with a space
EOF_CHECKS
if grep -qF 'dither' "$html/setup.html"; then
	not_ok "combined: the fragid range leaves out the lines after it" "line 4 of session.conf is on the page"
else
	ok "combined: the fragid range leaves out the lines after it"
fi
if unzip -p "$out/build/book.epub" OEBPS/package.opf | grep -q '<dc:date'; then
	not_ok "combined: an empty pubdate gives the EPUB no date"
else
	ok "combined: an empty pubdate gives the EPUB no date"
fi
if ! command -v java >/dev/null 2>&1 || [ ! -f /usr/share/java/epubcheck.jar ]; then
	not_ok "combined: the EPUB passes EPUBCheck" "apt-get install -y epubcheck"
elif java -jar /usr/share/java/epubcheck.jar "$out/build/book.epub" >"$out/epubcheck.log" 2>&1; then
	ok "combined: the EPUB passes EPUBCheck"
else
	not_ok "combined: the EPUB passes EPUBCheck" "$(grep -E 'ERROR|FATAL|WARNING' "$out/epubcheck.log" | head -10)"
fi
done_testing
