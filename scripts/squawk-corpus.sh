#!/usr/bin/env bash
# Runs squawk-cli 2.66.0 (npm, pinned) over the lint corpus and writes what it reports, one
# `file:line: rule` per line (lines 1-based, like `migrator lint`), to the corpus' squawk file.
# LintCorpusTest compares that file with our linter's findings; docs/lint.md explains each difference.
#
#   scripts/squawk-corpus.sh           rewrite migrator-image/src/test/resources/lint-corpus/squawk-2.66.0.txt
#   scripts/squawk-corpus.sh --check   fail when squawk now reports something else than the file says
#
# Flyway runs each migration in a transaction, hence --assume-in-transaction; the tests run PostgreSQL 18.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly VERSION=2.66.0
readonly CORPUS=migrator-image/src/test/resources/lint-corpus
readonly RECORDED=$CORPUS/squawk-$VERSION.txt
readonly PREFIX=.tools/squawk/$VERSION

if [[ ! -x $PREFIX/node_modules/.bin/squawk ]]; then
  command -v npm >/dev/null 2>&1 || { echo "squawk-corpus: npm is needed to install squawk-cli@$VERSION" >&2; exit 1; }
  mkdir -p "$PREFIX"
  npm install --prefix "$PREFIX" --no-audit --no-fund --silent "squawk-cli@$VERSION" >&2
fi
squawk=$PWD/$PREFIX/node_modules/.bin/squawk
[[ $("$squawk" --version) == "squawk $VERSION" ]] || { echo "squawk-corpus: $squawk is not squawk $VERSION" >&2; exit 1; }

received=$(mktemp)
trap 'rm -f "$received"' EXIT
# squawk exits 1 when it reports anything; its gcc lines are FILE:LINE0:COLUMN: warning: RULE message.
(cd "$CORPUS/pending"; "$squawk" --assume-in-transaction --pg-version 18.0 --reporter gcc ./*.sql || true) |
  sed -nE 's#^(\./)?([^:]+\.sql):([0-9]+):[0-9]+: warning: ([a-z-]+) .*#\2 \3 \4#p' |
  while read -r file line rule; do echo "$file:$((line + 1)): $rule"; done | sort -u >"$received"

if [[ ${1:-} == --check ]]; then
  diff -u <(grep -v "^#" "$RECORDED") "$received"
else
  { echo "# squawk-cli $VERSION --assume-in-transaction --pg-version 18.0 over pending/, written by scripts/squawk-corpus.sh"
    cat "$received"; } >"$RECORDED"
  echo "squawk-corpus: wrote $RECORDED ($(wc -l <"$received") findings)"
fi
