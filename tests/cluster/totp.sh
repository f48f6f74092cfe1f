#!/usr/bin/env bash
# totp.sh <base32-secret> [unix-time] - prints the RFC 6238 TOTP code (HMAC-SHA1, 30 s step, 6 digits)
# that pam_google_authenticator expects for mfauser. Needs only coreutils (base32, od) and openssl.
set -euo pipefail
secret=$(printf '%s' "${1:?usage: totp.sh <base32-secret> [unix-time]}" | tr -d ' =' | tr '[:lower:]' '[:upper:]')
t=${2:-$(date +%s)}
while [ $(( ${#secret} % 8 )) -ne 0 ]; do secret+='='; done
keyhex=$(printf '%s' "$secret" | base32 -d | od -An -v -tx1 | tr -d ' \n')
counter=$(printf '%016x' $(( t / 30 )))
hmac=$(printf "$(sed 's/../\\x&/g' <<<"$counter")" | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$keyhex" | awk '{print $NF}')
off=$(( 16#${hmac:39:1} ))
printf '%06d\n' $(( (16#${hmac:$(( off * 2 )):8} & 0x7fffffff) % 1000000 ))
