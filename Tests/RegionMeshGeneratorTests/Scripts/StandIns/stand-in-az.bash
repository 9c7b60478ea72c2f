# shellcheck shell=bash
# The az stand-in (read by stand-in.bash): resources are files under "$state/az", named after the
# command group and the names that identify them (`network-vnet-peering--<vnet>--<name>`,
# `vm----<name>`), holding the arguments of the command that created them, one per line.

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

# The names of the az resources of kind $1 (vm, network-public-ip) within parent $2 (a VNet, for
# peerings), one per line.
names_of() {
  local file
  for file in "$state/az/$1--${2:-}--"*; do
    [[ -e "$file" ]] && printf '%s\n' "${file#"$state/az/$1--${2:-}--"}"
  done
  return 0
}

# The names of kind $1 (within parent $3) that a `--query "[?starts_with(name, 'P') &&
# ends_with(name, 'S')].name"` (either part optional, or `contains(name, 'C')`) in $2 selects.
names_matching() {
  local prefix suffix part owner name
  prefix="$(sed -n "s/.*starts_with(name, '\([^']*\)').*/\1/p" <<<"$2")"
  suffix="$(sed -n "s/.*ends_with(name, '\([^']*\)').*/\1/p" <<<"$2")"
  part="$(sed -n "s/.*contains(name, '\([^']*\)').*/\1/p" <<<"$2")"
  owner="$(sed -n "s/.*tags.\"regionmesh-topology\"=='\([^']*\)'.*/\1/p" <<<"$2")"
  while read -r name; do
    [[ -n "$name" && "$name" == "$prefix"* && "$name" == *"$suffix" && "$name" == *"$part"* ]] || continue
    # [?tags."regionmesh-topology"=='T']: only what was made (or updated) with that tag.
    [[ -z "$owner" ]] || grep -qx "regionmesh-topology=$owner" "$state/az/$1--${3:-}--$name" || continue
    # [?tags."regionmesh-topology"==null]: only what has no such tag.
    [[ "$2" != *'"regionmesh-topology"==null'* ]] || ! grep -q "^regionmesh-topology=" "$state/az/$1--${3:-}--$name" || continue
    printf '%s\n' "$name"
  done < <(names_of "$1" "${3:-}")
  return 0
}

# The peerings of VNet $1 as `--query "[].[name, peeringState, allowVirtualNetworkAccess,
# allowForwardedTraffic]" --output tsv` prints them.
peering_rows() {
  local name flags
  while read -r name; do
    [[ -n "$name" ]] || continue
    flags="$(cat "$state/peering-flags/$name" 2>/dev/null || printf 'True\tTrue')"
    printf '%s\t%s\t%s\n' "$name" "$(cat "$state/peering-state/$name" 2>/dev/null || echo Connected)" "$flags"
  done < <(names_of network-vnet-peering "$1")
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

# Refuses to delete a resource another one still uses, as Azure does.
in_use() {
  local group="$1" name="$2" file
  case "$group" in
    "network nic") for file in "$state/az/vm----"*; do [[ -e "$file" ]] && grep -qx -- "$name" "$file" && return 0; done ;;
    "network public-ip") for file in "$state/az/network-nic----"*; do [[ -e "$file" ]] && grep -qx -- "$name" "$file" && return 0; done ;;
    "network vnet") for file in "$state/az/network-nic----"*; do [[ -e "$file" ]] && grep -qx -- "$name" "$file" && return 0; done ;;
    "network lb") for file in "$state/pools/"*; do [[ -e "$file" ]] && grep -q -- "/loadBalancers/$name/" "$file" && return 0; done ;;
  esac
  return 1
}

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
    "network lb probe" | "network lb rule") parent="$(option --lb-name "$@")" ;;
    "network traffic-manager endpoint") parent="$(option --profile-name "$@")" ;;
    "acr replication" | "acr token" | "acr token credential") parent="$(option --registry "$@")" ;;
  esac
  name="$(option --name "$@")"
  query="$(option --query "$@")"
  key="${group// /-}--$parent--$name"
  case "$group $verb" in
    "account show") echo '{"id": "stand-in-subscription"}' ;;
    "group delete") rm -rf "${state:?}/az" "$state/vm-state" "$state/vm-error" "$state/vm-power" "$state/disk-size" ;;
    "vm list") names_matching vm "$query" ;;
    "network public-ip list") names_matching network-public-ip "$query" ;;
    "network nic list") names_matching network-nic "$query" ;;
    "network vnet list") names_matching network-vnet "$query" ;;
    "network nsg list") names_matching network-nsg "$query" ;;
    "network vnet peering list")
      if [[ "$query" == "[].[name, peeringState, "* ]]; then peering_rows "$parent"; else names_matching network-vnet-peering "$query" "$parent"; fi
      ;;
    "disk list") ;; # a VM's disks go with it (created with the delete option Delete)
    "network lb list") names_matching network-lb "$query" ;;
    "network traffic-manager profile list") names_matching network-traffic-manager-profile "$query" ;;
    "acr list") names_matching acr "$query" ;;
    "network traffic-manager profile check-dns" | "acr check-name")
      if [[ -e "$state/taken/$name" && ! -e "$state/az/${group// /-}--$parent--$name" ]]; then echo false; else echo true; fi
      ;;
    "network traffic-manager endpoint list")
      case "$query" in
        "[].name") names_of network-traffic-manager-endpoint "$parent" ;;
        *) names_of network-traffic-manager-endpoint "$parent" | sed 's/.*/Online/' ;;
      esac
      ;;
    "acr replication list")
      # The home location's replication comes with the registry.
      [[ -e "$state/az/acr----$parent" ]] && recorded "acr----$parent" --location && echo
      names_of acr-replication "$parent"
      ;;
    "acr import")
      [[ -e "$state/az/acr----$name" ]] || { echo "ERROR: (ResourceNotFound) registry $name" >&2; exit 3; }
      mkdir -p "$state/images/$name"
      record "../images/$name/$(option --image "$@" | tr '/:' '__')" "$@"
      ;;
    "acr repository show")
      [[ -e "$state/images/$name/$(option --image "$@" | tr '/:' '__')" ]] || { echo "ERROR: (NotFound) image" >&2; exit 3; }
      ;;
    "acr token credential generate")
      [[ -e "$state/az/acr-token--$parent--$name" ]] || { echo "ERROR: (ResourceNotFound) token $name" >&2; exit 3; }
      event "token password generated for $name"
      echo "stand-in-password-$RANDOM"
      ;;
    "network nic ip-config address-pool add")
      mkdir -p "$state/pools"
      printf '/subscriptions/stand-in/resourceGroups/stand-in/providers/Microsoft.Network/loadBalancers/%s/backendAddressPools/%s\n' \
        "$(option --lb-name "$@")" "$(option --address-pool "$@")" >"$state/pools/$(option --nic-name "$@")"
      ;;
    "network nic ip-config address-pool remove")
      grep -qxF -- "$(option --address-pool "$@")" "$state/pools/$(option --nic-name "$@")" 2>/dev/null || { echo "ERROR: (NotFound) pool" >&2; exit 3; }
      rm -f "$state/pools/$(option --nic-name "$@")"
      ;;
    "network nic ip-config show")
      [[ -e "$state/az/network-nic----$(option --nic-name "$@")" ]] || { echo "ERROR: (ResourceNotFound) NIC" >&2; exit 3; }
      local lb_part
      lb_part="$(sed -n "s|.*\(/[^/']*/backendAddressPools/[^']*\)'.*|\1|p; s|.*\(/loadBalancers/[^/']*/\)'.*|\1|p" <<<"$query")"
      grep -F -- "$lb_part" "$state/pools/$(option --nic-name "$@")" 2>/dev/null
      return 0
      ;;
    "vm list-skus") sku "$(option --location "$@")" "$(option --size "$@")" ;;
    "vm list-usage") quota_usage compute "$(option --location "$@")" "$(queried_name "$query")" ;;
    "network list-usages") quota_usage network "$(option --location "$@")" "$(queried_name "$query")" ;;
    "vm get-instance-view")
      [[ -e "$state/az/$key" ]] || { echo "ERROR: (ResourceNotFound) $key" >&2; exit 3; }
      cat "$state/vm-error/$name" 2>/dev/null
      return 0
      ;;
    "vm deallocate")
      [[ -e "$state/az/$key" ]] || { echo "ERROR: (ResourceNotFound) $key" >&2; exit 3; }
      mkdir -p "$state/vm-power"
      echo deallocated >"$state/vm-power/$name"
      event "deallocate $name"
      ;;
    "disk update")
      # --ids …/disks/<vm>_disk2: the VM's data disk grows.
      local disk
      disk="$(option --ids "$@")"
      disk="${disk##*/}"
      [[ -e "$state/az/vm----${disk%_disk2}" ]] || { echo "ERROR: (ResourceNotFound) disk $disk" >&2; exit 3; }
      mkdir -p "$state/disk-size"
      option --size-gb "$@" >"$state/disk-size/${disk%_disk2}"
      ;;
    "vm run-command invoke")
      local scripts
      scripts="$(option --scripts "$@")"
      [[ "$scripts" != @* || -e "${scripts#@}" ]] || { echo "ERROR: cannot read ${scripts#@}" >&2; exit 1; }
      event "run-command $name ${scripts##*/}"
      # What Azure returns as value[0].message: the script's output, or, where a test made it fail
      # (run-command-fails/<vm>), its error; the command itself succeeds either way, as Azure's does.
      if [[ -e "$state/run-command-refused/$name" ]]; then
        echo "ERROR: (Conflict) Run command extension execution is in progress. Please wait for completion before invoking a run command." >&2
        exit 1
      elif [[ -e "$state/run-command-fails/$name" ]]; then
        printf 'Enable succeeded: \n[stdout]\n\n[stderr]\n%s\n' "$(cat "$state/run-command-fails/$name")"
      else
        printf 'Enable succeeded: \n[stdout]\n%s\n\n[stderr]\n' "$(sed -n "s/^echo '\\(.*\\)'$/\\1/p" "${scripts#@}" | tail -n 1)"
      fi
      ;;
    *" delete")
      [[ -e "$state/az/$key" ]] || { echo "ERROR: (ResourceNotFound) $key" >&2; exit 3; }
      in_use "$group" "$name" && { echo "ERROR: (InUse) $key is in use" >&2; exit 1; }
      rm -f "$state/az/$key"
      case "$group" in
        vm) rm -f "$state/vm-state/$name" "$state/vm-error/$name" "$state/vm-power/$name" "$state/disk-size/$name" ;;
        "network vnet") rm -f "$state/az/network-vnet-peering--$name--"* ;;
        "network nsg") rm -f "$state/az/network-nsg-rule--$name--"* ;;
      esac
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
    "tag update")
      # az tag update --resource-id ID --operation Merge --tags …: added to what the resource has.
      local target
      target="$(find "$state/az" -name "*----$(basename "$(option --resource-id "$@")")" | head -n 1)"
      [[ -n "$target" ]] || { echo "ERROR: (ResourceNotFound) $(option --resource-id "$@")" >&2; exit 3; }
      values --tags "$@" | sed 's/^/--tags\n/' >>"$target"
      ;;
    *" update")
      [[ -e "$state/az/$key" ]] || { echo "ERROR: (ResourceNotFound) $key" >&2; exit 3; }
      # An NSG rule's settings are what the scripts compare; the rest keep their creation's.
      if [[ "$group" == "network nsg rule" ]]; then record "$key" "$@"; fi
      # az … update --set tags.NAME=VALUE …: the tags are added to those the resource has.
      if has --set "$@"; then
        local assignment
        while read -r assignment; do
          [[ "$assignment" == tags.* ]] && printf '%s\n' --tags "${assignment#tags.}" >>"$state/az/$key"
        done < <(values --set "$@")
      fi
      [[ "$group" != "network vnet peering" ]] || rm -f "$state/peering-flags/$name"
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
      # The owner tag, from the creation's --tags or an update's --set tags.… (recorded as --tags).
      sed -n 's/^regionmesh-topology=//p' "$state/az/$key" | tail -n 1
      return 0
      ;;
    provisioningState) cat "$state/vm-state/$name" 2>/dev/null || echo Succeeded ;;
    peeringState) cat "$state/peering-state/$name" 2>/dev/null || echo Connected ;;
    hardwareProfile.vmSize) recorded "$key" --size && echo ;;
    "join(',', zones || [''])") recorded "$key" --zone; echo ;;
    "ipConfigurations[0].privateIPAddress") recorded "$key" --private-ip-address && echo ;;
    "join(' ', addressSpace.addressPrefixes)") recorded "$key" --address-prefixes && echo ;;
    "storageProfile.dataDisks[0].diskSizeGb") cat "$state/disk-size/$name" 2>/dev/null || { recorded "$key" --data-disk-sizes-gb && echo; } ;;
    sku.name) recorded "$key" --sku && echo ;;
    dnsSettings.domainNameLabel) recorded "$key" --dns-name && echo ;;
    id) echo "/subscriptions/stand-in/resourceGroups/stand-in/providers/Microsoft.Network/publicIPAddresses/$name" ;;
    "ends_with(scopeMapId"*) echo true ;;
    "storageProfile.dataDisks[0].managedDisk.id") echo "/subscriptions/stand-in/resourceGroups/stand-in/providers/Microsoft.Compute/disks/${name}_disk2" ;;
    "") cat "$state/az/$key" ;;
    *) echo "stand-in az: no answer for --query $query" >&2; exit 2 ;;
  esac
}
