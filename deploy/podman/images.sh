#!/usr/bin/env bash
# Builds the images of docker-compose.yml for podman without a registry (./kommune20 deploy-test):
#   localhost/kommune20/dotnet    the .NET services' base: Debian's libraries for .NET and this machine's .NET runtime
#   localhost/kommune20/postgres  PostgreSQL 15 with the entrypoint that the postgres image's settings expect
#   localhost/kommune20/rabbitmq  Debian's RabbitMQ, with its Prometheus plugin on as in the rabbitmq image
#   localhost/kommune20/prometheus  Debian's Prometheus
# and one image per .NET process from deploy/Dockerfile, with the published build copied in instead of compiled in
# an SDK image. A base image is made again only when its packages, the runtime or these scripts change.
#   deploy/podman/images.sh <work dir> <project.csproj>...
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$1"
shift
mkdir -p "$WORK"

DOTNET_HOME="$(dirname "$(readlink -f "$(command -v dotnet)")")"
APP_UID=1654 # as in Microsoft's .NET images

# What a base image is made from: the versions of its packages (and of what they depend on), the scripts, the runtime.
fingerprint() { # packages...
  { dpkg-query -W "$@"; cat "$HERE/rootfs.sh" "$HERE/images.sh" "$HERE"/*-entrypoint.sh; ls "$DOTNET_HOME/shared"/*; } |
    sha256sum | cut -c1-16
}

image_label() { podman image inspect --format '{{index .Labels "kommune20.fingerprint"}}' "$1" 2>/dev/null || true; }

# Imports a root file system as an image; podman import takes Dockerfile instructions as --change.
import_image() { # name fingerprint dir change...
  local name="$1" print="$2" dir="$3"
  shift 3
  local changes=(--change "LABEL kommune20.fingerprint=$print")
  local change
  for change in "$@"; do changes+=(--change "$change"); done
  tar -C "$dir" -cf - . | podman import -q "${changes[@]}" - "$name" >/dev/null
  rm -rf "$dir"
  podman image prune -f >/dev/null # the image this one replaces
}

users() { # dir, then name:uid lines
  local dir="$1" line
  shift
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$dir/etc/passwd"
  printf 'root:x:0:\n' >"$dir/etc/group"
  for line in "$@"; do
    printf '%s:x:%s:%s::%s:/usr/sbin/nologin\n' "${line%%:*}" "${line#*:}" "${line#*:}" "/var/lib/${line%%:*}" >>"$dir/etc/passwd"
    printf '%s:x:%s:\n' "${line%%:*}" "${line#*:}" >>"$dir/etc/group"
  done
  printf 'hosts: files dns\n' >"$dir/etc/nsswitch.conf"
}

# Sets $stage to a new root file system of the packages, or returns 1 when the image is current.
base_image() { # name skipped-packages(comma-separated) packages...
  local name="$1" skip="$2" print
  shift 2
  print="$(fingerprint "$@")"
  [[ "$(image_label "$name")" == "$print" ]] && { echo "images: $name is current"; return 1; }
  echo "images: making $name"
  stage="$WORK/rootfs-${name##*/}"
  rm -rf "$stage"
  "$HERE/rootfs.sh" "$stage" --skip "$skip" "$@" >/dev/null
  FINGERPRINT="$print"
}

# bash runs the start script (deploy/Dockerfile says why); Npgsql loads GSSAPI when it negotiates authentication.
DOTNET_PACKAGES=(libicu72 libssl3 zlib1g ca-certificates tzdata libstdc++6 libgssapi-krb5-2 dash bash coreutils)
if base_image localhost/kommune20/dotnet debconf,dpkg,perl-base "${DOTNET_PACKAGES[@]}"; then
  mkdir -p "$stage/usr/share/dotnet/shared" "$stage/data"
  cp -a "$DOTNET_HOME/dotnet" "$DOTNET_HOME/host" "$stage/usr/share/dotnet/"
  cp -a "$DOTNET_HOME/shared/Microsoft.NETCore.App" "$DOTNET_HOME/shared/Microsoft.AspNetCore.App" "$stage/usr/share/dotnet/shared/"
  ln -s ../share/dotnet/dotnet "$stage/usr/bin/dotnet"
  users "$stage" "app:$APP_UID"
  chown "$APP_UID:$APP_UID" "$stage/data"
  import_image localhost/kommune20/dotnet "$FINGERPRINT" "$stage" "ENV APP_UID=$APP_UID" \
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" "ENV DOTNET_RUNNING_IN_CONTAINER=true"
fi

# PostgreSQL runs without its JIT (LLVM) and without the perl of Debian's cluster scripts: the entrypoint calls the
# server's own programs.
if base_image localhost/kommune20/postgres libllvm14,libz3-4,perl,libperl5.36,perl-modules-5.36,libjson-perl,debconf,dpkg,adduser,ucf,ssl-cert,init-system-helpers,postgresql-common,sensible-utils \
  postgresql-15 dash bash coreutils sed grep util-linux; then
  users "$stage" postgres:999
  install -m 755 "$HERE/postgres-entrypoint.sh" "$stage/usr/local/bin/entrypoint"
  mkdir -p "$stage/docker-entrypoint-initdb.d"
  import_image localhost/kommune20/postgres "$FINGERPRINT" "$stage" "ENV PATH=/usr/lib/postgresql/15/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    "ENV PGDATA=/var/lib/postgresql/data" "ENTRYPOINT [\"/usr/local/bin/entrypoint\"]" "STOPSIGNAL SIGINT"
fi

if base_image localhost/kommune20/rabbitmq systemd,systemd-sysv,python3,logrotate,adduser,init-system-helpers,debconf,dpkg \
  rabbitmq-server dash bash coreutils sed grep util-linux; then
  users "$stage" rabbitmq:999
  install -m 755 "$HERE/rabbitmq-entrypoint.sh" "$stage/usr/local/bin/entrypoint"
  mkdir -p "$stage/var/lib/rabbitmq" "$stage/etc/rabbitmq/conf.d"
  import_image localhost/kommune20/rabbitmq "$FINGERPRINT" "$stage" "ENV PATH=/usr/lib/rabbitmq/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    "ENV HOME=/var/lib/rabbitmq" "ENTRYPOINT [\"/usr/local/bin/entrypoint\"]"
fi

# Prometheus runs as nobody, as in the prom/prometheus image; its web console's JavaScript stays out.
if base_image localhost/kommune20/prometheus adduser,debconf,dpkg,init-system-helpers,libjs-bootstrap,libjs-bootstrap4,libjs-d3,libjs-eonasdan-bootstrap-datetimepicker,libjs-jquery,libjs-jquery-hotkeys,libjs-moment,libjs-moment-timezone,libjs-mustache,libjs-popper.js,libjs-rickshaw,fonts-glyphicons-halflings,javascript-common \
  prometheus ca-certificates tzdata; then
  users "$stage" nobody:65534
  mkdir -p "$stage/prometheus"
  chown 65534:65534 "$stage/prometheus"
  import_image localhost/kommune20/prometheus "$FINGERPRINT" "$stage" "USER nobody" "WORKDIR /prometheus" \
    "ENTRYPOINT [\"/usr/bin/prometheus\"]" "CMD [\"--config.file=/etc/prometheus/prometheus.yml\", \"--storage.tsdb.path=/prometheus\"]"
fi

# The services: published from the Release build (framework-dependent: the runtime is the base image's), then
# deploy/Dockerfile with APP=published copies that output in. Compose finds them under the names it gives them.
for project in "$@"; do
  name="$(basename "$project" .csproj)"
  image="kommune20/$(tr 'A-Z' 'a-z' <<<"${name#Kommune20.}")"
  out="$ROOT/.kommune20/publish/$project" # where deploy/Dockerfile's published stage looks
  rm -rf "$out"
  dotnet publish "$ROOT/$project" -c Release --no-build -o "$out" -p:UseAppHost=false </dev/null >"$WORK/publish-$name.log" 2>&1 ||
    { tail -n 20 "$WORK/publish-$name.log" >&2; exit 1; }
  printf '#!/bin/bash\nexec dotnet /app/%s.dll "$@"\n' "$name" >"$out/start" # bash: see deploy/Dockerfile
  chmod 755 "$out/start"
  podman build --pull=never -q -f "$ROOT/deploy/Dockerfile" --build-arg APP=published --build-arg PROJECT="$project" \
    --build-arg TARGETARCH="$(podman info --format "{{.Host.Arch}}")" \
    --build-arg RUNTIME=localhost/kommune20/dotnet -t "$image:latest" "$ROOT" >/dev/null
  echo "images: $image"
done
