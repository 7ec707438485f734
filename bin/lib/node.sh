# shellcheck shell=bash
# bin/cluster's Payara Micro nodes: start, readiness, stop. Sourced by bin/cluster.

hazelcast_members() {
    local name members=""
    for name in $(node_names); do members+="${members:+,}$(node_host "$name"):$(node_hz_port "$name")"; done
    echo "$members"
}

# The rotated, bounded log of every node and of httpd: "${ROTATELOGS[@]} FILE FILE SIZE" writes standard
# input to files FILE.<seconds> of at most SIZE each, keeps the newest LOG_FILES (bin/lib/prune-logs) and
# links FILE to the current one.
ROTATELOGS=(/usr/bin/env "LOG_FILES=$LOG_FILES" /usr/bin/rotatelogs -p "$ROOT/bin/lib/prune-logs" -L)

# rotated_log FILE: standard input into FILE's rotated log (a node's output).
rotated_log() { exec setsid "${ROTATELOGS[@]}" "$1" "$1" "$LOG_ROTATE_SIZE" >/dev/null 2>&1; }

# start_node NAME [WAR]: starts a node of this host on the cluster's WAR (or the given one, for a deploy).
start_node() {
    local name=$1 war=${2:-$APP/soundwave.war} dir port hz host
    dir=$(node_dir "$name"); port=$(node_port "$name"); hz=$(node_hz_port "$name"); host=$(node_host "$name")
    is_local "$name" || die "$name runs on $host: start it there (bin/cluster up with the same nodes file)"
    if pid_alive "$dir/node.pid"; then return 0; fi
    mkdir -p "$dir"
    rm -rf "$dir/root"   # a fresh server directory each start: no stale deployments
    # The node's HTTP listener binds to its own address only.
    sed "s/http-listener.address=127.0.0.1/http-listener.address=$host/" "$ROOT/domain-config/preboot.asadmin" > "$dir/preboot.asadmin"
    printf '%s\n' "$war" > "$dir/node.war"
    # node.log names the current file of the node's rotated log (rotatelogs -L): each start begins a new one.
    rm -f "$dir/node.log" "$dir/log.offset"
    say "starting $name ($(node_role "$name")) on $host:$port, Hazelcast $hz"
    on_host "$name"
    # shellcheck disable=SC2086  # the JVM option strings are word lists
    SOUNDWAVE_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/soundwave?ApplicationName=soundwave-$name" \
    SOUNDWAVE_DB_USER=soundwave \
    SOUNDWAVE_DB_PASSWORD=$(cat "$SECRETS/db-password") \
    SOUNDWAVE_ADMIN_PASSWORD=$(cat "$SECRETS/admin-password") \
    SOUNDWAVE_SECRETS_DIR="$SECRETS" \
    SOUNDWAVE_JWT_PRIVATE_KEY_LOCATION="$SECRETS/jwt-private.pem" \
    SOUNDWAVE_WARMUP_URL="http://$host:$port" \
    SOUNDWAVE_BALANCER_ADDRESS="$LB_ADDR" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$SECRETS/jwt-public.pem" \
    "${ON_HOST[@]+"${ON_HOST[@]}"}" setsid java -Xms"$NODE_HEAP" -Xmx"$NODE_HEAP" $NODE_JVM_OPTS $NODE_EXTRA_JVM_OPTS $NODE_HAZELCAST_OPTS \
        -DjvmRoute="$name" -Dsoundwave.node.name="$name" \
        -jar "$APP/payara-micro.jar" \
        --name "$name" --port "$port" --startport "$hz" --interfaces "$host" \
        --clustername "$CLUSTER_NAME" --clustermode "tcpip:$(hazelcast_members)" \
        --disablephonehome --rootdir "$dir/root" \
        --prebootcommandfile "$dir/preboot.asadmin" \
        --postbootcommandfile "$ROOT/domain-config/postboot.asadmin" \
        --logproperties "$ROOT/domain-config/logging.properties" \
        --contextroot / --deploy "$war" \
        </dev/null > >(rotated_log "$dir/node.log") 2>&1 &
    echo $! > "$dir/node.pid"
}

# The node's readiness body ("" if it does not answer).
node_readiness() { curl -s -m 3 "$(node_url "$1")/health/ready" 2>/dev/null || true; }

# readiness_field JQ-FILTER: a value from a readiness body on stdin ("" when absent or not JSON), e.g.
# readiness_field '.checks[] | select(.name == "web") | .status'.
readiness_field() { jq -r "($1) // empty" 2>/dev/null | head -1 || true; }

# check_status NAME: the status of the readiness check NAME, from a readiness body on stdin.
check_status() { readiness_field ".checks[]? | select(.name == \"$1\") | .status"; }

# Ready means the application's own checks are UP: Payara answers 200 with no checks at all while the
# WAR is still deploying, or when it failed to deploy. The warm-up pass (platform/health/WarmUp) runs
# once the web module is up; the node is ready when it has finished.
node_ready() {
    local body; body=$(node_readiness "$1")
    [ "$(check_status web <<< "$body")" = UP ] && [ "$(check_status warm-up <<< "$body")" = UP ]
}

# The build a node runs, from its readiness ("" while it is not up).
node_version() { node_readiness "$1" | readiness_field '.checks[]? | select(.name == "web") | .data.version'; }

# A node whose WAR failed to deploy keeps running with nothing deployed: Payara has finished starting
# (its log since this start, which begins a new file, says "ready in") and its own readiness says no
# application is deployed.
node_deploy_failed() {
    grep -q 'Payara Micro .* ready in' "$(node_dir "$1")/node.log" 2>/dev/null \
        && node_readiness "$1" | grep -q '"name":"No Application deployed"'
}

# wait_ready [--timeout S] NAME...: until each node's readiness is UP; fails fast when a node's process
# dies or its WAR fails to deploy.
wait_ready() {
    local timeout=$NODE_READY_TIMEOUT
    [ "${1:-}" = --timeout ] && { timeout=$2; shift 2; }
    local name deadline=$((SECONDS + timeout)) pending=("$@") still
    while [ ${#pending[@]} -gt 0 ]; do
        still=()
        for name in "${pending[@]}"; do
            if node_ready "$name"; then
                say "$name is ready"
            elif ! pid_alive "$(node_dir "$name")/node.pid"; then
                tail -30 "$(node_dir "$name")/node.log" >&2 || true
                say "$name exited while starting (logs: bin/cluster logs $name)"
                return 1
            elif node_deploy_failed "$name"; then
                say "$name could not deploy its WAR (logs: bin/cluster logs $name)"
                return 1
            else
                still+=("$name")
            fi
        done
        pending=("${still[@]+"${still[@]}"}")
        [ ${#pending[@]} -eq 0 ] && break
        [ $SECONDS -lt $deadline ] || { say "not ready after ${timeout}s: ${pending[*]}"; return 1; }
        sleep 1
    done
}

stop_node() {
    local name=$1
    if pid_alive "$(node_dir "$name")/node.pid"; then
        say "stopping $name"
        stop_pid "$(node_dir "$name")/node.pid" 60
    fi
}
