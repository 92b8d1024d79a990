#!/usr/bin/env bash
# The main job: build everything, then post-render the example chart through real Helm
# and show the rollout plan. Needs nothing set up beforehand.
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q package -DskipTests
scripts/render-example.sh
