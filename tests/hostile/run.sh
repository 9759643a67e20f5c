#!/bin/sh
# run.sh: hostile and broken books, made here at run time: each must either build correctly
# or stop with one FILE:LINE:COL: error line and a non-zero exit, in bounded time and memory,
# never reading outside the book's folder, never letting markup or scripts through, and never
# losing the previous outputs, even when interrupted.
. tests/lib.sh
out=$TEST_TMP/hostile
rm -rf "$out"
mkdir -p "$out"
LIMIT="timeout 120"

head_xml='<?xml version="1.0" encoding="UTF-8"?>'
book_open='<book xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude" version="5.0" xml:id="b">'

# Writes a book folder $1 whose master holds $2 after its title.
make_book() {
	mkdir -p "$1"
	printf '%s\n%s\n<title>Hostile</title>\n%s\n</book>\n' "$head_xml" "$book_open" "$2" >"$1/book.xml"
}

# A file name for a test's name.
slug() { echo "$1" | tr -c 'a-zA-Z0-9\n' '-'; }

# Runs check on a book and expects exit 1 with exactly one error line naming a file position.
expect_one_error() {
	name=$1 book=$2 err=$out/$(slug "$1").err
	# bounded memory as well as time: 1 GiB of address space is far more than any book needs
	(ulimit -v 1048576; NO_COLOR=1 $LIMIT "$MIXDOWN" check "$book") >/dev/null 2>"$err"
	status=$?
	lines=$(grep -c ': error: ' "$err")
	if [ "$status" = 1 ] && [ "$lines" = 1 ] && grep -Eq '^[^ ]+:[0-9]+:[0-9]+: error: ' "$err"; then
		ok "hostile: $name: one FILE:LINE:COL error, exit 1"
	else
		not_ok "hostile: $name: one FILE:LINE:COL error, exit 1" "exit $status" "$(head -5 "$err")"
	fi
}

# Builds a book and expects success within the limits.
expect_build() {
	name=$1 book=$2 dir=$out/$(slug "$1").out
	start=$(date +%s)
	(ulimit -v 2097152; $LIMIT "$MIXDOWN" build "$book" -o "$dir") >/dev/null 2>"$dir.err"
	status=$?
	if [ "$status" = 0 ] && [ -f "$dir/html/index.html" ]; then
		ok "hostile: $name builds ($(($(date +%s) - start)) s)"
	else
		not_ok "hostile: $name builds" "exit $status" "$(head -5 "$dir.err")"
	fi
}

# ---- confinement ----

make_book "$out/symlink-include" '<xi:include href="chapters/c.xml"/>'
mkdir -p "$out/symlink-include/chapters"
printf '%s\n<chapter xmlns="http://docbook.org/ns/docbook" version="5.0" xml:id="secret"><title>Outside</title><para>SECRET-OUTSIDE-TEXT</para></chapter>\n' "$head_xml" >"$out/outside.xml"
ln -s ../../outside.xml "$out/symlink-include/chapters/c.xml"
expect_one_error "an include through a symbolic link leading outside" "$out/symlink-include/book.xml"

make_book "$out/symlink-image" '<chapter xml:id="c"><title>C</title><mediaobject><imageobject><imagedata fileref="images/secret.png"/></imageobject><textobject><phrase>x</phrase></textobject></mediaobject></chapter>'
mkdir -p "$out/symlink-image/images"
printf 'SECRET-IMAGE-BYTES' >"$out/secret.png"
ln -s ../../secret.png "$out/symlink-image/images/secret.png"
expect_one_error "an image through a symbolic link leading outside" "$out/symlink-image/book.xml"

make_book "$out/xxe" ''
printf '%s\n<!DOCTYPE book [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n%s<title>&x;</title></book>\n' "$head_xml" "$book_open" >"$out/xxe/book.xml"
expect_one_error "an external entity naming /etc/passwd" "$out/xxe/book.xml"

make_book "$out/laughs" ''
{
	printf '%s\n<!DOCTYPE book [\n <!ENTITY a "ha">\n' "$head_xml"
	prev=a
	for n in b c d e f g h i j k; do
		printf ' <!ENTITY %s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">\n' $n $prev $prev $prev $prev $prev $prev $prev $prev $prev $prev
		prev=$n
	done
	printf ']>\n%s<title>&k;</title></book>\n' "$book_open"
} >"$out/laughs/book.xml"
start=$(date +%s)
expect_one_error "a billion laughs" "$out/laughs/book.xml"
[ $(($(date +%s) - start)) -le 5 ] && ok "hostile: a billion laughs is refused within 5 s" ||
	not_ok "hostile: a billion laughs is refused within 5 s"

make_book "$out/remote-dtd" ''
printf '%s\n<!DOCTYPE book SYSTEM "http://127.0.0.1:9/book.dtd">\n%s<title>T</title></book>\n' "$head_xml" "$book_open" >"$out/remote-dtd/book.xml"
expect_one_error "a DTD on the network" "$out/remote-dtd/book.xml"

# ---- markup in text is escaped everywhere it lands ----

evil='&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; --&gt; &lt;/title&gt;'
mkdir -p "$out/markup"
printf '%s\n%s\n<info><title>%s</title><abstract><para>%s</para></abstract><legalnotice><para>%s</para></legalnotice></info>\n<chapter xml:id="c"><title>%s</title><para>%s</para>\n<glossary xml:id="g"><glossentry xml:id="ge"><glossterm>%s</glossterm><glossdef><para>d</para></glossdef></glossentry></glossary></chapter>\n<index/>\n</book>\n' \
	"$head_xml" "$book_open" "$evil" "$evil" "$evil" "$evil" "$evil" "$evil" >"$out/markup/book.xml"
sed -i 's|<glossary xml:id="g">.*</glossary></chapter>|</chapter>|' "$out/markup/book.xml"
expect_build "markup" "$out/markup/book.xml"
m=$out/markup.out
(cd "$m" && unzip -q -o book.epub -d epub)
leaks=$(grep -l '<script>alert' -r "$m" 2>/dev/null)
bad_xml=$(for f in "$m/epub/OEBPS/"*.xhtml "$m/epub/OEBPS/"*.opf "$m/epub/OEBPS/"*.ncx; do
	xmllint --noout "$f" 2>/dev/null || echo "$f"
done)
escaped_everywhere=yes
for f in epub/OEBPS/package.opf epub/OEBPS/toc.ncx epub/OEBPS/nav.xhtml html/c.html html/index.html; do
	grep -q '&lt;script&gt;alert' "$m/$f" || escaped_everywhere="no: $f"
done
if [ -z "$leaks" ] && [ -z "$bad_xml" ] && [ "$escaped_everywhere" = yes ] &&
	grep -q 'u003cscript>alert(1)' "$m/html/assets/search-index.js"; then
	ok "hostile: text that looks like markup is escaped in pages, titles, search index, nav, NCX and package"
else
	not_ok "hostile: text that looks like markup is escaped in pages, titles, search index, nav, NCX and package" "raw in: $leaks" "not well-formed: $bad_xml" "escaped everywhere: $escaped_everywhere"
fi

# ---- broken input ----

make_book "$out/garbage" ''
head -c 4096 /dev/urandom | tr -d '<' >"$out/garbage/book.xml"
expect_one_error "binary garbage" "$out/garbage/book.xml"

make_book "$out/utf16-nobom" ''
printf '%s\n%s\n<title>UTF-16 without a byte order mark</title><chapter xml:id="c"><title>C</title><para>Écho.</para></chapter></book>\n' '<?xml version="1.0" encoding="UTF-16"?>' "$book_open" |
	iconv -f UTF-8 -t UTF-16LE >"$out/utf16-nobom/book.xml"
expect_build "UTF-16 without a byte order mark" "$out/utf16-nobom/book.xml"

make_book "$out/deep" ''
{
	printf '%s\n%s<title>Deep</title><chapter xml:id="c"><title>C</title>' "$head_xml" "$book_open"
	i=0; while [ $i -lt 5000 ]; do printf '<blockquote>'; i=$((i + 1)); done
	printf '<para>x</para>'
	i=0; while [ $i -lt 5000 ]; do printf '</blockquote>'; i=$((i + 1)); done
	printf '</chapter></book>\n'
} >"$out/deep/book.xml"
expect_one_error "deep nesting" "$out/deep/book.xml"

make_book "$out/big-para" ''
{
	printf '%s\n%s<title>Big</title><chapter xml:id="c"><title>C</title><para>' "$head_xml" "$book_open"
	yes 'Words of a very long paragraph, repeated until it weighs five megabytes.' | head -c 5242880 | tr '\n' ' '
	printf '</para></chapter></book>\n'
} >"$out/big-para/book.xml"
expect_build "a 5 MB paragraph" "$out/big-para/book.xml"

make_book "$out/many" ''
{
	printf '%s\n%s<title>Many</title>\n' "$head_xml" "$book_open"
	i=1; while [ $i -le 2000 ]; do printf '<chapter xml:id="c%d"><title>Chapter %d</title><para>Text %d, see <xref linkend="c1"/>.</para></chapter>\n' $i $i $i; i=$((i + 1)); done
	printf '</book>\n'
} >"$out/many/book.xml"
expect_build "two thousand chapters" "$out/many/book.xml"

# ---- page names: readable, and unique once case is folded ----

# Ids that differ only in case, one that folds onto the title page's name, and ids in other
# scripts: every page gets its own name on a case-insensitive file system and in the EPUB.
make_book "$out/names" '<chapter xml:id="Index"><title>A</title><para>a</para></chapter>
<chapter xml:id="cA"><title>B</title><para>b</para></chapter>
<chapter xml:id="CA"><title>C</title><para>c</para></chapter>
<chapter xml:id="écho"><title>D</title><para>d</para></chapter>
<chapter xml:id="Echo"><title>E</title><para>e</para></chapter>
<chapter xml:id="глава"><title>F</title><para>f</para></chapter>
<chapter xml:id="章"><title>G</title><para>g</para></chapter>'
built="ids that differ only in case or are not ASCII"
expect_build "$built" "$out/names/book.xml"
names=$out/$(slug "$built").out
pages=$(cd "$names/html" && ls ./*.html | sed 's|^\./||' | LC_ALL=C sort | tr '\n' ' ')
folded_twice=$(cd "$names/html" && ls | tr 'A-Z' 'a-z' | sort | uniq -d)
want="404.html CA-2.html Echo-2.html Index-2.html cA.html echo.html glava.html index.html zhang.html "
if [ "$pages" = "$want" ] && [ -z "$folded_twice" ]; then
	ok "hostile: page names are readable ASCII and unique after case folding"
else
	not_ok "hostile: page names are readable ASCII and unique after case folding" "pages: $pages" "wanted: $want"
fi
java -jar /usr/share/java/epubcheck.jar "$names/book.epub" >"$names.epubcheck" 2>&1
if [ -f "$names/book.epub" ] && grep -q '^Messages: 0 fatals / 0 errors' "$names.epubcheck"; then
	ok "hostile: EPUBCheck accepts the EPUB of ids that differ only in case or are not ASCII"
else
	not_ok "hostile: EPUBCheck accepts the EPUB of ids that differ only in case or are not ASCII" "$(grep -E '^(FATAL|ERROR|Messages)' "$names.epubcheck" | head -10)"
fi

# ---- nothing lost when interrupted ----

for sig in INT TERM; do
	rm -rf "$out/interrupt.out"
	"$MIXDOWN" build tests/serve/book/book.xml -o "$out/interrupt.out" >/dev/null 2>&1
	before=$(cd "$out/interrupt.out" && find . -type f | sort | xargs md5sum | md5sum)
	"$MIXDOWN" build "$out/many/book.xml" -o "$out/interrupt.out" >/dev/null 2>&1 &
	pid=$!
	sleep 0.3
	kill -$sig $pid
	wait $pid 2>/dev/null
	status=$?
	after=$(cd "$out/interrupt.out" && find . -type f | sort | xargs md5sum | md5sum)
	left=$(find "$out/interrupt.out" -name '.mixdown-*')
	if [ "$status" -gt 128 ] && [ "$before" = "$after" ] && [ -z "$left" ]; then
		ok "hostile: SIG$sig during a build keeps the previous outputs and leaves no temporary files"
	else
		not_ok "hostile: SIG$sig during a build keeps the previous outputs and leaves no temporary files" "exit $status, left: $left"
	fi
done

# ---- a full disk: a clear error, the previous outputs whole, no half-written EPUB ----
full=$out/full
mkdir -p "$full"
if mount -t tmpfs -o size=400k tmpfs "$full" 2>/dev/null; then
	"$MIXDOWN" build tests/serve/book/book.xml -o "$full/out" >/dev/null 2>&1
	before=$(cd "$full/out" && find . -type f | sort | xargs md5sum | md5sum)
	NO_COLOR=1 "$MIXDOWN" build book/handbook.xml -o "$full/out" >/dev/null 2>"$out/full.err"
	status=$?
	after=$(cd "$full/out" && find . -type f | sort | xargs md5sum | md5sum)
	left=$(find "$full/out" -name '.mixdown-*')
	if [ "$status" = 3 ] && grep -q 'No space left on device' "$out/full.err" &&
		[ "$before" = "$after" ] && [ -z "$left" ] && [ ! -f "$full/out/handbook.epub" ]; then
		ok "hostile: a full output disk is a clear error, and the previous outputs stay whole"
	else
		not_ok "hostile: a full output disk is a clear error, and the previous outputs stay whole" "exit $status, left: $left" "$(head -3 "$out/full.err")"
	fi
	umount "$full"
else
	echo "# skipped: a full disk (tmpfs cannot be mounted here)"
fi

# ---- nothing read outside, nothing written outside ----
if ! grep -rq 'SECRET-OUTSIDE-TEXT\|SECRET-IMAGE-BYTES\|root:x:0' "$out"/*.out 2>/dev/null; then
	ok "hostile: no outside file's content reached any output"
else
	not_ok "hostile: no outside file's content reached any output" "$(grep -rl 'SECRET\|root:x:0' "$out"/*.out)"
fi
