#!/usr/bin/env bash
# Fills a directory with the files of Debian packages installed on this machine and of everything they depend on,
# following dpkg's own records: the root file system of an image, made without a registry or a download.
#   deploy/podman/rootfs.sh <dir> [--skip pkg,pkg] <package>...
# --skip names dependencies that a container does not run (systemd, perl for maintainer scripts): they and what only
# they pull in stay out. Documentation, manuals and translations stay out too.
set -euo pipefail

dir="$1"
shift
skip=","
if [[ "${1:-}" == --skip ]]; then
  skip=",$2,"
  shift 2
fi

# What is installed, and which installed package stands for a virtual one ("awk": "mawk").
declare -A installed=() provided_by=()
while read -r real provides; do
  installed[$real]=1
  for virtual in ${provides//,/ }; do
    [[ "$virtual" == \(* || "$virtual" == *\) || -n "${provided_by[$virtual]:-}" ]] || provided_by[$virtual]="$real"
  done
done < <(dpkg-query -W -f='${db:Status-Status} ${Package} ${Provides}\n' | sed -n 's/^installed //p')

# The dependency closure: for each "a | b" the first alternative that is installed.
declare -A seen=()
queue=("$@")
while ((${#queue[@]} > 0)); do
  package="${queue[0]}"
  queue=("${queue[@]:1}")
  [[ -n "${seen[$package]:-}" || "$skip" == *",$package,"* ]] && continue
  [[ -n "${installed[$package]:-}" ]] || { echo "rootfs: $package is not installed" >&2; exit 1; }
  seen[$package]=1
  while IFS= read -r alternatives; do
    IFS='|' read -ra choices <<<"$alternatives"
    for choice in "${choices[@]}"; do
      choice="${choice%%(*}"
      choice="${choice//[[:space:]]/}"
      choice="${choice%:any}"
      [[ -z "$choice" ]] && continue
      if [[ -n "${installed[$choice]:-}" ]]; then queue+=("$choice"); break; fi
      if [[ -n "${provided_by[$choice]:-}" ]]; then queue+=("${provided_by[$choice]}"); break; fi
    done
  done < <(dpkg-query -W -f='${Pre-Depends},${Depends}\n' "$package" | tr ',' '\n')
done

# Paths as the host resolves them: with a merged /usr, dpkg lists /bin/sh although the file is /usr/bin/sh. Directories
# are listed too (tar adds them without their contents); a path the host no longer has (a diverted file) is left out.
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
dpkg -L "${!seen[@]}" 2>/dev/null |
  grep -Ev '^/usr/share/(doc|man|info|locale|lintian|bug)(/|$)' |
  sed -E 's#^/(bin|sbin|lib|lib64)(/|$)#/usr/\1\2#; s#^/##' | grep -v '^$' | sort -u >"$list"
# The certificate links are made when ca-certificates is configured, so its list does not name them.
[[ -z "${seen[ca-certificates]:-}" ]] || find /etc/ssl/certs | sed 's#^/##' >>"$list"

mkdir -p "$dir/usr/local/bin" "$dir/usr/bin" "$dir/usr/sbin" "$dir/usr/lib" "$dir/usr/lib64" "$dir/etc" "$dir/tmp" "$dir/var/tmp" "$dir/run"
chmod 1777 "$dir/tmp" "$dir/var/tmp"
for merged in bin sbin lib lib64; do [[ -L "$dir/$merged" ]] || ln -s "usr/$merged" "$dir/$merged"; done
tar -C / --no-recursion --ignore-failed-read -cf - -T "$list" 2>/dev/null | tar -C "$dir" -xpf -
echo "rootfs: ${#seen[@]} packages, $(wc -l <"$list") files in $dir"
