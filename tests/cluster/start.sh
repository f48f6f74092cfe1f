#!/usr/bin/env bash
# tests/cluster/start.sh - the "Alpine twin": a local test cluster shaped like CU Boulder's Alpine (2026)
# for NAMDRunner's tests. Real SLURM 22.05 (slurmctld, slurmd, slurmdbd + MariaDB for sacct), real Lmod,
# OpenSSH on loopback, on Debian 12 as root, without systemd.
#
#   login sshd      127.0.0.1:2222   users testuser (key) and ralphie@colostate.edu (password + Duo, or key)
#   transfer sshd   127.0.0.2:2222   same users and folders, no SLURM module (the "DTN")
#   latency path    10.231.0.2:2222  netns nrlat + veth, delay-proxy (20 ms each way) -> login sshd
#   slurmctld 127.0.0.1:6817  slurmd 127.0.0.1:6818  slurmdbd 127.0.0.1:6819  mariadbd 127.0.0.1:3307
#   login-watchdog  Arbiter2 stand-in: records heavy processes under the login sshd
#
# SLURM's client commands live in /opt/slurm/alpine/bin (diverted from /usr/bin) and reach a login
# shell's PATH only by `source /etc/profile && module load slurm/alpine`. Daemons and login shells run in
# America/Denver.
#
# Idempotent: packages are installed only when missing, config files are rewritten only when their
# content changes (a changed file restarts the daemon that reads it), daemons that already run are
# left alone. PIDs of the daemons this script started are recorded in $BASE/run/*.pid; stop.sh kills
# only those. Tests read $BASE/cluster.properties. See tests/cluster/README.md.
#
# Env: BASE (default /tmp/namdrunner-test-cluster), SELFTEST=1|0, SSH_PORT (2222), DB_PORT (3307).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BASE=${BASE:-/tmp/namdrunner-test-cluster}
SSH_PORT=${SSH_PORT:-2222}
DB_PORT=${DB_PORT:-3307}
SELFTEST=${SELFTEST:-1}
CLUSTER=alpine
ACCOUNT=ucb-general
CLUSTER_TZ=America/Denver
PARTITIONS=(acpu atesting aa100)   # first one is the default partition
# QoS and their MaxWall: Alpine's real values (CURC docs 2026), because the built-in profile carries them
QOS_LIST=(cpu-normal cpu-long gpu-normal gpu-long gpu-testing testing)   # first one is every user's default
declare -A QOS_MAXWALL=([cpu-normal]=1-00:00:00 [cpu-long]=7-00:00:00 [gpu-normal]=1-00:00:00
                        [gpu-long]=7-00:00:00 [gpu-testing]=01:00:00 [testing]=01:00:00)
declare -A PART_QOS=([acpu]=cpu-normal,cpu-long [atesting]=testing [aa100]=gpu-normal,gpu-long,gpu-testing)
NODE_CPUS=64 NODE_MEM=240000 NODE_GPUS=2   # what the profile says one Alpine node has (config_overrides)
TEST_USER=testuser
DUO_USER='ralphie@colostate.edu'
DUO_PASSWORD='ralphie-eid-password'
DUO_PASSCODE='468213'
DUO_PUSH_SECONDS=${DUO_PUSH_SECONDS:-3}
USERS_GROUP=alpine-users
KEY_PASSPHRASE='testpass-phrase'
DTN_ADDR=127.0.0.2
LAT_NS=nrlat LAT_HOST_ADDR=10.231.0.1 LAT_NS_ADDR=10.231.0.2 LAT_DELAY_MS=${LAT_DELAY_MS:-20}
WATCH_CPU_S=3 WATCH_IO_MB=5 WATCH_INTERVAL_MS=50
SLURM_BIN=/opt/slurm/alpine/bin
SLURM_CMDS=(sacct sacctmgr salloc sattach sbatch sbcast scancel scontrol sdiag sinfo sprio squeue sreport srun sshare sstat strigger)
MODROOT=/opt/alpine/modulefiles SW=/opt/alpine/sw
DB_PASS=slurmdbpass              # loopback-only throwaway database
PKGS=(munge slurmctld slurmd slurm-client slurmdbd mariadb-server openssh-server openssh-client
      openmpi-bin lmod gcc libc6-dev libpam0g-dev iproute2 tzdata perl)
export PATH=$SLURM_BIN:$PATH     # root scripts call SLURM by its new place

RUN=$BASE/run LOG=$BASE/log STATE=$BASE/state SSHD=$BASE/ssh DBDIR=$BASE/mysql BIN=$BASE/bin
PROPS=$BASE/cluster.properties
T0=$(date +%s.%N)
log()  { printf '[%sZ +%5ss] %s\n' "$(date -u +%T)" "$(elapsed)" "$*"; }
die()  { log "ERROR: $*" >&2; exit 1; }
elapsed() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }
[ "$(id -u)" = 0 ] || die "run as root (this is a throwaway test machine set-up)"

# wait_for <seconds> <description> <command...>
wait_for() {
  local t=$1 what=$2; shift 2
  local end=$(( $(date +%s) + t ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$end" ] || die "timed out after ${t}s waiting for $what"
    sleep 0.2
  done
}
# alive <pidfile> <comm>: the pid in the file exists, is not a zombie and has the expected name
alive() {
  local pf=$1 comm=$2 pid
  [ -s "$pf" ] || return 1
  pid=$(cat "$pf"); [ -d "/proc/$pid" ] || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$comm" ] || return 1
  ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null
}
port_listening() { ss -Hltn "sport = :$1" | grep -q .; }
addr_listening() { ss -Hltn "src $1" | grep -q .; }   # addr_listening 127.0.0.2:2222
assert_loopback_only() {
  # loopback, or the host end of our own veth (reachable only from this host and the nrlat namespace)
  local bad
  bad=$(ss -Hltn | awk '{print $4}' | grep -E ":(6817|6818|6819|$SSH_PORT|$DB_PORT)$" \
        | grep -vE "^(127\.|\[::1\]|::1|${LAT_HOST_ADDR//./\\.}:)" || true)
  [ -z "$bad" ] || die "non-loopback listener(s): $bad"
}
changed_files=()
# write_if_changed <path> <owner:group> <mode>   (content on stdin); records changed paths
write_if_changed() {
  local tmp; tmp=$(mktemp); cat > "$tmp"
  if ! cmp -s "$tmp" "$1"; then
    install -D -m "$3" -o "${2%:*}" -g "${2#*:}" "$tmp" "$1"; changed_files+=("$1")
  else
    chown "$2" "$1"; chmod "$3" "$1"
  fi
  rm -f "$tmp"
}
was_changed() { local f; for f in "${changed_files[@]}"; do [ "$f" = "$1" ] && return 0; done; return 1; }

# ------------------------------------------------------------------ 1. packages
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  # keep maintainer scripts from starting services (Debian's sshd would listen on 0.0.0.0:22)
  created_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; created_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  install -d -m 755 "$LOG"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$LOG/apt-install.log"
  [ $created_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  log "packages installed"
fi
SLURM_VERSION=$(slurmd -V | awk '{print $2}')

# ------------------------------------------------------------------ 2. host name must resolve to loopback
# slurmd names its node after `hostname -s`, and with NoInAddrAny the daemons bind to what it resolves to.
NODE=$(hostname -s)
addr=$(getent ahostsv4 "$(hostname)" | awk 'NR==1{print $1}' || true)
if [[ "$addr" != 127.* ]]; then
  echo "127.0.0.1 $(hostname) $NODE  # added by namdrunner tests/cluster/start.sh" >> /etc/hosts
  log "FIXED /etc/hosts: hostname '$(hostname)' resolved to '${addr:-nothing}'; added '127.0.0.1 $(hostname) $NODE'"
  addr=$(getent ahostsv4 "$(hostname)" | awk 'NR==1{print $1}')
  [[ "$addr" == 127.* ]] || die "hostname still resolves to '$addr' after editing /etc/hosts"
fi

# ------------------------------------------------------------------ 3. SLURM commands off the PATH, Lmod modules
# dpkg-divert moves each client command to $SLURM_BIN and keeps it there across package upgrades.
install -d -m 755 "$SLURM_BIN"
for c in "${SLURM_CMDS[@]}"; do
  if [ -e "/usr/bin/$c" ] && [ ! -L "/usr/bin/$c" ]; then
    dpkg-divert --quiet --local --rename --divert "$SLURM_BIN/$c" --add "/usr/bin/$c"
    log "moved /usr/bin/$c to $SLURM_BIN (dpkg-divert)"
  fi
  [ -x "$SLURM_BIN/$c" ] || die "$SLURM_BIN/$c is missing (dpkg-divert --list shows the diversions)"
done
# mpirun only after `module load openmpi/5.0.6`: drop Debian's /usr/bin/mpirun alternative
if update-alternatives --query mpirun >/dev/null 2>&1; then
  update-alternatives --quiet --remove-all mpirun; log "removed the /usr/bin/mpirun alternative (mpirun comes with the openmpi module)"
fi
# namd3 only after `module load namd/...`: the old /usr/local/bin/namd3 goes away
[ -e /usr/local/bin/namd3 ] && { rm -f /usr/local/bin/namd3; log "removed /usr/local/bin/namd3 (namd3 comes with the namd module)"; }
write_if_changed "$SW/namd-3.0.1_cpu/bin/namd3" root:root 755 < "$HERE/namd3-standin"
write_if_changed "$SW/namd-3.0.1_gpu/bin/namd3" root:root 755 < "$HERE/namd3-standin"
install -d -m 755 "$SW/openmpi-5.0.6/bin" "$SW/gcc-14.2.0/bin"
for c in mpirun mpiexec; do ln -sfn /usr/bin/mpirun.openmpi "$SW/openmpi-5.0.6/bin/$c"; done

write_if_changed /etc/lmod/modulespath root:root 644 <<EOF
# generated by namdrunner tests/cluster/start.sh: Alpine twin's module tree only
$MODROOT/core
EOF
write_if_changed "$MODROOT/core/slurm/alpine.lua" root:root 644 <<EOF
-- generated by namdrunner tests/cluster/start.sh
help([[SLURM client commands for the Alpine cluster]])
whatis("Name: slurm (alpine)")
family("slurm")
if os.getenv("NAMDRUNNER_TWIN_HOST") == "dtn" then
  LmodError("slurm/alpine is not available on the data transfer nodes; log in to login.rc.colorado.edu to submit jobs.")
end
prepend_path("PATH", "$SLURM_BIN")
setenv("SLURM_CLUSTER", "alpine")
-- Lmod chatter on stderr, as a login shell on Alpine gets it
if mode() == "load" then
  LmodMessage("slurm/alpine: SLURM commands now point at the alpine cluster (module list: slurm/alpine)")
end
EOF
write_if_changed "$MODROOT/core/gcc/14.2.0.lua" root:root 644 <<EOF
-- generated by namdrunner tests/cluster/start.sh
whatis("Name: gcc 14.2.0")
family("compiler")
prepend_path("PATH", "$SW/gcc-14.2.0/bin")
prepend_path("MODULEPATH", "$MODROOT/compiler/gcc/14.2.0")
EOF
write_if_changed "$MODROOT/compiler/gcc/14.2.0/openmpi/5.0.6.lua" root:root 644 <<EOF
-- generated by namdrunner tests/cluster/start.sh (Debian's OpenMPI 4.1.4 behind Alpine's module name)
whatis("Name: openmpi 5.0.6")
family("mpi")
prepend_path("PATH", "$SW/openmpi-5.0.6/bin")
prepend_path("MODULEPATH", "$MODROOT/mpi/gcc-14.2.0/openmpi/5.0.6")
EOF
write_if_changed "$MODROOT/mpi/gcc-14.2.0/openmpi/5.0.6/namd/3.0.1_cpu.lua" root:root 644 <<EOF
-- generated by namdrunner tests/cluster/start.sh (the namd3 stand-in, tests/cluster/namd3-standin)
whatis("Name: namd 3.0.1 (CPU, MPI)")
family("namd")
prepend_path("PATH", "$SW/namd-3.0.1_cpu/bin")
EOF
write_if_changed "$MODROOT/compiler/gcc/14.2.0/namd/3.0.1_gpu.lua" root:root 644 <<EOF
-- generated by namdrunner tests/cluster/start.sh (the namd3 stand-in; no CUDA on the twin)
whatis("Name: namd 3.0.1 (GPU, multicore-CUDA)")
family("namd")
prepend_path("PATH", "$SW/namd-3.0.1_gpu/bin")
setenv("NAMD_BUILD", "multicore-CUDA")
EOF
# every login shell on the login host prints the motd on stderr, as Alpine's do
write_if_changed /etc/profile.d/zz-alpine-twin.sh root:root 644 <<'EOF'
# generated by namdrunner tests/cluster/start.sh: Alpine's login chatter (stderr, login shells of the twin only)
if [ -n "${NAMDRUNNER_TWIN_HOST:-}" ]; then
  if [ "$NAMDRUNNER_TWIN_HOST" = dtn ]; then
    echo "Welcome to the CURC data transfer node (twin). Please do not run jobs here." >&2
  else
    printf '%s\n' "===========================================================================" \
      "  CU Boulder Research Computing - Alpine (NAMDRunner test twin)" \
      "  Login nodes are for editing and submitting jobs. Heavy processes are" \
      "  throttled by Arbiter (here: tests/cluster/login-watchdog)." \
      "  To use SLURM: module load slurm/alpine" \
      "===========================================================================" >&2
  fi
fi
EOF

# ------------------------------------------------------------------ 4. directories, users, keys
install -d -m 755 "$BASE" "$RUN" "$LOG" "$STATE" "$BIN"
install -d -m 700 "$SSHD"
install -d -m 755 -o slurm -g slurm "$STATE/ctld-$CLUSTER" "$STATE/slurmd" "$RUN/slurm"
install -d -m 755 -o munge -g munge /run/munge
install -d -m 755 /run/sshd
for f in slurmctld.log slurmdbd.log; do touch "$LOG/$f"; chown slurm:slurm "$LOG/$f"; done
touch "$LOG/slurmd.log" "$LOG/sshd.log" "$LOG/dtn-sshd.log" "$LOG/watchdog.log" "$LOG/duo.log"
chmod 644 "$LOG/watchdog.log" "$LOG/duo.log"
install -d -m 750 -o mysql -g mysql "$DBDIR" "$RUN/mysqld"
install -d -m 755 /projects /scratch /scratch/alpine /projects/.colostate.edu

getent group "$USERS_GROUP" >/dev/null || groupadd "$USERS_GROUP"
for u in "$TEST_USER" "$DUO_USER"; do
  if ! id "$u" >/dev/null 2>&1; then
    # --badname: Debian's useradd refuses '@' otherwise; CSU and ACCESS users are named like this
    useradd --badname -m -s /bin/bash -G "$USERS_GROUP" "$u"; log "created user $u"
  fi
  id -nG "$u" | tr ' ' '\n' | grep -qx "$USERS_GROUP" || usermod -aG "$USERS_GROUP" "$u"
  home=$(getent passwd "$u" | cut -d: -f6); grp=$(id -gn "$u")
  install -d -m 755 -o "$u" -g "$grp" "$home" "/projects/$u" "/scratch/alpine/$u"
  install -d -m 700 -o "$u" -g "$grp" "$home/.ssh"
done
# the '@'-free alias Alpine provides for tools that mishandle '@'
ln -sfn "/projects/$DUO_USER" "/projects/.colostate.edu/${DUO_USER%@*}"
# testuser: key only. '*' = no password but not locked.
[ "$(getent shadow "$TEST_USER" | cut -d: -f2)" = '*' ] || usermod -p '*' "$TEST_USER"
cur_hash=$(getent shadow "$DUO_USER" | cut -d: -f2)
if [[ "$cur_hash" != \$* ]] || [ "$cur_hash" != "$(cat "$RUN/duouser.hash" 2>/dev/null)" ]; then
  echo "$DUO_USER:$DUO_PASSWORD" | chpasswd
  getent shadow "$DUO_USER" | cut -d: -f2 > "$RUN/duouser.hash"; chmod 600 "$RUN/duouser.hash"
fi
TEST_HOME=$(getent passwd "$TEST_USER" | cut -d: -f6)
DUO_HOME=$(getent passwd "$DUO_USER" | cut -d: -f6)

[ -f "$SSHD/hostkey" ]            || ssh-keygen -q -t ed25519 -N '' -f "$SSHD/hostkey" -C "login-twin"
[ -f "$SSHD/dtn_hostkey" ]        || ssh-keygen -q -t ed25519 -N '' -f "$SSHD/dtn_hostkey" -C "dtn-twin"
[ -f "$SSHD/client_key" ]         || ssh-keygen -q -t ed25519 -N '' -f "$SSHD/client_key" -C "$TEST_USER@namdrunner-test"
[ -f "$SSHD/client_key_passphrase" ] || ssh-keygen -q -t ed25519 -N "$KEY_PASSPHRASE" -f "$SSHD/client_key_passphrase" -C "$TEST_USER-passphrase@namdrunner-test"
chmod 600 "$SSHD/hostkey" "$SSHD/dtn_hostkey" "$SSHD/client_key" "$SSHD/client_key_passphrase"
write_if_changed "$TEST_HOME/.ssh/authorized_keys" "$TEST_USER:$(id -gn "$TEST_USER")" 600 < <(cat "$SSHD/client_key.pub" "$SSHD/client_key_passphrase.pub")
write_if_changed "$DUO_HOME/.ssh/authorized_keys" "$DUO_USER:$(id -gn "$DUO_USER")" 600 < "$SSHD/client_key.pub"
{ echo "[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1,2 "$SSHD/hostkey.pub")"
  echo "[$LAT_NS_ADDR]:$SSH_PORT $(cut -d' ' -f1,2 "$SSHD/hostkey.pub")"
  echo "[$DTN_ADDR]:$SSH_PORT $(cut -d' ' -f1,2 "$SSHD/dtn_hostkey.pub")"; } > "$RUN/known_hosts.new"
write_if_changed "$SSHD/known_hosts" root:root 644 < "$RUN/known_hosts.new"; rm -f "$RUN/known_hosts.new"
HOSTKEY_SHA256=$(ssh-keygen -l -E sha256 -f "$SSHD/hostkey.pub" | awk '{print $2}')
DTN_HOSTKEY_SHA256=$(ssh-keygen -l -E sha256 -f "$SSHD/dtn_hostkey.pub" | awk '{print $2}')

[ -s /etc/munge/munge.key ] || { mungekey --create --keyfile=/etc/munge/munge.key; chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }

# our own binaries: Duo-shaped PAM module, delay proxy, watchdog
build() {  # build <source> <output> <gcc args...>
  local src=$HERE/$1 out=$2; shift 2
  if [ ! -x "$out" ] || [ "$src" -nt "$out" ]; then gcc -Wall -O2 -o "$out" "$src" "$@"; log "built $out"; fi
}
install -d -m 755 /opt/namdrunner-twin/lib
build pam_duo_standin.c /opt/namdrunner-twin/lib/pam_duo_standin.so -shared -fPIC -lpam
build delay-proxy.c "$BIN/delay-proxy"
build exit-stats.c "$BIN/exit-stats"
write_if_changed "$BIN/login-watchdog" root:root 755 < "$HERE/login-watchdog"

# ------------------------------------------------------------------ 5. latency path (netns + veth)
# The kernel here may lack sch_netem; then delay-proxy (inside the namespace) adds the delay instead.
LAT_OK=0 LAT_CREATED=0
# a namespace without our veth (another script removed it half-way) is made again from scratch
if grep -qw "$LAT_NS" <<<"$(ip netns list 2>/dev/null)" && ! grep -qF "$LAT_NS_ADDR/" <<<"$(ip -n "$LAT_NS" addr show 2>/dev/null)"; then
  ip netns del "$LAT_NS"; ip link del "${LAT_NS}0" 2>/dev/null || true
  log "network namespace $LAT_NS had lost its veth: made again"
fi
if ! grep -qw "$LAT_NS" <<<"$(ip netns list 2>/dev/null)"; then
  LAT_CREATED=1
  if ip netns add "$LAT_NS" 2>/dev/null; then
    ip link add "${LAT_NS}0" type veth peer name "${LAT_NS}1"
    ip link set "${LAT_NS}1" netns "$LAT_NS"
    ip addr add "$LAT_HOST_ADDR/30" dev "${LAT_NS}0"; ip link set "${LAT_NS}0" up
    ip -n "$LAT_NS" addr add "$LAT_NS_ADDR/30" dev "${LAT_NS}1"
    ip -n "$LAT_NS" link set "${LAT_NS}1" up; ip -n "$LAT_NS" link set lo up
    log "network namespace $LAT_NS: $LAT_HOST_ADDR (host) <-> $LAT_NS_ADDR (namespace)"
  else
    log "WARNING: cannot create a network namespace here - no latency path (latencyHost stays empty)"
  fi
fi
# (a here-string, not a pipe: with pipefail, grep -q closing early would fail the pipe)
grep -qF "$LAT_NS_ADDR/" <<<"$(ip -n "$LAT_NS" addr show 2>/dev/null)" && LAT_OK=1
LAT_METHOD=none
if [ $LAT_OK = 1 ]; then
  if tc qdisc replace dev "${LAT_NS}0" root netem delay "${LAT_DELAY_MS}ms" 2>/dev/null; then
    ip netns exec "$LAT_NS" tc qdisc replace dev "${LAT_NS}1" root netem delay "${LAT_DELAY_MS}ms"
    LAT_METHOD=netem
  else
    LAT_METHOD=delay-proxy
  fi
fi

# ------------------------------------------------------------------ 6. config files
write_if_changed /etc/slurm/slurm.conf root:root 644 <<EOF
# generated by namdrunner tests/cluster/start.sh - do not edit (the Alpine twin)
ClusterName=$CLUSTER
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=slurm
AuthType=auth/munge
# bind only to what the host name resolves to (127.0.0.1), never to all interfaces
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$STATE/ctld-$CLUSTER
SlurmdSpoolDir=$STATE/slurmd
SlurmctldPidFile=$RUN/slurm/slurmctld.pid
SlurmdPidFile=$RUN/slurm/slurmd.pid
SlurmctldLogFile=$LOG/slurmctld.log
SlurmdLogFile=$LOG/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# no cgroups in this VM/container: plain process tracking, no task confinement (so no OOM kills)
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
PrologFlags=Contain
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=5
# no cgroups: enforce --mem by polling RSS (a job over its limit ends FAILED, not OUT_OF_MEMORY)
JobAcctGatherParams=OverMemoryKill
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=6819
AccountingStorageTRES=gres/gpu
# without 'associations,limits,qos' sbatch would accept bogus accounts and QoS names
AccountingStorageEnforce=associations,limits,qos
AccountingStoreFlags=job_comment
JobCompType=jobcomp/none
# a job without --qos gets the partition's QoS, as Alpine's job_submit plugin does
JobSubmitPlugins=lua
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
GresTypes=gpu
# Alpine: 3.75 GB per core
DefMemPerCPU=3750
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2,bf_interval=2,batch_sched_delay=0
# reject at submission what no partition limit allows (as sbatch on a real cluster does)
EnforcePartLimits=ALL
# finished jobs stay in squeue (--states=all) for ~30-90 s (MinJobAge + the 60 s purge cycle)
MinJobAge=30
KillWait=5
UnkillableStepTimeout=300
OverTimeLimit=0
InactiveLimit=0
ReturnToService=2
SlurmdTimeout=300
# one small VM claims an Alpine acpu node's 64 cores, 240000 MB and 2 GPUs (scheduling only, no CUDA)
SlurmdParameters=config_overrides
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$NODE_CPUS Boards=1 SocketsPerBoard=2 CoresPerSocket=$((NODE_CPUS / 2)) ThreadsPerCore=1 RealMemory=$NODE_MEM Gres=gpu:$NODE_GPUS State=UNKNOWN
PartitionName=acpu Nodes=ALL Default=YES MaxTime=7-00:00:00 DefaultTime=1:00:00 AllowQos=${PART_QOS[acpu]} State=UP
PartitionName=atesting Nodes=ALL Default=NO MaxTime=1:00:00 DefaultTime=0:30:00 AllowQos=${PART_QOS[atesting]} State=UP
PartitionName=aa100 Nodes=ALL Default=NO MaxTime=7-00:00:00 DefaultTime=1:00:00 AllowQos=${PART_QOS[aa100]} State=UP
EOF
# slurmd reports no GPU without a device file (0 < 2: node INVAL), so each "GPU" is a character device
# with /dev/null's numbers: scheduling and CUDA_VISIBLE_DEVICES work, there is no CUDA behind them
install -d -m 755 /opt/namdrunner-twin/dev
for ((g = 0; g < NODE_GPUS; g++)); do
  [ -c "/opt/namdrunner-twin/dev/nvidia$g" ] || mknod -m 666 "/opt/namdrunner-twin/dev/nvidia$g" c 1 3
done
write_if_changed /etc/slurm/gres.conf root:root 644 <<EOF
# generated by namdrunner tests/cluster/start.sh - GPUs for scheduling only (stand-in device nodes, no CUDA)
NodeName=$NODE Name=gpu File=/opt/namdrunner-twin/dev/nvidia[0-$((NODE_GPUS - 1))]
EOF
write_if_changed /etc/slurm/job_submit.lua root:root 644 <<'EOF'
-- generated by namdrunner tests/cluster/start.sh: a job without --qos gets its partition's first QoS
local default_qos = { acpu = "cpu-normal", atesting = "testing", aa100 = "gpu-normal" }
function slurm_job_submit(job_desc, part_list, submit_uid)
  if job_desc.qos == nil then
    local part = job_desc.partition or "acpu"
    job_desc.qos = default_qos[part] or "cpu-normal"
  end
  return slurm.SUCCESS
end
function slurm_job_modify(job_desc, job_rec, part_list, modify_uid)
  return slurm.SUCCESS
end
EOF
write_if_changed /etc/slurm/slurmdbd.conf slurm:slurm 600 <<EOF
# generated by namdrunner tests/cluster/start.sh - do not edit
AuthType=auth/munge
DbdHost=localhost
DbdPort=6819
CommunicationParameters=NoInAddrAny
SlurmUser=slurm
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$DB_PORT
StorageUser=slurm
StoragePass=$DB_PASS
StorageLoc=slurm_acct_db
LogFile=$LOG/slurmdbd.log
PidFile=$RUN/slurm/slurmdbd.pid
DebugLevel=info
EOF
# The sshds run as $BIN/namdrunner-sshd and $BIN/namdrunner-dtn-sshd (symlinks to /usr/sbin/sshd):
# OpenSSH 9.2 uses its program name as PAM service, so /etc/pam.d/namdrunner-*sshd apply and the
# system's /etc/pam.d/sshd is untouched.
ln -sfn /usr/sbin/sshd "$BIN/namdrunner-sshd"
ln -sfn /usr/sbin/sshd "$BIN/namdrunner-dtn-sshd"
for svc in namdrunner-sshd namdrunner-dtn-sshd; do
write_if_changed "/etc/pam.d/$svc" root:root 644 <<EOF
# generated by namdrunner tests/cluster/start.sh - PAM stack of the twin's sshd ($svc)
# keyboard-interactive: "Password: " (pam_unix), then Duo's menu (tests/cluster/pam_duo_standin.c)
auth     required  pam_unix.so
auth     required  /opt/namdrunner-twin/lib/pam_duo_standin.so passcode=$DUO_PASSCODE push_seconds=$DUO_PUSH_SECONDS log=$LOG/duo.log
account  required  pam_unix.so
session  required  pam_unix.so
password required  pam_deny.so
EOF
done
write_if_changed "$SSHD/banner" root:root 644 <<'EOF'
===============================================================================
  University of Colorado Boulder Research Computing (NAMDRunner test twin)
  Use of this system is subject to CU's acceptable use policies.
  Log in with your password, then approve the Duo request.
===============================================================================
EOF
sshd_config() {  # sshd_config <role> <listen...>
  local role=$1 key=$SSHD/hostkey pid=$RUN/sshd/sshd.pid; shift
  [ "$role" = dtn ] && { key=$SSHD/dtn_hostkey; pid=$RUN/sshd/dtn-sshd.pid; }
  echo "# generated by namdrunner tests/cluster/start.sh ($role host)"
  for a in "$@"; do echo "ListenAddress $a:$SSH_PORT"; done
  cat <<EOF
HostKey $key
PidFile $pid
PermitRootLogin no
# a group, not AllowUsers: AllowUsers reads "ralphie@colostate.edu" as user ralphie from host colostate.edu
AllowGroups $USERS_GROUP
UsePAM yes
PubkeyAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication yes
PermitEmptyPasswords no
AuthenticationMethods publickey
LoginGraceTime 180
MaxSessions 30
MaxStartups 30:50:60
Banner $SSHD/banner
PrintMotd no
PrintLastLog no
SetEnv TZ=$CLUSTER_TZ NAMDRUNNER_TWIN_HOST=$role
Subsystem sftp /usr/lib/openssh/sftp-server
# the Duo user: password + Duo menu, or (for automated tests only; Alpine itself takes no keys) the test key
Match User $DUO_USER
    AuthenticationMethods keyboard-interactive publickey
EOF
}
listen_login=(127.0.0.1); [ $LAT_OK = 1 ] && listen_login+=("$LAT_HOST_ADDR")
# (process substitution, not a pipe: write_if_changed must run in this shell to record the change)
write_if_changed "$SSHD/sshd_config" root:root 600 < <(sshd_config login "${listen_login[@]}")
write_if_changed "$SSHD/dtn_sshd_config" root:root 600 < <(sshd_config dtn "$DTN_ADDR")
install -d -m 755 "$RUN/sshd"
[ ${#changed_files[@]} -gt 0 ] && log "config written: ${changed_files[*]}"

# restart daemons of ours whose config changed
stop_pid() {  # stop_pid <name> <comm>
  local pf=$RUN/$1.pid pid
  alive "$pf" "$2" || return 0
  pid=$(cat "$pf"); log "config changed: restarting $1 (pid $pid)"; kill "$pid"
  wait_for 30 "$1 to exit" bash -c "[ ! -d /proc/$pid ] || grep -q '^State:.*Z' /proc/$pid/status"
  rm -f "$pf"
}
if was_changed /etc/slurm/slurm.conf || was_changed /etc/slurm/gres.conf || was_changed /etc/slurm/job_submit.lua; then
  stop_pid slurmd slurmd; stop_pid slurmctld slurmctld
fi
was_changed /etc/slurm/slurmdbd.conf && stop_pid slurmdbd slurmdbd
was_changed "$SSHD/sshd_config" && stop_pid sshd namdrunner-sshd
was_changed "$SSHD/dtn_sshd_config" && stop_pid dtn-sshd namdrunner-dtn-
was_changed "$BIN/login-watchdog" && stop_pid watchdog login-watchdog
log "configuration checked"

# ------------------------------------------------------------------ 7. daemons (in the cluster's zone)
export TZ=$CLUSTER_TZ
# munged (unix socket only). A munged we did not start but that works is used and not recorded.
if alive "$RUN/munged.pid" munged; then :
elif munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then log "munged already running (not ours) - using it"
else
  runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid --log-file=/var/log/munge/munged.log
  wait_for 10 "munged pid file" test -s /run/munge/munged.pid
  cp /run/munge/munged.pid "$RUN/munged.pid"; log "munged started pid $(cat "$RUN/munged.pid")"
fi
wait_for 10 munge bash -c 'munge -n | unmunge'

# MariaDB: private datadir under $BASE, TCP 127.0.0.1:$DB_PORT + private socket, ignores /etc/mysql
SOCK=$RUN/mysqld/mysqld.sock
if ! alive "$RUN/mariadbd.pid" mariadbd; then
  if [ ! -d "$DBDIR/mysql" ]; then
    log "initialising MariaDB datadir $DBDIR"
    mariadb-install-db --no-defaults --user=mysql --datadir="$DBDIR" --auth-root-authentication-method=socket \
      --skip-test-db >"$LOG/mariadb-install.log" 2>&1
  fi
  touch "$LOG/mariadb.err"; chown mysql:mysql "$LOG/mariadb.err"
  nohup /usr/sbin/mariadbd --no-defaults --user=mysql --datadir="$DBDIR" --socket="$SOCK" \
      --pid-file="$RUN/mysqld/mysqld.pid" --bind-address=127.0.0.1 --port="$DB_PORT" \
      --innodb-buffer-pool-size=64M --innodb-lock-wait-timeout=900 --log-error="$LOG/mariadb.err" \
      >/dev/null 2>&1 < /dev/null &
  echo $! > "$RUN/mariadbd.pid"; log "mariadbd started pid $!"
fi
wait_for 60 mariadb mariadb-admin --no-defaults --socket="$SOCK" -uroot ping
mariadb --no-defaults --socket="$SOCK" -uroot <<EOF
CREATE DATABASE IF NOT EXISTS slurm_acct_db;
CREATE USER IF NOT EXISTS 'slurm'@'127.0.0.1' IDENTIFIED BY '$DB_PASS';
CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY '$DB_PASS';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';
EOF

# Slurm daemons fork; their pid file appears a moment after the parent exits.
start_slurm_daemon() {
  if alive "$RUN/slurm/$1.pid" "$1"; then  # running with our pid file path, but not recorded: adopt it
    cp "$RUN/slurm/$1.pid" "$RUN/$1.pid"; log "$1 already running pid $(cat "$RUN/$1.pid")"; return
  fi
  rm -f "$RUN/slurm/$1.pid"
  "/usr/sbin/$1" 2>>"$LOG/$1.stderr"
  wait_for 20 "$1 pid file" alive "$RUN/slurm/$1.pid" "$1"
  cp "$RUN/slurm/$1.pid" "$RUN/$1.pid"; log "$1 started pid $(cat "$RUN/$1.pid")"
}
alive "$RUN/slurmdbd.pid" slurmdbd || start_slurm_daemon slurmdbd
wait_for 60 "slurmdbd port 6819" port_listening 6819
wait_for 60 "sacctmgr" sacctmgr -n list cluster

# accounting: cluster, QoS with MaxWall, account, users (each step only when missing or different)
sa() { sacctmgr -i "$@" >/dev/null; }
sacctmgr -n -P list cluster format=cluster | grep -qx "$CLUSTER" || sa add cluster "$CLUSTER"
qos_now=$(sacctmgr -n -P list qos format=name,maxwall,flags)
for q in "${QOS_LIST[@]}"; do
  grep -q "^$q|" <<<"$qos_now" || sa add qos "$q"
  # DenyOnLimit: a walltime over the QoS limit is refused by sbatch instead of pending forever
  grep -qx "$q|${QOS_MAXWALL[$q]}|DenyOnLimit" <<<"$qos_now" || sa modify qos where name="$q" set MaxWall="${QOS_MAXWALL[$q]}" Flags=DenyOnLimit
done
qos_csv=$(IFS=,; echo "${QOS_LIST[*]}")
sacctmgr -n -P list account format=account | grep -qx "$ACCOUNT" || \
  sa add account "$ACCOUNT" Description="CU Boulder general" Organization=ucb Cluster="$CLUSTER"
for u in "$TEST_USER" "$DUO_USER"; do
  line=$(sacctmgr -n -P list assoc cluster="$CLUSTER" account="$ACCOUNT" user="$u" format=user,qos,defaultqos)
  if [ -z "$line" ]; then
    sa add user "$u" Account="$ACCOUNT" DefaultAccount="$ACCOUNT" Cluster="$CLUSTER"
    line=$(sacctmgr -n -P list assoc cluster="$CLUSTER" account="$ACCOUNT" user="$u" format=user,qos,defaultqos)
  fi
  [ "$line" = "$u|$(tr , '\n' <<<"$qos_csv" | sort | paste -sd,)|${QOS_LIST[0]}" ] || \
    sa modify user where name="$u" cluster="$CLUSTER" account="$ACCOUNT" set QOS="$qos_csv" DefaultQOS="${QOS_LIST[0]}"
done

alive "$RUN/slurmctld.pid" slurmctld || start_slurm_daemon slurmctld
wait_for 30 "slurmctld" scontrol ping
alive "$RUN/slurmd.pid" slurmd || start_slurm_daemon slurmd
node_ready() { case "$(sinfo -h -n "$NODE" -o %T | head -1)" in idle|mixed|allocated|completing) return 0;; esac
               scontrol update nodename="$NODE" state=resume >/dev/null 2>&1; return 1; }
wait_for 60 "node $NODE ready" node_ready

start_sshd() {  # start_sshd <name> <program> <config> <pidfile-in-run/sshd> <log>
  local name=$1 prog=$2 conf=$3 pf=$RUN/sshd/$4 comm
  comm=$(basename "$prog" | cut -c1-15)
  alive "$RUN/$name.pid" "$comm" && return 0
  "$prog" -t -f "$conf"
  rm -f "$pf"
  "$prog" -f "$conf" -E "$5"
  wait_for 10 "$name pid file" test -s "$pf"
  cp "$pf" "$RUN/$name.pid"; log "$name started pid $(cat "$RUN/$name.pid")"
}
# an sshd started while the veth was missing did not bind its address: start it again (sessions stay)
if [ $LAT_OK = 1 ] && alive "$RUN/sshd.pid" namdrunner-sshd && ! addr_listening "$LAT_HOST_ADDR:$SSH_PORT"; then
  stop_pid sshd namdrunner-sshd
fi
start_sshd sshd "$BIN/namdrunner-sshd" "$SSHD/sshd_config" sshd.pid "$LOG/sshd.log"
start_sshd dtn-sshd "$BIN/namdrunner-dtn-sshd" "$SSHD/dtn_sshd_config" dtn-sshd.pid "$LOG/dtn-sshd.log"
wait_for 10 "sshd on 127.0.0.1:$SSH_PORT" addr_listening "127.0.0.1:$SSH_PORT"
wait_for 10 "transfer sshd on $DTN_ADDR:$SSH_PORT" addr_listening "$DTN_ADDR:$SSH_PORT"

# the Arbiter2 stand-in watches the login sshd's process tree
if ! alive "$RUN/watchdog.pid" login-watchdog; then
  nohup "$BIN/login-watchdog" "$RUN/sshd.pid" "$LOG/watchdog.log" "$WATCH_CPU_S" "$WATCH_IO_MB" "$WATCH_INTERVAL_MS" "$BIN/exit-stats" \
    >>"$LOG/watchdog.stderr" 2>&1 < /dev/null &
  echo $! > "$RUN/watchdog.pid"; log "login-watchdog started pid $!"
fi

LAT_HOST="" LAT_PORT=""
if [ "$LAT_METHOD" = delay-proxy ]; then
  # a delay-proxy left in a namespace that was removed and made again listens nowhere useful: restart it
  if alive "$RUN/delay-proxy.pid" delay-proxy && [ "$(ip netns identify "$(cat "$RUN/delay-proxy.pid")" 2>/dev/null)" != "$LAT_NS" ]; then
    stop_pid delay-proxy delay-proxy
  fi
  if ! alive "$RUN/delay-proxy.pid" delay-proxy; then
    ip netns exec "$LAT_NS" "$BIN/delay-proxy" "$LAT_NS_ADDR" "$SSH_PORT" "$LAT_HOST_ADDR" "$SSH_PORT" "$LAT_DELAY_MS" "$RUN/delay-proxy.pid"
    wait_for 10 "delay-proxy pid file" alive "$RUN/delay-proxy.pid" delay-proxy
    log "delay-proxy started pid $(cat "$RUN/delay-proxy.pid") in netns $LAT_NS ($LAT_DELAY_MS ms each way)"
  fi
fi
[ "$LAT_METHOD" != none ] && { LAT_HOST=$LAT_NS_ADDR; LAT_PORT=$SSH_PORT; }
assert_loopback_only
log "daemons up"

# ------------------------------------------------------------------ 8. what the tests read
write_if_changed "$PROPS" root:root 644 <<EOF
# NAMDRunner's Alpine twin - written by tests/cluster/start.sh; read by the tests (tests/cluster/README.md)
host=127.0.0.1
port=$SSH_PORT
transferHost=$DTN_ADDR
transferPort=$SSH_PORT
latencyHost=$LAT_HOST
latencyPort=$LAT_PORT
latencyMethod=$LAT_METHOD
latencyOneWayMs=$LAT_DELAY_MS
user=$TEST_USER
key=$SSHD/client_key
keyWithPassphrase=$SSHD/client_key_passphrase
keyPassphrase=$KEY_PASSPHRASE
knownHosts=$SSHD/known_hosts
hostKeySha256=$HOSTKEY_SHA256
transferHostKeySha256=$DTN_HOSTKEY_SHA256
duoUser=$DUO_USER
duoPassword=$DUO_PASSWORD
duoPasscode=$DUO_PASSCODE
duoPushSeconds=$DUO_PUSH_SECONDS
duoLog=$LOG/duo.log
atUser=$DUO_USER
projectsRoot=/projects/$TEST_USER
scratchRoot=/scratch/alpine/$TEST_USER
duoProjectsRoot=/projects/$DUO_USER
duoScratchRoot=/scratch/alpine/$DUO_USER
watchdogLog=$LOG/watchdog.log
watchdogCpuSeconds=$WATCH_CPU_S
watchdogIoMb=$WATCH_IO_MB
slurmBin=$SLURM_BIN
clusterTimeZone=$CLUSTER_TZ
partitions=$(IFS=,; echo "${PARTITIONS[*]}")
defaultPartition=${PARTITIONS[0]}
gpuPartition=aa100
gpusPerNode=$NODE_GPUS
qos=$qos_csv
defaultQos=${QOS_LIST[0]}
account=$ACCOUNT
clusterName=$CLUSTER
node=$NODE
cpus=$NODE_CPUS
realMemoryMb=$NODE_MEM
minJobAgeSeconds=30
slurmVersion=$SLURM_VERSION
EOF
write_if_changed "$BASE/cluster-limits.properties" root:root 644 < <(
  for p in "${PARTITIONS[@]}"; do echo "partitionQos.$p=${PART_QOS[$p]}"; done
  for q in "${QOS_LIST[@]}"; do echo "qosMaxWall.$q=${QOS_MAXWALL[$q]}"; done)

# ------------------------------------------------------------------ 9. self-test
SSH_OPTS=(-p "$SSH_PORT" -o UserKnownHostsFile="$SSHD/known_hosts" -o StrictHostKeyChecking=yes -o LogLevel=ERROR)
SSH=(ssh "${SSH_OPTS[@]}" -i "$SSHD/client_key" -o BatchMode=yes -o IdentitiesOnly=yes "$TEST_USER@127.0.0.1")
PREFIX='source /etc/profile && module load slurm/alpine'
if [ "$SELFTEST" = 1 ]; then
  # 1) logins: key, key with passphrase, Duo (password + passcode) - answers come from askpass.sh
  [ "$("${SSH[@]}" 'echo key-ok' 2>/dev/null)" = key-ok ] || die "selftest: key login as $TEST_USER failed"
  out=$(SSH_ASKPASS="$HERE/askpass.sh" SSH_ASKPASS_REQUIRE=force NR_KEY_PASSPHRASE="$KEY_PASSPHRASE" \
        ssh "${SSH_OPTS[@]}" -i "$SSHD/client_key_passphrase" -o IdentitiesOnly=yes -o PreferredAuthentications=publickey \
        "$TEST_USER@127.0.0.1" 'echo pass-ok' </dev/null 2>/dev/null) || true
  [ "$out" = pass-ok ] || die "selftest: login with the passphrase key failed"
  out=$(SSH_ASKPASS="$HERE/askpass.sh" SSH_ASKPASS_REQUIRE=force NR_PASSWORD="$DUO_PASSWORD" NR_DUO="$DUO_PASSCODE" \
        ssh "${SSH_OPTS[@]}" -o PreferredAuthentications=keyboard-interactive -o PubkeyAuthentication=no \
        "$DUO_USER@127.0.0.1" "$PREFIX && squeue -h -u \"\$USER\" >/dev/null && sacct -n -X >/dev/null && echo duo-ok" </dev/null 2>/dev/null) || true
  [ "$out" = duo-ok ] || die "selftest: keyboard-interactive login (password + Duo passcode) as $DUO_USER failed"
  if ssh "${SSH_OPTS[@]}" -o BatchMode=yes -o PreferredAuthentications=keyboard-interactive,password \
       -o PubkeyAuthentication=no "$TEST_USER@127.0.0.1" true </dev/null 2>/dev/null; then
    die "selftest: $TEST_USER logged in without a key"
  fi
  # 2) the Alpine shape: no SLURM without the module, Denver time, the transfer host has no SLURM module
  [ "$("${SSH[@]}" 'command -v squeue || echo none' 2>/dev/null)" = none ] || die "selftest: squeue is on the PATH without the module"
  [ "$("${SSH[@]}" "$PREFIX && command -v sbatch" 2>/dev/null)" = "$SLURM_BIN/sbatch" ] || die "selftest: module load slurm/alpine does not bring sbatch"
  [ "$("${SSH[@]}" 'date +%Z' 2>/dev/null)" = "$(TZ=$CLUSTER_TZ date +%Z)" ] || die "selftest: login shells are not in $CLUSTER_TZ"
  DTN_SSH=(ssh "${SSH_OPTS[@]}" -o UserKnownHostsFile="$SSHD/known_hosts" -i "$SSHD/client_key" -o BatchMode=yes -o IdentitiesOnly=yes "$TEST_USER@$DTN_ADDR")
  [ "$("${DTN_SSH[@]}" "ls -d /projects/$TEST_USER" 2>/dev/null)" = "/projects/$TEST_USER" ] || die "selftest: transfer host login failed"
  "${DTN_SSH[@]}" "$PREFIX" >/dev/null 2>&1 && die "selftest: the transfer host loads slurm/alpine"
  if [ -n "$LAT_HOST" ]; then
    [ "$(ssh "${SSH_OPTS[@]}" -i "$SSHD/client_key" -o BatchMode=yes -o IdentitiesOnly=yes "$TEST_USER@$LAT_HOST" 'echo lat-ok' 2>/dev/null)" = lat-ok ] \
      || die "selftest: login through the latency path $LAT_HOST failed"
  fi
  log "selftest: logins ok (key, key+passphrase, $DUO_USER password+Duo, transfer host, latency path; testuser refused without key; SLURM only via the module)"

  # 3) a NAMD job the way the built-in Alpine profile submits it: module lines, mpirun -np 2 namd3, sacct COMPLETED
  d="/scratch/alpine/$TEST_USER/selftest"
  "${SSH[@]}" "rm -rf '$d' && mkdir -p '$d' && cd '$d' && cat > tiny.pdb && printf '%s\n' \
    'PSF' '' '       1 !NTITLE' ' REMARKS selftest' '' '       3 !NATOM' \
    '       1 W    1    TIP3 OH2  OT    -0.834000       15.9994           0' \
    '       2 W    1    TIP3 H1   HT     0.417000        1.0080           0' \
    '       3 W    1    TIP3 H2   HT     0.417000        1.0080           0' > tiny.psf && printf '%s\n' \
    'structure tiny.psf' 'coordinates tiny.pdb' 'outputName tiny_out' 'timestep 2' 'outputEnergies 10' \
    'restartfreq 50' 'dcdfreq 50' 'temperature 300' 'run 100' > tiny.namd && printf '%s\n' '#!/bin/bash' \
    '#SBATCH --job-name=selftest' '#SBATCH --partition=acpu' '#SBATCH --qos=cpu-normal' '#SBATCH --account=$ACCOUNT' \
    '#SBATCH --ntasks=2' '#SBATCH --time=00:05:00' '#SBATCH --mem=200M' \
    '#SBATCH --output=selftest_%j.out' '#SBATCH --error=selftest_%j.err' \
    'module purge' 'module load gcc/14.2.0 openmpi/5.0.6 namd/3.0.1_cpu' \
    'mpirun -np \$SLURM_NTASKS namd3 tiny.namd > namd_output.log' > job.sbatch" 2>/dev/null <<'EOF'
ATOM      1  OH2 TIP3W   1       0.000   0.000   0.000  1.00  0.00      W    O
ATOM      2  H1  TIP3W   1       0.957   0.000   0.000  1.00  0.00      W    H
ATOM      3  H2  TIP3W   1      -0.240   0.927   0.000  1.00  0.00      W    H
END
EOF
  jid=$("${SSH[@]}" "$PREFIX && cd '$d' && sbatch --parsable job.sbatch" 2>/dev/null)
  job_done() { state=$(sacct -j "$jid" -X -n -P -o State); case "$state" in COMPLETED|FAILED*|CANCELLED*|TIMEOUT|OUT_OF_MEMORY|NODE_FAIL) return 0;; esac; return 1; }
  wait_for 90 "selftest job $jid to finish" job_done
  [ "$state" = COMPLETED ] || { cat "$d"/selftest_"$jid".* "$d/namd_output.log" >&2 || true; die "selftest job $jid ended $state"; }
  grep -q 'End of program' "$d/namd_output.log" || { cat "$d/namd_output.log" "$d"/selftest_"$jid".err >&2; die "selftest: no 'End of program' in namd_output.log"; }
  for f in tiny_out.coor tiny_out.vel tiny_out.xsc tiny_out.dcd tiny_out.restart.coor; do
    [ -s "$d/$f" ] || die "selftest: $f missing"
  done
  # 4) wrong requests are refused at submission
  out=$("${SSH[@]}" "$PREFIX && cd '$d' && sbatch --parsable -p atesting --qos=cpu-normal --time=5 --wrap=true" 2>&1) && die "selftest: atesting accepted QoS cpu-normal"
  out=$("${SSH[@]}" "$PREFIX && cd '$d' && sbatch --parsable -p acpu --qos=cpu-normal --time=2-00:00:00 --wrap=true" 2>&1) && die "selftest: cpu-normal accepted 2 days"
  "${SSH[@]}" "$PREFIX && sbatch --test-only -p aa100 --qos=gpu-testing --gres=gpu:$NODE_GPUS --time=10 --wrap=true" >/dev/null 2>&1 \
    || die "selftest: aa100 does not take a job asking for $NODE_GPUS GPUs"
  "${SSH[@]}" "$PREFIX && sbatch --test-only -p aa100 --qos=gpu-testing --gres=gpu:$((NODE_GPUS + 1)) --time=10 --wrap=true" >/dev/null 2>&1 \
    && die "selftest: aa100 accepted more GPUs than the node has"
  log "selftest: job $jid (module lines + mpirun -np 2 namd3 via sbatch over ssh) COMPLETED; wrong QoS, too long walltime and too many GPUs refused"
  rm -rf "$d"
fi

cat <<EOF

== NAMDRunner Alpine twin up in $(elapsed) s - SLURM $SLURM_VERSION, cluster=$CLUSTER node=$NODE ($NODE_CPUS CPUs, $NODE_MEM MB, $NODE_GPUS GPUs claimed)
   partitions: ${PARTITIONS[*]} (default ${PARTITIONS[0]})  qos: ${QOS_LIST[*]}  account: $ACCOUNT
   ssh:        ${SSH[*]}
   SLURM:      $PREFIX   (commands in $SLURM_BIN)
   duo user:   $DUO_USER / $DUO_PASSWORD, then 1 (push, ${DUO_PUSH_SECONDS}s) or passcode $DUO_PASSCODE
   transfer:   $DTN_ADDR:$SSH_PORT   latency: ${LAT_HOST:-none}:${LAT_PORT} ($LAT_METHOD, $LAT_DELAY_MS ms each way)
   host key:   $HOSTKEY_SHA256   known_hosts: $SSHD/known_hosts
   watchdog:   $LOG/watchdog.log   properties: $PROPS
   logs:       $LOG   pids: $RUN   stop: $HERE/stop.sh
EOF
