#!/bin/sh
# run.sh: the site's search: the search records mixdown writes (titles as the pages show them,
# link text kept, one record per glossary entry), the site's stemmer against Snowball's reference
# C library on every word of the handbook, the engine's script loading with scripts that arrive
# late (tests/search/loading.mjs), the brief a one-letter query in a big book is looked up in
# (tests/search/brief.mjs), the box's results shown before their snippets' text
# (tests/search/early.mjs), then tests/search/relevance.mjs in headless Chromium from
# file://: reader queries and their expected answers (queries.tsv), the tokenizer, the results
# box and the results page. Run from the repository root after `make`.
. tests/lib.sh
out=$TEST_TMP/search
rm -rf "$out"
mkdir -p "$out"

# The records of a small book: an untitled index, a title with a quotation, link text kept in
# the text, index terms indexed (the war of "loudness, war" in record 2, "Wars").
if "$MIXDOWN" build tests/search/records.xml -o "$out/records" >"$out/records.out" 2>"$out/records.err"; then
	assets=$out/records/html/assets
	for want in 'search-index.js:["index-1.html","page","Index","",3]' \
		'search-index.js:["c.html","page","Why “loud” is not better","",1]' \
		'search-index.js:["gl.html#g-bus","term","Bus","Words",2]' \
		'search/x-1.js:t[1] = "A Desk is where the mix happens. See Bus, then Chapter 1, Why “loud” is not better.";' \
		'search/x-2.js:t[4] = "A path that carries several signals.";' \
		'search/t-77.js:"war":[2,' 'search/t-6c.js:"loudness loud"'; do
		if grep -qF "${want#*:}" "$assets/${want%%:*}"; then ok "search records: $want"; else not_ok "search records: $want" "$(cat "$assets/${want%%:*}")"; fi
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
# What a first query loads, gzipped (size is deterministic): at most 64 KB on the handbook.
node tests/search/size.mjs "$site" 65536 mastering 'A&R' mastring 'how do I become a mixing engineer' \
	'live sound engineer' 'Rick Rubin' m >"$out/size.out" 2>&1
if [ $? -eq 0 ]; then ok "search: $(cat "$out/size.out")"; else not_ok "search: what a first query loads is at most 64 KB gzipped" "$(cat "$out/size.out")"; fi

# The two tokenizers (tools/tokens.c at build time, search.js at query time) read every word of
# the index alike; the site's stemmer (porter2 from npm) agrees with the reference Snowball
# English stemmer (Debian's libstemmer, which the index is built with) on every English word.
if cc -std=c11 -Wall -Wextra -Werror -o "$out/snowball" tests/search/snowball.c -lstemmer 2>"$out/snowball.err"; then
	node tests/search/stems.mjs "$site" >"$out/words.txt" 2>"$out/stems.out" &&
		"$out/snowball" <"$out/words.txt" >"$out/snowball.txt" &&
		node tests/search/stems.mjs "$site" "$out/snowball.txt" >"$out/stems.out"
	if [ $? -eq 0 ]; then
		ok "search: the two tokenizers read every indexed word alike, and the site's stemmer and Snowball's own agree on every word of the handbook ($(wc -l <"$out/words.txt") words)"
	else
		not_ok "search: the two tokenizers read every indexed word alike, and the site's stemmer and Snowball's own agree on every word of the handbook" "$(head -20 "$out/stems.out")"
	fi
else
	not_ok "search: the reference stemmer builds (apt-get install libstemmer-dev)" "$(head -5 "$out/snowball.err")"
fi

run_part "search: loading.mjs" node_test tests/search/loading.mjs
run_part "search: nearness.mjs" node_test tests/search/nearness.mjs
# A book big enough for a split shard: the handbook five times over (tests/bench/gen.sh).
if big=$(sh tests/bench/gen.sh 5 book/handbook.xml "$out" 2>"$out/big.err") &&
	"$MIXDOWN" build "$big" -o "$out/big" >"$out/big.out" 2>>"$out/big.err"; then
	run_part "search: brief.mjs" node_test tests/search/brief.mjs "$out/big/html"
else
	not_ok "search: the handbook five times over builds" "$(head -20 "$out/big.err")"
fi
run_part "search: early.mjs" node_test tests/search/early.mjs "$site"
run_part "search: relevance.mjs" node_test tests/search/relevance.mjs "$site" tests/search/queries.tsv 2>"$out/relevance.err"
done_testing
