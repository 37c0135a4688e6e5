#!/bin/bash
# The rabbitmq image's contract, for the image made from Debian's RabbitMQ (deploy/podman/images.sh): the user
# RABBITMQ_DEFAULT_USER with RABBITMQ_DEFAULT_PASS made on the first start, configuration from
# /etc/rabbitmq/conf.d, the node in the foreground.
set -euo pipefail

# As root: the node's directory (a new volume) and the generated configuration belong to rabbitmq, who runs the rest.
if [[ $(id -u) -eq 0 ]]; then
  chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
  chown rabbitmq:rabbitmq /etc/rabbitmq/conf.d
  exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups "$0" "$@"
fi

: "${RABBITMQ_DEFAULT_USER:?RABBITMQ_DEFAULT_USER is required}" "${RABBITMQ_DEFAULT_PASS:?RABBITMQ_DEFAULT_PASS is required}"
printf 'default_user = %s\ndefault_pass = %s\n' "$RABBITMQ_DEFAULT_USER" "$RABBITMQ_DEFAULT_PASS" >/etc/rabbitmq/conf.d/10-default-user.conf
export RABBITMQ_CONFIG_FILES=/etc/rabbitmq/conf.d RABBITMQ_MNESIA_BASE=/var/lib/rabbitmq/mnesia \
  RABBITMQ_LOG_BASE=/var/lib/rabbitmq/log RABBITMQ_LOGS=- RABBITMQ_ENABLED_PLUGINS_FILE=/var/lib/rabbitmq/enabled_plugins
# As in the rabbitmq image: queue depths and consumers for Prometheus on 15692 (deploy/prometheus/prometheus.yml).
[[ -e "$RABBITMQ_ENABLED_PLUGINS_FILE" ]] || printf '[rabbitmq_prometheus].\n' >"$RABBITMQ_ENABLED_PLUGINS_FILE"
exec rabbitmq-server "$@"
