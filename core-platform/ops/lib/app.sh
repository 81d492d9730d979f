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
        echo "MARQUEE_PLUGINS_DIR=$server_dir/plugins"
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

owner_token() { # owner_token SLUG
    curl -fsS --max-time 20 \
        --data-urlencode "grant_type=password" --data-urlencode "client_id=marquee-cli" \
        --data-urlencode "username=owner@$1.demo" --data-urlencode "password=demo1234" \
        --data-urlencode "scope=openid organization:$1" \
        "$MARQUEE_KEYCLOAK_URL/realms/marquee/protocol/openid-connect/token" \
        | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# api_id TOKEN SLUG PATH JSON: POSTs on the tenant's domain, prints the new object's id.
api_id() {
    curl -fsS --max-time 30 -H "Host: $2.localhost:$APP_PORT" -H "Authorization: Bearer $1" \
        -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$APP_PORT$3" -d "$4" \
        | sed -n 's/^{"id":"\([^"]*\)".*/\1/p'
}

# A published demo event per tenant (once), so the storefront and console have something to show.
seed_demo_event() { # seed_demo_event SLUG VENUE CITY TITLE PRICE_MINOR VIP_MINOR
    local slug=$1 token venue event starts
    token=$(owner_token "$slug")
    [ -n "$token" ] || { log "no owner token for $slug: demo event skipped"; return 0; }
    if curl -fsS --max-time 20 -H "Host: $slug.localhost:$APP_PORT" -H "Authorization: Bearer $token" \
        "http://127.0.0.1:$APP_PORT/api/v1/events" | grep -q '"id"'; then
        return 0
    fi
    starts=$(date -u -d '+30 days' +%Y-%m-%dT19:00:00Z)
    venue=$(api_id "$token" "$slug" /api/v1/venues "{\"name\":\"$2\",\"city\":\"$3\",\"capacity\":800}")
    event=$(api_id "$token" "$slug" /api/v1/events \
        "{\"title\":\"$4\",\"startsAt\":\"$starts\",\"venueId\":\"$venue\",\"category\":\"music\"}")
    [ -n "$event" ] || { log "demo event for $slug could not be created"; return 0; }
    api_id "$token" "$slug" "/api/v1/events/$event/ticket-types" \
        "{\"name\":\"General admission\",\"priceMinor\":$5,\"capacity\":500,\"maxPerOrder\":8}" >/dev/null
    api_id "$token" "$slug" "/api/v1/events/$event/ticket-types" \
        "{\"name\":\"VIP\",\"priceMinor\":$6,\"capacity\":50,\"maxPerOrder\":4}" >/dev/null
    curl -fsS --max-time 20 -o /dev/null -H "Host: $slug.localhost:$APP_PORT" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$APP_PORT/api/v1/events/$event/publish" -d '{}' \
        && log "demo event '$4' published for $slug"
}

# NightScene runs its door with the smart check-in add-on: on, with a gate on its demo event (once).
seed_demo_checkin() { # seed_demo_checkin SLUG
    local slug=$1 token event
    token=$(owner_token "$slug")
    [ -n "$token" ] || return 0
    curl -fsS --max-time 20 -o /dev/null -H "Host: $slug.localhost:$APP_PORT" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$APP_PORT/api/console/plugins/checkin/enable" \
        -d '{}' || { log "check-in add-on could not be enabled for $slug"; return 0; }
    event=$(curl -fsS --max-time 20 -H "Host: $slug.localhost:$APP_PORT" -H "Authorization: Bearer $token" \
        "http://127.0.0.1:$APP_PORT/api/v1/events" \
        | python3 -c 'import json,sys; d=json.load(sys.stdin); i=d.get("items", d) if isinstance(d, dict) else d; print(i[0]["id"] if i else "")' 2>/dev/null)
    [ -n "$event" ] || return 0
    curl -sS --max-time 20 -o /dev/null -H "Host: $slug.localhost:$APP_PORT" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -X POST "http://127.0.0.1:$APP_PORT/plugins/checkin/api/admin/gates" \
        -d "{\"eventId\":\"$event\",\"name\":\"Main door\",\"capacity\":600}" || true
    log "check-in on for $slug (gate 'Main door'; provision a phone in Console > Gates and devices)"
}

# Starts the already deployed server (used by the benchmark after it kills Liberty mid-sale).
cmd_start_server() {
    load_env
    liberty_env marquee
    "$WLP_DIR/bin/server" start marquee >/dev/null || die "Liberty did not start"
    wait_http "$APP_URL/health/ready" 300 || die "Liberty is not ready"
    log "Liberty 'marquee' is ready"
}

# --- Local SMTP catcher for the demo (GreenMail standalone from Maven Central) -----------------
# SMTP on 127.0.0.1:3025, IMAP on 127.0.0.1:3143, any password accepted: the demo's mails are
# real mails you can read with any IMAP client or curl. MARQUEE_MAIL_HOST points Liberty at a real
# relay instead (then no catcher is started).
GREENMAIL_VERSION=2.1.5
MAIL_PID_FILE=$MARQUEE_STATE/greenmail.pid

mail_pid() {
    local pid
    [ -f "$MAIL_PID_FILE" ] || return 1
    pid=$(cat "$MAIL_PID_FILE" 2>/dev/null || true)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q greenmail || return 1
    echo "$pid"
}

mail_up() {
    [ -z "${MARQUEE_MAIL_HOST:-}" ] || { log "mail: external SMTP $MARQUEE_MAIL_HOST"; return 0; }
    mail_pid >/dev/null && { log "mail: SMTP catcher already running"; return 0; }
    local jar=$MARQUEE_STATE/downloads/greenmail-standalone-$GREENMAIL_VERSION.jar
    if [ ! -s "$jar" ]; then
        log "mail: fetching greenmail-standalone $GREENMAIL_VERSION (Maven)"
        mkdir -p "$MARQUEE_STATE/downloads"
        mvn -B -q dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
            -DoutputDirectory="$MARQUEE_STATE/downloads" >"$LOG_DIR/mvn-greenmail.log" 2>&1 \
            || die "could not fetch com.icegreen:greenmail-standalone:$GREENMAIL_VERSION (see $LOG_DIR/mvn-greenmail.log)"
    fi
    port_in_use 3025 && die "port 3025 is taken: stop that SMTP server or set MARQUEE_MAIL_HOST/MARQUEE_MAIL_PORT"
    (exec 9>&-; exec setsid nohup java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap \
        -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled -jar "$jar" \
        </dev/null >>"$LOG_DIR/greenmail.log" 2>&1) &
    echo $! >"$MAIL_PID_FILE"
    local i
    for i in $(seq 1 30); do port_in_use 3025 && break; sleep 1; done
    port_in_use 3025 || die "the SMTP catcher did not start (see $LOG_DIR/greenmail.log)"
    log "mail: SMTP catcher on 127.0.0.1:3025, IMAP on 127.0.0.1:3143"
}

mail_down() {
    local pid
    pid=$(mail_pid) || { rm -f "$MAIL_PID_FILE"; return 0; }
    log "mail: stopping the SMTP catcher (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$MAIL_PID_FILE"
}

cmd_run() {
    command -v mvn >/dev/null || die "Maven is required (apt-get install -y maven)"
    ensure_npm
    cmd_infra_up
    load_env
    mail_up
    log "building (mvn install, tests skipped: use '$0 test' for them)"
    (cd "$REPO_DIR" && mvn -B -q install -DskipTests -DskipITs) || die "build failed"
    local messages="$WLP_DIR/usr/servers/marquee/logs/messages.log" seen=0
    [ -f "$messages" ] && seen=$(wc -l < "$messages")
    log "creating and deploying the Liberty server 'marquee'"
    (cd "$REPO_DIR" && mvn -B -q -pl core-platform liberty:create) || die "Liberty create failed"
    # The paid add-ons built from plugins/ (test fixtures in plugins/testing are never installed),
    # in place before the WAR: a running server reloads them when the new WAR restarts the app.
    mkdir -p "$WLP_DIR/usr/servers/marquee/plugins"
    cp "$REPO_DIR"/plugins/surveys/target/plugin-surveys-*.jar "$WLP_DIR/usr/servers/marquee/plugins/"
    cp "$REPO_DIR"/plugins/checkin/target/plugin-checkin-*.jar "$WLP_DIR/usr/servers/marquee/plugins/"
    (cd "$REPO_DIR" && mvn -B -q -pl core-platform liberty:deploy) || die "Liberty deploy failed"
    liberty_env marquee
    if liberty_running marquee; then
        log "Liberty is running: waiting for it to pick up the new WAR from dropins"
        # Ready answers from the old app until it stops: wait for the restart to be logged.
        local i
        for i in $(seq 1 300); do
            tail -n +"$((seen + 1))" "$messages" 2>/dev/null | grep -q 'CWWKZ0003I\|CWWKZ0001I' && break
            sleep 1
        done
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
    seed_demo_event nightscene "Club Aurora" Mumbai "Neon Nights" 150000 450000
    seed_demo_event voelgoed "Kirstenbosch Stage" "Cape Town" "Sunset Sessions" 25000 75000
    seed_demo_event expo "JIExpo Kemayoran" Jakarta "Jakarta Tech Expo" 15000000 50000000
    seed_demo_checkin nightscene
    cat <<TXT

Marquee is running.
  NightScene        http://nightscene.localhost:$APP_PORT/        console: http://nightscene.localhost:$APP_PORT/console/
  Voelgoed Events   http://voelgoed.localhost:$APP_PORT/          console: http://voelgoed.localhost:$APP_PORT/console/
  247GBS Expo       http://expo.localhost:$APP_PORT/              console: http://expo.localhost:$APP_PORT/console/
  Operator console  $APP_URL/operator/
  OpenAPI           $APP_URL/openapi/ui        Health: $APP_URL/health/ready   Metrics: $APP_URL/metrics
  Keycloak          $MARQUEE_KEYCLOAK_URL/  (admin user 'admin', password in $SECRETS_FILE)
  Demo mail         SMTP 127.0.0.1:3025, IMAP 127.0.0.1:3143 (any password), e.g.
                    curl -s 'imap://127.0.0.1:3143/INBOX;MAILINDEX=1' -u you@example.com:x

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
    mail_down
    cmd_infra_down
}

# The check-in plugin's build takes its QR decoder from the npm registry (npm ci, pinned).
ensure_npm() {
    if ! command -v npm >/dev/null; then
        log "installing Node.js and npm (Debian packages) for the door app's front-end libraries"
        as_root apt-get update -q >/dev/null
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null \
            || die "could not install nodejs and npm"
    fi
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
    ensure_npm
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

# Check-in benchmark (not in CI): online scan latency at 500/s, offline verification in Chromium, sync.
cmd_checkin_bench() {
    load_env
    wait_http "$APP_URL/health/ready" 10 || die "start the product first: $0 run"
    python3 "$OPS_DIR/bench/checkin_bench.py" "$@"
}

# Flash-sale benchmark (not in CI): pgbench reference, 1,000 buyers for the last 100, sustained paid
# orders/s; add --kill-restart for the crash run. Flags: python3 ops/bench/flash_sale_bench.py --help
cmd_flash_bench() {
    load_env
    wait_http "$APP_URL/health/ready" 10 || die "start the product first: $0 run"
    python3 "$OPS_DIR/bench/flash_sale_bench.py" --restart-cmd "bash $OPS_DIR/marquee.sh start-server" "$@"
}
