# Shared by .ci/run and examples/run: make sure a PostgreSQL accepts connections on 127.0.0.1:5432.
# Source it, then call ensure_postgres. Installing needs root (Debian's postgresql package).

pg_log() { echo "postgres: $*"; }

# Installs Debian packages quietly; needs root. Shared by the ensure_* functions of .ci/.
apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "$@" >/dev/null
}

pg_up() {
    command -v pg_isready >/dev/null 2>&1 && pg_isready -h 127.0.0.1 -p 5432 -q
}

# Starts the distribution's server, installing it first when it is missing. On a fresh install the postgres
# role gets the password 'postgres' (a fresh Debian cluster asks TCP clients for one) and PGPASSWORD is exported.
ensure_postgres() {
    if pg_up; then
        pg_log "PostgreSQL is accepting connections on 127.0.0.1:5432"
        return
    fi
    local installed_now=no
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
        pg_log "PostgreSQL is not installed; installing Debian's postgresql package"
        apt_install postgresql
        installed_now=yes
    fi
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    for _ in $(seq 1 60); do
        pg_up && break
        sleep 1
    done
    pg_up || { pg_log "PostgreSQL did not come up on 127.0.0.1:5432"; return 1; }
    if [ "$installed_now" = yes ]; then
        su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
        export PGPASSWORD=postgres
    fi
}

# The it-tests replicas execution starts servers of its own with PostgreSQL's server binaries (initdb, pg_ctl,
# pg_basebackup), also when BELAY_TEST_JDBC_URL points elsewhere: install Debian's postgresql package when they are
# missing. Without root, the tests fail and say how to install them.
ensure_postgres_binaries() {
    local bin
    for bin in "$(pg_config --bindir 2>/dev/null || true)" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -n "$bin" ] && [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && [ -x "$bin/pg_basebackup" ]; then
            pg_log "server binaries in $bin"
            return
        fi
    done
    if [ "$(id -u)" != 0 ]; then
        pg_log "initdb, pg_ctl or pg_basebackup is missing, and installing them needs root (apt-get install -y postgresql)"
        return
    fi
    pg_log "initdb, pg_ctl or pg_basebackup is missing; installing Debian's postgresql package"
    apt_install postgresql
}
