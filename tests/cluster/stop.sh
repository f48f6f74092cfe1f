#!/usr/bin/env bash
# tests/cluster/stop.sh - stop only what tests/cluster/start.sh started (PIDs recorded in $BASE/run/*.pid).
# Jobs are cancelled first: job processes run under slurmstepd, not under slurmd, and would survive.
#   PURGE=1  also deletes $BASE (SLURM state, MariaDB datadir, keys, logs) for a from-scratch start.
# Packages, users, /etc/slurm, /etc/pam.d/namdrunner-*sshd, the modules and the SLURM diversion stay in place;
# the nrlat network namespace goes (start.sh creates it again).
set -euo pipefail
export PATH=/opt/slurm/alpine/bin:$PATH   # SLURM's commands live there on the Alpine twin (start.sh)
BASE=${BASE:-/tmp/namdrunner-test-cluster}
RUN=$BASE/run
log() { printf '[%(%T)T] %s\n' -1 "$*"; }
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }

alive() {  # alive <pid> <comm>
  [ -d "/proc/$1" ] && [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] && \
    ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}
recorded() { [ -s "$RUN/$1.pid" ] && alive "$(cat "$RUN/$1.pid")" "$1"; }

# 1. let SLURM end running, pending and suspended jobs
if recorded slurmctld; then
  jobs=$(squeue -h -t all -o '%i %T' 2>/dev/null | awk '$2 !~ /^(COMPLETED|CANCELLED|FAILED|TIMEOUT|OUT_OF_MEMORY|NODE_FAIL|BOOT_FAIL|DEADLINE|PREEMPTED)$/ {print $1}' | tr '\n' ' ')
  if [ -n "${jobs// }" ]; then
    log "cancelling jobs: $jobs"
    # a suspended job must be resumed before it can finish its cancellation
    for j in $jobs; do scontrol resume "$j" >/dev/null 2>&1 || true; done
    scancel $jobs 2>/dev/null || true
    for _ in $(seq 1 100); do
      [ -z "$(squeue -h -o %i -t PENDING,RUNNING,SUSPENDED,COMPLETING,CONFIGURING 2>/dev/null)" ] && break; sleep 0.2
    done
  fi
fi

# 2. daemons, in reverse start order, by recorded PID, and only if that PID still is that daemon
for d in delay-proxy:delay-proxy watchdog:login-watchdog dtn-sshd:namdrunner-dtn- sshd:namdrunner-sshd slurmd:slurmd slurmctld:slurmctld slurmdbd:slurmdbd mariadbd:mariadbd munged:munged; do
  name=${d%%:*} comm=${d#*:} pf=$RUN/${d%%:*}.pid
  [ -s "$pf" ] || continue
  pid=$(cat "$pf")
  if alive "$pid" "$comm"; then
    kill -TERM "$pid"
    for _ in $(seq 1 150); do alive "$pid" "$comm" || break; sleep 0.2; done
    if alive "$pid" "$comm"; then log "$name ($pid) ignored SIGTERM - SIGKILL"; kill -KILL "$pid"; fi
    log "stopped $name ($pid)"
  else
    log "$name ($pid) was not running"
  fi
  rm -f "$pf"
done

# 3. a slurmstepd that survived (slurmctld was already gone, so nothing could be cancelled) is ours only
#    if it holds a file under $BASE open (its slurmd log): kill exactly those and their descendants
tree() { local c; echo "$1"; for c in $(pgrep -P "$1"); do tree "$c"; done; }
for p in $(pgrep -x slurmstepd 2>/dev/null || true); do
  if ls -l "/proc/$p/fd" 2>/dev/null | grep -q "$BASE/"; then
    pids=$(tree "$p" | tr '\n' ' ')
    log "killing leftover slurmstepd tree: $pids"; kill -KILL $pids 2>/dev/null || true
  fi
done

ip netns list 2>/dev/null | grep -qw nrlat && { ip netns del nrlat; log "removed network namespace nrlat"; }

if [ "${PURGE:-0}" = 1 ]; then rm -rf "$BASE"; log "purged $BASE"; fi
log "stopped"
