#!/bin/sh
# docker-compose's elasticsearch-setup: run once against a fresh cluster (and harmlessly again).
#  - the sinks' user "relaybox" with a role that may write the events-*, orders and analytics-* indices and install their templates
#    (the sink installs its index templates itself before its first write: index.templates.install)
#  - the metrics exporter's user "relaybox_monitor", who may read the cluster's and the indices' statistics only
#  - the password of Kibana's built-in kibana_system user
set -eu
es=http://elasticsearch:9200
auth="elastic:${ELASTIC_PASSWORD}"

call() { # method path body
  code=$(curl -s -o /tmp/answer -w '%{http_code}' -u "$auth" -X "$1" -H 'Content-Type: application/json' "$es$2" -d "$3")
  case "$code" in
    2*) echo "$1 $2: $code" ;;
    *) echo "$1 $2: $code $(cat /tmp/answer)" >&2; exit 1 ;;
  esac
}

call PUT /_security/role/relaybox_sink '{
  "cluster": ["monitor", "manage_index_templates"],
  "indices": [{"names": ["events-*", "orders", "analytics-*"], "privileges": ["create_index", "write", "read", "view_index_metadata", "manage"]}]
}'
call PUT /_security/user/relaybox "{\"password\": \"${RELAYBOX_ELASTICSEARCH_PASSWORD}\", \"roles\": [\"relaybox_sink\"]}"
call PUT /_security/role/relaybox_monitor '{
  "cluster": ["monitor"],
  "indices": [{"names": ["*"], "privileges": ["monitor", "view_index_metadata"]}]
}'
call PUT /_security/user/relaybox_monitor "{\"password\": \"${RELAYBOX_ES_MONITOR_PASSWORD}\", \"roles\": [\"relaybox_monitor\"]}"
call POST /_security/user/kibana_system/_password "{\"password\": \"${KIBANA_PASSWORD}\"}"
