#!/usr/bin/env bash
# Runs `migrator lint` on the migrations a change adds or edits; the other migrations are read as
# already applied. Findings go to the job log and, on GitHub, to the job summary.
#
#   ci/lint-migrations.sh BASE_REF    e.g. origin/main (GitHub: origin/$GITHUB_BASE_REF)
set -euo pipefail
cd "$(dirname "$0")/.."

readonly MIGRATIONS=migrator-image/src/main/resources/db/migration
readonly BASE=${1:?usage: ci/lint-migrations.sh BASE_REF}

mapfile -t changed < <(git diff --name-only --diff-filter=AMR "$BASE"...HEAD -- "$MIGRATIONS/*.sql")
if ((${#changed[@]} == 0)); then
  echo "migrator lint: no migration changed since $BASE"
  exit 0
fi

mvn -B -q -pl migrator-image -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/lint.classpath -Djib.skip=true
classpath="migrator-image/target/classes:$(cat migrator-image/target/lint.classpath)"

status=0
report=$(java -cp "$classpath" io.migrationhooks.migrator.Main lint --applied "$MIGRATIONS" "${changed[@]}") || status=$?
printf '%s\n' "$report"
if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  {
    echo '### migrator lint'
    echo
    echo '```'
    printf '%s\n' "$report"
    echo '```'
  } >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
