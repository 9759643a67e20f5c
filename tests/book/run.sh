#!/bin/sh
# run.sh: tests of the whole handbook: it checks and builds cleanly, its EPUB passes EPUBCheck
# with no error or warning, the zip is laid out as EPUB requires, a failed build keeps the
# previous outputs, an installed mixdown builds it without the source tree, and the built
# pages' text has no slip made by a generated title.
. tests/lib.sh
out=$TEST_TMP/book
rm -rf "$out"
mkdir -p "$out"

# The content targets, and validity under jing as well as mixdown's own check.
# counts.sh speaks TAP of its own; its results are passed on as this suite's.
sh tests/book/counts.sh --test | while IFS= read -r line; do
	case $line in
	"ok - "*) ok "${line#ok - }" ;;
	"not ok - "*) not_ok "${line#not ok - }" ;;
	*) echo "$line" ;;
	esac
done
xmllint --xinclude --nonet book/handbook.xml >"$out/merged.xml" 2>"$out/xinclude.err"
if jing /usr/share/xml/docbook/schema/rng/5.0/docbook.rng "$out/merged.xml" >"$out/jing.log" 2>&1; then
	ok "handbook: valid DocBook 5 under jing"
else
	not_ok "handbook: valid DocBook 5 under jing" "$(grep -v '^\[warning\]' "$out/jing.log" | head -20)"
fi

# One form for each repeated subsection: every role's Skills is prose, never a list.
listed=$(xmllint --xpath "//*[local-name()='section'][substring(@xml:id, string-length(@xml:id) - 6) = '.skills']
	[.//*[local-name()='itemizedlist' or local-name()='variablelist' or local-name()='orderedlist']]/@xml:id" \
	"$out/merged.xml" 2>/dev/null)
if [ -z "$listed" ]; then
	ok "handbook: every role's Skills subsection is prose"
else
	not_ok "handbook: every role's Skills subsection is prose" "$listed"
fi

if "$MIXDOWN" check book/handbook.xml >/dev/null 2>"$out/check.err" && [ ! -s "$out/check.err" ]; then
	ok "handbook: mixdown check reports nothing"
else
	not_ok "handbook: mixdown check reports nothing" "$(head -20 "$out/check.err")"
fi

if "$MIXDOWN" build book/handbook.xml -o "$out/build" >"$out/build.out" 2>"$out/build.err" &&
	[ ! -s "$out/build.err" ] && [ -f "$out/build/handbook.epub" ] && [ -f "$out/build/html/index.html" ]; then
	ok "handbook: builds the site and the EPUB without a message"
else
	not_ok "handbook: builds the site and the EPUB without a message" "$(head -20 "$out/build.err")"
fi
epub=$out/build/handbook.epub

# The built pages read cleanly where titles are generated into the text: no doubled article or
# word, no link echoed in parentheses beside the same words.
run_part "handbook: prose.mjs" node_test tests/book/prose.mjs "$out/build/html"

java -jar /usr/share/java/epubcheck.jar "$epub" >"$out/epubcheck.log" 2>&1
if grep -q '^Messages: 0 fatals / 0 errors / 0 warnings' "$out/epubcheck.log"; then
	ok "handbook: EPUBCheck finds no error and no warning"
else
	not_ok "handbook: EPUBCheck finds no error and no warning" "$(grep -E '^(FATAL|ERROR|WARNING|Messages)' "$out/epubcheck.log" | head -20)"
fi

# The first local header: signature, method 0 (stored), name "mimetype", extra length 0.
header=$(od -A n -t x1 -N 38 "$epub" | tr -d ' \n')
method=$(echo "$header" | cut -c17-20)
extra=$(echo "$header" | cut -c57-60)
name=$(dd if="$epub" bs=1 skip=30 count=8 2>/dev/null)
if [ "$(echo "$header" | cut -c1-8)" = 504b0304 ] && [ "$method" = 0000 ] && [ "$extra" = 0000 ] && [ "$name" = mimetype ] &&
	[ "$(unzip -p "$epub" mimetype)" = "application/epub+zip" ]; then
	ok "handbook: mimetype is the first entry, stored, with no extra field"
else
	not_ok "handbook: mimetype is the first entry, stored, with no extra field" "header: $header"
fi

# A build that fails leaves the previous outputs exactly as they were, and no temporary files.
before=$(cd "$out/build" && find . -type f | sort | xargs md5sum | md5sum)
broken=$out/broken
cp -R book "$broken"
sed -i 's|<xref linkend="assistant-engineer"/>|<xref linkend="no-such-role"/>|' "$broken/chapters/roles-studio.xml"
if "$MIXDOWN" build "$broken/handbook.xml" -o "$out/build" >/dev/null 2>"$out/broken.err"; then
	not_ok "handbook: a failed build keeps the previous outputs" "the broken book built"
else
	after=$(cd "$out/build" && find . -type f | sort | xargs md5sum | md5sum)
	left=$(leftovers "$out/build")
	if [ "$before" = "$after" ] && [ -z "$left" ]; then
		ok "handbook: a failed build keeps the previous outputs"
	else
		not_ok "handbook: a failed build keeps the previous outputs" "outputs changed or left: $left"
	fi
fi
if grep -q "^$broken/chapters/roles-studio.xml:[0-9]*:[0-9]*: error: linkend='no-such-role'" "$out/broken.err"; then
	ok "handbook: a broken xref is reported at its chapter file and line"
else
	not_ok "handbook: a broken xref is reported at its chapter file and line" "$(cat "$out/broken.err")"
fi

# An installed mixdown finds its stylesheets and styles without the source tree.
rm -rf "$out/install"
if make -s install DESTDIR="$PWD/$out/install" PREFIX=/opt/mixdown >/dev/null 2>"$out/install.err" &&
	"$out/install/opt/mixdown/bin/mixdown" build book/handbook.xml -o "$out/installed" >/dev/null 2>>"$out/install.err" &&
	cmp -s "$out/installed/handbook.epub" "$out/build/handbook.epub" &&
	[ -f "$out/install/opt/mixdown/share/man/man1/mixdown.1" ]; then
	ok "handbook: an installed mixdown builds the same EPUB"
else
	not_ok "handbook: an installed mixdown builds the same EPUB" "$(cat "$out/install.err")"
fi

# The whole handbook's build under valgrind memcheck: no error, nothing definitely or
# indirectly lost (font caches of the libraries that draw the cover aside: tests/valgrind.supp).
if command -v valgrind >/dev/null 2>&1; then
	valgrind --quiet --trace-children=yes --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect --suppressions=tests/valgrind.supp --error-exitcode=99 \
		"$MIXDOWN" build book/handbook.xml -o "$out/valgrind" >/dev/null 2>"$out/valgrind.log"
	status=$?
	if [ "$status" = 0 ] && [ ! -s "$out/valgrind.log" ]; then
		ok "handbook: valgrind memcheck finds no error and no leak in a whole build"
	else
		not_ok "handbook: valgrind memcheck finds no error and no leak in a whole build" "exit $status" "$(head -30 "$out/valgrind.log")"
	fi
else
	not_ok "handbook: valgrind memcheck finds no error and no leak in a whole build" "valgrind is not installed"
fi
done_testing
