#!/bin/sh
# run.sh: books written the way real DocBook books are written, one small book per feature or
# element family. Each folder under tests/byob/ has its own run.sh; this runs them all in turn.
cd "$(dirname "$0")/../.." || exit 2
status=0
for part in tests/byob/*/run.sh; do
	[ -f "$part" ] || continue
	sh "$part" || status=1
done
exit $status
