#!/usr/bin/env bash
# A recording stand-in for az, k3sup, kubectl, helm, cockroach, openssl and ssh, used by the tests
# that run the generated scripts (ScriptWorld.swift). Installed under each tool's name; it appends
# its command line to "$STANDIN_STATE/calls.log", keeps what was "created" under "$STANDIN_STATE",
# and answers what the scripts read back. A test can make a tool fail by creating
# "$STANDIN_STATE/fail-<tool>".
set -u
tool="$(basename "$0")"
state="${STANDIN_STATE:?STANDIN_STATE is not set}"
mkdir -p "$state/az" "$state/nodes" "$state/contexts" "$state/namespaces" "$state/pods"
{
  printf '%s' "$tool"
  printf ' %s' "$@"
  printf '\n'
} >>"$state/calls.log"
[[ -e "$state/fail-$tool" ]] && { echo "stand-in $tool: told to fail" >&2; exit 1; }

# The value following option $1 among the remaining arguments.
option() {
  local name="$1"
  shift
  while (($# > 0)); do
    if [[ "$1" == "$name" ]]; then
      printf '%s' "${2:-}"
      return 0
    fi
    if [[ "$1" == "$name="* ]]; then
      printf '%s' "${1#*=}"
      return 0
    fi
    shift
  done
  return 1
}

has() {
  local word="$1"
  shift
  local argument
  for argument in "$@"; do [[ "$argument" == "$word" ]] && return 0; done
  return 1
}

# az: resources are files named after the command group and the names that identify them.
stand_in_az() {
  local verb="" words=() argument
  for argument in "$@"; do
    [[ "$argument" == -* ]] && break
    words+=("$argument")
  done
  verb="${words[${#words[@]} - 1]}"
  local group="${words[*]:0:${#words[@]}-1}"
  # Sub-resources (peerings, NSG rules) are named within their parent.
  local key parent=""
  case "$group" in
    "network vnet peering") parent="$(option --vnet-name "$@")" ;;
    "network nsg rule") parent="$(option --nsg-name "$@")" ;;
  esac
  key="${group// /-}--$parent--$(option --name "$@")"
  case "$group $verb" in
    "account show") echo '{"id": "stand-in-subscription"}' ;;
    "group delete") rm -rf "${state:?}/az" ;;
    "vm wait") [[ -e "$state/az/vm----$(option --name "$@")" ]] ;;
    *" create")
      [[ -e "$state/az/$key" ]] && { echo "stand-in az: $key exists already" >&2; exit 1; }
      printf '%s\n' "$*" >"$state/az/$key"
      ;;
    *" show")
      [[ -e "$state/az/$key" ]] || { echo "ERROR: (ResourceNotFound) $key" >&2; exit 3; }
      case "$(option --query "$@")" in
        ipAddress)
          # A public IP made from the resource's name, remembered so k3sup can be mapped to a node.
          local name ip
          name="$(option --name "$@")"
          ip="203.0.113.$(($(cksum <<<"$name" | cut -d' ' -f1) % 250 + 1))"
          printf '%s %s\n' "$ip" "${name%-ip}" >>"$state/ips"
          echo "$ip"
          ;;
        tags*) sed -n 's/.*--tags regionmesh-topology=\([^ ]*\).*/\1/p' "$state/az/$key" ;;
        "") cat "$state/az/$key" ;;
      esac
      ;;
    *) ;;
  esac
}

# The node whose public IP is $1 (as handed out by the az stand-in).
node_of_ip() {
  awk -v ip="$1" '$1 == ip { print $2; exit }' "$state/ips"
}

stand_in_k3sup() {
  local node
  node="$(node_of_ip "$(option --ip "$@")")"
  [[ -n "$node" ]] || { echo "stand-in k3sup: unknown --ip $(option --ip "$@")" >&2; exit 1; }
  touch "$state/nodes/$node"
  if [[ "$1" == install ]]; then
    local context
    context="$(option --context "$@")"
    touch "$state/contexts/$context"
  fi
}

stand_in_kubectl() {
  case "$1 ${2:-}" in
    "get node" | "get nodes")
      local argument
      for argument in "${@:3}"; do
        [[ "$argument" == -* ]] && break
        [[ -e "$state/nodes/$argument" ]] || exit 1
      done
      ;;
    "get pod")
      # A pod the scripts wait for is Running; remember it, so node status can list it.
      touch "$state/pods/$(option --namespace "$@").$3"
      echo Running
      ;;
    "get namespace") [[ -e "$state/namespaces/$3" ]] ;;
    "create namespace") touch "$state/namespaces/$3" ;;
    "config get-contexts") [[ -e "$state/contexts/$3" ]] ;;
    "config delete-context") rm -f "$state/contexts/$3" ;;
    "create secret")
      # kubectl create secret generic NAME --dry-run=client -o yaml: print a manifest for apply.
      printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n' "$4"
      ;;
    "apply "*)
      # kubectl apply … --filename - reads the manifest from stdin, as the real one does.
      if [[ "$(option --filename "$@")" == "-" || "$(option -f "$@")" == "-" ]]; then
        cat >/dev/null
      fi
      ;;
    "exec "*)
      if has init "$@"; then
        if [[ -e "$state/initialized" ]]; then
          echo "ERROR: cluster has already been initialized" >&2
          exit 1
        fi
        touch "$state/initialized"
        echo "Cluster successfully initialized"
      elif has status "$@"; then
        # cockroach node status (tab-separated): every pod the scripts waited for is live.
        local id=0 pod
        printf 'id\taddress\tis_available\tis_live\n'
        for pod in "$state"/pods/*; do
          [[ -e "$pod" ]] || continue
          id=$((id + 1))
          printf '%s\t%s:26257\ttrue\ttrue\n' "$id" "$(basename "$pod")"
        done
      fi
      ;;
    *) ;;
  esac
}

stand_in_cockroach() {
  # cockroach cert create-ca|create-client|create-node: write stand-in files where the real one would.
  [[ "$1" == cert ]] || return 0
  local certs
  certs="$(option --certs-dir "$@")"
  mkdir -p "$certs"
  case "$2" in
    create-ca)
      local key
      key="$(option --ca-key "$@")"
      mkdir -p "$(dirname "$key")"
      echo "stand-in CA key" >"$key"
      echo "stand-in CA certificate" >"$certs/ca.crt"
      ;;
    create-client) echo "stand-in" | tee "$certs/client.$3.crt" >"$certs/client.$3.key" ;;
    create-node) echo "stand-in" | tee "$certs/node.crt" >"$certs/node.key" ;;
  esac
}

stand_in_openssl() {
  local out keyout
  out="$(option -out "$@")" && echo "stand-in certificate" >"$out"
  keyout="$(option -keyout "$@")" && echo "stand-in key" >"$keyout"
  return 0
}

case "$tool" in
  az) stand_in_az "$@" ;;
  k3sup) stand_in_k3sup "$@" ;;
  kubectl) stand_in_kubectl "$@" ;;
  cockroach) stand_in_cockroach "$@" ;;
  openssl) stand_in_openssl "$@" ;;
  helm | ssh | cilium) ;;
  *) echo "stand-in: unknown tool $tool" >&2; exit 1 ;;
esac
