# shellcheck shell=bash
# bin/cluster's httpd and its balancer: configuration, balancer-manager changes, drains, taking nodes out of and back into rotation. Sourced by bin/cluster.

HTTPD=${SOUNDWAVE_HTTPD:-/usr/sbin/apache2}
# Members add-node may add to the running balancer beyond those in its configuration (httpd's 'growth').
BALANCER_GROWTH=8
# A member's load factor (lbfactor) at full share, and where a slow start begins: 5 against the others'
# 100 sends the new node about one new visitor in 20.
FULL_FACTOR=100
SLOW_START_FACTOR=5

# The options every member gets in httpd's configuration.
# retry is long on purpose: a member that failed live requests is put back by its health check (two
# passes), never by a timer. httpd does not flag a member already in error as health-check-failed, so
# with a short retry it would send live traffic to a node that is still deploying (404s).
# ttl=30: httpd stops reusing a backend connection idle for 30 s, before the node closes it (its keep-alive
# timeout is 60 s, domain-config/preboot.asadmin): otherwise a request sent on a connection just as the node
# closes it gets a 502 ("error reading status line from remote server"), seen 60 s into a pause in a node's traffic.
# loadfactor: every member's full share is 100 (httpd's largest), so a node in its slow start (slow_start)
# can begin at a few hundredths of the others' share.
member_options() {
    local options="route=$1 loadfactor=$FULL_FACTOR connectiontimeout=2 timeout=30 ttl=30 retry=300 hctemplate=hc"
    [ "$(node_role "$1")" = standby ] && options+=" status=+H"
    echo "$options"
}

# ensure_tls_certificate: the edge's certificate: the operator's (SOUNDWAVE_TLS_CERT, SOUNDWAVE_TLS_KEY), or
# one made at the first 'up' into the run directory's secrets: self-signed, ECDSA P-256, for this machine's
# names (localhost, 127.0.0.1 and the balancer's address). Clients that should trust it take secrets/tls-cert.pem.
ensure_tls_certificate() {
    if [ -n "$TLS_CERT" ]; then
        EDGE_CERT=$TLS_CERT EDGE_KEY=$TLS_KEY
        return
    fi
    EDGE_CERT="$SECRETS/tls-cert.pem" EDGE_KEY="$SECRETS/tls-key.pem"
    [ -s "$EDGE_CERT" ] && [ -s "$EDGE_KEY" ] && return
    mkdir -p "$SECRETS"
    local names="DNS:localhost,IP:127.0.0.1"
    [ "$LB_ADDR" = 127.0.0.1 ] || names+=",IP:$LB_ADDR"
    (umask 077 && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
        -subj "/CN=Soundwave on $(hostname)" -addext "subjectAltName=$names" \
        -keyout "$EDGE_KEY.tmp" -out "$EDGE_CERT.tmp" 2>"$SECRETS/tls.log") \
        || { cat "$SECRETS/tls.log" >&2; die "could not make the edge's TLS certificate"; }
    mv "$EDGE_KEY.tmp" "$EDGE_KEY"
    mv "$EDGE_CERT.tmp" "$EDGE_CERT"
    say "made a TLS certificate for $names: $EDGE_CERT"
}

# The redirect of plain HTTP to HTTPS (SOUNDWAVE_HTTPS_REDIRECT=yes), for the HTTP virtual host: every
# request but the operators' pages, to the same host name on the HTTPS port, path and query kept.
# (mod_rewrite's rules come before ProxyPass.)
http_redirect() {
    [ "$HTTPS_REDIRECT" = yes ] || return 0
    printf '    %s\n' "RewriteEngine On" \
        "RewriteCond %{REQUEST_URI} !^/(balancer-manager|server-status)" \
        "RewriteRule ^ https://%{SERVER_NAME}:$HTTPS_PORT%{REQUEST_URI} [R=301,L]"
}

render_httpd_conf() {
    local members="" name users=""
    ensure_tls_certificate
    for name in $(node_names); do
        members+="        BalancerMember \"$(node_url "$name")\" $(member_options "$name")"$'\n'
    done
    # Running as root, httpd's workers must switch to an unprivileged user.
    [ "$(id -u)" -eq 0 ] && users=$'User www-data\nGroup www-data'
    mkdir -p "$RUN/httpd"
    local template
    template=$(<"$ROOT/httpd/httpd.conf.template")
    template=${template//@RUN_DIR@/$RUN}
    template=${template//@ROTATED_LOG@/${ROTATELOGS[*]}}
    template=${template//@LOG_SIZE@/$LOG_ROTATE_SIZE}
    template=${template//@HTTP_PORT@/$HTTP_PORT}
    template=${template//@HTTPS_PORT@/$HTTPS_PORT}
    template=${template//@TLS_CERT@/$EDGE_CERT}
    template=${template//@TLS_KEY@/$EDGE_KEY}
    template=${template//@HTTP_REDIRECT@/$(http_redirect)}
    template=${template//@LISTEN_ADDRESS@/$LB_ADDR}
    # Operators' pages answer this machine only: loopback, and with --hosts its address on the bridge.
    local machine=127.0.0.1
    if hosts_mode; then machine+=" $HOSTS_NET.1"; fi
    template=${template//@MACHINE_ADDRESSES@/$machine}
    template=${template//@HC_INTERVAL@/$HC_INTERVAL}
    template=${template//@GROWTH@/$BALANCER_GROWTH}
    template=${template//@USER_DIRECTIVES@/$users}
    template=${template//@BALANCER_MEMBERS@/${members%$'\n'}}
    printf '%s\n' "$template" > "$RUN/httpd/httpd.conf"
    httpd_cmd -t 2>"$RUN/httpd/configtest.log" || { cat "$RUN/httpd/configtest.log" >&2; die "httpd configuration invalid"; }
}

httpd_cmd() { in_host lb "$HTTPD" -d "$RUN/httpd" -f "$RUN/httpd/httpd.conf" "$@"; }
httpd_running() { pid_alive "$RUN/httpd/httpd.pid"; }

ensure_httpd() {
    render_httpd_conf
    if httpd_running; then
        # A graceful restart rebuilds the balancer from the configuration: drains set through
        # balancer-manager and members added at run time are reset (they are in the configuration too).
        httpd_cmd -k graceful
    else
        say "starting httpd on $LB_ADDR:$HTTP_PORT"
        httpd_cmd -k start
        local deadline=$((SECONDS + 30))
        until [ "$(http_code "http://$LB_ADDR:$HTTP_PORT/server-status?auto")" = 200 ]; do
            [ $SECONDS -lt $deadline ] || die "httpd did not answer (logs: $RUN/httpd/error.log)"
            sleep 0.2
        done
    fi
}

stop_httpd() {
    if httpd_running; then
        say "stopping httpd"
        stop_pid "$RUN/httpd/httpd.pid" 30
    fi
}

balancer_manager() { echo "http://$LB_ADDR:$HTTP_PORT/balancer-manager"; }
# Every virtual host's balancer-manager: httpd keeps a balancer per virtual host (HTTP and HTTPS).
# (-k: the edge's certificate may name the site, not this machine's address.)
balancer_managers() { echo "$(balancer_manager) https://$LB_ADDR:$HTTPS_PORT/balancer-manager"; }

balancer_page() { curl -s -k -m 3 -H "Referer: ${1:-$(balancer_manager)}" "${1:-$(balancer_manager)}" 2>/dev/null || true; }

# balancer_state ROUTE: the member's status as balancer-manager shows it (Init Ok, Init Stby Ok,
# Init Drn Ok, Init HcFl, Init Dis, ...).
balancer_state() { "$ROOT/bin/lib/balancer-state" "$(balancer_manager)" "$1" || true; }

# wait_balancer_state ROUTE REGEX SECONDS
wait_balancer_state() {
    local deadline=$((SECONDS + $3))
    until balancer_state "$1" | grep -Eq "$2"; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.5
    done
}

# balancer_set FIELD=VALUE...: changes the running balancers (HTTP's and HTTPS's) through balancer-manager:
# a form POST with the page's nonce and a same-origin Referer. httpd answers 200 even when it ignores a
# change (wrong nonce, no Referer), so callers wait for the state they asked for.
balancer_set() {
    local nonce data field manager
    for manager in $(balancer_managers); do
        nonce=$(balancer_page "$manager" | grep -o 'nonce=[0-9a-fA-F-]*' | head -1 | cut -d= -f2 || true)
        [ -n "$nonce" ] || die "cannot read balancer-manager's nonce at $manager"
        data="b=soundwave&nonce=$nonce"
        for field in "$@"; do data+="&$field"; done
        curl -s -k -o /dev/null -m 5 -H "Referer: $manager" --data "$data" "$manager" \
            || die "balancer-manager did not answer at $manager"
    done
}

member_set() { local name=$1; shift; balancer_set "w=$(node_url "$name")" "$@"; }

# httpd knows the member (from its configuration or added at run time, also when disabled since).
balancer_has_member() { "$ROOT/bin/lib/balancer-state" "$(balancer_manager)" | cut -f2 | grep -qxF "$(node_url "$1")"; }

# add_member NAME: a member for a node httpd's configuration does not have yet, without restarting
# httpd: added through balancer-manager (within the balancer's growth), given its route and the health
# check every member has, and enabled once the check passes.
add_member() {
    local name=$1
    balancer_has_member "$name" || balancer_set "b_nwrkr=$(node_url "$name")" "b_wyes=1"
    balancer_has_member "$name" || die "httpd did not add $name (at most $BALANCER_GROWTH members can be added before httpd restarts)"
    member_set "$name" "w_wr=$name" "w_hm=GET" "w_hu=/health/ready" "w_hi=$((HC_INTERVAL * 1000))" \
        "w_hp=2" "w_hf=1" "w_he=ready" "w_status_H=$([ "$(node_role "$name")" = standby ] && echo 1 || echo 0)" \
        "w_status_N=0"
    wait_balancer_state "$name" '^Init Dis' 10 || die "httpd did not take $name's settings"
    member_set "$name" "w_status_D=0"
}

# balancer_factor NAME: the member's load factor as httpd has it now ("" when httpd does not answer).
balancer_factor() {
    "$ROOT/bin/lib/balancer-state" "$(balancer_manager)" | awk -F'\t' -v r="$1" '$1 == r {print $4; exit}' || true
}

# slow_start NAME: called once NAME (an active node) has been started, before it enters rotation. Its load factor
# drops to SLOW_START_FACTOR now; a process in the background (PID file in the node's directory) waits
# until httpd has it in rotation, then raises the factor in steps, every second, to FULL_FACTOR over
# SLOW_START seconds, as HAProxy's slowstart or NGINX's slow_start do. So a node that just started gets a
# small, growing share of new visitors while its JIT compiles what they run, instead of half of them at
# once (sessions stuck to it by their route still reach it: httpd's stickiness is not weighted). A graceful
# restart of httpd ('up') resets every factor to the configuration's FULL_FACTOR.
slow_start() {
    local name=$1
    httpd_running && balancer_has_member "$name" || return 0
    end_slow_start "$name"
    if [ "$SLOW_START" -eq 0 ] || [ "$(node_role "$name")" = standby ]; then
        member_set "$name" "w_lf=$FULL_FACTOR"
        return 0
    fi
    member_set "$name" "w_lf=$SLOW_START_FACTOR"
    ( ramp_factor "$name" ) </dev/null >/dev/null 2>&1 &
    echo $! > "$(node_dir "$name")/ramp.pid"
}

ramp_factor() {
    local name=$1 started elapsed
    until balancer_state "$name" | grep -Eq '^Init Ok$'; do
        pid_alive "$(node_dir "$name")/node.pid" || { rm -f "$(node_dir "$name")/ramp.pid"; exit 0; }
        sleep 0.5
    done
    started=$SECONDS
    while elapsed=$((SECONDS - started)); [ "$elapsed" -lt "$SLOW_START" ]; do
        member_set "$name" "w_lf=$((SLOW_START_FACTOR + (FULL_FACTOR - SLOW_START_FACTOR) * elapsed / SLOW_START))"
        sleep 1
    done
    member_set "$name" "w_lf=$FULL_FACTOR"
    rm -f "$(node_dir "$name")/ramp.pid"
}

# end_slow_start NAME: stops NAME's ramp if one runs (its factor stays where it was).
end_slow_start() { stop_pid "$(node_dir "$1")/ramp.pid" 5; }

# wait_slow_start NAME...: until each node's ramp has reached its full share (or its process is gone).
wait_slow_start() {
    local name
    for name in "$@"; do
        while pid_alive "$(node_dir "$name")/ramp.pid"; do sleep 0.5; done
    done
}


set_drain() {
    local target=$1 reason=${2:-drained by operator}
    [ "$target" = all ] && target='*' || check_node "$target"
    psql_app -v node="$target" -v reason="$reason" <<'SQL'
INSERT INTO node_drain (node, reason) VALUES (:'node', :'reason')
ON CONFLICT (node) DO UPDATE SET reason = EXCLUDED.reason, drained_at = now();
SQL
}

lift_drain() {
    local target=$1
    [ "$target" = all ] && target='*' || check_node "$target"
    psql_app -v node="$target" <<'SQL'
DELETE FROM node_drain WHERE node = :'node';
SQL
    if httpd_running; then rebalance "${MEMBERS[0]}"; fi
}

# rebalance NAME: httpd's byrequests counts the requests of sticky sessions too, so a node that served a
# run of them while another was drained or away gets no new visitor until the other has caught up (seen:
# every new visitor for some hundred requests to node1 after node2's undrain, node2 having served 600 of a
# member's). Setting a member's load factor through balancer-manager, here to the one it has, restarts
# that count from even for every member: a drained node comes back to an even share.
rebalance() {
    local factor
    factor=$(balancer_factor "$1")
    [ -z "$factor" ] || member_set "$1" "w_lf=$factor"
}

is_drained_by_operator() { [ "$(psql_app -tA -v node="$1" <<< "SELECT count(*) FROM node_drain WHERE node = :'node';")" != 0 ]; }

# requests_in_flight NAME: what the node is serving now (its soundwave_http_requests_active metric).
requests_in_flight() {
    curl -s -m 3 "$(node_url "$1")/metrics" 2>/dev/null \
        | sed -n 's/^soundwave_http_requests_active{[^}]*} \([0-9]*\).*/\1/p' | head -1 || true
}

# take_out_of_rotation NAME REASON: no new request reaches the node, and the ones it has are finished.
# 1. balancer-manager sets the member to drain: no new visitor is sent to it (sticky sessions still are);
# 2. its readiness goes DOWN (the drain switch): httpd's health check takes it out, sticky sessions
#    included (they continue on another node from the replicated session);
# 3. wait until the node serves no request.
# Sets OUT_DRAINED=yes when it set the drain switch (an operator's drain is left alone).
take_out_of_rotation() {
    local name=$1 reason=$2 deadline inflight
    OUT_DRAINED=no
    if httpd_running; then
        member_set "$name" "w_status_N=1"
        wait_balancer_state "$name" 'Drn' 10 || say "balancer-manager did not set $name to drain"
    fi
    if ! is_drained_by_operator "$name"; then
        set_drain "$name" "$reason"
        OUT_DRAINED=yes
    fi
    if httpd_running; then
        wait_balancer_state "$name" 'HcFl|Err|Dis|Stop' 30 || say "httpd still lists $name in rotation"
    fi
    deadline=$((SECONDS + 30))
    while inflight=$(requests_in_flight "$name"); [ -n "$inflight" ] && [ "$inflight" != 0 ]; do
        [ $SECONDS -lt $deadline ] || { say "$name still serves $inflight requests after 30 s: stopping it anyway"; break; }
        sleep 0.2
    done
    say "$name is out of rotation"
}

# others_in_rotation NAME: waits (up to 60 s) until another member than NAME is in rotation, so taking
# NAME out leaves the site served.
others_in_rotation() {
    local name=$1 other deadline=$((SECONDS + 60))
    while true; do
        for other in $(node_names); do
            [ "$other" != "$name" ] && balancer_state "$other" | grep -Eq '^Init (Stby )?Ok$' && return 0
        done
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.5
    done
}

# back_in_rotation NAME: once the node's health check passes, the balancer's drain is lifted.
back_in_rotation() {
    local name=$1
    httpd_running || return 0
    wait_balancer_state "$name" 'Ok$' 60 || die "httpd's health check has not passed for $name (bin/cluster status)"
    member_set "$name" "w_status_N=0"
    wait_balancer_state "$name" '^Init (Stby )?Ok$' 30 || die "httpd has not put $name back in rotation"
    say "$name is back in rotation"
}
