/*
 * exit-stats - prints one line for every task that exits on this machine, from the kernel's taskstats
 * (netlink, the same data `getdelays -l` shows):
 *
 *   <pid> <ppid> <uid> <cpu-microseconds> <read-chars> <written-chars> <comm>
 *
 * login-watchdog reads it to see processes that live shorter than its scan interval (a cp of 50 MB takes
 * ~30 ms): their CPU and I/O are only known when they end. Needs root (taskstats listeners must be).
 * Built by tests/cluster/start.sh: gcc -O2 -o exit-stats exit-stats.c
 */
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/taskstats.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NLA_DATA(na) ((void *) ((char *) (na) + NLA_HDRLEN))
#define GENLMSG_DATA(h) ((void *) ((char *) NLMSG_DATA(h) + GENL_HDRLEN))

struct msg { struct nlmsghdr n; struct genlmsghdr g; char buf[1024]; };

static int send_cmd(int sd, __u16 type, __u8 cmd, __u16 attr, const void *data, int len) {
    struct msg m; memset(&m, 0, sizeof m);
    m.n.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
    m.n.nlmsg_type = type; m.n.nlmsg_flags = NLM_F_REQUEST; m.n.nlmsg_pid = getpid();
    m.g.cmd = cmd; m.g.version = 1;
    struct nlattr *na = (struct nlattr *) GENLMSG_DATA(&m.n);
    na->nla_type = attr; na->nla_len = NLA_HDRLEN + len;
    memcpy(NLA_DATA(na), data, (size_t) len);
    m.n.nlmsg_len += NLMSG_ALIGN(na->nla_len);
    struct sockaddr_nl to = { .nl_family = AF_NETLINK };
    return sendto(sd, &m, m.n.nlmsg_len, 0, (struct sockaddr *) &to, sizeof to) < 0 ? -1 : 0;
}

static int family_id(int sd) {
    if (send_cmd(sd, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, CTRL_ATTR_FAMILY_NAME, TASKSTATS_GENL_NAME, sizeof TASKSTATS_GENL_NAME) < 0) return -1;
    struct msg r; ssize_t n = recv(sd, &r, sizeof r, 0);
    if (n < 0 || r.n.nlmsg_type == NLMSG_ERROR || !NLMSG_OK(&r.n, (unsigned) n)) return -1;
    struct nlattr *na = (struct nlattr *) GENLMSG_DATA(&r.n);
    na = (struct nlattr *) ((char *) na + NLA_ALIGN(na->nla_len));   /* skip the family name */
    return na->nla_type == CTRL_ATTR_FAMILY_ID ? *(__u16 *) NLA_DATA(na) : -1;
}

static void print_stats(const struct taskstats *t) {
    printf("%u %u %u %llu %llu %llu %.*s\n", t->ac_pid, t->ac_ppid, t->ac_uid,
           (unsigned long long) (t->ac_utime + t->ac_stime), (unsigned long long) t->read_char,
           (unsigned long long) t->write_char, TS_COMM_LEN, t->ac_comm);
    fflush(stdout);
}

int main(void) {
    int sd = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
    if (sd < 0) { perror("socket"); return 1; }
    int size = 4 << 20;
    setsockopt(sd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    struct sockaddr_nl me = { .nl_family = AF_NETLINK, .nl_pid = (__u32) getpid() };
    if (bind(sd, (struct sockaddr *) &me, sizeof me) < 0) { perror("bind"); return 1; }
    int id = family_id(sd);
    if (id < 0) { fprintf(stderr, "exit-stats: the kernel has no taskstats\n"); return 1; }
    char mask[32]; snprintf(mask, sizeof mask, "0-%ld", sysconf(_SC_NPROCESSORS_CONF) - 1);
    if (send_cmd(sd, (__u16) id, TASKSTATS_CMD_GET, TASKSTATS_CMD_ATTR_REGISTER_CPUMASK, mask, (int) strlen(mask) + 1) < 0) {
        perror("register"); return 1;
    }
    static char buf[1 << 16];
    for (;;) {
        ssize_t n = recv(sd, buf, sizeof buf, 0);
        if (n < 0) continue;   /* ENOBUFS when we fall behind: some exits are lost, go on */
        for (struct nlmsghdr *h = (struct nlmsghdr *) buf; NLMSG_OK(h, (unsigned) n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type == NLMSG_ERROR || h->nlmsg_type != id) continue;
            int len = (int) (h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN));
            struct nlattr *na = (struct nlattr *) GENLMSG_DATA(h);
            while (len > 0) {
                if (na->nla_type == TASKSTATS_TYPE_AGGR_PID) {
                    int inner = na->nla_len - NLA_HDRLEN;
                    struct nlattr *a = (struct nlattr *) NLA_DATA(na);
                    while (inner > 0) {
                        if (a->nla_type == TASKSTATS_TYPE_STATS) print_stats((struct taskstats *) NLA_DATA(a));
                        inner -= NLA_ALIGN(a->nla_len);
                        a = (struct nlattr *) ((char *) a + NLA_ALIGN(a->nla_len));
                    }
                }
                len -= NLA_ALIGN(na->nla_len);
                na = (struct nlattr *) ((char *) na + NLA_ALIGN(na->nla_len));
            }
        }
    }
}
