#!/bin/sh
# run.sh: the site's search: the search records mixdown writes (titles as the pages show them,
# link text kept, one record per glossary entry), the site's stemmer against Snowball's reference
# C library on every word of the handbook, then tests/search/relevance.mjs in headless
# Chromium from file://: reader queries and their expected answers (queries.tsv), the
# tokenizer, the results box and the results page. Run from the repository root after `make`.
. tests/lib.sh
out=$TEST_TMP/search
rm -rf "$out"
mkdir -p "$out"

# The records of a small book: an untitled index, a title with a quotation, link text.
if "$MIXDOWN" build tests/search/records.xml -o "$out/records" >"$out/records.out" 2>"$out/records.err"; then
	index=$out/records/html/assets/search-index.js
	for want in '"title":"Index"' '"title":"Why “loud” is not better"' \
		'"terms":"loudness","text":"A Desk is where the mix happens. See Bus, then Chapter 1, Why “loud” is not better."' \
		'"kind":"term","title":"Bus","trail":"Words","terms":"","text":"A path that carries several signals."' \
		'"title":"Wars","trail":"Why “loud” is not better","terms":"loudness, war"'; do
		if grep -qF "$want" "$index"; then ok "search records: $want"; else not_ok "search records: $want" "$(cat "$index")"; fi
	done
else
	not_ok "search records: the small book builds" "$(head -20 "$out/records.err")"
fi

site=$out/build/html
if ! "$MIXDOWN" build book/handbook.xml -o "$out/build" >"$out/build.out" 2>"$out/build.err"; then
	not_ok "search: the handbook builds" "$(head -20 "$out/build.err")"
	done_testing
fi
if [ ! -f node_modules/playwright-core/package.json ] || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	not_ok "search: playwright-core and chromium are installed" "npm ci --ignore-scripts; apt-get install -y chromium"
	done_testing
fi
# The site's stemmer (porter2 from npm) against the reference Snowball English stemmer (Debian's
# libstemmer), on every word the handbook's search indexes.
if cc -std=c11 -Wall -Wextra -Werror -o "$out/snowball" tests/search/snowball.c -lstemmer 2>"$out/snowball.err"; then
	node tests/search/stems.mjs "$site" >"$out/words.txt" &&
		"$out/snowball" <"$out/words.txt" >"$out/snowball.txt" &&
		node tests/search/stems.mjs "$site" "$out/snowball.txt" >"$out/stems.out"
	if [ $? -eq 0 ]; then
		ok "search: the site's stemmer and Snowball's own agree on every word of the handbook ($(wc -l <"$out/words.txt") words)"
	else
		not_ok "search: the site's stemmer and Snowball's own agree on every word of the handbook" "$(head -20 "$out/stems.out")"
	fi
else
	not_ok "search: the reference stemmer builds (apt-get install libstemmer-dev)" "$(head -5 "$out/snowball.err")"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run_part "search: relevance.mjs" node_test tests/search/relevance.mjs "$site" tests/search/queries.tsv "$scratch" 2>"$out/relevance.err"
done_testing
