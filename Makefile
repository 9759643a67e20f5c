# Makefile: `make` builds mixdown and the handbook; `make check` runs every test.
# Targets: all check bench regen asan fuzz install uninstall clean.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/mixdown
MANDIR    = $(PREFIX)/share/man/man1

CC       ?= cc
PKGS      = libxml-2.0 libxslt libexslt libzip libmicrohttpd icu-i18n librsvg-2.0 gdk-pixbuf-2.0 cairo libpng glib-2.0 zlib
OPTFLAGS ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
# libstemmer (Snowball) has no pkg-config file.
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lstemmer
DEFS      = -D_POSIX_C_SOURCE=200809L -DMIXDOWN_VERSION='"$(VERSION)"' -DMIXDOWN_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = $(WARN) $(OPTFLAGS) $(DEFS) $(PKG_CFLAGS) $(CFLAGS)
SANITIZE  = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

MODULES   = util layout json media diag task build early book load columns sanitize blanks svg lang check schema plan names typography image raster render writer tokens search site epub out serve
MODULE_OBJS = $(MODULES:%=tools/%.o)
ASAN_OBJS = $(MODULES:%=tools/asan/%.o)
UNIT_TESTS = $(patsubst tests/unit/%.c,tests/unit/%,$(wildcard tests/unit/test_*.c))

BOOK      = book/handbook.xml
BOOK_SRC  = $(shell find book -type f 2>/dev/null)
DATA_SRC  = $(shell find xsl style schema -type f 2>/dev/null)
OUT       = output

.PHONY: all deps test-deps check asan regen bench fuzz install uninstall clean handbook
.DELETE_ON_ERROR:

all: tools/mixdown handbook

# The site's stemmer: Snowball English ("porter2" from npm, pinned in package-lock.json), wrapped
# as a script the browser loads beside the search index, so it works from file:// too.
STEMMER = style/stemmer.js
STEMMER_SRC = node_modules/porter2/dist/index.js

$(STEMMER): $(STEMMER_SRC)
	{ echo '/* Made by make from $(STEMMER_SRC) (MIT licence): do not edit. */'; \
	  echo '(function (exports) {'; cat $(STEMMER_SRC); echo '})(window.mixdownStemmer = {});'; } >$@

$(STEMMER_SRC):
	@sh tools/deps.sh npm

# The site's PNG icon, for browsers and home screens that take no SVG one: drawn once here from
# style/favicon.svg, 180 pixels square, rather than in every build of a book.
ICON = style/favicon.png

$(ICON): style/favicon.svg tools/draw
	tools/draw style/favicon.svg 180 $@

tools/draw: tools/draw.o tools/image.o tools/util.o
	$(CC) $(OPTFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

deps:
	@sh tools/deps.sh build

test-deps: deps
	@sh tools/deps.sh test

tools/%.o: tools/%.c tools/*.h tools/messages.def | deps
	$(CC) $(ALL_CFLAGS) -c $< -o $@

tools/mixdown: tools/main.o $(MODULE_OBJS)
	$(CC) $(OPTFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

handbook: $(OUT)/handbook.epub

$(OUT)/handbook.epub: tools/mixdown $(STEMMER) $(ICON) $(BOOK_SRC) $(DATA_SRC)
	tools/mixdown build $(BOOK) -o $(OUT)

# ---- tests ----

tests/unit/test_%: tests/unit/test_%.c $(MODULE_OBJS) | deps
	$(CC) $(ALL_CFLAGS) -Itools -o $@ $< $(MODULE_OBJS) $(PKG_LIBS) -lcmocka

tools/asan/%.o: tools/%.c tools/*.h tools/messages.def | deps
	@mkdir -p tools/asan
	$(CC) $(ALL_CFLAGS) $(SANITIZE) -c $< -o $@

tools/mixdown-asan: tools/asan/main.o $(ASAN_OBJS)
	$(CC) $(OPTFLAGS) $(SANITIZE) -o $@ $^ $(PKG_LIBS)

tests/unit/asan_%: tests/unit/test_%.c $(ASAN_OBJS) | deps
	$(CC) $(ALL_CFLAGS) $(SANITIZE) -Itools -o $@ $< $(ASAN_OBJS) $(PKG_LIBS) -lcmocka

asan: tools/mixdown-asan $(UNIT_TESTS:tests/unit/test_%=tests/unit/asan_%)

check: test-deps tools/mixdown $(STEMMER) $(ICON) $(UNIT_TESTS) asan
	@sh tests/run.sh

# Benchmarks (never part of check): see tests/bench/run.sh for BENCH_SIZES, BENCH_RUNS,
# BENCH_TIMEOUT and BENCH_TOOLS.
bench: tools/mixdown $(STEMMER) $(ICON)
	@sh tests/bench/run.sh

regen: tools/mixdown $(STEMMER) $(ICON)
	@sh tests/xsl/run.sh --regen
	@sh tests/diag/run.sh --regen

# ---- fuzzing (not part of check; FUZZ_SECONDS sets the campaign's length) ----

FUZZ_SECONDS ?= 60
FUZZ_SOURCES = $(MODULES:%=tools/%.c) tests/fuzz/fuzz_book.c

tests/fuzz/fuzz_book: $(FUZZ_SOURCES) tools/*.h tools/messages.def | deps
	clang $(WARN) -O1 -g $(DEFS) -DFUZZ_DATADIR='"$(CURDIR)"' $(PKG_CFLAGS) -Itools \
	  -fsanitize=fuzzer,address,undefined -o $@ $(FUZZ_SOURCES) $(PKG_LIBS)

fuzz: tests/fuzz/fuzz_book $(ICON)
	@mkdir -p tests/out/fuzz-corpus
	@cp -n tests/xsl/*.xml tests/diag/*.xml tests/fuzz/regressions/* tests/out/fuzz-corpus/ 2>/dev/null || true
	tests/fuzz/fuzz_book -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -dict=tests/fuzz/docbook.dict -artifact_prefix=tests/out/fuzz- tests/out/fuzz-corpus

# ---- installation ----

install: tools/mixdown $(STEMMER) $(ICON)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	install -m 755 tools/mixdown $(DESTDIR)$(BINDIR)/mixdown
	install -m 644 mixdown.1 $(DESTDIR)$(MANDIR)/mixdown.1
	cp -R xsl style schema $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mixdown $(DESTDIR)$(MANDIR)/mixdown.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf tools/*.o tools/asan tools/mixdown tools/mixdown-asan tools/draw tests/unit/test_? \
	  $(UNIT_TESTS) $(UNIT_TESTS:tests/unit/test_%=tests/unit/asan_%) $(OUT) $(STEMMER) $(ICON)
