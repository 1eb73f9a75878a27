#!/usr/bin/env bash
# A standalone ActiveMQ Artemis broker for the hub's external-broker profile, on loopback (docs/scale-out.md).
#
#   RAPPORT_BROKER_PASSWORD=… deploy/artemis/artemis.sh start|stop|status
#
# The distribution (org.apache.activemq:apache-artemis:<version>:tar.gz:bin) comes from Maven Central through the
# project's Maven wrapper, so nothing but Maven Central is needed; it is unpacked once into a cache directory. The
# broker instance (configuration + journal) is created once per instance directory and started in the background;
# `start` returns when the broker accepts connections. Every command is idempotent and works from any directory.
#
# Settings (environment):
#   RAPPORT_BROKER_USER / RAPPORT_BROKER_PASSWORD  the one broker account (required password; no anonymous login)
#   RAPPORT_BROKER_PORT        core/OpenWire/AMQP acceptor on 127.0.0.1 (default 61616)
#   RAPPORT_BROKER_HTTP_PORT   console and Jolokia on 127.0.0.1 (default 8161); RAPPORT_BROKER_WEB=false omits them
#   RAPPORT_ARTEMIS_HOME       cache of the unpacked distribution (default <repo>/target/artemis)
#   RAPPORT_ARTEMIS_INSTANCE   the broker instance (default $RAPPORT_ARTEMIS_HOME/instance)
#   RAPPORT_ARTEMIS_VERSION    default 2.40.0, the version Spring Boot 3.5.9's BOM manages (artemis.version), so the
#                              broker and the hub's client are the same release
#   RAPPORT_ARTEMIS_MEMORY     broker heap (default 512M)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="${RAPPORT_ARTEMIS_VERSION:-2.40.0}"
HOME_DIR="${RAPPORT_ARTEMIS_HOME:-$ROOT/target/artemis}"
INSTANCE="${RAPPORT_ARTEMIS_INSTANCE:-$HOME_DIR/instance}"
PORT="${RAPPORT_BROKER_PORT:-61616}"
HTTP_PORT="${RAPPORT_BROKER_HTTP_PORT:-8161}"
USER_NAME="${RAPPORT_BROKER_USER:-rapport}"
DIST="$HOME_DIR/apache-artemis-$VERSION"
START_TIMEOUT="${RAPPORT_ARTEMIS_START_TIMEOUT:-90}"

log() { echo "artemis.sh: $*" >&2; }

fetch() {
  if [[ -x "$DIST/bin/artemis" ]]; then
    return
  fi
  mkdir -p "$HOME_DIR"
  log "fetching org.apache.activemq:apache-artemis:$VERSION:tar.gz:bin with Maven into $HOME_DIR"
  # -N: only the root project, so the reactor's modules are not built; the artifact lands in the local repository too
  "$ROOT/mvnw" -B -ntp -q -N -f "$ROOT/pom.xml" dependency:copy \
    "-Dartifact=org.apache.activemq:apache-artemis:$VERSION:tar.gz:bin" "-DoutputDirectory=$HOME_DIR" >&2
  tar -xzf "$HOME_DIR/apache-artemis-$VERSION-bin.tar.gz" -C "$HOME_DIR"
  rm -f "$HOME_DIR/apache-artemis-$VERSION-bin.tar.gz"
}

# The hub's queues, pre-created (anycast) so that a typo in a client cannot silently create a new one; the per-stage
# dead-letter queues are written by the hub itself, DLQ is the broker's last resort after 10 deliveries.
HUB_QUEUES=(inbound.customer inbound.social social.action)

address_settings() {
  local queue
  for queue in "${HUB_QUEUES[@]}"; do
    cat <<EOF
         <!-- Rapport: $queue (the same policy as the hub's embedded broker, EmbeddedBrokerConfiguration) -->
         <address-setting match="$queue">
            <dead-letter-address>DLQ</dead-letter-address>
            <expiry-address>ExpiryQueue</expiry-address>
            <max-delivery-attempts>10</max-delivery-attempts>
            <redelivery-delay>1000</redelivery-delay>
            <redelivery-delay-multiplier>2.0</redelivery-delay-multiplier>
            <max-redelivery-delay>60000</max-redelivery-delay>
            <!-- message groups (JMSXGroupID = one customer's record): hashed into buckets so the broker keeps a
                 bounded map however many customers there are; one bucket is owned by one consumer at a time -->
            <default-group-buckets>1024</default-group-buckets>
            <default-group-rebalance>false</default-group-rebalance>
            <auto-create-addresses>false</auto-create-addresses>
         </address-setting>
EOF
  done
}

addresses() {
  local queue
  for queue in "${HUB_QUEUES[@]}" "${HUB_QUEUES[@]/#/dlq.}"; do
    printf '         <address name="%s"><anycast><queue name="%s"/></anycast></address>\n' "$queue" "$queue"
  done
}

create() {
  if [[ -f "$INSTANCE/etc/broker.xml" ]]; then
    # ports and account are fixed when the instance is created: a different RAPPORT_BROKER_PORT needs a new instance
    grep -q "tcp://127.0.0.1:$PORT?" "$INSTANCE/etc/broker.xml" \
      || log "warning: $INSTANCE was created for another port than $PORT; remove it (or set RAPPORT_ARTEMIS_INSTANCE) to re-create"
    return
  fi
  if [[ -z "${RAPPORT_BROKER_PASSWORD:-}" ]]; then
    log "set RAPPORT_BROKER_PASSWORD (and optionally RAPPORT_BROKER_USER, default rapport)"
    exit 2
  fi
  local web=(--http-host 127.0.0.1 --http-port "$HTTP_PORT")
  if [[ "${RAPPORT_BROKER_WEB:-true}" == "false" ]]; then
    web=(--no-web)
  fi
  log "creating broker instance $INSTANCE (127.0.0.1:$PORT)"
  "$DIST/bin/artemis" create "$INSTANCE" --silent --force --name rapport \
    --user "$USER_NAME" --password "$RAPPORT_BROKER_PASSWORD" --role amq --require-login \
    --host 127.0.0.1 --default-port "$PORT" "${web[@]}" \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --java-memory "${RAPPORT_ARTEMIS_MEMORY:-512M}" >"$HOME_DIR/create.log" 2>&1 \
    || { cat "$HOME_DIR/create.log" >&2; exit 1; }
  local broker="$INSTANCE/etc/broker.xml" tmp
  tmp="$(mktemp)"
  # JMX on (the hub's console and operators read the queues there), the hub's address settings and queues
  SETTINGS="$(address_settings)" QUEUES="$(addresses)" awk '
    /<\/address-settings>/ { print ENVIRON["SETTINGS"] }
    /<\/addresses>/ { print ENVIRON["QUEUES"] }
    /<security-enabled>/ { sub(/<security-enabled>[^<]*</, "<security-enabled>true<") }
    { print }
    /<persistence-enabled>/ && !jmx { print "      <jmx-management-enabled>true</jmx-management-enabled>"; jmx = 1 }
  ' "$broker" >"$tmp"
  mv "$tmp" "$broker"
  grep -q "match=\"inbound.customer\"" "$broker" || { log "could not add the hub's address settings to $broker"; exit 1; }
}

pid() {
  local file="$INSTANCE/data/artemis.pid"
  if [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null; then
    cat "$file"
  fi
}

accepting() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

start() {
  fetch
  create
  if [[ -n "$(pid)" ]]; then
    log "already running (pid $(pid)) on 127.0.0.1:$PORT"
    return
  fi
  mkdir -p "$INSTANCE/data" "$INSTANCE/log"
  # setsid: the broker outlives the shell (and a test's process group) that started it; `stop` ends it by its pid
  setsid "$INSTANCE/bin/artemis" run >"$INSTANCE/log/console.log" 2>&1 </dev/null &
  echo $! >"$INSTANCE/data/artemis.pid"
  local waited=0
  until accepting && grep -q "AMQ221007" "$INSTANCE/log/artemis.log" 2>/dev/null; do
    if [[ -z "$(pid)" ]]; then
      log "broker exited; see $INSTANCE/log/console.log"
      tail -20 "$INSTANCE/log/console.log" >&2 || true
      exit 1
    fi
    if ((waited >= START_TIMEOUT * 4)); then
      log "broker not accepting connections on 127.0.0.1:$PORT after ${START_TIMEOUT}s"
      exit 1
    fi
    sleep 0.25
    waited=$((waited + 1))
  done
  log "started (pid $(pid)), accepting on tcp://127.0.0.1:$PORT"
}

stop() {
  local running
  running="$(pid)"
  if [[ -z "$running" ]]; then
    log "not running"
    return
  fi
  kill "$running"
  for _ in $(seq 1 120); do
    kill -0 "$running" 2>/dev/null || { rm -f "$INSTANCE/data/artemis.pid"; log "stopped"; return; }
    sleep 0.25
  done
  log "broker did not stop within 30 s; killing it"
  kill -9 "$running" 2>/dev/null || true
  rm -f "$INSTANCE/data/artemis.pid"
}

status() {
  if [[ -n "$(pid)" ]] && accepting; then
    echo "running (pid $(pid)), accepting on tcp://127.0.0.1:$PORT, instance $INSTANCE"
  elif [[ -n "$(pid)" ]]; then
    echo "starting or stuck (pid $(pid)), not accepting on 127.0.0.1:$PORT"
    return 1
  else
    echo "not running (instance $INSTANCE)"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
