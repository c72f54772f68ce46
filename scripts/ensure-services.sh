#!/usr/bin/env bash
# What the scale-out tests need, from Debian (issue 19): PostgreSQL's server binaries (initdb, postgres) and
# redis-server. The tests start throwaway instances of their own on loopback (test/helpers/postgres.ts,
# redis.ts); nothing here starts or enables a service.
set -uo pipefail
missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "cannot install ${missing[*]}: apt-get as root is not available here"
    exit 1
  fi
fi
echo "installing ${missing[*]} with apt-get"
# A machine without network must not hang here: apt gets two minutes to refresh its lists.
timeout 120 $SUDO apt-get update -qq || echo "apt-get update failed (offline?); trying the cached lists"
# policy-rc.d 101: the packages' own services are not started (the tests run their own instances).
policy=/usr/sbin/policy-rc.d
created_policy=""
if [ ! -e "$policy" ] && [ -z "$SUDO" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=yes
fi
DEBIAN_FRONTEND=noninteractive timeout 900 $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
status=$?
[ -n "$created_policy" ] && rm -f "$policy"
exit $status
