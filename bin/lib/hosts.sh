# shellcheck shell=bash
# bin/cluster's hosts: with --hosts, httpd, PostgreSQL and every node each run in a Linux network namespace
# of their own ("hosts"), with their own address on one bridge, as separate machines would. Sourced by
# bin/cluster.
#
# The addresses come from one /24 of the benchmarking block 198.18.0.0/15 (RFC 2544; nothing else is
# ever used, and nothing is routed off the machine): <net>.1 is this machine (the bridge), <net>.2 the
# balancer's host, <net>.3 PostgreSQL's, <net>.(10+N) nodeN's. The balancer stays reachable at the usual
# http://127.0.0.1:<http-port>/ through a forwarder (socat) on loopback.
#
# Namespace and link names start with the prefix (default sw: sw-lb, sw-db, sw-node1, the bridge sw-br).
# Everything created is listed in <run>/hosts/created as it is created, so 'down' removes exactly that,
# also after an 'up' that failed half-way.
#
# A partition cuts one node's host off from the other nodes' (blackhole routes on both sides: packets are
# dropped, as on a broken link, while the balancer and PostgreSQL still reach it); heal removes them.
#
# A closed grid: Hazelcast's open-source edition admits any member that knows the cluster name, without
# authentication or encryption (those are Enterprise features), so each node's host admits connections to
# its Hazelcast port from the nodes file's addresses only (nftables, table inet soundwave_grid) and resets
# every other one: this machine, the balancer's and PostgreSQL's hosts included.

hosts_mode() { [ "$HOSTS" = yes ]; }

# host_ns HOST: the namespace (and the machine-side link) of a host: lb, db or a node's name.
host_ns() { echo "$HOSTS_PREFIX-$1"; }

# host_address HOST: lb, db, or a node (its address in the nodes file).
host_address() {
    case "$1" in
        lb) echo "$HOSTS_NET.2" ;;
        db) echo "$HOSTS_NET.3" ;;
        *) node_host "$1" ;;
    esac
}

# on_host HOST: ON_HOST becomes the words that run a command on that host: ip netns exec into its
# namespace with --hosts, nothing on loopback. As words, not a function, so that "${ON_HOST[@]}" CMD &
# leaves CMD's own PID in $! (ip netns exec execs CMD).
on_host() {
    ON_HOST=()
    hosts_mode && ON_HOST=(ip netns exec "$(host_ns "$1")")
    return 0
}

# in_host HOST COMMAND...: runs COMMAND on that host and waits for it.
in_host() { on_host "$1"; shift; "${ON_HOST[@]+"${ON_HOST[@]}"}" "$@"; }

check_hosts_settings() {
    hosts_mode || return 0
    [[ "$HOSTS_NET" =~ ^198\.(18|19)\.([0-9]{1,3})$ ]] && [ "${BASH_REMATCH[2]}" -le 255 ] \
        || die "--hosts-net must be a /24 of 198.18.0.0/15, given as its first three numbers (198.18.0): $HOSTS_NET"
    [[ "$HOSTS_PREFIX" =~ ^[a-z][a-z0-9]{0,4}$ ]] || die "--hosts-prefix: 1-5 lowercase letters or digits: $HOSTS_PREFIX"
}

hosts_created() { echo "$RUN/hosts/created"; }
note_created() {
    mkdir -p "$RUN/hosts"
    grep -qxF "$1 $2" "$(hosts_created)" 2>/dev/null || echo "$1 $2" >> "$(hosts_created)"
}

# ensure_host_network: the bridge and a host for httpd, PostgreSQL and every node of the nodes file.
ensure_host_network() {
    hosts_mode || return 0
    [ "$(id -u)" -eq 0 ] || die "--hosts creates network namespaces: run bin/cluster as root"
    local bridge="$HOSTS_PREFIX-br" name
    if ! ip link show "$bridge" >/dev/null 2>&1; then
        say "creating the hosts' bridge $bridge ($HOSTS_NET.1/24, this machine's side)"
        ip link add "$bridge" type bridge
        ip addr add "$HOSTS_NET.1/24" dev "$bridge"
        ip link set "$bridge" up
    fi
    note_created link "$bridge"
    ensure_host lb
    ensure_host db
    for name in $(node_names); do is_local "$name" && ensure_host "$name"; done
    grid_firewall
    return 0
}

# grid_firewall: every local node's host admits its Hazelcast port to the nodes file's addresses only.
# Each host's table is replaced whole, in one nftables transaction; add-node and remove-node call this
# after each change of the nodes file (before a new node starts, so the others admit it).
grid_firewall() {
    hosts_mode || return 0
    local name ns members=""
    for name in $(node_names); do members+="${members:+, }$(node_host "$name")"; done
    for name in $(node_names); do
        is_local "$name" || continue
        ns=$(host_ns "$name")
        ip netns list | grep -qE "^$ns( |$)" || continue
        ip netns exec "$ns" nft -f - <<NFT || die "cannot set $name's grid firewall (nftables)"
table inet soundwave_grid
delete table inet soundwave_grid
table inet soundwave_grid {
    set members {
        type ipv4_addr
        elements = { $members }
    }
    chain input {
        type filter hook input priority 0; policy accept;
        iif "lo" accept
        tcp dport $(node_hz_port "$name") ip saddr @members accept
        tcp dport $(node_hz_port "$name") reject with tcp reset
    }
}
NFT
    done
}

# ensure_host HOST: its namespace, with loopback up and one link to the bridge carrying its address.
ensure_host() {
    local host=$1 ns address bridge="$HOSTS_PREFIX-br"
    ns=$(host_ns "$host"); address=$(host_address "$host")
    [ ${#ns} -le 15 ] || die "host name too long for a network link: $ns (15 characters at most)"
    [[ "$address" == "$HOSTS_NET".* ]] || die "$host's address $address is not in $HOSTS_NET.0/24"
    if ! ip netns list | grep -qE "^$ns( |$)"; then
        ip netns add "$ns"
        ip -n "$ns" link set lo up
    fi
    note_created netns "$ns"   # also one an earlier run left: ours by its prefix, and 'down' removes it
    if ! ip link show "$ns" >/dev/null 2>&1; then
        ip link add "$ns" type veth peer name eth0 netns "$ns"
        ip link set "$ns" master "$bridge" up
        ip -n "$ns" addr add "$address/24" dev eth0
        ip -n "$ns" link set eth0 up
        say "host $ns: $address"
    fi
}

# remove_host HOST: one host's namespace and link, once nothing runs there.
remove_host() { remove_namespace "$(host_ns "$1")"; }

# remove_namespace NAME: its link first (both ends of a veth go at once; a deleted namespace takes its
# own end with it only later, when the kernel gets round to it), then the namespace.
remove_namespace() {
    local ns=$1
    if ip link show "$ns" >/dev/null 2>&1; then ip link delete "$ns"; fi
    if ip netns list | grep -qE "^$ns( |$)"; then ip netns delete "$ns"; fi
    return 0
}

# remove_host_network: every namespace and link 'up' created (their processes are stopped first).
remove_host_network() {
    local file kind name
    file=$(hosts_created)
    [ -f "$file" ] || return 0
    stop_forward
    # Namespaces with their links first, the bridge last.
    while read -r kind name; do
        if [ "$kind" = netns ]; then remove_namespace "$name"; fi
    done < "$file"
    while read -r kind name; do
        if [ "$kind" = link ] && ip link show "$name" >/dev/null 2>&1; then ip link delete "$name"; fi
    done < "$file"
    rm -f "$file"
    say "removed the hosts' namespaces and links"
}

# The balancer at the usual URLs: a forwarder on loopback to the balancer's host, one for HTTP
# (forward.pid) and one for HTTPS (forward-https.pid).
FORWARD_PID=forward.pid
FORWARD_HTTPS_PID=forward-https.pid

ensure_forward() {
    hosts_mode || return 0
    forward_port "$HTTP_PORT" "$FORWARD_PID" "http://127.0.0.1:$HTTP_PORT/server-status?auto"
    forward_port "$HTTPS_PORT" "$FORWARD_HTTPS_PID" "https://127.0.0.1:$HTTPS_PORT/server-status?auto"
}

# forward_port PORT PIDFILE CHECK_URL: 127.0.0.1:PORT to the balancer's host, until CHECK_URL answers 200.
forward_port() {
    local port=$1 pidfile=$2 check=$3
    pid_alive "$RUN/$pidfile" && return 0
    say "forwarding 127.0.0.1:$port to the balancer's host $LB_ADDR:$port"
    setsid socat "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork,backlog=1024" "TCP:$LB_ADDR:$port" \
        </dev/null >>"$RUN/hosts/forward.log" 2>&1 &
    echo $! > "$RUN/$pidfile"
    local deadline=$((SECONDS + 10))
    until [ "$(http_code "$check")" = 200 ]; do
        [ $SECONDS -lt $deadline ] || die "the forwarder to $LB_ADDR:$port does not answer ($RUN/hosts/forward.log)"
        sleep 0.2
    done
}

# The forwarders and the connections they still carry (their children, in their process groups).
stop_forward() {
    local pidfile
    for pidfile in "$FORWARD_PID" "$FORWARD_HTTPS_PID"; do
        pid_alive "$RUN/$pidfile" || { rm -f "$RUN/$pidfile"; continue; }
        kill -TERM -- "-$(cat "$RUN/$pidfile")" 2>/dev/null || true
        stop_pid "$RUN/$pidfile" 5
    done
}

# partition NODE: cuts NODE's host off from every other node's host, both ways; heal NODE undoes it.
cmd_partition() {
    local name=${1:-} other
    hosts_mode || die "partition needs a cluster on hosts (bin/cluster up --hosts)"
    [ -n "$name" ] || die "usage: bin/cluster partition NODE"
    check_node "$name"
    for other in $(node_names); do
        [ "$other" = "$name" ] && continue
        ip -n "$(host_ns "$name")" route replace blackhole "$(node_host "$other")/32"
        ip -n "$(host_ns "$other")" route replace blackhole "$(node_host "$name")/32"
    done
    say "$name's host is cut off from the other nodes' (the balancer and PostgreSQL still reach it)"
}

cmd_heal() {
    local name other ns
    hosts_mode || die "heal needs a cluster on hosts (bin/cluster up --hosts)"
    for name in $(node_names); do
        ns=$(host_ns "$name")
        ip netns list | grep -qE "^$ns( |$)" || continue
        for other in $(node_names); do
            [ "$other" = "$name" ] && continue
            ip -n "$ns" route del blackhole "$(node_host "$other")/32" 2>/dev/null || true
        done
    done
    say "every node's host reaches every other one again"
}

# A slow network between PostgreSQL's host and everyone else: bin/lib/DelayProxy.java on the database's
# host, in front of PostgreSQL (which then listens on that host's loopback only), delivers every byte MS
# later each way. A userspace stand-in for 'tc qdisc ... netem delay', which this kernel lacks. Setting or
# lifting it restarts PostgreSQL: the nodes ride that out as any restart of it (a few 503s, no restart).
db_delay_ms() { cat "$RUN/hosts/db-delay-ms" 2>/dev/null || echo 0; }

cmd_delay() {
    local ms=${1:-}
    hosts_mode || die "delay needs a cluster on hosts (bin/cluster up --hosts)"
    [[ "$ms" =~ ^[0-9]+$ ]] && [ "$ms" -le 10000 ] || die "usage: bin/cluster delay MS (0-10000; 0: none)"
    [ -f "$PG_DIR/data/PG_VERSION" ] && pg_running || die "PostgreSQL is not running: bin/cluster up --hosts first"
    mkdir -p "$RUN/hosts"
    echo "$ms" > "$RUN/hosts/db-delay-ms"
    stop_delay_proxy
    stop_postgres
    ensure_postgres
    if [ "$ms" -gt 0 ]; then
        say "PostgreSQL's host answers $ms ms later each way (a round trip $((2 * ms)) ms longer)"
    else
        say "no delay to PostgreSQL's host"
    fi
}

# Where PostgreSQL listens on its host: its address, or behind the delay its host's loopback.
pg_listen_address() { if hosts_mode && [ "$(db_delay_ms)" -gt 0 ]; then echo 127.0.0.1; else echo "$PG_ADDR"; fi; }

ensure_delay_proxy() {
    hosts_mode && [ "$(db_delay_ms)" -gt 0 ] || return 0
    pid_alive "$RUN/hosts/delay.pid" && return 0
    on_host db
    "${ON_HOST[@]}" setsid java "$ROOT/bin/lib/DelayProxy.java" "$PG_ADDR" "$PG_PORT" 127.0.0.1 "$PG_PORT" "$(db_delay_ms)" \
        </dev/null >>"$RUN/hosts/delay.log" 2>&1 &
    echo $! > "$RUN/hosts/delay.pid"
    local deadline=$((SECONDS + 30))
    until "$PG_BIN/pg_isready" -q -h "$PG_ADDR" -p "$PG_PORT" -t 2 >/dev/null 2>&1; do
        pid_alive "$RUN/hosts/delay.pid" && [ $SECONDS -lt $deadline ] || die "the delay in front of PostgreSQL did not start ($RUN/hosts/delay.log)"
        sleep 0.2
    done
}

stop_delay_proxy() { stop_pid "$RUN/hosts/delay.pid" 5; }
