#!/bin/sh
# run.sh: hostile and broken books, made here at run time: each must either build correctly
# or stop with one FILE:LINE:COL: error line and a non-zero exit, in bounded time and memory,
# never reading outside the book's folder, never letting markup or scripts through, and never
# losing the previous outputs, even when interrupted or killed, nor ever showing two builds
# mixed, nor replacing what mixdown did not write.
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

# ---- size limits: files whose size is known are refused before they are read ----

mkdir -p "$out/huge-master"
truncate -s 1G "$out/huge-master/book.xml"
expect_one_error "a master file of 1 GiB" "$out/huge-master/book.xml"

make_book "$out/huge-include" '<chapter xml:id="c"><title>C</title><programlisting><xi:include href="capture.log" parse="text"/></programlisting></chapter>'
truncate -s 1G "$out/huge-include/capture.log"
expect_one_error "a text include of 1 GiB" "$out/huge-include/book.xml"

make_book "$out/huge-book" "<chapter xml:id=\"c\"><title>C</title>
$(for i in 1 2 3 4 5; do printf '<programlisting><xi:include href="part.xml" parse="text"/></programlisting>\n'; done)
</chapter>"
truncate -s 60M "$out/huge-book/part.xml"
(ulimit -v 1048576; NO_COLOR=1 $LIMIT "$MIXDOWN" check "$out/huge-book/book.xml") >/dev/null 2>"$out/huge-book.err"
status=$?
if [ "$status" = 1 ] && grep -Eq "^[^ ]+:9:[0-9]+: error: cannot read '[^']*part.xml': the book's files would come to more than 256 MiB" "$out/huge-book.err"; then
	ok "hostile: five includes of a 60 MiB file stop at the one that passes 256 MiB for the book"
else
	not_ok "hostile: five includes of a 60 MiB file stop at the one that passes 256 MiB for the book" "exit $status" "$(tail -3 "$out/huge-book.err")"
fi
rm -f "$out"/huge-*/*.log "$out"/huge-*/part.xml "$out/huge-master/book.xml"

# ---- SOURCE_DATE_EPOCH at the ends of what a zip can hold: before 1980 becomes 1980 ----

for v in "0 1980-01-01T00:00:00Z 1980,1,1" "4354819199 2107-12-31T23:59:59Z 2107,12,31"; do
	set -- $v
	dir=$out/date-$1.out
	SOURCE_DATE_EPOCH=$1 "$MIXDOWN" build tests/serve/book/book.xml -o "$dir" >/dev/null 2>"$dir.err"
	status=$?
	modified=$(unzip -p "$dir/book.epub" OEBPS/package.opf 2>/dev/null | sed -n 's/.*dcterms:modified">\([^<]*\)<.*/\1/p')
	dates=$(python3 -c "import sys, zipfile; print(sorted({'%d,%d,%d' % i.date_time[:3] for i in zipfile.ZipFile(sys.argv[1]).infolist()}))" "$dir/book.epub" 2>&1)
	if [ "$status" = 0 ] && [ "$modified" = "$2" ] && [ "$dates" = "['$3']" ]; then
		ok "hostile: SOURCE_DATE_EPOCH=$1 dates the package $2 and every zip entry the same day"
	else
		not_ok "hostile: SOURCE_DATE_EPOCH=$1 dates the package $2 and every zip entry the same day" "exit $status, modified $modified, zip dates $dates" "$(head -3 "$dir.err")"
	fi
done

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
want="404.html CA-2.html Echo-2.html Index-2.html cA.html echo.html glava.html index.html search.html zhang.html "
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
	left=$(leftovers "$out/interrupt.out")
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
	left=$(leftovers "$full/out")
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

# ---- the book cannot steer mixdown ----

# mixdown's own plan attributes, set by the book on a foreign element, name no file
mkdir -p "$out/own-namespace"
printf '%s\n%s\n<info><title>Hostile</title><x:meta xmlns:x="urn:x" xmlns:mx="urn:x-mixdown:plan" mx:page="injected">INJECTED</x:meta></info>\n<chapter xml:id="c"><title>C</title><para>x</para></chapter>\n</book>\n' \
	"$head_xml" "$book_open" >"$out/own-namespace/book.xml"
expect_build "mx:page in the book" "$out/own-namespace/book.xml"
pages=$(cd "$dir/html" && ls ./*.html | tr '\n' ' ')
if [ "$pages" = "./404.html ./c.html ./index.html ./search.html " ] && ! grep -rq INJECTED "$dir"; then
	ok "hostile: mx:page in the book names no page"
else
	not_ok "hostile: mx:page in the book names no page" "pages: $pages"
fi

# the prefix mx bound by the book to another namespace leaves the plan's namespace whole
mkdir -p "$out/mx-prefix"
printf '%s\n<book xmlns="http://docbook.org/ns/docbook" xmlns:mx="urn:other" version="5.0" xml:id="b"><title>T</title>\n<chapter xml:id="c"><title>C</title><para>x</para></chapter></book>\n' \
	"$head_xml" >"$out/mx-prefix/book.xml"
expect_build "the prefix mx bound to another namespace" "$out/mx-prefix/book.xml"
if [ -f "$dir/html/c.html" ]; then
	ok "hostile: the prefix mx bound to another namespace keeps the chapter's page"
else
	not_ok "hostile: the prefix mx bound to another namespace keeps the chapter's page"
fi

# an SVG with script is published cleaned, in the site and in the EPUB
make_book "$out/svg-script" '<chapter xml:id="c"><title>C</title><mediaobject><imageobject><imagedata fileref="images/evil.svg"/></imageobject><textobject><phrase>z</phrase></textobject></mediaobject></chapter>'
mkdir -p "$out/svg-script/images"
printf '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script><a href="javascript:alert(2)"><rect width="1" height="1"/></a></svg>\n' >"$out/svg-script/images/evil.svg"
expect_build "an SVG with script" "$out/svg-script/book.xml"
unzip -p "$dir/book.epub" OEBPS/images/evil.svg >"$dir.epub.svg" 2>/dev/null
if [ -s "$dir/html/images/evil.svg" ] && [ -s "$dir.epub.svg" ] &&
	! grep -qi 'script\|onload\|alert' "$dir/html/images/evil.svg" "$dir.epub.svg" &&
	xmllint --noout "$dir.epub.svg"; then
	ok "hostile: an SVG with script is published without it in the site and the EPUB"
else
	not_ok "hostile: an SVG with script is published without it in the site and the EPUB" "$(head -3 "$dir/html/images/evil.svg")"
fi

# ---- one build visible at a time: the site and the EPUB always come from the same build ----

atomic=$out/atomic
mkdir -p "$atomic"
export SOURCE_DATE_EPOCH=1700000000
# Two versions of one book, A and B, that differ in their title and every chapter.
for v in A B; do
	mkdir -p "$atomic/book-$v"
	{
		printf '%s\n%s\n<title>Version %s</title>\n' "$head_xml" "$book_open" $v
		i=1; while [ $i -le 8 ]; do printf '<chapter xml:id="c%d"><title>Chapter %d</title><para>Version %s, chapter %d.</para></chapter>\n' $i $i $v $i; i=$((i + 1)); done
		printf '</book>\n'
	} >"$atomic/book-$v/book.xml"
done
site_digest() { (cd "$1/html/" 2>/dev/null && find . -type f | sort | xargs md5sum | md5sum | cut -c1-32); }
epub_digest() { md5sum 2>/dev/null <"$1/book.epub" | cut -c1-32; }
for v in A B; do
	"$MIXDOWN" build "$atomic/book-$v/book.xml" -o "$atomic/ref-$v" >/dev/null 2>&1
	echo "$(site_digest "$atomic/ref-$v") $(epub_digest "$atomic/ref-$v")" >"$atomic/ref-$v.sum"
done
# What output folder $1 shows: A or B (its site and EPUB both whole and from that version),
# none, or what is wrong.
shown() {
	now="$(site_digest "$1") $(epub_digest "$1")"
	if [ "$now" = "$(cat "$atomic/ref-A.sum")" ]; then echo A
	elif [ "$now" = "$(cat "$atomic/ref-B.sum")" ]; then echo B
	elif [ "$now" = " " ]; then echo none
	else echo "mixed or broken: site $(grep -ho 'Version [AB]' "$1/html/index.html" 2>/dev/null | head -1), EPUB $(unzip -p "$1/book.epub" OEBPS/package.opf 2>/dev/null | grep -o 'Version [AB]' | head -1)"
	fi
}
other() { [ "$1" = A ] && echo B || echo A; }
# Builds the version $2 does not show into $2 with the rest of the command line before it
# ($1, e.g. strace), then appends to $atomic/wrong what is wrong: a mix, or neither the
# version shown before nor the new one.
build_and_check() {
	before=$(shown "$2")
	next=$(other "$before")
	$1 "$MIXDOWN" build "$atomic/book-$next/book.xml" -o "$2" >/dev/null 2>&1 &
	pid=$!
	[ -z "${3:-}" ] || { sleep "$3"; kill -KILL $pid 2>/dev/null; }
	wait $pid 2>/dev/null
	status=$?
	after=$(shown "$2")
	[ "$after" = "$before" ] || [ "$after" = "$next" ] ||
		echo "${1:-kill after $3 s}: exit $status, before $before, after $after" >>"$atomic/wrong"
	[ "$status" != 137 ] || echo x >>"$atomic/killed"
}

# SIGKILL at random moments of a build: 50 rounds, each at a moment drawn over the time one
# build takes on this machine now.
rm -rf "$atomic/kill" "$atomic/wrong" "$atomic/killed"
started=$(date +%s%N)
"$MIXDOWN" build "$atomic/book-A/book.xml" -o "$atomic/kill" >/dev/null 2>&1
took_ms=$((($(date +%s%N) - started) / 1000000 + 1))
round=1
while [ $round -le 50 ]; do
	delay=$(od -An -N2 -tu2 /dev/urandom | awk -v t=$took_ms '{ printf "%.3f", ($1 % (t * 5 / 4)) / 1000 }')
	build_and_check "" "$atomic/kill" "$delay"
	round=$((round + 1))
done
"$MIXDOWN" build "$atomic/book-B/book.xml" -o "$atomic/kill" >/dev/null 2>&1
left=$(leftovers "$atomic/kill")
if [ ! -s "$atomic/wrong" ] && [ -z "$left" ]; then
	ok "hostile: 50 builds SIGKILLed at random moments ($(wc -l <"$atomic/killed" 2>/dev/null || echo 0) before the end) never show a mixed or partial output, and the next build removes what they left"
else
	not_ok "hostile: 50 builds SIGKILLed at random moments never show a mixed or partial output, and the next build removes what they left" "$(head -5 "$atomic/wrong" 2>/dev/null)" "left: $left"
fi

# SIGKILL at the steps of publishing, by fault injection: at each call of the system calls
# that sync, link, rename and remove (for the long runs of unlink and rmdir, at their first
# two, last two and two calls drawn between), counted in a traced build into a fresh folder
# and into a used one.
rm -rf "$atomic/inject" "$atomic/wrong" "$atomic/killed"
for v in A B; do # into a fresh folder, then into a used one
	strace -f -qq -o "$atomic/trace-$v" -e trace=fsync,syncfs,symlink,rename,renameat2,unlink,rmdir \
		"$MIXDOWN" build "$atomic/book-$v/book.xml" -o "$atomic/inject" >/dev/null 2>&1
done
# A build (unlike serve's previews) puts every file and folder it publishes on disk first: it
# syncs the file system that holds them (one syncfs) before the rename of the current link,
# and syncs the folders that rename changes after it.
synced_at=$(grep -n '^[0-9]* *syncfs(' "$atomic/trace-B" | head -1 | cut -d: -f1)
published_at=$(grep -n '^[0-9]* *rename(.*/current")' "$atomic/trace-B" | head -1 | cut -d: -f1)
folders_synced=$(sed -n "${published_at:-1},\$p" "$atomic/trace-B" | grep -c '^[0-9]* *fsync(')
if [ -n "$synced_at" ] && [ -n "$published_at" ] && [ "$synced_at" -lt "$published_at" ] &&
	[ "$folders_synced" -ge 2 ]; then
	ok "hostile: a build syncs its files before the rename that publishes them, and the folders after it"
else
	not_ok "hostile: a build syncs its files before the rename that publishes them, and the folders after it" \
		"syncfs at line ${synced_at:-none}, the publishing rename at line ${published_at:-none}, $folders_synced fsync calls after it"
fi
# name:N, N being the most calls of that name in either build
calls=$(for v in A B; do sed -n 's/^[0-9]* *\([a-z0-9]*\)(.*/\1/p' "$atomic/trace-$v" | sort | uniq -c; done |
	awk '$1 > most[$2] { most[$2] = $1 } END { for (c in most) print c ":" most[c] }')
for fresh in no yes; do
	for call in $calls; do
		name=${call%:*} count=${call#*:}
		for n in $(od -An -N4 -tu2 /dev/urandom | awk -v c="$count" '{
			if (c <= 6) { for (i = 1; i <= c; i++) print i; exit }
			print 1; print 2; print c - 1; print c; print 3 + $1 % (c - 4); print 3 + $2 % (c - 4) }'); do
			[ $fresh = no ] || rm -rf "$atomic/inject"
			build_and_check "strace -f -qq -o /dev/null -e trace=$name -e inject=$name:error=EIO:signal=KILL:when=$n" "$atomic/inject"
		done
	done
done
"$MIXDOWN" build "$atomic/book-A/book.xml" -o "$atomic/inject" >/dev/null 2>&1
left=$(leftovers "$atomic/inject")
killed=$(wc -l <"$atomic/killed" 2>/dev/null || echo 0)
# (21 kills on these books; fewer than 16 would mean the injection missed steps)
if [ ! -s "$atomic/wrong" ] && [ -z "$left" ] && [ "$killed" -ge 16 ]; then
	ok "hostile: a SIGKILL at each of $killed steps of writing and publishing (in a fresh and a used folder) never shows a mixed or partial output"
else
	not_ok "hostile: a SIGKILL at each step of writing and publishing never shows a mixed or partial output" "$killed builds killed; traced: $calls" "$(head -5 "$atomic/wrong" 2>/dev/null)" "left: $left"
fi

# Two builds of different books into one folder at once, 50 times; the first one's publishing
# is slowed down by a random few milliseconds, which widens any window between its steps.
rm -rf "$atomic/two" "$atomic/wrong"
round=1
while [ $round -le 50 ]; do
	pause=$(od -An -N2 -tu2 /dev/urandom | awk '{ print $1 % 200000 }')
	strace -f -qq -o /dev/null -e trace=symlink,rename,renameat2 -e inject=symlink,rename,renameat2:delay_exit=$pause \
		"$MIXDOWN" build "$atomic/book-A/book.xml" -o "$atomic/two" >/dev/null 2>"$atomic/two-A.err" &
	a=$!
	"$MIXDOWN" build "$atomic/book-B/book.xml" -o "$atomic/two" >/dev/null 2>"$atomic/two-B.err" &
	b=$!
	wait $a; status_a=$?
	wait $b; status_b=$?
	now=$(shown "$atomic/two")
	waits=$(cat "$atomic/two-A.err" "$atomic/two-B.err" | grep -c 'waiting for it to end')
	if [ $status_a != 0 ] || [ $status_b != 0 ] || { [ "$now" != A ] && [ "$now" != B ]; } || [ "$waits" -gt 1 ]; then
		echo "round $round: exits $status_a and $status_b, shows $now, $waits waiting lines" >>"$atomic/wrong"
	fi
	round=$((round + 1))
done
left=$(leftovers "$atomic/two")
if [ ! -s "$atomic/wrong" ] && [ -z "$left" ]; then
	ok "hostile: two builds into one folder at once, 50 times: both succeed and the folder shows one whole build"
else
	not_ok "hostile: two builds into one folder at once, 50 times: both succeed and the folder shows one whole build" "$(head -5 "$atomic/wrong" 2>/dev/null)" "left: $left"
fi

# A build that finds the folder locked says so once on stderr, and waits.
rm -rf "$atomic/locked"
"$MIXDOWN" build "$atomic/book-A/book.xml" -o "$atomic/locked" >/dev/null 2>&1
mkdir -p "$atomic/locked/.mixdown"
exec 9>"$atomic/locked/.mixdown/lock"
flock 9
"$MIXDOWN" build "$atomic/book-B/book.xml" -o "$atomic/locked" >/dev/null 2>"$atomic/locked.err" 9>&- &
pid=$!
i=0
while [ $i -lt 600 ] && ! grep -q 'waiting' "$atomic/locked.err" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
shown_while_locked=$(shown "$atomic/locked")
exec 9>&-
wait $pid
status=$?
if [ $status = 0 ] && [ "$(grep -c 'another build is writing into' "$atomic/locked.err")" = 1 ] &&
	[ "$shown_while_locked" = A ] && [ "$(shown "$atomic/locked")" = B ]; then
	ok "hostile: a build into a locked folder says once that it waits, then builds"
else
	not_ok "hostile: a build into a locked folder says once that it waits, then builds" "exit $status, showed $shown_while_locked, then $(shown "$atomic/locked")" "$(cat "$atomic/locked.err")"
fi
# SIGTERM while waiting: it stops by that signal, and the folder is as it was.
exec 9>"$atomic/locked/.mixdown/lock"
flock 9
: >"$atomic/locked.err"
"$MIXDOWN" build "$atomic/book-A/book.xml" -o "$atomic/locked" >/dev/null 2>"$atomic/locked.err" 9>&- &
pid=$!
i=0
while [ $i -lt 600 ] && ! grep -q 'waiting' "$atomic/locked.err"; do sleep 0.1; i=$((i + 1)); done
kill -TERM $pid
i=0
while [ $i -lt 600 ] && kill -0 $pid 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
kill -0 $pid 2>/dev/null && kill -KILL $pid # it went on waiting
wait $pid
status=$?
exec 9>&-
left=$(leftovers "$atomic/locked")
if [ $status = 143 ] && [ "$(shown "$atomic/locked")" = B ] && [ -z "$left" ]; then
	ok "hostile: SIGTERM while waiting for the lock stops the build and changes nothing"
else
	not_ok "hostile: SIGTERM while waiting for the lock stops the build and changes nothing" "exit $status, shows $(shown "$atomic/locked"), left: $left"
fi

# ---- mixdown replaces only what it wrote, and never writes where that could destroy work ----

mine=$out/mine
rm -rf "$mine"
mkdir -p "$mine/out/html" "$mine/out/book.epub/keep"
echo example.org >"$mine/out/html/CNAME"
echo data >"$mine/out/book.epub/keep/data"
echo notes >"$mine/out/notes.txt"
NO_COLOR=1 "$MIXDOWN" build "$atomic/book-A/book.xml" -o "$mine/out" >/dev/null 2>"$mine/refused.err"
status=$?
if [ $status = 2 ] && grep -q "^mixdown: error: will not replace '$mine/out/html': mixdown did not write it" "$mine/refused.err" &&
	grep -q "will not replace '$mine/out/book.epub'" "$mine/refused.err" && [ ! -e "$mine/out/.mixdown" ] &&
	[ "$(cat "$mine/out/html/CNAME" "$mine/out/book.epub/keep/data" "$mine/out/notes.txt")" = "example.org
data
notes" ]; then
	ok "hostile: an html folder and an EPUB folder that mixdown did not write are refused by name and kept"
else
	not_ok "hostile: an html folder and an EPUB folder that mixdown did not write are refused by name and kept" "exit $status" "$(cat "$mine/refused.err")"
fi
rm -r "$mine/out/html" "$mine/out/book.epub"
"$MIXDOWN" build "$atomic/book-A/book.xml" -o "$mine/out" >/dev/null 2>&1
"$MIXDOWN" build "$atomic/book-B/book.xml" -o "$mine/out" >/dev/null 2>&1
if [ "$(shown "$mine/out")" = B ] && [ "$(cat "$mine/out/notes.txt")" = notes ]; then
	ok "hostile: other files in the output folder are kept"
else
	not_ok "hostile: other files in the output folder are kept" "shows $(shown "$mine/out")"
fi

# The documented ways to copy the site to a host give plain files, the whole site.
for how in "cp -rL" "rsync -a"; do
	dest=$mine/host-$(slug "$how")
	rm -rf "$dest"
	case $how in
	cp*) cp -rL "$mine/out/html" "$dest" ;;
	rsync*) rsync -a "$mine/out/html/" "$dest/" ;;
	esac
	if [ -z "$(find "$dest" -type l)" ] && [ "$(site_digest "$mine/out")" = "$(cd "$dest" && find . -type f | sort | xargs md5sum | md5sum | cut -c1-32)" ]; then
		ok "hostile: '$how' copies the site as plain files, whole"
	else
		not_ok "hostile: '$how' copies the site as plain files, whole" "$(find "$dest" | head -5)"
	fi
done

# Output folders where replacing html/ could destroy work, also through a symbolic link, and
# the empty name, which would mean /. As root, run as nobody, so that nothing can reach /.
as_nobody=""
[ "$(id -u)" != 0 ] || as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
mkdir -p "$mine/home" "$mine/links"
ln -sfn "$(cd "$mine/home" && pwd)" "$mine/links/home"
ln -sfn "$PWD" "$mine/links/repository"
ln -sfn "$(cd "$atomic/book-A" && pwd)" "$mine/links/book"
ln -sfn / "$mine/links/root"
for case in "'':" "home:$mine/home" "link-to-home:$mine/links/home" "link-to-repository:$mine/links/repository" \
	"link-to-book:$mine/links/book" "link-to-root:$mine/links/root"; do
	name=${case%%:*} dir=${case#*:}
	NO_COLOR=1 HOME=$mine/home $as_nobody "$MIXDOWN" build "$atomic/book-A/book.xml" -o "$dir" >/dev/null 2>"$mine/unsafe.err"
	status=$?
	if [ $status = 2 ] && grep -q "^mixdown: error: will not write into '$dir': it is " "$mine/unsafe.err" &&
		[ "$(wc -l <"$mine/unsafe.err")" = 1 ]; then
		ok "hostile: -o $name is refused as unsafe, exit 2"
	else
		not_ok "hostile: -o $name is refused as unsafe, exit 2" "exit $status" "$(head -3 "$mine/unsafe.err")"
	fi
done
unset SOURCE_DATE_EPOCH

# ---- nothing read outside, nothing written outside ----
if ! grep -rq 'SECRET-OUTSIDE-TEXT\|SECRET-IMAGE-BYTES\|root:x:0' "$out"/*.out 2>/dev/null; then
	ok "hostile: no outside file's content reached any output"
else
	not_ok "hostile: no outside file's content reached any output" "$(grep -rl 'SECRET\|root:x:0' "$out"/*.out)"
fi
done_testing
