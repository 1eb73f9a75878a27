#!/usr/bin/env bash
# Store sync end to end (issue 4's acceptance run): ERP initial load into Salesforce, then 1,000 updates on both
# sides with 100 conflicts during a Salesforce outage and a session expiry; prints records/s, API calls per 1,000
# records and a baseline (the connector's upsert alone) measured in the same run. Exit status 1 if a check fails.
# Usage: bench/run-sync-bench.sh [partners] [outage-seconds]        (defaults: 10000 partners, 60 s)
# ERP database: embedded H2 by default; BENCH_OPTS=-Drapport.bench.erp=postgresql (or mariadb) runs against a fresh
# schema on the local server (rapport.bench.postgresql.url/.user, rapport.bench.mariadb.url/.user to point elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -pl bench -am install -DskipTests
./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Xmx3g ${BENCH_OPTS:-} -Drapport.home="$PWD" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.rapport.bench.SyncBenchmark "$@"
