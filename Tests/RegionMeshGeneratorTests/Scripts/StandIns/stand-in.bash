#!/usr/bin/env bash
# A recording stand-in for az, curl, k3sup, kubectl, helm, cockroach, openssl and ssh, used by the
# tests that run the generated scripts (ScriptWorld.swift). Installed under each tool's name; it
# appends its command line to "$STANDIN_STATE/calls.log", keeps what was "created" under
# "$STANDIN_STATE", and answers what the scripts read back, derived from the command lines that
# created each resource. A test changes the world through files in the state folder:
#   fail-<tool>                      the tool fails
#   public-address                   what curl prints as this machine's address (else $STANDIN_PUBLIC_ADDRESS)
#   usage/<location>/<quota>         "<current> <limit>" of a quota (else 0 of 1000)
#   skus/<location>/<size>           the tab-separated row az vm list-skus prints (empty: not offered)
#   vm-create-fails/<vm>             the VM is created in state Failed, with this file's text as Azure's message
#   peering-state/<peering>          the peering's state (else Connected)
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

# The values following option $1 up to the next option, one per line.
values() {
  local name="$1"
  shift
  while (($# > 0)) && [[ "$1" != "$name" ]]; do shift; done
  (($# > 0)) || return 1
  shift
  while (($# > 0)) && [[ "$1" != --* ]]; do
    printf '%s\n' "$1"
    shift
  done
}

has() {
  local word="$1"
  shift
  local argument
  for argument in "$@"; do [[ "$argument" == "$word" ]] && return 0; done
  return 1
}

# Option $2 of the command line that created (or last updated) az resource $1.
recorded() {
  local words=()
  mapfile -t words <"$state/az/$1"
  option "$2" "${words[@]}"
}

# Saves the arguments that made az resource $1, one per line.
record() {
  local key="$1"
  shift
  printf '%s\n' "$@" >"$state/az/$key"
}

# The names of the az resources of kind $1 (vm, network-public-ip), one per line.
names_of() {
  local file
  for file in "$state/az/$1----"*; do
    [[ -e "$file" ]] && printf '%s\n' "${file##*----}"
  done
  return 0
}

# The name in "[?name.value=='NAME'] | …" or "[?name=='NAME'] | …".
queried_name() {
  sed -n "s/^\[?name[.a-z]*=='\([^']*\)'.*/\1/p" <<<"$1"
}

# az vm list-usage / az network list-usages: "current<TAB>limit" of a quota the API knows.
quota_usage() {
  local api="$1" location="$2" name="$3"
  case "$api:$name" in
    compute:cores | compute:*Family) ;;
    network:*PublicIPAddresses | network:*PublicIpAddresses) ;;
    *) return 0 ;; # this API has no such quota: no output, as az prints for an empty match
  esac
  local file="$state/usage/$location/$name" current=0 limit=1000
  [[ -e "$file" ]] && read -r current limit <"$file"
  printf '%s\t%s\n' "$current" "$limit"
}

# az vm list-skus for one size: family, vCPUs, location restrictions, zones offered, zones
# restricted, tab-separated as --output tsv prints them (empty fields included).
sku() {
  local location="$1" size="$2"
  local file="$state/skus/$location/$size"
  if [[ -e "$file" ]]; then
    cat "$file"
    return 0
  fi
  # Standard_D4s_v5: family standardDSv5Family, 4 vCPUs, offered in zones 1, 2 and 3.
  [[ "$size" =~ ^Standard_([A-Z]+)([0-9]+)(-[0-9]+)?([a-z]*)(_(v[0-9]+))?$ ]] || return 0
  local features="${BASH_REMATCH[4]}"
  printf 'standard%s%s%sFamily\t%s\t\t1,2,3\t\n' "${BASH_REMATCH[1]}" "${features^^}" "${BASH_REMATCH[6]}" "${BASH_REMATCH[2]}"
}

# az: resources are files named after the command group and the names that identify them, holding
# the arguments of the command that created them.
stand_in_az() {
  local verb="" words=() argument
  for argument in "$@"; do
    [[ "$argument" == -* ]] && break
    words+=("$argument")
  done
  verb="${words[${#words[@]} - 1]}"
  local group="${words[*]:0:${#words[@]}-1}"
  # Sub-resources (peerings, subnets, NSG rules) are named within their parent.
  local key parent="" name query
  case "$group" in
    "network vnet peering" | "network vnet subnet") parent="$(option --vnet-name "$@")" ;;
    "network nsg rule") parent="$(option --nsg-name "$@")" ;;
  esac
  name="$(option --name "$@")"
  query="$(option --query "$@")"
  key="${group// /-}--$parent--$name"
  case "$group $verb" in
    "account show") echo '{"id": "stand-in-subscription"}' ;;
    "group delete") rm -rf "${state:?}/az" "$state/vm-state" "$state/vm-error" ;;
    "vm list") names_of vm ;;
    "network public-ip list") names_of network-public-ip ;;
    "vm list-skus") sku "$(option --location "$@")" "$(option --size "$@")" ;;
    "vm list-usage") quota_usage compute "$(option --location "$@")" "$(queried_name "$query")" ;;
    "network list-usages") quota_usage network "$(option --location "$@")" "$(queried_name "$query")" ;;
    "vm get-instance-view")
      [[ -e "$state/az/$key" ]] || { echo "ERROR: (ResourceNotFound) $key" >&2; exit 3; }
      cat "$state/vm-error/$name" 2>/dev/null
      return 0
      ;;
    *" delete")
      [[ -e "$state/az/$key" ]] || { echo "ERROR: (ResourceNotFound) $key" >&2; exit 3; }
      rm -f "$state/az/$key"
      if [[ "$group" == vm ]]; then rm -f "$state/vm-state/$name" "$state/vm-error/$name"; fi
      ;;
    *" create")
      [[ -e "$state/az/$key" ]] && { echo "stand-in az: $key exists already" >&2; exit 1; }
      record "$key" "$@"
      if [[ "$group" == vm && -e "$state/vm-create-fails/$name" ]]; then
        # Created, then failed to provision (--no-wait returns before that).
        mkdir -p "$state/vm-state" "$state/vm-error"
        echo Failed >"$state/vm-state/$name"
        cp "$state/vm-create-fails/$name" "$state/vm-error/$name"
      fi
      ;;
    *" update")
      [[ -e "$state/az/$key" ]] || { echo "ERROR: (ResourceNotFound) $key" >&2; exit 3; }
      # An NSG rule's settings are what the scripts compare; the rest keep their creation's.
      if [[ "$group" == "network nsg rule" ]]; then record "$key" "$@"; fi
      ;;
    *" show") show "$group" "$key" "$name" "$query" ;;
    *) ;;
  esac
}

# az … show: exits 3 when the resource does not exist; otherwise prints what --query asks.
show() {
  local group="$1" key="$2" name="$3" query="$4"
  if [[ "$group" == "network vnet subnet" ]]; then
    # A subnet is made by az network vnet create --subnet-name … --subnet-prefixes ….
    local vnet="network-vnet----${key#network-vnet-subnet--}"
    vnet="${vnet%--"$name"}"
    [[ -e "$state/az/$vnet" && "$(recorded "$vnet" --subnet-name)" == "$name" ]] || { echo "ERROR: (NotFound) $key" >&2; exit 3; }
    [[ "$query" == addressPrefix ]] && recorded "$vnet" --subnet-prefixes && echo
    return 0
  fi
  [[ -e "$state/az/$key" ]] || { echo "ERROR: (ResourceNotFound) $key" >&2; exit 3; }
  case "$query" in
    ipAddress)
      # A public IP of its own for each resource, remembered so k3sup can be mapped to a node.
      local ip=""
      [[ -e "$state/ips" ]] && ip="$(awk -v node="${name%-ip}" '$2 == node { print $1; exit }' "$state/ips")"
      if [[ -z "$ip" ]]; then
        ip="203.0.113.$(($( (cat "$state/ips" 2>/dev/null || true) | wc -l) + 1))"
        printf '%s %s\n' "$ip" "${name%-ip}" >>"$state/ips"
      fi
      echo "$ip"
      ;;
    tags*)
      local tag
      while read -r tag; do
        [[ "$tag" == regionmesh-topology=* ]] && echo "${tag#*=}"
      done < <(mapfile -t words <"$state/az/$key"; values --tags "${words[@]}")
      return 0
      ;;
    provisioningState) cat "$state/vm-state/$name" 2>/dev/null || echo Succeeded ;;
    peeringState) cat "$state/peering-state/$name" 2>/dev/null || echo Connected ;;
    hardwareProfile.vmSize) recorded "$key" --size && echo ;;
    "join(',', zones || [''])") recorded "$key" --zone; echo ;;
    "ipConfigurations[0].privateIPAddress") recorded "$key" --private-ip-address && echo ;;
    "join(' ', addressSpace.addressPrefixes)") recorded "$key" --address-prefixes && echo ;;
    "") cat "$state/az/$key" ;;
    *) echo "stand-in az: no answer for --query $query" >&2; exit 2 ;;
  esac
}

# The node whose public IP is $1 (as handed out by the az stand-in).
node_of_ip() {
  awk -v ip="$1" '$1 == ip { print $2; exit }' "$state/ips"
}

# curl https://api.ipify.org: this machine's public address.
stand_in_curl() {
  if [[ -e "$state/public-address" ]]; then
    cat "$state/public-address"
  else
    printf '%s' "${STANDIN_PUBLIC_ADDRESS:?STANDIN_PUBLIC_ADDRESS is not set}"
  fi
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
  curl) stand_in_curl "$@" ;;
  k3sup) stand_in_k3sup "$@" ;;
  kubectl) stand_in_kubectl "$@" ;;
  cockroach) stand_in_cockroach "$@" ;;
  openssl) stand_in_openssl "$@" ;;
  helm | ssh | cilium) ;;
  *) echo "stand-in: unknown tool $tool" >&2; exit 1 ;;
esac
