# Measuring ab runs against a cluster that bin/cluster runs: sourced by loadtest/run and loadtest/cache-effect.
# Needs: RUN (run directory), WORK (a scratch directory), the settings of $RUN/cluster.conf, CLK_TCK.

# sql TEXT: one value from the application's database.
sql() {
    PGPASSWORD=$(cat "$RUN/secrets/db-password") psql -X -tA -h "${SOUNDWAVE_PG_ADDR:-127.0.0.1}" -p "$SOUNDWAVE_PG_PORT" -U soundwave -d soundwave -c "$1"
}

# node_url NODE: a node's own URL (its host and port in the nodes file: loopback, or its host with --hosts).
node_url() { awk -v n="$1" '$1 == n { print "http://" $2 ":" $3; exit }' "$SOUNDWAVE_NODES_FILE"; }

# The processes measured: name and PID (PostgreSQL: the postmaster and all its backends).
processes() {
    local f
    for f in "$RUN"/nodes/*/node.pid; do
        [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && echo "$(basename "$(dirname "$f")") $(cat "$f")"
    done
    [ -f "$RUN/httpd/httpd.pid" ] && echo "httpd $(cat "$RUN/httpd/httpd.pid")"
    echo "postgres $(head -1 "$(readlink -f "$RUN/postgres")/data/postmaster.pid")"
}

# tree PID: the PID and its descendants (httpd's and PostgreSQL's workers).
tree() { echo "$1"; pgrep -P "$1" 2>/dev/null | while read -r child; do tree "$child"; done; }

# cpu_ticks PID: user + system clock ticks of the process tree so far. Each process counts its own
# time and that of its children that have exited (cutime, cstime), so a PostgreSQL backend that ends
# during a run still counts: its time moves to the postmaster.
cpu_ticks() {
    local total=0 p stat
    for p in $(tree "$1"); do
        stat=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        stat=${stat##*) }
        total=$((total + $(awk '{print $12 + $13 + $14 + $15}' <<< "$stat")))
    done
    echo "$total"
}

# pss_kb PID: proportional memory of the process tree: pages shared by several processes (PostgreSQL's
# shared buffers) are split among them, so the sum is what the tree really occupies.
pss_kb() {
    local total=0 p kb
    for p in $(tree "$1"); do
        kb=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null) || continue
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

statements() { sql "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'soundwave'"; }

# sample_peaks FILE: every half second, each process tree's memory; keeps the peak per name in FILE.
sample_peaks() {
    local out=$1 name pid kb
    declare -A peak=()
    while true; do
        while read -r name pid; do
            kb=$(pss_kb "$pid")
            [ "${peak[$name]:-0}" -ge "$kb" ] || peak[$name]=$kb
        done < "$WORK/processes"
        for name in "${!peak[@]}"; do echo "$name ${peak[$name]}"; done > "$out.tmp" && mv "$out.tmp" "$out"
        sleep 0.5
    done
}

# access_mark: where httpd's access log is now ("<inode of its current file> <lines in it>").
access_mark() { echo "$(stat -c %i "$RUN/httpd/access.log") $(wc -l < "$RUN/httpd/access.log")"; }

# access_lines_since MARK: the access log's lines written since the mark, also across a rotation (the log
# is access.log.<seconds> files, access.log linking the current one).
access_lines_since() {
    local inode=${1%% *} lines=${1##* } file found=no
    for file in $(find "$RUN/httpd" -maxdepth 1 -name 'access.log.[0-9]*' | sort -V); do
        if [ "$found" = yes ]; then
            cat "$file"
        elif [ "$(stat -c %i "$file")" = "$inode" ]; then
            tail -n +"$((lines + 1))" "$file"
            found=yes
        fi
    done
}

# The fields measure_ab appends after the label, in order (for readers of $WORK/results).
MEASURED_FIELDS=(rps mean p50 p95 p99 max complete failed non2xx bytes sps cpu mem served)

# measure_ab LABEL AB-ARGUMENT...: runs ab with the arguments and appends "LABEL|rps|mean|p50|p95|p99|max|
# complete|failed|non2xx|bytes|sql/s|cpu|mem|served" to $WORK/results: ab's figures, SQL statements per
# second (pg_stat_statements), CPU seconds and peak PSS per process, and requests per node (httpd's
# access log). ab's own output stays in $WORK/ab.txt.
measure_ab() {
    local label=$1 name pid
    shift
    processes > "$WORK/processes"
    declare -A before=()
    while read -r name pid; do before[$name]=$(cpu_ticks "$pid"); done < "$WORK/processes"
    local statements_before started ended log_before
    statements_before=$(statements)
    log_before=$(access_mark)
    started=$(date +%s.%N)
    : > "$WORK/peaks"
    sample_peaks "$WORK/peaks" &
    local sampler=$!
    ab "$@" > "$WORK/ab.txt" 2>&1 || true
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
    ended=$(date +%s.%N)
    local elapsed sps cpu="" mem="" served field
    local -A figures=()
    elapsed=$(awk -v a="$started" -v b="$ended" 'BEGIN {print b - a}')
    sps=$(awk -v n="$(( $(statements) - statements_before ))" -v t="$elapsed" 'BEGIN {printf "%.0f", n / t}')
    figures[rps]=$(awk '/^Requests per second/ {print $4}' "$WORK/ab.txt")
    figures[mean]=$(awk '/^Time per request:.*\(mean\)$/ {print $4}' "$WORK/ab.txt")
    for field in 50 95 99; do figures[p$field]=$(awk -v f="$field%" '$1 == f {print $2}' "$WORK/ab.txt"); done
    figures[max]=$(awk '$1 == "100%" {print $2}' "$WORK/ab.txt")
    figures[complete]=$(awk '/^Complete requests/ {print $3}' "$WORK/ab.txt")
    figures[failed]=$(awk '/^Failed requests/ {print $3}' "$WORK/ab.txt")
    figures[non2xx]=$(awk '/^Non-2xx responses/ {print $3}' "$WORK/ab.txt")
    figures[bytes]=$(awk '/^Total transferred/ {print $3}' "$WORK/ab.txt")
    [ -n "${figures[rps]}" ] || { cat "$WORK/ab.txt" >&2; echo "loadtest: ab produced no result for $label" >&2; exit 1; }
    while read -r name pid; do
        cpu+="$name=$(awk -v t="$(( $(cpu_ticks "$pid") - before[$name] ))" -v hz="$CLK_TCK" 'BEGIN {printf "%.1f", t / hz}') "
        mem+="$name=$(awk -v name="$name" '$1 == name {printf "%.0f", $2 / 1024; found = 1} END {if (!found) print "?"}' "$WORK/peaks") "
    done < "$WORK/processes"
    # (nothing when ab bypassed httpd: a run straight at a node)
    served=$(access_lines_since "$log_before" | { grep -o 'route=node[0-9]*' || true; } | sort | uniq -c \
        | awk '{sub("route=", "", $2); printf "%s=%s ", $2, $1}')
    echo "$label|${figures[rps]}|${figures[mean]}|${figures[p50]}|${figures[p95]}|${figures[p99]}|${figures[max]}|${figures[complete]}|${figures[failed]:-0}|${figures[non2xx]:-0}|${figures[bytes]:-0}|$sps|${cpu% }|${mem% }|${served% }" >> "$WORK/results"
}

# member_cookies: registers a new member through the API, signs it in through the sign-in page as a browser
# would, and prints the Cookie header value of its replicated session ("JSESSIONID=...; JSESSIONIDVERSION=...").
member_cookies() {
    local name jar page viewstate
    name="lt$(date +%s%N | tail -c 9)"
    jar=$(mktemp -p "$WORK")
    curl -s -o /dev/null -H 'Content-Type: application/json' "$BASE/api/auth/register" \
        -d "{\"username\":\"$name\",\"email\":\"$name@example.com\",\"password\":\"load test member\"}"
    page=$(curl -s -c "$jar" -b "$jar" "$BASE/sign-in")
    viewstate=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<< "$page" | sed 's/.*value="//; s/"$//' | head -1)
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode signin=signin --data-urlencode "signin:username=$name" \
        --data-urlencode "signin:password=load test member" --data-urlencode "signin:submit=Sign in" \
        --data-urlencode "jakarta.faces.ViewState=$viewstate" "$BASE/sign-in"
    awk '$6 ~ /^JSESSIONID/ {printf "%s%s=%s", sep, $6, $7; sep = "; "} END {print ""}' "$jar"
}
