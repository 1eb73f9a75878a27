#!/usr/bin/env bash
# End-to-end single customer view: generated records with known duplicates imported through the hub's API, timed
# until the pipeline is idle, xref scored against ground truth; baseline = the core's in-memory resolution of the
# same records in the same run.
# Usage: bench/run-resolution-bench.sh [records] [profile generic|febrl] [region] [seed]   (default 100000 febrl AU 42)
# Extra JVM/Spring settings: BENCH_OPTS="-Xmx8g -Drapport.pipeline.consumers=2" bench/run-resolution-bench.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -pl bench -am install -DskipTests
./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java ${BENCH_OPTS:--Xmx6g} -Drapport.home="$PWD" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.rapport.bench.ResolutionBenchmark "$@"
