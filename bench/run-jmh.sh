#!/usr/bin/env bash
# JMH microbenchmarks of the core: NormalizerBenchmark (CustomerNormalizer, phone, email) and ScorerBenchmark
# (MatchScorer on a matching and a non-matching pair, MatchProfile, BlockingKeys).
#
#   bench/run-jmh.sh                          # all, 1 fork, 2 warm-up and 3 measurement iterations of 1 s
#   bench/run-jmh.sh ScorerBenchmark -f 2 -i 10   # any org.openjdk.jmh.Main arguments (regex, -f, -wi, -i, -r, -prof ...)
#
# Builds core, the generator and bench (tests skipped), then runs org.openjdk.jmh.Main on the bench class path.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:core/target/classes:simulators/customer-generator/target/classes:$(cat bench/target/classpath.txt)"
if [ $# -eq 0 ]; then
  set -- -f 1 -wi 2 -w 1s -i 3 -r 1s
fi
exec java -cp "$CP" org.openjdk.jmh.Main "$@"
