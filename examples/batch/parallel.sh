#!/usr/bin/env bash
# Convert one archive as SHARDS independent parts with GNU parallel, on this machine or,
# with --sshlogin, on several that mount the same folders. Each part writes its own
# manifest (brief2md-manifest.shard-I-of-N.jsonl) in OUT; run the same command again
# after a crash or a reboot: --resume redoes only what is not finished.
#
#   examples/batch/parallel.sh /data/archive /data/converted
#   SHARDS=32 PARALLEL_ARGS="--sshlogin node1,node2" examples/batch/parallel.sh IN OUT
set -euo pipefail

archive=${1:?usage: parallel.sh ARCHIVE_FOLDER OUTPUT_FOLDER}
out=${2:?usage: parallel.sh ARCHIVE_FOLDER OUTPUT_FOLDER}
shards=${SHARDS:-8}
# Threads per part: parts x threads should not exceed the cores.
threads=${THREADS:-1}

# shellcheck disable=SC2086 # PARALLEL_ARGS is a list of options
seq 0 $((shards - 1)) | parallel ${PARALLEL_ARGS:-} --jobs "${JOBS:-100%}" --halt never \
    brief2md "$archive" -o "$out" --resume --shard "{}/$shards" -j "$threads" -q
# parallel's exit status is the number of parts with a failed input (brief2md exit 1);
# every failure is in the manifests: grep '"status":"error"' "$out"/brief2md-manifest*.jsonl
