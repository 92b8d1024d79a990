#!/usr/bin/env bash
# Renders chart/ through the post-renderer for every golden-file scenario (the approval tests of
# integration-tests) and fails when the output differs from golden-files/, printing `diff -u` of
# approved vs received for each scenario that changed.
#
#   ci/golden-files.sh          run the golden tests, then show the diffs on failure
#   ci/golden-files.sh --diff   only show the diffs of the *.received.* files already there
set -euo pipefail
cd "$(dirname "$0")/.."

readonly GOLDEN_DIR=golden-files
readonly GOLDEN_TESTS='*Golden*'

print_diffs() {
  local received approved changed=0
  shopt -s nullglob
  for received in "$GOLDEN_DIR"/*.received.*; do
    approved=${received/.received./.approved.}
    [[ -f $approved ]] || approved=/dev/null
    printf '\n--- %s changed:\n' "${received##*/}"
    diff -u "$approved" "$received" || true
    changed=$((changed + 1))
  done
  if ((changed == 0)); then
    printf 'no *.received.* files in %s/\n' "$GOLDEN_DIR"
    return 0
  fi
  printf '\n%d golden file(s) differ. If the change is intended, review the diff above and approve it:\n' "$changed"
  # shellcheck disable=SC2016 # a command for the reader to paste, printed as is
  printf '  for f in %s/*.received.*; do mv "$f" "${f/.received./.approved.}"; done\n' "$GOLDEN_DIR"
  return 1
}

if [[ ${1:-} == --diff ]]; then
  print_diffs
  exit
fi

scripts/provision-helm.sh >/dev/null
rm -f "$GOLDEN_DIR"/*.received.*
if ! mvn -B -pl integration-tests -am verify -Dtest="$GOLDEN_TESTS" -Dsurefire.failIfNoSpecifiedTests=false; then
  print_diffs || true
  exit 1
fi
# Guard against a filter that silently matches nothing.
if ! compgen -G "integration-tests/target/surefire-reports/TEST-*Golden*.xml" >/dev/null; then
  printf 'ci/golden-files.sh: no golden-file test ran (filter %s)\n' "$GOLDEN_TESTS" >&2
  exit 1
fi
printf 'golden files match the rendered output\n'
