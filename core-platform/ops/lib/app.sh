# shellcheck shell=bash
# Application commands of marquee.sh (sourced by it): run, stop, test, bench.
# Uses the helpers and settings of marquee.sh (log, die, wait_http, as_root, load_env, REPO_DIR, CORE_DIR, ...).

WLP_DIR=$CORE_DIR/target/liberty/wlp
APP_PORT=${MARQUEE_HTTP_PORT:-9080}
APP_URL=http://localhost:$APP_PORT

liberty_server() { # liberty_server NAME ARGS... : runs wlp/bin/server when the runtime is installed
    local name=$1; shift
    [ -x "$WLP_DIR/bin/server" ] || return 1
    "$WLP_DIR/bin/server" "$@" "$name" >/dev/null 2>&1
}

liberty_running() { liberty_server "$1" status; }

# Passes the infrastructure settings (database, Keycloak, generated secret) to a Liberty server.
liberty_env() {
    local server_dir=$WLP_DIR/usr/servers/$1
    [ -d "$server_dir" ] || return 0
    {
        echo "keystore_password=marquee-local-keystore"
        grep -E '^MARQUEE_' "$ENV_FILE"
    } >"$server_dir/server.env"
    chmod 600 "$server_dir/server.env"
}

operator_token() {
    curl -fsS --max-time 20 \
        -d "grant_type=password&client_id=marquee-cli&username=operator&password=operator&scope=openid" \
        "$MARQUEE_KEYCLOAK_URL/realms/marquee/protocol/openid-connect/token" \
        | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

provision_demo() { # provision_demo SLUG NAME CURRENCY LOCALE ZONE
    local slug=$1 name=$2 currency=$3 locale=$4 zone=$5 token=$6 body status
    body=$(cat <<JSON
{"slug":"$slug","displayName":"$name","currency":"$currency","locale":"$locale","timeZone":"$zone","theme":"$slug",
 "staff":[{"email":"owner@$slug.demo","role":"owner"},{"email":"manager@$slug.demo","role":"manager"},
          {"email":"door@$slug.demo","role":"door-staff"}]}
JSON
)
    status=$(curl -sS -o "$LOG_DIR/provision-$slug.json" -w '%{http_code}' --max-time 120 \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -X POST "$APP_URL/api/platform/tenants" -d "$body")
    case $status in
        201) log "tenant $slug provisioned" ;;
        200) log "tenant $slug already provisioned" ;;
        *) die "provisioning $slug failed (HTTP $status): $(cat "$LOG_DIR/provision-$slug.json")" ;;
    esac
}

cmd_run() {
    command -v mvn >/dev/null || die "Maven is required (apt-get install -y maven)"
    cmd_infra_up
    load_env
    log "building (mvn install, tests skipped: use '$0 test' for them)"
    (cd "$REPO_DIR" && mvn -B -q install -DskipTests -DskipITs) || die "build failed"
    log "creating and deploying the Liberty server 'marquee'"
    (cd "$REPO_DIR" && mvn -B -q -pl core-platform liberty:create liberty:deploy) || die "Liberty create/deploy failed"
    liberty_env marquee
    if liberty_running marquee; then
        log "Liberty is running: the new WAR is picked up from dropins"
        sleep 5
    else
        (cd "$REPO_DIR" && mvn -B -q -pl core-platform liberty:start) || die "Liberty did not start (see $WLP_DIR/usr/servers/marquee/logs/messages.log)"
    fi
    wait_http "$APP_URL/health/ready" 300 || die "Liberty is not ready (see $WLP_DIR/usr/servers/marquee/logs/messages.log)"
    local token
    token=$(operator_token)
    [ -n "$token" ] || die "could not get an operator token from Keycloak"
    provision_demo nightscene NightScene INR en-IN Asia/Kolkata "$token"
    provision_demo voelgoed "Voelgoed Events" ZAR en-ZA Africa/Johannesburg "$token"
    provision_demo expo "247GBS Expo" IDR id-ID Asia/Jakarta "$token"
    cat <<TXT

Marquee is running.
  NightScene        http://nightscene.localhost:$APP_PORT/        console: http://nightscene.localhost:$APP_PORT/console/
  Voelgoed Events   http://voelgoed.localhost:$APP_PORT/          console: http://voelgoed.localhost:$APP_PORT/console/
  247GBS Expo       http://expo.localhost:$APP_PORT/              console: http://expo.localhost:$APP_PORT/console/
  Operator console  $APP_URL/operator/
  OpenAPI           $APP_URL/openapi/ui        Health: $APP_URL/health/ready   Metrics: $APP_URL/metrics
  Keycloak          $MARQUEE_KEYCLOAK_URL/  (admin user 'admin', password in $SECRETS_FILE)

Demo logins:
  operator / operator                                   platform operator
  owner@<tenant>.demo / demo1234                         tenant owner   (tenant = nightscene, voelgoed, expo)
  manager@<tenant>.demo / demo1234                       tenant manager
  door@<tenant>.demo / demo1234                          door staff

Stop it all with: $0 stop
TXT
}

cmd_stop() {
    if liberty_running marquee; then
        log "stopping Liberty 'marquee'"
        liberty_server marquee stop || true
    fi
    cmd_infra_down
}

ensure_browser() {
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
        log "installing Chromium and ChromeDriver (Debian packages) for the browser tests"
        as_root apt-get update -q >/dev/null
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null \
            || die "could not install chromium and chromium-driver"
    fi
}

reset_it_database() {
    [ -z "${MARQUEE_IT_DB_URL:-}" ] && die "MARQUEE_IT_DB_URL is not set (external database: give a test database URL)"
    if [ -z "${MARQUEE_EXTERNAL_DB:-}" ] && [ -f "$PG_DATA/PG_VERSION" ]; then
        pg_find_bin
        pg_psql -d postgres -c "DROP DATABASE IF EXISTS marquee_it WITH (FORCE)" >/dev/null
        pg_psql -d postgres -c "CREATE DATABASE marquee_it OWNER marquee" >/dev/null
        log "fresh test database marquee_it"
    fi
}

cmd_test() {
    command -v mvn >/dev/null || die "Maven is required (apt-get install -y maven)"
    local started_infra=0 rc=0
    if ! { pg_find_bin && [ -f "$PG_DATA/PG_VERSION" ] && pg_running && kc_pid >/dev/null; }; then
        started_infra=1
    fi
    cmd_infra_up
    load_env
    ensure_browser
    reset_it_database
    liberty_running itServer && liberty_server itServer stop
    log "mvn verify: unit tests, architecture tests, integration and browser tests"
    (cd "$REPO_DIR" && mvn -B verify -Dit.db.url="$MARQUEE_IT_DB_URL") || rc=$?
    liberty_running itServer && liberty_server itServer stop
    if [ "$started_infra" = 1 ] && ! liberty_running marquee; then
        cmd_infra_down
    fi
    return $rc
}

cmd_bench() {
    local n=${1:-500}
    load_env
    wait_http "$APP_URL/health/ready" 10 || die "start the product first: $0 run"
    python3 "$OPS_DIR/bench/tenancy_bench.py" "$n"
}
