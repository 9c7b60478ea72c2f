#!/usr/bin/env bash
# A recording stand-in for az, curl, k3sup, kubectl, helm, cockroach, openssl and ssh, used by the
# tests that run the generated scripts (ScriptWorld.swift). Installed under each tool's name next to
# stand-in-az.bash, stand-in-kube.bash and stand-in-tools.bash, which it reads. It appends its
# command line to "$STANDIN_STATE/calls.log", keeps what was "created" under "$STANDIN_STATE", and
# answers what the scripts read back. A test changes the world through files in the state folder:
#   fail-<tool>                      the tool fails
#   public-address                   what curl prints as this machine's address (else $STANDIN_PUBLIC_ADDRESS)
#   usage/<location>/<quota>         "<current> <limit>" of a quota (else 0 of 1000)
#   skus/<location>/<size>           the tab-separated row az vm list-skus prints (empty: not offered)
#   vm-create-fails/<vm>             the VM is created in state Failed, with this file's text as Azure's message
#   peering-state/<peering>          the peering's state (else Connected)
#   peering-flags/<peering>          its VNet access and forwarded traffic, tab-separated (else True True)
#   crdb/databases                   "<database> <region,region…> <survival goal>" per line, for SHOW DATABASES
#   expandable-storage               the local-path storage class allows volume expansion
#   taken/<name>                     a Traffic Manager or registry name another Azure customer holds
# and reads back what happened in "$STANDIN_STATE/events" (restarts, decommissions; see stand-in-kube.bash).
set -u
tool="$(basename "$0")"
state="${STANDIN_STATE:?STANDIN_STATE is not set}"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$state/az" "$state/nodes" "$state/namespaces" "$state/crdb"
# One write per call: the commands of a pipeline run at once, and separate writes would interleave.
call="$tool"
for argument in "$@"; do call+=" $argument"; done
printf '%s\n' "$call" >>"$state/calls.log"
unset call argument
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

# Succeeds when word $1 is among the remaining arguments.
has() {
  local word="$1"
  shift
  local argument
  for argument in "$@"; do [[ "$argument" == "$word" ]] && return 0; done
  return 1
}

# Appends what happened to the event log the tests read.
event() {
  printf '%s\n' "$*" >>"$state/events"
}

# shellcheck source=stand-in-az.bash
source "$here/stand-in-az.bash"
# shellcheck source=stand-in-kube.bash
source "$here/stand-in-kube.bash"
# shellcheck source=stand-in-tools.bash
source "$here/stand-in-tools.bash"

case "$tool" in
  az) stand_in_az "$@" ;;
  curl) stand_in_curl "$@" ;;
  k3sup) stand_in_k3sup "$@" ;;
  kubectl) stand_in_kubectl "$@" ;;
  cockroach) stand_in_cockroach "$@" ;;
  openssl) stand_in_openssl "$@" ;;
  ssh) stand_in_ssh "$@" ;;
  helm | cilium) ;;
  *) echo "stand-in: unknown tool $tool" >&2; exit 1 ;;
esac
