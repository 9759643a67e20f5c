#!/bin/sh
# run.sh: build --keep-going on books with errors (a link to an unknown id, an element DocBook
# does not have): the errors are shown and the exit status is the same as without the option,
# but the site and the EPUB are written, the broken link marked where it stands, and the EPUB
# passes EPUBCheck. Without the option nothing is written.
. tests/lib.sh
here=tests/byob/keepgoing
out=$TEST_TMP/byob-keepgoing
rm -rf "$out"
mkdir -p "$out"

"$MIXDOWN" build "$here/draft.xml" -o "$out/strict" >"$out/strict.out" 2>"$out/strict.err"
strict=$?
"$MIXDOWN" build "$here/draft.xml" -o "$out/going" --keep-going >"$out/going.out" 2>"$out/going.err"
going=$?

if [ "$strict" -eq 1 ] && [ ! -e "$out/strict" ]; then
	ok "keepgoing: without the option, exit status 1 and no output folder"
else
	not_ok "keepgoing: without the option, exit status 1 and no output folder" "status $strict"
fi
if [ "$going" -eq "$strict" ]; then
	ok "keepgoing: with it, the same exit status"
else
	not_ok "keepgoing: with it, the same exit status" "status $going, not $strict"
fi
# Every error the build without the option shows, in the same words.
if grep ': error: ' "$out/strict.err" >"$out/strict.errors" && grep ': error: ' "$out/going.err" >"$out/going.errors" \
	&& cmp -s "$out/strict.errors" "$out/going.errors"; then
	ok "keepgoing: the errors are shown as without the option"
else
	not_ok "keepgoing: the errors are shown as without the option" "$(diff "$out/strict.errors" "$out/going.errors" | head -10)"
fi
if [ -f "$out/going/html/index.html" ] && [ -f "$out/going/html/mordants.html" ] && [ -f "$out/going/draft.epub" ]; then
	ok "keepgoing: the site and the EPUB are written"
else
	not_ok "keepgoing: the site and the EPUB are written" "$(ls -R "$out/going" 2>&1 | head -10)"
fi

# The broken links are marked, in the site and in the EPUB, and lead nowhere.
page=$out/going/html/mordants.html
mark='<span class="broken-link" title="unknown id: iron-saddening">[iron-saddening]</span>'
if grep -qF "$mark" "$page" && grep -qF '<span class="broken-link" title="unknown id: tannin">tannin</span>' "$page"; then
	ok "keepgoing: the page marks each reference to an unknown id"
else
	not_ok "keepgoing: the page marks each reference to an unknown id" "$(grep -o 'broken-link[^<]*' "$page")"
fi
if grep -q 'href=""' "$page"; then
	not_ok "keepgoing: no link leads nowhere" "$(grep -o '<a [^>]*href=""[^>]*>' "$page" | head -3)"
else
	ok "keepgoing: no link leads nowhere"
fi
if unzip -p "$out/going/draft.epub" '*mordants*' 2>/dev/null | grep -qF "$mark"; then
	ok "keepgoing: the EPUB marks it too"
else
	not_ok "keepgoing: the EPUB marks it too" "$(unzip -l "$out/going/draft.epub" | head -20)"
fi

# EPUBCheck 4.2.6 (see TOOLS.md).
if ! command -v java >/dev/null 2>&1 || [ ! -f /usr/share/java/epubcheck.jar ]; then
	not_ok "keepgoing: the EPUB passes EPUBCheck" "apt-get install -y epubcheck"
elif java -jar /usr/share/java/epubcheck.jar "$out/going/draft.epub" >"$out/epubcheck" 2>&1; then
	ok "keepgoing: the EPUB passes EPUBCheck"
else
	not_ok "keepgoing: the EPUB passes EPUBCheck" "$(grep -E 'ERROR|FATAL' "$out/epubcheck" | head -10)"
fi

# A schema error alone (the project's rules pass; the schema runs beside the rendering): the
# outputs are dropped without the option and published with it.
"$MIXDOWN" build "$here/unschooled.xml" -o "$out/unschooled" >/dev/null 2>&1
strict=$?
"$MIXDOWN" build "$here/unschooled.xml" -o "$out/unschooled-going" --keep-going >/dev/null 2>"$out/unschooled.err"
going=$?
if [ "$strict" -eq 1 ] && [ ! -e "$out/unschooled/html" ] && [ ! -e "$out/unschooled/unschooled.epub" ]; then
	ok "keepgoing: a schema error alone writes nothing without the option"
else
	not_ok "keepgoing: a schema error alone writes nothing without the option" "status $strict; $(ls "$out/unschooled")"
fi
if [ "$going" -eq 1 ] && grep -q 'error: <sparkle>' "$out/unschooled.err" \
	&& [ -f "$out/unschooled-going/html/wheel.html" ] && [ -f "$out/unschooled-going/unschooled.epub" ]; then
	ok "keepgoing: a schema error alone does not stop the build with the option"
else
	not_ok "keepgoing: a schema error alone does not stop the build with the option" "status $going; $(head -3 "$out/unschooled.err")"
fi

# Includes that fail (a missing file, an excerpt mixdown cannot cut) are left out with their
# errors; the rest of the book, the included chapter after them too, is published.
"$MIXDOWN" build "$here/unfinished/book.xml" -o "$out/unfinished" --keep-going >/dev/null 2>"$out/unfinished.err"
unfinished=$?
errors=$(grep -c ': error: ' "$out/unfinished.err")
if [ "$unfinished" -eq 1 ] && [ "$errors" -eq 2 ] && grep -q 'book.xml:8:.*track-list.xml' "$out/unfinished.err" \
	&& grep -q 'rough mix' "$out/unfinished/html/sessions.html" 2>/dev/null \
	&& [ -f "$out/unfinished/book.epub" ]; then
	ok "keepgoing: includes that fail are left out, with their errors, and the rest is published"
else
	not_ok "keepgoing: includes that fail are left out, with their errors, and the rest is published" "status $unfinished, $errors errors" "$(head -5 "$out/unfinished.err")" "$(ls "$out/unfinished" 2>&1)"
fi

# A book that cannot be read at all still stops everything.
printf '<book xmlns="http://docbook.org/ns/docbook" version="5.0"><title>Torn</title>\n' >"$out/torn.xml"
"$MIXDOWN" build "$out/torn.xml" -o "$out/torn" --keep-going >/dev/null 2>"$out/torn.err"
torn=$?
if [ "$torn" -eq 1 ] && [ ! -e "$out/torn" ] && grep -q ': error: ' "$out/torn.err"; then
	ok "keepgoing: a book that is not well-formed still writes nothing"
else
	not_ok "keepgoing: a book that is not well-formed still writes nothing" "status $torn; $(head -3 "$out/torn.err")"
fi
done_testing
