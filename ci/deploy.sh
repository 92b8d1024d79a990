#!/usr/bin/env bash
# One deploy step: `helm upgrade --install` with the migration-hooks post-renderer, so that the
# database comes first, the migration Job runs and blocks the release, and a failed or timed-out
# migration rolls the release back while the old backend keeps serving.
#
# Why --server-side=true: the post-renderer turns the database resources into hooks that carry
# `helm.sh/resource-policy: keep` and a delete policy that never deletes them. Helm creates hooks
# with server-side apply when the release uses it, so on every upgrade an existing database hook
# object (StatefulSet, Service, Secret, ConfigMap) is patched in place: the database is updated,
# never deleted and recreated, and the PVCs and generated passwords survive. With client-side apply
# Helm would try to create the hook again and fail on the existing object.
set -euo pipefail

readonly EXIT_DEPLOY_FAILED=1
readonly EXIT_USAGE=2
readonly PLUGIN_NAME=migration-hooks
# Value of chart/ that makes the chart declare its hooks itself (Helm 3 ignores hook annotations
# added by a post-renderer).
readonly HELM3_MODE_VALUE=helm3Hooks.enabled=true
readonly MIGRATOR_TAG_KEY=migrations.image.tag

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(dirname "$script_dir")

readonly USAGE_LINE='Usage: ci/deploy.sh --release NAME [--namespace NS] [--chart PATH] [--values FILE]... [--image-tag TAG] [--timeout DURATION] [--helm BIN] [--helm3] [--dry-run | --print-command]'

usage() {
  cat <<EOF
$USAGE_LINE

Deploys a chart with the migration-hooks post-renderer: database first, then the
migration Job (blocking), then a rollout that never drops below the desired replicas.

Options:
  --release NAME        Helm release name (required)
  --namespace NS        namespace, created when missing (default: default)
  --chart PATH          chart folder or reference (default: chart/ of this repository)
  --values FILE         values file; repeatable, applied in order
  --set KEY=VALUE       extra value; repeatable
  --image-tag TAG       migrator image tag (sets ${MIGRATOR_TAG_KEY})
  --timeout DURATION    Helm timeout for each operation, e.g. 300s, 10m, 1h30m (default: 10m)
  --helm BIN            helm binary (default: helm on PATH)
  --kubectl BIN         kubectl binary for failure diagnostics (default: kubectl on PATH)
  --helm3               use Helm 3 mode (default: detected from the helm version)
  --launcher PATH       migration-hooks launcher, the post-renderer under Helm 3 and the
                        plan printer (default: migration-hooks on PATH, the plugin's, the build's)
  --dry-run             render with --dry-run=client, print the command and the plan; no cluster
  --print-command       print the helm command that would run, then exit
  -h, --help            show this help

Exit codes: 0 deployed, 1 deploy failed or bad input, 2 usage error.
EOF
}

usage_error() {
  printf 'deploy.sh: %s\n%s\n' "$1" "$USAGE_LINE" >&2
  printf "Try 'ci/deploy.sh --help' for all options.\n" >&2
  exit "$EXIT_USAGE"
}

fail() {
  printf 'deploy.sh: %s\n' "$1" >&2
  exit "$EXIT_DEPLOY_FAILED"
}

# Prints the arguments as one shell command line a person can paste.
quote_command() {
  local arg out=()
  for arg in "$@"; do
    if [[ $arg =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then
      out+=("$arg")
    else
      out+=("'${arg//\'/\'\\\'\'}'")
    fi
  done
  printf '%s\n' "${out[*]}"
}

release='' namespace=default chart="$repo_root/chart" image_tag='' timeout=10m
helm_bin=helm kubectl_bin=kubectl helm3='' launcher='' mode=deploy
values_files=() set_values=()

require_value() {
  [[ $# -ge 2 && -n $2 ]] || usage_error "option $1 needs a value"
}

while [[ $# -gt 0 ]]; do
  if [[ $1 == --*=* ]]; then
    case ${1%%=*} in
      --helm3 | --dry-run | --print-command | --help) usage_error "option ${1%%=*} takes no value" ;;
    esac
    set -- "${1%%=*}" "${1#*=}" "${@:2}"
  fi
  case $1 in
    --release) require_value "$@"; release=$2; shift 2 ;;
    --namespace) require_value "$@"; namespace=$2; shift 2 ;;
    --chart) require_value "$@"; chart=$2; shift 2 ;;
    --values) require_value "$@"; values_files+=("$2"); shift 2 ;;
    --set) require_value "$@"; set_values+=("$2"); shift 2 ;;
    --image-tag) require_value "$@"; image_tag=$2; shift 2 ;;
    --timeout) require_value "$@"; timeout=$2; shift 2 ;;
    --helm) require_value "$@"; helm_bin=$2; shift 2 ;;
    --kubectl) require_value "$@"; kubectl_bin=$2; shift 2 ;;
    --launcher) require_value "$@"; launcher=$2; shift 2 ;;
    --helm3) helm3=yes; shift ;;
    --dry-run) mode=dry-run; shift ;;
    --print-command) mode=print-command; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage_error "unknown option '$1'" ;;
  esac
done

[[ -n $release ]] || usage_error "missing --release NAME"
[[ $release =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ && ${#release} -le 53 ]] ||
  usage_error "bad release name '$release': lower-case letters, digits and '-', at most 53 characters"
[[ $timeout =~ ^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$ ]] ||
  usage_error "bad --timeout '$timeout': use a duration such as 300s, 10m or 1h30m"
for file in "${values_files[@]}"; do
  [[ -f $file ]] || fail "values file not found: $file"
done

command -v "$helm_bin" >/dev/null 2>&1 || fail "helm not found: '$helm_bin' (install Helm 4, or pass --helm)"
helm_version=$("$helm_bin" version --template '{{.Version}}' 2>/dev/null) ||
  fail "cannot run '$helm_bin version'"
helm_major=${helm_version#v}
helm_major=${helm_major%%.*}
case $helm_major in
  4) [[ -z $helm3 ]] || fail "--helm3 needs a Helm 3 binary; '$helm_bin' is $helm_version" ;;
  3) helm3=yes ;;
  *) fail "unsupported Helm $helm_version: use Helm 4 (or Helm 3 with the chart's Helm 3 mode)" ;;
esac

find_launcher() {
  local candidate plugins descriptors=()
  if [[ -n $launcher ]]; then
    printf '%s\n' "$launcher"
    return
  fi
  if candidate=$(command -v migration-hooks 2>/dev/null); then
    printf '%s\n' "$candidate"
    return
  fi
  plugins=$("$helm_bin" env HELM_PLUGINS 2>/dev/null || true)
  # The installed plugin's folder is named after the folder it was installed from.
  [[ -z $plugins ]] || mapfile -t descriptors < <(grep -lE "^name: *[\"']?${PLUGIN_NAME}[\"']? *$" \
    "$plugins"/*/plugin.yaml 2>/dev/null)
  for candidate in "${descriptors[@]}" "$repo_root/postrenderer/target/migration-hooks/plugin.yaml"; do
    candidate=$(dirname "$candidate")/bin/migration-hooks
    if [[ -x $candidate ]]; then
      printf '%s\n' "$candidate"
      return
    fi
  done
  return 1
}

# The values and --set arguments every helm call of this deploy shares.
value_args=()
for file in "${values_files[@]}"; do value_args+=(--values "$file"); done
[[ -z $helm3 ]] || value_args+=(--set "$HELM3_MODE_VALUE")
for pair in "${set_values[@]}"; do value_args+=(--set "$pair"); done
[[ -z $image_tag ]] || value_args+=(--set "$MIGRATOR_TAG_KEY=$image_tag")

if [[ -n $helm3 ]]; then
  launcher=$(find_launcher) ||
    fail "migration-hooks launcher not found: build the postrenderer module or pass --launcher"
  [[ -x $launcher ]] || fail "launcher is not executable: $launcher"
  # Helm 3 runs the executable with these arguments only: name the command, then the mode.
  post_renderer_args=(--post-renderer "$launcher" --post-renderer-args=render --post-renderer-args=--helm3)
  deploy_command=("$helm_bin" upgrade --install "$release" "$chart" --namespace "$namespace"
    --create-namespace "${post_renderer_args[@]}" --atomic --wait --timeout "$timeout"
    "${value_args[@]}")
  render_command=("$helm_bin" template "$release" "$chart" --namespace "$namespace"
    "${post_renderer_args[@]}" "${value_args[@]}")
else
  deploy_command=("$helm_bin" upgrade --install "$release" "$chart" --namespace "$namespace"
    --create-namespace --post-renderer "$PLUGIN_NAME" --server-side=true --wait=watcher
    --rollback-on-failure --timeout "$timeout" "${value_args[@]}")
  # `upgrade --install --dry-run=client` needs a cluster to look up the release; `install` does not.
  render_command=("$helm_bin" install "$release" "$chart" --namespace "$namespace"
    --post-renderer "$PLUGIN_NAME" "${value_args[@]}" --dry-run=client)
fi

if [[ $mode == print-command ]]; then
  quote_command "${deploy_command[@]}"
  exit 0
fi

require_plugin() {
  [[ -n $helm3 ]] && return
  "$helm_bin" plugin list 2>/dev/null | awk -v name="$PLUGIN_NAME" '$1 == name { found = 1 } END { exit !found }' ||
    fail "Helm plugin '$PLUGIN_NAME' is not installed: run 'helm plugin install <dist>/migration-hooks' (built at postrenderer/target/migration-hooks)"
}

# Lists `hook <events> weight=<w> Kind/name` in execution order, then `release Kind/name`,
# from Helm 4's dry-run (HOOKS: already in execution order) or Helm 3's `helm template` output.
plan_from_rendered() {
  awk '
    function flush() {
      if (kind != "") {
        if (hook != "") printf "hook\t%s\t%s\tweight=%s\t%s/%s\t%s\n", (weight == "" ? 0 : weight), name, (weight == "" ? 0 : weight), kind, name, hook
        else printf "release\t\t\t\t%s/%s\n", kind, name
      }
      kind = ""; name = ""; hook = ""; weight = ""; in_meta = 0; in_annotations = 0
    }
    function value(line) { sub(/^[^:]*:[ ]*/, "", line); gsub(/^["\047]|["\047]$/, "", line); return line }
    /^(NOTES|USER-SUPPLIED VALUES|COMPUTED VALUES):/ { flush(); stop = 1 }
    stop { next }
    /^(HOOKS|MANIFEST):/ || /^---/ { flush(); next }
    /^kind:/ { kind = value($0); next }
    /^metadata:/ { in_meta = 1; next }
    /^[^ #]/ { in_meta = 0; in_annotations = 0; next }
    in_meta && /^  name:/ { name = value($0); next }
    in_meta && /^  annotations:/ { in_annotations = 1; next }
    in_meta && /^  [^ ]/ { in_annotations = 0; next }
    in_annotations && /^    "?helm\.sh\/hook"?:/ { hook = value($0); next }
    in_annotations && /^    "?helm\.sh\/hook-weight"?:/ { weight = value($0); next }
    END { flush() }
  ' | if [[ -n $helm3 ]]; then sort -s -t $'\t' -k1,1 -k2,2n; else cat; fi |
    awk -F '\t' '$1 == "hook" { printf "hook     %-28s %-11s %s\n", $6, $4, $5; next } { printf "release  %s\n", $5 }'
}

# True when the launcher has a `plan` command (its help names it; older launchers print the top help).
has_plan_command() {
  local usage
  usage=$("$1" plan --help </dev/null 2>/dev/null | head -n 1) || return 1
  [[ $usage == "Usage: "*" plan"* ]]
}

# The YAML documents of a dry-run: Helm 4's output between HOOKS:/MANIFEST: and NOTES:, or all of
# `helm template`'s output (Helm 3).
rendered_documents() {
  if grep -qE '^(HOOKS|MANIFEST):$' "$1"; then
    awk '/^(HOOKS|MANIFEST):$/ { inside = 1; next } /^[A-Z][A-Z -]*:/ && !/^---/ { inside = 0 } inside' "$1"
  else
    cat "$1"
  fi
}

print_plan() {
  local rendered=$1 planner documents
  printf "Order (from Helm's dry-run: the hooks in execution order, then the release resources):\n"
  plan_from_rendered <"$rendered"
  if planner=$(find_launcher) && [[ -x $planner ]] && has_plan_command "$planner"; then
    printf '\nPlan (%s plan --as-is):\n' "${planner##*/}"
    documents=$(mktemp)
    rendered_documents "$rendered" >"$documents"
    "$planner" plan --as-is <"$documents" || { rm -f "$documents"; fail "migration-hooks plan could not read the rendered stream"; }
    rm -f "$documents"
  else
    printf '\n(no migration-hooks launcher with a plan command found; the order above is what Helm will run)\n'
  fi
}

if [[ $mode == dry-run ]]; then
  require_plugin
  rendered=$(mktemp)
  trap 'rm -f "$rendered"' EXIT
  printf 'Command: %s\n' "$(quote_command "${deploy_command[@]}")"
  printf 'Render:  %s\n' "$(quote_command "${render_command[@]}")"
  "${render_command[@]}" >"$rendered" || fail "rendering failed (see the helm error above)"
  print_plan "$rendered"
  exit 0
fi

print_migration_diagnostics() {
  local jobs job
  command -v "$kubectl_bin" >/dev/null 2>&1 || {
    printf 'deploy.sh: %s not found; cannot show the migration Job logs\n' "$kubectl_bin" >&2
    return
  }
  jobs=$("$kubectl_bin" get jobs --namespace "$namespace" --output name \
    --selector "app.kubernetes.io/instance=$release,app.kubernetes.io/component=migration" 2>/dev/null || true)
  if [[ -z $jobs ]]; then
    printf 'deploy.sh: no migration Job of release %s found in namespace %s\n' "$release" "$namespace" >&2
    return
  fi
  for job in $jobs; do
    job=${job#*/}
    printf '\n=== logs of job/%s ===\n' "$job" >&2
    "$kubectl_bin" logs "job/$job" --namespace "$namespace" --all-containers --tail=200 >&2 || true
    printf '\n=== events of job/%s and its pods ===\n' "$job" >&2
    "$kubectl_bin" get events --namespace "$namespace" \
      --field-selector "involvedObject.name=$job" --sort-by=.lastTimestamp >&2 || true
    "$kubectl_bin" get pods --namespace "$namespace" --selector "job-name=$job" \
      --output name 2>/dev/null | while read -r pod; do
      "$kubectl_bin" get events --namespace "$namespace" \
        --field-selector "involvedObject.name=${pod#*/}" --sort-by=.lastTimestamp >&2 || true
    done
  done
}

require_plugin
printf 'Running: %s\n' "$(quote_command "${deploy_command[@]}")"
if ! "${deploy_command[@]}"; then
  printf '\ndeploy.sh: release %s failed; Helm rolled it back (a first install is removed), the previous backend keeps serving.\n' "$release" >&2
  print_migration_diagnostics
  exit "$EXIT_DEPLOY_FAILED"
fi
