#!/usr/bin/env bash
# Post-renderer benchmark: median wall time and peak RSS of `migration-hooks render` run as Helm runs
# it (input on a stdin pipe, output read from a stdout pipe), beside `cat` (the floor) and the usual
# `kubectl kustomize` post-renderer, on the same generated inputs. Prints a markdown table.
#
#   bench/run.sh                      # sizes 1 200 2000 20000, 15/15/7/3 runs
#   bench/run.sh --quick              # 3/3/1/1 runs, for a quick look
#   bench/run.sh --jdk /usr/lib/jvm/temurin-25-jdk-amd64 --jdk /usr/lib/jvm/java-17-openjdk-amd64
#
# Options: --sizes "1 200" --runs "15 15" (one count per size), --jdk DIR (repeatable: one
# migration-hooks column per JDK; default: the JDK the launcher finds), --launcher PATH,
# --kustomize-max N (largest input given to kustomize, default 2000: it is super-linear),
# --no-build (never build the distribution). Results also go to bench/results/latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
invocation="$*"

sizes=(1 200 2000 20000)
runs=(15 15 7 3)
jdks=()
launcher=$root/postrenderer/target/migration-hooks/bin/migration-hooks
kustomize_max=2000
build=true
while (($#)); do
  case $1 in
    --sizes) read -ra sizes <<<"$2"; shift 2 ;;
    --runs) read -ra runs <<<"$2"; shift 2 ;;
    --quick) runs=(3 3 1 1); shift ;;
    --jdk) jdks+=("$2"); shift 2 ;;
    --launcher) launcher=$2; shift 2 ;;
    --kustomize-max) kustomize_max=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) echo "bench/run.sh: unknown option $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
done
((${#runs[@]} >= ${#sizes[@]})) || { echo "bench/run.sh: give one run count per size" >&2; exit 2; }

results=$root/bench/results
inputs=$results/inputs
mkdir -p "$inputs"

# --- tools ------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (peak RSS)..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time) >&2
fi
have_kubectl=false
command -v kubectl >/dev/null && kubectl kustomize --help >/dev/null 2>&1 && have_kubectl=true

if [[ ! -x $launcher ]] || { $build && [[ $launcher == "$root/postrenderer/target/"* ]] &&
  [[ -n $(find postrenderer/src postrenderer/pom.xml pom.xml -newer "$launcher" -print -quit 2>/dev/null) ]]; }; then
  $build || { echo "bench/run.sh: no launcher at $launcher (build with mvn -B package)" >&2; exit 1; }
  echo "building the distribution..." >&2
  mvn -B -q -pl postrenderer -am package -DskipTests >&2
fi

# --- inputs (cached; regenerated when the generator changes) ---------------------------------
generator=$root/bench/GenerateManifests.java
generator_hash=$(sha256sum "$generator" | cut -c1-16)
input_for() { echo "$inputs/docs-$1-$generator_hash.yaml"; }
for size in "${sizes[@]}"; do
  if [[ ! -s $(input_for "$size") ]]; then
    echo "generating $size documents..." >&2
    java "$generator" "$size" "$(input_for "$size")"
  fi
done

# --- measuring --------------------------------------------------------------------------------
# One timed run: input through a pipe into the command, its stdout through a pipe into cat.
# Prints "wall_ms peak_rss_kb cpu_ms" (cpu: user + system time). The pipe on both sides is what
# Helm does; the cat column shows what this harness itself costs.
measure_once() {
  local input=$1; shift
  local rss_file=$results/rss.$$ start end
  start=$EPOCHREALTIME
  # shellcheck disable=SC2002 # stdin must be a pipe, as Helm gives it, not a file the JVM can map
  if ! cat "$input" | /usr/bin/time -f '%M %U %S' -o "$rss_file" "$@" 2>>"$results/stderr.log" | cat >/dev/null; then
    echo "bench/run.sh: '$*' failed on $input (see $results/stderr.log)" >&2
    exit 1
  fi
  end=$EPOCHREALTIME
  echo "$(( (${end/./} - ${start/./}) / 1000 ))" \
    "$(tail -n1 "$rss_file" | awk '{ printf "%d %d", $1, ($2 + $3) * 1000 }')"
}

thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Verifies once that the command writes a non-empty stream, then measures it: one warm-up run
# (for migration-hooks it creates the class-data cache), then N runs.
# Prints "median_wall_ms max_rss_mb median_cpu_ms".
benchmark() {
  local input=$1 count=$2; shift 2
  local out=$results/out.$$ samples=()
  : >"$results/stderr.log"
  if ! "$@" <"$input" >"$out" 2>>"$results/stderr.log" || [[ ! -s $out ]]; then
    echo "bench/run.sh: '$*' wrote nothing or failed on $input:" >&2
    tail -n 5 "$results/stderr.log" >&2
    exit 1
  fi
  rm -f "$out"
  measure_once "$input" "$@" >/dev/null
  for ((i = 0; i < count; i++)); do samples+=("$(measure_once "$input" "$@")"); done
  local ms rss cpu
  ms=$(printf '%s\n' "${samples[@]}" | cut -d' ' -f1 | median)
  rss=$(printf '%s\n' "${samples[@]}" | cut -d' ' -f2 | sort -n | tail -n1)
  cpu=$(printf '%s\n' "${samples[@]}" | cut -d' ' -f3 | median)
  echo "$ms $((rss / 1024)) $cpu"
}

# --- columns ------------------------------------------------------------------------------------
labels=("cat")
commands=("cat")
if ((${#jdks[@]} == 0)); then
  labels+=("migration-hooks")
  commands+=("$launcher render")
else
  for jdk in "${jdks[@]}"; do
    version=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ { print $2 }')
    labels+=("migration-hooks (Java ${version%%+*})")
    commands+=("env JAVA_HOME=$jdk $launcher render")
  done
fi
$have_kubectl && { labels+=("kubectl kustomize"); commands+=("$root/bench/kustomize-postrenderer.sh"); }

targets=([1]="≤ 60 ms" [200]="≤ 120 ms" [2000]="≤ 400 ms" [20000]="≤ 2,000 ms, ≤ 160 MB")

describe_machine() {
  local java_cmd=java
  [[ -n ${JAVA_HOME:-} ]] && java_cmd=$JAVA_HOME/bin/java
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); command: \`bench/run.sh $*\`"
  echo "- Machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
  echo "- Default JDK: $("$java_cmd" -version 2>&1 | sed -n 2p)"
  echo "- Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Each cell: median wall time of N runs after one warm-up run (median user+system CPU time), peak RSS (max over the runs)."
}

# The launcher's class-data cache goes to a private folder, emptied here so that the first run of
# each migration-hooks column is measured as a user's first run; then it waits for the cache.
export XDG_CACHE_HOME=$results/cache-home
rm -rf "$XDG_CACHE_HOME"
first_runs=()
measure_first_run() {
  local label=$1; shift
  local before=$EPOCHREALTIME wall rss cpu waited=0
  read -r wall rss cpu <<<"$(measure_once "$(input_for "${sizes[0]}")" "$@")"
  while [[ -n $(find "$XDG_CACHE_HOME" -name lock 2>/dev/null) ]] ||
    (($(find "$XDG_CACHE_HOME" -name current 2>/dev/null | wc -l) < ${#first_runs[@]} + 1)); do
    ((waited++ < 1200)) || { echo "bench/run.sh: no cache after 120 s for $label" >&2; break; }
    sleep 0.1
  done
  local ready=$(( (${EPOCHREALTIME/./} - ${before/./}) / 1000 ))
  first_runs+=("| $label | $(thousands "$wall") ms | $(thousands "$cpu") ms | $(thousands "$ready") ms |")
}
for c in "${!commands[@]}"; do
  if [[ ${labels[$c]} == migration-hooks* ]]; then
    echo "  ${labels[$c]}: first run, then waiting for its cache..." >&2
    # shellcheck disable=SC2086 # each entry is a command line, split into its words on purpose
    measure_first_run "${labels[$c]}" ${commands[$c]}
  fi
done

report=$results/latest.md
{
  describe_machine "$invocation"
  echo
  header="| documents | input | runs |"
  rule="|---:|---:|---:|"
  for label in "${labels[@]}"; do header+=" $label |"; rule+="---:|"; done
  echo "$header target (migration-hooks) |"
  echo "$rule---|"
} | tee "$report"

for index in "${!sizes[@]}"; do
  size=${sizes[$index]}
  count=${runs[$index]}
  input=$(input_for "$size")
  row="| $(thousands "$size") | $(awk -v b="$(stat -c %s "$input")" 'BEGIN { if (b < 1048576) printf "%.0f KB", b / 1024; else printf "%.1f MB", b / 1048576 }') | $count |"
  for c in "${!commands[@]}"; do
    if [[ ${labels[$c]} == "kubectl kustomize" ]] && ((size > kustomize_max)); then
      row+=" not run |"
      continue
    fi
    echo "  ${labels[$c]}, $size documents, $count runs..." >&2
    # shellcheck disable=SC2086 # each entry is a command line, split into its words on purpose
    read -r ms rss cpu <<<"$(benchmark "$input" "$count" ${commands[$c]})"
    row+=" $(thousands "$ms") ms ($(thousands "$cpu") cpu), $rss MB |"
  done
  echo "$row ${targets[$size]:-} |" | tee -a "$report"
done
echo "- Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$report"
{
  echo
  echo "First run after installing (no class-data cache yet; the launcher builds it in the background):"
  echo
  echo "| first run, ${sizes[0]} document(s) | wall | CPU | cache ready after |"
  echo "|---|---:|---:|---:|"
  for row in "${first_runs[@]}"; do echo "$row"; done
} | tee -a "$report"
rm -f "$results/rss.$$"
