#!/usr/bin/env bash
# Train the bundled Arabic stanza models offline from /work/shared/ud.
#
#   train/train.sh prep            convert the data, build tokenizer labels
#   train/train.sh tokenize|mwt|lemma|pos|depparse   train one model
#   train/train.sh eval            score every model on the held-out test slice
#   train/train.sh install         copy the models into quotes/models/ar
#
# Work files go to $WORK (default /work/work-train, outside the repo).  Step
# caps are environment variables so that a run fits the time available on a
# 2-core CPU; the defaults are the ones the bundled models were trained with.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
PY="${PY:-$REPO/.venv/bin/python}"
WORK="${WORK:-/work/work-train}"
DATA="$WORK/data"
TOK="$WORK/tokenize"
MODELS="${MODELS:-$WORK/models}"
OUT="${OUT:-$WORK/pred}"
SH=ar_padt
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
export MKL_NUM_THREADS="$OMP_NUM_THREADS"

TOK_STEPS="${TOK_STEPS:-1000}"
MWT_EPOCHS="${MWT_EPOCHS:-15}"
LEMMA_EPOCHS="${LEMMA_EPOCHS:-5}"
POS_STEPS="${POS_STEPS:-2000}"
DEP_STEPS="${DEP_STEPS:-1200}"

mkdir -p "$DATA" "$TOK" "$MODELS" "$OUT" "$WORK/logs"

prep() {
    "$PY" "$HERE/convert.py" --ud /work/shared/ud --out "$DATA"
    for split in train dev test; do
        "$PY" -m stanza.utils.datasets.conllu_to_text "$DATA/$SH.$split.conllu" "$TOK/$SH.$split.txt"
        "$PY" -m stanza.utils.datasets.prepare_tokenizer_data "$TOK/$SH.$split.txt" "$DATA/$SH.$split.conllu" \
            -o "$TOK/$SH-ud-$split.toklabels" -m "$TOK/$SH-ud-$split-mwt.json"
    done
}

tokenize() {
    "$PY" -m stanza.models.tokenizer --mode train --lang ar --shorthand $SH \
        --txt_file "$TOK/$SH.train.txt" --label_file "$TOK/$SH-ud-train.toklabels" \
        --dev_txt_file "$TOK/$SH.dev.txt" --dev_label_file "$TOK/$SH-ud-dev.toklabels" \
        --dev_conll_gold "$DATA/$SH.dev.conllu" --mwt_json_file "$TOK/$SH-ud-dev-mwt.json" \
        --max_seqlen 300 --steps "$TOK_STEPS" --eval_steps 200 \
        --save_dir "$MODELS" --save_name tokenize.pt
}

mwt() {
    "$PY" -m stanza.models.mwt_expander --mode train --lang ar --shorthand $SH \
        --train_file "$DATA/$SH.train.conllu" --eval_file "$DATA/$SH.dev.conllu" \
        --output_file "$OUT/mwt.dev.conllu" --gold_file "$DATA/$SH.dev.conllu" \
        --num_epoch "$MWT_EPOCHS" --save_dir "$MODELS" --save_name mwt.pt
}

lemma() {
    "$PY" -m stanza.models.lemmatizer --mode train --shorthand $SH \
        --train_file "$DATA/$SH.train.conllu" --eval_file "$DATA/$SH.dev.conllu" \
        --output_file "$OUT/lemma.dev.conllu" \
        --num_epoch "$LEMMA_EPOCHS" --hidden_dim 100 --save_dir "$MODELS" --save_name lemma.pt
}

pos() {
    "$PY" -m stanza.models.tagger --mode train --lang ar --shorthand $SH --no_pretrain \
        --train_file "$DATA/$SH.train.conllu" --eval_file "$DATA/$SH.dev.conllu" \
        --output_file "$OUT/pos.dev.conllu" \
        --hidden_dim 128 --char_hidden_dim 100 --deep_biaff_hidden_dim 128 --composite_deep_biaff_hidden_dim 64 \
        --word_emb_dim 75 --word_cutoff 2 \
        --max_steps "$POS_STEPS" --eval_interval 100 --batch_size "${POS_BATCH:-32}" \
        --save_dir "$MODELS" --save_name pos.pt
}

depparse() {
    "$PY" -m stanza.models.parser --mode train --lang ar --shorthand $SH --no_pretrain \
        --train_file "$DATA/$SH.train.conllu" --eval_file "$DATA/$SH.dev.conllu" \
        --output_file "$OUT/depparse.dev.conllu" \
        --hidden_dim 128 --char_hidden_dim 100 --deep_biaff_hidden_dim 128 --deep_biaff_output_dim 64 \
        --num_layers 2 --word_emb_dim 75 --word_cutoff 2 \
        --max_steps "$DEP_STEPS" --eval_interval 100 --batch_size 2000 \
        --second_optim_start_step "$(( DEP_STEPS * 6 / 10 ))" \
        --save_dir "$MODELS" --save_name depparse.pt
}

eval_all() {
    "$PY" "$HERE/evaluate.py" --models "$MODELS" --data "$DATA" --out "$OUT"
}

install() {
    dest="$REPO/quotes/models/ar"
    mkdir -p "$dest"
    for m in tokenize mwt pos lemma depparse; do cp "$MODELS/$m.pt" "$dest/$m.pt"; done
    du -sh "$dest"
}

case "${1:-}" in
    prep) prep ;;
    tokenize) tokenize ;;
    mwt) mwt ;;
    lemma) lemma ;;
    pos) pos ;;
    depparse) depparse ;;
    eval) eval_all ;;
    install) install ;;
    *) echo "usage: $0 prep|tokenize|mwt|lemma|pos|depparse|eval|install" >&2; exit 2 ;;
esac
