# shellcheck shell=bash
# bin/cluster's up, down, status, logs. Sourced by bin/cluster.

cmd_up() {
    local empty=no
    while [ $# -gt 0 ]; do
        case "$1" in
            --empty) empty=yes; shift ;;
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
    local name
    for name in $(local_nodes); do
        pid_alive "$(node_dir "$name")/node.pid" || start_node "$name"
    done
    ensure_httpd
    ensure_forward
    # shellcheck disable=SC2046
    wait_ready $(local_nodes) || die "the cluster did not come up (bin/cluster status)"
    for name in $(local_nodes); do
        wait_balancer_state "$name" '^Init (Stby )?Ok$' 30 || die "httpd has not put $name in rotation (bin/cluster status)"
    done
    for name in $(node_names); do
        is_local "$name" || say "$name runs on $(node_host "$name"): start it there with the same nodes file"
    done
    [ "$NEW_DATABASE" = yes ] && [ "$empty" = no ] && load_demo
    echo "Soundwave is up: http://127.0.0.1:$HTTP_PORT/"
    echo "  balancer-manager: http://127.0.0.1:$HTTP_PORT/balancer-manager   status: bin/cluster status"
    if hosts_mode; then
        echo "  hosts: balancer $(host_ns lb) $LB_ADDR, PostgreSQL $(host_ns db) $PG_ADDR, $(for name in $(local_nodes); do printf '%s %s ' "$(host_ns "$name")" "$(node_host "$name")"; done)"
    fi
}

cmd_down() {
    stop_forward
    stop_httpd
    local dir pids=()
    # Every node directory, including nodes left from an 'up' with more nodes; in parallel.
    for dir in "$RUN"/nodes/*/; do
        [ -f "$dir/node.pid" ] && { stop_pid "$dir/node.pid" 60 & pids+=($!); }
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
    printf '%-7s %-8s %-8s %-22s %-20s %-6s %-10s %-12s %s\n' NODE ROLE PID ADDRESS BALANCER READY GRID DATABASE VERSION
    for name in $(node_names); do
        pid=-; pid_alive "$(node_dir "$name")/node.pid" && pid=$(cat "$(node_dir "$name")/node.pid")
        is_local "$name" || pid="remote"
        body=$(node_readiness "$name")
        ready=DOWN; [[ "$body" =~ \"status\":\ *\"UP\" ]] && [[ "$body" != *'"DOWN"'* ]] && ready=UP
        [ -z "$body" ] && ready=-
        members=$(readiness_field '.checks[]? | select(.name == "hazelcast") | .data.members' <<< "$body")
        version=$(readiness_field '.checks[]? | select(.name == "web") | .data.version' <<< "$body")
        # Whether the node reaches PostgreSQL (its readiness reports it without going DOWN over it).
        database=$(readiness_field '.checks[]? | select(.name == "database") | .data.reachable | tostring | if . == "true" then "reachable" else "unreachable" end' <<< "$body")
        state=$(balancer_state "$name"); state=${state:-?}
        printf '%-7s %-8s %-8s %-22s %-20s %-6s %-10s %-12s %s\n' "$name" "$(node_role "$name")" "$pid" \
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
    httpd_running && httpd="PID $(cat "$RUN/httpd/httpd.pid"), http://127.0.0.1:$HTTP_PORT/"
    if hosts_mode && httpd_running; then httpd+=" (forwarded to its host $(host_ns lb) $LB_ADDR:$HTTP_PORT)"; fi
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
