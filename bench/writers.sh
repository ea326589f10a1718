#!/usr/bin/env bash
# Writer scaling (issue 15): 1, 2, 4, 8 and 16 concurrent writers, SECONDS_PER_RUN each, against
# the packaged default jar (its embedded PostgreSQL and the demo data) on loopback; prints a
# Markdown table and writes it into bench/README.md (between the bench:writers markers).
#
#   bench/writers.sh                         # 60 s per level (about 6 minutes in all)
#   SECONDS_PER_RUN=20 bench/writers.sh      # quicker
#   WRITERS=16 bench/writers.sh              # issue 15's bar alone: 16 writers for 60 s
#   URL=http://localhost:8080/ bench/writers.sh   # a service already running (e.g. the -Dprod jar
#                                                 # on a PostgreSQL of your own); its log is not read
#   MVN_FLAGS=-o bench/writers.sh            # offline
#
# The load is WriterScalingBenchmark (src/test/java/org/liaison/bench), run by surefire; it needs
# only the JDK. As root the embedded PostgreSQL runs in a user namespace, as for the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
T="${SECONDS_PER_RUN:-60}"
WRITERS="${WRITERS:-1,2,4,8,16}"
JVM_OPTS="${JVM_OPTS:--Xmx128m}"
MVN_FLAGS="${MVN_FLAGS:-}"
OUT=target/bench-writers.md

if [ -z "${URL:-}" ] && { [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "${BUILD:-0}" = 1 ]; }; then
  ./mvnw -B -q $MVN_FLAGS package -DskipTests
fi
rm -f "$OUT"
./mvnw -B -q $MVN_FLAGS test -Dtest=WriterScalingBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.seconds="$T" -Dbench.writers="$WRITERS" -Dbench.jvm="$JVM_OPTS" -Dbench.out="$OUT" ${URL:+-Dbench.url="$URL"}
[ -s "$OUT" ] || { echo "no table written ($OUT)" >&2; exit 1; }

python3 - "$OUT" bench/README.md <<'PY'
import sys
table = open(sys.argv[1]).read().strip()
path = sys.argv[2]
s = open(path).read()
begin, end = "<!-- bench:writers:begin -->", "<!-- bench:writers:end -->"
if begin in s:
    s = s[:s.index(begin) + len(begin)] + "\n" + table + "\n" + s[s.index(end):]
else:
    s += "\n" + begin + "\n" + table + "\n" + end + "\n"
open(path, "w").write(s)
PY
