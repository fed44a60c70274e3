#!/usr/bin/env bash
# Builds a stand-in for the official PostgreSQL image and tags it under the names given. A test fixture, not a
# product: no image registry is reachable on the team's machines, so the tests (Dev Services, Testcontainers, the
# compose stack) run a local image built from Debian's PostgreSQL 15 that honours the official image's contract
# (postgres-entrypoint.sh says which parts). The Debian root comes from ../shared/container-engine/setup.sh.
#
#   docker/test-stand-ins/postgres.sh [TAG...]     default tag: docker.io/library/postgres:15
#
# Prints the first tag. Rebuilt only when this recipe changes (a label holds its hash).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
setup=${CONTAINER_ENGINE_SETUP:-$here/../../../shared/container-engine/setup.sh}
[ -f "$setup" ] || { echo "no container engine set-up script at $setup (set CONTAINER_ENGINE_SETUP)" >&2; exit 2; }
[ $# -gt 0 ] || set -- docker.io/library/postgres:15

recipe=$(cat "$0" "$here/postgres-entrypoint.sh" | sha256sum | cut -c1-16)
image=localhost/pet-manager-test-postgres:latest
if [ "$(podman image inspect --format '{{ index .Labels "recipe" }}' "$image" 2>/dev/null || true)" != "$recipe" ]; then
  base=$(bash "$setup" image pet-manager-test-postgres-base postgresql-15 util-linux)
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  cp "$here/postgres-entrypoint.sh" "$dir/"
  cat >"$dir/Containerfile" <<CONTAINERFILE
FROM $base
# Debian's package created a cluster of its own; the entry point makes one under PGDATA instead
RUN rm -rf /var/lib/postgresql/15 /etc/postgresql/15 && mkdir -p /docker-entrypoint-initdb.d
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PGDATA=/var/lib/postgresql/data LANG=C.UTF-8
LABEL recipe=$recipe
STOPSIGNAL SIGINT
EXPOSE 5432
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["postgres"]
CONTAINERFILE
  podman build -q -t "$image" "$dir" >&2
fi
for tag in "$@"; do podman tag "$image" "$tag"; done
echo "$1"
