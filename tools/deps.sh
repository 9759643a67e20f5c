#!/bin/sh
# deps.sh: makes sure what mixdown needs is installed: `build` for compiling and running it,
# `test` for the test suite, `npm` for the npm packages alone (the site's stemmer among them).
# Installs Debian packages with apt-get when run as root; otherwise stops and prints the exact
# command to run.
set -eu

build_packages="pkg-config libxml2-dev libxslt1-dev libzip-dev libmicrohttpd-dev libicu-dev libstemmer-dev librsvg2-dev libpng-dev libglib2.0-dev zlib1g-dev docbook5-xml"


missing_build() {
	command -v pkg-config >/dev/null 2>&1 || { echo "$build_packages"; return; }
	pkg-config --exists libxml-2.0 libxslt libexslt libzip libmicrohttpd icu-i18n librsvg-2.0 gdk-pixbuf-2.0 cairo libpng glib-2.0 || { echo "$build_packages"; return; }
	[ -f /usr/share/xml/docbook/schema/rng/5.0/docbook.rng ] || echo docbook5-xml
}

missing_test() {
	list=""
	[ -f /usr/include/cmocka.h ] || list="$list libcmocka-dev"
	[ -f /usr/include/libstemmer.h ] || list="$list libstemmer-dev"
	[ -f /usr/share/java/epubcheck.jar ] || list="$list epubcheck"
	command -v java >/dev/null 2>&1 || list="$list default-jre-headless"
	command -v zip >/dev/null 2>&1 || list="$list zip"
	command -v unzip >/dev/null 2>&1 || list="$list unzip"
	command -v jing >/dev/null 2>&1 || list="$list jing"
	command -v curl >/dev/null 2>&1 || list="$list curl"
	command -v chromium >/dev/null 2>&1 || list="$list chromium"
	command -v valgrind >/dev/null 2>&1 || list="$list valgrind"
	command -v ebook-convert >/dev/null 2>&1 || list="$list calibre"
	command -v strace >/dev/null 2>&1 || list="$list strace"
	command -v rsync >/dev/null 2>&1 || list="$list rsync"
	echo $list
}

install() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "mixdown: missing packages; run: sudo apt-get install -y $*" >&2
		exit 1
	fi
	echo "mixdown: installing $*" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq --no-install-recommends "$@" >&2
}

# The Node test tools, pinned by package-lock.json; installed again when the lockfile changes.
# Their install scripts only download browsers and runtimes the machine already has.
npm_tools() {
	[ node_modules/.package-lock.json -nt package-lock.json ] && return
	command -v npm >/dev/null 2>&1 || install nodejs npm
	echo "mixdown: installing the Node test tools (npm ci)" >&2
	PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
}

case "${1:-build}" in
build) need=$(missing_build) ;;
test) need=$(missing_test) ;;
npm) need= ;;
*) echo "usage: deps.sh build|test|npm" >&2; exit 2 ;;
esac
[ -z "$need" ] || install $need
[ "${1:-build}" = build ] || npm_tools
