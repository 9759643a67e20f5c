#!/bin/sh
# run.sh: golden tests of the stylesheets. Each NAME.xml here is a small book for one element
# family; its pages' <main> content (and anything mixdown said) must equal NAME.html.
# `--regen` rewrites the goldens; read their diff before committing them.
. tests/lib.sh
[ "${1:-}" = --regen ] && REGEN=yes

for book in tests/xsl/*.xml; do
	name=$(basename "$book" .xml)
	out=$TEST_TMP/xsl/$name
	rm -rf "$out"
	mkdir -p "$out"
	actual=$out.actual
	if ! "$MIXDOWN" build "$book" -o "$out" >/dev/null 2>"$out.stderr"; then
		not_ok "stylesheets: $name builds" "$(cat "$out.stderr")"
		continue
	fi
	{
		for page in $(ls "$out/html" | grep '\.html$' | grep -v -e '^index\.html$' -e '^404\.html$' | sort); do
			echo "=== $page"
			main_content "$out/html/$page"
		done
		if [ -s "$out.stderr" ]; then
			echo "=== stderr"
			cat "$out.stderr"
		fi
	} >"$actual"
	compare_golden "stylesheets: $name" "$actual" "tests/xsl/$name.html"
done
done_testing
