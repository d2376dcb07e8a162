"""The lexicon loader and the cue lexicons: well formed, complete, no duplicates."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from quotes import lexicon as lex
from quotes.errors import LexiconError, SchemaError
from quotes.lexicon import Lexicon, lexicon_names, load_lexicon, schema_name
from quotes.records import SENSES
from quotes.text import fold

SCHEMA_DIR = resources.files("quotes") / "schemas"


def _schema_files() -> list[str]:
    return sorted(p.name for p in SCHEMA_DIR.iterdir() if p.name.endswith(".schema.json"))


@pytest.mark.parametrize("name", _schema_files())
def test_every_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("name", [n for n in lexicon_names() if n.endswith(".jsonl")])
def test_every_jsonl_lexicon_validates_against_its_schema(name: str) -> None:
    assert f"{schema_name(name)}.schema.json" in _schema_files()
    entries = load_lexicon(name)
    assert entries and all(isinstance(e, dict) for e in entries)


def test_every_shipped_lexicon_has_a_schema() -> None:
    # the house rule: every data file has a JSON Schema, so none ships as plain text
    names = lexicon_names()
    assert names and all(n.endswith(".jsonl") for n in names)


@pytest.mark.parametrize(
    ("file_name", "schema"),
    [
        ("speech_verbs.jsonl", "lexicon-speech-verbs"),
        ("nominal_cues.jsonl", "lexicon-nominal-cues"),
        ("time_words.jsonl", "lexicon-time-words"),
        ("x.txt", "lexicon-x"),
    ],
)
def test_schema_name(file_name: str, schema: str) -> None:
    assert schema_name(file_name) == schema


def test_name_without_suffix_and_with_suffix_give_the_same_entries() -> None:
    assert load_lexicon("speech_verbs") == load_lexicon("speech_verbs.jsonl")


def test_callers_get_copies() -> None:
    first = load_lexicon("speech_verbs")
    first[0]["lemma"] = "x"
    first.clear()
    assert load_lexicon("speech_verbs")[0]["lemma"] == "قال"


@pytest.mark.parametrize("name", ["no_such_file", "no_such.jsonl", "../records.py", "a/b.txt"])
def test_missing_lexicon_raises_lexicon_error(name: str) -> None:
    with pytest.raises(LexiconError):
        load_lexicon(name)
    assert issubclass(LexiconError, SchemaError) and issubclass(LexiconError, ValueError)


def _fake_data(monkeypatch: pytest.MonkeyPatch, tmp_path, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(lex, "_data_dir", lambda: tmp_path)
    lex._load.cache_clear()


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"lemma": "قال"\n', "speech_verbs.jsonl:1"),
        (json.dumps({"lemma": "قال"}, ensure_ascii=False) + "\n", "speech_verbs.jsonl:1"),
        ("\n" + json.dumps(load_lexicon("speech_verbs")[0], ensure_ascii=False)
         + "\n" + json.dumps(dict(load_lexicon("speech_verbs")[0], sense="shout"), ensure_ascii=False) + "\n",
         "speech_verbs.jsonl:3"),
    ],
)
def test_bad_entries_name_file_and_line(monkeypatch: pytest.MonkeyPatch, tmp_path, text: str, where: str) -> None:  # type: ignore[no-untyped-def]
    try:
        _fake_data(monkeypatch, tmp_path, "speech_verbs.jsonl", text)
        with pytest.raises(LexiconError, match=where):
            load_lexicon("speech_verbs")
    finally:
        lex._load.cache_clear()


def test_jsonl_without_schema_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    try:
        _fake_data(monkeypatch, tmp_path, "unknown_words.jsonl", "{}\n")
        with pytest.raises(LexiconError, match="lexicon-unknown-words"):
            load_lexicon("unknown_words")
    finally:
        lex._load.cache_clear()


def test_txt_comments_and_blank_lines(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    try:
        _fake_data(monkeypatch, tmp_path, "words.txt", "# header\n\nأ.ب.  # an abbreviation\n  ص.ب\n")
        assert load_lexicon("words") == ["أ.ب.", "ص.ب"]
    finally:
        lex._load.cache_clear()


# --- the speech verbs ---------------------------------------------------------

VERBS = load_lexicon("speech_verbs")


def test_counts_and_no_duplicate_lemmas() -> None:
    lemmas = [v["lemma"] for v in VERBS]
    assert len(VERBS) >= 150
    assert len(set(lemmas)) >= 120
    assert len(lemmas) == len(set(lemmas))


def test_senses_are_record_senses() -> None:
    assert {v["sense"] for v in VERBS} <= set(SENSES)
    assert {c["sense"] for c in load_lexicon("nominal_cues")} <= set(SENSES)


@pytest.mark.parametrize(
    "lemma",
    "قال أعلن أكد أضاف أوضح أشار ذكر صرح حذر نفى أنكر زعم ادعى اعتبر رأى شدد لفت تابع أفاد كشف "
    "نقل أبلغ أخبر كتب غرد دعا طالب اتهم وصف تساءل أجاب رد علق اعترف أقر تعهد وعد هدد ندد شجب أدان "
    "رحب انتقد حث توقع أعرب أبدى أورد روى بين قدر نوه أفصح أدلى اقترح ناشد أوصى جدد أبرز أشاد "
    "لاحظ استنكر رفض ذكّر أجمع أظهر".split(),
)
def test_required_verbs_are_listed(lemma: str) -> None:
    assert lemma in {v["lemma"] for v in VERBS}


@pytest.mark.parametrize("lemma", ["قرر", "أمر", "خشي", "أمل", "وثق", "نشر"])
def test_decisions_private_states_and_acts_are_not_speech_verbs(lemma: str) -> None:
    assert lemma not in {v["lemma"] for v in VERBS}


def _verb(lemma: str) -> dict:  # type: ignore[type-arg]
    return next(v for v in VERBS if v["lemma"] == lemma)


@pytest.mark.parametrize(
    ("lemma", "field", "value"),
    [
        ("قال", "complementizers", ["إن"]),
        ("أكد", "complementizers", ["أن"]),
        ("أشار", "prepositions", ["إلى"]),
        ("دعا", "prepositions", ["إلى"]),
        ("طالب", "prepositions", ["ب"]),
        ("حذر", "prepositions", ["من"]),
        ("نقل", "prepositions", ["عن"]),
        ("أعرب", "prepositions", ["عن"]),
        ("قال", "passive_perfect", "قيل"),
        ("أشاد", "expressive", True),
        ("أشاد", "sense", "other"),
        ("اعتبر", "requires_complement", True),
        ("رأى", "requires_complement", True),
        ("تابع", "requires_complement", True),
        ("قال", "requires_complement", False),
        ("عبر", "ambiguous", True),
        ("نفى", "class", "defective"),
        ("رد", "class", "doubled"),
        ("قال", "class", "hollow"),
    ],
)
def test_entry_fields(lemma: str, field: str, value: object) -> None:
    assert _verb(lemma)[field] == value


@pytest.mark.parametrize("lemma", ["رد", "بين", "نقل", "وعد", "كتب", "ذكر", "طالب"])
def test_noun_homographs_are_flagged(lemma: str) -> None:
    entry = _verb(lemma)
    assert entry.get("ambiguous") or lemma in entry.get("ambiguous_forms", [])


def test_verb_forms_are_consistent() -> None:
    for v in VERBS:
        assert v["imperfect"].startswith("ي"), v["lemma"]
        if v["class"] == "defective":
            assert fold(v["perfect"])[-1] in "اي", v["lemma"]
            assert fold(v["imperfect"])[-1] in "وي", v["lemma"]
        if v["class"] == "hamzated":
            assert v["perfect"].endswith("أ"), v["lemma"]


# --- the nominal cues ---------------------------------------------------------

NOMINAL = load_lexicon("nominal_cues")


@pytest.mark.parametrize(
    "phrase",
    ["وفقا", "طبقا", "بحسب", "حسب", "حسبما", "نقلا", "على لسان", "على حد قول", "على حد تعبير", "كما",
     "وفق ما", "وفقا لما", "بحسب ما", "حسب ما", "استنادا", "بناء على", "في تصريح", "في تصريحات",
     "في بيان", "في حديث", "في مقابلة", "في كلمة", "في مؤتمر صحفي"],
)
def test_required_nominal_cues_are_listed(phrase: str) -> None:
    assert phrase in {c["phrase"] for c in NOMINAL}


def test_nominal_rules_are_unique() -> None:
    rules = [c["rule"] for c in NOMINAL]
    assert len(rules) == len(set(rules))


def test_default_lexicon_bundles_both_files() -> None:
    default = Lexicon.default()
    assert default is Lexicon.default()
    assert len(default.speech_verbs) == len(VERBS)
    assert len(default.nominal_cues) == len(NOMINAL)
    assert Lexicon([VERBS[0]], []).speech_verbs == (VERBS[0],)


def test_function_words_have_no_duplicate_entries() -> None:
    rows = load_lexicon("function_words.jsonl")
    keys = [(r["text"], r["class"]) for r in rows]
    assert len(keys) == len(set(keys))
