#!/bin/sh
# run.sh: tests of `mixdown serve`: it serves the site on loopback, rebuilds when a chapter is
# saved and serves the new text, keeps serving the last good pages when a save breaks the
# book (and says why), refuses paths outside the site, and stops cleanly on SIGINT; then a
# headless Chromium page reloads itself after a save.
. tests/lib.sh
out=$TEST_TMP/serve
rm -rf "$out"
mkdir -p "$out"
cp -R tests/serve/book "$out/book"
port=$((20000 + $$ % 20000))
url=http://127.0.0.1:$port

"$MIXDOWN" serve "$out/book/book.xml" -o "$out/build" --port "$port" >"$out/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT

# Waits up to 10 s for a command to succeed.
wait_for() {
	i=0
	while ! "$@" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -lt 100 ] || return 1
		sleep 0.1
	done
}
get() { curl -s --max-time 5 "$url$1"; }
build_number() { get /_mixdown/status | sed -n 's/.*"build":\([0-9]*\).*/\1/p'; }
# Waits up to 10 s for a build after build number $1.
wait_for_build_after() {
	i=0
	while [ "$(build_number)" = "$1" ]; do
		i=$((i + 1))
		[ $i -lt 100 ] || return 1
		sleep 0.1
	done
}

if wait_for curl -sf --max-time 1 "$url/c.html" && get /c.html | grep -q 'The first words' &&
	get /c.html | grep -q '/_mixdown/live.js'; then
	ok "serve: the built page is served over HTTP, with the live-reload script"
else
	not_ok "serve: the built page is served over HTTP, with the live-reload script" "$(cat "$out/serve.log")"
fi

before=$(build_number)
sed -i 's/The first words/The edited words/' "$out/book/chapter.xml"
if wait_for_build_after "$before" && get /c.html | grep -q 'The edited words'; then
	ok "serve: saving a chapter rebuilds and serves the new text"
else
	not_ok "serve: saving a chapter rebuilds and serves the new text" "$(tail -5 "$out/serve.log")"
fi

before=$(build_number)
sed -i 's|<para>The edited words|<para>The broken <emphasis>words|' "$out/book/chapter.xml"
if wait_for_build_after "$before" && get /_mixdown/status | grep -q 'chapter.xml:[0-9]*:[0-9]*: <emphasis> is not closed' &&
	get /c.html | grep -q 'The edited words'; then
	ok "serve: a broken save reports its error and the last good page stays served"
else
	not_ok "serve: a broken save reports its error and the last good page stays served" "$(get /_mixdown/status)"
fi
sed -i 's|<para>The broken <emphasis>words|<para>The edited words|' "$out/book/chapter.xml"

code_outside=$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "$url/../../etc/passwd")
code_post=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url/c.html")
if [ "$code_outside" = 404 ] && [ "$code_post" = 405 ] && ! get /../../etc/passwd | grep -q root:; then
	ok "serve: paths outside the site and methods other than GET are refused"
else
	not_ok "serve: paths outside the site and methods other than GET are refused" "outside: $code_outside, POST: $code_post"
fi

if [ -d node_modules/playwright-core ]; then
	HOME=$PWD/$out node tests/serve/reload.mjs "$url/c.html" "$out/book/chapter.xml"
else
	not_ok "serve: an open page reloads itself after a save" "node_modules is missing: run npm ci"
fi

kill -INT $pid
if wait_for sh -c "! kill -0 $pid" && wait $pid; then
	ok "serve: SIGINT stops the server cleanly (exit 0)"
else
	not_ok "serve: SIGINT stops the server cleanly (exit 0)" "$(tail -3 "$out/serve.log")"
fi
trap - EXIT
