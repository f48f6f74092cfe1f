/*
 * pam_duo_standin.so - a PAM auth module that holds the conversation Duo's pam_duo holds over SSH
 * keyboard-interactive, without Duo: after pam_unix has asked for the password, it asks
 *
 *   Duo two-factor login for <user>
 *
 *   Enter a passcode or select one of the following options:
 *
 *    1. Duo Push to XXX-XXX-1234
 *    2. Phone call to XXX-XXX-1234
 *    3. SMS passcodes to XXX-XXX-1234
 *
 *   Passcode or option (1-3):
 *
 * "1" (push) and "2" (phone call) are approved after push_seconds (the person taps Approve), the
 * configured passcode is accepted at once, "3" sends "New SMS passcodes sent." and asks again, anything
 * else is refused with Duo's words. Every answer is logged to log=<file> (without the passcode itself).
 *
 * Module arguments: passcode=<digits> push_seconds=<n> log=<file> prompts=<n> (Duo's "prompts", default 1)
 * Built by tests/cluster/start.sh: gcc -shared -fPIC -o pam_duo_standin.so pam_duo_standin.c -lpam
 */
#define _GNU_SOURCE
#include <security/pam_modules.h>
#include <security/pam_ext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct opts { const char *passcode; int push_seconds; const char *log; int prompts; };

static void parse(int argc, const char **argv, struct opts *o) {
    o->passcode = ""; o->push_seconds = 3; o->log = NULL; o->prompts = 1;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], "passcode=", 9) == 0) o->passcode = argv[i] + 9;
        else if (strncmp(argv[i], "push_seconds=", 13) == 0) o->push_seconds = atoi(argv[i] + 13);
        else if (strncmp(argv[i], "log=", 4) == 0) o->log = argv[i] + 4;
        else if (strncmp(argv[i], "prompts=", 8) == 0) o->prompts = atoi(argv[i] + 8);
    }
    if (o->prompts < 1) o->prompts = 1;
}

static void note(const struct opts *o, const char *user, const char *what) {
    if (!o->log) return;
    FILE *f = fopen(o->log, "a");
    if (!f) return;
    char ts[32]; time_t t = time(NULL); struct tm tm; localtime_r(&t, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S%z", &tm);
    fprintf(f, "%s user=%s %s\n", ts, user, what);
    fclose(f);
}

static int converse(pam_handle_t *pamh, int style, const char *text, char **answer) {
    const struct pam_conv *conv;
    if (pam_get_item(pamh, PAM_CONV, (const void **) &conv) != PAM_SUCCESS || !conv || !conv->conv) return PAM_CONV_ERR;
    struct pam_message m = { .msg_style = style, .msg = text };
    const struct pam_message *mp = &m;
    struct pam_response *r = NULL;
    int rc = conv->conv(1, &mp, &r, conv->appdata_ptr);
    if (rc != PAM_SUCCESS) { if (r) { free(r->resp); free(r); } return rc; }
    if (answer) *answer = r ? r->resp : NULL; else if (r) free(r->resp);
    free(r);
    return PAM_SUCCESS;
}

PAM_EXTERN int pam_sm_authenticate(pam_handle_t *pamh, int flags, int argc, const char **argv) {
    (void) flags;
    struct opts o; parse(argc, argv, &o);
    const char *user = NULL;
    if (pam_get_user(pamh, &user, NULL) != PAM_SUCCESS || !user) return PAM_USER_UNKNOWN;
    char *prompt = NULL;
    if (asprintf(&prompt, "Duo two-factor login for %s\n\nEnter a passcode or select one of the following options:\n\n"
                 " 1. Duo Push to XXX-XXX-1234\n 2. Phone call to XXX-XXX-1234\n 3. SMS passcodes to XXX-XXX-1234\n\n"
                 "Passcode or option (1-3): ", user) < 0) return PAM_BUF_ERR;
    int result = PAM_AUTH_ERR, sms = 0;
    for (int attempt = 0; attempt < o.prompts; attempt++) {
        char *ans = NULL;
        if (converse(pamh, PAM_PROMPT_ECHO_ON, prompt, &ans) != PAM_SUCCESS) { result = PAM_CONV_ERR; note(&o, user, "conversation failed"); break; }
        const char *a = ans ? ans : "";
        if (strcmp(a, "1") == 0 || strcmp(a, "2") == 0) {
            note(&o, user, a[0] == '1' ? "push sent" : "phone call");
            sleep((unsigned) o.push_seconds);
            note(&o, user, "approved");
            result = PAM_SUCCESS;
        } else if (strcmp(a, "3") == 0) {
            note(&o, user, "sms passcodes sent");
            converse(pamh, PAM_TEXT_INFO, "New SMS passcodes sent.", NULL);
            if (++sms <= 3) attempt--;  /* Duo asks again without counting this as a try */
            if (ans) { memset(ans, 0, strlen(ans)); free(ans); }
            continue;
        } else if (o.passcode[0] && strcmp(a, o.passcode) == 0) {
            note(&o, user, "passcode accepted");
            result = PAM_SUCCESS;
        } else if (strlen(a) > 1 && strspn(a, "0123456789") == strlen(a)) {
            note(&o, user, "invalid passcode");
            converse(pamh, PAM_ERROR_MSG, "Invalid passcode, please try again.", NULL);
        } else {
            note(&o, user, "invalid option");
            converse(pamh, PAM_ERROR_MSG, "Invalid option. Please try again.", NULL);
        }
        if (ans) { memset(ans, 0, strlen(ans)); free(ans); }
        if (result == PAM_SUCCESS) break;
    }
    free(prompt);
    if (result != PAM_SUCCESS) note(&o, user, "denied");
    return result;
}

PAM_EXTERN int pam_sm_setcred(pam_handle_t *pamh, int flags, int argc, const char **argv) {
    (void) pamh; (void) flags; (void) argc; (void) argv;
    return PAM_SUCCESS;
}
