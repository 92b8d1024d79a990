#!/usr/bin/env bash
# Tests the assertions of ci/e2e/upgrade-rollout.sh without a cluster: recording stand-ins for helm
# and kubectl replay one upgrade (watch events, Job status, database answers) per scenario, and the
# script must pass the clean rollout and fail, naming the broken property, for each bad one.
# The real run needs Docker and kind (ci/github/workflows/e2e-kind.yml).
# Prints `N passed, N failed` and exits non-zero on any failure.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

pass() { passed=$((passed + 1)); printf 'ok      %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf 'FAILED  %s\n' "$1"; [[ -z ${2:-} ]] || printf '%s\n' "$2" | sed 's/^/        | /'; }

mkdir -p "$work/bin" "$work/chart"
touch "$work/chart/Chart.yaml"
cat >"$work/bin/helm" <<'FAKE'
#!/usr/bin/env bash
case $1 in
  version) printf v4.1.4; exit 0 ;;
  plugin) printf 'NAME\nmigration-hooks\n'; exit 0 ;;
  env | history) exit 0 ;;
esac
if [[ " $* " == *" migrations.image.tag=after "* ]]; then echo upgraded >"$FAKE_STATE"; sleep 1.5
else echo installed >"$FAKE_STATE"; fi
FAKE
cat >"$work/bin/kubectl" <<'FAKE'
#!/usr/bin/env bash
# Stand-in for kubectl: answers the calls upgrade-rollout.sh makes, per $FAKE_SCENARIO.
args=()
while [[ $# -gt 0 ]]; do if [[ $1 == --namespace ]]; then shift 2; else args+=("$1"); shift; fi; done
set -- "${args[@]}"
state=$(cat "$FAKE_STATE" 2>/dev/null)
new=docker.io/nginxinc/nginx-unprivileged:1.28-alpine old=docker.io/nginxinc/nginx-unprivileged:1.27-alpine
wait_for_upgrade() { until [[ $(cat "$FAKE_STATE") == upgraded ]]; do sleep 0.05; done; }
case "$*" in
  "get deployment --selector "*" --output name") echo deployment.apps/e2e-app ;;
  "rollout status "*) ;;
  "get deployment.apps/e2e-app --output jsonpath={.spec.replicas}") printf 3 ;;
  "get jobs --selector "*"jsonpath={.items[*].metadata.uid}") [[ $state == upgraded ]] && printf uid-2 || printf uid-1 ;;
  "get jobs --selector "*"jsonpath={.items[*].metadata.name}") printf e2e-app-migrations ;;
  "get jobs --selector "*"jsonpath={.items[*].status.completionTime}") printf 2026-01-01T10:00:05Z ;;
  "get job e2e-app-migrations --output jsonpath={.status.succeeded}/{.status.failed}") printf 1/ ;;
  "get pods --selector controller-uid=uid-2 --output name")
    echo pod/e2e-app-migrations-a
    [[ $FAKE_SCENARIO == migrated-twice ]] && echo pod/e2e-app-migrations-b ;;
  "get pods --selector "*"component=database --output name") echo pod/e2e-app-postgresql-0 ;;
  "exec pod/e2e-app-postgresql-0 "*)
    case ${!#} in
      *"FROM e2e_upgrade_marker"*to_char*|*to_char*) echo 2026-01-01T10:00:04Z ;;
      *"count(*) FROM e2e_upgrade_marker"*) [[ $FAKE_SCENARIO == migrated-twice ]] && echo 2 || echo 1 ;;
      *flyway_schema_history*) echo 1 ;;
    esac ;;
  "get deployment.apps/e2e-app "*"--watch"*)
    echo "1 3 3 3"; wait_for_upgrade
    dip="2 3 4 1"; [[ $FAKE_SCENARIO == ready-dip ]] && dip="2 3 2 1"
    for line in "2 3 3 0" "2 3 4 0" "2 3 3 1" "$dip" "2 3 3 2" "2 3 4 2" "2 3 3 3"; do sleep 0.05; echo "$line"; done
    exec sleep 30 ;;
  "get pods --selector "*"--watch"*)
    for i in 1 2 3; do echo "e2e-app-old$i 2026-01-01T09:00:00Z $old"; done
    wait_for_upgrade
    if [[ $FAKE_SCENARIO == pod-before-job ]]; then
      echo "e2e-app-new0 2026-01-01T10:00:01Z $new"
      touch "$FAKE_STATE.early-pod"
    fi
    sleep 0.5
    for i in 1 2 3; do sleep 0.05; echo "e2e-app-new$i 2026-01-01T10:00:06Z $new"; done
    exec sleep 30 ;;
  "get jobs --selector "*"--watch"*)
    echo "e2e-app-migrations uid-1 1 2026-01-01T09:00:00Z"; wait_for_upgrade
    echo "e2e-app-migrations uid-2 <none> <none>"
    if [[ $FAKE_SCENARIO == pod-before-job ]]; then
      until [[ -e $FAKE_STATE.early-pod ]]; do sleep 0.05; done
      sleep 0.5
    fi
    echo "e2e-app-migrations uid-2 1 2026-01-01T10:00:05Z"
    exec sleep 30 ;;
  "get all,events "*) ;;
  *) echo "fake kubectl: unexpected call: $*" >&2; exit 1 ;;
esac
FAKE
chmod +x "$work/bin/helm" "$work/bin/kubectl"

# run_scenario NAME -> $status, $out
run_scenario() {
  export FAKE_SCENARIO=$1 FAKE_STATE=$work/state-$1
  out=$(timeout -k 5 60 "$root/ci/e2e/upgrade-rollout.sh" --migrator-repository migrator-e2e \
    --old-migrator-tag before --new-migrator-tag after --chart "$work/chart" \
    --helm "$work/bin/helm" --kubectl "$work/bin/kubectl" 2>&1)
  status=$?
}

# expect_outcome SCENARIO EXIT FAILED-CHECK (empty: none may fail); leaves $out for more checks
expect_outcome() {
  local scenario=$1 want_exit=$2 failed_check=$3 failures
  run_scenario "$scenario"
  failures=$(grep '^FAILED' <<<"$out")
  if [[ $status -ne $want_exit ]]; then
    fail "$scenario: exit $want_exit" "exit $status"$'\n'"$(tail -n 25 <<<"$out")"
  elif [[ -z $failed_check && -n $failures ]]; then
    fail "$scenario: every check passes" "$failures"
  elif [[ -n $failed_check && $failures != *"$failed_check"* ]]; then
    fail "$scenario: the check '$failed_check' fails" "${failures:-no check failed}"
  elif [[ -n $failed_check ]]; then
    pass "$scenario: exit $want_exit, the check '$failed_check' fails"
  else
    pass "$scenario: exit $want_exit, every check passes"
  fi
}

expect_outcome clean-rollout 0 ''
expect_outcome ready-dip 1 'ready backend replicas never dropped below 3'
expect_outcome pod-before-job 1 'the watches saw the Job succeed before the first new backend pod appeared'
expect_outcome migrated-twice 1 'the new migration wrote exactly one marker row'
if grep -q "FAILED  the Job ran one pod, which succeeded" <<<"$out"; then
  pass "migrated-twice: a second migration pod is reported"
else
  fail "migrated-twice: a second migration pod is reported" "$(grep -E '^(ok|FAILED)' <<<"$out")"
fi

printf '\n%d passed, %d failed\n' "$passed" "$failed"
[[ $failed -eq 0 ]]
