#!/usr/bin/env bash
# Startup time and memory of the native executable and the JVM jar, side by side, against the
# same PostgreSQL. Usage (from the repository root):
#
#   bench/startup-rss.sh [RUNS]        # default 5 runs each; prints a Markdown table
#
# Needs: target/liaison-1.0.0-SNAPSHOT-runner (./mvnw package -Dnative, see README) and a -Dprod
# jar in target/quarkus-app (the script builds it when missing or when BUILD_JAR=1). PostgreSQL
# comes from Debian's package (installed when missing) and runs as an unprivileged user.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
PORT=55432
HTTP=18080
NATIVE=target/liaison-1.0.0-SNAPSHOT-runner
PGDATA=/tmp/liaison-bench-pg
RUN_AS=()

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(pg_bin)" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN="$(pg_bin)"
if [ "$(id -u)" = 0 ]; then
  id liaison-bench >/dev/null 2>&1 || useradd --create-home liaison-bench
  RUN_AS=(runuser -u liaison-bench --)
fi
cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null || true
  "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
rm -rf "$PGDATA" && mkdir -p "$PGDATA" && [ ${#RUN_AS[@]} -eq 0 ] || chown liaison-bench "$PGDATA"
"${RUN_AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust >/dev/null
"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -o "-p $PORT -k /tmp" -l "$PGDATA/log" -w start >/dev/null

if [ ! -x "$NATIVE" ]; then
  echo "missing $NATIVE: build it with ./mvnw package -Dnative (see README)" >&2; exit 1
fi
if [ "${BUILD_JAR:-0}" = 1 ] || ! unzip -l target/quarkus-app/lib/main/*.jar >/dev/null 2>&1 \
   || ls target/quarkus-app/lib/main | grep -q embedded-postgres; then
  ./mvnw -B -q package -Dprod -DskipTests
fi

export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PORT/postgres"
export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://localhost:$PORT/postgres"
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export QUARKUS_HTTP_PORT=$HTTP QUARKUS_LOG_LEVEL=WARN
# The packaged builds refuse to start without token verification settings (README: "Authentication
# and roles"); bench/token.sh makes a key pair of the run's own (and turns feed polling off).
mkdir -p /tmp/liaison-bench
. bench/token.sh && bench_token /tmp/liaison-bench

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # name, command...
  local name="$1"; shift
  local starts=() rss_ready=() rss_load=()
  for i in $(seq "$RUNS"); do
    local t0; t0=$(date +%s%N)
    "$@" >/tmp/liaison-bench-app.log 2>&1 & APP=$!
    until curl -sf -o /dev/null "localhost:$HTTP/q/health/ready"; do
      sleep 0.005
      kill -0 "$APP" 2>/dev/null || { cat /tmp/liaison-bench-app.log >&2; exit 1; }
    done
    local t1; t1=$(date +%s%N)
    starts+=($(( (t1 - t0) / 1000000 )))
    rss_ready+=($(rss_kb "$APP"))
    if [ "$i" = 1 ]; then
      for n in $(seq 125); do
        for e in themes domains localities locality-pairs timeline people theme-cooccurrence summary; do
          printf 'url = "http://localhost:%s/api/stats/%s"\noutput = "/dev/null"\n' "$HTTP" "$e"
        done
      done > /tmp/liaison-bench-urls
      curl -s -K /tmp/liaison-bench-urls
      rss_load+=($(rss_kb "$APP"))
    fi
    kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
  done
  printf '| %s | %s ms | %s MB | %s MB |\n' "$name" \
    "$(printf '%s\n' "${starts[@]}" | median)" \
    "$(( $(printf '%s\n' "${rss_ready[@]}" | median | cut -d. -f1) / 1024 ))" \
    "$(( ${rss_load[0]} / 1024 ))"
}

# one start to migrate the database and load the demo data; the measured starts load nothing
LIAISON_DEMO_DATA=true "$NATIVE" >/tmp/liaison-bench-app.log 2>&1 & APP=$!
until curl -sf -o /dev/null "localhost:$HTTP/q/health/ready"; do
  sleep 0.05
  kill -0 "$APP" 2>/dev/null || { cat /tmp/liaison-bench-app.log >&2; exit 1; }
done
kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
export LIAISON_DEMO_DATA=false

echo "| build | first ready /q/health/ready after exec (median of $RUNS) | RSS when ready | RSS after 1,000 stats requests |"
echo "|---|---|---|---|"
measure "native" "$NATIVE"
measure "native, -Xmx64m" "$NATIVE" -Xmx64m
# production start (README, "Migrations as their own step"): the schema was migrated by the run
# above, the service checks Flyway's history over its reactive pool, has no JDBC URL, migrates nothing
measure "native, production start (migrate-at-start=false, no JDBC URL: schema checked over the reactive pool)" \
  env QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_DATASOURCE_JDBC_URL= "$NATIVE"
# the production start before 2026-12-03: Flyway validates over JDBC instead
measure "native, production start with Flyway's validation over JDBC (validate-at-start=true, liaison.schema.check-at-start=false)" \
  env QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_FLYWAY_VALIDATE_AT_START=true LIAISON_SCHEMA_CHECK_AT_START=false "$NATIVE"
measure "native, no schema check at all (migrate-at-start=false, no JDBC URL, liaison.schema.check-at-start=false)" \
  env QUARKUS_FLYWAY_MIGRATE_AT_START=false QUARKUS_DATASOURCE_JDBC_URL= LIAISON_SCHEMA_CHECK_AT_START=false "$NATIVE"
measure "JVM (java -jar, JDK $(java -version 2>&1 | head -1 | cut -d'"' -f2))" java -jar target/quarkus-app/quarkus-run.jar
echo
echo "binary: $(( $(stat -c %s "$NATIVE") / 1024 / 1024 )) MB; jar + libraries: $(du -sm target/quarkus-app | cut -f1) MB"
