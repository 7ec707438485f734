# shellcheck shell=bash
# bin/cluster's Processes by PID file, the build of what is missing, and the run directory's secrets. Sourced by bin/cluster.

# process_running PID: the process exists and is not on its way out. Linux marks a process that was killed or
# is ending as exiting (PF_EXITING, 0x4 in /proc/PID/stat's flags) from its first step of exit, through the
# tearing down of its memory and sockets (about 0.1 s for a node), to the zombie its parent has not reaped
# yet, for which kill -0 still succeeds: 'up' right after a kill -9 took the dying node for a running one.
# (stop_pid waits on kill -0 instead: a process it stopped is gone, ports and PID, when it returns.)
process_running() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }   # the fields after the command name, which may hold spaces and parentheses
    # shellcheck disable=SC2086  # split into fields: state is the first, flags the seventh
    set -- $stat
    [ "$1" != Z ] && [ "$1" != X ] && [ $(( $7 & 4 )) -eq 0 ]
}

pid_alive() { local f=$1; [ -f "$f" ] && process_running "$(cat "$f")"; }

# stop_pid FILE SECONDS: SIGTERM, wait, then SIGKILL (STOP_KILLED=yes); only the PID this run directory recorded.
stop_pid() {
    local file=$1 grace=$2 pid deadline
    { [ -f "$file" ] && pid=$(cat "$file") && kill -0 "$pid" 2>/dev/null; } || { rm -f "$file"; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + grace))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    STOP_KILLED=no
    if kill -0 "$pid" 2>/dev/null; then
        STOP_KILLED=yes
        say "PID $pid did not stop in ${grace}s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    rm -f "$file"
}

http_code() { curl -s -k -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null || true; }


ensure_built() {
    if [ ! -f "$ROOT/target/soundwave.war" ] || [ ! -f "$ROOT/target/payara-micro.jar" ]; then
        say "building the WAR and resolving Payara Micro (mvn package)"
        (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
    fi
    mkdir -p "$APP"
    cmp -s "$ROOT/target/payara-micro.jar" "$APP/payara-micro.jar" || cp "$ROOT/target/payara-micro.jar" "$APP/payara-micro.jar"
    # A running node keeps the WAR it started with; a new build reaches nodes started after it.
    if [ ! -f "$APP/soundwave.war" ] || ! any_node_alive; then
        cmp -s "$ROOT/target/soundwave.war" "$APP/soundwave.war" || cp "$ROOT/target/soundwave.war" "$APP/soundwave.war"
    fi
}

any_node_alive() { local f; for f in "$RUN"/nodes/*/node.pid; do pid_alive "$f" && return 0; done; return 1; }

random_secret() { openssl rand -base64 32 | tr -dc 'A-Za-z0-9' | head -c 24; }

ensure_secrets() {
    mkdir -p "$SECRETS"
    chmod 700 "$SECRETS"
    [ -f "$SECRETS/db-password" ] || { random_secret > "$SECRETS/db-password"; chmod 600 "$SECRETS/db-password"; }
    # PostgreSQL's superuser (bin/cluster's own maintenance; the application never uses it).
    [ -f "$SECRETS/db-admin-password" ] || { random_secret > "$SECRETS/db-admin-password"; chmod 600 "$SECRETS/db-admin-password"; }
    if [ ! -f "$SECRETS/jwt-private.pem" ]; then
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$SECRETS/jwt-private.pem" 2>/dev/null
        openssl pkey -in "$SECRETS/jwt-private.pem" -pubout -out "$SECRETS/jwt-public.pem" 2>/dev/null
        chmod 600 "$SECRETS/jwt-private.pem"
    fi
    if [ ! -f "$SECRETS/admin-password" ]; then
        if [ -n "${SOUNDWAVE_ADMIN_PASSWORD:-}" ]; then
            printf '%s' "$SOUNDWAVE_ADMIN_PASSWORD" > "$SECRETS/admin-password"
            chmod 600 "$SECRETS/admin-password"
            say "admin password taken from SOUNDWAVE_ADMIN_PASSWORD (kept in $SECRETS/admin-password)"
        else
            random_secret > "$SECRETS/admin-password"
            chmod 600 "$SECRETS/admin-password"
            echo "cluster: generated the admin password (shown once; kept in $SECRETS/admin-password): $(cat "$SECRETS/admin-password")"
        fi
    fi
}
