# --- RegionMesh script library: the same in every generated script ------------------------------
if ((BASH_VERSINFO[0] < 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] < 4))); then
  printf 'error: this script needs bash 4.4 or newer (this is %s); on macOS: brew install bash\n' "$BASH_VERSION" >&2
  exit 1
fi
# DRY_RUN=1 (or --dry-run) prints every command that would change something, in order, and runs none.
DRY_RUN="${DRY_RUN:-0}"
# YES=1 (or --yes) answers every question with yes.
YES="${YES:-0}"
# Seconds between two checks of a condition that is being waited for.
WAIT_INTERVAL="${WAIT_INTERVAL:-5}"
# The step running now, named when the script fails.
CURRENT_STEP=''
# When set (setup.sh sets it), every command a script runs or looks up is appended to this file.
REGIONMESH_LOG_FILE="${REGIONMESH_LOG_FILE:-}"
# Variables whose values never reach a log: each occurrence is written as ***.
REGIONMESH_SECRET_VARS="${REGIONMESH_SECRET_VARS:-}"

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

# Prints the usage and an error on stderr and exits 2.
usage_error() {
  usage >&2
  printf 'error: %s\n' "$*" >&2
  exit 2
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

# Appends a command to the run log (when there is one), every secret value masked.
log_command() {
  [[ -n "$REGIONMESH_LOG_FILE" ]] || return 0
  local line name value
  line="$(quote_words "$@")"
  for name in $REGIONMESH_SECRET_VARS; do
    value="${!name:-}"
    [[ -n "$value" ]] && line="${line//"$value"/***}"
  done
  printf '+ %s\n' "$line" >>"$REGIONMESH_LOG_FILE"
}

# Runs a command; under DRY_RUN=1 prints it instead.
run() {
  if [[ "$DRY_RUN" == 1 ]]; then
    quote_words "$@"
  else
    log_command "$@"
    "$@"
  fi
}

# Runs FIRST… | SECOND… (the words before and after a '|' word); under DRY_RUN=1 prints them.
run_piped() {
  local first=()
  while (($# > 0)) && [[ "$1" != '|' ]]; do
    first+=("$1")
    shift
  done
  shift
  if [[ "$DRY_RUN" == 1 ]]; then
    printf '%s | %s\n' "$(quote_words "${first[@]}")" "$(quote_words "$@")"
  else
    log_command "${first[@]}" '|' "$@"
    "${first[@]}" | "$@"
  fi
}

# Succeeds when a look-up command succeeds (its output is discarded); under DRY_RUN=1 assumes
# nothing exists yet, so that every create command is printed.
exists() {
  [[ "$DRY_RUN" != 1 ]] && log_command "$@" && "$@" >/dev/null 2>&1
}

# Succeeds when a look-up command succeeds (its output is discarded); under DRY_RUN=1 assumes
# everything exists, so that every delete command is printed.
found() {
  [[ "$DRY_RUN" == 1 ]] || { log_command "$@" && "$@" >/dev/null 2>&1; }
}

# Prints what a look-up command prints; under DRY_RUN=1 prints the placeholder instead.
capture() {
  local placeholder="$1"
  shift
  if [[ "$DRY_RUN" == 1 ]]; then
    printf '%s\n' "$placeholder"
  else
    log_command "$@"
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
  log_command "$@"
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
  if [[ "$YES" == 1 ]]; then
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

# Sets the variable of one of the script's own flags (EXTRA_FLAGS holds OPTION:VARIABLE pairs).
set_flag() {
  local entry
  for entry in "${EXTRA_FLAGS[@]}"; do
    if [[ "$1" == "${entry%%:*}" ]]; then
      printf -v "${entry#*:}" '%s' 1
      return 0
    fi
  done
  return 1
}

# On a failure inside a step: names the step and the command that resumes from it.
report_failure() {
  local status="$1"
  if ((status != 0)) && [[ -n "$CURRENT_STEP" ]]; then
    printf 'error: %s stopped in step %s; after fixing the cause, resume with: %s --from %s\n' \
      "$SCRIPT_NAME" "$CURRENT_STEP" "$0" "$CURRENT_STEP" >&2
  fi
}

# Runs the script: the common options, the tools check, `before_steps` when the script has one,
# then every selected step of STEPS under a banner, with the time each took.
run_script() {
  local from='' only='' step index=0 started
  while (($# > 0)); do
    case "$1" in
      --dry-run) DRY_RUN=1 ;;
      --yes | -y) YES=1 ;;
      --from | --only)
        [[ $# -ge 2 && -n "$2" ]] || usage_error "$1 needs a step name"
        if [[ "$1" == --from ]]; then from="$2"; else only="$2"; fi
        shift
        ;;
      -h | --help)
        usage
        exit 0
        ;;
      *) set_flag "$1" || usage_error "unknown argument $1" ;;
    esac
    shift
  done
  for step in "$from" "$only"; do
    if [[ -n "$step" && " ${STEPS[*]} " != *" $step "* ]]; then
      usage_error "unknown step $step; the steps are: ${STEPS[*]}"
    fi
  done
  export DRY_RUN YES WAIT_INTERVAL
  require_tools "${REQUIRED_TOOLS[@]}"
  if declare -F before_steps >/dev/null; then
    before_steps
  fi
  trap 'report_failure $?' EXIT
  for step in "${STEPS[@]}"; do
    index=$((index + 1))
    [[ -n "$only" && "$step" != "$only" ]] && continue
    if [[ -n "$from" ]]; then
      [[ "$step" != "$from" ]] && continue
      from=''
    fi
    CURRENT_STEP="$step"
    banner "$SCRIPT_NAME $index/${#STEPS[@]}: ${STEP_TITLES[index - 1]}"
    started="$SECONDS"
    "step_${step//-/_}"
    info "$step took $((SECONDS - started))s"
  done
  CURRENT_STEP=''
  info "$DONE_MESSAGE"
}
# --- end of the RegionMesh script library ---------------------------------------------------------
