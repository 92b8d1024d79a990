#!/usr/bin/env bash
# End-to-end upgrade check on a real cluster (kind in CI; it needs Docker and a Kubernetes API).
#
# Installs the chart with ci/deploy.sh, then upgrades it with a migrator image that holds one new
# migration and a new backend image, while kubectl watches the backend Deployment, its pods and the
# migration Job. Then asserts:
#   1. the new migration ran exactly once: one new Job, one pod, one success, one row in its
#      marker table and one entry in Flyway's history;
#   2. it finished before any new backend pod was created (Job completion time, the order the
#      watches saw, and the time the migration wrote into the database);
#   3. ready backend replicas never dropped below the desired count during the rollout.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/../.." && pwd)

release=e2e namespace=migration-hooks-e2e chart=$repo_root/chart values=$script_dir/values-kind.yaml
helm_bin=helm kubectl_bin=kubectl timeout=10m
migrator_repository='' old_migrator_tag='' new_migrator_tag=''
backend_repository=docker.io/nginxinc/nginx-unprivileged old_backend_tag=1.27-alpine new_backend_tag=1.28-alpine
marker_table=e2e_upgrade_marker new_migration_version=9000

usage() {
  cat <<EOF
Usage: ci/e2e/upgrade-rollout.sh --migrator-repository REPO --old-migrator-tag TAG --new-migrator-tag TAG [options]

  --migrator-repository REPO  migrator image repository, both tags loaded into the cluster
  --old-migrator-tag TAG      migrator image installed first
  --new-migrator-tag TAG      migrator image with the new migration V${new_migration_version}
  --backend-repository REPO   backend image (default: $backend_repository)
  --old-backend-tag TAG       (default: $old_backend_tag)
  --new-backend-tag TAG       (default: $new_backend_tag)
  --release NAME              (default: $release)
  --namespace NS              (default: $namespace)
  --chart PATH                (default: chart/)
  --values FILE               (default: ci/e2e/values-kind.yaml)
  --helm BIN, --kubectl BIN   binaries (default: from PATH)
  --timeout DURATION          Helm timeout (default: $timeout)
EOF
}

while [[ $# -gt 0 ]]; do
  [[ $1 == -h || $1 == --help ]] && { usage; exit 0; }
  [[ $# -ge 2 ]] || { printf 'upgrade-rollout.sh: option %s needs a value\n' "$1" >&2; usage >&2; exit 2; }
  case $1 in
    --migrator-repository) migrator_repository=$2 ;;
    --old-migrator-tag) old_migrator_tag=$2 ;;
    --new-migrator-tag) new_migrator_tag=$2 ;;
    --backend-repository) backend_repository=$2 ;;
    --old-backend-tag) old_backend_tag=$2 ;;
    --new-backend-tag) new_backend_tag=$2 ;;
    --release) release=$2 ;;
    --namespace) namespace=$2 ;;
    --chart) chart=$2 ;;
    --values) values=$2 ;;
    --helm) helm_bin=$2 ;;
    --kubectl) kubectl_bin=$2 ;;
    --timeout) timeout=$2 ;;
    *) printf "upgrade-rollout.sh: unknown option '%s'\n" "$1" >&2; usage >&2; exit 2 ;;
  esac
  shift 2
done
if [[ -z $migrator_repository || -z $old_migrator_tag || -z $new_migrator_tag ]]; then
  printf 'upgrade-rollout.sh: --migrator-repository, --old-migrator-tag and --new-migrator-tag are required\n' >&2
  usage >&2
  exit 2
fi

readonly backend_selector="app.kubernetes.io/instance=$release,app.kubernetes.io/component=backend"
readonly migration_selector="app.kubernetes.io/instance=$release,app.kubernetes.io/component=migration"
readonly database_selector="app.kubernetes.io/instance=$release,app.kubernetes.io/component=database"
readonly new_backend_image="$backend_repository:$new_backend_tag"

logs=$(mktemp -d)
watcher_pids=()
stop_watchers() {
  local pid
  for pid in "${watcher_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${watcher_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  watcher_pids=()
  sleep 1 # the stamping readers finish writing once kubectl's output closes
}
trap stop_watchers EXIT

say() { printf '\n== %s\n' "$*"; }
kc() { "$kubectl_bin" --namespace "$namespace" "$@"; }

deploy() { # migrator tag, backend tag
  "$repo_root/ci/deploy.sh" --release "$release" --namespace "$namespace" --chart "$chart" \
    --values "$values" --helm "$helm_bin" --kubectl "$kubectl_bin" --timeout "$timeout" \
    --set "migrations.image.repository=$migrator_repository" \
    --set "backend.image.repository=$backend_repository" --set "backend.image.tag=$2" \
    --image-tag "$1"
}

# Prefixes every line with the local time in nanoseconds, so the logs of the watches can be merged.
stamp() {
  local line
  while IFS= read -r line; do printf '%s %s\n' "$(date +%s%N)" "$line"; done
}

# start_watch NAME ARGS...: runs `kubectl get ARGS --watch` in the background into $logs/NAME.log,
# one stamped line per change. $! is kubectl's own PID, so stopping it ends the reader too.
# Custom columns print <none> for a missing field, so columns never shift.
start_watch() {
  local name=$1
  shift
  "$kubectl_bin" --namespace "$namespace" get "$@" --watch --no-headers > >(stamp >"$logs/$name.log") &
  watcher_pids+=("$!")
}

wait_for_first_line() {
  local file=$1 tries=0
  until [[ -s $file ]]; do
    ((tries++ < 300)) || { printf 'no output from the watch into %s\n' "$file" >&2; exit 1; }
    sleep 0.1
  done
}

psql_value() { # SQL -> one value, through the database pod's local socket
  # shellcheck disable=SC2016 # expanded by the pod's shell, from the container's environment
  kc exec "$database_pod" -c postgresql -- \
    sh -c 'psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -tAc "$1"' psql "$1"
}

failures=0
check() { # description, then a command that succeeds when the check holds
  local description=$1
  shift
  if "$@"; then
    printf 'ok      %s\n' "$description"
  else
    printf 'FAILED  %s\n' "$description"
    failures=$((failures + 1))
  fi
}

say "install: migrator $old_migrator_tag, backend $old_backend_tag"
deploy "$old_migrator_tag" "$old_backend_tag"
deployment=$(kc get deployment --selector "$backend_selector" --output name)
[[ $(wc -l <<<"$deployment") -eq 1 && -n $deployment ]] ||
  { printf 'expected one backend Deployment, found: %s\n' "$deployment" >&2; exit 1; }
kc rollout status "$deployment" --timeout=5m
desired=$(kc get "$deployment" --output 'jsonpath={.spec.replicas}')
first_job_uid=$(kc get jobs --selector "$migration_selector" --output 'jsonpath={.items[*].metadata.uid}')

say "watching $deployment (desired $desired), its pods and the migration Job"
# Columns after the stamp: deployment: generation desired ready updated; pods: name created image;
# jobs: name uid succeeded completed.
start_watch deployment "$deployment" --output \
  'custom-columns=GEN:.metadata.generation,DESIRED:.spec.replicas,READY:.status.readyReplicas,UPDATED:.status.updatedReplicas'
start_watch pods pods --selector "$backend_selector" --output \
  'custom-columns=NAME:.metadata.name,CREATED:.metadata.creationTimestamp,IMAGE:.spec.containers[0].image'
start_watch jobs jobs --selector "$migration_selector" --output \
  'custom-columns=NAME:.metadata.name,UID:.metadata.uid,SUCCEEDED:.status.succeeded,COMPLETED:.status.completionTime'
wait_for_first_line "$logs/deployment.log"
wait_for_first_line "$logs/pods.log"
wait_for_first_line "$logs/jobs.log"

say "upgrade: migrator $new_migrator_tag (new migration V$new_migration_version), backend $new_backend_tag"
deploy "$new_migrator_tag" "$new_backend_tag"
kc rollout status "$deployment" --timeout=5m
sleep 3 # let the watches print the last updates
stop_watchers

for name in deployment pods jobs; do
  printf '\n-- %s watch --\n' "$name"
  cat "$logs/$name.log"
done

say "assertions"
database_pod=$(kc get pods --selector "$database_selector" --output name | head -n 1)
job_name=$(kc get jobs --selector "$migration_selector" --output 'jsonpath={.items[*].metadata.name}')
job_uid=$(kc get jobs --selector "$migration_selector" --output 'jsonpath={.items[*].metadata.uid}')
job_completed=$(kc get jobs --selector "$migration_selector" --output 'jsonpath={.items[*].status.completionTime}')

# 1. The migration ran exactly once.
one_new_job() { [[ -n $job_uid && $job_uid != *' '* && $job_uid != "$first_job_uid" ]]; }
check "the upgrade created one new migration Job (before-hook-creation replaced the old one)" one_new_job
# Pods by the Job's UID: the replaced Job's pods (same job-name) may still be terminating.
job_ran_once() {
  [[ $(kc get job "$job_name" --output 'jsonpath={.status.succeeded}/{.status.failed}') == 1/ &&
    $(kc get pods --selector "controller-uid=$job_uid" --output name | wc -l) -eq 1 ]]
}
check "the Job ran one pod, which succeeded" job_ran_once
marker_written_once() { [[ $(psql_value "SELECT count(*) FROM $marker_table") == 1 ]]; }
check "the new migration wrote exactly one marker row" marker_written_once
applied_once() {
  [[ $(psql_value "SELECT count(*) FROM flyway_schema_history WHERE version = '$new_migration_version' AND success") == 1 ]]
}
check "Flyway's history holds V$new_migration_version once, successful" applied_once

# 2. It finished before any new backend pod was created.
new_pod_lines() { awk -v image="$new_backend_image" '$4 == image' "$logs/pods.log"; }
first_new_pod_created=$(new_pod_lines | awk '{ print $3 }' | sort | head -n 1)
saw_new_pods() { [[ $(new_pod_lines | awk '{ print $2 }' | sort -u | wc -l) -ge $desired ]]; }
check "the watch saw at least $desired new backend pods ($new_backend_image)" saw_new_pods
# RFC 3339 UTC timestamps of the API server compare as strings.
completed_before_pods() { [[ -n $job_completed && -n $first_new_pod_created && ! $job_completed > $first_new_pod_created ]]; }
check "Job completed ($job_completed) no later than the first new pod was created ($first_new_pod_created)" \
  completed_before_pods
watched_in_order() {
  local job_done_at first_pod_at
  job_done_at=$(awk -v uid="$job_uid" '$3 == uid && $4 == 1 { print $1; exit }' "$logs/jobs.log")
  first_pod_at=$(new_pod_lines | awk 'NR == 1 { print $1 }')
  [[ -n $job_done_at && -n $first_pod_at && $job_done_at -lt $first_pod_at ]]
}
check "the watches saw the Job succeed before the first new backend pod appeared" watched_in_order
written_before_pods() {
  local applied_at
  applied_at=$(psql_value "SELECT to_char(max(applied_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM $marker_table")
  [[ -n $applied_at && ! $applied_at > $first_new_pod_created ]]
}
check "the migration wrote its row before the first new backend pod was created" written_before_pods

# 3. Ready replicas never dropped below the desired count.
never_below_desired() {
  awk -v desired="$desired" '
    { ready = ($4 ~ /^[0-9]+$/ ? $4 : 0) }
    ready < desired { bad = 1; print "  below desired: " $0 }
    END { exit bad }' "$logs/deployment.log"
}
check "ready backend replicas never dropped below $desired during the rollout" never_below_desired
rollout_observed() {
  awk -v desired="$desired" '
    NR == 1 { first_generation = $2 }
    $2 > first_generation && $5 == desired && ($4 + 0) >= desired { seen = 1 }
    END { exit !seen }' "$logs/deployment.log"
}
check "the watch covered the rollout (generation went up, all replicas updated)" rollout_observed

if ((failures > 0)); then
  say "$failures check(s) failed"
  kc get all,events --sort-by=.lastTimestamp || true
  "$helm_bin" history "$release" --namespace "$namespace" || true
  exit 1
fi
say "end-to-end upgrade: all checks passed"
