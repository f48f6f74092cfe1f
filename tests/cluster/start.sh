#!/usr/bin/env bash
# tests/cluster/start.sh - NAMDRunner's local test cluster: real SLURM 22.05 (slurmctld, slurmd,
# slurmdbd + MariaDB for sacct) and OpenSSH on loopback, on Debian 12 as root, without systemd.
#
#   sshd        127.0.0.1:2222   users testuser (public key) and mfauser (password + TOTP code)
#   slurmctld   127.0.0.1:6817   slurmd 127.0.0.1:6818   slurmdbd 127.0.0.1:6819
#   mariadbd    127.0.0.1:3307 + private unix socket     munged: unix socket only
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
CLUSTER=namdrunner
ACCOUNT=testacct
PARTITIONS=(debug long)          # first one is the default partition
QOS_LIST=(normal high)           # first one is every user's default QoS
TEST_USER=testuser
MFA_USER=mfauser
MFA_PASSWORD='mfa-test-password'
MFA_TOTP_SECRET='NAMDRUNNERTESTTOTPSECRETMFA23456'   # base32, 20 bytes; RFC 6238 SHA1/30 s/6 digits
KEY_PASSPHRASE='testpass-phrase'
DB_PASS=slurmdbpass              # loopback-only throwaway database
PKGS=(munge slurmctld slurmd slurm-client slurmdbd mariadb-server openssh-server openssh-client
      libpam-google-authenticator openmpi-bin)

RUN=$BASE/run LOG=$BASE/log STATE=$BASE/state SSHD=$BASE/ssh DBDIR=$BASE/mysql BIN=$BASE/bin
PROPS=$BASE/cluster.properties
T0=$(date +%s.%N)
log()  { printf '[%(%T)T +%5ss] %s\n' -1 "$(elapsed)" "$*"; }
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
assert_loopback_only() {
  local bad
  bad=$(ss -Hltn | awk '{print $4}' | grep -E ":(6817|6818|6819|$SSH_PORT|$DB_PORT)$" | grep -vE '^(127\.|\[::1\]|::1)' || true)
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

# ------------------------------------------------------------------ 3. directories, users, keys
install -d -m 755 "$BASE" "$RUN" "$LOG" "$STATE" "$BIN"
install -d -m 700 "$SSHD"
install -d -m 755 -o slurm -g slurm "$STATE/ctld" "$STATE/slurmd" "$RUN/slurm"
install -d -m 755 -o munge -g munge /run/munge
install -d -m 755 /run/sshd
for f in slurmctld.log slurmdbd.log; do touch "$LOG/$f"; chown slurm:slurm "$LOG/$f"; done
touch "$LOG/slurmd.log" "$LOG/sshd.log"
install -d -m 750 -o mysql -g mysql "$DBDIR" "$RUN/mysqld"

for u in "$TEST_USER" "$MFA_USER"; do
  id "$u" >/dev/null 2>&1 || { useradd -m -s /bin/bash "$u"; log "created user $u"; }
  home=$(getent passwd "$u" | cut -d: -f6)
  install -d -m 755 -o "$u" -g "$u" "$home" "$home/projects" "$home/scratch"
  install -d -m 700 -o "$u" -g "$u" "$home/.ssh"
done
# testuser: key only. '*' = no password but not locked (a '!' lock would also block key logins
# when sshd checks the account itself).
[ "$(getent shadow "$TEST_USER" | cut -d: -f2)" = '*' ] || usermod -p '*' "$TEST_USER"
# mfauser: a real password for pam_unix; set again only when the hash is not the one we set
cur_hash=$(getent shadow "$MFA_USER" | cut -d: -f2)
if [[ "$cur_hash" != \$* ]] || [ "$cur_hash" != "$(cat "$RUN/mfauser.hash" 2>/dev/null)" ]; then
  echo "$MFA_USER:$MFA_PASSWORD" | chpasswd
  getent shadow "$MFA_USER" | cut -d: -f2 > "$RUN/mfauser.hash"; chmod 600 "$RUN/mfauser.hash"
fi
MFA_HOME=$(getent passwd "$MFA_USER" | cut -d: -f6)
TEST_HOME=$(getent passwd "$TEST_USER" | cut -d: -f6)
write_if_changed "$MFA_HOME/.google_authenticator" "$MFA_USER:$MFA_USER" 600 <<EOF
$MFA_TOTP_SECRET
" WINDOW_SIZE 3
" TOTP_AUTH
EOF

[ -f "$SSHD/hostkey" ]            || ssh-keygen -q -t ed25519 -N '' -f "$SSHD/hostkey" -C "namdrunner-test-host"
[ -f "$SSHD/client_key" ]         || ssh-keygen -q -t ed25519 -N '' -f "$SSHD/client_key" -C "$TEST_USER@namdrunner-test"
[ -f "$SSHD/client_key_passphrase" ] || ssh-keygen -q -t ed25519 -N "$KEY_PASSPHRASE" -f "$SSHD/client_key_passphrase" -C "$TEST_USER-passphrase@namdrunner-test"
chmod 600 "$SSHD/hostkey" "$SSHD/client_key" "$SSHD/client_key_passphrase"
cat "$SSHD/client_key.pub" "$SSHD/client_key_passphrase.pub" | write_if_changed "$TEST_HOME/.ssh/authorized_keys" "$TEST_USER:$TEST_USER" 600
echo "[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1,2 "$SSHD/hostkey.pub")" | write_if_changed "$SSHD/known_hosts" root:root 644
HOSTKEY_SHA256=$(ssh-keygen -l -E sha256 -f "$SSHD/hostkey.pub" | awk '{print $2}')

[ -s /etc/munge/munge.key ] || { mungekey --create --keyfile=/etc/munge/munge.key; chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key; }

# namd3 stand-in on every user's PATH
write_if_changed /usr/local/bin/namd3 root:root 755 < "$HERE/namd3-standin"
# OpenMPI (Debian 4.1.4) needs no settings: inside a SLURM allocation mpirun takes its slots from
# SLURM_TASKS_PER_NODE, so `mpirun -np $SLURM_NTASKS namd3 ...` runs as is (verified by the self-test).
# /etc/openmpi/openmpi-mca-params.conf is left as Debian ships it.

# ------------------------------------------------------------------ 4. config files
read -r CPUS MEM < <(slurmd -C | awk '{for(i=1;i<=NF;i++){split($i,a,"="); if(a[1]=="CPUs")c=a[2]; if(a[1]=="RealMemory")m=a[2]}} END{print c, m}')
MEM=$(( MEM * 9 / 10 ))
write_if_changed /etc/slurm/slurm.conf root:root 644 <<EOF
# generated by namdrunner tests/cluster/start.sh - do not edit
ClusterName=$CLUSTER
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=slurm
AuthType=auth/munge
# bind only to what the host name resolves to (127.0.0.1), never to all interfaces
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$STATE/ctld
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
# no cgroups: enforce --mem by polling RSS (a job over its limit is killed within ~5 s; it ends FAILED,
# not OUT_OF_MEMORY as under cgroups - see README)
JobAcctGatherParams=OverMemoryKill
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoragePort=6819
# without 'associations,limits,qos' sbatch would accept bogus accounts and QoS names
AccountingStorageEnforce=associations,limits,qos
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
# jobs without --mem get 500 MB per CPU (not the whole node, which would serialise all jobs)
DefMemPerCPU=500
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=2,bf_interval=2,batch_sched_delay=0
# reject at submission what no partition limit allows (as sbatch on a real cluster does)
EnforcePartLimits=ALL
# finished jobs stay in squeue (--states=all) for ~30-90 s (MinJobAge + the 60 s purge cycle),
# short enough that tests see the squeue -> sacct hand-over, long enough to see COMPLETED in squeue
MinJobAge=30
KillWait=5
# the tests stop slurmctld for ~20 s; a step that cannot report its end meanwhile must not count as
# unkillable (default 60 s), or slurmd drains the node with "Kill task failed" and no job runs any more
UnkillableStepTimeout=300
OverTimeLimit=0
InactiveLimit=0
ReturnToService=2
SlurmdTimeout=300
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=${PARTITIONS[0]} Nodes=ALL Default=YES MaxTime=1-00:00:00 DefaultTime=1:00:00 State=UP
PartitionName=${PARTITIONS[1]} Nodes=ALL Default=NO MaxTime=7-00:00:00 DefaultTime=1:00:00 State=UP
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
# sshd runs as $BIN/namdrunner-sshd (a symlink to /usr/sbin/sshd): OpenSSH 9.2 uses its program
# name as PAM service, so /etc/pam.d/namdrunner-sshd applies and the system's /etc/pam.d/sshd is untouched.
ln -sfn /usr/sbin/sshd "$BIN/namdrunner-sshd"
write_if_changed /etc/pam.d/namdrunner-sshd root:root 644 <<'EOF'
# generated by namdrunner tests/cluster/start.sh - PAM stack of the test sshd on 127.0.0.1:2222
# keyboard-interactive: "Password: " (pam_unix), then "Verification code: " (TOTP; stands in for Duo)
auth     required  pam_unix.so
auth     required  pam_google_authenticator.so
account  required  pam_unix.so
session  required  pam_unix.so
password required  pam_deny.so
EOF
write_if_changed "$SSHD/sshd_config" root:root 600 <<EOF
# generated by namdrunner tests/cluster/start.sh
ListenAddress 127.0.0.1
Port $SSH_PORT
HostKey $SSHD/hostkey
PidFile $RUN/sshd/sshd.pid
PermitRootLogin no
AllowUsers $TEST_USER $MFA_USER
UsePAM yes
PubkeyAuthentication yes
AuthorizedKeysFile .ssh/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication yes
PermitEmptyPasswords no
# everyone: public key only ...
AuthenticationMethods publickey
LoginGraceTime 180
MaxSessions 30
MaxStartups 30:50:60
PrintMotd no
PrintLastLog no
Subsystem sftp /usr/lib/openssh/sftp-server
# ... except the MFA user: keyboard-interactive only (password, then TOTP code)
Match User $MFA_USER
    AuthenticationMethods keyboard-interactive
    PubkeyAuthentication no
EOF
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
if was_changed /etc/slurm/slurm.conf; then stop_pid slurmd slurmd; stop_pid slurmctld slurmctld; fi
was_changed /etc/slurm/slurmdbd.conf && stop_pid slurmdbd slurmdbd
was_changed "$SSHD/sshd_config" && stop_pid sshd namdrunner-sshd
log "configuration checked"

# ------------------------------------------------------------------ 5. daemons
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

# accounting: cluster, QoS, account, users (each step only when missing)
sa() { sacctmgr -i "$@" >/dev/null; }
sacctmgr -n -P list cluster format=cluster | grep -qx "$CLUSTER" || sa add cluster "$CLUSTER"
qos_now=$(sacctmgr -n -P list qos format=name,maxwall)
grep -qx "normal|1-00:00:00" <<<"$qos_now" || sa modify qos where name=normal set MaxWall=1-00:00:00
grep -q "^high|" <<<"$qos_now" || sa add qos high Priority=100
grep -qx "high|7-00:00:00" <<<"$qos_now" || sa modify qos where name=high set MaxWall=7-00:00:00
qos_csv=$(IFS=,; echo "${QOS_LIST[*]}")
sacctmgr -n -P list account format=account | grep -qx "$ACCOUNT" || \
  sa add account "$ACCOUNT" Description="namdrunner tests" Organization=namdrunner Cluster="$CLUSTER"
for u in "$TEST_USER" "$MFA_USER"; do
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

if ! alive "$RUN/sshd.pid" namdrunner-sshd; then
  "$BIN/namdrunner-sshd" -t -f "$SSHD/sshd_config"
  rm -f "$RUN/sshd/sshd.pid"
  "$BIN/namdrunner-sshd" -f "$SSHD/sshd_config" -E "$LOG/sshd.log"
  wait_for 10 "sshd pid file" test -s "$RUN/sshd/sshd.pid"
  cp "$RUN/sshd/sshd.pid" "$RUN/sshd.pid"; log "sshd started pid $(cat "$RUN/sshd.pid")"
fi
wait_for 10 "sshd port $SSH_PORT" port_listening "$SSH_PORT"
assert_loopback_only
log "daemons up"

# ------------------------------------------------------------------ 6. what the tests read
write_if_changed "$PROPS" root:root 644 <<EOF
# NAMDRunner test cluster - written by tests/cluster/start.sh; read by the integration tests
host=127.0.0.1
port=$SSH_PORT
user=$TEST_USER
key=$SSHD/client_key
keyWithPassphrase=$SSHD/client_key_passphrase
keyPassphrase=$KEY_PASSPHRASE
knownHosts=$SSHD/known_hosts
hostKeySha256=$HOSTKEY_SHA256
mfaUser=$MFA_USER
mfaPassword=$MFA_PASSWORD
mfaTotpSecret=$MFA_TOTP_SECRET
projectsRoot=$TEST_HOME/projects
scratchRoot=$TEST_HOME/scratch
mfaProjectsRoot=$MFA_HOME/projects
mfaScratchRoot=$MFA_HOME/scratch
partitions=$(IFS=,; echo "${PARTITIONS[*]}")
defaultPartition=${PARTITIONS[0]}
qos=$qos_csv
defaultQos=${QOS_LIST[0]}
account=$ACCOUNT
clusterName=$CLUSTER
node=$NODE
cpus=$CPUS
realMemoryMb=$MEM
minJobAgeSeconds=30
slurmVersion=$SLURM_VERSION
EOF

# ------------------------------------------------------------------ 7. self-test
SSH_OPTS=(-p "$SSH_PORT" -o UserKnownHostsFile="$SSHD/known_hosts" -o StrictHostKeyChecking=yes -o LogLevel=ERROR)
SSH=(ssh "${SSH_OPTS[@]}" -i "$SSHD/client_key" -o BatchMode=yes -o IdentitiesOnly=yes "$TEST_USER@127.0.0.1")
if [ "$SELFTEST" = 1 ]; then
  # 1) logins: key, key with passphrase, MFA (password + TOTP) - answers come from askpass.sh
  [ "$("${SSH[@]}" 'echo key-ok')" = key-ok ] || die "selftest: key login as $TEST_USER failed"
  out=$(SSH_ASKPASS="$HERE/askpass.sh" SSH_ASKPASS_REQUIRE=force NR_KEY_PASSPHRASE="$KEY_PASSPHRASE" \
        ssh "${SSH_OPTS[@]}" -i "$SSHD/client_key_passphrase" -o IdentitiesOnly=yes -o PreferredAuthentications=publickey \
        "$TEST_USER@127.0.0.1" 'echo pass-ok' </dev/null) || true
  [ "$out" = pass-ok ] || die "selftest: login with the passphrase key failed"
  out=$(SSH_ASKPASS="$HERE/askpass.sh" SSH_ASKPASS_REQUIRE=force NR_PASSWORD="$MFA_PASSWORD" NR_TOTP_SECRET="$MFA_TOTP_SECRET" \
        ssh "${SSH_OPTS[@]}" -o PreferredAuthentications=keyboard-interactive -o PubkeyAuthentication=no \
        "$MFA_USER@127.0.0.1" 'squeue -h -u $USER >/dev/null && sacct -n -X >/dev/null && echo mfa-ok' </dev/null) || true
  [ "$out" = mfa-ok ] || die "selftest: keyboard-interactive login (password + TOTP) as $MFA_USER failed"
  if ssh "${SSH_OPTS[@]}" -o BatchMode=yes -o PreferredAuthentications=keyboard-interactive,password \
       -o PubkeyAuthentication=no "$TEST_USER@127.0.0.1" true </dev/null 2>/dev/null; then
    die "selftest: $TEST_USER logged in without a key"
  fi
  log "selftest: ssh logins ok (key, key+passphrase, mfauser password+TOTP; testuser refused without key)"

  # 2) a NAMD job the way NAMDRunner submits it: sbatch over ssh, mpirun -np 2 namd3, sacct COMPLETED
  d="$TEST_HOME/scratch/selftest"
  "${SSH[@]}" "rm -rf '$d' && mkdir -p '$d' && cd '$d' && cat > tiny.pdb && printf '%s\n' \
    'PSF' '' '       1 !NTITLE' ' REMARKS selftest' '' '       3 !NATOM' \
    '       1 W    1    TIP3 OH2  OT    -0.834000       15.9994           0' \
    '       2 W    1    TIP3 H1   HT     0.417000        1.0080           0' \
    '       3 W    1    TIP3 H2   HT     0.417000        1.0080           0' > tiny.psf && printf '%s\n' \
    'structure tiny.psf' 'coordinates tiny.pdb' 'outputName tiny_out' 'timestep 2' 'outputEnergies 10' \
    'restartfreq 50' 'dcdfreq 50' 'temperature 300' 'run 100' > tiny.namd && printf '%s\n' '#!/bin/bash' \
    '#SBATCH --job-name=selftest' '#SBATCH --ntasks=2' '#SBATCH --time=00:05:00' '#SBATCH --mem=200M' \
    '#SBATCH --output=selftest_%j.out' '#SBATCH --error=selftest_%j.err' \
    'mpirun -np \$SLURM_NTASKS namd3 tiny.namd > namd_output.log' > job.sbatch" <<'EOF'
ATOM      1  OH2 TIP3W   1       0.000   0.000   0.000  1.00  0.00      W    O
ATOM      2  H1  TIP3W   1       0.957   0.000   0.000  1.00  0.00      W    H
ATOM      3  H2  TIP3W   1      -0.240   0.927   0.000  1.00  0.00      W    H
END
EOF
  jid=$("${SSH[@]}" "cd '$d' && sbatch --parsable job.sbatch")
  job_done() { state=$(sacct -j "$jid" -X -n -P -o State); case "$state" in COMPLETED|FAILED*|CANCELLED*|TIMEOUT|OUT_OF_MEMORY|NODE_FAIL) return 0;; esac; return 1; }
  wait_for 90 "selftest job $jid to finish" job_done
  [ "$state" = COMPLETED ] || { cat "$d"/selftest_"$jid".* "$d/namd_output.log" >&2 || true; die "selftest job $jid ended $state"; }
  grep -q 'End of program' "$d/namd_output.log" || { cat "$d/namd_output.log" >&2; die "selftest: no 'End of program' in namd_output.log"; }
  for f in tiny_out.coor tiny_out.vel tiny_out.xsc tiny_out.dcd tiny_out.restart.coor; do
    [ -s "$d/$f" ] || die "selftest: $f missing"
  done
  log "selftest: job $jid (mpirun -np 2 namd3 via sbatch over ssh) COMPLETED in sacct, log ends with End of program"
  rm -rf "$d"
fi

cat <<EOF

== NAMDRunner test cluster up in $(elapsed) s - SLURM $SLURM_VERSION, cluster=$CLUSTER node=$NODE ($CPUS CPUs, $MEM MB)
   partitions: ${PARTITIONS[*]} (default ${PARTITIONS[0]})  qos: ${QOS_LIST[*]}  account: $ACCOUNT
   ssh:        ${SSH[*]}
   mfa user:   $MFA_USER / $MFA_PASSWORD + TOTP of $MFA_TOTP_SECRET (tests/cluster/totp.sh)
   host key:   $HOSTKEY_SHA256   known_hosts: $SSHD/known_hosts
   properties: $PROPS
   logs:       $LOG   pids: $RUN   stop: $HERE/stop.sh
EOF
