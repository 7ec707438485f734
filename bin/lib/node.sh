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

# Class-data sharing (JDK 17's dynamic AppCDS archives): the classes a node loads while it starts, parsed
# and verified once into an archive that later starts map instead (a node starts ~3-4 s and ~5 s of CPU
# sooner: 15,000 of its 22,000 classes come from it). The archive belongs to one Payara Micro jar and
# one JDK, so its name carries both; cds_archive works it out once per command into CDS_ARCHIVE (it runs
# java -version, seconds under load). The first node started without one records it
# (-XX:ArchiveClassesAtExit) and writes it when it stops (about 11 s more), into a temporary file that
# stop_node renames once the JVM has exited by itself; a node killed meanwhile leaves no archive, and the
# next start records one again.
cds_archive() {
    if [ -z "${CDS_ARCHIVE:-}" ]; then
        local jdk
        jdk=$(java -version 2>&1 | cksum | cut -d' ' -f1)
        CDS_ARCHIVE="$APP/cds/payara-$(stat -c '%s-%Y' "$APP/payara-micro.jar" 2>/dev/null || echo none)-jdk$jdk.jsa"
    fi
}

# cds_options NAME: the JVM options that use the archive, or record it (one node at a time), or nothing.
cds_options() {
    local name=$1 archive recorder
    cds_archive
    archive=$CDS_ARCHIVE
    if [ -s "$archive" ]; then
        echo "-XX:SharedArchiveFile=$archive"
        return
    fi
    mkdir -p "$(dirname "$archive")"
    recorder=$(cat "$archive.recorder" 2>/dev/null || true)
    if [ -n "$recorder" ] && [ "$recorder" != "$name" ] && pid_alive "$(node_dir "$recorder")/node.pid"; then
        return   # another node records it
    fi
    rm -f "$archive".*.tmp
    echo "$name" > "$archive.recorder"
    echo "-XX:ArchiveClassesAtExit=$archive.$name.tmp"
}

# cds_settle NAME: after NAME's JVM has ended: the archive it recorded, if it exited by itself, is kept.
cds_settle() {
    local name=$1 archive
    cds_archive
    archive=$CDS_ARCHIVE
    [ -f "$archive.$name.tmp" ] || return 0
    if [ "${STOP_KILLED:-no}" = no ] && [ -s "$archive.$name.tmp" ]; then
        mv "$archive.$name.tmp" "$archive"
        say "$name wrote the class-data sharing archive $(basename "$archive"): nodes started from now on use it"
    else
        rm -f "$archive.$name.tmp"
    fi
    rm -f "$archive.recorder"
}

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
    # Worked out here, not in the background job's own arguments, so that the job execs at once (see
    # node_priority).
    local cds members
    cds_archive
    cds=$(cds_options "$name")
    members=$(hazelcast_members)
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
    "${ON_HOST[@]+"${ON_HOST[@]}"}" setsid java -Xms"$NODE_HEAP" -Xmx"$NODE_HEAP" $NODE_JVM_OPTS $NODE_EXTRA_JVM_OPTS $NODE_HAZELCAST_OPTS $cds \
        -DjvmRoute="$name" -Dsoundwave.node.name="$name" \
        -jar "$APP/payara-micro.jar" \
        --name "$name" --port "$port" --startport "$hz" --interfaces "$host" \
        --clustername "$CLUSTER_NAME" --clustermode "tcpip:$members" \
        --disablephonehome --rootdir "$dir/root" \
        --prebootcommandfile "$dir/preboot.asadmin" \
        --postbootcommandfile "$ROOT/domain-config/postboot.asadmin" \
        --logproperties "$ROOT/domain-config/logging.properties" \
        --contextroot / --deploy "$war" \
        </dev/null > >(rotated_log "$dir/node.log") 2>&1 &
    echo $! > "$dir/node.pid"
    node_priority "$name" "$NODE_START_NICE"
}

# node_priority NAME NICE: the CPU priority of the node's JVM against the machine's other processes. Each
# node runs in a session of its own (setsid), which Linux schedules as a group against the others
# (autogroup), so a plain nice would only rank the JVM's own threads: this sets the group's. A starting
# node gets NODE_START_NICE (domain-config/node.env) until it is ready: under load, the serving nodes,
# httpd and the clients would otherwise leave it a fraction of a core, and a deploy waits for it. Needs
# root (CAP_SYS_NICE) to raise a priority; without it, or without autogroup, nothing changes.
node_priority() {
    local pid file deadline=$((SECONDS + 10))
    pid=$(cat "$(node_dir "$1")/node.pid" 2>/dev/null) || return 0
    file=/proc/$pid/autogroup
    [ -w "$file" ] && [ "$(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null)" = 1 ] || return 0
    # Only once the JVM leads its own session: before its setsid, the group would be bin/cluster's.
    until [ "$(ps -o sid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ]; do
        [ $SECONDS -lt $deadline ] && kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.05
    done
    echo "$2" > "$file" 2>/dev/null || true
}

# The node's readiness body ("" if it does not answer).
node_readiness() { curl -s -m 3 "$(node_url "$1")/health/ready" 2>/dev/null || true; }

# readiness_field JQ-FILTER: a value from a readiness body on stdin ("" when absent or not JSON), e.g.
# readiness_field '.checks[] | select(.name == "web") | .status'.
readiness_field() { jq -r "($1) // empty" 2>/dev/null | head -1 || true; }

# check_status NAME: the status of the readiness check NAME, from a readiness body on stdin.
check_status() { readiness_field ".checks[]? | select(.name == \"$1\") | .status"; }

# Ready means the application's own checks are UP: Payara answers 200 with no checks at all while the
# WAR is still deploying, or when it failed to deploy. The short warm-up pass (platform/health/WarmUp) runs
# once the web module is up; the node is ready when it has finished.
node_ready() { [ "$(node_phase "$1")" = ready ]; }

# node_phase NAME [READINESS-BODY]: how far a starting node has come: boot (the JVM, Payara and its
# data-grid member starting), deploy (the WAR: Flyway, CDI, Faces), warm-up (its own short pass), ready.
node_phase() {
    local body=${2-$(node_readiness "$1")}
    if [ "$(check_status web <<< "$body")" = UP ]; then
        if [ "$(check_status warm-up <<< "$body")" = UP ]; then echo ready; else echo warm-up; fi
    elif grep -q 'Payara Micro .* startup time' "$(node_dir "$1")/node.log" 2>/dev/null; then
        echo deploy
    else
        echo boot
    fi
}

# node_progress NAME READINESS-BODY: a mark that changes while the node makes progress in its phase: its
# log grows while it boots and deploys; its warm-up pass counts requests.
node_progress() {
    local requests
    requests=$(readiness_field '.checks[]? | select(.name == "warm-up") | "\(.data.requests)/\(.data.settleRequests)"' <<< "$2")
    echo "$(stat -L -c %s "$(node_dir "$1")/node.log" 2>/dev/null || echo 0)/$requests"
}

# The build a node runs, from its readiness ("" while it is not up).
node_version() { node_readiness "$1" | readiness_field '.checks[]? | select(.name == "web") | .data.version'; }

# A node whose WAR failed to deploy keeps running with nothing deployed: Payara has finished starting
# (its log since this start, which begins a new file, says "ready in") and its own readiness says no
# application is deployed. NAME [READINESS-BODY].
node_deploy_failed() {
    grep -q 'Payara Micro .* ready in' "$(node_dir "$1")/node.log" 2>/dev/null \
        && grep -q '"name":"No Application deployed"' <<< "${2-$(node_readiness "$1")}"
}

# wait_ready [--any] [--timeout S] NAME...: until each node (with --any: one of them) is ready, printing
# each node's phases with their seconds. A node fails when it makes no progress for NODE_STALL_TIMEOUT
# seconds (its phase unchanged, its log not growing, its warm-up not counting), when its process dies or
# its WAR fails to deploy; never for being slow on a busy machine. --timeout S: also fail after S seconds
# in all. With --any, a node that fails is left behind while another may still become ready.
wait_ready() {
    local any=no timeout=0
    while [ $# -gt 0 ]; do
        case "$1" in
            --any) any=yes; shift ;;
            --timeout) timeout=$2; shift 2 ;;
            *) break ;;
        esac
    done
    local name body phase mark started=$SECONDS pending=("$@") still failed=no
    local -A phase_of phase_since mark_of moved_at
    for name in "$@"; do phase_of[$name]=""; phase_since[$name]=$SECONDS; mark_of[$name]=""; moved_at[$name]=$SECONDS; done
    while [ ${#pending[@]} -gt 0 ]; do
        still=()
        for name in "${pending[@]}"; do
            if ! pid_alive "$(node_dir "$name")/node.pid"; then
                tail -30 "$(node_dir "$name")/node.log" >&2 || true
                say "$name exited while starting (logs: bin/cluster logs $name)"
                [ $any = yes ] || return 1
                failed=yes; continue
            fi
            body=$(node_readiness "$name")
            if node_deploy_failed "$name" "$body"; then
                say "$name could not deploy its WAR (logs: bin/cluster logs $name)"
                [ $any = yes ] || return 1
                failed=yes; continue
            fi
            phase=$(node_phase "$name" "$body")
            mark=$(node_progress "$name" "$body")
            if [ "$phase" != "${phase_of[$name]}" ]; then
                [ -z "${phase_of[$name]}" ] || say "$name: ${phase_of[$name]} $((SECONDS - phase_since[$name])) s"
                phase_of[$name]=$phase; phase_since[$name]=$SECONDS; moved_at[$name]=$SECONDS
            elif [ "$mark" != "${mark_of[$name]}" ]; then
                moved_at[$name]=$SECONDS
            fi
            mark_of[$name]=$mark
            if [ "$phase" = ready ]; then
                node_priority "$name" 0
                say "$name is ready after $((SECONDS - started)) s"
                [ $any = yes ] && return 0
            elif [ $((SECONDS - moved_at[$name])) -ge "$NODE_STALL_TIMEOUT" ]; then
                say "$name made no progress for ${NODE_STALL_TIMEOUT}s in its $phase phase (logs: bin/cluster logs $name)"
                failed=yes
            elif [ "$timeout" -gt 0 ] && [ $((SECONDS - started)) -ge "$timeout" ]; then
                say "$name not ready after ${timeout}s (in its $phase phase)"
                failed=yes
            else
                still+=("$name")
            fi
            # Without --any, the first node that fails fails the wait.
            [ $failed = yes ] && [ $any = no ] && return 1
        done
        pending=("${still[@]+"${still[@]}"}")
        [ ${#pending[@]} -eq 0 ] || sleep 1
    done
    [ $failed = no ]
}

stop_node() {
    local name=$1
    if pid_alive "$(node_dir "$name")/node.pid"; then
        say "stopping $name"
        stop_pid "$(node_dir "$name")/node.pid" 60
        cds_settle "$name"
    fi
}
