#!/usr/bin/env bash
# A Slurm job array converting one archive: each array task converts its own shard and
# writes its own manifest in OUT. Submit with
#
#   ARCHIVE=/data/archive OUT=/data/converted sbatch examples/batch/slurm.sh
#
# and submit the same again after a failure: --resume skips what is already done.
#SBATCH --job-name=brief2md
#SBATCH --array=0-15
#SBATCH --cpus-per-task=4
#SBATCH --mem-per-cpu=2G
#SBATCH --time=08:00:00
#SBATCH --export=ALL
#SBATCH --output=brief2md-%A_%a.log
set -euo pipefail

: "${ARCHIVE:?set ARCHIVE to the folder to convert}"
: "${OUT:?set OUT to the output folder}"
# Memory: at most -j documents are in flight, one per CPU of the task.
exec brief2md "$ARCHIVE" -o "$OUT" --resume \
    --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT}" \
    -j "${SLURM_CPUS_PER_TASK:-1}"
