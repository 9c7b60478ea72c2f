# shellcheck shell=bash
# The k3sup and kubectl stand-ins (read by stand-in.bash): a small model of the clusters and the
# CockroachDB cluster across them, enough for the scripts' day-two procedures.
#   nodes/<node>                      its cluster (context); cordoned/<node> when cordoned
#   sts/<context>/<namespace>         "replicas storage template-hash locality-region claims-deleted-on-shrink"
#   pods/<context>/<namespace>/<pod>  the node it runs on (empty: Pending)
#   pvcs/<context>/<namespace>/<pvc>  the CockroachDB node id whose store it holds (empty before init)
#   crdb/nodes                        "id address membership region" per CockroachDB node
#   initialized                       cockroach init has run
# A kubeconfig file holds "context <name> <server>" lines; merging keeps the first of each name,
# as client-go does. Events the tests read: "restart <context> <namespace> <pod>",
# "decommission <ids>", "store-of-decommissioned-node <context> <namespace> <pod>",
# "delete-node <context> <node>".

readonly DOMAIN=cluster.local

# k3sup install|join: the node joins its cluster; install writes the cluster's kubeconfig.
stand_in_k3sup() {
  local node cluster
  node="$(node_of_ip "$(option --ip "$@")")"
  [[ -n "$node" ]] || { echo "stand-in k3sup: unknown --ip $(option --ip "$@")" >&2; exit 1; }
  if [[ "$1" == install ]]; then
    cluster="$(option --context "$@")"
    local file
    file="$(option --local-path "$@")" || { echo "stand-in k3sup: no --local-path" >&2; exit 1; }
    mkdir -p "$(dirname "$file")"
    printf 'context %s https://%s:6443\n' "$cluster" "$(option --ip "$@")" >"$file"
  else
    cluster="$(cat "$state/nodes/$(node_of_ip "$(option --server-ip "$@")")")"
  fi
  printf '%s\n' "$cluster" >"$state/nodes/$node"
}

# The nodes of cluster $1, one per line, in name order.
cluster_nodes() {
  local file
  for file in "$state/nodes/"*; do
    [[ -e "$file" && "$(cat "$file")" == "$1" ]] && basename "$file"
  done | sort -V
}

# kubectl config …: kubeconfig files of "context <name> <server>" lines.
kube_config() {
  local file="${KUBECONFIG_ARG:-$HOME/.kube/config}"
  case "$2" in
    view)
      if has --flatten "$@"; then
        # KUBECONFIG=a:b: the first definition of a name wins.
        local part
        IFS=: read -ra parts <<<"${KUBECONFIG:-$file}"
        for part in "${parts[@]}"; do [[ -e "$part" ]] && cat "$part"; done | awk '!seen[$2]++'
      else
        local name
        name="$(sed -n 's/.*@\.name=="\([^"]*\)".*/\1/p' <<<"$(option --output "$@")")"
        [[ -e "$file" ]] && awk -v name="$name" '$1 == "context" && $2 == name { print $3 }' "$file"
      fi
      return 0
      ;;
    get-contexts) [[ -e "$file" ]] && grep -q "^context $3 " "$file" ;;
    delete-context)
      [[ -e "$file" ]] && grep -q "^context $3 " "$file" || { echo "error: cannot delete context $3, not in $file" >&2; exit 1; }
      sed -i "/^context $3 /d" "$file"
      ;;
    unset) ;;
  esac
}

# "get pod" answers for pod $3 of namespace $2 in context $1, as --output $4 asks.
pod_answer() {
  local file="$state/pods/$1/$2/$3" node phase ready
  node="$(cat "$file")"
  phase="$([[ -n "$node" ]] && echo Running || echo Pending)"
  ready="$(pod_ready "$1" "$2" "$3" && echo true || echo false)"
  case "$4" in
    "jsonpath={.status.phase}") echo "$phase" ;;
    "jsonpath={.status.containerStatuses[0].ready}") echo "$ready" ;;
    "jsonpath={.spec.nodeName}/{.status.phase}/{.status.containerStatuses[0].ready}") echo "$node/$phase/$ready" ;;
    name) echo "pod/$3" ;;
    *) echo "$phase" ;;
  esac
}

# Succeeds when pod $3 of namespace $2 in context $1 is ready: it runs, init has run, and its store
# belongs to a CockroachDB node that was not decommissioned.
pod_ready() {
  local id
  [[ -e "$state/initialized" && -n "$(cat "$state/pods/$1/$2/$3")" ]] || return 1
  id="$(cat "$state/pvcs/$1/$2/datadir-$3" 2>/dev/null)"
  [[ -n "$id" ]] && awk -v id="$id" '$1 == id && $3 != "decommissioned" { found = 1 } END { exit !found }' "$state/crdb/nodes"
}

# Starts pod $3 of namespace $2 in context $1 on a free, uncordoned node of the cluster: a new
# volume claim when it has none; after init a new store becomes a new CockroachDB node.
start_pod() {
  local context="$1" namespace="$2" pod="$3" node="" candidate taken pvc
  mkdir -p "$state/pods/$context/$namespace" "$state/pvcs/$context/$namespace"
  while read -r candidate; do
    [[ -n "$candidate" && ! -e "$state/cordoned/$candidate" ]] || continue
    taken="$(grep -lx -- "$candidate" "$state/pods/$context/$namespace/"* 2>/dev/null | grep -v "/$pod\$" || true)"
    [[ -z "$taken" ]] && { node="$candidate"; break; }
  done < <(cluster_nodes "$context")
  printf '%s\n' "$node" >"$state/pods/$context/$namespace/$pod"
  pvc="$state/pvcs/$context/$namespace/datadir-$pod"
  [[ -e "$pvc" ]] || : >"$pvc"
  if [[ -e "$state/initialized" && -z "$(cat "$pvc")" && -n "$node" ]]; then
    join_node "$context" "$namespace" "$pod"
  elif [[ -n "$(cat "$pvc")" ]] && ! pod_ready "$context" "$namespace" "$pod" && [[ -e "$state/initialized" ]]; then
    event "store-of-decommissioned-node $context $namespace $pod"
  fi
}

# The pod's store joins the CockroachDB cluster as a new node.
join_node() {
  local context="$1" namespace="$2" pod="$3" id region
  id="$(($(wc -l <"$state/crdb/nodes") + 1))"
  region="$(awk '{ print $4 }' "$state/sts/$context/$namespace")"
  printf '%s %s.cockroachdb.%s.svc.%s active %s\n' "$id" "$pod" "$namespace" "$DOMAIN" "$region" >>"$state/crdb/nodes"
  printf '%s\n' "$id" >"$state/pvcs/$context/$namespace/datadir-$pod"
}

# Brings namespace $2 of context $1 to its StatefulSet: missing ordinals start, ordinals past the
# replicas stop (their claims deleted when the StatefulSet says so).
reconcile() {
  local context="$1" namespace="$2" replicas claims ordinal pod
  [[ -e "$state/sts/$context/$namespace" ]] || return 0
  read -r replicas _ _ _ claims <"$state/sts/$context/$namespace"
  for ((ordinal = 0; ordinal < replicas; ordinal++)); do
    [[ -e "$state/pods/$context/$namespace/cockroachdb-$ordinal" ]] || start_pod "$context" "$namespace" "cockroachdb-$ordinal"
  done
  for pod in "$state/pods/$context/$namespace/"cockroachdb-*; do
    [[ -e "$pod" ]] || continue
    ordinal="${pod##*-}"
    ((ordinal >= replicas)) || continue
    rm -f "$pod"
    [[ "$claims" == delete ]] && rm -f "$state/pvcs/$context/$namespace/datadir-cockroachdb-$ordinal"
  done
  return 0
}

# kubectl apply --kustomize FOLDER: the folder's StatefulSet. A changed claim template is refused
# as Kubernetes refuses it; a changed pod template restarts every pod, highest ordinal first.
apply_folder() {
  local context="$1" folder="$2" file namespace replicas storage hash region claims
  file="$(ls "$folder"/cockroachdb/statefulset-*.yaml 2>/dev/null | head -n 1)"
  [[ -n "$file" ]] || return 0
  namespace="$(awk '/^  namespace:/ { print $2; exit }' "$file")"
  replicas="$(awk '/^  replicas:/ { print $2; exit }' "$file")"
  storage="$(awk '/storage:/ { value = $2 } END { print value }' "$file")"
  # The pod template alone decides whether pods restart, as the controller's revision hash does.
  hash="$(awk '/^  template:/ { inside = 1 } /^  volumeClaimTemplates:/ { inside = 0 } inside' "$file" | md5sum | cut -c1-12)"
  region="$(grep -o 'region=[a-z0-9-]*' "$file" | head -n 1 | cut -d= -f2)"
  claims="$(grep -q 'whenScaled: Delete' "$file" && echo delete || echo retain)"
  mkdir -p "$state/sts/$context"
  local current="$state/sts/$context/$namespace" old_storage old_hash pod
  if [[ -e "$current" ]]; then
    read -r _ old_storage old_hash _ _ <"$current"
    if [[ "$old_storage" != "$storage" ]]; then
      echo "The StatefulSet \"cockroachdb\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden" >&2
      exit 1
    fi
    if [[ "$old_hash" != "$hash" ]]; then
      for pod in $(ls "$state/pods/$context/$namespace/" 2>/dev/null | sort -r -V); do event "restart $context $namespace $pod"; done
    fi
  fi
  printf '%s %s %s %s %s\n' "$replicas" "$storage" "$hash" "$region" "$claims" >"$current"
  reconcile "$context" "$namespace"
}

# cockroach … run in a pod (kubectl exec … -- /cockroach/cockroach …).
cockroach_in_pod() {
  local words=() seen=0 argument
  for argument in "$@"; do
    ((seen)) && words+=("$argument")
    [[ "$argument" == /cockroach/cockroach ]] && seen=1
  done
  case "${words[0]:-} ${words[1]:-}" in
    "init "*)
      if [[ -e "$state/initialized" ]]; then
        echo "ERROR: cluster has already been initialized" >&2
        exit 1
      fi
      touch "$state/initialized"
      local pod context namespace
      for pod in "$state"/pods/*/*/*; do
        [[ -e "$pod" && -n "$(cat "$pod")" ]] || continue
        namespace="$(basename "$(dirname "$pod")")"
        context="$(basename "$(dirname "$(dirname "$pod")")")"
        join_node "$context" "$namespace" "$(basename "$pod")"
      done
      echo "Cluster successfully initialized"
      ;;
    "node status")
      printf 'id\taddress\tlocality\tis_live\tmembership\n'
      local id address membership region
      while read -r id address membership region; do
        [[ "$membership" == decommissioned ]] && ! has --decommission "${words[@]}" && continue
        printf '%s\t%s:26257\tregion=%s,zone=%s-1\t%s\t%s\n' "$id" "$address" "$region" "$region" \
          "$([[ "$membership" == decommissioned ]] && echo false || echo true)" "$membership"
      done <"$state/crdb/nodes"
      ;;
    "node decommission")
      local ids=() active
      for argument in "${words[@]:2}"; do [[ "$argument" =~ ^[0-9]+$ ]] && ids+=("$argument"); done
      active="$(awk '$3 == "active"' "$state/crdb/nodes" | wc -l)"
      if ((active - ${#ids[@]} < 3)); then
        echo "ranges blocking decommission detected" >&2
        echo "ERROR: Cannot decommission nodes." >&2
        exit 1
      fi
      for id in "${ids[@]}"; do
        awk -v id="$id" '$1 == id { $3 = "decommissioned" } { print }' "$state/crdb/nodes" >"$state/crdb/nodes.new"
        mv "$state/crdb/nodes.new" "$state/crdb/nodes"
      done
      event "decommission ${ids[*]}"
      ;;
    "sql "*)
      local query
      query="$(option --execute "${words[@]}" || true)"
      # SQL on standard input (the license): kept where a test can read what reached the cluster.
      [[ -n "$query" ]] || { cat >>"$state/crdb/settings.sql"; return 0; }
      case "$query" in
        *underreplicated*) printf 'coalesce\n0\n' ;;
        *"ANY(regions)"*)
          local wanted database regions goal
          wanted="$(sed -n "s/.*WHERE '\([^']*\)' = ANY.*/\1/p" <<<"$query")"
          echo database_name
          [[ -e "$state/crdb/databases" ]] && while read -r database regions goal; do
            [[ ",$regions," == *",$wanted,"* ]] && echo "$database"
          done <"$state/crdb/databases"
          ;;
        *survival_goal*)
          echo database_name
          [[ -e "$state/crdb/databases" ]] && awk '$3 == "region" { print $1 }' "$state/crdb/databases"
          ;;
      esac
      ;;
  esac
  return 0
}

stand_in_kubectl() {
  local context namespace output
  context="$(option --context "$@" || true)"
  namespace="$(option --namespace "$@" || true)"
  output="$(option --output "$@" || option -o "$@" || true)"
  KUBECONFIG_ARG="$(option --kubeconfig "$@" || true)"
  # As the real kubectl: a context the kubeconfig does not have is an error, whatever the command.
  if [[ "$1" != config && -n "$context" ]]; then
    local kubeconfig="${KUBECONFIG_ARG:-$HOME/.kube/config}"
    [[ -e "$kubeconfig" ]] || { echo "error: stat $kubeconfig: no such file or directory" >&2; exit 1; }
    grep -q "^context $context " "$kubeconfig" || { echo "error: context \"$context\" does not exist" >&2; exit 1; }
  fi
  case "$1 ${2:-}" in
    "config "*) kube_config "$@" ;;
    "get node" | "get nodes")
      if [[ "$output" == "jsonpath={.items[*].metadata.name}" ]]; then
        cluster_nodes "$context" | paste -sd ' ' -
        return 0
      fi
      if [[ "$output" == name && ( -z "${3:-}" || "$3" == -* ) ]]; then
        cluster_nodes "$context" | sed 's|^|node/|'
        return 0
      fi
      local argument
      for argument in "${@:3}"; do
        [[ "$argument" == -* ]] && break
        if [[ ! -e "$state/nodes/$argument" ]]; then
          has --ignore-not-found "$@" && return 0
          echo "Error from server (NotFound): nodes \"$argument\" not found" >&2
          exit 1
        fi
        [[ "$output" == name ]] && echo "node/$argument"
      done
      ;;
    "get pod")
      if [[ ! -e "$state/pods/$context/$namespace/$3" ]]; then
        has --ignore-not-found "$@" && return 0
        echo "Error from server (NotFound): pods \"$3\" not found" >&2
        exit 1
      fi
      pod_answer "$context" "$namespace" "$3" "$output"
      ;;
    "get pods")
      local on pod
      on="$(option --field-selector "$@" || true)"
      on="${on#spec.nodeName=}"
      for pod in "$state/pods/$context/$namespace/"*; do
        [[ -e "$pod" && ( -z "$on" || "$(cat "$pod")" == "$on" ) ]] && basename "$pod"
      done | paste -sd ' ' -
      ;;
    "get statefulset")
      local file="$state/sts/$context/$namespace" replicas storage ready=0 pod
      if [[ ! -e "$file" ]]; then
        has --ignore-not-found "$@" && return 0
        echo "Error from server (NotFound): statefulsets.apps \"$3\" not found" >&2
        exit 1
      fi
      read -r replicas storage _ _ _ <"$file"
      for pod in "$state/pods/$context/$namespace/"*; do
        [[ -e "$pod" ]] && pod_ready "$context" "$namespace" "$(basename "$pod")" && ready=$((ready + 1))
      done
      case "$output" in
        "jsonpath={.status.readyReplicas}") ((ready > 0)) && echo "$ready" ;;
        "jsonpath={.spec.replicas}") echo "$replicas" ;;
        "jsonpath={.spec.volumeClaimTemplates[0].spec.resources.requests.storage}") echo "$storage" ;;
      esac
      return 0
      ;;
    "get pvc")
      if [[ -n "${3:-}" && "$3" != -* ]]; then
        [[ -e "$state/pvcs/$context/$namespace/$3" ]] || exit 1
        return 0
      fi
      local claim
      for claim in "$state/pvcs/$context/$namespace/"*; do [[ -e "$claim" ]] && echo "$(basename "$claim")=local-path"; done
      ;;
    "get storageclass")
      case "$output" in
        "jsonpath={.provisioner}") echo rancher.io/local-path ;;
        "jsonpath={.allowVolumeExpansion}") [[ -e "$state/expandable-storage" ]] && echo true ;;
      esac
      return 0
      ;;
    "get namespace") [[ -e "$state/namespaces/$3" ]] ;;
    "create namespace") touch "$state/namespaces/$3" ;;
    "create secret")
      # kubectl create secret generic NAME --dry-run=client -o yaml: print a manifest for apply.
      printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n' "$4"
      ;;
    "apply "*)
      # kubectl apply … --filename - reads the manifest from stdin, as the real one does.
      if [[ "$(option --filename "$@")" == "-" || "$(option -f "$@")" == "-" ]]; then
        cat >/dev/null
      fi
      local folder
      folder="$(option --kustomize "$@" || true)"
      [[ -z "$folder" ]] || apply_folder "$context" "$folder"
      ;;
    "scale statefulset")
      local file="$state/sts/$context/$namespace" replicas storage hash region claims
      read -r replicas storage hash region claims <"$file"
      replicas="$(option --replicas "$@")"
      printf '%s %s %s %s %s\n' "$replicas" "$storage" "$hash" "$region" "$claims" >"$file"
      reconcile "$context" "$namespace"
      ;;
    "delete statefulset")
      rm -f "$state/sts/$context/$namespace"
      has --cascade=orphan "$@" || rm -rf "${state:?}/pods/$context/$namespace"
      ;;
    "delete pvc")
      [[ -e "$state/pvcs/$context/$namespace/$3" ]] || { has --ignore-not-found "$@" && return 0; exit 1; }
      rm -f "$state/pvcs/$context/$namespace/$3"
      ;;
    "delete pod")
      rm -f "$state/pods/$context/$namespace/$3"
      # The StatefulSet starts it again at once (with a new claim if its claim is gone).
      reconcile "$context" "$namespace"
      ;;
    "delete node")
      rm -f "$state/nodes/$3" "$state/cordoned/$3"
      event "delete-node $context $3"
      ;;
    "cordon "* | "drain "*)
      mkdir -p "$state/cordoned"
      touch "$state/cordoned/$2"
      ;;
    "exec "*) cockroach_in_pod "$@" ;;
    *) ;;
  esac
}
