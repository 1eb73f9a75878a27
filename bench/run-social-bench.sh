#!/usr/bin/env bash
# Social listening speed (issue 5): throughput of fully enriched posts through the broker next to a raw JMS baseline,
# then arrival-to-Lead-request latency at a steady rate, in one JVM and one run.
# Usage: bench/run-social-bench.sh [posts] [rate] [seconds]     (defaults: 20000 posts, 500 posts/s, 30 s)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -pl bench -am install -DskipTests
./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Xmx2g -Dsun.net.httpserver.nodelay=true ${BENCH_OPTS:-} -Drapport.home="$PWD" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.rapport.bench.SocialBenchmark "$@"
