#!/usr/bin/env bash
# Liaison at scale, in one run: PostgreSQL, the service (JVM jar; and the native executable when
# GRAALVM_HOME is set), N generated exchanges, then wrk and pgbench on loopback. Prints a
# Markdown table and writes it into bench/README.md (between the bench:table markers).
#
#   bench/run.sh                 # N=1000000, 5 s per load run
#   N=100000 SECONDS_PER_RUN=3 bench/run.sh
#
# Needs only what a fresh Debian machine with a JDK has: installs postgresql and wrk from
# Debian when missing; PostgreSQL runs as an unprivileged user (it refuses root).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-1000000}"
T="${SECONDS_PER_RUN:-5}"
IMPORT_N="${IMPORT_N:-100000}"
PORT=55432 A=18080 B=18081
PGDATA=/tmp/liaison-bench-pg
OUT=/tmp/liaison-bench
# heap caps as deployed: at a million exchanges the JVM import peaks near 480 MB with -Xmx256m
# and 330-390 MB with 128-192m; the native heap is otherwise sized from the host's memory
# (this toolchain's images do not read cgroup limits) and its peak varied 149-178 MB
JVM_OPTS="${JVM_OPTS:--Xmx128m}"
NATIVE_OPTS="${NATIVE_OPTS:--Xmx64m}"
mkdir -p "$OUT"
ENDPOINTS=(themes domains localities locality-pairs timeline people theme-cooccurrence summary)
# the common filters of issue 18: a year range, a theme, a locality (Guangxi, the most frequent)
FILTERS=("from=2015-01-01&to=2019-12-31" "theme=trade-investment" "locality=CN-GX")

# ---- tools ---------------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
command -v pgbench >/dev/null || need+=(postgresql-contrib)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id liaison-bench >/dev/null 2>&1 || useradd --create-home liaison-bench
  RUN_AS=(runuser -u liaison-bench --)
fi
export PGHOST=/tmp PGPORT=$PORT PGUSER=postgres PGDATABASE=postgres
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

median() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.0f", v*1000; else print v }'; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$1/status"; }

# ---- PostgreSQL ----------------------------------------------------------------------------
rm -rf "$PGDATA" && mkdir -p "$PGDATA"
[ ${#RUN_AS[@]} -eq 0 ] || chown liaison-bench "$PGDATA"
"${RUN_AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust >/dev/null
"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w start \
  -o "-p $PORT -k /tmp -c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c max_connections=200" >/dev/null

# ---- the service ---------------------------------------------------------------------------
if [ "${BUILD_JAR:-0}" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ] \
   || ls target/quarkus-app/lib/main | grep -q embedded-postgres; then
  ./mvnw -B -q package -Dprod -DskipTests
fi
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PORT/postgres"
export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://localhost:$PORT/postgres"
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_LOG_LEVEL=WARN
. bench/token.sh && bench_token "$OUT"   # sets AUTH; the service checks tokens against the run's own key

start() { # name port command... ; sets STARTED_PID and READY_MS
  local name=$1 port=$2; shift 2
  local t0; t0=$(date +%s%N)
  QUARKUS_HTTP_PORT=$port "$@" >"$OUT/$name.log" 2>&1 & STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  until curl -sf -o /dev/null "localhost:$port/q/health/ready"; do
    kill -0 "$STARTED_PID" 2>/dev/null || { cat "$OUT/$name.log" >&2; exit 1; }
    sleep 0.005
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

# migrate the empty database once, then generate
start migrate $A java $JVM_OPTS -jar target/quarkus-app/quarkus-run.jar
stop "$STARTED_PID"
t0=$(date +%s)
psql -q -v n="$N" -f analytics-sql/bench/generate.sql >"$OUT/generate.log"
GEN_S=$(( $(date +%s) - t0 ))
psql -q -c "checkpoint" -c "vacuum analyze"

# ---- loads ---------------------------------------------------------------------------------
TABLE="$OUT/table.md"
: >"$TABLE"
row() { printf '%s\n' "$*" >>"$TABLE"; }

wrk_run() { # url connections [header] [timeout] -> "rps p50ms p99ms"
  local t=$(( $2 < 2 ? 1 : 2 ))
  wrk -t"$t" -c"$2" -d"${T}s" --timeout "${4:-2s}" --latency ${3:+-H "$3"} "$1" >"$OUT/wrk.txt" 2>&1
  wrk_figures "$1" %d
}

wrk_figures() { # what-was-measured rps-format -> "rps p50ms p99ms" of $OUT/wrk.txt; stops the run on a non-2xx
  if grep -q 'Non-2xx' "$OUT/wrk.txt"; then echo "wrk: non-2xx answers from $1" >&2; cat "$OUT/wrk.txt" >&2; exit 1; fi
  echo "$(awk -v f="$2" '/Requests\/sec/ {printf f, $2}' "$OUT/wrk.txt") $(ms "$(awk '$1=="50%" {print $2}' "$OUT/wrk.txt")") $(ms "$(awk '$1=="99%" {print $2}' "$OUT/wrk.txt")")"
}

warm() { wrk -t2 -c16 -d2s ${2:+-H "$2"} "$1" >/dev/null 2>&1; } # url [header]
# the service keeps running the queries of requests wrk has stopped waiting for (a miss at c=64):
# wait until PostgreSQL has no query of a client left before the next measurement
drain() {
  local i
  for i in $(seq 600); do
    [ "$(psql -At -c "select count(*) from pg_stat_activity where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()")" = 0 ] && return
    sleep 0.1
  done
  echo "drain: queries still running after 60 s" >&2
}

filtered_p50() { # url -> "median-ms (requests)"; up to 3 requests, no more once 10 s have passed
  local times=() i code t start; start=$(date +%s)
  for i in 1 2 3; do
    read -r code t <<<"$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$1" || true)"
    [ "$code" = 200 ] || { echo "answered ${code:-nothing}"; return; }
    times+=("$(awk -v t="$t" 'BEGIN {printf "%.1f", t * 1000}')")
    [ $(( $(date +%s) - start )) -ge 10 ] && break
  done
  echo "$(printf '%s\n' "${times[@]}" | median) (${#times[@]})"
}

pgbench_run() { # file connections -> "tps mean_ms"
  local sqlfile=$1 c=$2
  pgbench -n -c "$c" -j "$(( c < 2 ? 1 : 2 ))" -T "$T" -f "$sqlfile" >"$OUT/pgbench.txt" 2>&1 || { cat "$OUT/pgbench.txt" >&2; exit 1; }
  echo "$(awk '/^tps/ {printf "%d", $3}' "$OUT/pgbench.txt") $(awk '/latency average/ {printf "%.2f", $4}' "$OUT/pgbench.txt")"
}

# an analytics-sql file with its psql variables bound as literals: psql lines dropped, the given
# name=value pairs, the endpoint's defaults for granularity and boundaries, '' ("no filter") for the rest
bound_sql() { # file endpoint-name [name=value...]
  local f=$1 g=year kv; [ "$2" = localities ] && g=all; shift 2
  local sed_args=()
  for kv in "$@"; do sed_args+=(-e "s/:'${kv%%=*}'/'${kv#*=}'/g"); done
  grep -v '^\s*\\' "$f" | sed "${sed_args[@]}" -e "s/:'granularity'/'$g'/g" -e "s/:'boundaries'/'as-named'/g" -e "s/:'[a-z_]*'/''/g"
}
# SQL as one statement on one line (EXPLAIN, a view's body): comment lines dropped, no final semicolon
one_line() { grep -v '^--' | tr '\n' ' ' | sed 's/;\s*$//'; }

# the analytics-sql file as pgbench runs it, in a file of its own
pgbench_script() { # file endpoint-name
  bound_sql "$1" "$2" >"$OUT/pgbench-$(basename "$(dirname "$1")")-$2.sql"
  echo "$OUT/pgbench-$(basename "$(dirname "$1")")-$2.sql"
}

measure_service() { # label port-cached port-uncached pid
  local label=$1 hit=$2 miss=$3 pid=$4
  row ""
  row "### $label: stats endpoints at $N exchanges (wrk, ${T} s a run; req/s, p50 / p99 ms)"
  row ""
  row "| endpoint | body KB (gzip) | hit c=1 | hit c=16 | hit c=64 | hit c=16, gzip | miss c=1 | miss c=16 | miss c=64 | hit/trivial c=16 (gzip) |"
  row "|---|---|---|---|---|---|---|---|---|---|"
  # every path runs unmeasured first, all of them before any is measured: they share the HTTP
  # and JSON code, so the JIT would otherwise make whatever runs first look slow (in the run of
  # 2026-11-23 with a 2 s warm-up per path the JVM's health endpoint did 10,641 req/s, and
  # 33,000-45,000 once every path had run)
  local e
  warm "http://localhost:$hit/q/health/live"
  for e in "${ENDPOINTS[@]}" ; do
    warm "http://localhost:$hit/api/stats/$e"
    warm "http://localhost:$hit/api/stats/$e" "Accept-Encoding: gzip"
    warm "http://localhost:$miss/api/stats/$e"
  done
  warm "http://localhost:$hit/q/health/live"
  drain
  # the ceiling is the better of two runs, before and after the endpoints: the ratios err low
  local t1 t2 trivial
  read -r t1 _ _ <<<"$(wrk_run "http://localhost:$hit/q/health/live" 16)"
  local rows=() cells c r p50 p99 hit16 gz16 kb gzkb
  for e in "${ENDPOINTS[@]}" ; do
    kb=$(curl -sf "localhost:$hit/api/stats/$e" | wc -c)
    gzkb=$(curl -sf -H 'Accept-Encoding: gzip' "localhost:$hit/api/stats/$e" | wc -c)
    cells=" $(awk -v a="$kb" -v b="$gzkb" 'BEGIN {printf "%.1f (%.1f)", a/1024, b/1024}') |"
    for c in 1 16 64; do
      read -r r p50 p99 <<<"$(wrk_run "http://localhost:$hit/api/stats/$e" $c)"
      [ $c = 16 ] && hit16=$r
      cells+=" $r, $p50 / $p99 |"
    done
    read -r gz16 p50 p99 <<<"$(wrk_run "http://localhost:$hit/api/stats/$e" 16 "Accept-Encoding: gzip")"
    cells+=" $gz16, $p50 / $p99 |"
    for c in 1 16 64; do
      read -r r p50 p99 <<<"$(wrk_run "http://localhost:$miss/api/stats/$e" $c)"
      drain
      cells+=" $r, $p50 / $p99 |"
      [ $c = 1 ] && echo "$e $p50" >>"$OUT/miss-p50-$label.txt"
    done
    rows+=("$e"$'\t'"$cells"$'\t'"$hit16"$'\t'"$gz16")
  done
  read -r t2 _ _ <<<"$(wrk_run "http://localhost:$hit/q/health/live" 16)"
  trivial=$(( t1 > t2 ? t1 : t2 ))
  # cache miss with the common filters (these run the base files, not the summaries), one request
  # at a time: up to 3, fewer when they take seconds (B's query and idle time-outs are raised)
  local f filtered=()
  : >"$OUT/miss-filtered-p50-$label.txt"
  for e in "${ENDPOINTS[@]}" ; do
    cells=""
    for f in "${FILTERS[@]}"; do
      p50=$(filtered_p50 "http://localhost:$miss/api/stats/$e?$f")
      drain
      cells+=" $p50 |"
      echo "$e $f $p50" >>"$OUT/miss-filtered-p50-$label.txt"
    done
    filtered+=("| $e |$cells")
  done
  local line
  for line in "${rows[@]}"; do
    IFS=$'\t' read -r e cells hit16 gz16 <<<"$line"
    row "| $e |$cells $(awk -v a="$hit16" -v g="$gz16" -v b="$trivial" 'BEGIN {printf "%.2f (%.2f)", a/b, g/b}') |"
  done
  row "| trivial (/q/health/live) | | | $trivial req/s (runs: $t1, $t2) | | | | | | 1.00 |"
  row ""
  row "#### $label: cache miss with a filter, one request at a time (median ms of up to 3 requests; how many)"
  row ""
  row "| endpoint | $(printf '%s | ' "${FILTERS[@]}")"
  row "|---|$(printf -- '---|%.0s' "${FILTERS[@]}")"
  for line in "${filtered[@]}"; do row "$line"; done
  RSS_LOAD=$(rss_mb "$pid"); HWM=$(hwm_mb "$pid")
}

# JVM: instance A caches, instance B has the cache off (every request runs its SQL)
start jvm-a $A java $JVM_OPTS -jar target/quarkus-app/quarkus-run.jar
JVM_READY=$READY_MS; JVM_A=$STARTED_PID; JVM_RSS_READY=$(rss_mb "$JVM_A")
# B's query and idle time-outs raised: the filtered misses below are measured however long they take
MISS_ENV=(LIAISON_STATS_CACHE_ENABLED=false LIAISON_STATS_QUERY_TIMEOUT=100s QUARKUS_HTTP_IDLE_TIMEOUT=120s)
# and B's heap 256 MB: 64 clients of uncached locality-pairs (2-3 MB answers at 1,000,000 exchanges, 20 at once on
# the pool's connections) ran a 128 MB heap out of memory on 2026-12-03
start jvm-b $B env "${MISS_ENV[@]}" java ${MISS_JVM_OPTS:--Xmx256m} -jar target/quarkus-app/quarkus-run.jar
JVM_B=$STARTED_PID
: >"$OUT/miss-p50-JVM.txt"
measure_service JVM $A $B "$JVM_A"
JVM_RSS_LOAD=$RSS_LOAD; JVM_HWM=$HWM

# the database's floor (rollup file) and the naive GROUP BY (base file) for the same aggregate
row ""
row "### The same aggregates in SQL (pgbench, ${T} s a run; tps, mean ms) against the service's cache-miss p50"
row ""
row "| endpoint | summaries c=1 | summaries c=16 | naive GROUP BY c=1 | service miss p50 | naive / service miss |"
row "|---|---|---|---|---|---|"
for e in "${ENDPOINTS[@]}"; do
  f=${e//-/_}
  read -r rt rl <<<"$(pgbench_run "$(pgbench_script "analytics-sql/rollup/$f.sql" "$e")" 1)"
  read -r rt16 rl16 <<<"$(pgbench_run "$(pgbench_script "analytics-sql/rollup/$f.sql" "$e")" 16)"
  read -r nt nl <<<"$(pgbench_run "$(pgbench_script "analytics-sql/$f.sql" "$e")" 1)"
  sp=$(awk -v e="$e" '$1==e {print $2}' "$OUT/miss-p50-JVM.txt")
  row "| $e | $rt, $rl | $rt16, $rl16 | $nt, $nl | $sp | $(awk -v a="$nl" -v b="$sp" 'BEGIN {printf "%.0f×", a/b}') |"
done

# ---- the peer: PostGraphile 4 over the same database ----------------------------------------
# What a user would otherwise deploy over PostgreSQL: a GraphQL API over SQL functions that return
# the rows of analytics-sql/themes.sql, once over the summaries (the rollup file) and once as the
# naive GROUP BY over the base tables, each wrapped as it is (pgbench's literal defaults).
PEER=18082
if [ "${PEER_SKIP:-0}" != 1 ]; then
  [ -x "$OUT/peer/node_modules/.bin/postgraphile" ] || npm install --silent --no-audit --no-fund --prefix "$OUT/peer" postgraphile@4 >/dev/null
  peer_fn() { # name sql-file
    echo "create or replace view bench_peer.${1}_rows as $(one_line <"$2");"
    echo "create or replace function bench_peer.$1() returns setof bench_peer.${1}_rows language sql stable as \$\$ select * from bench_peer.${1}_rows \$\$;"
  }
  { echo "drop schema if exists bench_peer cascade; create schema bench_peer;"
    peer_fn themes_rollup "$OUT/pgbench-rollup-themes.sql"
    peer_fn themes_base "$OUT/pgbench-analytics-sql-themes.sql"; } | psql -q -v ON_ERROR_STOP=1
  NODE_ENV=production "$OUT/peer/node_modules/.bin/postgraphile" -c "postgres://postgres@localhost:$PORT/postgres" \
    --schema bench_peer --port $PEER --host 127.0.0.1 --disable-query-log --disable-graphiql >"$OUT/peer.log" 2>&1 &
  PEER_PID=$!; PIDS+=("$PEER_PID")
  until curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "localhost:$PEER/graphql"; do
    kill -0 "$PEER_PID" 2>/dev/null || { cat "$OUT/peer.log" >&2; exit 1; }
    sleep 0.2
  done
  peer_lua() { # field -> lua script posting the query for every row of that function
    printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = [[{"query":"{ %s { nodes { period theme domain exchanges periodExchanges share } } }"}]]\n' "$1" >"$OUT/peer-$1.lua"
    echo "$OUT/peer-$1.lua"
  }
  peer_run() { # field connections timeout -> "rps p50ms p99ms"
    wrk -t1 -c"$2" -d"${T}s" --timeout "$3" --latency -s "$(peer_lua "$1")" "http://localhost:$PEER/graphql" >"$OUT/wrk.txt" 2>&1
    wrk_figures "the peer's $1" %.1f # tenths: the naive GROUP BY answers less than once a second
  }
  # the same rows: the peer's node count against the service's
  PEER_ROWS=$(curl -sf -H 'Content-Type: application/json' -d '{"query":"{ themesRollup { totalCount } }"}' "localhost:$PEER/graphql" | sed -E 's/.*"totalCount":([0-9]+).*/\1/')
  LIAISON_ROWS=$(curl -sf "localhost:$A/api/stats/themes?format=csv" | tail -n +2 | wc -l)
  [ "$PEER_ROWS" = "$LIAISON_ROWS" ] || { echo "the peer answers $PEER_ROWS rows, the service $LIAISON_ROWS" >&2; exit 1; }
  wrk -t1 -c16 -d2s -s "$(peer_lua themesRollup)" "http://localhost:$PEER/graphql" >/dev/null 2>&1 # warm-up
  warm "http://localhost:$A/api/stats/themes"; warm "http://localhost:$B/api/stats/themes"
  read -r ph1 ph1p50 ph1p99 <<<"$(peer_run themesRollup 1 10s)"
  read -r ph16 ph16p50 ph16p99 <<<"$(peer_run themesRollup 16 10s)"
  read -r pb1 pb1p50 pb1p99 <<<"$(peer_run themesBase 1 60s)"
  read -r lh1 lh1p50 lh1p99 <<<"$(wrk_run "http://localhost:$A/api/stats/themes" 1)"
  read -r lh16 lh16p50 lh16p99 <<<"$(wrk_run "http://localhost:$A/api/stats/themes" 16)"
  read -r lm1 lm1p50 lm1p99 <<<"$(wrk_run "http://localhost:$B/api/stats/themes" 1)"
  read -r lm16 lm16p50 lm16p99 <<<"$(wrk_run "http://localhost:$B/api/stats/themes" 16)"
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.1f×", a/b; else print "∞ (peer 0 req/s)"}'; }
  row ""
  row "### The peer: PostGraphile $("$OUT/peer/node_modules/.bin/postgraphile" --version 2>/dev/null | head -1) (Node $(node --version)) over the same database, themes at yearly granularity ($PEER_ROWS rows each; wrk, ${T} s a run; req/s, p50 / p99 ms)"
  row ""
  row "| path | c=1 | c=16 | Liaison cache hit / this (c=1, c=16) | Liaison cache miss / this (c=1, c=16) |"
  row "|---|---|---|---|---|"
  row "| Liaison /api/stats/themes, cache hit (JVM) | $lh1, $lh1p50 / $lh1p99 | $lh16, $lh16p50 / $lh16p99 | | |"
  row "| Liaison /api/stats/themes, cache miss (JVM; the summaries' SQL per request) | $lm1, $lm1p50 / $lm1p99 | $lm16, $lm16p50 / $lm16p99 | | |"
  row "| PostGraphile, SQL function over the summaries (analytics-sql/rollup/themes.sql) | $ph1, $ph1p50 / $ph1p99 | $ph16, $ph16p50 / $ph16p99 | $(ratio "$lh1" "$ph1"), $(ratio "$lh16" "$ph16") | $(ratio "$lm1" "$ph1"), $(ratio "$lm16" "$ph16") |"
  row "| PostGraphile, SQL function with the naive GROUP BY (analytics-sql/themes.sql) | $pb1, $pb1p50 / $pb1p99 | (not run: one request at a time already saturates PostgreSQL) | $(ratio "$lh1" "$pb1") | $(ratio "$lm1" "$pb1") |"
  stop "$PEER_PID"
fi

# the plans behind the indexes, kept in bench/explain/
mkdir -p bench/explain
explain() { # name sql
  { echo "-- $N exchanges, $(date -u +%Y-%m-%d): $2"; echo
    psql -At -c "begin" -c "explain (analyze, buffers) $2" -c "rollback" | grep -v "^BEGIN$\|^ROLLBACK$"; } >"bench/explain/$1.txt" # rolled back: apply changes nothing
}
for e in summary themes localities people locality-pairs; do
  explain "rollup-$e" "$(one_line <"$OUT/pgbench-rollup-$e.sql")"
done
explain naive-themes "$(one_line <"$OUT/pgbench-analytics-sql-themes.sql")"
explain summary-first-date "select min(date) from exchange where stats_status_ok(status, '')"
explain filter-theme "select count(*) from filtered_exchanges('', '', '', '', '', '', '', '', 'maritime', '', '', '', '', 'as-named')"
# the filtered cache misses of the slowest endpoints: the base file with the filter's values bound
for e in people locality-pairs localities; do
  explain "filtered-$e-years" "$(bound_sql "analytics-sql/${e//-/_}.sql" "$e" from=2015-01-01 to=2019-12-31 | one_line)"
  explain "filtered-$e-theme" "$(bound_sql "analytics-sql/${e//-/_}.sql" "$e" theme=trade-investment | one_line)"
  explain "filtered-$e-locality" "$(bound_sql "analytics-sql/${e//-/_}.sql" "$e" locality=CN-GX | one_line)"
done
explain import-find-by-keys "select id from exchange where natural_key = any(array['synthetic-1', 'synthetic-500000', 'none'])"
explain rollup-apply-one "select stats_rollup_apply(array[(select max(id) from exchange)], 1)"

# freshness: a write acknowledged by B shows in A's (cached) summary
FRESH=()
for i in 1 2 3 4 5; do
  before=$(curl -sf "localhost:$A/api/stats/summary?format=csv" | awk -F, 'NR==2 {print $1}')
  curl -sf -o /dev/null "localhost:$A/api/stats/summary?format=csv"
  body=$(printf '{"key":"bench-freshness-%d-%d","date":"2011-0%d-1%d","format":"phone","kind":"talks","participants":[{"name":"Synthetic person VN 0001","side":"VN"},{"name":"Synthetic person CN 0001","side":"CN"}],"themes":["tourism"],"sources":[{"url":"https://synthetic.invalid/bench/freshness/%d-%d"}],"notes":"SYNTHETIC: bench/run.sh freshness probe"}' "$i" "$$" "$i" "$i" "$i" "$$")
  id=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "$body" "localhost:$B/api/exchanges" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  t0=$(date +%s%N)
  until [ "$(curl -sf "localhost:$A/api/stats/summary?format=csv" | awk -F, 'NR==2 {print $1}')" = $((before + 1)) ]; do
    [ $(( ($(date +%s%N) - t0) / 1000000 )) -gt 5000 ] && break
  done
  FRESH+=($(( ($(date +%s%N) - t0) / 1000000 )))
  curl -sf -o /dev/null -H "$AUTH" -X DELETE "localhost:$B/api/exchanges/$id?reason=bench"
done
FRESH_MS=$(printf '%s\n' "${FRESH[@]}" | median)

# import of IMPORT_N exchanges (new keys and sources) vs COPY of the same rows into bare tables
psql -q -v lim="$IMPORT_N" -v out="$OUT/import.ndjson" -v dir="$OUT" -f bench/import-file.sql
{ echo '\timing on'
  for t in exchange:exchange participant:participant exchange_locality:locality exchange_theme:theme source:source \
           exchange_source:exchange_source; do
    echo "\\copy bare_${t%%:*} from '$OUT/import.${t#*:}'"
  done; } >"$OUT/copy.sql"
stop "$JVM_B"
t0=$(date +%s%N)
code=$(curl -s -o "$OUT/import-result.json" -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$OUT/import.ndjson" "localhost:$A/api/exchanges/import")
[ "$code" = 200 ] || { echo "import answered $code" >&2; head -c 2000 "$OUT/import-result.json" >&2; exit 1; }
IMPORT_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
JVM_HWM_IMPORT=$(hwm_mb "$JVM_A")
COPY_MS=$(psql -At -f "$OUT/copy.sql" | awk '/^Time:/ {s += $2} END {printf "%d", s}')
# the database's own floor for this schema: COPY of the same rows into the real tables (their
# indexes, foreign keys and triggers; no summaries), under fresh ids, keys and URLs, rolled back
O=100000000
awk -F'\t' -v OFS='\t' -v o=$O '{$1+=o; $2="ffffffff" substr($2,9); $3="floor-" $3; print}' "$OUT/import.exchange" >"$OUT/floor.exchange"
for f in participant locality theme; do awk -F'\t' -v OFS='\t' -v o=$O '{$1+=o; print}' "$OUT/import.$f" >"$OUT/floor.$f"; done
awk -F'\t' -v OFS='\t' -v o=$O '{$1+=o; sub("/import/", "/floor/", $2); print}' "$OUT/import.source" >"$OUT/floor.source"
awk -F'\t' -v OFS='\t' -v o=$O '{$1+=o; $2+=o; print}' "$OUT/import.exchange_source" >"$OUT/floor.exchange_source"
{ echo 'begin;'; echo '\timing on'
  for t in exchange:exchange participant:participant exchange_locality:locality exchange_theme:theme source:source \
           exchange_source:exchange_source; do
    echo "\\copy ${t%%:*} from '$OUT/floor.${t#*:}'"
  done
  echo '\timing off'; echo 'rollback;'; } >"$OUT/copy-real.sql"
COPY_REAL_MS=$(psql -At -v ON_ERROR_STOP=1 -f "$OUT/copy-real.sql" | awk '/^Time:/ {s += $2} END {printf "%d", s}')
stop "$JVM_A"

# ---- native --------------------------------------------------------------------------------
NATIVE_ROWS=""
RUNNER=target/liaison-1.0.0-SNAPSHOT-runner
if [ -n "${GRAALVM_HOME:-}" ]; then
  if [ "${BUILD_NATIVE:-0}" = 1 ] || [ ! -x "$RUNNER" ]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q package -Dnative -DskipTests -Dquarkus.native.native-image-xmx=8g
  fi
  start native-a $A "$RUNNER" $NATIVE_OPTS
  NATIVE_READY=$READY_MS; NATIVE_A=$STARTED_PID; NATIVE_RSS_READY=$(rss_mb "$NATIVE_A")
  start native-b $B env "${MISS_ENV[@]}" "$RUNNER" $NATIVE_OPTS
  : >"$OUT/miss-p50-native.txt"
  measure_service native $A $B "$NATIVE_A"
  NATIVE_ROWS="| native | $NATIVE_READY ms | $NATIVE_RSS_READY MB | $RSS_LOAD MB | $HWM MB |"
  stop "$STARTED_PID"; stop "$NATIVE_A"
fi

# ---- summary -------------------------------------------------------------------------------
{
  echo "Run of $(date -u +%Y-%m-%d) on $(nproc) cores ($(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)), service, PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') and load generator on one machine; N = $N exchanges (generated in $GEN_S s). JVM options: $JVM_OPTS (the cache-miss instance B: ${MISS_JVM_OPTS:--Xmx256m}); native options: $NATIVE_OPTS."
  echo
  echo "| figure | value |"
  echo "|---|---|"
  echo "| freshness across two instances (median of 5) | $FRESH_MS ms |"
  echo "| NDJSON import of $IMPORT_N exchanges | $IMPORT_MS ms = $(( IMPORT_N * 1000 / IMPORT_MS )) exchanges/s |"
  echo "| COPY of the same rows into bare tables | $COPY_MS ms = $(( IMPORT_N * 1000 / (COPY_MS > 0 ? COPY_MS : 1) )) exchanges/s |"
  echo "| import / COPY rate | $(awk -v a="$COPY_MS" -v b="$IMPORT_MS" 'BEGIN {printf "%.2f", a/b}') |"
  echo "| COPY of the same rows into the real tables (indexes, foreign keys, triggers; rolled back) | $COPY_REAL_MS ms = $(( IMPORT_N * 1000 / (COPY_REAL_MS > 0 ? COPY_REAL_MS : 1) )) exchanges/s |"
  echo "| import / real-table COPY rate | $(awk -v a="$COPY_REAL_MS" -v b="$IMPORT_MS" 'BEGIN {printf "%.2f", a/b}') |"
  echo "| import result | $(cat "$OUT/import-result.json") |"
  echo
  echo "| build | ready | RSS ready | RSS after the load runs | peak RSS (VmHWM) |"
  echo "|---|---|---|---|---|"
  echo "| JVM | $JVM_READY ms | $JVM_RSS_READY MB | $JVM_RSS_LOAD MB | $JVM_HWM MB ($JVM_HWM_IMPORT MB after the import) |"
  [ -n "$NATIVE_ROWS" ] && echo "$NATIVE_ROWS"
  cat "$TABLE"
} >"$OUT/summary.md"
cat "$OUT/summary.md"

python3 - "$OUT/summary.md" bench/README.md <<'PY'
import sys
table = open(sys.argv[1]).read().strip()
path = sys.argv[2]
s = open(path).read()
begin, end = "<!-- bench:table:begin -->", "<!-- bench:table:end -->"
if begin in s:
    s = s[:s.index(begin) + len(begin)] + "\n" + table + "\n" + s[s.index(end):]
else:
    s += "\n" + begin + "\n" + table + "\n" + end + "\n"
open(path, "w").write(s)
PY
