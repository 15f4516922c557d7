#!/usr/bin/env bash
# Wall time and peak memory of argmap's commands on generated maps of 1k to 1M nodes,
# next to serde_yaml alone parsing the same file. Results go in docs/performance.md.
#
#   bash benches/scale.sh                 # 1k, 10k, 100k, 1M nodes
#   SIZES="1000 10000" bash benches/scale.sh
#   REPEAT=3 bash benches/scale.sh        # best of 3 runs per cell (default 1)
#   STAGES="check dot" bash benches/scale.sh
#
# Stages (each a separate process, timed with /usr/bin/time -v):
#   yaml_value  serde_yaml into serde_yaml::Value (examples/parse_only.rs)
#   yaml_typed  serde_yaml into argmap's typed Map (examples/parse_only.rs)
#   load        argmap's own load (streaming deserializer) into the typed Map
#   check       argmap check MAP            (parse, every rule, quotes against the source)
#   support     argmap support MAP
#   dot         argmap render --format dot MAP
#   evaluate    argmap evaluate MAP         (grounded labelling)
#   compare     argmap compare MAP OTHER    (OTHER: the same size, another seed)
# Every time includes starting the process and reading the files.
set -euo pipefail

cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000 1000000"}
REPEAT=${REPEAT:-1}
STAGES=${STAGES:-"yaml_value yaml_typed load check support dot evaluate compare"}
WORK=${WORK:-/tmp/argmap-scale}
mkdir -p "$WORK"

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet --bin argmap --example parse_only
ARGMAP=$PWD/target/release/argmap
PARSE=$PWD/target/release/examples/parse_only

# run CMD...: best wall time and peak RSS (see lib.sh).
source "$(dirname "$0")/lib.sh"

printf '%-8s %9s %9s  %-10s %9s %10s %8s\n' nodes map_MB src_MB stage wall_s peak_MB rss/map
for n in $SIZES; do
    map=$WORK/m$n.yaml other=$WORK/o$n.yaml
    [ -f "$map" ] || "$ARGMAP" generate --nodes "$n" --seed 1 -o "$map"
    [ -f "$other" ] || "$ARGMAP" generate --nodes "$n" --seed 2 -o "$other"
    # Guard: the generated map must check clean, or the timings mean nothing.
    "$ARGMAP" check --deny warnings "$map" >/dev/null
    map_bytes=$(stat -c %s "$map")
    src_bytes=$(stat -c %s "${map%.yaml}.txt")
    for stage in $STAGES; do
        case $stage in
            yaml_value) cmd=("$PARSE" "$map" value) ;;
            yaml_typed) cmd=("$PARSE" "$map" typed) ;;
            load) cmd=("$PARSE" "$map" load) ;;
            check) cmd=("$ARGMAP" check "$map") ;;
            support) cmd=("$ARGMAP" support "$map") ;;
            dot) cmd=("$ARGMAP" render --format dot "$map") ;;
            evaluate) cmd=("$ARGMAP" evaluate "$map") ;;
            compare) cmd=("$ARGMAP" compare "$map" "$other") ;;
            *) echo "unknown stage $stage" >&2; exit 2 ;;
        esac
        read -r wall rss < <(run "${cmd[@]}")
        awk -v n="$n" -v mb="$map_bytes" -v sb="$src_bytes" -v st="$stage" -v w="$wall" -v r="$rss" \
            'BEGIN { printf "%-8d %9.1f %9.1f  %-10s %9.2f %10.1f %8.1f\n",
                     n, mb / 1e6, sb / 1e6, st, w, r * 1024 / 1e6, r * 1024 / mb }'
    done
done
