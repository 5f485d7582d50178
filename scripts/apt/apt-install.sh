#!/usr/bin/env bash
# apt-install.sh PACKAGE... : installs Debian packages for the test setups (as root). The database,
# reconcile and CLI suites run side by side and may each install something on a fresh machine;
# one lock makes them take turns instead of failing on dpkg's lock.
set -euo pipefail
exec 9>/tmp/migration-architect-apt.lock
flock 9
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
