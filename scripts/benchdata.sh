#!/usr/bin/env bash
# Prints the path of a data folder of N messages from 2,000 customers
# (internal/tools/coldseed) for the benchmarks, making it first when
# needed. The folder is cached in build/bench/ and made again only when
# the database schema or the seeder changes; scripts/coldstart.sh and
# scripts/windowbench.sh share it.
#
#   scripts/benchdata.sh N
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:?usage: $0 messages}
out=build/bench
mkdir -p "$out"
key=$(cat persistence/migrations/*.sql internal/tools/coldseed/*.go | sha256sum | cut -c1-12)
data=$out/coldstart-$messages-$key
if [[ ! -f $data/parley.db ]]; then
	rm -rf "$out"/coldstart-* # older seeds
	# sqlite_fts5 compiles SQLite's full-text search, which the store needs.
	go run -tags "${PARLEY_TAGS:-sqlite_fts5}" ./internal/tools/coldseed -data "$data.tmp" -messages "$messages" >&2
	mv "$data.tmp" "$data"
fi
echo "$data"
