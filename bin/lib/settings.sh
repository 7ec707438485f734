# shellcheck shell=bash
# bin/cluster's The settings file, the nodes file (members, roles, addresses) and the command line's options. Sourced by bin/cluster.

parse_options() {
    ARGS=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --run-dir) SOUNDWAVE_RUN_DIR=$2; shift 2 ;;
            --http-port) SOUNDWAVE_HTTP_PORT=$2; shift 2 ;;
            --https-port) SOUNDWAVE_HTTPS_PORT=$2; shift 2 ;;
            --node-port) SOUNDWAVE_NODE_PORT=$2; shift 2 ;;
            --hazelcast-port) SOUNDWAVE_HAZELCAST_PORT=$2; shift 2 ;;
            --pg-port) SOUNDWAVE_PG_PORT=$2; shift 2 ;;
            --nodes) SOUNDWAVE_NODES=$2; shift 2 ;;
            --standby) SOUNDWAVE_STANDBY=$2; shift 2 ;;
            --cluster-name) SOUNDWAVE_CLUSTER_NAME=$2; shift 2 ;;
            --nodes-file) SOUNDWAVE_NODES_FILE=$2; shift 2 ;;
            --pg-host) SOUNDWAVE_PG_HOST=$2; shift 2 ;;
            --hosts) SOUNDWAVE_HOSTS=yes; shift ;;
            --no-hosts) SOUNDWAVE_HOSTS=no; shift ;;
            --hosts-net) SOUNDWAVE_HOSTS_NET=$2; shift 2 ;;
            --hosts-prefix) SOUNDWAVE_HOSTS_PREFIX=$2; shift 2 ;;
            -h|--help) usage; exit 0 ;;
            *) ARGS+=("$1"); shift ;;
        esac
    done
}

# Explicit options and environment win over what 'up' saved, which wins over the defaults.
load_settings() {
    RUN=${SOUNDWAVE_RUN_DIR:-$ROOT/run}
    mkdir -p "$RUN"
    RUN=$(cd "$RUN" && pwd)
    # Whether this command names the layout itself (as opposed to what 'up' saved).
    LAYOUT_GIVEN=${SOUNDWAVE_NODES:+yes}${SOUNDWAVE_STANDBY:+yes}${SOUNDWAVE_HOSTS:+yes}
    local saved="$RUN/cluster.conf" key
    if [ -f "$saved" ]; then
        while IFS='=' read -r key value; do
            [ -n "$key" ] && [ -z "${!key:-}" ] && printf -v "$key" '%s' "$value"
        done < "$saved"
    fi
    HTTP_PORT=${SOUNDWAVE_HTTP_PORT:-8080}
    [[ "$HTTP_PORT" =~ ^[0-9]+$ ]] || die "not a number: $HTTP_PORT"
    # HTTPS beside HTTP: 8443 for 8080 (and 18443 for the tests' 18080), so clusters on other ports never
    # share one.
    HTTPS_PORT=${SOUNDWAVE_HTTPS_PORT:-$((HTTP_PORT + 363))}
    # The edge's certificate and key (PEM): the operator's, or one made for this machine at the first 'up'
    # (bin/lib/balancer.sh, ensure_tls_certificate).
    TLS_CERT=${SOUNDWAVE_TLS_CERT:-}
    TLS_KEY=${SOUNDWAVE_TLS_KEY:-}
    if [ -n "$TLS_CERT" ] || [ -n "$TLS_KEY" ]; then
        [ -r "$TLS_CERT" ] && [ -r "$TLS_KEY" ] || die "SOUNDWAVE_TLS_CERT and SOUNDWAVE_TLS_KEY must both name readable PEM files"
    fi
    # yes: plain HTTP answers every page with a redirect to HTTPS (operators' pages excepted).
    HTTPS_REDIRECT=${SOUNDWAVE_HTTPS_REDIRECT:-no}
    [[ "$HTTPS_REDIRECT" =~ ^(yes|no)$ ]] || die "SOUNDWAVE_HTTPS_REDIRECT must be yes or no"
    NODE_PORT=${SOUNDWAVE_NODE_PORT:-8181}
    HZ_PORT=${SOUNDWAVE_HAZELCAST_PORT:-5901}
    PG_PORT=${SOUNDWAVE_PG_PORT:-5433}
    ACTIVE=${SOUNDWAVE_NODES:-2}
    STANDBY=${SOUNDWAVE_STANDBY:-1}
    CLUSTER_NAME=${SOUNDWAVE_CLUSTER_NAME:-soundwave}
    HOSTS=${SOUNDWAVE_HOSTS:-no}
    HOSTS_NET=${SOUNDWAVE_HOSTS_NET:-198.18.0}
    HOSTS_PREFIX=${SOUNDWAVE_HOSTS_PREFIX:-sw}
    check_hosts_settings
    # (Derived, not settings: saved for loadtest and the tests, recomputed here.)
    unset SOUNDWAVE_LB_ADDR SOUNDWAVE_PG_ADDR
    # Where httpd and PostgreSQL listen (PG_ADDR: also where this machine's scripts reach PostgreSQL) and
    # where the nodes reach PostgreSQL (PG_HOST): loopback, or their hosts (bin/lib/hosts.sh).
    if hosts_mode; then
        LB_ADDR="$HOSTS_NET.2"
        PG_ADDR="$HOSTS_NET.3"
        PG_HOST=$PG_ADDR
    else
        LB_ADDR=127.0.0.1
        PG_ADDR=127.0.0.1
        PG_HOST=${SOUNDWAVE_PG_HOST:-127.0.0.1}
    fi
    NODES_FILE=${SOUNDWAVE_NODES_FILE:-$RUN/nodes.conf}
    for n in "$HTTPS_PORT" "$NODE_PORT" "$HZ_PORT" "$PG_PORT" "$ACTIVE" "$STANDBY"; do
        [[ "$n" =~ ^[0-9]+$ ]] || die "not a number: $n"
    done
    [ "$ACTIVE" -ge 1 ] || die "--nodes must be at least 1"
    PG_DIR="$RUN/postgres"
    [ -L "$PG_DIR" ] && PG_DIR=$(readlink -f "$PG_DIR")   # see place_postgres_dir
    SECRETS="$RUN/secrets"
    APP="$RUN/app"
    # Seconds between httpd's health checks of each node: how soon a node that failed is out of rotation,
    # and one that passes twice back in (the test suite, which moves nodes in and out often, uses 1).
    HC_INTERVAL=${SOUNDWAVE_HC_INTERVAL:-2}
    [[ "$HC_INTERVAL" =~ ^[1-9][0-9]*$ ]] || die "SOUNDWAVE_HC_INTERVAL must be a whole number of seconds, at least 1"
    # Seconds over which a node entering rotation goes from a small share of new visitors to a full one
    # (bin/lib/balancer.sh, slow_start); 0: at once.
    SLOW_START=${SOUNDWAVE_SLOW_START:-30}
    [[ "$SLOW_START" =~ ^[0-9]+$ ]] || die "SOUNDWAVE_SLOW_START must be a whole number of seconds"
    load_members
}

save_settings() {
    cat > "$RUN/cluster.conf" <<EOF
SOUNDWAVE_HTTP_PORT=$HTTP_PORT
SOUNDWAVE_HTTPS_PORT=$HTTPS_PORT
SOUNDWAVE_TLS_CERT=$TLS_CERT
SOUNDWAVE_TLS_KEY=$TLS_KEY
SOUNDWAVE_HTTPS_REDIRECT=$HTTPS_REDIRECT
SOUNDWAVE_NODE_PORT=$NODE_PORT
SOUNDWAVE_HAZELCAST_PORT=$HZ_PORT
SOUNDWAVE_PG_PORT=$PG_PORT
SOUNDWAVE_NODES=$ACTIVE
SOUNDWAVE_STANDBY=$STANDBY
SOUNDWAVE_CLUSTER_NAME=$CLUSTER_NAME
SOUNDWAVE_PG_HOST=$(hosts_mode && echo 127.0.0.1 || echo "$PG_HOST")
SOUNDWAVE_NODES_FILE=$NODES_FILE
SOUNDWAVE_HOSTS=$HOSTS
SOUNDWAVE_HOSTS_NET=$HOSTS_NET
SOUNDWAVE_HOSTS_PREFIX=$HOSTS_PREFIX
SOUNDWAVE_LB_ADDR=$LB_ADDR
SOUNDWAVE_PG_ADDR=$PG_ADDR
SOUNDWAVE_HC_INTERVAL=$HC_INTERVAL
SOUNDWAVE_SLOW_START=$SLOW_START
EOF
}


# The cluster's members live in one settings file (default <run>/nodes.conf, or --nodes-file), one line
# per node: name, host, HTTP port, Hazelcast port, role. Hazelcast's member list and httpd's balancer
# members come from it, so nodes on other hosts are lines with their address; bin/cluster starts and
# stops the nodes whose host is this machine (loopback, or SOUNDWAVE_THIS_HOST).
write_default_members() {
    local i host=127.0.0.1
    {
        echo "# Soundwave's cluster members. bin/cluster reads this file for Hazelcast's member list, httpd's"
        echo "# balancer members and the nodes it runs on this host; add-node and remove-node edit it."
        echo "# name   host        http-port  hazelcast-port  role"
        for ((i = 1; i <= ACTIVE + STANDBY; i++)); do
            hosts_mode && host="$HOSTS_NET.$((10 + i))"   # each node on a host of its own
            printf '%-8s %-11s %-10s %-15s %s\n' "node$i" "$host" $((NODE_PORT + i - 1)) $((HZ_PORT + i - 1)) \
                "$([ "$i" -le "$ACTIVE" ] && echo active || echo standby)"
        done
    } > "$NODES_FILE"
}

load_members() {
    local want_active=$ACTIVE want_standby=$STANDBY
    if [ ! -f "$NODES_FILE" ]; then
        [ "$NODES_FILE" = "$RUN/nodes.conf" ] || die "no such nodes file: $NODES_FILE"
        write_default_members
    fi
    read_members
    # 'up --nodes N --standby M [--hosts]' on a cluster whose file says otherwise: a new layout, if nothing
    # runs. With --hosts the nodes are on addresses of the hosts' network, without it on loopback.
    local placed=yes
    if hosts_mode; then [[ "${M_HOST[${MEMBERS[0]}]}" == "$HOSTS_NET".* ]] || placed=no
    else [ "${M_HOST[${MEMBERS[0]}]}" != "127.0.0.1" ] && [[ "${M_HOST[${MEMBERS[0]}]}" == 198.1[89].* ]] && placed=no
    fi
    if [ -n "$LAYOUT_GIVEN" ] && [ "$NODES_FILE" = "$RUN/nodes.conf" ] \
        && { [ "$ACTIVE" != "$want_active" ] || [ "$STANDBY" != "$want_standby" ] || [ "$placed" = no ]; }; then
        any_node_alive && die "nodes are running with the layout in $NODES_FILE: use add-node / remove-node"
        ACTIVE=$want_active STANDBY=$want_standby
        write_default_members
        read_members
    fi
}

read_members() {
    MEMBERS=()
    declare -gA M_HOST=() M_HTTP=() M_HZ=() M_ROLE=()
    local name host http hz role extra
    while read -r name host http hz role extra; do
        { [ -z "$name" ] || [[ "$name" == \#* ]]; } && continue
        [[ "$name" =~ ^[a-z][a-z0-9-]{0,30}$ ]] && [[ "$http" =~ ^[0-9]+$ ]] && [[ "$hz" =~ ^[0-9]+$ ]] \
            && [[ "$role" =~ ^(active|standby)$ ]] && [ -n "$host" ] && [ -z "$extra" ] \
            || die "$NODES_FILE: bad line: $name $host $http $hz $role $extra"
        [ -z "${M_HOST[$name]:-}" ] || die "$NODES_FILE: $name listed twice"
        MEMBERS+=("$name"); M_HOST[$name]=$host; M_HTTP[$name]=$http; M_HZ[$name]=$hz; M_ROLE[$name]=$role
    done < "$NODES_FILE"
    [ ${#MEMBERS[@]} -ge 1 ] || die "$NODES_FILE lists no node"
    ACTIVE=$(members_with_role active | wc -l)
    STANDBY=$(members_with_role standby | wc -l)
}

members_with_role() { local n; for n in "${MEMBERS[@]}"; do [ "${M_ROLE[$n]}" = "$1" ] && echo "$n"; done; return 0; }

# Active nodes first, then the standbys: the order nodes are started, deployed to and shown.
node_names() { members_with_role active; members_with_role standby; }
check_node() { [ -n "${M_HOST[$1]:-}" ] || die "no such node: $1 (nodes: $(node_names | tr '\n' ' '))"; }
node_host() { check_node "$1"; echo "${M_HOST[$1]}"; }
node_port() { check_node "$1"; echo "${M_HTTP[$1]}"; }
node_hz_port() { check_node "$1"; echo "${M_HZ[$1]}"; }
node_role() { check_node "$1"; echo "${M_ROLE[$1]}"; }
node_url() { echo "http://$(node_host "$1"):$(node_port "$1")"; }
node_dir() { echo "$RUN/nodes/$1"; }
# A node this machine runs (the others are started on their own hosts with the same nodes file).
# With --hosts, a node on the hosts' network runs on this machine too, in its own namespace.
is_local() {
    local host; host=$(node_host "$1")
    case "$host" in 127.0.0.1|localhost|"${SOUNDWAVE_THIS_HOST:-127.0.0.1}") return 0 ;; esac
    hosts_mode && [[ "$host" == "$HOSTS_NET".* ]]
}
local_nodes() { local n; for n in $(node_names); do is_local "$n" && echo "$n"; done; return 0; }
