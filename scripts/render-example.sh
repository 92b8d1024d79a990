#!/usr/bin/env bash
# Renders chart/ through real Helm 4 with the migration-hooks plugin and prints what Helm would do.
# Helm comes from scripts/provision-helm.sh; the plugin is installed into a private Helm home under
# .tools/helm-home, so the user's own Helm set-up is never read or changed. Needs the distribution
# (mvn -B -q package -DskipTests). Extra arguments go to `helm install`, e.g. --set backend.replicaCount=1.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
distribution="$root/postrenderer/target/migration-hooks"
home="$root/.tools/helm-home"

[[ -x "$distribution/bin/migration-hooks" ]] || {
  echo "render-example: no distribution at $distribution; build it: mvn -B -q package -DskipTests" >&2
  exit 1
}
helm="$("$root/scripts/provision-helm.sh" --print helm4)"

export HELM_CONFIG_HOME="$home/config" HELM_DATA_HOME="$home/data" HELM_CACHE_HOME="$home/cache"
# Helm 4.1 installs local plugins into $HELM_DATA_HOME/plugins whatever HELM_PLUGINS says.
export HELM_PLUGINS="$HELM_DATA_HOME/plugins"
rm -rf "$HELM_PLUGINS"   # private to this script: start from a clean plugin list
"$helm" plugin install "$distribution" >/dev/null

command=(install app "$root/chart" --dry-run=client --namespace default --post-renderer migration-hooks "$@")
output="$(mktemp)"
trap 'rm -f "$output"' EXIT
echo "\$ helm ${command[*]/#$root\//./}"
"$helm" "${command[@]}" >"$output"

# What Helm will do, from its dry-run output: `migration-hooks plan` reads the HOOKS and MANIFEST
# documents as one stream, as Helm produced them (--as-is: Helm already ran the post-renderer).
awk '/^HOOKS:$/ { on = 1; next } /^MANIFEST:$/ { next } /^NOTES:$/ { on = 0 } on' "$output" |
  "$distribution/bin/migration-hooks" plan --as-is
