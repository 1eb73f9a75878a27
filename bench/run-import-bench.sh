#!/usr/bin/env bash
# End-to-end import throughput next to a raw JMS baseline on the same embedded broker, in one JVM and one run.
# Usage: bench/run-import-bench.sh [rows] [rounds]        (defaults: 10000 rows, 2 rounds; round 1 warms up)
# Extra JVM/Spring settings: BENCH_OPTS="-Drapport.pipeline.consumers=4" bench/run-import-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -pl bench -am install -DskipTests
./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Xmx2g ${BENCH_OPTS:-} -Drapport.home="$PWD" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.rapport.bench.ImportBenchmark "$@"
