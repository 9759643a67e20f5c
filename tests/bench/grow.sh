#!/bin/sh
# grow.sh: writes to stdout a synthetic book with N of one thing, to see how mixdown's time
# grows with the book (the "linearity" part of tests/bench/run.sh).
#
#   sh tests/bench/grow.sh KIND N
#
# KIND is one of:
#   accented    N chapters whose ids differ only in accented letters (one page name each)
#   one-entry   N index terms under one primary word, with 7 secondaries, and an index
#   entries     N index terms, each its own primary word, and an index
#   glossary    N glossary terms used in the text and N glossary entries
#   siblings    N paragraphs with ids, side by side in one chapter
#   short-runs  N times three paragraphs and a note, side by side in one chapter
#   unknown-ids N references to ids that do not exist, one per line
#   one-line    the same, with the whole book on one line
# POSIX sh and awk; the accented letters are written as UTF-8 bytes.
set -eu

kind=${1:?usage: grow.sh KIND N}
n=${2:?usage: grow.sh KIND N}
case $n in '' | *[!0-9]* | 0) echo "grow.sh: N must be a positive integer" >&2; exit 2 ;; esac

book() {
	LC_ALL=C awk -v kind="$1" -v n="$n" '
# The k-th of the 30 Latin-1 letters U+00E0..U+00FE, except U+00F7, as UTF-8.
function accented(k) { k = k % 30; return sprintf("%c%c", 195, 160 + (k >= 23 ? k + 1 : k)) }
BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<book xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\" xml:id=\"b\"><title>Growth</title>\n"
	if (kind == "accented") {
		for (i = 0; i < n; i++)
			printf "<chapter xml:id=\"m%s%s%s\"><title>Chapter %d</title><para>p</para></chapter>\n", accented(i), accented(int(i / 30)), accented(int(i / 900)), i
	} else if (kind == "one-entry" || kind == "entries") {
		printf "<chapter xml:id=\"c\"><title>Terms</title>\n"
		for (i = 0; i < n; i++)
			if (kind == "one-entry")
				printf "<para>w<indexterm><primary>Mixing</primary><secondary>level %d</secondary></indexterm></para>\n", i % 7
			else
				printf "<para>w<indexterm><primary>%cword %d</primary></indexterm></para>\n", 65 + i % 26, i
		printf "</chapter><index/>\n"
	} else if (kind == "glossary") {
		printf "<chapter xml:id=\"c\"><title>Terms</title>\n"
		for (i = 0; i < n; i++)
			printf "<para>Uses <glossterm>word %d</glossterm>.</para>\n", i
		printf "</chapter><glossary xml:id=\"g\"><title>Glossary</title>\n"
		for (i = 0; i < n; i++)
			printf "<glossentry xml:id=\"w%d\"><glossterm>word %d</glossterm><glossdef><para>d</para></glossdef></glossentry>\n", i, i
		printf "</glossary>\n"
	} else if (kind == "siblings") {
		printf "<chapter xml:id=\"c\"><title>Paragraphs</title>\n"
		for (i = 0; i < n; i++)
			printf "<para xml:id=\"para%d\">x</para>\n", i
		printf "</chapter>\n"
	} else if (kind == "short-runs") {
		printf "<chapter xml:id=\"c\"><title>Runs</title>\n"
		for (i = 0; i < n; i++)
			printf "<para>a</para><para>b</para><para>c</para><note><para>n</para></note>\n"
		printf "</chapter>\n"
	} else if (kind == "unknown-ids") {
		printf "<chapter xml:id=\"c\"><title>References</title>\n"
		for (i = 0; i < n; i++)
			printf "<para xml:id=\"here%d\">See <xref linkend=\"there%d\"/>.</para>\n", i, i
		printf "</chapter>\n"
	}
	printf "</book>\n"
}'
}

case $kind in
accented | one-entry | entries | glossary | siblings | short-runs | unknown-ids) book "$kind" ;;
one-line) book unknown-ids | tr -d '\n' && echo ;;
*) echo "grow.sh: unknown kind '$kind'" >&2; exit 2 ;;
esac
