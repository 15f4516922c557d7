# Shared by the benchmark scripts (sourced, not run).
# run CMD...: the best wall time (s) over $REPEAT runs of CMD and that run's peak RSS
# (KB), from /usr/bin/time -v; CMD's standard output is left in $WORK/out.
run() {
    local best_wall="" best_rss="" i out wall rss
    for ((i = 0; i < REPEAT; i++)); do
        /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out" 2>/dev/null || true
        out=$(cat "$WORK/time.txt")
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, p, ":"); s = 0
            for (j = 1; j <= n; j++) s = s * 60 + p[j]
            print s }' <<<"$out")
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' <<<"$out")
        if [ -z "$best_wall" ] || awk "BEGIN{exit !($wall < $best_wall)}"; then
            best_wall=$wall best_rss=$rss
        fi
    done
    echo "$best_wall $best_rss"
}
