# shellcheck shell=bash
# bin/cluster's The cache levels through the admin API (bin/cluster cache). Sourced by bin/cluster.

ready_node_urls() {
    local n url
    for n in $(node_names); do
        url=$(node_url "$n")
        [ "$(http_code "$url/health/ready")" = 200 ] && echo "$url"
    done
    return 0
}

# admin_api METHOD PATH [JSON] [BASE_URL]: calls the API as the administrator; prints the body, fails on >= 400.
admin_api() {
    local method=$1 path=$2 body=${3:-} base=${4:-} password token response code
    [ -n "$base" ] || { base=$(ready_node_urls); base=${base%%$'\n'*}; }
    [ -n "$base" ] || die "no node is ready: bin/cluster up first"
    password=$(sed 's/[\\"]/\\&/g' "$SECRETS/admin-password")
    token=$(curl -s -m 10 -X POST -H 'Content-Type: application/json' \
        --data-binary "{\"username\":\"admin\",\"password\":\"$password\"}" "$base/api/auth/token" \
        | jq -r '.access_token // empty' 2>/dev/null || true)
    [ -n "$token" ] || die "cannot sign in as admin at $base"
    local args=(-s -m 30 -X "$method" -H "Authorization: Bearer $token" -w '\n%{http_code}')
    [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    # A node that has just become ready may still answer 503 for a moment while it starts a servlet.
    local deadline=$((SECONDS + 30))
    while true; do
        response=$(curl "${args[@]}" "$base$path")
        code=${response##*$'\n'}
        [ "$code" = 503 ] && [ "$SECONDS" -lt "$deadline" ] || break
        sleep 1
    done
    [ "$code" -lt 400 ] || die "$method $path: HTTP $code ${response%$'\n'*}"
    printf '%s' "${response%$'\n'*}"
}

CACHE_LEVELS=(page shop fragment count listing catalog)

cache_levels_arg() {
    local level
    [ $# -ge 1 ] || die "name the levels: ${CACHE_LEVELS[*]} or all"
    if [ "$1" = all ]; then printf '%s\n' "${CACHE_LEVELS[@]}"; return 0; fi
    for level in "$@"; do
        [[ " ${CACHE_LEVELS[*]} " == *" $level "* ]] || die "no cache level $level (levels: ${CACHE_LEVELS[*]})"
        echo "$level"
    done
}


cmd_cache() {
    local action=${1:-status} level url object
    shift || true
    case "$action" in
        status)
            printf '%-9s %-4s %6s  %-6s %9s %9s %9s %9s %9s\n' LEVEL ON TTL NODE HITS MISSES PUTS EVICTIONS ENTRIES
            for url in $(ready_node_urls); do
                admin_api GET /api/admin/caches "" "$url" \
                    | jq -r '.[] | [.level, (if .enabled then "yes" else "no" end), .ttlSeconds, .node, .hits, .misses,
                                    .puts, .evictions, .entries] | @tsv' \
                    | while IFS=$'\t' read -r level on ttl node hits misses puts evictions entries; do
                        printf '%-9s %-4s %5ss  %-6s %9s %9s %9s %9s %9s\n' \
                            "$level" "$on" "$ttl" "$node" "$hits" "$misses" "$puts" "$evictions" "$entries"
                    done
            done ;;
        on|off)
            for level in $(cache_levels_arg "$@"); do
                admin_api PUT "/api/admin/caches/$level" "{\"enabled\":$([ "$action" = on ] && echo true || echo false)}" >/dev/null
                say "cache $level: $action"
            done ;;
        ttl)
            [ $# -eq 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || die "usage: bin/cluster cache ttl LEVEL SECONDS"
            level=$(cache_levels_arg "$1")
            admin_api PUT "/api/admin/caches/$level" "{\"ttlSeconds\":$2}" >/dev/null
            say "cache $level: entries stored from now on live $2 s" ;;
        clear)
            if [ $# -eq 0 ]; then
                admin_api DELETE /api/admin/caches/entries >/dev/null
                say "emptied every cache level"
            else
                for level in $(cache_levels_arg "$@"); do
                    admin_api DELETE "/api/admin/caches/$level/entries" >/dev/null
                    say "emptied cache $level"
                done
            fi ;;
        *) die "usage: bin/cluster cache [status|on LEVEL...|off LEVEL...|ttl LEVEL SECONDS|clear [LEVEL...]]" ;;
    esac
}
