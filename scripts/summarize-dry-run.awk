#!/usr/bin/awk -f
# Summarises `helm install --dry-run` output (Helm 4, which re-serialises every document with
# two-space indentation): the hooks in the order Helm runs them (weight, then name), then the release
# resources with each Deployment's rollout. Reads Helm's output on stdin.

function flush() {
  if (kind == "") return
  if (section == "HOOKS") {
    hookWeight[++nhooks] = weight == "" ? 0 : weight
    hookName[nhooks] = name
    hooks[nhooks] = sprintf("%-6s %-12s %-22s %-24s %-24s %s", hookWeight[nhooks], kind, name, event,
                            deletePolicy == "" ? "before-hook-creation*" : deletePolicy,
                            keep == "" ? "-" : keep)
  } else if (section == "MANIFEST") {
    rollout = ""
    if (kind == "Deployment") {
      rollout = sprintf("%s replicas, %s maxSurge %s maxUnavailable %s", replicas == "" ? 1 : replicas,
                        strategy == "" ? "RollingUpdate (Kubernetes default 25%/25%)" : strategy,
                        surge == "" ? "-" : surge, unavailable == "" ? "-" : unavailable)
    }
    resources[++nresources] = sprintf("%-12s %-22s %s", kind, name, rollout)
    sub(/ +$/, "", resources[nresources])
  }
  kind = name = weight = event = deletePolicy = keep = replicas = strategy = surge = unavailable = ""
}

function runsBefore(a, b) {
  return hookWeight[a] < hookWeight[b] || (hookWeight[a] == hookWeight[b] && hookName[a] < hookName[b])
}

function value(line) {
  sub(/^[^:]*:[ ]*/, "", line)
  gsub(/^["']|["']$/, "", line)
  return line
}

/^(HOOKS|MANIFEST|NOTES):$/ { flush(); section = substr($0, 1, length($0) - 1); next }
section != "HOOKS" && section != "MANIFEST" { next }
/^---/                      { flush(); top = ""; next }
/^[a-zA-Z]/                 { top = $0; sub(/:.*/, "", top) }
/^kind:/                    { kind = value($0) }
top == "metadata" && /^  name:/                              { name = value($0) }
top == "metadata" && /^    helm\.sh\/hook:/                  { event = value($0) }
top == "metadata" && /^    helm\.sh\/hook-weight:/           { weight = value($0) + 0 }
top == "metadata" && /^    helm\.sh\/hook-delete-policy:/    { deletePolicy = value($0) }
top == "metadata" && /^    helm\.sh\/resource-policy:/       { keep = value($0) }
top == "spec" && /^  replicas:/                              { replicas = value($0) }
top == "spec" && /^    type:/                                { strategy = value($0) }
top == "spec" && /^      maxSurge:/                          { surge = value($0) }
top == "spec" && /^      maxUnavailable:/                    { unavailable = value($0) }

END {
  flush()
  print "Hooks, run before the release resources on install and upgrade (weight, then name):"
  if (!nhooks) print "  (none: without a migration Job nothing needs to run first)"
  else printf "  %-6s %-12s %-22s %-24s %-24s %s\n", "WEIGHT", "KIND", "NAME", "EVENTS", "DELETE POLICY", "RESOURCE POLICY"
  for (i = 1; i <= nhooks; i++) order[i] = i
  for (i = 2; i <= nhooks; i++) {              # stable insertion sort, as Helm sorts hooks
    for (j = i; j > 1 && runsBefore(order[j], order[j - 1]); j--) {
      swap = order[j]; order[j] = order[j - 1]; order[j - 1] = swap
    }
  }
  for (i = 1; i <= nhooks; i++) print "  " hooks[order[i]]
  for (i = 1; i <= nhooks; i++) if (hooks[i] ~ /before-hook-creation\*/) defaulted = 1
  if (defaulted) print "  * no delete policy given: Helm applies before-hook-creation"
  if (nhooks) print "  Helm waits for Job hooks to complete: a failed migration stops the release here."
  print ""
  print "Then the release resources:"
  for (i = 1; i <= nresources; i++) print "  " resources[i]
}
