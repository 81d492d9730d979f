#!/usr/bin/env bash
# Marquee local operations: infrastructure for the demo and the tests.
#
#   marquee.sh infra-up     start PostgreSQL + Keycloak (idempotent), write $MARQUEE_STATE/marquee.env
#   marquee.sh infra-down   stop Keycloak and PostgreSQL (idempotent)
#   marquee.sh status       show what is running
#   marquee.sh kc-reimport  wipe Keycloak's dev database and re-import ops/keycloak/marquee-realm.json
#
# Environment (all optional):
#   MARQUEE_STATE        state folder (default /var/lib/marquee; must be traversable by `postgres`)
#   MARQUEE_PG_PORT      private PostgreSQL port (default 55432)
#   MARQUEE_KC_PORT      Keycloak HTTP port (default 8180)
#   MARQUEE_DB_PASSWORD  password of the `marquee` role (default `marquee`: local-only cluster)
#   MARQUEE_DB_URL       external database (JDBC URL): no local PostgreSQL is started;
#                        MARQUEE_DB_USER / MARQUEE_DB_PASSWORD / MARQUEE_IT_DB_URL are passed through
#   MARQUEE_KC_URL       external Keycloak base URL (realm `marquee` must exist): no local Keycloak;
#                        MARQUEE_KC_PLATFORM_CLIENT_SECRET must then be given too
#
# Runs as root; otherwise the steps that need root (apt-get, the state folder, running as
# `postgres`) go through sudo.
set -euo pipefail

# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CORE_DIR=$(dirname "$OPS_DIR")
REPO_DIR=$(dirname "$CORE_DIR")

MARQUEE_STATE=${MARQUEE_STATE:-/var/lib/marquee}
PG_PORT=${MARQUEE_PG_PORT:-55432}
KC_PORT=${MARQUEE_KC_PORT:-8180}
KC_VERSION=26.4.5
KC_REALM=marquee
KC_WAIT_SECONDS=180

PG_DATA=$MARQUEE_STATE/pg
LOG_DIR=$MARQUEE_STATE/logs
SECRETS_FILE=$MARQUEE_STATE/secrets.env
ENV_FILE=$MARQUEE_STATE/marquee.env
KC_HOME=$MARQUEE_STATE/keycloak-$KC_VERSION
KC_PID_FILE=$MARQUEE_STATE/keycloak.pid
KC_LOG=$LOG_DIR/keycloak.log
PG_LOG=$LOG_DIR/postgresql.log
REALM_FILE=$OPS_DIR/keycloak/marquee-realm.json
THEME_DIR=$OPS_DIR/keycloak/themes/marquee

# Local Keycloak unless an external one is given.
KC_URL=${MARQUEE_KC_URL:-http://localhost:$KC_PORT}
KC_URL=${KC_URL%/}

RUN_USER=$(id -un)

# MARQUEE_DB_URL means "external database" unless it is the local cluster's own URL (as
# written to marquee.env, which the run/test commands export before calling infra-up).
LOCAL_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/marquee
db_external() {
    [ -n "${MARQUEE_DB_URL:-}" ] || return 1
    case $MARQUEE_DB_URL in
        "$LOCAL_DB_URL" | "$LOCAL_DB_URL"\?* | jdbc:postgresql://localhost:"$PG_PORT"/marquee*) return 1 ;;
    esac
    return 0
}
PG_BIN=""   # set by pg_find_bin

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
log()  { printf '[marquee] %s\n' "$*"; }
warn() { printf '[marquee] WARNING: %s\n' "$*" >&2; }
die()  { printf '[marquee] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command as root (directly, or through sudo).
as_root() {
    if is_root; then
        "$@"
    else
        command -v sudo >/dev/null 2>&1 || die "not root and sudo is not installed: run this as root"
        sudo "$@"
    fi
}

# Run a command as the `postgres` OS user (PostgreSQL refuses to run as root).
as_postgres() {
    if is_root; then
        runuser -u postgres -- "$@"
    elif [ "$RUN_USER" = postgres ]; then
        "$@"
    else
        command -v sudo >/dev/null 2>&1 || die "not root and sudo is not installed: run this as root"
        sudo -u postgres -- "$@"
    fi
}

# wait_http URL TIMEOUT_SECONDS [PID]: wait until URL answers 2xx. If PID is given and the
# process dies meanwhile, stop waiting. Returns non-zero on timeout.
wait_http() {
    local url=$1 timeout=$2 pid=${3:-} start
    start=$(date +%s)
    while true; do
        if curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; then
            return 0
        fi
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            return 2
        fi
        if [ $(($(date +%s) - start)) -ge "$timeout" ]; then
            return 1
        fi
        sleep 2
    done
}

port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

random_secret() { openssl rand -hex 24; }

# Read KEY from a KEY=value file (no quoting), empty if absent.
env_file_get() {
    local file=$1 key=$2
    [ -r "$file" ] || return 0
    sed -n "s/^${key}=//p" "$file" | tail -n 1
}

# Serialise infra-up/infra-down/kc-reimport between concurrent callers.
lock_state() {
    exec 9>"$MARQUEE_STATE/.infra.lock"
    flock -n 9 && return 0
    log "waiting for another marquee.sh infra command (lock $MARQUEE_STATE/.infra.lock)"
    flock -w 300 9 || die "another marquee.sh infra command still holds $MARQUEE_STATE/.infra.lock"
}

# Release the lock as soon as the infra step is done, so that processes started later by the
# same script (Liberty, Maven) do not inherit fd 9 and keep the lock.
unlock_state() { exec 9>&-; }

ensure_state_dir() {
    if [ ! -d "$MARQUEE_STATE" ]; then
        as_root install -d -m 755 -o "$RUN_USER" "$MARQUEE_STATE"
    fi
    [ -w "$MARQUEE_STATE" ] || die "$MARQUEE_STATE is not writable by $RUN_USER"
    chmod 755 "$MARQUEE_STATE" 2>/dev/null || true
    mkdir -p "$LOG_DIR"
    chmod 755 "$LOG_DIR"
}

# Load the generated secrets (creating them on first use).
ensure_secrets() {
    local old_umask
    old_umask=$(umask)
    umask 077
    touch "$SECRETS_FILE"
    umask "$old_umask"
    chmod 600 "$SECRETS_FILE"
    if [ -z "$(env_file_get "$SECRETS_FILE" KC_BOOTSTRAP_ADMIN_PASSWORD)" ]; then
        printf 'KC_BOOTSTRAP_ADMIN_USERNAME=admin\nKC_BOOTSTRAP_ADMIN_PASSWORD=%s\n' "$(random_secret)" >>"$SECRETS_FILE"
        log "generated the Keycloak bootstrap admin password into $SECRETS_FILE"
    fi
    if [ -z "$(env_file_get "$SECRETS_FILE" MARQUEE_KC_PLATFORM_CLIENT_SECRET)" ]; then
        printf 'MARQUEE_KC_PLATFORM_CLIENT_SECRET=%s\n' "${MARQUEE_KC_PLATFORM_CLIENT_SECRET:-$(random_secret)}" >>"$SECRETS_FILE"
        log "generated the marquee-platform client secret into $SECRETS_FILE"
    fi
    if [ -z "$(env_file_get "$SECRETS_FILE" MARQUEE_PAYMENTS_TEST_SECRET)" ]; then
        printf 'MARQUEE_PAYMENTS_TEST_SECRET=%s\n' "$(random_secret)" >>"$SECRETS_FILE"
        log "generated the test gateway's webhook secret into $SECRETS_FILE"
    fi
    if [ -z "$(env_file_get "$SECRETS_FILE" MARQUEE_KEYS_MASTER)" ]; then
        printf 'MARQUEE_KEYS_MASTER=%s\n' "$(openssl rand -base64 32)" >>"$SECRETS_FILE"
        log "generated the master key that wraps ticket signing keys into $SECRETS_FILE"
    fi
    PAYMENTS_TEST_SECRET=$(env_file_get "$SECRETS_FILE" MARQUEE_PAYMENTS_TEST_SECRET)
    KEYS_MASTER=$(env_file_get "$SECRETS_FILE" MARQUEE_KEYS_MASTER)
    KC_ADMIN_USER=$(env_file_get "$SECRETS_FILE" KC_BOOTSTRAP_ADMIN_USERNAME)
    KC_ADMIN_PASSWORD=$(env_file_get "$SECRETS_FILE" KC_BOOTSTRAP_ADMIN_PASSWORD)
    # An explicitly given secret (external Keycloak) wins over the generated one.
    PLATFORM_SECRET=${MARQUEE_KC_PLATFORM_CLIENT_SECRET:-$(env_file_get "$SECRETS_FILE" MARQUEE_KC_PLATFORM_CLIENT_SECRET)}
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL (private cluster owned by `postgres` in $MARQUEE_STATE/pg)
# ---------------------------------------------------------------------------------------------
pg_find_bin() {
    local d
    if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
        PG_BIN=/usr/lib/postgresql/15/bin
        return 0
    fi
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$d" ] && [ -x "$d/initdb" ]; then
        PG_BIN=$d
        return 0
    fi
    return 1
}

pg_install() {
    if pg_find_bin; then
        return 0
    fi
    log "PostgreSQL server binaries not found: installing Debian's postgresql"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
    pg_find_bin || die "apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb was found"
}

pg_running() {
    [ -f "$PG_DATA/PG_VERSION" ] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_psql() {
    as_postgres "$PG_BIN/psql" -h "$PG_DATA" -p "$PG_PORT" -U postgres -d postgres \
        -X -q -v ON_ERROR_STOP=1 "$@"
}

pg_up() {
    pg_install
    id postgres >/dev/null 2>&1 || die "the postgres OS user does not exist (install the postgresql package)"

    if ! as_postgres test -x "$MARQUEE_STATE"; then
        die "user postgres cannot traverse $MARQUEE_STATE (every folder on its path needs o+x, e.g. not under /root with mode 700); set MARQUEE_STATE elsewhere or fix the permissions"
    fi

    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        log "PostgreSQL: initdb $PG_DATA ($PG_BIN)"
        as_root install -d -m 700 -o postgres -g postgres "$PG_DATA"
        as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=scram-sha-256 >"$LOG_DIR/initdb.log" 2>&1 \
            || die "initdb failed, see $LOG_DIR/initdb.log"
        as_postgres sh -c "printf '%s\n' \"include_if_exists = 'marquee.conf'\" >> '$PG_DATA/postgresql.conf'"
    fi
    # Settings are rewritten every time (applied at the next start).
    as_postgres sh -c "cat > '$PG_DATA/marquee.conf'" <<EOF
# Written by core-platform/ops/marquee.sh on every infra-up; edits are lost.
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_DATA'
max_connections = 300
EOF

    if pg_running; then
        log "PostgreSQL: already running on 127.0.0.1:$PG_PORT"
    else
        if port_in_use "$PG_PORT"; then
            die "port $PG_PORT is taken by another process; set MARQUEE_PG_PORT"
        fi
        if [ ! -e "$PG_LOG" ]; then
            as_root install -m 640 -o postgres -g postgres /dev/null "$PG_LOG"
        fi
        log "PostgreSQL: starting on 127.0.0.1:$PG_PORT"
        # 9>&-: the server must not inherit (and keep) the infra lock.
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null 9>&- \
            || { tail -n 20 "$PG_LOG" >&2 || true; die "PostgreSQL did not start, see $PG_LOG"; }
    fi
    as_postgres "$PG_BIN/pg_isready" -q -h "$PG_DATA" -p "$PG_PORT" \
        || die "PostgreSQL is not accepting connections on port $PG_PORT"

    # Role and databases (idempotent; the password follows MARQUEE_DB_PASSWORD).
    pg_psql -v pw="$DB_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE marquee LOGIN CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'marquee') \gexec
ALTER ROLE marquee WITH LOGIN CREATEDB PASSWORD :'pw';
SELECT 'CREATE DATABASE marquee OWNER marquee' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'marquee') \gexec
SELECT 'CREATE DATABASE marquee_it OWNER marquee' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'marquee_it') \gexec
SQL
    log "PostgreSQL: role marquee, databases marquee + marquee_it ready"
}

pg_down() {
    if db_external; then
        log "PostgreSQL: external (MARQUEE_DB_URL), nothing to stop"
        return 0
    fi
    if ! pg_find_bin || [ ! -f "$PG_DATA/PG_VERSION" ]; then
        log "PostgreSQL: no local cluster"
        return 0
    fi
    if pg_running; then
        log "PostgreSQL: stopping"
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
    else
        log "PostgreSQL: not running"
    fi
}

# ---------------------------------------------------------------------------------------------
# Keycloak (dev mode, H2 database inside $KC_HOME/data)
# ---------------------------------------------------------------------------------------------
kc_pid() {
    local pid
    [ -f "$KC_PID_FILE" ] || return 1
    pid=$(cat "$KC_PID_FILE" 2>/dev/null || true)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a recycled pid.
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -e 'kc.sh' -e 'quarkus' || return 1
    echo "$pid"
}

kc_install() {
    if [ -x "$KC_HOME/bin/kc.sh" ]; then
        return 0
    fi
    local dl=$MARQUEE_STATE/downloads zip tmp
    zip=$dl/keycloak-quarkus-dist-$KC_VERSION.zip
    mkdir -p "$dl"
    if [ ! -s "$zip" ]; then
        command -v mvn >/dev/null 2>&1 || die "mvn is needed to fetch org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
        log "Keycloak: fetching keycloak-quarkus-dist $KC_VERSION (Maven)"
        mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
            -DoutputDirectory="$dl" -Dmdep.overWriteIfNewer=true >"$LOG_DIR/mvn-keycloak.log" 2>&1 \
            || { tail -n 20 "$LOG_DIR/mvn-keycloak.log" >&2; die "could not fetch org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip (see $LOG_DIR/mvn-keycloak.log)"; }
    fi
    log "Keycloak: unpacking into $KC_HOME"
    tmp=$(mktemp -d "$MARQUEE_STATE/.kc-unzip.XXXXXX")
    unzip -q "$zip" -d "$tmp"
    mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
    rmdir "$tmp"
}

# Theme and realm file are copied on every infra-up (theme caching is off, so edits apply
# on the next page load; realm changes need `kc-reimport`).
kc_sync_files() {
    [ -f "$REALM_FILE" ] || die "missing $REALM_FILE"
    [ -f "$THEME_DIR/login/theme.properties" ] || die "missing $THEME_DIR/login/theme.properties"
    rm -rf "$KC_HOME/themes/marquee.new"
    cp -R "$THEME_DIR" "$KC_HOME/themes/marquee.new"
    rm -rf "$KC_HOME/themes/marquee"
    mv "$KC_HOME/themes/marquee.new" "$KC_HOME/themes/marquee"
    mkdir -p "$KC_HOME/data/import"
    cp "$REALM_FILE" "$KC_HOME/data/import/marquee-realm.json"
}

kc_fail() {
    printf '[marquee] ---- last lines of %s ----\n' "$KC_LOG" >&2
    tail -n 40 "$KC_LOG" >&2 || true
    die "$1"
}

kc_start() {
    local pid
    if port_in_use "$KC_PORT"; then
        die "port $KC_PORT is taken by another process (not the Keycloak in $KC_HOME); stop it or set MARQUEE_KC_PORT"
    fi
    log "Keycloak: starting on http://localhost:$KC_PORT (log: $KC_LOG)"
    printf '\n==== %s marquee.sh: kc.sh start-dev ====\n' "$(date -Is)" >>"$KC_LOG"
    (
        cd "$KC_HOME"
        export KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN_USER"
        export KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD"
        # Read by the realm import: "secret": "${MARQUEE_KC_PLATFORM_CLIENT_SECRET}".
        export MARQUEE_KC_PLATFORM_CLIENT_SECRET="$PLATFORM_SECRET"
        exec 9>&-   # do not let Keycloak inherit the infra lock
        exec setsid nohup ./bin/kc.sh start-dev \
            --http-host 127.0.0.1 --http-port "$KC_PORT" \
            --hostname "http://localhost:$KC_PORT" \
            --import-realm \
            --spi-theme--cache-themes=false --spi-theme--cache-templates=false \
            --spi-theme--static-max-age=-1 \
            </dev/null >>"$KC_LOG" 2>&1
    ) &
    pid=$!
    echo "$pid" >"$KC_PID_FILE"
    local rc=0
    wait_http "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration" "$KC_WAIT_SECONDS" "$pid" || rc=$?
    case $rc in
        0) log "Keycloak: up (pid $pid)" ;;
        2) rm -f "$KC_PID_FILE"; kc_fail "Keycloak exited during start-up" ;;
        *) kc_fail "Keycloak did not answer $KC_URL/realms/$KC_REALM/.well-known/openid-configuration within ${KC_WAIT_SECONDS}s (still running as pid $pid)" ;;
    esac
}

# Token for the master realm admin (local Keycloak only).
kc_admin_token() {
    curl -fsS --max-time 20 "$KC_URL/realms/master/protocol/openid-connect/token" \
        --data-urlencode grant_type=password --data-urlencode client_id=admin-cli \
        --data-urlencode "username=$KC_ADMIN_USER" --data-urlencode "password=$KC_ADMIN_PASSWORD" \
        | jq -er .access_token
}

# The realm import sets the marquee-platform secret from ${MARQUEE_KC_PLATFORM_CLIENT_SECRET}.
# Verify it with a client_credentials grant; if it does not match (e.g. secrets.env was
# regenerated after the realm was imported) set it through the admin REST API.
kc_ensure_platform_secret() {
    local code token cid
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 \
        "$KC_URL/realms/$KC_REALM/protocol/openid-connect/token" \
        --data-urlencode grant_type=client_credentials --data-urlencode client_id=marquee-platform \
        --data-urlencode "client_secret=$PLATFORM_SECRET")
    if [ "$code" = 200 ]; then
        log "Keycloak: marquee-platform client secret verified"
        return 0
    fi
    if [ -n "${MARQUEE_KC_URL:-}" ]; then
        die "client_credentials for marquee-platform at $KC_URL failed (HTTP $code): check MARQUEE_KC_PLATFORM_CLIENT_SECRET"
    fi
    log "Keycloak: marquee-platform secret does not match (HTTP $code), setting it through the admin API"
    token=$(kc_admin_token) || die "cannot get a master admin token (admin user from $SECRETS_FILE)"
    cid=$(curl -fsS --max-time 20 -H "Authorization: Bearer $token" \
        "$KC_URL/admin/realms/$KC_REALM/clients?clientId=marquee-platform" | jq -er '.[0].id') \
        || die "client marquee-platform not found in realm $KC_REALM"
    jq -n --arg s "$PLATFORM_SECRET" '{secret: $s}' | curl -fsS --max-time 20 -X PUT \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data @- \
        "$KC_URL/admin/realms/$KC_REALM/clients/$cid" >/dev/null \
        || die "could not set the marquee-platform secret"
    log "Keycloak: marquee-platform secret set"
}

kc_up() {
    if [ -n "${MARQUEE_KC_URL:-}" ]; then
        log "Keycloak: external at $KC_URL"
        [ -n "${MARQUEE_KC_PLATFORM_CLIENT_SECRET:-}" ] \
            || die "MARQUEE_KC_URL is set: also set MARQUEE_KC_PLATFORM_CLIENT_SECRET (the marquee-platform client secret)"
        wait_http "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration" "$KC_WAIT_SECONDS" \
            || die "$KC_URL/realms/$KC_REALM does not answer"
        kc_ensure_platform_secret
        return 0
    fi
    command -v java >/dev/null 2>&1 || die "java (17+) is needed for Keycloak"
    kc_install
    kc_sync_files
    local pid
    if pid=$(kc_pid); then
        if wait_http "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration" "$KC_WAIT_SECONDS" "$pid"; then
            log "Keycloak: already running (pid $pid) on $KC_URL"
        else
            kc_fail "Keycloak (pid $pid) is running but $KC_URL/realms/$KC_REALM does not answer"
        fi
    else
        rm -f "$KC_PID_FILE"
        kc_start
    fi
    kc_ensure_platform_secret
}

kc_down() {
    if [ -n "${MARQUEE_KC_URL:-}" ]; then
        log "Keycloak: external (MARQUEE_KC_URL), nothing to stop"
        return 0
    fi
    local pid i
    if ! pid=$(kc_pid); then
        rm -f "$KC_PID_FILE"
        log "Keycloak: not running"
        return 0
    fi
    log "Keycloak: stopping (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        warn "Keycloak did not stop within 30 s, killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$KC_PID_FILE"
}

# ---------------------------------------------------------------------------------------------
# Application environment file
# ---------------------------------------------------------------------------------------------
# KEY=value lines without quotes: usable as Liberty server.env and by `set -a; . file`.
write_env_file() {
    local tmp db_url db_user it_url
    if db_external; then
        db_url=$MARQUEE_DB_URL
        db_user=${MARQUEE_DB_USER:-marquee}
        it_url=${MARQUEE_IT_DB_URL:-}
    else
        db_url=$LOCAL_DB_URL
        db_user=marquee
        it_url=jdbc:postgresql://127.0.0.1:$PG_PORT/marquee_it
    fi
    tmp=$(mktemp "$MARQUEE_STATE/.marquee.env.XXXXXX")
    chmod 600 "$tmp"
    {
        echo "# Written by core-platform/ops/marquee.sh infra-up ($(date -Is)); do not edit."
        echo "MARQUEE_DB_URL=$db_url"
        echo "MARQUEE_DB_USER=$db_user"
        echo "MARQUEE_DB_PASSWORD=$DB_PASSWORD"
        [ -n "$it_url" ] && echo "MARQUEE_IT_DB_URL=$it_url"
        echo "MARQUEE_KEYCLOAK_URL=$KC_URL"
        echo "MARQUEE_KEYCLOAK_REALM=$KC_REALM"
        echo "MARQUEE_KC_PLATFORM_CLIENT_SECRET=$PLATFORM_SECRET"
        echo "MARQUEE_PAYMENTS_TEST_SECRET=$PAYMENTS_TEST_SECRET"
        echo "MARQUEE_KEYS_MASTER=$KEYS_MASTER"
    } >"$tmp"
    mv "$tmp" "$ENV_FILE"
    log "wrote $ENV_FILE"
}

# For the lead's run/test commands: export everything from marquee.env.
load_env() {
    [ -r "$ENV_FILE" ] || die "$ENV_FILE is missing: run '$0 infra-up' first"
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    set +a
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------
cmd_infra_up() {
    DB_PASSWORD=${MARQUEE_DB_PASSWORD:-marquee}
    case $DB_PASSWORD in *[[:space:]]*) die "MARQUEE_DB_PASSWORD must not contain whitespace" ;; esac
    ensure_state_dir
    lock_state
    ensure_secrets
    if db_external; then
        log "PostgreSQL: external database $MARQUEE_DB_URL (no local cluster)"
    else
        pg_up
    fi
    kc_up
    write_env_file
    unlock_state
    if db_external; then
        log "infra is up: database $MARQUEE_DB_URL, Keycloak $KC_URL (realm $KC_REALM)"
    else
        log "infra is up: PostgreSQL 127.0.0.1:$PG_PORT, Keycloak $KC_URL (realm $KC_REALM)"
    fi
}

cmd_infra_down() {
    if [ ! -d "$MARQUEE_STATE" ]; then
        log "nothing to stop ($MARQUEE_STATE does not exist)"
        return 0
    fi
    lock_state
    kc_down
    pg_down
    unlock_state
}

cmd_kc_reimport() {
    [ -z "${MARQUEE_KC_URL:-}" ] || die "MARQUEE_KC_URL is set: re-import into an external Keycloak yourself"
    [ -d "$KC_HOME" ] || die "Keycloak is not installed yet: run '$0 infra-up'"
    (lock_state; kc_down)
    log "Keycloak: removing its dev database ($KC_HOME/data/h2)"
    rm -rf "$KC_HOME/data/h2"
    cmd_infra_up
}

cmd_status() {
    local pid
    echo "state folder : $MARQUEE_STATE"
    if db_external; then
        echo "postgresql   : external ($MARQUEE_DB_URL)"
    elif pg_find_bin && [ -f "$PG_DATA/PG_VERSION" ] && pg_running; then
        echo "postgresql   : running, 127.0.0.1:$PG_PORT, data $PG_DATA"
    else
        echo "postgresql   : stopped"
    fi
    if [ -n "${MARQUEE_KC_URL:-}" ]; then
        echo "keycloak     : external ($KC_URL)"
    elif pid=$(kc_pid); then
        if curl -fsS -o /dev/null --max-time 5 "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration"; then
            echo "keycloak     : running, pid $pid, $KC_URL (realm $KC_REALM answers)"
        else
            echo "keycloak     : starting or unhealthy, pid $pid (realm $KC_REALM does not answer yet)"
        fi
    else
        echo "keycloak     : stopped"
    fi
    if [ -r "$ENV_FILE" ]; then
        echo "app env file : $ENV_FILE"
    fi
}

usage() {
    cat <<EOF
usage: $0 <command>
  infra-up     start PostgreSQL and Keycloak (idempotent), write $ENV_FILE
  infra-down   stop Keycloak and PostgreSQL
  status       show what is running
  kc-reimport  wipe Keycloak's dev database and re-import the realm file
  run          build, start Liberty, provision the demo tenants with a published event each
  stop         stop Liberty, Keycloak and PostgreSQL
  test         run every test (unit, architecture, integration, browser)
  bench [N]    tenancy benchmark (needs 'run')
  flash-bench  flash-sale benchmark (needs 'run'); --kill-restart adds the crash run
  checkin-bench  check-in benchmark (needs 'run'): scans at 500/s, offline verify in Chromium, sync
  start-server start the deployed Liberty server only
EOF
}

# =============================================================================================
# LEAD HOOKS: add the application commands here, e.g.
#   cmd_run()  { cmd_infra_up; load_env; <mvn + liberty start>; }
#   cmd_stop() { <liberty stop>; }
#   cmd_test() { cmd_infra_up; load_env; <mvn verify with MARQUEE_IT_DB_URL>; }
# and add their names to the `case` below. Available helpers: log, warn, die, wait_http URL
# TIMEOUT [PID], as_root, load_env (exports $ENV_FILE), REPO_DIR, CORE_DIR, OPS_DIR,
# MARQUEE_STATE, LOG_DIR.
# =============================================================================================

# Application commands: run, stop, test, bench.
# shellcheck source=lib/app.sh
. "$OPS_DIR/lib/app.sh"

main() {
    local cmd=${1:-}
    [ $# -gt 0 ] && shift
    case $cmd in
        infra-up)    cmd_infra_up "$@" ;;
        infra-down)  cmd_infra_down "$@" ;;
        status)      cmd_status "$@" ;;
        kc-reimport) cmd_kc_reimport "$@" ;;
        run)         cmd_run "$@" ;;
        stop)        cmd_stop "$@" ;;
        test)        cmd_test "$@" ;;
        bench)       cmd_bench "$@" ;;
        flash-bench) cmd_flash_bench "$@" ;;
        checkin-bench) cmd_checkin_bench "$@" ;;
        start-server) cmd_start_server "$@" ;;
        -h|--help|help) usage ;;
        *) usage >&2; exit 2 ;;
    esac
}

main "$@"
