#!/bin/sh
# counts.sh: measures the handbook against its content targets: body words (preface, chapters
# and appendices), words per role section, glossary entries, index terms, cross-references and
# figures with a text alternative. Prints one line per measure; with --test, TAP lines.
set -u
cd "$(dirname "$0")/../.." || exit 2
merged=${TEST_TMP:-tests/out}/counts-merged.xml
mkdir -p "$(dirname "$merged")"
xmllint --xinclude --nonet book/handbook.xml >"$merged"

x() { xmllint --xpath "$1" "$merged"; }
words() { x "$1" | wc -w; }

body=0
for kind in preface chapter appendix; do
	n=$(x "count(//*[local-name()='$kind'])")
	i=1
	while [ "$i" -le "$n" ]; do
		body=$((body + $(words "string((//*[local-name()='$kind'])[$i])")))
		i=$((i + 1))
	done
done

roles="recording-engineer assistant-engineer production-assistant studio-manager
studio-setup-worker studio-technician live-sound-engineer sound-technician mastering-engineer
remastering-engineer re-recording-mixer re-record-producer video-audio-engineer music-editor
acoustic-consultant studio-designer interactive-media-specialist programmer sound-designer
dj-remixer audio-developer record-company-staff manufacturers-rep"
smallest=999999 smallest_role=none nroles=0
for r in $roles; do
	w=$(words "string(//*[@xml:id='$r'][local-name()='section'])")
	[ "$(x "count(//*[@xml:id='$r'][local-name()='section'])")" -eq 1 ] && nroles=$((nroles + 1))
	if [ "$w" -lt "$smallest" ]; then smallest=$w smallest_role=$r; fi
done

glossary=$(x "count(//*[local-name()='glossentry'])")
indexterms=$(x "count(//*[local-name()='indexterm'])")
xrefs=$(x "count(//*[local-name()='xref'])")
figures=$(x "count(//*[local-name()='figure'][.//*[local-name()='textobject']])")

report() { # name value minimum
	if [ "${TAP:-}" = yes ]; then
		if [ "$2" -ge "$3" ]; then echo "ok - content: $1 $2 >= $3"; else echo "not ok - content: $1 $2 < $3"; fi
	else
		printf '%-40s %6s (target %s)\n' "$1" "$2" "$3"
	fi
}
[ "${1:-}" = --test ] && TAP=yes
report "body words" "$body" 15000
report "role sections" "$nroles" 23
report "words in the shortest role ($smallest_role)" "$smallest" 350
report "glossary entries" "$glossary" 40
report "index terms" "$indexterms" 150
report "cross-references" "$xrefs" 60
report "figures with a text alternative" "$figures" 3
