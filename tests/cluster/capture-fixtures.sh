#!/usr/bin/env bash
# tests/cluster/capture-fixtures.sh - records what real SLURM commands print, as parser fixtures.
#
# Runs against the test cluster of tests/cluster/start.sh (started if needed) as root on the cluster
# machine. Every capture is run as testuser over SSH (like NAMDRunner does), in ~testuser/scratch/fixtures,
# and stored in tests/org.namdrunner.slurm.tests/fixtures/real/ as <name>.cmd (command line),
# <name>.out (stdout), <name>.err (stderr), <name>.rc (exit code). Admin actions that a user cannot do
# (scontrol suspend/hold, stopping slurmctld) are done as root locally and are not captures.
# NAMD-shaped job outputs go to fixtures/real/namd/<case>/. Takes about 3-4 minutes (a TIMEOUT needs
# a walltime of 1 minute to pass). The output directory is replaced on every run.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=$REPO/tests/org.namdrunner.slurm.tests/fixtures/real
BASE=${BASE:-/tmp/namdrunner-test-cluster}
T0=$(date +%s)
log() { printf '[%(%T)T +%4ss] %s\n' -1 "$(( $(date +%s) - T0 ))" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root"
export PATH=/opt/slurm/alpine/bin:$PATH   # where the Alpine twin keeps SLURM's commands (start.sh)

[ -s "$BASE/cluster.properties" ] && scontrol ping >/dev/null 2>&1 || SELFTEST=0 "$HERE/start.sh"
prop() { sed -n "s/^$1=//p" "$BASE/cluster.properties"; }
USER_NAME=$(prop user); HOME_DIR=$(getent passwd "$USER_NAME" | cut -d: -f6)
WD=$(prop scratchRoot)/fixtures; SLURM_BIN=$(prop slurmBin)
SSH=(ssh -p "$(prop port)" -i "$(prop key)" -o BatchMode=yes -o IdentitiesOnly=yes
     -o UserKnownHostsFile="$(prop knownHosts)" -o StrictHostKeyChecking=yes -o LogLevel=ERROR "$USER_NAME@$(prop host)")
SQF="--format='%i|%T|%r|%M|%L|%D|%C|%N|%Z'"
SAF="--format=JobID,State,ExitCode,Start,End,Elapsed,Reason"
NOTES=()   # lines for the README, one per capture

# the SLURM commands by PATH, not by `module load` (which would add the login chatter to every .err)
remote() { "${SSH[@]}" "export PATH='$SLURM_BIN':\$PATH; cd '$WD' && $1"; }
# cap <name> <what it shows> <command run as testuser in $WD>
cap() {
  local name=$1 what=$2 cmd=$3 rc=0
  printf '%s\n' "$cmd" > "$OUT/$name.cmd"
  remote "$cmd" > "$OUT/$name.out" 2> "$OUT/$name.err" || rc=$?
  echo "$rc" > "$OUT/$name.rc"
  NOTES+=("| \`$name\` | $what | $rc |")
  log "captured $name (rc=$rc)"
}
squeue_cap() { cap "$1" "$2" "squeue --noheader --states=all --jobs=$3 $SQF"; }
sacct_cap()  { cap "$1" "$2" "sacct -X --parsable2 --noheader --jobs=$3 $SAF"; }
sacct_steps_cap() { cap "$1" "$2" "sacct --parsable2 --noheader --jobs=$3 $SAF"; }
submit() { remote "sbatch --parsable $*"; }      # prints the job id
state()  { squeue -h -t all -j "$1" -o %T 2>/dev/null || true; }
reason() { squeue -h -t all -j "$1" -o %r 2>/dev/null || true; }
acct()   { sacct -X -n -P -j "$1" -o State 2>/dev/null || true; }
wait_until() {  # wait_until <seconds> <what> <command...>
  local t=$1 what=$2; shift 2; local end=$(( $(date +%s) + t ))
  until "$@"; do [ "$(date +%s)" -lt "$end" ] || die "timed out after ${t}s: $what"; sleep 0.3; done
}
is_state() { [[ "$(state "$1")" =~ ^($2)$ ]]; }
acct_is()  { [[ "$(acct "$1")" =~ ^($2)$ ]]; }
has_reason() { local r; r=$(reason "$1"); [ -n "$r" ] && [ "$r" != None ]; }
finished='COMPLETED|FAILED|CANCELLED.*|TIMEOUT|OUT_OF_MEMORY|NODE_FAIL'

# ------------------------------------------------------------------ job scripts and NAMD inputs
rm -rf "$OUT"; mkdir -p "$OUT/namd"
log "staging job scripts in $WD"
"${SSH[@]}" "rm -rf '$WD' && mkdir -p '$WD' && cd '$WD' && tar xf -" < <(
  tmp=$(mktemp -d); cd "$tmp"
  cat > tiny.pdb <<'EOF'
REMARK tiny water box for the namdrunner test stand-in
ATOM      1  OH2 TIP3W   1       0.000   0.000   0.000  1.00  0.00      W    O
ATOM      2  H1  TIP3W   1       0.957   0.000   0.000  1.00  0.00      W    H
ATOM      3  H2  TIP3W   1      -0.240   0.927   0.000  1.00  0.00      W    H
ATOM      4  OH2 TIP3W   2       3.000   0.000   0.000  1.00  0.00      W    O
ATOM      5  H1  TIP3W   2       3.957   0.000   0.000  1.00  0.00      W    H
ATOM      6  H2  TIP3W   2       2.760   0.927   0.000  1.00  0.00      W    H
END
EOF
  printf '%s\n' 'PSF' '' '       1 !NTITLE' ' REMARKS tiny water box' '' '       6 !NATOM' \
    '       1 W    1    TIP3 OH2  OT    -0.834000       15.9994           0' \
    '       2 W    1    TIP3 H1   HT     0.417000        1.0080           0' \
    '       3 W    1    TIP3 H2   HT     0.417000        1.0080           0' \
    '       4 W    2    TIP3 OH2  OT    -0.834000       15.9994           0' \
    '       5 W    2    TIP3 H1   HT     0.417000        1.0080           0' \
    '       6 W    2    TIP3 H2   HT     0.417000        1.0080           0' > tiny.psf
  for c in completed fatal timeout; do
    mkdir "$c"; cp tiny.pdb tiny.psf "$c/"
    cat > "$c/config.namd" <<'EOF'
# NAMD config used for the fixture (the stand-in reads the same keys as NAMD)
structure          tiny.psf
coordinates        tiny.pdb
set temperature    310
temperature        $temperature
outputName         equil_out
firsttimestep      0
timestep           2.0
cellBasisVector1   24.0  0.0  0.0
cellBasisVector2    0.0 24.0  0.0
cellBasisVector3    0.0  0.0 24.0
PME                yes
PMEGridSpacing     1.0
langevin           on
langevinTemp       $temperature
outputEnergies     20
restartfreq        100
dcdfreq            100
minimize           40
run                300
EOF
  done
  echo '# standin: fail "Atoms moving too fast; simulation has become unstable (2 atoms on patch 0 pe 0)."' >> fatal/config.namd
  sed -i 's/^run .*/run                10000/' timeout/config.namd
  echo '# standin: seconds_per_step 0.5' >> timeout/config.namd
  for c in completed fatal timeout; do
    n=2; t=00:10:00; [ $c = timeout ] && { n=1; t=00:01:00; }
    cat > "$c/job.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=namd_$c
#SBATCH --ntasks=$n
#SBATCH --time=$t
#SBATCH --mem=512M
#SBATCH --output=%x_%j.out
#SBATCH --error=%x_%j.err

# same shape as a NAMDRunner job script (no modules on the test cluster)
export SLURM_EXPORT_ENV=ALL
echo "job \$SLURM_JOB_ID on \$(hostname) in \$(pwd) with \$SLURM_NTASKS tasks"
mpirun -np \$SLURM_NTASKS namd3 config.namd > namd_output.log
EOF
  done
  printf '%s\n' '#!/bin/bash' '#SBATCH --job-name=ok' '#SBATCH --time=00:05:00' '#SBATCH --mem=50M' \
    '#SBATCH --output=%x_%j.out' 'echo hello from $SLURM_JOB_ID; sleep ${1:-1}' > ok.sbatch
  printf '%s\n' '#!/bin/bash' '#SBATCH --job-name=fail' '#SBATCH --time=00:05:00' '#SBATCH --mem=50M' \
    '#SBATCH --output=%x_%j.out' 'echo about to fail >&2; exit 1' > fail.sbatch
  printf '%s\n' '#!/bin/bash' '#SBATCH --job-name=sleeper' '#SBATCH --time=00:30:00' '#SBATCH --mem=50M' \
    '#SBATCH --output=%x_%j.out' 'sleep ${1:-600}' > sleep.sbatch
  # ignores SIGTERM, so after scancel it stays COMPLETING for KillWait (5 s) until SIGKILL
  printf '%s\n' '#!/bin/bash' '#SBATCH --job-name=stubborn' '#SBATCH --time=00:30:00' '#SBATCH --mem=50M' \
    '#SBATCH --output=%x_%j.out' "trap '' TERM" 'sleep 600' > stubborn.sbatch
  printf '%s\n' '#!/bin/bash' '#SBATCH --job-name=overmem' '#SBATCH --time=00:05:00' '#SBATCH --mem=50M' \
    '#SBATCH --output=%x_%j.out' "awk 'BEGIN { s = sprintf(\"%300000000s\", \"\"); system(\"sleep 30\") }'" > overmem.sbatch
  printf '%s\n' 'echo this script has no #! line' > noshebang.sbatch
  printf '#!/bin/bash\r\n#SBATCH --mem=50M\r\necho dos line endings\r\n' > dos.sbatch
  tar cf - .; cd /; rm -rf "$tmp"
)

# ------------------------------------------------------------------ phase 1: short jobs and sbatch answers
log "phase 1: NAMD jobs (2 CPUs each), ok/fail jobs and the over-memory job"
J_NAMD_OK=$(remote "cd completed && sbatch --parsable job.sbatch")
J_NAMD_FATAL=$(remote "cd fatal && sbatch --parsable job.sbatch")
cap sbatch_parsable_ok "\`sbatch --parsable\` success: the job id only" "sbatch --parsable ok.sbatch"
J_OK1=$(tr -d '\n' < "$OUT/sbatch_parsable_ok.out"); J_OK1=${J_OK1%%;*}
cap sbatch_plain_ok "plain \`sbatch\` success: 'Submitted batch job <id>'" "sbatch ok.sbatch"
J_OK2=$(awk '{print $NF}' "$OUT/sbatch_plain_ok.out")
J_FAIL=$(submit fail.sbatch)
J_OVERMEM=$(submit overmem.sbatch)
sleep 1
squeue_cap squeue_running_and_pending "one NAMD job RUNNING (2 CPUs), the others PENDING (Resources / Priority)" \
  "$J_NAMD_OK,$J_NAMD_FATAL,$J_OK1,$J_OK2,$J_FAIL,$J_OVERMEM"

# sbatch rejections (they use no resources)
cap sbatch_invalid_partition "--partition=nope" "sbatch --parsable --partition=nope ok.sbatch"
cap sbatch_plain_invalid_partition "--partition=nope without --parsable (same message)" "sbatch --partition=nope ok.sbatch"
cap sbatch_invalid_qos "--qos=nope" "sbatch --parsable --qos=nope ok.sbatch"
cap sbatch_invalid_account "--account=nope" "sbatch --parsable --account=nope ok.sbatch"
cap sbatch_mem_unsatisfiable "--mem=1000G on a node with ~21 GB" "sbatch --parsable --mem=1000G ok.sbatch"
cap sbatch_invalid_time "--time=abc" "sbatch --parsable --time=abc ok.sbatch"
cap sbatch_time_over_partition_limit "--time=2-00:00:00 on partition debug (MaxTime 1 day, EnforcePartLimits=ALL)" \
  "sbatch --parsable --partition=debug --time=2-00:00:00 ok.sbatch"
cap sbatch_too_many_tasks "--ntasks=64 on a 2-CPU node" "sbatch --parsable --ntasks=64 ok.sbatch"
cap sbatch_too_many_cpus_per_task "--cpus-per-task=16 on a 2-CPU node" "sbatch --parsable --cpus-per-task=16 ok.sbatch"
cap sbatch_too_many_nodes "--nodes=4 on a 1-node cluster" "sbatch --parsable --nodes=4 --ntasks=4 ok.sbatch"
cap sbatch_nodes_warning "--nodes=4 with a single task: accepted with a warning on stderr" "sbatch --parsable --nodes=4 --ntasks=1 --hold ok.sbatch"
J_NODEWARN=$(tr -d '\n' < "$OUT/sbatch_nodes_warning.out"); [ -n "$J_NODEWARN" ] && scancel "$J_NODEWARN" 2>/dev/null || true
cap sbatch_invalid_gres "--gres=gpu:1 on a node without GPUs" "sbatch --parsable --gres=gpu:1 ok.sbatch"
cap sbatch_invalid_constraint "--constraint=ib on a node without features" "sbatch --parsable --constraint=ib ok.sbatch"
cap sbatch_missing_script "script file does not exist" "sbatch --parsable no_such_script.sbatch"
cap sbatch_no_shebang "script without a #! first line" "sbatch --parsable noshebang.sbatch"
cap sbatch_dos_line_endings "script with CRLF line endings" "sbatch --parsable dos.sbatch"

# accounting lag: how long after squeue shows the last phase-1 job finished does sacct show it?
wait_until 120 "$J_OVERMEM finishes" is_state "$J_OVERMEM" "$finished"
lag_t0=$(date +%s.%N); wait_until 30 "sacct knows $J_OVERMEM" acct_is "$J_OVERMEM" "$finished"
SACCT_LAG=$(awk -v a="$lag_t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}')
wait_until 120 "phase 1 jobs finish" bash -c "for j in $J_NAMD_OK $J_NAMD_FATAL $J_OK1 $J_OK2 $J_FAIL $J_OVERMEM; do [[ \"\$(squeue -h -t all -j \$j -o %T 2>/dev/null)\" =~ ^($finished)\$ ]] || exit 1; done"
# measure when a finished job leaves squeue (MinJobAge + purge cycle), in the background
PURGE_FILE=$(mktemp)
( while [ -n "$(squeue -h -t all -j "$J_OK2" -o %i 2>/dev/null)" ]; do sleep 1; done; date +%s > "$PURGE_FILE" ) &
PURGE_POLLER=$!
trap 'kill $PURGE_POLLER 2>/dev/null || true' EXIT
P1="$J_NAMD_OK,$J_NAMD_FATAL,$J_OK1,$J_OK2,$J_FAIL,$J_OVERMEM"
squeue_cap squeue_finished_states_all "finished jobs still in the controller (< MinJobAge): COMPLETED, FAILED (NAMD FATAL ERROR and exit 1), over-memory job" "$P1"
cap squeue_finished_without_states_all "the same finished jobs WITHOUT --states=all: nothing printed, exit 0" \
  "squeue --noheader --jobs=$P1 $SQF"
sacct_cap sacct_finished "sacct -X of the same jobs: COMPLETED / FAILED 1:0 / FAILED 0:9 (over memory)" "$P1"
sacct_steps_cap sacct_finished_with_steps "the same WITHOUT -X: .batch, .extern and (for mpirun jobs) no numbered steps" "$P1"
cap scancel_finished "scancel of a finished job (still in the controller)" "scancel $J_OK1"
cap scancel_finished_verbose "scancel -v of a finished job" "scancel -v $J_OK1"

# NAMD logs and SLURM outputs
for c in completed fatal; do
  mkdir -p "$OUT/namd/$c"; jid=$([ $c = completed ] && echo "$J_NAMD_OK" || echo "$J_NAMD_FATAL")
  cp "$WD/$c/config.namd" "$WD/$c/job.sbatch" "$WD/$c/namd_output.log" "$OUT/namd/$c/"
  cp "$WD/$c/namd_${c}_$jid.out" "$WD/$c/namd_${c}_$jid.err" "$OUT/namd/$c/"
  (cd "$WD/$c" && ls -l --time-style=+ | awk 'NR>1{print $5, $NF}') > "$OUT/namd/$c/files-after-run.txt"
done
mkdir -p "$OUT/joblogs"
cp "$WD/overmem_$J_OVERMEM.out" "$WD/fail_$J_FAIL.out" "$WD/ok_$J_OK1.out" "$OUT/joblogs/"

# ------------------------------------------------------------------ phase 2: running, pending, held, timeout
log "phase 2: TIMEOUT job, RUNNING job, PENDING jobs with different reasons"
J_TIMEOUT=$(remote "cd timeout && sbatch --parsable job.sbatch")
T_TIMEOUT_SUBMIT=$(date +%s)
J_RUN=$(submit stubborn.sbatch)
wait_until 20 "running jobs" bash -c "[ \"\$(squeue -h -t all -j $J_TIMEOUT,$J_RUN -o %T | sort -u)\" = RUNNING ]"
J_PEND=$(submit sleep.sbatch 600)                     # no free CPU: Resources
J_PEND2=$(submit sleep.sbatch 5)                      # behind it: Priority
J_HOLD=$(submit --hold ok.sbatch)                     # JobHeldUser
J_ADMINHOLD=$(submit ok.sbatch); scontrol hold "$J_ADMINHOLD"   # JobHeldAdmin (root)
J_DEP=$(submit --dependency=afterok:$J_FAIL ok.sbatch)          # DependencyNeverSatisfied
J_QOS=$(submit --partition=long --time=3-00:00:00 ok.sbatch)    # QOS normal allows 1 day
J_HIGH=$(submit --partition=long --qos=high --time=3-00:00:00 ok.sbatch)  # allowed, waits for CPUs
J_CXP=$(submit sleep.sbatch 5)                        # will be cancelled while pending
for j in $J_PEND $J_PEND2 $J_DEP $J_QOS $J_HIGH $J_CXP; do wait_until 20 "a pending reason for $j" has_reason "$j"; done
P2="$J_TIMEOUT,$J_RUN,$J_PEND,$J_PEND2,$J_HOLD,$J_ADMINHOLD,$J_DEP,$J_QOS,$J_HIGH,$J_CXP"
squeue_cap squeue_pending_reasons "RUNNING x2, then PENDING: Resources, Priority, JobHeldUser, JobHeldAdmin, DependencyNeverSatisfied, QOSMaxWallDurationPerJobLimit, and for the qos=high job in partition long the reason 'Nodes required for job are DOWN, DRAINED or reserved for jobs in higher priority partitions'" "$P2"
sacct_cap sacct_pending_reasons "sacct -X of the same: PENDING rows have Start=Unknown, End=Unknown" "$P2"
cap scancel_pending "scancel of a PENDING job (silent)" "scancel $J_CXP"
wait_until 10 "$J_CXP cancelled" is_state "$J_CXP" 'CANCELLED'
squeue_cap squeue_cancelled_pending "a job cancelled while PENDING" "$J_CXP"
wait_until 10 "sacct: $J_CXP cancelled" acct_is "$J_CXP" 'CANCELLED.*'
sacct_cap sacct_cancelled_pending "sacct: 'CANCELLED by <uid>', Start=None" "$J_CXP"
sacct_steps_cap sacct_cancelled_pending_with_steps "the same without -X (no steps ever started)" "$J_CXP"

# stale ids: unknown (never existed) mixed with valid ones
UNKNOWN=999999
squeue_cap squeue_mixed_unknown_id "valid ids plus one never-used id ($UNKNOWN)" "$J_RUN,$J_HOLD,$UNKNOWN"
squeue_cap squeue_only_unknown_id "a single never-used id" "$UNKNOWN"
squeue_cap squeue_only_unknown_ids "two never-used ids" "$UNKNOWN,999998"
cap squeue_unknown_id_without_states_all "a never-used id without --states=all" "squeue --noheader --jobs=$UNKNOWN $SQF"
sacct_cap sacct_unknown_id "sacct for a never-used id: no rows, exit 0" "$UNKNOWN"
sacct_cap sacct_mixed_unknown_id "sacct for valid ids plus a never-used id" "$J_RUN,$J_OK2,$UNKNOWN"
cap scancel_unknown "scancel of a never-used id" "scancel $UNKNOWN"
cap scancel_unknown_verbose "scancel -v of a never-used id" "scancel -v $UNKNOWN"

# SUSPENDED (admin only)
scontrol suspend "$J_RUN"
wait_until 10 "$J_RUN suspended" is_state "$J_RUN" SUSPENDED
squeue_cap squeue_suspended "a RUNNING job suspended by an admin (scontrol suspend)" "$J_RUN"
sacct_cap sacct_suspended "sacct of the suspended job" "$J_RUN"
scontrol resume "$J_RUN"
wait_until 10 "$J_RUN resumed" is_state "$J_RUN" RUNNING

# CANCELLED while RUNNING, via COMPLETING (the job ignores SIGTERM; KillWait=5 s until SIGKILL)
cap scancel_running "scancel of a RUNNING job (silent, exit 0)" "scancel $J_RUN"
squeue_cap squeue_completing "right after scancel: the job ignores SIGTERM and is COMPLETING until SIGKILL" "$J_RUN"
sacct_cap sacct_completing "sacct at the same moment" "$J_RUN"
wait_until 30 "$J_RUN gone from running" is_state "$J_RUN" 'CANCELLED'
squeue_cap squeue_cancelled_running "a job cancelled while RUNNING" "$J_RUN"
wait_until 10 "sacct: $J_RUN cancelled" acct_is "$J_RUN" 'CANCELLED.*'
sacct_cap sacct_cancelled_running "sacct -X: 'CANCELLED by <uid>', Start and End set" "$J_RUN"
sacct_steps_cap sacct_cancelled_running_with_steps "the same without -X: .batch CANCELLED 0:15 (or 0:9 after SIGKILL), .extern" "$J_RUN"
wait_until 20 "$J_PEND running" is_state "$J_PEND" 'RUNNING'
cap scancel_running_verbose "scancel -v of a RUNNING job" "scancel -v $J_PEND"

# REQUEUE of a running job (owner may requeue), then requeuehold
J_RQ=$(submit sleep.sbatch 600)
wait_until 20 "$J_RQ running" is_state "$J_RQ" RUNNING
cap scontrol_requeue "scontrol requeue of an own RUNNING job" "scontrol requeue $J_RQ"
sleep 0.5
squeue_cap squeue_requeued "right after requeue" "$J_RQ"
sacct_cap sacct_requeued "sacct right after requeue (the first run shows as REQUEUED)" "$J_RQ"
# requeuehold works only on a running job (a requeued job waits ~2 min before it may start again)
J_RQH=$(submit sleep.sbatch 600)
wait_until 60 "$J_RQH running" is_state "$J_RQH" RUNNING
cap scontrol_requeuehold "scontrol requeuehold of an own RUNNING job" "scontrol requeuehold $J_RQH"
sleep 0.5
squeue_cap squeue_requeue_hold "after requeuehold" "$J_RQH"
sacct_cap sacct_requeue_hold "sacct after requeuehold" "$J_RQH"
cap scontrol_requeuehold_pending "scontrol requeuehold of a PENDING job: refused" "scontrol requeuehold $J_RQ"
scancel "$J_RQ" "$J_RQH"

# TIMEOUT (walltime 1 minute; slurmctld checks limits every ~30 s)
log "waiting for the TIMEOUT job $J_TIMEOUT (submitted $(( $(date +%s) - T_TIMEOUT_SUBMIT )) s ago)"
wait_until 180 "$J_TIMEOUT TIMEOUT" is_state "$J_TIMEOUT" 'TIMEOUT'
T_TIMEOUT=$(( $(date +%s) - T_TIMEOUT_SUBMIT ))
squeue_cap squeue_timeout "a job killed at its walltime (--time=1)" "$J_TIMEOUT"
wait_until 20 "sacct: $J_TIMEOUT TIMEOUT" acct_is "$J_TIMEOUT" 'TIMEOUT'
sacct_cap sacct_timeout "sacct -X: TIMEOUT" "$J_TIMEOUT"
sacct_steps_cap sacct_timeout_with_steps "the same without -X: .batch CANCELLED" "$J_TIMEOUT"
mkdir -p "$OUT/namd/timeout"
cp "$WD/timeout/config.namd" "$WD/timeout/job.sbatch" "$WD/timeout/namd_output.log" \
   "$WD/timeout/namd_timeout_$J_TIMEOUT.out" "$WD/timeout/namd_timeout_$J_TIMEOUT.err" "$OUT/namd/timeout/"

# purged ids: phase-1 jobs ended long enough ago (> MinJobAge + purge cycle)?
wait_until 150 "phase-1 jobs purged from the controller" test -s "$PURGE_FILE"
J_OK2_END=$(date -d "$(sacct -X -n -P -j "$J_OK2" -o End)" +%s)
T_PURGE=$(( $(cat "$PURGE_FILE") - J_OK2_END )); rm -f "$PURGE_FILE"
squeue_cap squeue_mixed_purged_ids "live ids mixed with ids of jobs purged after MinJobAge" "$J_HOLD,$J_DEP,$J_OK1,$J_OK2"
squeue_cap squeue_only_purged_ids "only ids of purged jobs" "$J_OK1,$J_OK2"
squeue_cap squeue_single_purged_id "a single purged id" "$J_OK1"
sacct_cap sacct_purged_ids "sacct still knows the purged jobs" "$J_OK1,$J_OK2"
cap scancel_purged_verbose "scancel -v of a purged job" "scancel -v $J_OK1"

# everything at once (what one poll of NAMDRunner looks like)
ALL="$P1,$P2,$J_RQ,$J_RQH,$UNKNOWN"
squeue_cap squeue_all_mixed "one call for every id of this run (live, finished, purged, unknown)" "$ALL"
sacct_cap sacct_all_mixed "sacct -X for every id of this run" "$ALL"
sacct_steps_cap sacct_all_mixed_with_steps "the same without -X" "$ALL"

# profile discovery helpers
cap sinfo_partitions "partitions: name / avail / timelimit / nodes / cpus / memory" "sinfo --noheader --format='%P|%a|%l|%D|%c|%m'"
cap sacctmgr_assoc "the user's associations: account / partition / qos" "sacctmgr --noheader --parsable2 show assoc user=\$USER format=account,partition,qos"

# controller down: stop only slurmctld (by its recorded pid), capture, restart through start.sh
log "stopping slurmctld for the controller-down captures"
pid=$(cat "$BASE/run/slurmctld.pid"); kill "$pid"
wait_until 30 "slurmctld exit" bash -c "[ ! -d /proc/$pid ] || grep -q '^State:.*Z' /proc/$pid/status"
t=$(date +%s)
cap sbatch_controller_down "sbatch while slurmctld is stopped" "sbatch --parsable ok.sbatch"
T_SBATCH_DOWN=$(( $(date +%s) - t ))
squeue_cap squeue_controller_down "squeue while slurmctld is stopped" "$J_HOLD,$J_DEP"
sacct_cap sacct_controller_down "sacct while slurmctld is stopped (talks to slurmdbd: still works)" "$J_HOLD,$J_OK2"
cap scancel_controller_down "scancel while slurmctld is stopped" "scancel $J_HOLD"
SELFTEST=0 "$HERE/start.sh" > /dev/null
log "slurmctld restarted by start.sh"

# clean up remaining jobs
scancel $J_HOLD $J_ADMINHOLD $J_DEP $J_QOS $J_HIGH $J_PEND $J_PEND2 2>/dev/null || true

# ------------------------------------------------------------------ README
{
  cat <<EOF
# Real SLURM output captures

Captured on $(date -u '+%Y-%m-%d %H:%M UTC') from **SLURM $(prop slurmVersion)** (Debian 12 packages) on the
project's test cluster (\`tests/cluster/start.sh\`: one node \`$(prop node)\` with $(prop cpus) CPUs, partitions
\`debug\` (default, MaxTime 1 day) and \`long\` (7 days), QoS \`normal\` (MaxWall 1 day) and \`high\` (7 days),
account \`testacct\`, AccountingStorageEnforce=associations,limits,qos, EnforcePartLimits=ALL, MinJobAge=30,
KillWait=5, no cgroups) by \`tests/cluster/capture-fixtures.sh\`. Re-run that script (as root, on the
cluster machine) to refresh everything here; job ids and times change on every run.

Every capture was run as \`testuser\` over SSH in \`~/scratch/fixtures\` and is stored as
\`<name>.cmd\` (the command line), \`<name>.out\` (stdout), \`<name>.err\` (stderr), \`<name>.rc\` (exit code).
Fixed formats (as used by NAMDRunner):

    squeue --noheader --states=all --jobs=<ids> --format='%i|%T|%r|%M|%L|%D|%C|%N|%Z'
    sacct -X --parsable2 --noheader --jobs=<ids> --format=JobID,State,ExitCode,Start,End,Elapsed,Reason

Measured during this run: sacct knew a finished job ${SACCT_LAG} s after squeue showed it finished;
a finished job vanished from squeue --states=all ${T_PURGE} s after it ended (MinJobAge=30 plus slurmctld's purge cycle);
the walltime-1-minute job was TIMEOUT ${T_TIMEOUT} s after submission; sbatch with slurmctld down took ${T_SBATCH_DOWN} s to fail.

Job ids of this run: NAMD completed $J_NAMD_OK, NAMD fatal $J_NAMD_FATAL, ok $J_OK1 and $J_OK2, exit 1 $J_FAIL,
over memory $J_OVERMEM, timeout $J_TIMEOUT, stubborn running/cancelled $J_RUN, pending $J_PEND/$J_PEND2,
user hold $J_HOLD, admin hold $J_ADMINHOLD, dependency $J_DEP, qos limit $J_QOS, qos high $J_HIGH,
cancelled while pending $J_CXP, requeued $J_RQ, requeue-held $J_RQH, never used $UNKNOWN (and 999998).

## What a parser must cope with (SLURM 22.05.8, seen in these captures)

- **squeue and unknown/purged ids**: with two or more ids in \`--jobs\`, unknown and purged ids are
  silently left out and the exit code is 0 (\`squeue_mixed_unknown_id\`, \`squeue_mixed_purged_ids\`,
  even \`squeue_only_unknown_ids\` prints nothing with exit 0). With exactly ONE id that the controller does
  not know, squeue prints \`slurm_load_jobs error: Invalid job id specified\` on stderr and exits 1
  (\`squeue_only_unknown_id\`, \`squeue_single_purged_id\`). So: a missing row means "not in the controller",
  never "finished"; ask sacct; treat exit 1 + "Invalid job id specified" for a one-id query the same way.
- Without \`--states=all\` finished jobs are not listed at all (\`squeue_finished_without_states_all\`).
- squeue lists rows in its own order (by state, then priority), not in the order of \`--jobs\`.
- The reason field (\`%r\`) can contain spaces and commas: "Nodes required for job are DOWN, DRAINED or
  reserved for jobs in higher priority partitions" (\`squeue_pending_reasons\`), "job requeued in held
  state" (\`squeue_requeue_hold\`: %T stays PENDING, not REQUEUE_HOLD). A requeued job is PENDING with
  reason BeginTime for ~2 minutes before it may run again.
- \`%L\` (time left) is \`INVALID\` for a TIMEOUT job; \`%M\`/\`%L\` use \`M:SS\`, \`H:MM:SS\`, \`D-HH:MM:SS\`.
- sacct: State \`CANCELLED by <uid>\` on the allocation row (also while squeue still says COMPLETING),
  \`CANCELLED\` on \`.batch\`; pending jobs have Start/End \`Unknown\`; a job cancelled while pending has
  Start \`None\`; a requeued job shows \`REQUEUED\` for its first run; Reason is mostly \`None\` (squeue's
  reason is the live one). Unknown ids give no rows and exit 0.
- scancel exits 0 and prints nothing for finished, purged and unknown ids; only \`-v\` shows
  "Kill job error on job id N: ..." on stderr. With slurmctld down it exits 8.
- sbatch errors are on stderr, exit 1 (\`--time=abc\`: 255); some errors come in two lines.
- Controller down: squeue exits 1 ("Unable to contact slurm controller (connect failure)"), sbatch exits 1
  after ~10 s of retries, sacct still answers (it talks to slurmdbd).

| capture | situation | exit code |
|---|---|---|
EOF
  printf '%s\n' "${NOTES[@]}"
  cat <<EOF

## namd/ and joblogs/

Outputs of real jobs (\`job.sbatch\` runs \`mpirun -np \$SLURM_NTASKS namd3 config.namd > namd_output.log\`;
\`namd3\` is the stand-in \`tests/cluster/namd3-standin\`, which prints NAMD 3.0-shaped lines):

- \`namd/completed/\`: config, job script, \`namd_output.log\` ending in \`End of program\`, the SLURM
  \`.out\`/\`.err\` and \`files-after-run.txt\` (sizes of the files the run left: restart/output/dcd).
- \`namd/fatal/\`: \`FATAL ERROR: Atoms moving too fast ...\` half-way; \`.err\` has the Charm++ abort and
  OpenMPI's "exited with non-zero status" text; the job ends FAILED 1:0.
- \`namd/timeout/\`: a 1-minute walltime job (0.5 s/step): \`namd_timeout_<id>.err\` has
  \`slurmstepd-<node>: error: *** JOB <id> ON <node> CANCELLED AT <time> DUE TO TIME LIMIT ***\`,
  \`namd_output.log\` stops mid-run.
- \`joblogs/overmem_<id>.out\`: a job over its \`--mem\` killed by \`JobAcctGatherParams=OverMemoryKill\`
  ("Exceeded job memory limit"); without cgroups SLURM records it as FAILED 0:9, not OUT_OF_MEMORY.
- \`joblogs/fail_<id>.out\`, \`joblogs/ok_<id>.out\`: outputs of the exit-1 and the ok job.
EOF
} > "$OUT/README.md"
"${SSH[@]}" "rm -rf '$WD'"
log "done: $(ls "$OUT"/*.cmd | wc -l) captures in $OUT"
