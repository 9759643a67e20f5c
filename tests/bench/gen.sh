#!/bin/sh
# gen.sh: writes a synthetic book N times the size of the handbook, for the benchmark.
#
#   sh tests/bench/gen.sh N [BOOK.xml] [OUTROOT]
#
# writes OUTROOT/book-Nx/ (OUTROOT defaults to tests/out/bench, BOOK.xml to book/handbook.xml)
# and prints the path of its main file. The book's body (everything between </info> and the
# first back-matter include: the preface, the parts with their chapters, the appendices) is
# repeated N times. Copy 1 is the handbook unchanged; copy K (K >= 2) includes its own files,
# NAME-cK.xml, in which every xml:id and every reference to an id of the repeated body
# (linkend, linkends, otherterm, endterm, startref, arearefs, zone, xlink:href="#...") gets
# the suffix -cK, so every cross-reference still resolves, and resolves within its own copy.
# References into the glossary (and to other ids outside the body) are left alone: the
# glossary and the index are kept once, and the images folder is copied once.
#
# Assumes what the handbook does: attribute values in double quotes, each attribute on one
# line, and XIncludes only in the main file. POSIX sh, awk, sed, grep.
#
#   sh tests/bench/gen.sh ref [PAGES] [OUTROOT]
#
# writes instead OUTROOT/book-ref/reference.xml, a book in the shape of a real command
# reference: an introduction chapter, then a reference of PAGES (default 400) reference pages,
# one file each under commands/: a refentry with refmeta, refnamediv, refsynopsisdiv with a
# cmdsynopsis, and refsect1s (description, options, examples, see also) with paragraphs,
# variable lists, program listings and cross-references to other pages; about 3.4 KB of XML
# per page (1.3 MB for 400). Its words are picked by a fixed pseudo-random sequence, so every
# run writes the same book.
set -eu

n=${1:?usage: gen.sh N [BOOK.xml] [OUTROOT], or gen.sh ref [PAGES] [OUTROOT]}

# write_reference_book PAGES OUTROOT: the reference-shaped book described above.
write_reference_book() {
	pages=$1 out=$2/book-ref
	case $pages in '' | *[!0-9]* | 0) echo "gen.sh: PAGES must be a positive integer" >&2; exit 2 ;; esac
	rm -rf "$out"
	mkdir -p "$out/commands"
	cat >"$out/.gen.awk" <<'EOF'
BEGIN {
	nw = split("signal buffer stream queue record header socket channel device volume mirror " \
		"archive packet session profile mixer track sample latency clock monitor console " \
		"gain level meter route bus patch cable preset plugin render export import schedule " \
		"catalog index daemon service journal snapshot backup restore limit policy account " \
		"the a of to and in for with from when each every only never its this that which " \
		"reads writes opens closes prints checks lists moves copies removes starts stops " \
		"waits sends keeps returns changes names shows uses makes sets takes", word, " ")
	seed = 20261203
	main = out "/reference.xml"
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" > main
	print "<book xmlns=\"http://docbook.org/ns/docbook\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"" > main
	print "      version=\"5.0\" xml:lang=\"en\" xml:id=\"reference-book\">" > main
	print "  <info><title>Studio Tools Reference</title>" > main
	print "    <author><personname>Reference Writer</personname></author></info>" > main
	print "  <chapter xml:id=\"introduction\"><title>Introduction</title>" > main
	for (p = 1; p <= 3; p++) print "    <para>" sentence(30) " See <xref linkend=\"" id(p) "\"/>.</para>" > main
	print "  </chapter>" > main
	print "  <reference xml:id=\"commands\"><title>Commands</title>" > main
	for (i = 1; i <= pages; i++) {
		print "    <xi:include href=\"commands/" id(i) ".xml\"/>" > main
		entry(i)
	}
	print "  </reference>" > main
	print "</book>" > main
}
function rand_int(k) { seed = (seed * 1103515245 + 12345) % 2147483648; return int(seed / 65536) % k }
function pick() { return word[rand_int(nw) + 1] }
function name(i) { return sprintf("%s%03d", word[(i - 1) % 40 + 1], i) }
function id(i) { return "cmd-" name(i) }
function sentence(k,    s, j) {
	s = pick()
	s = toupper(substr(s, 1, 1)) substr(s, 2)
	for (j = 2; j <= k; j++) s = s " " pick()
	return s "."
}
function section(i, key, title) { return "  <refsect1 xml:id=\"" id(i) "-" key "\"><title>" title "</title>" }
function entry(i,    f, j, o) {
	f = out "/commands/" id(i) ".xml"
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" > f
	print "<refentry xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\" xml:id=\"" id(i) "\">" > f
	print "  <refmeta><refentrytitle>" name(i) "</refentrytitle><manvolnum>1</manvolnum></refmeta>" > f
	print "  <refnamediv><refname>" name(i) "</refname><refpurpose>" sentence(8) "</refpurpose></refnamediv>" > f
	print "  <refsynopsisdiv>" > f
	print "    <cmdsynopsis><command>" name(i) "</command>" > f
	for (o = 1; o <= 4; o++) print "      <arg choice=\"opt\"><option>--" pick() "</option> <replaceable>" pick() "</replaceable></arg>" > f
	print "      <group choice=\"req\"><arg choice=\"plain\">" pick() "</arg><arg choice=\"plain\">" pick() "</arg></group>" > f
	print "      <arg choice=\"plain\" rep=\"repeat\"><replaceable>file</replaceable></arg></cmdsynopsis>" > f
	print "  </refsynopsisdiv>" > f
	print section(i, "description", "Description") > f
	print "    <para>" sentence(12) " " sentence(12) "</para>" > f
	print "    <para><command>" name(i) "</command> " sentence(14) " It reads <filename>/etc/" pick() ".conf</filename> first.</para>" > f
	print "  </refsect1>" > f
	print section(i, "options", "Options") > f
	print "    <variablelist>" > f
	for (o = 1; o <= 5; o++) {
		print "      <varlistentry><term><option>--" pick() "-" o "</option></term>" > f
		print "        <listitem><para>" sentence(9) " " sentence(7) "</para></listitem></varlistentry>" > f
	}
	print "    </variablelist>" > f
	print "  </refsect1>" > f
	print section(i, "examples", "Examples") > f
	print "    <para>" sentence(10) "</para>" > f
	print "    <programlisting>$ " name(i) " --" pick() " " pick() ".wav" > f
	for (j = 1; j <= 4; j++) print "$ " name(i) " --" pick() "-" j " " pick() " | " name((i + j) % pages + 1) " --" pick() > f
	print "</programlisting>" > f
	print "  </refsect1>" > f
	print section(i, "see-also", "See also") > f
	print "    <para><xref linkend=\"" id(i % pages + 1) "\"/>, <xref linkend=\"" id((i + 6) % pages + 1) "\"/> and " \
		"<citerefentry><refentrytitle>" name((i + 12) % pages + 1) "</refentrytitle><manvolnum>1</manvolnum></citerefentry>.</para>" > f
	print "  </refsect1>" > f
	print "</refentry>" > f
	close(f)
}
EOF
	awk -v pages="$pages" -v out="$out" -f "$out/.gen.awk"
	rm -f "$out/.gen.awk"
	echo "$out/reference.xml"
}

if [ "$n" = ref ]; then
	write_reference_book "${2:-400}" "${3:-tests/out/bench}"
	exit 0
fi
book=${2:-book/handbook.xml}
outroot=${3:-tests/out/bench}
case $n in '' | *[!0-9]* | 0) echo "gen.sh: N must be a positive integer" >&2; exit 2 ;; esac

src=$(dirname "$book")
main=$(basename "$book")
out=$outroot/book-${n}x
tmp=$outroot/.gen-$$
rm -rf "$tmp"
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

# The files the main file includes, in order.
sed -n 's/.*<xi:include[^>]*href="\([^"]*\)".*/\1/p' "$book" >"$tmp/includes"

# Back matter, kept once: included files whose root element is a glossary, index,
# bibliography or colophon.
: >"$tmp/once"
: >"$tmp/body"
while IFS= read -r f; do
	root=$(sed -n 's/^[^?!]*<\([a-zA-Z][a-zA-Z0-9]*\)[ >\/].*/\1/p' "$src/$f" | grep -v '^xml' | head -1 || true)
	case $root in
	glossary | index | bibliography | colophon) echo "$f" >>"$tmp/once" ;;
	*) echo "$f" >>"$tmp/body" ;;
	esac
done <"$tmp/includes"
first_once=$(head -1 "$tmp/once")
[ -n "$first_once" ] || { echo "gen.sh: $book includes no glossary or index to keep once" >&2; exit 1; }

# Line numbers of the repeated block in the main file: after </info>, before the first
# back-matter include.
start=$(grep -n '</info>' "$book" | head -1 | cut -d: -f1)
end=$(grep -n "<xi:include[^>]*href=\"$first_once\"" "$book" | head -1 | cut -d: -f1)
[ -n "$start" ] && [ -n "$end" ] && [ "$start" -lt "$end" ] || {
	echo "gen.sh: cannot find the body of $book between </info> and the back matter" >&2
	exit 1
}
start=$((start + 1))
end=$((end - 1))
sed -n "${start},${end}p" "$book" >"$tmp/block"

# The ids defined in the repeated body: these get the suffix, nothing else does.
{
	grep -o 'xml:id="[^"]*"' "$tmp/block" || true
	while IFS= read -r f; do grep -o 'xml:id="[^"]*"' "$src/$f" || true; done <"$tmp/body"
} | sed 's/^xml:id="//; s/"$//' | sort -u >"$tmp/ids"

# rewrite SUFFIX IDS [RENAME]: copies stdin to stdout, suffixing ids of IDS in id and
# reference attributes; with RENAME=1 also renames the include hrefs of body files.
cat >"$tmp/rewrite.awk" <<'EOF'
BEGIN {
	while ((getline id < ids) > 0) body[id] = 1
	close(ids)
	while ((getline f < bodyfiles) > 0) bodyfile[f] = 1
	close(bodyfiles)
	attr = "(xml:id|linkend|linkends|otherterm|endterm|startref|arearefs|zone|xlink:href|href)=\"[^\"]*\""
}
function fixval(name, v,    n, parts, i, out, t) {
	if (suffix == "") return v
	if (name == "xlink:href") {
		if (substr(v, 1, 1) == "#" && (substr(v, 2) in body)) return v suffix
		return v
	}
	if (name == "href") {
		if (rename && (v in bodyfile)) { sub(/\.xml$/, suffix ".xml", v) }
		return v
	}
	n = split(v, parts, /[ \t]+/)
	out = ""
	for (i = 1; i <= n; i++) {
		t = parts[i]
		if (t in body) t = t suffix
		out = out (i > 1 ? " " : "") t
	}
	return out
}
{
	line = $0
	res = ""
	while (match(line, attr)) {
		pre = substr(line, 1, RSTART - 1)
		m = substr(line, RSTART, RLENGTH)
		line = substr(line, RSTART + RLENGTH)
		# only whole attribute names: preceded by the line start or white space
		if (RSTART > 1 && substr(pre, length(pre), 1) !~ /[ \t]/) { res = res pre m; continue }
		eq = index(m, "=")
		name = substr(m, 1, eq - 1)
		val = substr(m, eq + 2, length(m) - eq - 2)
		res = res pre name "=\"" fixval(name, val) "\""
	}
	print res line
}
EOF

rewrite() { awk -v suffix="$1" -v ids="$tmp/ids" -v bodyfiles="$tmp/body" -v rename="${2:-0}" -f "$tmp/rewrite.awk"; }

rm -rf "$out"
mkdir -p "$out"
k=1
: >"$tmp/blocks"
while [ "$k" -le "$n" ]; do
	if [ "$k" -eq 1 ]; then suffix=""; else suffix="-c$k"; fi
	rewrite "$suffix" 1 <"$tmp/block" >>"$tmp/blocks"
	while IFS= read -r f; do
		if [ "$k" -eq 1 ]; then g=$f; else g=${f%.xml}$suffix.xml; fi
		mkdir -p "$out/$(dirname "$g")"
		rewrite "$suffix" <"$src/$f" >"$out/$g"
	done <"$tmp/body"
	k=$((k + 1))
done

# The main file: its head, the N blocks, its tail; the back matter as it was.
{
	sed -n "1,$((start - 1))p" "$book"
	cat "$tmp/blocks"
	sed -n "$((end + 1)),\$p" "$book"
} >"$out/$main"
while IFS= read -r f; do
	mkdir -p "$out/$(dirname "$f")"
	cp "$src/$f" "$out/$f"
done <"$tmp/once"
[ -d "$src/images" ] && cp -R "$src/images" "$out/images"

echo "$out/$main"
