#!/bin/sh
# run.sh: golden tests of every output around the text, which tests/xsl/ leaves out: the page
# frame (head, header, navigation, footer) of one page, the 404 page and the sitemap of the site
# built with --base-url, and the EPUB's content document, package, nav and NCX, all of the small
# book.xml here, built at a fixed SOURCE_DATE_EPOCH. NAME.golden holds output NAME, one tag a
# line for readable diffs. `--regen` rewrites the goldens; read their diff before committing.
. tests/lib.sh
[ "${1:-}" = --regen ] && REGEN=yes
out=$TEST_TMP/frame
rm -rf "$out"
mkdir -p "$out/actual"

# One tag a line.
one_tag_a_line() { sed 's/></>\n</g' "$1"; }

if SOURCE_DATE_EPOCH=1700000000 "$MIXDOWN" build tests/frame/book.xml -o "$out/build" \
	--base-url https://example.org/frame/ >/dev/null 2>"$out/build.err" && [ ! -s "$out/build.err" ]; then
	ok "frame: the small book builds without a message"
else
	not_ok "frame: the small book builds without a message" "$(head -20 "$out/build.err")"
fi
unzip -q -o "$out/build/book.epub" -d "$out/epub" 2>/dev/null

for output in html/first.html html/404.html html/sitemap.xml \
	epub/OEBPS/first.xhtml epub/OEBPS/package.opf epub/OEBPS/nav.xhtml epub/OEBPS/toc.ncx; do
	name=$(echo "$output" | sed 's|^html/|site-|; s|^epub/OEBPS/|epub-|')
	case $output in html/*) file=$out/build/$output ;; *) file=$out/$output ;; esac
	if [ -f "$file" ]; then
		one_tag_a_line "$file" >"$out/actual/$name"
		compare_golden "frame: $name" "$out/actual/$name" "tests/frame/$name.golden"
	else
		not_ok "frame: $name" "no $output in the build"
	fi
done

# Every file mixdown writes beside the pages is named in tools/layout.c alone: no other C file,
# stylesheet or script spells one of its names, its folders, or the EPUB's content folder.
names=$(sed -n 's/.*{"file-[a-z-]*", \(ASSETS_DIR \)\{0,1\}"\([^"]*\)"}.*/\2/p' tools/layout.c)
pattern="[\"'](assets/|OEBPS/|html/|[^\"']+\\.epub[\"']$(for n in $names; do printf '|%s' "$n"; done))"
spelled=$(grep -nE "$pattern" tools/*.c tools/*.h xsl/*/*.xsl style/*.js 2>/dev/null |
	grep -v '^tools/layout\.[ch]:' | grep -vE '^[^:]*:[0-9]+:\s*(/?\*|//|<!--)')
if [ "$(echo "$names" | wc -w)" -ge 16 ] && [ -z "$spelled" ]; then
	ok "frame: the output's file names are spelled only in tools/layout.c ($(echo "$names" | wc -w) names)"
else
	not_ok "frame: the output's file names are spelled only in tools/layout.c" "names: $names
$spelled"
fi
done_testing
