#!/bin/sh
# Installs the unpacked localdb distribution for this user (docs/INSTALL.md):
#   <prefix>/bin/localdb                                 -> a link to bin/localdb in this folder
#   <prefix>/share/bash-completion/completions/localdb   bash completion (bash-completion loads it from
#                                                        ~/.local/share/...; for another prefix add
#                                                        <prefix>/share to XDG_DATA_DIRS)
#   <prefix>/share/localdb/localdb-completion.zsh        zsh completion: source it from ~/.zshrc
# The folder this script is in stays where it is: the link points into it. Run it again after
# moving the folder; remove the three files above to uninstall.
set -eu
prefix="$HOME/.local"
usage() { echo "usage: install.sh [--prefix DIR]   (default: ~/.local)"; }
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
launcher="$here/bin/localdb"
[ -x "$launcher" ] || { echo "install.sh: $launcher is missing: run install.sh from the unpacked distribution" >&2; exit 1; }
# The launcher checks Java itself and says what is missing.
"$launcher" --version > /dev/null

mkdir -p "$prefix/bin" "$prefix/share/bash-completion/completions" "$prefix/share/localdb"
link="$prefix/bin/localdb"
if [ -e "$link" ] && [ ! -L "$link" ]; then
  echo "install.sh: $link exists and is not a link; move it away first" >&2
  exit 1
fi
ln -sfn "$launcher" "$link"
"$launcher" completion bash > "$prefix/share/bash-completion/completions/localdb.tmp"
mv -f "$prefix/share/bash-completion/completions/localdb.tmp" "$prefix/share/bash-completion/completions/localdb"
"$launcher" completion zsh > "$prefix/share/localdb/localdb-completion.zsh.tmp"
mv -f "$prefix/share/localdb/localdb-completion.zsh.tmp" "$prefix/share/localdb/localdb-completion.zsh"

echo "localdb: $link -> $launcher"
echo "bash completion: $prefix/share/bash-completion/completions/localdb"
echo "zsh completion: add this line to ~/.zshrc:  source '$prefix/share/localdb/localdb-completion.zsh'"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it, e.g.  export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
