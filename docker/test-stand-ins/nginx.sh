#!/usr/bin/env bash
# Builds a stand-in for the official nginx image and tags it under the names given. A test fixture, not a product:
# no image registry is reachable on the team's machines, so the compose stack's balancer runs a local image built
# from Debian's nginx that honours the parts of the official image's contract docker/compose.yaml relies on:
#   - the configuration at /etc/nginx/nginx.conf (compose mounts docker/nginx.conf over it), and the stock one
#     including /etc/nginx/conf.d/*.conf, with a default.conf there listening on port 80 (as the official image's);
#   - `nginx -g 'daemon off;'` as PID 1 after /docker-entrypoint.sh (which runs /docker-entrypoint.d/*.sh first),
#     SIGQUIT as the stop signal (graceful), logs to the container's stdout/stderr, a user `nginx`;
#   - wget, which the official alpine variant has (busybox) and the compose healthcheck uses.
# The Debian root comes from ../shared/container-engine/setup.sh.
#
#   docker/test-stand-ins/nginx.sh [TAG...]     default tag: docker.io/library/nginx:1.27-alpine
#
# Prints the first tag. Rebuilt only when this recipe changes (a label holds its hash).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
setup=${CONTAINER_ENGINE_SETUP:-$here/../../../shared/container-engine/setup.sh}
[ -f "$setup" ] || { echo "no container engine set-up script at $setup (set CONTAINER_ENGINE_SETUP)" >&2; exit 2; }
[ $# -gt 0 ] || set -- docker.io/library/nginx:1.27-alpine

recipe=$(sha256sum <"$0" | cut -c1-16)
image=localhost/pet-manager-test-nginx:latest
if [ "$(podman image inspect --format '{{ index .Labels "recipe" }}' "$image" 2>/dev/null || true)" != "$recipe" ]; then
  base=$(bash "$setup" image pet-manager-test-nginx-base nginx-light wget)
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
  cat >"$dir/docker-entrypoint.sh" <<'ENTRYPOINT'
#!/bin/sh
set -e
if [ "$1" = nginx ] && [ -d /docker-entrypoint.d ]; then
  for f in /docker-entrypoint.d/*.sh; do [ -x "$f" ] && "$f"; done
fi
exec "$@"
ENTRYPOINT
  cat >"$dir/nginx.conf" <<'NGINX'
user  nginx;
worker_processes  auto;
error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;
events {
    worker_connections  1024;
}
http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;
    access_log  /var/log/nginx/access.log;
    sendfile        on;
    keepalive_timeout  65;
    include /etc/nginx/conf.d/*.conf;
}
NGINX
  cat >"$dir/default.conf" <<'NGINX'
server {
    listen       80;
    server_name  localhost;
    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }
}
NGINX
  cat >"$dir/Containerfile" <<CONTAINERFILE
FROM $base
# Debian's site configuration and its default page give way to the official image's layout
RUN rm -rf /etc/nginx/sites-enabled /etc/nginx/sites-available /etc/nginx/conf.d /var/www/html \
 && mkdir -p /etc/nginx/conf.d /usr/share/nginx/html /docker-entrypoint.d \
 && echo '<h1>nginx stand-in</h1>' >/usr/share/nginx/html/index.html \
 && useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin --uid 101 nginx \
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
COPY nginx.conf /etc/nginx/nginx.conf
COPY default.conf /etc/nginx/conf.d/default.conf
COPY docker-entrypoint.sh /docker-entrypoint.sh
RUN chmod 755 /docker-entrypoint.sh
LABEL recipe=$recipe
STOPSIGNAL SIGQUIT
EXPOSE 80
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["nginx", "-g", "daemon off;"]
CONTAINERFILE
  podman build -q -t "$image" "$dir" >&2
fi
for tag in "$@"; do podman tag "$image" "$tag"; done
echo "$1"
