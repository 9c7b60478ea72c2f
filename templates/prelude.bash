# --- RegionMesh script library: the same in every generated script ------------------------------
# DRY_RUN=1 prints every command, in order, and runs none of them.
DRY_RUN="${DRY_RUN:-0}"
# Seconds between two checks of a condition that is being waited for.
WAIT_INTERVAL="${WAIT_INTERVAL:-5}"

# Prints a step banner on stderr.
banner() {
  printf '\n==> %s\n' "$*" >&2
}

# Prints a progress line on stderr.
info() {
  printf '    %s\n' "$*" >&2
}

# Prints an error on stderr and exits 1.
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Prints words so that a shell reads them back as the same words.
quote_words() {
  local out="" word
  for word in "$@"; do
    if [[ "$word" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then
      out+="$word "
    else
      out+="'${word//"'"/"'\\''"}' "
    fi
  done
  printf '%s\n' "${out% }"
}

# Runs a command; under DRY_RUN=1 prints it instead.
run() {
  if [[ "$DRY_RUN" == 1 ]]; then
    quote_words "$@"
  else
    "$@"
  fi
}

# Succeeds when a look-up command succeeds (its output is discarded); under DRY_RUN=1 assumes
# nothing exists yet, so that every create command is printed.
exists() {
  [[ "$DRY_RUN" != 1 ]] && "$@" >/dev/null 2>&1
}

# Prints what a look-up command prints; under DRY_RUN=1 prints the placeholder instead.
capture() {
  local placeholder="$1"
  shift
  if [[ "$DRY_RUN" == 1 ]]; then
    printf '%s\n' "$placeholder"
  else
    "$@"
  fi
}

# Checks a condition every WAIT_INTERVAL seconds until it holds; fails after TIMEOUT seconds.
# Usage: wait_until DESCRIPTION TIMEOUT COMMAND...
wait_until() {
  local what="$1" timeout="$2" started="$SECONDS"
  shift 2
  if [[ "$DRY_RUN" == 1 ]]; then
    printf '# wait until %s (at most %ss): %s\n' "$what" "$timeout" "$(quote_words "$@")"
    return 0
  fi
  info "waiting until $what (at most ${timeout}s)"
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS - started >= timeout)); then
      die "timed out after ${timeout}s waiting until $what; check it by hand with: $(quote_words "$@")"
    fi
    sleep "$WAIT_INTERVAL"
  done
}

# Fails, naming each missing tool and how to get it; under DRY_RUN=1 only names them.
# Arguments: TOOL=HOW-TO-GET-IT...
require_tools() {
  local entry missing=0
  for entry in "$@"; do
    if ! command -v "${entry%%=*}" >/dev/null 2>&1; then
      printf '%s: %s is not installed; %s\n' "$([[ "$DRY_RUN" == 1 ]] && echo note || echo error)" "${entry%%=*}" "${entry#*=}" >&2
      missing=1
    fi
  done
  [[ "$DRY_RUN" == 1 ]] || ((missing == 0)) || die "install the missing tools above, then run this script again"
}
# Asks a yes/no question on the terminal; YES=1 (or --yes) answers yes. Refuses without a terminal.
confirm() {
  local answer
  if [[ "${YES:-0}" == 1 ]]; then
    return 0
  fi
  if [[ "$DRY_RUN" == 1 ]]; then
    printf '# would ask: %s\n' "$1"
    return 0
  fi
  [[ -t 0 ]] || die "$1 Not confirmed: run with --yes (or YES=1) to confirm without a terminal."
  read -r -p "$1 [y/N] " answer
  [[ "$answer" == [yY] || "$answer" == [yY][eE][sS] ]]
}
# --- end of the RegionMesh script library ---------------------------------------------------------
