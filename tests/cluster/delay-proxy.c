/*
 * delay-proxy - a TCP forwarder that holds every chunk for a fixed time in each direction, so a client
 * sees a round trip of 2 x delay. It stands in for `tc qdisc ... netem delay` where the kernel has no
 * sch_netem (see tests/cluster/README.md). One process per connection; at most 4 MB queued per direction
 * (the reading side waits when the queue is full), so traffic stays bounded.
 *
 *   delay-proxy <listen-addr> <listen-port> <target-addr> <target-port> <one-way-delay-ms> [pidfile]
 *
 * Built by tests/cluster/start.sh: gcc -O2 -o delay-proxy delay-proxy.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_QUEUED (4 << 20)

struct chunk { struct chunk *next; long long due; size_t len, off; char data[]; };
struct dir { int from, to; struct chunk *head, *tail; size_t queued; int eof, shut; };

static long long now_ms(void) {
    struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long) t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int connect_to(const char *addr, int port) {
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t) port) };
    if (inet_pton(AF_INET, addr, &a.sin_addr) != 1) return -1;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return -1;
    if (connect(s, (struct sockaddr *) &a, sizeof a) < 0) { close(s); return -1; }
    return s;
}

/* moves data read from d->from into the queue; returns -1 on error */
static int pump_in(struct dir *d, long long delay) {
    char buf[65536];
    ssize_t n = read(d->from, buf, sizeof buf);
    if (n < 0) return errno == EINTR || errno == EAGAIN ? 0 : -1;
    if (n == 0) { d->eof = 1; return 0; }
    struct chunk *c = malloc(sizeof *c + (size_t) n);
    if (!c) return -1;
    c->next = NULL; c->due = now_ms() + delay; c->len = (size_t) n; c->off = 0;
    memcpy(c->data, buf, (size_t) n);
    if (d->tail) d->tail->next = c; else d->head = c;
    d->tail = c; d->queued += (size_t) n;
    return 0;
}

/* writes every chunk that is due; returns -1 on error */
static int pump_out(struct dir *d) {
    long long t = now_ms();
    while (d->head && d->head->due <= t) {
        struct chunk *c = d->head;
        ssize_t w = write(d->to, c->data + c->off, c->len - c->off);
        if (w < 0) return errno == EINTR || errno == EAGAIN ? 0 : -1;
        c->off += (size_t) w;
        if (c->off < c->len) return 0;
        d->head = c->next; if (!d->head) d->tail = NULL;
        d->queued -= c->len; free(c);
    }
    if (d->eof && !d->head && !d->shut) { shutdown(d->to, SHUT_WR); d->shut = 1; }
    return 0;
}

static void relay(int client, const char *taddr, int tport, long long delay) {
    int server = connect_to(taddr, tport);
    if (server < 0) { close(client); _exit(1); }
    int one = 1;
    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct dir d[2] = { { .from = client, .to = server }, { .from = server, .to = client } };
    for (;;) {
        if (d[0].shut && d[1].shut) break;
        struct pollfd p[4]; int np = 0, idx_in[2] = { -1, -1 };
        long long t = now_ms(), wait = -1;
        for (int i = 0; i < 2; i++) {
            if (!d[i].eof && d[i].queued < MAX_QUEUED) { p[np] = (struct pollfd) { d[i].from, POLLIN, 0 }; idx_in[i] = np++; }
            if (d[i].head) {
                if (d[i].head->due <= t) { p[np++] = (struct pollfd) { d[i].to, POLLOUT, 0 }; }
                else if (wait < 0 || d[i].head->due - t < wait) wait = d[i].head->due - t;
            }
        }
        if (np == 0 && wait < 0) wait = 10;
        if (poll(p, (nfds_t) np, (int) wait) < 0 && errno != EINTR) break;
        int bad = 0;
        for (int i = 0; i < 2; i++) {
            if (idx_in[i] >= 0 && (p[idx_in[i]].revents & (POLLIN | POLLHUP | POLLERR))) bad |= pump_in(&d[i], delay) < 0;
            if (pump_out(&d[i]) < 0) bad = 1;
        }
        if (bad) break;
    }
    _exit(0);
}

int main(int argc, char **argv) {
    if (argc < 6) { fprintf(stderr, "usage: %s listen-addr listen-port target-addr target-port delay-ms [pidfile]\n", argv[0]); return 2; }
    long long delay = atoll(argv[5]);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t) atoi(argv[2])) };
    if (inet_pton(AF_INET, argv[1], &a.sin_addr) != 1) { fprintf(stderr, "bad address %s\n", argv[1]); return 2; }
    int ls = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(ls, (struct sockaddr *) &a, sizeof a) < 0 || listen(ls, 64) < 0) { perror("bind/listen"); return 1; }
    signal(SIGCHLD, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);
    if (daemon(0, 0) < 0) { perror("daemon"); return 1; }
    if (argc > 6) { FILE *f = fopen(argv[6], "w"); if (f) { fprintf(f, "%d\n", getpid()); fclose(f); } }
    for (;;) {
        int c = accept(ls, NULL, NULL);
        if (c < 0) continue;
        pid_t pid = fork();
        if (pid == 0) { close(ls); relay(c, argv[3], atoi(argv[4]), delay); }
        close(c);
    }
}
