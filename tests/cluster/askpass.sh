#!/usr/bin/env bash
# askpass.sh <prompt> - SSH_ASKPASS helper for scripted logins to the Alpine twin
# (use with SSH_ASKPASS_REQUIRE=force). Answers by prompt text:
#   "Passcode or option (1-3):" -> $NR_DUO (e.g. 1 for a push, or the passcode; the Duo menu)
#   "passphrase"                -> $NR_KEY_PASSPHRASE
#   anything else               -> $NR_PASSWORD (e.g. "Password: ")
case "${1:-}" in
  *"Passcode or option"*) printf '%s\n' "${NR_DUO:-1}" ;;
  *passphrase*)           printf '%s\n' "${NR_KEY_PASSPHRASE:-}" ;;
  *)                      printf '%s\n' "${NR_PASSWORD:-}" ;;
esac
