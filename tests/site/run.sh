#!/bin/sh
# run.sh: tests of the handbook's website with third-party tools and a real browser, one
# TAP-like line per check: the Nu Html Checker on every page and the CSS, axe-core in headless
# Chromium in the light and dark color schemes, the internal links over http (linkinator) and
# over file:// (tests/site/links.mjs), and the site's behaviour in Chromium from file:// and over
# http (tests/site/browser.mjs), with screenshots saved in output/screenshots/.
# Run from the repository root after `make`; the npm tools come from `npm ci` (see package.json):
#   PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --ignore-scripts
# It needs java (vnu), node 20 and Debian's chromium (/usr/bin/chromium, or $CHROMIUM); nothing
# leaves the machine: the http checks use a server of its own on 127.0.0.1.
. tests/lib.sh
out=$TEST_TMP/site
shots=${SHOTS:-output/screenshots}
rm -rf "$out"
mkdir -p "$out" "$shots"
now() { date +%s.%N; }
took() { echo "# $1: $(echo "$(now) $2" | awk '{printf "%.1f s", $1 - $2}')"; }
t0=$(now)

# The site under test, built afresh from the sources.
t=$(now)
site=$out/build/html
if "$MIXDOWN" build book/handbook.xml -o "$out/build" >"$out/build.out" 2>"$out/build.err" && [ -f "$site/index.html" ]; then
	ok "site: builds into $site"
else
	not_ok "site: builds into $site" "$(head -20 "$out/build.err")"
	done_testing
fi
took "build" "$t"

# The head of every page: a description and theme colours; a PNG icon beside the SVG one; and
# with --base-url, canonical addresses (the title page's is the folder), Open Graph with the
# cover drawn as PNG, a sitemap, and a 404 page that asks not to be indexed.
t=$(now)
base=https://example.org/glass/
hosted=$out/hosted
"$MIXDOWN" build book/handbook.xml -o "$hosted" --base-url "$base" >"$out/hosted.out" 2>&1
bad=
for page in "$hosted"/html/*.html; do
	p=${page##*/}
	grep -q '<meta name="description" content="[^"]' "$page" || bad="$bad\n$p: no description"
	grep -q '<meta name="theme-color"' "$page" || bad="$bad\n$p: no theme-color"
	grep -q '<link rel="icon" href="assets/favicon.png" type="image/png"' "$page" || bad="$bad\n$p: no PNG icon link"
	# pages that are not content: no canonical address, and not to be indexed
	case $p in 404.html | search.html)
		grep -q '<meta name="robots" content="noindex">' "$page" || bad="$bad\n$p: no noindex"
		continue ;;
	esac
	grep -q '<link rel="canonical" href="'"$base" "$page" || bad="$bad\n$p: no canonical address under $base"
	grep -q '<meta property="og:url" content="'"$base" "$page" || bad="$bad\n$p: no og:url"
done
grep -q '<link rel="canonical" href="'"$base"'">' "$hosted/html/index.html" || bad="$bad\nindex.html: the canonical address is not the folder $base"
image=$(grep -o '<meta property="og:image" content="[^"]*"' "$hosted/html/index.html" | cut -d'"' -f4)
case $image in
"$base"*.png) [ -f "$hosted/html/${image#"$base"}" ] || bad="$bad\nog:image $image is not in the site" ;;
*) bad="$bad\nindex.html: og:image is '$image', not a PNG under $base" ;;
esac
head -c 8 "$hosted/html/assets/favicon.png" 2>/dev/null | od -An -c | grep -q 'P   N   G' || bad="$bad\nassets/favicon.png is not a PNG"
grep -q "<loc>$base</loc>" "$hosted/html/sitemap.xml" || bad="$bad\nsitemap.xml does not list the title page as $base"
name="site: every page has a description, theme colours and a PNG icon; with --base-url, canonical and Open Graph addresses, the cover as og:image, the sitemap, and noindex on the 404 and search pages"
if [ -z "$bad" ]; then ok "$name"; else not_ok "$name" "$(printf "$bad" | head -20)"; fi
took "head and --base-url" "$t"

# The tools.
missing=
for m in playwright-core axe-core vnu-jar linkinator; do
	[ -f "node_modules/$m/package.json" ] || missing="$missing $m"
done
command -v node >/dev/null 2>&1 || missing="$missing node"
command -v java >/dev/null 2>&1 || missing="$missing java"
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || missing="$missing chromium"
if [ -n "$missing" ]; then
	not_ok "site: the checkers are installed" "missing:$missing" \
		"npm: PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --ignore-scripts" \
		"Debian: apt-get install -y chromium default-jre-headless"
	done_testing
fi
pages=$(find "$site/" -name '*.html' | sort)
npages=$(echo "$pages" | wc -l)

# Whatever this suite started in the background is stopped when it ends, by process id.
srv_pid=
cleanup() {
	[ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null
	[ -f "$out/vnu.pid" ] && kill "$(cat "$out/vnu.pid")" 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The Nu Html Checker: every page and the stylesheet in one JVM, in the background (~15 s).
tv=$(now)
(java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --also-check-css --format json \
	$pages "$site/assets/site.css" >"$out/vnu.log" 2>"$out/vnu.json" &
echo $! >"$out/vnu.pid"
wait $!
echo $? >"$out/vnu.rc"
rm -f "$out/vnu.pid"
now >"$out/vnu.end") &
vnu_job=$!

# 3. The internal links from file://: no server, as a reader opening the files would.
t=$(now)
run_part "site: links.mjs" node_test tests/site/links.mjs "$site" 2>"$out/links.err"
took "links over file://" "$t"

# A static server of our own on 127.0.0.1 at a free port. It is stopped below; its lifetime
# (an hour) only keeps a crashed run from leaving it behind.
rm -f "$out/server.port"
node tests/site/serve.mjs "$site" 3600 >"$out/server.port" 2>"$out/server.log" &
srv_pid=$!
i=0
while [ ! -s "$out/server.port" ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i + 1)); done
port=$(head -1 "$out/server.port")
if [ -n "$port" ] && kill -0 "$srv_pid" 2>/dev/null; then
	base=http://127.0.0.1:$port/
	ok "site: a static server answers on $base"
else
	not_ok "site: a static server answers on 127.0.0.1" "$(cat "$out/server.log")"
	base=
fi

if [ -n "$base" ]; then
	# 3. The internal links over http: linkinator crawls from the root; any URL not on this
	# server (the book's few external links) is skipped, so no network is touched.
	t=$(now)
	node node_modules/linkinator/build/src/cli.js "$base" --recurse --check-fragments --check-css \
		--skip "^(?!http://127\\.0\\.0\\.1:$port/)" --format json --verbosity info --timeout 10000 \
		>"$out/linkinator.json" 2>"$out/linkinator.log"
	run_part "site: reports.mjs linkinator" node_test tests/site/reports.mjs linkinator "$out/linkinator.json" "$out/linkinator.log" "$base"
	took "links over http (linkinator)" "$t"

	# 2. axe-core in Chromium, light and dark.
	t=$(now)
	run_part "site: axe.mjs" node_test tests/site/axe.mjs "$base" "$site" 2>"$out/axe.err"
	took "axe-core" "$t"

	# 4. The site in Chromium, from file:// and over http, and the screenshots.
	t=$(now)
	run_part "site: browser.mjs" node_test tests/site/browser.mjs "$base" "$site" "$shots" 2>"$out/browser.err"
	took "browser tests" "$t"

	kill "$srv_pid" 2>/dev/null
	wait "$srv_pid" 2>/dev/null
	srv_pid=
fi

# 1. The Nu Html Checker's report.
wait "$vnu_job"
if [ ! -s "$out/vnu.json" ] && [ "$(cat "$out/vnu.rc" 2>/dev/null)" != 0 ]; then
	not_ok "site: vnu runs" "exit status $(cat "$out/vnu.rc" 2>/dev/null)" "$(tail -15 "$out/vnu.log")"
else
	run_part "site: reports.mjs vnu" node_test tests/site/reports.mjs vnu "$out/vnu.json" "$out/vnu.log" "$npages" "$site"
fi
echo "# vnu: $(awk -v a="$tv" '{printf "%.1f s", $1 - a}' "$out/vnu.end" 2>/dev/null) (in the background)"
took "the site suite" "$t0"
done_testing
