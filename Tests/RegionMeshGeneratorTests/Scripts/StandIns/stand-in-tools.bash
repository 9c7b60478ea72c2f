# shellcheck shell=bash
# The curl, cockroach (certificates) and openssl stand-ins (read by stand-in.bash).

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

# cockroach cert create-ca|create-client|create-node: write stand-in files where the real one would.
stand_in_cockroach() {
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

# ssh USER@HOST COMMAND: the command that installs k3s's registry configuration reads it from stdin;
# the file each node holds is kept under "$state/registries", so a second run finds it unchanged.
# Any other command does nothing.
stand_in_ssh() {
  local target="" command="${*: -1}" argument
  for argument in "$@"; do [[ "$argument" == *@* ]] && target="$argument"; done
  [[ "$command" == *registries.yaml* ]] || return 0
  # -o UserKnownHostsFile="FILE" with StrictHostKeyChecking=accept-new: a new address's key is
  # added; a known address whose node was made again (host-key-changed/<ip>) is refused, as
  # OpenSSH does.
  local known="$HOME/.ssh/known_hosts" key
  for argument in "$@"; do
    [[ "$argument" == UserKnownHostsFile=* ]] && known="${argument#UserKnownHostsFile=}" && known="${known//\"/}"
  done
  key="stand-in-key-$(cat "$state/host-key-changed/${target#*@}" 2>/dev/null || echo 1)"
  if grep -q "^${target#*@} " "$known" 2>/dev/null; then
    if ! grep -qx "${target#*@} $key" "$known"; then
      echo "@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@" >&2
      exit 255
    fi
  else
    mkdir -p "$(dirname "$known")"
    printf '%s %s\n' "${target#*@}" "$key" >>"$known"
  fi
  local file="$state/registries/${target#*@}" new
  mkdir -p "$state/registries"
  new="$(cat)"
  if [[ -e "$file" && "$(cat "$file")" == "$new" ]]; then
    echo unchanged
  else
    printf '%s\n' "$new" >"$file"
    event "registries written on ${target#*@}"
    echo written
  fi
}
