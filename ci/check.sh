#!/usr/bin/env bash
# Checks what ci/ ships: validates the GitHub workflows, pins of public actions, shellchecks every
# shell script and the workflows' run steps, yamllints the YAML people write, then runs the tests of
# the deploy script and of the end-to-end script's assertions (ci/tests/).
# Installs its linters itself when missing: shellcheck and yamllint from Debian,
# @action-validator/cli from npm (into .tools/ci, ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly ACTION_VALIDATOR_VERSION=0.6.0
readonly NPM_TOOLS=.tools/ci/npm
action_validator=$NPM_TOOLS/node_modules/.bin/action-validator

step() { printf '\n== %s\n' "$*"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

install_debian_linters() {
  local missing=()
  command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
  command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
  [[ ${#missing[@]} -eq 0 ]] && return
  step "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_action_validator() {
  [[ -x $action_validator ]] &&
    grep -q "\"version\": \"$ACTION_VALIDATOR_VERSION\"" "$NPM_TOOLS/node_modules/@action-validator/cli/package.json" &&
    return
  step "installing @action-validator/cli@$ACTION_VALIDATOR_VERSION from npm"
  mkdir -p "$NPM_TOOLS"
  npm install --prefix "$NPM_TOOLS" --no-audit --no-fund --silent \
    "@action-validator/cli@$ACTION_VALIDATOR_VERSION" "@action-validator/core@$ACTION_VALIDATOR_VERSION"
}

# Tracked files plus new ones not yet committed, so the check sees what a commit would hold.
repo_files() {
  git ls-files --cached --others --exclude-standard -- "$@" | sort -u | while read -r file; do
    [[ -f $file ]] && printf '%s\n' "$file"
  done
}

validate_workflows() {
  local workflow failed=0
  step "validating GitHub workflows with action-validator"
  for workflow in ci/github/workflows/*.yml; do
    if "$action_validator" "$workflow"; then
      printf 'ok %s\n' "$workflow"
    else
      printf 'INVALID %s\n' "$workflow" >&2
      failed=1
    fi
  done
  return "$failed"
}

# Public actions must be pinned to a full commit SHA; a tag can be moved under our feet.
check_action_pins() {
  local unpinned
  step "checking that every public action is pinned by commit SHA"
  unpinned=$(grep -nE '^[[:space:]-]*uses:' ci/github/workflows/*.yml |
    grep -vE 'uses:[[:space:]]*[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}([[:space:]]+#.*)?$' |
    grep -vE 'uses:[[:space:]]*\./' || true)
  if [[ -n $unpinned ]]; then
    printf 'not pinned by a 40-hex commit SHA:\n%s\n' "$unpinned" >&2
    return 1
  fi
  printf 'ok: %s pinned uses\n' "$(grep -cE '^[[:space:]-]*uses:' ci/github/workflows/*.yml | awk -F: '{ n += $2 } END { print n }')"
}

run_shellcheck() {
  local scripts
  step "shellcheck"
  mapfile -t scripts < <(repo_files '*.sh')
  shellcheck --external-sources "${scripts[@]}"
  printf 'ok: %s scripts\n' "${#scripts[@]}"
}

# The shell of every `run:` step, shellchecked as bash (GitHub's default shell) with each ${{ }}
# expression standing as a plain word. python3-yaml comes with yamllint.
shellcheck_workflow_steps() {
  step "shellcheck of the workflows' run steps"
  python3 - ci/github/workflows/*.yml <<'PY'
import re, subprocess, sys, yaml
checked, failed = 0, 0
for workflow in sys.argv[1:]:
    with open(workflow) as f:
        jobs = yaml.safe_load(f)["jobs"]
    for job_name, job in jobs.items():
        for index, step in enumerate(job.get("steps", [])):
            if "run" not in step or step.get("shell", "bash") != "bash":
                continue
            script = "#!/usr/bin/env bash\nset -eo pipefail\n" + re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", step["run"])
            result = subprocess.run(["shellcheck", "-"], input=script, text=True, capture_output=True)
            checked += 1
            if result.returncode != 0:
                failed += 1
                print(f"{workflow}: job {job_name}, step {step.get('name', index)}:\n{result.stdout}", file=sys.stderr)
print(f"ok: {checked - failed} of {checked} run steps")
sys.exit(1 if failed else 0)
PY
}

run_yamllint() {
  local files
  step "yamllint"
  mapfile -t files < <(repo_files '*.yml' '*.yaml' '.yamllint' 'ci/.yamllint' |
    grep -vE '(^|/)(templates|golden-files|src/test/resources)/')
  yamllint --strict --config-file ci/.yamllint "${files[@]}"
  printf 'ok: %s YAML files (chart templates, golden files and test fixtures excluded)\n' "${#files[@]}"
}

install_debian_linters
install_action_validator
validate_workflows
check_action_pins
run_shellcheck
shellcheck_workflow_steps
run_yamllint
# Runs each test script of ci/tests and adds up their closing `N passed, N failed` lines.
run_tests() {
  local test log total_passed=0 total_failed=0 status=0 counts
  log=$(mktemp)
  for test in ci/tests/deploy_test.sh ci/tests/e2e_script_test.sh ci/tests/lint_migrations_test.sh; do
    step "$test"
    bash "$test" | tee "$log" || status=1
    counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [[ -z $counts ]]; then
      printf '%s printed no result line\n' "$test" >&2
      status=1
      continue
    fi
    total_passed=$((total_passed + ${counts%% *}))
    counts=${counts#*, }
    total_failed=$((total_failed + ${counts%% *}))
  done
  rm -f "$log"
  printf '\nci: %d passed, %d failed\n' "$total_passed" "$total_failed"
  return "$status"
}

run_tests
