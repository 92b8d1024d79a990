#!/usr/bin/env bash
# Tests of ci/deploy.sh. Part 1 runs --dry-run against chart/ with real Helm 4 and the real
# migration-hooks plugin (private Helm homes); part 2 covers option parsing and error messages;
# part 3 runs the deploy and failure paths against recording stand-ins for helm and kubectl
# (no cluster here). Prints `N passed, N failed` and exits non-zero on any failure.
#
# Needs: Helm 4.1.4, 4.2.3 and 3.18.0 (scripts/provision-helm.sh, or HELM4= / HELM4_2= / HELM3=) and the plugin built at
# postrenderer/target/migration-hooks (mvn -B -pl postrenderer -am package), or DIST=/path.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
deploy=$root/ci/deploy.sh
chart=${CHART:-$root/chart}
dist=${DIST:-$root/postrenderer/target/migration-hooks}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0 failed=0

pass() {
  passed=$((passed + 1))
  printf 'ok      %s\n' "$1"
}

fail() {
  failed=$((failed + 1))
  printf 'FAILED  %s\n' "$1"
  [[ -z ${2:-} ]] || printf '%s\n' "$2" | sed 's/^/        | /'
}

# expect_equal NAME EXPECTED ACTUAL
expect_equal() {
  if [[ $2 == "$3" ]]; then pass "$1"; else fail "$1" "expected: $2"$'\n'"actual:   $3"; fi
}

# expect_contains NAME NEEDLE HAYSTACK
expect_contains() {
  if [[ $3 == *"$2"* ]]; then pass "$1"; else fail "$1" "expected to contain: $2"$'\n'"in: $3"; fi
}

# expect_exit_0 NAME: the last run_deploy succeeded; shows its stderr when not.
expect_exit_0() {
  if [[ $status -eq 0 ]]; then pass "$1"; else fail "$1" "exit $status: $err"; fi
}

# run_deploy ARGS...: runs deploy.sh, sets $status, $out, $err.
run_deploy() {
  "$deploy" "$@" >"$work/out" 2>"$work/err"
  status=$?
  out=$(<"$work/out")
  err=$(<"$work/err")
}

provision_helm() { # helm4 | helm4.2 | helm3; HELM4 / HELM4_2 / HELM3 override
  local override=${1^^}
  override=${override//./_}
  if [[ -n ${!override:-} ]]; then
    printf '%s\n' "${!override}"
    return
  fi
  [[ -x $root/scripts/provision-helm.sh ]] || return 1
  "$root/scripts/provision-helm.sh" --print "$1"
}
provision_helm3() { provision_helm helm3; }

use_private_helm_homes() {
  local home=$1
  mkdir -p "$home/data/plugins"
  export HELM_CONFIG_HOME=$home/config HELM_DATA_HOME=$home/data HELM_CACHE_HOME=$home/cache
  # Helm 4.1 installs plugins into $HELM_DATA_HOME/plugins; look them up there too.
  export HELM_PLUGINS=$home/data/plugins
  export KUBECONFIG=$home/no-cluster-here
}

# Kinds of the `hook` lines of the plan, in order.
hook_kinds() {
  awk '$1 == "hook" { split($NF, ref, "/"); print ref[1] }' <<<"$1"
}

# Asserts the `Order` part of a dry-run (Helm's own order): database first (credentials and
# config, then its Services, then the StatefulSet), the migration Job last, the backend Deployment
# not a hook. When the launcher has a plan command, its table must follow.
expect_database_first_plan() {
  local label=$1 plan kinds kind rank last=0 order_ok=yes
  plan=$(sed -n '/^Order (/,/^$/p' <<<"$2")
  kinds=$(hook_kinds "$plan" | paste -sd' ' -)
  for kind in $kinds; do
    case $kind in
      Secret | ConfigMap) rank=1 ;;
      Service) rank=2 ;;
      StatefulSet) rank=3 ;;
      Job) rank=4 ;;
      *) rank=0 ;;
    esac
    if ((rank < last || rank == 0)); then order_ok=no; fi
    last=$rank
  done
  for kind in Secret Service StatefulSet Job; do
    [[ " $kinds " == *" $kind "* ]] || order_ok=no
  done
  expect_equal "$label plan: hooks run Secret/ConfigMap, Services, StatefulSet, then the Job (got: $kinds)" \
    yes "$order_ok"
  expect_equal "$label plan: the migration Job is the last hook" Job "${kinds##* }"
  if grep -qE '^release +Deployment/' <<<"$plan" && ! grep -qE '^hook .*Deployment/' <<<"$plan"; then
    pass "$label plan: the backend Deployment is a release resource, not a hook"
  else
    fail "$label plan: the backend Deployment is a release resource, not a hook" "$plan"
  fi
  if [[ $(PATH=/usr/bin:/bin "$dist/bin/migration-hooks" plan --help 2>/dev/null | head -n 1) == "Usage: "*" plan"* ]]; then
    expect_contains "$label plan: migration-hooks plan's table follows, with the Job and the rollout" \
      "Job/demo-app-migrations" "$(sed -n '/^Plan (/,$p' <<<"$2")"
  else
    expect_contains "$label plan: says that no plan command was found" "no migration-hooks launcher with a plan command" "$2"
  fi
}

# --- part 1: dry-run with real Helm 4, the real plugin and chart/ ------------------------------
dry_run_with_real_helm() { # flavour of scripts/provision-helm.sh: helm4 (4.1) or helm4.2
  local flavour=$1 helm values_a values_b expected
  if ! helm=$(provision_helm "$flavour") || [[ ! -x $helm ]]; then
    fail "Helm $flavour available for the dry-run tests" "scripts/provision-helm.sh failed or is missing; set HELM4=/path/to/helm"
    return
  fi
  if [[ ! -f $dist/plugin.yaml ]]; then
    fail "migration-hooks plugin built" "no $dist/plugin.yaml: run mvn -B -pl postrenderer -am package"
    return
  fi
  if [[ ! -f $chart/Chart.yaml ]]; then
    fail "chart present" "no $chart/Chart.yaml"
    return
  fi
  expect_equal "$flavour is Helm 4" "v4" "$("$helm" version --template '{{.Version}}' | cut -d. -f1)"

  use_private_helm_homes "$work/$flavour-without-plugin"
  run_deploy --release demo --chart "$chart" --helm "$helm" --dry-run
  expect_equal "dry-run without the plugin installed exits 1" 1 "$status"
  expect_contains "dry-run without the plugin says how to install it" "helm plugin install" "$err"

  use_private_helm_homes "$work/$flavour"
  if ! "$helm" plugin install "$dist" >"$work/plugin-install.log" 2>&1; then
    fail "helm plugin install $dist ($flavour)" "$(cat "$work/plugin-install.log")"
    return
  fi
  printf 'migrations: {}\n' >"$work/a.yaml"
  printf 'migrations: {}\n' >"$work/b.yaml"
  values_a=$work/a.yaml values_b=$work/b.yaml

  run_deploy --release demo --namespace shop --chart "$chart" --values "$values_a" \
    --values "$values_b" --image-tag 0123abc --timeout 7m --helm "$helm" --dry-run
  expect_exit_0 "dry-run with real Helm 4 ($flavour) exits 0"
  expected="$helm upgrade --install demo $chart --namespace shop --create-namespace"
  expected+=" --post-renderer migration-hooks --server-side=true --wait=watcher --rollback-on-failure"
  expected+=" --timeout 7m --values $values_a --values $values_b --set migrations.image.tag=0123abc"
  expect_equal "dry-run prints the exact helm command it would run" \
    "Command: $expected" "$(grep '^Command: ' <<<"$out")"
  expect_equal "dry-run renders with helm install --dry-run=client (no cluster)" \
    "Render:  $helm install demo $chart --namespace shop --post-renderer migration-hooks --values $values_a --values $values_b --set migrations.image.tag=0123abc --dry-run=client" \
    "$(grep '^Render: ' <<<"$out")"

  expect_database_first_plan "Helm 4 ($flavour)" "$out"

  run_deploy --release demo --namespace shop --chart "$chart" --values "$values_a" \
    --values "$values_b" --image-tag 0123abc --timeout 7m --helm "$helm" --print-command
  expect_equal "--print-command prints the same command line" "$expected" "$out"
}

# Helm 3.18 with the launcher as an executable post-renderer and the chart's Helm 3 mode.
dry_run_with_real_helm3() {
  local helm3 expected launcher=$dist/bin/migration-hooks
  if ! helm3=$(provision_helm3) || [[ ! -x $helm3 ]]; then
    fail "Helm 3 available for the Helm 3 dry-run" "scripts/provision-helm.sh failed or is missing; set HELM3=/path/to/helm"
    return
  fi
  [[ -x $launcher && -f $chart/Chart.yaml ]] || return # part 1 reported what is missing
  use_private_helm_homes "$work/helm3"
  run_deploy --release demo --namespace shop --chart "$chart" --image-tag 0123abc --helm "$helm3" \
    --launcher "$launcher" --dry-run
  expect_exit_0 "Helm 3 dry-run exits 0"
  expected="$helm3 upgrade --install demo $chart --namespace shop --create-namespace"
  expected+=" --post-renderer $launcher --post-renderer-args=render --post-renderer-args=--helm3"
  expected+=" --atomic --wait --timeout 10m --set helm3Hooks.enabled=true --set migrations.image.tag=0123abc"
  expect_equal "Helm 3 dry-run prints the exact helm command (chart's Helm 3 mode, --atomic --wait)" \
    "Command: $expected" "$(grep '^Command: ' <<<"$out")"
  expect_database_first_plan "Helm 3" "$out"
}

# --- part 2: option parsing and error messages -------------------------------------------------
option_parsing() {
  run_deploy
  expect_equal "no arguments: exit 2" 2 "$status"
  expect_contains "no arguments: names the missing release" "missing --release NAME" "$err"
  expect_contains "no arguments: prints usage" "Usage: ci/deploy.sh --release NAME" "$err"
  expect_equal "no arguments: nothing on stdout" "" "$out"

  run_deploy --namespace shop --image-tag abc
  expect_equal "missing release with other options: exit 2" 2 "$status"
  expect_contains "missing release with other options: usage" "Usage: ci/deploy.sh" "$err"

  run_deploy --release demo --bogus
  expect_equal "unknown option: exit 2" 2 "$status"
  expect_contains "unknown option: named" "unknown option '--bogus'" "$err"

  run_deploy --release demo extra
  expect_equal "stray argument: exit 2" 2 "$status"
  expect_contains "stray argument: named" "unknown option 'extra'" "$err"

  local timeout
  for timeout in 5 ten 5x 10m5 -1m; do
    run_deploy --release demo --timeout "$timeout"
    expect_equal "bad timeout '$timeout': exit 2" 2 "$status"
    expect_contains "bad timeout '$timeout': message" "bad --timeout '$timeout'" "$err"
  done

  run_deploy --release demo --values
  expect_equal "option without value: exit 2" 2 "$status"
  expect_contains "option without value: message" "option --values needs a value" "$err"

  run_deploy --release Demo_1
  expect_equal "bad release name: exit 2" 2 "$status"
  expect_contains "bad release name: message" "bad release name 'Demo_1'" "$err"

  run_deploy --release demo --dry-run=yes
  expect_equal "flag given a value: exit 2" 2 "$status"
  expect_contains "flag given a value: message" "option --dry-run takes no value" "$err"

  run_deploy --help
  expect_equal "--help: exit 0" 0 "$status"
  expect_contains "--help: usage on stdout" "--image-tag TAG" "$out"

  run_deploy --release demo --values "$work/missing.yaml" --helm /bin/false
  expect_equal "missing values file: exit 1" 1 "$status"
  expect_contains "missing values file: named" "values file not found: $work/missing.yaml" "$err"

  run_deploy --release demo --helm "$work/no-such-helm"
  expect_equal "missing helm: exit 1" 1 "$status"
  expect_contains "missing helm: named" "helm not found: '$work/no-such-helm'" "$err"
}

# --- part 3: deploy and failure paths against recording stand-ins ------------------------------
# The stand-in helm answers `version` and `plugin list` like Helm 4 (or 3), records the argv of
# every other call one argument per line, and exits with $FAKE_HELM_EXIT for `upgrade`.
write_fakes() {
  mkdir -p "$work/fakes"
  cat >"$work/fakes/helm" <<'EOF'
#!/usr/bin/env bash
case $1 in
  version) printf '%s' "${FAKE_HELM_VERSION:-v4.1.4}"; exit 0 ;;
  plugin) printf 'NAME\tVERSION\tTYPE\nmigration-hooks\t0.1.0\tpostrenderer/v1\n'; exit 0 ;;
  env) exit 0 ;;
esac
printf '%s\n' "$@" >"$FAKE_LOG/helm.argv"
[[ $1 == upgrade ]] && exit "${FAKE_HELM_EXIT:-0}"
exit 0
EOF
  cat >"$work/fakes/kubectl" <<'EOF'
#!/usr/bin/env bash
printf '%s\n' "$*" >>"$FAKE_LOG/kubectl.calls"
case "$1 $2" in
  "get jobs") echo job.batch/demo-migrate ;;
  "logs job/demo-migrate") echo "ERROR: Migration V7__add_index.sql failed" ;;
  "get events") echo "Warning  BackoffLimitExceeded  job/demo-migrate  Job has reached the specified backoff limit" ;;
  "get pods") echo pod/demo-migrate-x7k2p ;;
esac
EOF
  cat >"$work/fakes/migration-hooks" <<'EOF'
#!/usr/bin/env bash
exit 2
EOF
  chmod +x "$work/fakes/helm" "$work/fakes/kubectl" "$work/fakes/migration-hooks"
  export FAKE_LOG=$work/fakes
}

deploy_paths() {
  local expected
  write_fakes
  run_deploy --release demo --namespace shop --chart ./chart --image-tag abc123 --timeout 90s \
    --helm "$work/fakes/helm" --kubectl "$work/fakes/kubectl"
  expect_equal "deploy: exit 0 when helm succeeds" 0 "$status"
  expected=$(printf '%s\n' upgrade --install demo ./chart --namespace shop --create-namespace \
    --post-renderer migration-hooks --server-side=true --wait=watcher --rollback-on-failure \
    --timeout 90s --set migrations.image.tag=abc123)
  expect_equal "deploy: runs helm upgrade --install with exactly these arguments" "$expected" \
    "$(cat "$FAKE_LOG/helm.argv")"
  expect_equal "deploy: no diagnostics when helm succeeds" no \
    "$([[ -e $FAKE_LOG/kubectl.calls ]] && echo yes || echo no)"

  FAKE_HELM_EXIT=1 run_deploy --release demo --namespace shop --chart ./chart --image-tag abc123 \
    --helm "$work/fakes/helm" --kubectl "$work/fakes/kubectl"
  expect_equal "failed deploy: exit 1" 1 "$status"
  expect_contains "failed deploy: prints the migration Job's logs" \
    "ERROR: Migration V7__add_index.sql failed" "$err"
  expect_contains "failed deploy: prints the Job's events" "BackoffLimitExceeded" "$err"
  expect_contains "failed deploy: finds Jobs of the release" \
    "get jobs --namespace shop --output name --selector app.kubernetes.io/instance=demo,app.kubernetes.io/component=migration" \
    "$(cat "$FAKE_LOG/kubectl.calls")"
  expect_contains "failed deploy: kubectl logs job/<name>" \
    "logs job/demo-migrate --namespace shop --all-containers --tail=200" "$(cat "$FAKE_LOG/kubectl.calls")"
  expect_contains "failed deploy: events by involvedObject.name" \
    "get events --namespace shop --field-selector involvedObject.name=demo-migrate" \
    "$(cat "$FAKE_LOG/kubectl.calls")"
  expect_contains "failed deploy: events of the Job's pods" \
    "--field-selector involvedObject.name=demo-migrate-x7k2p" "$(cat "$FAKE_LOG/kubectl.calls")"
  rm -f "$FAKE_LOG/kubectl.calls"

  FAKE_HELM_VERSION=v3.18.0 run_deploy --release demo --namespace shop --chart ./chart \
    --image-tag abc123 --helm "$work/fakes/helm" --launcher "$work/fakes/migration-hooks"
  expect_equal "Helm 3 detected: exit 0" 0 "$status"
  expected=$(printf '%s\n' upgrade --install demo ./chart --namespace shop --create-namespace \
    --post-renderer "$work/fakes/migration-hooks" --post-renderer-args=render --post-renderer-args=--helm3 \
    --atomic --wait \
    --timeout 10m --set helm3Hooks.enabled=true --set migrations.image.tag=abc123)
  expect_equal "Helm 3 detected: chart's Helm 3 mode, launcher with --helm3, --atomic --wait" \
    "$expected" "$(cat "$FAKE_LOG/helm.argv")"

  run_deploy --release demo --helm "$work/fakes/helm" --helm3
  expect_equal "--helm3 with a Helm 4 binary: exit 1" 1 "$status"
  expect_contains "--helm3 with a Helm 4 binary: message" "--helm3 needs a Helm 3 binary" "$err"
}

dry_run_with_real_helm helm4
dry_run_with_real_helm helm4.2
dry_run_with_real_helm3
option_parsing
deploy_paths

printf '\n%d passed, %d failed\n' "$passed" "$failed"
[[ $failed -eq 0 ]]
