
# Where the demo writes. Override with DEMO_OUT=...
DEMO_OUT="${DEMO_OUT:-$HOME/demo}"
export DEMO_OUT

# Runs once before the first step.
before_steps() {
  run mkdir -p "$DEMO_OUT"
}

# Step 1: the first step.
step_first() {
  run touch "$DEMO_OUT/first"
}

# Step 2: the second step, which fails when told to.
step_second() {
  if [[ -e "$DEMO_OUT/fail" ]]; then
    run false
  fi
  run touch "$DEMO_OUT/second"
}

# Step 3: the third step.
step_third() {
  if [[ "$LOUD" == 1 ]]; then
    info loudly
  fi
  run touch "$DEMO_OUT/third"
}

# Prints how to call this script.
usage() {
  cat <<'USAGE'
Usage: demo/run.sh [--dry-run] [--yes] [--from STEP | --only STEP] [--loud]

Runs the demo: three steps.

Steps, in order (topology fixture):
  1. first   the first step
  2. second  the second step, which fails when told to
  3. third   the third step

  --dry-run     print every command that would change something, in order, and run none (DRY_RUN=1)
  --yes         answer every question with yes (YES=1)
  --from STEP   start at STEP (after a failure, or to redo the later steps)
  --only STEP   run only STEP
  --loud        say more
  --help        print this text

Environment:
  DEMO_OUT (default $HOME/demo): Where the demo writes.
Every step is safe to run again.
USAGE
}

readonly SCRIPT_NAME=demo/run.sh
readonly STEPS=(first second third)
readonly STEP_TITLES=(
  'the first step'
  'the second step, which fails when told to'
  'the third step'
)
readonly EXTRA_FLAGS=(--loud:LOUD)
readonly REQUIRED_TOOLS=(
)
readonly DONE_MESSAGE='the demo is done'
LOUD="${LOUD:-0}"

run_script "$@"
