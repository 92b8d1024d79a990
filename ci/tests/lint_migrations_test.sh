#!/usr/bin/env bash
# Tests ci/lint-migrations.sh in a throwaway clone: a change without migrations passes, a new
# migration that drops a column fails with the finding in the log and in GitHub's job summary, and
# the same migration with an allow comment passes. Builds migrator-image once (Maven, like CI).
# Prints `N passed, N failed` and exits non-zero on any failure.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

pass() { passed=$((passed + 1)); printf 'ok      %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf 'FAILED  %s\n' "$1"; [[ -z ${2:-} ]] || printf '%s\n' "$2" | sed 's/^/        | /'; }

repo=$work/repo
git clone --quiet --no-hardlinks "$root" "$repo"
# The working tree's script and linter, so uncommitted changes are what is tested.
cp "$root/ci/lint-migrations.sh" "$repo/ci/lint-migrations.sh"
rm -rf "$repo/migrator-image/src/main/java"
cp -R "$root/migrator-image/src/main/java" "$repo/migrator-image/src/main/java"
git -C "$repo" -c user.name=test -c user.email=test@example.invalid commit --quiet --allow-empty -am "working tree"
commit() { git -C "$repo" add -A && git -C "$repo" -c user.name=test -c user.email=test@example.invalid commit --quiet -m "$1"; }
migrations=$repo/migrator-image/src/main/resources/db/migration

base=$(git -C "$repo" rev-parse HEAD)
echo "docs only" >>"$repo/docs/lint.md"
commit "a change without migrations"
if out=$("$repo/ci/lint-migrations.sh" "$base" 2>&1) && [[ $out == *"no migration changed since $base"* ]]; then
  pass "a change without migrations passes without building"
else
  fail "a change without migrations passes without building" "$out"
fi

base=$(git -C "$repo" rev-parse HEAD)
printf 'ALTER TABLE orders DROP COLUMN shipping_address;\n' >"$migrations/V4__drop_shipping_address.sql"
commit "drop a column"
summary=$work/summary.md
status=0
out=$(GITHUB_STEP_SUMMARY=$summary "$repo/ci/lint-migrations.sh" "$base" 2>&1) || status=$?
finding="V4__drop_shipping_address.sql:1: drop-column (breaks the running version)"
if [[ $status == 1 && $out == *"$finding"* && $out == *"1 script, 1 finding, 1 not allowed"* ]]; then
  pass "a migration that drops a column fails with the finding in the log"
else
  fail "a migration that drops a column fails with the finding in the log (exit $status)" "$out"
fi
if [[ -f $summary && $(head -n 1 "$summary") == "### migrator lint" && $(cat "$summary") == *"$finding"* ]]; then
  pass "the finding is in GitHub's job summary"
else
  fail "the finding is in GitHub's job summary" "$(cat "$summary" 2>/dev/null)"
fi

base=$(git -C "$repo" rev-parse HEAD)
printf -- '-- migration-hooks: allow drop-column 1.3 no longer reads it\nALTER TABLE orders DROP COLUMN shipping_address;\n' \
  >"$migrations/V4__drop_shipping_address.sql"
commit "allow it"
if out=$("$repo/ci/lint-migrations.sh" "$base" 2>&1) && [[ $out == *"[allowed: 1.3 no longer reads it]"* ]]; then
  pass "an allowed finding passes and is still printed"
else
  fail "an allowed finding passes and is still printed" "$out"
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
