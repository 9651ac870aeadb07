# Sourced by .ci/run after .ci/postgres.sh (for apt_install): make sure the pgbouncer binary is installed for
# it-tests' pgbouncer execution (issue 23).
# The tests start and stop PgBouncer themselves; only the binary is needed, not the distribution's service.
# Installing needs root (Debian's pgbouncer package); without it the tests fail saying how to install it.

ensure_pgbouncer() {
    if command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; then
        echo "pgbouncer: installed"
        return
    fi
    if [ "$(id -u)" != 0 ]; then
        echo "pgbouncer: not installed, and installing it needs root (apt-get install -y pgbouncer)"
        return
    fi
    echo "pgbouncer: not installed; installing Debian's pgbouncer package"
    apt_install pgbouncer
}
