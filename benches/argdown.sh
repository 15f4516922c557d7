#!/usr/bin/env bash
# argmap side by side with Argdown's CLI (@argdown/cli, from the npm registry) on the
# same generated maps: argmap reads the YAML, Argdown reads argmap's `argdown` export
# of it. Prints wall times, peak memory and the ratios. Results: docs/performance.md.
#
#   bash benches/argdown.sh                      # 1k, 10k and 100k nodes
#   SIZES="1000 10000" REPEAT=3 bash benches/argdown.sh
#
# Needs node and npm; installs the CLI once under $PEER (default /tmp/argdown-peer),
# never in the repository, from tests/argdown/package.json. Not part of CI.
#
# What is timed (each a separate process, /usr/bin/time -v, best of REPEAT runs):
#   argmap check MAP.yaml               vs  argdown json FILE.argdown   (parse + model)
#   argmap render --format dot MAP.yaml vs  argdown map -f dot FILE.argdown
# Both sides start a process and read their file; `argmap check` also verifies every
# quote against the source text, which Argdown has no counterpart for.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000"}
REPEAT=${REPEAT:-1}
WORK=${WORK:-/tmp/argmap-argdown}
PEER=${PEER:-/tmp/argdown-peer}
mkdir -p "$WORK" "$PEER"

for tool in node npm /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done

# The CLI the tests use, pinned by tests/argdown/package.json and its lock (@argdown/cli
# 2.0.0 with @argdown/markdown-it-plugin pinned to 1.7.7, which the registry has: the
# `markdown` command then fails; `json` and `map` work).
if [ ! -f "$PEER/node_modules/@argdown/cli/dist/cli.js" ] \
    || ! cmp -s tests/argdown/package-lock.json "$PEER/package-lock.json"; then
    cp tests/argdown/package.json tests/argdown/package-lock.json "$PEER/"
    (cd "$PEER" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
# A larger stack: the Argdown parser recurses per statement and overflows the default
# one on files of 125k statements and more.
ARGDOWN=(node --stack-size=4000 "$PEER/node_modules/@argdown/cli/dist/cli.js")

cargo build --release --quiet --bin argmap
ARGMAP=$PWD/target/release/argmap

# run CMD...: best wall time and peak RSS (see lib.sh).
source "$(dirname "$0")/lib.sh"

row() { # nodes task argmap_wall argmap_rss argdown_wall argdown_rss
    awk -v n="$1" -v t="$2" -v aw="$3" -v ar="$4" -v dw="$5" -v dr="$6" 'BEGIN {
        printf "%-8d %-12s %9.2f %9.1f %10.2f %10.1f %8.1fx\n",
               n, t, aw, ar / 1024, dw, dr / 1024, (aw > 0 ? dw / aw : 0) }'
}

: >"$WORK/empty.argdown"
read -r start_wall start_rss < <(run "${ARGDOWN[@]}" json --stdout --silent "$WORK/empty.argdown")
echo "Argdown start-up alone (json of an empty file): ${start_wall} s, $((start_rss / 1024)) MB"
echo
printf '%-8s %-12s %9s %9s %10s %10s %9s\n' nodes task argmap_s argmap_MB argdown_s argdown_MB ratio
for n in $SIZES; do
    map=$WORK/m$n.yaml ad=$WORK/m$n.argdown
    [ -f "$map" ] || "$ARGMAP" generate --nodes "$n" --seed 1 -o "$map"
    "$ARGMAP" render --format argdown "$map" -o "$ad"
    read -r cw cr < <(run "$ARGMAP" check "$map")
    read -r jw jr < <(run "${ARGDOWN[@]}" json --stdout --silent "$ad")
    statements=$(node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        console.log(Object.keys(d.statements || {}).length)' "$WORK/out" 2>/dev/null || echo "?")
    read -r dw dr < <(run "$ARGMAP" render --format dot "$map")
    read -r mw mr < <(run "${ARGDOWN[@]}" map -f dot --stdout --silent "$ad")
    row "$n" "check/json" "$cw" "$cr" "$jw" "$jr"
    row "$n" "dot" "$dw" "$dr" "$mw" "$mr"
    row "$n" "both" "$(awk "BEGIN{print $cw + $dw}")" "$(( cr > dr ? cr : dr ))" \
        "$(awk "BEGIN{print $jw + $mw}")" "$(( jr > mr ? jr : mr ))"
    echo "         ($(stat -c %s "$map") bytes of YAML, $(stat -c %s "$ad") of Argdown; Argdown read $statements statements)"
done
