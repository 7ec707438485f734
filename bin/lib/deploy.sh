# shellcheck shell=bash
# bin/cluster's Changes of a running cluster one node at a time: restart, deploy, add-node, remove-node. Sourced by bin/cluster.

cmd_restart() {
    local name=${1:-}
    [ -n "$name" ] || die "usage: bin/cluster restart NODE|postgres"
    [ "$name" = postgres ] && { cmd_postgres restart; return; }
    check_node "$name"
    is_local "$name" || die "$name runs on $(node_host "$name"): restart it there"
    OUT_DRAINED=no
    # Out of rotation first, so no request is sent to a node that is going away.
    pid_alive "$(node_dir "$name")/node.pid" && take_out_of_rotation "$name" "restarting"
    stop_node "$name"
    [ "$OUT_DRAINED" = yes ] && lift_drain "$name"
    start_node "$name" "$(cat "$(node_dir "$name")/node.war" 2>/dev/null || echo "$APP/soundwave.war")"
    slow_start "$name"
    wait_ready "$name" || die "$name did not come back (bin/cluster logs $name)"
    back_in_rotation "$name"
    ramping "$name"
}

# ramping NAME: says whether NAME's share of new visitors is still growing (slow_start).
ramping() {
    if pid_alive "$(node_dir "$1")/ramp.pid"; then
        say "$1 takes a growing share of new visitors, the full one ${SLOW_START} s after it entered rotation (bin/cluster status)"
    fi
}

# deploy WAR: rolls a new build through the running cluster, one node at a time, with no failed request.
cmd_deploy() {
    local war="" force=no timeout=0
    while [ $# -gt 0 ]; do
        case "$1" in
            --force) force=yes; shift ;;
            --timeout) [[ "${2:-}" =~ ^[0-9]+$ ]] || die "--timeout needs seconds"; timeout=$2; shift 2 ;;
            -*) die "deploy: unknown option $1" ;;
            *) [ -z "$war" ] || die "usage: bin/cluster deploy WAR [--timeout S] [--force]"; war=$1; shift ;;
        esac
    done
    [ -n "$war" ] || die "usage: bin/cluster deploy WAR [--timeout S] [--force]"
    [ -f "$war" ] || die "no such file: $war"
    war=$(cd "$(dirname "$war")" && pwd)/$(basename "$war")
    httpd_running || die "httpd is not running: bin/cluster up first"
    [ -n "$(ready_node_urls)" ] || die "no node is ready: bin/cluster up first"

    # Before anything stops: can the new build read the sessions and cached values of the running one?
    local report rc=0
    report=$(java "$ROOT/bin/lib/SessionCompatibility.java" "$APP/soundwave.war" "$war" 2>&1) || rc=$?
    case $rc in
        0) say "session compatibility: $report" ;;
        1)  echo "$report" >&2
            if [ $force = yes ]; then
                say "the new build cannot read all sessions of the running one; rolling anyway (--force): sessions holding these classes are lost"
            else
                die "deploy refused: the new build cannot read sessions or cached values of the running one (above). Nothing was changed. Keep serialVersionUIDs stable, or roll anyway with --force (members holding these classes lose their session)."
            fi ;;
        *) die "not a WAR the check can read: $war ($report)" ;;
    esac

    # Each release under its own directory but always named soundwave.war: the archive's name is the
    # application's name, and CDI identifies session-held beans by it, so nodes running differently named
    # WARs could not restore each other's sessions (view-scoped beans fail with "contextual is null").
    local release
    release="$APP/releases/$(sha256sum "$war" | cut -c1-12)/soundwave.war"
    mkdir -p "$(dirname "$release")"
    cp "$war" "$release"
    local name old_war done_nodes=() began=$SECONDS node_began
    for name in $(node_names); do
        if ! is_local "$name"; then
            say "$name runs on $(node_host "$name"): deploy there (bin/cluster deploy on that host)"
            continue
        fi
        old_war=$(cat "$(node_dir "$name")/node.war" 2>/dev/null || echo "$APP/soundwave.war")
        # The node deployed before this one has its full share of new visitors before this one leaves.
        wait_slow_start $(node_names)
        node_began=$SECONDS
        say "deploying to $name ($(node_role "$name"))"
        others_in_rotation "$name" || die "deploy stopped before $name: no other node is in rotation to serve meanwhile (bin/cluster status)${done_nodes[*]:+; ${done_nodes[*]} already run the new build}"
        OUT_DRAINED=no
        pid_alive "$(node_dir "$name")/node.pid" && take_out_of_rotation "$name" "deploying"
        stop_node "$name"
        [ "$OUT_DRAINED" = yes ] && lift_drain "$name"
        say "$name: out of rotation and stopped $((SECONDS - node_began)) s"
        start_node "$name" "$release"
        slow_start "$name"
        if ! wait_ready --timeout "$timeout" "$name"; then
            say "the new build did not become ready on $name: starting it again on the version it ran"
            stop_node "$name"
            start_node "$name" "$old_war"
            slow_start "$name"
            wait_ready "$name" || die "deploy aborted, and $name did not come back on its old version either (bin/cluster logs $name)"
            back_in_rotation "$name"
            die "deploy aborted: $(basename "$war") did not start on $name (bin/cluster logs $name). Every node serves the version it served before${done_nodes[*]:+, except ${done_nodes[*]} (already on the new one)}."
        fi
        back_in_rotation "$name"
        done_nodes+=("$name")
        say "$name runs $(node_version "$name"), back in rotation after $((SECONDS - node_began)) s"
    done
    # shellcheck disable=SC2046
    wait_slow_start $(node_names)
    # Nodes started from now on (restart, up, add-node) start on the new build too.
    cp "$release" "$APP/soundwave.war.new" && mv "$APP/soundwave.war.new" "$APP/soundwave.war"
    for name in "${done_nodes[@]+"${done_nodes[@]}"}"; do echo "$APP/soundwave.war" > "$(node_dir "$name")/node.war"; done
    echo "deployed $(basename "$war") to ${done_nodes[*]:-no node} in $((SECONDS - began)) s"
}

# add-node [--standby] [--host H]: a new member joins the running cluster: its Hazelcast joins the data
# grid, httpd gets it as a balancer member through balancer-manager (no restart).
cmd_add_node() {
    local role=active host=127.0.0.1
    while [ $# -gt 0 ]; do
        case "$1" in
            --standby) role=standby; shift ;;
            --host) host=$2; shift 2 ;;
            *) die "usage: bin/cluster add-node [--standby] [--host HOST]" ;;
        esac
    done
    httpd_running || die "httpd is not running: bin/cluster up first"
    local n next=0 http=0 hz=0 name
    for n in "${MEMBERS[@]}"; do
        [[ "$n" =~ ^node([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" -gt "$next" ] && next=${BASH_REMATCH[1]}
        [ "${M_HTTP[$n]}" -gt "$http" ] && http=${M_HTTP[$n]}
        [ "${M_HZ[$n]}" -gt "$hz" ] && hz=${M_HZ[$n]}
    done
    name="node$((next + 1))"
    # With --hosts, a new node gets a host of its own, with the next address.
    if hosts_mode && [ "$host" = 127.0.0.1 ]; then host="$HOSTS_NET.$((10 + next + 1))"; fi
    printf '%-8s %-11s %-10s %-15s %s\n' "$name" "$host" $((http + 1)) $((hz + 1)) "$role" >> "$NODES_FILE"
    read_members
    if is_local "$name"; then
        ensure_built
        if hosts_mode; then ensure_host "$name"; fi
        grid_firewall   # the other nodes admit the new one before it joins
        start_node "$name"
        if ! wait_ready "$name"; then
            stop_node "$name"
            remove_member_line "$name"
            grid_firewall
            die "$name did not start; the cluster is as it was (bin/cluster logs $name)"
        fi
    else
        say "start $name on $host with this nodes file (bin/cluster up there); httpd checks it until then"
    fi
    add_member "$name"
    slow_start "$name"
    render_httpd_conf   # the next start of httpd has it in its configuration
    save_settings
    if is_local "$name"; then
        wait_balancer_state "$name" '^Init (Stby )?Ok$' 60 || die "httpd has not put $name in rotation (bin/cluster status)"
    fi
    echo "$name joined: $(node_url "$name") ($role), Hazelcast $(node_host "$name"):$(node_hz_port "$name")"
}

remove_member_line() {
    local tmp="$NODES_FILE.tmp"
    awk -v name="$1" '$1 != name' "$NODES_FILE" > "$tmp" && mv "$tmp" "$NODES_FILE"
    read_members
}

# remove-node [NODE]: takes a node (default: the last one listed) out of rotation, lets it finish its
# requests, stops it and disables its balancer member.
cmd_remove_node() {
    local name=${1:-${MEMBERS[${#MEMBERS[@]}-1]}}
    check_node "$name"
    if [ "$(node_role "$name")" = active ] && [ "$(members_with_role active | wc -l)" -le 1 ]; then
        die "$name is the last active node: add another first"
    fi
    OUT_DRAINED=no
    if is_local "$name" && pid_alive "$(node_dir "$name")/node.pid"; then
        take_out_of_rotation "$name" "being removed"
        stop_node "$name"
        if hosts_mode; then remove_host "$name"; fi
    elif ! is_local "$name"; then
        say "stop $name on $(node_host "$name") yourself once it is out of rotation"
    fi
    # httpd cannot delete a member while it runs: disabled, it gets no request until httpd restarts
    # without it.
    if httpd_running && balancer_has_member "$name"; then
        member_set "$name" "w_status_D=1" "w_status_N=0"
        wait_balancer_state "$name" 'Dis' 10 || say "balancer-manager did not disable $name"
    fi
    lift_drain "$name"
    remove_member_line "$name"
    grid_firewall
    render_httpd_conf
    save_settings
    echo "$name removed; the cluster has $(node_names | tr '\n' ' ')"
}
