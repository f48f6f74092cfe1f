#!/usr/bin/env bash
# askpass.sh <prompt> - SSH_ASKPASS helper for scripted logins to the test cluster
# (use with SSH_ASKPASS_REQUIRE=force). Answers by prompt text:
#   "Verification code:"  -> TOTP of $NR_TOTP_SECRET (the second, Duo-like prompt of mfauser)
#   "passphrase"          -> $NR_KEY_PASSPHRASE
#   anything else         -> $NR_PASSWORD (e.g. "Password: ")
case "${1:-}" in
  *[Vv]erification*) exec "$(dirname "$0")/totp.sh" "${NR_TOTP_SECRET:?}" ;;
  *passphrase*)      printf '%s\n' "${NR_KEY_PASSPHRASE:-}" ;;
  *)                 printf '%s\n' "${NR_PASSWORD:-}" ;;
esac
