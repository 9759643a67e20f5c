#!/bin/sh
# run.sh: tests of `mixdown serve`: it serves the site on loopback, rebuilds when a chapter is
# saved and serves the new text, keeps serving the last good pages when a save breaks the
# book (and says why), refuses paths outside the site, and stops cleanly on SIGINT; then a
# headless Chromium page reloads itself after a save, and open pages are shown first and
# reloaded only when a save changed them (early.mjs). It also survives odd and hostile
# requests and clients, answers only to its own host names, serves a book that is broken at
# start as its error, and never watches its own output folder.
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
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@"; }
# The number of the latest build of the server at $1 (default $url).
build_number() { curl -s --max-time 5 "${1:-$url}/_mixdown/status" | sed -n 's/.*"build":\([0-9]*\).*/\1/p'; }
# Waits up to 10 s for a build after build number $1 (of the server at $2, default $url).
wait_for_build_after() {
	i=0
	while [ "$(build_number "${2:-}")" = "$1" ]; do
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

# Requests a hostile page, a fuzzer or a trimmed address bar may send: each gets an answer,
# and the server is still serving afterwards. assets/ has no index.html; notes/ has one.
mkdir -p "$out/build/html/notes"
echo '<html><body><p>Notes</p></body></html>' >"$out/build/html/notes/index.html"
wrong=""
expect() {
	want=$1
	shift
	got=$(code "$@")
	[ "$got" = "$want" ] || wrong="$wrong
$* answered $got, not $want"
}
expect 404 "$url/assets"
expect 404 -I "$url/assets"
expect 301 "$url/notes"
expect 301 -I "$url/notes"
expect 200 "$url/notes/"
expect 404 --path-as-is "$url/../../etc/passwd"
expect 404 "$url/%2e%2e/%2e%2e/etc/passwd"
expect 404 "$url/assets/..%2f..%2f..%2fetc%2fpasswd"
expect 404 "$url/%c0%ae%c0%ae/etc/passwd"
expect 404 "$url/assets/..%252f..%252fc.html"
expect 404 "$url/..%2F..%2Fetc%2Fpasswd"
expect 404 --path-as-is "$url/..\\..\\etc\\passwd"
expect 404 --path-as-is "$url//etc/passwd"
expect 404 --request-target "http://attacker.example/etc/passwd" "$url/"
expect 404 --request-target "*" "$url/"
expect 404 --request-target "c.html" "$url/"
expect 405 -X DELETE "$url/c.html"
expect 405 -X OPTIONS "$url/c.html"
expect 405 -X TRACE "$url/c.html"
expect 431 -H "X-Big: $(head -c 100000 /dev/zero | tr '\0' a)" "$url/c.html"
expect 414 "$url/$(head -c 100000 /dev/zero | tr '\0' a)"
expect 400 -H 'Host:' "$url/c.html"
expect 400 -0 -H 'Host:' "$url/c.html"
expect 421 -H 'Host: attacker.example' "$url/c.html"
location=$(curl -s -o /dev/null -w '%{redirect_url}' --max-time 5 "$url/notes")
[ "$location" = "$url/notes/" ] || wrong="$wrong
/notes redirects to $location"
if [ -z "$wrong" ] && [ "$(code "$url/c.html")" = 200 ] && kill -0 $pid; then
	ok "serve: folders, traversal, odd methods, huge or missing headers get answers, and serving goes on"
else
	not_ok "serve: folders, traversal, odd methods, huge or missing headers get answers, and serving goes on" \
		"$wrong" "$(tail -3 "$out/serve.log")"
fi

# DNS rebinding: a page from a name that resolves to 127.0.0.1 sends that name as Host.
wrong=""
for host in "127.0.0.1:$port" "localhost:$port" "LOCALHOST:$port" "[::1]:$port"; do
	expect 200 -H "Host: $host" "$url/c.html"
done
for host in "attacker.example:$port" "attacker.example" "localhost.attacker.example:$port" \
	"127.0.0.1.nip.io:$port" "localhost" "127.0.0.1" "localhost:$((port + 1))" "[::1]:$port:1"; do
	expect 421 -H "Host: $host" "$url/c.html"
	expect 421 -H "Host: $host" "$url/_mixdown/status"
done
if [ -z "$wrong" ] && curl -s -H 'Host: attacker.example' "$url/" | grep -q 'answers only at localhost'; then
	ok "serve: only loopback names and its own address with its port are answered (421 with a reason)"
else
	not_ok "serve: only loopback names and its own address with its port are answered (421 with a reason)" "$wrong"
fi

run_part "serve: clients.mjs" node_test tests/serve/clients.mjs "$port" "$pid"

before=$(build_number)
sed -i 's/The first words/The edited words/' "$out/book/chapter.xml"
if wait_for_build_after "$before" && get /c.html | grep -q 'The edited words'; then
	ok "serve: saving a chapter rebuilds and serves the new text"
else
	not_ok "serve: saving a chapter rebuilds and serves the new text" "$(tail -5 "$out/serve.log")"
fi

before=$(build_number)
sed -i 's|<para>The edited words|<para>The broken <emphasis>words|' "$out/book/chapter.xml"
# the error as the page's script reads it: decoded from the JSON
status_error() {
	get /_mixdown/status | node -e 'let s = ""; process.stdin.on("data", (d) => { s += d; }).on("end", () => console.log(JSON.parse(s).error));'
}
if wait_for_build_after "$before" && status_error | grep -q 'chapter.xml:[0-9]*:[0-9]*: <emphasis> is not closed' &&
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
	HOME=$(cd "$out" && pwd) run_part "serve: reload.mjs" node_test tests/serve/reload.mjs "$url/c.html" "$out/book/chapter.xml"
	HOME=$(cd "$out" && pwd) run_part "serve: early.mjs" node_test tests/serve/early.mjs "$url" "$out/book" \
		"$MIXDOWN" "$out"
else
	not_ok "serve: an open page reloads itself after a save" "node_modules is missing: run npm ci"
	not_ok "serve: a save shows the open pages first, and reloads only the pages it changed" \
		"node_modules is missing: run npm ci"
fi

kill -INT $pid
if wait_for sh -c "! kill -0 $pid" && wait $pid; then
	ok "serve: SIGINT stops the server cleanly (exit 0)"
else
	not_ok "serve: SIGINT stops the server cleanly (exit 0)" "$(tail -3 "$out/serve.log")"
fi

# A second server, started from inside a book that is broken at start, with its output in
# chap/ (not made yet) beside chapters/, where the chapter is.
book2=$out/book2
mkdir -p "$book2/chapters"
sed 's|href="chapter.xml"|href="chapters/chapter.xml"|' tests/serve/book/book.xml >"$book2/book.xml"
sed 's|<para>The first words|<para><bogus/>The first words|' tests/serve/book/chapter.xml >"$book2/chapters/chapter.xml"
cp -R tests/serve/book/other.xml tests/serve/book/images "$book2/"
mixdown=$(cd "$(dirname "$MIXDOWN")" && pwd)/$(basename "$MIXDOWN")
port2=$((port + 1))
url2=http://127.0.0.1:$port2
(cd "$book2" && exec "$mixdown" serve book.xml -o chap --port "$port2") >"$out/serve2.log" 2>&1 &
pid2=$!
trap 'kill $pid2 2>/dev/null' EXIT

if wait_for curl -sf --max-time 1 "$url2/_mixdown/status" &&
	curl -s "$url2/_mixdown/status" | grep -q 'chapter.xml:[0-9]*:[0-9]*: .*bogus' &&
	[ "$(code "$url2/c.html")" = 503 ] && curl -s "$url2/c.html" | grep -q '/_mixdown/live.js'; then
	ok "serve: a book broken at start is served as a page with its error banner (503), not an exit"
else
	not_ok "serve: a book broken at start is served as a page with its error banner (503), not an exit" \
		"$(tail -3 "$out/serve2.log")"
fi

before=$(build_number "$url2")
if [ -d node_modules/playwright-core ]; then
	HOME=$(cd "$out" && pwd) run_part "serve: broken-start.mjs" node_test tests/serve/broken-start.mjs "$url2/c.html" \
		"$book2/chapters/chapter.xml" '<bogus/>' 'The first words'
else
	not_ok "serve: a book broken at start shows its error in the page's banner, and a fix brings the page" \
		"node_modules is missing: run npm ci"
	sed -i 's|<bogus/>||' "$book2/chapters/chapter.xml"
fi
if wait_for_build_after "$before" "$url2" && curl -s "$url2/c.html" | grep -q 'The first words'; then
	ok "serve: a save that fixes a book broken at start brings its pages"
else
	not_ok "serve: a save that fixes a book broken at start brings its pages" "$(tail -3 "$out/serve2.log")"
fi

# What the server watches, from its inotify descriptor: inode numbers in hexadecimal.
watched() {
	grep -h '^inotify wd:' /proc/"$pid2"/fdinfo/* 2>/dev/null | grep -q " ino:$(printf '%x' "$(stat -c %i "$1")") "
}
before=$(build_number "$url2")
sed -i 's|The first words|The saved words|' "$book2/chapters/chapter.xml"
if wait_for_build_after "$before" "$url2" && curl -s "$url2/c.html" | grep -q 'The saved words' &&
	watched "$book2" && watched "$book2/chapters" && ! watched "$book2/chap"; then
	ok "serve: the output folder is never watched, a sibling named like it is (chap/, chapters/)"
else
	not_ok "serve: the output folder is never watched, a sibling named like it is (chap/, chapters/)" \
		"$(grep -h '^inotify' /proc/"$pid2"/fdinfo/* 2>/dev/null)" "$(tail -3 "$out/serve2.log")"
fi

kill -INT $pid2
wait_for sh -c "! kill -0 $pid2"
trap - EXIT
done_testing
