#!/bin/sh
# NEWTOOL_ONESHOT of the peer harness (hyperfine -N runs it as is, with no arguments of its own):
# `localdb port` for a project it has never seen, so that every run does what a peer's one-shot
# does (probe from 3000 up, print the port) plus localdb's durable registry write. Asking again
# for a project that holds its port would only read the registry: cheaper, and not comparable.
# The new name comes from this shell's PID ($$: no subshell, no extra fork). The only cost this
# wrapper adds over `bin/localdb port <p>` is one /bin/sh start (about a millisecond).
#
# usage: oneshot.sh <LOCALDB_HOME for the one-shot runs> <path to bin/localdb>
LOCALDB_HOME=$1
export LOCALDB_HOME
exec "$2" port "oneshot-$$"
