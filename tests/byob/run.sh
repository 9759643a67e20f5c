#!/bin/sh
# run.sh: books written the way real DocBook books are written, one small book per feature or
# element family. Each folder under tests/byob/ has its own run.sh, a part that ends with
# done_testing (see tests/lib.sh); this runs them all in turn, each held to its own plan.
cd "$(dirname "$0")/../.." || exit 2
. tests/lib.sh
for part in tests/byob/*/run.sh; do
	[ -f "$part" ] || continue
	run_part "byob: $(basename "$(dirname "$part")")" sh "$part"
done
done_testing
