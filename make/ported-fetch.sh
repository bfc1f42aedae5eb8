#!/bin/sh
# Fetches Debian source packages and unpacks each, unchanged (Debian's own
# patches applied, as `apt-get source` does), into <dest>/<package>/.
#
#   make/ported-fetch.sh <dest> <package>...
#
# It needs no root and changes nothing on the machine: apt runs on a private
# state in <dest>/apt/ whose source list is the machine's own `deb` entries
# turned into `deb-src` entries (a fresh Debian 12 has no deb-src lines).
# apt checks every file it downloads against the signed release files, so
# dpkg-source need not check the .dsc signature again (that would need the
# maintainers' keys: debian-keyring, which a fresh machine lacks).
#
# Already downloaded files are kept: a second run only unpacks.
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 <dest> <package>..." >&2
    exit 2
fi
dest=$(mkdir -p "$1" && cd "$1" && pwd)
shift

for tool in apt-get apt-cache dpkg-source; do
    if ! command -v "$tool" >/dev/null; then
        echo "$0: $tool is missing (Debian package: dpkg-dev / apt); run ./configure as root" >&2
        exit 1
    fi
done

apt_dir=$dest/apt
mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$dest/download"

# The machine's package sources, as source-package sources. One-line
# entries ("deb [options] uri suite components") and deb822 files
# ("Types: deb") both; entries that are already deb-src stay as they are.
write_source_list() {
    rm -f "$apt_dir"/sources/*
    number=0
    for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$file" ] || continue
        number=$((number + 1))
        sed -n 's/^[[:space:]]*deb\([[:space:]]\)/deb-src\1/p' "$file" >"$apt_dir/sources/$number.list"
    done
    for file in /etc/apt/sources.list.d/*.sources; do
        [ -f "$file" ] || continue
        number=$((number + 1))
        sed 's/^\([Tt]ypes:.*[[:space:]]\)deb\([[:space:]]\|$\)/\1deb-src\2/' "$file" \
            | sed 's/^\([Tt]ypes:.*\)deb-src\(.*\)deb-src/\1deb-src\2/' >"$apt_dir/sources/$number.sources"
    done
}

# apt, on the private state. As root apt would download as the user _apt,
# who cannot write into a build folder: download as whoever runs this.
private_apt() {
    command=$1
    shift
    "$command" -q \
        -o Dir::Etc::SourceList=/dev/null \
        -o Dir::Etc::SourceParts="$apt_dir/sources" \
        -o Dir::State::Lists="$apt_dir/lists" \
        -o Dir::State::Status=/var/lib/dpkg/status \
        -o Dir::Cache="$apt_dir/cache" \
        -o Debug::NoLocking=true \
        -o APT::Sandbox::User="$(id -un)" \
        "$@"
}

have_index() {
    private_apt apt-cache showsrc "$1" 2>/dev/null | grep -q '^Version:'
}

# Downloads <package>'s newest source that the mirror really has: the
# newest version first, then the older ones (a mirror may list a security
# update whose files it does not carry).
download() {
    package=$1
    if ls "$dest/download/${package}"_*.dsc >/dev/null 2>&1; then
        return 0
    fi
    versions=$(private_apt apt-cache showsrc "$package" | sed -n 's/^Version: //p' | sort -u)
    ordered=$(for version in $versions; do echo "$version"; done | sort -r -V)
    for version in $ordered; do
        if (cd "$dest/download" && private_apt apt-get source --download-only "$package=$version"); then
            return 0
        fi
        rm -f "$dest/download/${package}"_*
        echo "$0: $package $version could not be downloaded; trying an older version" >&2
    done
    echo "$0: no source of $package could be downloaded" >&2
    return 1
}

unpack() {
    package=$1
    dsc=$(ls "$dest/download/${package}"_*.dsc | sort -V | tail -n 1)
    rm -rf "$dest/$package" "$dest/$package.tmp"
    dpkg-source --no-check -x "$dsc" "$dest/$package.tmp" >"$dest/$package.unpack.log"
    mv "$dest/$package.tmp" "$dest/$package"
}

need_update=no
for package in "$@"; do
    if ! ls "$dest/download/${package}"_*.dsc >/dev/null 2>&1 && ! have_index "$package"; then
        need_update=yes
    fi
done
if [ "$need_update" = yes ]; then
    write_source_list
    if ! private_apt apt-get update >"$apt_dir/update.log" 2>&1; then
        # Some third-party repository may have no sources: fine, so long
        # as the packages we need are found below.
        echo "$0: apt-get update reported errors (see $apt_dir/update.log)" >&2
    fi
fi
for package in "$@"; do
    download "$package"
    unpack "$package"
    echo "$0: $package: $(ls "$dest/download/${package}"_*.dsc | sed 's,.*/,,') unpacked into $dest/$package"
done
