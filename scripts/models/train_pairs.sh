#!/bin/sh
# Retrains the pair scorer (data/models/pairs.bin) from ../shared: the
# CoNLL04 train split, the tune half of the annotated Wikinews set and the
# annotated Reuters tune set (texts from ../shared/bench).
# With --cv, also writes and scores a 5-fold cross-validated graph of
# CoNLL04 train (target/pairs-cv.nq).
#
# Usage: scripts/models/train_pairs.sh [--cv]   (from the repository root)
# SHARED (default ../shared) names the shared folder, PAIRS_OUT (default
# data/models/pairs.bin) the weights written.
set -eu
SHARED=${SHARED:-../shared}
OUT=${PAIRS_OUT:-data/models/pairs.bin}
mkdir -p target
python3 scripts/eval/wikinews_articles.py data/eval/wikinews/tune.tsv \
    "$SHARED/news/wikinews-2019.csv" target/wikinews-tune.jsonl
python3 scripts/eval/news_articles.py data/eval/reuters/tune.tsv \
    "$SHARED/bench/news.jsonl" target/reuters-tune.jsonl
set -- "$@" ""
cv=""
if [ "$1" = "--cv" ]; then
    cv="--folds 5 --cv-out target/pairs-cv.nq"
fi
# shellcheck disable=SC2086
cargo run --release --example train_pairs -- "$OUT" \
    "$SHARED/eval/conll04/train.jsonl" "$SHARED/eval/conll04/train-gold.tsv" \
    target/wikinews-tune.jsonl data/eval/wikinews/tune.tsv \
    target/reuters-tune.jsonl data/eval/reuters/tune.tsv $cv
if [ -n "$cv" ]; then
    python3 "$SHARED/eval/score.py" --gold "$SHARED/eval/conll04/train-gold.tsv" \
        --types Person,Organization,Place --relations worksFor,livesIn,locatedIn,basedIn,killed \
        target/pairs-cv.nq
fi
