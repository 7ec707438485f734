# shellcheck shell=bash
# bin/cluster's The private PostgreSQL (start, stop, the application's and scratch databases) and the standard dataset (seed). Sourced by bin/cluster.

PG_BIN=${SOUNDWAVE_PG_BIN:-/usr/lib/postgresql/15/bin}

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_running() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; }

# psql as PostgreSQL's superuser over the private socket, with its password (every connection needs
# one, local ones included). For bin/cluster's maintenance only: the application connects as soundwave.
psql_admin() {
    PGPASSWORD=$(cat "$SECRETS/db-admin-password") PGCONNECT_TIMEOUT=5 \
        as_pg psql -X -h "$PG_DIR/socket" -p "$PG_PORT" -U postgres -d postgres "$@"
}

psql_app() {
    PGPASSWORD=$(cat "$SECRETS/db-password") PGCONNECT_TIMEOUT=5 \
        psql -X -q -v ON_ERROR_STOP=1 -h "$PG_ADDR" -p "$PG_PORT" -U soundwave -d "${APP_DB:-soundwave}" "$@"
}

# A scratch database beside the application's (for query plans on a large dataset while the
# application keeps its own data): created once, owned by the application's role, with the schema of
# the application's migrations applied in version order.
ensure_scratch_database() {
    local name=$1 migration
    [[ "$name" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "not a database name: $name"
    psql_admin -q -v ON_ERROR_STOP=1 -v db="$name" >/dev/null <<'SQL'
SELECT format('CREATE DATABASE %I OWNER soundwave', :'db')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
    if ! APP_DB=$name psql_app -tA -c "SELECT 1 FROM post LIMIT 0" >/dev/null 2>&1; then
        say "creating the schema in $name from src/main/resources/db/migration"
        while read -r migration; do
            APP_DB=$name psql_app -f "$migration" >/dev/null
        done < <(ls "$ROOT"/src/main/resources/db/migration/V*__*.sql | sort -V)
    fi
}

# As root, PostgreSQL runs as the postgres user, who must reach the data directory. When the run
# directory lies under one postgres cannot enter (a 700 home or temp directory), the data lives in a new
# directory of /var/tmp with a name no one can guess beforehand (mktemp), and run/postgres links to it.
place_postgres_dir() {
    [ "$(id -u)" -eq 0 ] || return 0
    [ -e "$PG_DIR" ] && return 0
    if runuser -u postgres -- test -x "$RUN"; then
        mkdir -p "$PG_DIR"
    else
        local outside
        outside=$(mktemp -d /var/tmp/soundwave-postgres.XXXXXXXXXX)
        say "postgres cannot enter $RUN: keeping its data in $outside (linked from $PG_DIR)"
        ln -sfn "$outside" "$PG_DIR"
        PG_DIR=$outside
    fi
}

# Local connections need the superuser's password too (scram-sha-256, as over TCP); a cluster made
# when they were trusted gets the password, then the rule, the first time this runs.
secure_postgres() {
    if grep -qE '^local +all +all +trust' "$PG_DIR/data/pg_hba.conf"; then
        say "PostgreSQL: local connections now need a password (scram-sha-256)"
        as_pg psql -X -q -h "$PG_DIR/socket" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
            -v pw="$(cat "$SECRETS/db-admin-password")" >/dev/null <<'SQL'
SELECT format('ALTER ROLE postgres PASSWORD %L', :'pw') \gexec
SQL
        sed -i -E 's/^(local +[a-z]+ +all +)trust/\1scram-sha-256/' "$PG_DIR/data/pg_hba.conf"
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" reload >/dev/null
    fi
}

ensure_postgres() {
    place_postgres_dir
    mkdir -p "$PG_DIR/socket"
    # Its directory and its socket's are its own: no other local user reaches the socket.
    chmod 700 "$PG_DIR" "$PG_DIR/socket"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR/" "$PG_DIR/socket"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        say "creating the PostgreSQL cluster in $PG_DIR/data"
        # The superuser's password through a file only postgres reads, removed at once.
        install -m 600 "$SECRETS/db-admin-password" "$PG_DIR/initdb.pw"
        [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR/initdb.pw"
        as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/initdb.pw" --auth=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || { rm -f "$PG_DIR/initdb.pw"; cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
        rm -f "$PG_DIR/initdb.pw"
    fi
    # On its own host, PostgreSQL takes connections from the hosts' network (nodes, and this machine's
    # scripts through the bridge), with the same password authentication.
    if hosts_mode && ! grep -q "^host all all $HOSTS_NET.0/24 " "$PG_DIR/data/pg_hba.conf"; then
        printf 'host all all %s.0/24 scram-sha-256\n' "$HOSTS_NET" >> "$PG_DIR/data/pg_hba.conf"
    fi
    if ! pg_running; then
        local pg_ctl=("$PG_BIN/pg_ctl")
        [ "$(id -u)" -eq 0 ] && pg_ctl=(runuser -u postgres -- "$PG_BIN/pg_ctl")
        say "starting PostgreSQL on $(pg_listen_address):$PG_PORT"
        in_host db "${pg_ctl[@]}" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
            -o "-p $PG_PORT -k $PG_DIR/socket -c listen_addresses=$(pg_listen_address) -c max_connections=200 -c shared_buffers=256MB $PG_STATS" \
            start >/dev/null || { tail -20 "$PG_DIR/postgres.log" >&2; die "PostgreSQL did not start"; }
    fi
    secure_postgres
    ensure_delay_proxy
    local password
    password=$(cat "$SECRETS/db-password")
    # Whether the application's database is new (created below): 'up' loads the demo data into it then.
    [ -n "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = 'soundwave'")" ] || NEW_DATABASE=yes
    # The application's role and database, created once; the password follows the secrets file.
    psql_admin -q -v ON_ERROR_STOP=1 -v pw="$password" >/dev/null <<'SQL'
SELECT format('CREATE ROLE soundwave LOGIN PASSWORD %L', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'soundwave') \gexec
SELECT format('ALTER ROLE soundwave PASSWORD %L', :'pw') \gexec
SELECT 'CREATE DATABASE soundwave OWNER soundwave'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'soundwave') \gexec
\c soundwave
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
GRANT pg_read_all_stats TO soundwave;
SQL
}

# Statement statistics (which SQL the application sends, how often): the optimization report and the
# tests that count statements per request read pg_stat_statements. Utility statements (BEGIN, COMMIT,
# SET) are left out so the counts are the queries themselves.
PG_STATS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_utility=off"

stop_postgres() {
    if [ -f "$PG_DIR/data/PG_VERSION" ] && pg_running; then
        say "stopping PostgreSQL"
        local pid deadline=$((SECONDS + 30))
        pid=$(head -1 "$PG_DIR/data/postmaster.pid")
        as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null
        # pg_ctl returns once postmaster.pid is gone, a moment before the process itself exits.
        while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    fi
}

# stop|start|restart postgres: PostgreSQL alone, for maintenance. The nodes keep running meanwhile:
# page-cached pages are served stale, the rest answers 503 with Retry-After, and everything recovers by
# itself within seconds of PostgreSQL being back (no node restart).
cmd_postgres() {
    local action=$1
    [ -f "$PG_DIR/data/PG_VERSION" ] || die "no PostgreSQL cluster in $PG_DIR: bin/cluster up first"
    case "$action" in
        stop) pg_running || { say "PostgreSQL is not running"; return 0; }
              stop_postgres
              say "PostgreSQL stopped: nodes serve cached pages stale and answer 503 to the rest until it starts again" ;;
        start) ensure_postgres; say "PostgreSQL runs on $PG_HOST:$PG_PORT: nodes reconnect within seconds" ;;
        restart) stop_postgres; ensure_postgres; say "PostgreSQL restarted on $PG_HOST:$PG_PORT: nodes reconnect within seconds" ;;
    esac
}

# The demo data a new database gets on 'up' (unless --empty): a small standard dataset (loadtest/DATASET.md's
# rules) and a picture for every product, made locally by bin/lib/DemoImages.java.
DEMO_SEED=(--users 30 --posts 300 --comments-per-post 4 --tags 20 --categories 6 --products 60)

load_demo() {
    say "a new database: loading the demo data (bin/cluster up --empty leaves it empty)"
    cmd_seed "${DEMO_SEED[@]}"
    psql_app -tA -F'|' -c "SELECT p.id, c.slug FROM product p JOIN category c ON c.id = p.category_id WHERE p.image_id IS NULL ORDER BY p.id" \
        | java "$ROOT/bin/lib/DemoImages.java" 2>/dev/null | psql_app -q -v ON_ERROR_STOP=1 >/dev/null \
        || die "could not store the demo products' pictures"
    # The pages cached before the pictures were linked would show products without them.
    admin_api DELETE /api/admin/caches/entries >/dev/null
    say "demo data: members user0001 to user0030 (password: password), 300 posts, 60 products with pictures"
}

# PostgreSQL's state for status: running and accepting connections, running but refusing them
# (starting, shutting down), or stopped.
postgres_state() {
    if [ ! -f "$PG_DIR/data/PG_VERSION" ] || ! pg_running; then
        echo stopped
    elif as_pg "$PG_BIN/pg_isready" -q -h "$PG_DIR/socket" -p "$PG_PORT" -t 2 >/dev/null 2>&1; then
        echo "$PG_HOST:$PG_PORT, accepting connections"
    else
        echo "$PG_HOST:$PG_PORT, running but not accepting connections"
    fi
}

# The dataset's one password hash, in the format the application stores (Soteria's PBKDF2:
# algorithm:iterations:salt:hash, base64), with a fixed salt so the same parameters give the same rows;
# as many iterations as the nodes use for new hashes (SOUNDWAVE_PASSWORD_ITERATIONS, default 210000).
dataset_password_hash() {
    local seed='soundwave standard dataset' salt hash iterations=${SOUNDWAVE_PASSWORD_ITERATIONS:-210000}
    [[ "$iterations" =~ ^[0-9]+$ ]] && [ "$iterations" -ge 1024 ] || die "SOUNDWAVE_PASSWORD_ITERATIONS must be a number of at least 1024"
    salt=$(printf '%s' "$seed" | openssl dgst -sha256 -r | cut -c1-64)
    hash=$(openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt pass:password -kdfopt "hexsalt:$salt" \
        -kdfopt "iter:$iterations" -binary PBKDF2 | base64 -w0)
    printf 'PBKDF2WithHmacSHA256:%s:%s:%s' "$iterations" "$(printf '%s' "$seed" | openssl dgst -sha256 -binary | base64 -w0)" "$hash"
}

cmd_seed() {
    local users=200 posts=10000 comments=10 tags=50 categories=10 products=5000 database=soundwave
    while [ $# -gt 0 ]; do
        case "$1" in
            --database) database=$2; shift 2 ;;
            --users) users=$2; shift 2 ;;
            --posts) posts=$2; shift 2 ;;
            --comments-per-post) comments=$2; shift 2 ;;
            --tags) tags=$2; shift 2 ;;
            --categories) categories=$2; shift 2 ;;
            --products) products=$2; shift 2 ;;
            --large) posts=100000; shift ;;
            *) die "seed: unknown option $1" ;;
        esac
    done
    for n in "$users" "$posts" "$comments" "$tags" "$categories" "$products"; do
        [[ "$n" =~ ^[0-9]+$ ]] || die "seed: not a number: $n"
    done
    [ "$users" -ge 1 ] && [ "$tags" -ge 1 ] && [ "$categories" -ge 1 ] || die "seed: --users, --tags and --categories must be at least 1"
    [ -f "$PG_DIR/data/PG_VERSION" ] && pg_running || die "PostgreSQL is not running: bin/cluster up first"
    [ "$database" = soundwave ] || ensure_scratch_database "$database"
    export APP_DB=$database
    psql_app -tA -c "SELECT 1 FROM post LIMIT 0" >/dev/null 2>&1 \
        || die "the blog's tables do not exist yet: start a node (bin/cluster up) so its migrations run"
    say "seeding $database: $users users, $posts posts, $((posts * comments)) comments, $tags tags, $categories categories, $products products"
    local started=$SECONDS
    psql_app -v users="$users" -v posts="$posts" -v comments="$comments" -v tags="$tags" \
        -v categories="$categories" -v products="$products" \
        -v password_hash="$(dataset_password_hash)" -f "$ROOT/bin/lib/seed.sql" >/dev/null
    say "seeded in $((SECONDS - started))s"
    # The rows changed behind the application's back: what the nodes cached of the old ones must go.
    if [ "$database" = soundwave ] && [ -n "$(ready_node_urls)" ]; then
        admin_api DELETE /api/admin/caches/entries >/dev/null
        say "emptied the caches of the running nodes"
    fi
}
