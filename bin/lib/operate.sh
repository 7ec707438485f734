# shellcheck shell=bash
# bin/cluster's up, down, status, logs. Sourced by bin/cluster.

cmd_up() {
    local empty=no wait=one
    while [ $# -gt 0 ]; do
        case "$1" in
            --empty) empty=yes; shift ;;
            --wait) wait=all; shift ;;
            *) die "up: unknown option $1" ;;
        esac
    done
    NEW_DATABASE=no
    ensure_packages "${CLUSTER_PACKAGES[@]}"
    if hosts_mode; then ensure_packages "${HOSTS_PACKAGES[@]}"; fi
    ensure_built
    ensure_secrets
    save_settings
    ensure_host_network
    ensure_postgres
    # A node the previous up left to start in the background is started first.
    while pid_alive "$RUN/starting.pid"; do sleep 0.5; done
    local name down=() serving=no
    for name in $(local_nodes); do
        if pid_alive "$(node_dir "$name")/node.pid"; then
            node_ready "$name" && serving=yes
        else
            down+=("$name")
        fi
    done
    # From nothing, the first active node starts alone, with both cores to itself, and the others once it
    # is ready (in the background: starting.pid); with --wait, or when a node already serves, all at once.
    local now=("${down[@]+"${down[@]}"}") later=()
    if [ $wait = one ] && [ $serving = no ] && [ ${#down[@]} -gt 1 ]; then
        now=("${down[0]}")
        later=("${down[@]:1}")
    fi
    for name in "${now[@]+"${now[@]}"}"; do start_node "$name"; done
    ensure_httpd
    ensure_forward
    # After httpd's (re)start, which sets every member's full share: the nodes starting now enter rotation
    # with a small one that grows (slow_start).
    for name in "${now[@]+"${now[@]}"}"; do slow_start "$name"; done
    if [ ${#later[@]} -gt 0 ]; then
        say "${later[*]} start once ${now[0]} is ready"
        ( start_after "${now[0]}" "${later[@]}" ) </dev/null >>"$RUN/starting.log" 2>&1 &
        echo $! > "$RUN/starting.pid"
    fi
    # The site serves as soon as one active node is ready; the others enter rotation as httpd's health
    # check finds each ready (--wait: up returns once all are).
    local first=() ready=() pending=()
    if [ $wait = all ]; then
        # shellcheck disable=SC2046
        wait_ready $(local_nodes) || die "the cluster did not come up (bin/cluster status)"
    else
        for name in $(local_nodes); do
            [ "$(node_role "$name")" = active ] && pid_alive "$(node_dir "$name")/node.pid" && first+=("$name")
        done
        [ ${#first[@]} -gt 0 ] || first=("${now[@]}")
        wait_ready --any "${first[@]}" || die "no node came up (bin/cluster status)"
    fi
    for name in $(local_nodes); do
        if node_ready "$name"; then ready+=("$name"); else pending+=("$name"); fi
    done
    for name in "${ready[@]}"; do
        wait_balancer_state "$name" '^Init (Stby )?Ok$' 30 || die "httpd has not put $name in rotation (bin/cluster status)"
    done
    for name in $(node_names); do
        is_local "$name" || say "$name runs on $(node_host "$name"): start it there with the same nodes file"
    done
    [ "$NEW_DATABASE" = yes ] && [ "$empty" = no ] && load_demo
    echo "Soundwave is up: http://127.0.0.1:$HTTP_PORT/ and https://127.0.0.1:$HTTPS_PORT/ (served by ${ready[*]})"
    if [ ${#pending[@]} -gt 0 ]; then
        echo "  still starting: ${pending[*]}; httpd puts each in rotation once it is ready (bin/cluster status shows how far each is)"
    fi
    echo "  balancer-manager: http://127.0.0.1:$HTTP_PORT/balancer-manager   status: bin/cluster status"
    echo "  TLS certificate: $EDGE_CERT$([ "$HTTPS_REDIRECT" = yes ] && echo "; plain HTTP redirects to HTTPS")"
    if hosts_mode; then
        echo "  hosts: balancer $(host_ns lb) $LB_ADDR, PostgreSQL $(host_ns db) $PG_ADDR, $(for name in $(local_nodes); do printf '%s %s ' "$(host_ns "$name")" "$(node_host "$name")"; done)"
    fi
}

# start_after FIRST NAME...: once FIRST is ready (or has failed), starts the others (up's background part).
start_after() {
    local first=$1 name; shift
    wait_ready "$first" || true
    for name in "$@"; do
        pid_alive "$(node_dir "$name")/node.pid" || { start_node "$name"; slow_start "$name"; }
    done
    # Until they are ready (which also gives their JVMs the normal CPU priority back).
    wait_ready "$@" || true
    rm -f "$RUN/starting.pid"
}

cmd_down() {
    stop_pid "$RUN/starting.pid" 5
    stop_forward
    stop_httpd
    local dir pids=()
    # Every node directory, including nodes left from an 'up' with more nodes; in parallel.
    cds_archive   # once, for every node's cds_settle below
    for dir in "$RUN"/nodes/*/; do
        [ -f "$dir/ramp.pid" ] && stop_pid "$dir/ramp.pid" 5
        [ -f "$dir/node.pid" ] && { ( stop_pid "$dir/node.pid" 60; cds_settle "$(basename "$dir")" ) & pids+=($!); }
    done
    for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" || true; done
    stop_postgres
    stop_delay_proxy
    remove_host_network
    say "down"
}

# metric_sum TEXT NAME [LABEL_FILTER]: the sum of a metric's series in a node's Prometheus text (0 when
# the node has none yet, e.g. no request of an endpoint or no 5xx).
metric_sum() {
    awk -v name="$2" -v filter="${3:-}" '
        index($0, name "{") == 1 || index($0, name " ") == 1 {
            if (filter == "" || index($0, filter) > 0) { sum += $NF }
        }
        END { printf "%.6g", sum }' <<< "$1"
}

cmd_status() {
    local name pid state ready body members version database
    printf '%-7s %-8s %-8s %-22s %-20s %-8s %-10s %-12s %s\n' NODE ROLE PID ADDRESS BALANCER READY GRID DATABASE VERSION
    for name in $(node_names); do
        pid=-; pid_alive "$(node_dir "$name")/node.pid" && pid=$(cat "$(node_dir "$name")/node.pid")
        is_local "$name" || pid="remote"
        body=$(node_readiness "$name")
        # UP, DOWN (drained, grid or database trouble), or the phase of a node still starting.
        ready=$(node_phase "$name" "$body")
        if [ "$ready" = ready ]; then
            ready=DOWN; [[ "$body" =~ \"status\":\ *\"UP\" ]] && [[ "$body" != *'"DOWN"'* ]] && ready=UP
        fi
        if [ -z "$body" ]; then
            pid_alive "$(node_dir "$name")/node.pid" || ready=-
        fi
        members=$(readiness_field '.checks[]? | select(.name == "hazelcast") | .data.members' <<< "$body")
        version=$(readiness_field '.checks[]? | select(.name == "web") | .data.version' <<< "$body")
        # Whether the node reaches PostgreSQL (its readiness reports it without going DOWN over it).
        database=$(readiness_field '.checks[]? | select(.name == "database") | .data.reachable | tostring | if . == "true" then "reachable" else "unreachable" end' <<< "$body")
        state=$(balancer_state "$name"); state=${state:-?}
        # A node in its slow start: its share of new visitors, as a load factor out of 100.
        pid_alive "$(node_dir "$name")/ramp.pid" && state+=" lf=$(balancer_factor "$name")"
        printf '%-7s %-8s %-8s %-22s %-20s %-8s %-10s %-12s %s\n' "$name" "$(node_role "$name")" "$pid" \
            "$(node_host "$name"):$(node_port "$name")" "$state" "$ready" "${members:+$members members}" \
            "${database:--}" "${version:--}"
    done
    # The cluster view: each node's own metrics (/metrics), side by side.
    local text hits misses ratio queue=""
    echo
    printf '%-7s %9s %7s %6s %9s %9s %8s %8s %10s\n' NODE REQUESTS ACTIVE 5XX HEAP-MB GC-S DB-CONN POOL-MAX CACHE-HIT%
    for name in $(node_names); do
        text=$(curl -s -m 3 "$(node_url "$name")/metrics" 2>/dev/null || true)
        if [[ "$text" != *memory_usedHeap_bytes* ]]; then
            printf '%-7s %9s\n' "$name" "(no metrics: node down or still starting)"
            continue
        fi
        hits=$(metric_sum "$text" soundwave_cache_hits_total)
        misses=$(metric_sum "$text" soundwave_cache_misses_total)
        ratio=$(awk -v h="$hits" -v m="$misses" 'BEGIN { if (h + m > 0) printf "%.1f", 100 * h / (h + m); else printf "-" }')
        printf '%-7s %9s %7s %6s %9s %9s %8s %8s %10s\n' "$name" \
            "$(metric_sum "$text" soundwave_http_requests_seconds_count)" \
            "$(metric_sum "$text" soundwave_http_requests_active)" \
            "$(metric_sum "$text" soundwave_http_responses_total 'status="5xx"')" \
            "$(awk -v b="$(metric_sum "$text" memory_usedHeap_bytes)" 'BEGIN { printf "%.0f", b / 1048576 }')" \
            "$(metric_sum "$text" gc_time_seconds_total)" \
            "$(metric_sum "$text" soundwave_db_connections)" \
            "$(metric_sum "$text" soundwave_db_pool_max)" "$ratio"
        [ -n "$queue" ] || queue="order queue: $(metric_sum "$text" soundwave_orders_queue_depth) steps queued, $(metric_sum "$text" soundwave_orders_queue_due) due, oldest due waited $(metric_sum "$text" soundwave_orders_queue_oldest_seconds) s"
    done
    echo
    local httpd=stopped pg=stopped
    httpd_running && httpd="PID $(cat "$RUN/httpd/httpd.pid"), http://127.0.0.1:$HTTP_PORT/ and https://127.0.0.1:$HTTPS_PORT/"
    if hosts_mode && httpd_running; then httpd+=" (forwarded to its host $(host_ns lb) $LB_ADDR)"; fi
    pg=$(postgres_state)
    [ -n "$queue" ] && echo "$queue"
    echo "httpd:      $httpd"
    echo "postgresql: $pg$(if hosts_mode; then echo " (host $(host_ns db), $(db_delay_ms) ms delay each way)"; fi)"
    echo "nodes file: $NODES_FILE"
    echo "run dir:    $RUN"
}

cmd_logs() {
    local target=${1:-} follow=${2:-} file
    case "$target" in
        httpd) file="$RUN/httpd/error.log" ;;
        httpd-access) file="$RUN/httpd/access.log" ;;
        postgres) file="$PG_DIR/postgres.log" ;;
        "") die "usage: bin/cluster logs NODE [-f]" ;;
        *) check_node "$target"; file="$(node_dir "$target")/node.log" ;;
    esac
    [ -f "$file" ] || die "no log yet: $file"
    if [ "$follow" = -f ]; then exec tail -n 100 -F "$file"; else tail -n 200 "$file"; fi
}
