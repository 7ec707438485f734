# Installs missing Debian packages (apt-get; through sudo when not root). Sourced by bin/cluster and bin/test.

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_packages PKG...: installs the packages that dpkg does not report as installed.
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}" >&2
    as_root apt-get update -qq >&2
    # Installing postgresql/apache2 must not start their system services: leave them stopped.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# The packages a running cluster needs.
CLUSTER_PACKAGES=(postgresql-15 apache2 apache2-utils curl openssl ca-certificates jq)
# And with --hosts: network namespaces (ip), the forwarder of the balancer's usual URL, the grid's firewall (nft).
HOSTS_PACKAGES=(iproute2 socat nftables)
