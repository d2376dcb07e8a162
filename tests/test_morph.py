"""Inflection tables per verb class, generated from the lexicon entries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.lexicon import load_lexicon
from quotes.morph import Form, inflect, passive_forms, perfect_forms
from quotes.text import fold

VERBS = {v["lemma"]: v for v in load_lexicon("speech_verbs")}


def _table(lemma: str, kind: str) -> dict[tuple[str | None, str], list[str]]:
    """(gender, number) -> folded surfaces of one kind, in generation order."""
    out: dict[tuple[str | None, str], list[str]] = {}
    for f in inflect(VERBS[lemma]):
        if f.kind == kind:
            out.setdefault((f.gender, f.number), []).append(f.surface)
    return out


def _f(*words: str) -> list[str]:
    return [fold(w) for w in words]


PERFECT = [
    # sound
    ("أكد", {("m", "sg"): _f("أكد"), ("f", "sg"): _f("أكدت"), ("m", "pl"): _f("أكدوا"),
             ("f", "pl"): _f("أكدن"), ("m", "du"): _f("أكدا"), ("f", "du"): _f("أكدتا")}),
    # sound, stem in ن: the 3fp أعلنّ is spelled like the 3ms and is left out
    ("أعلن", {("m", "sg"): _f("أعلن"), ("f", "sg"): _f("أعلنت"), ("m", "pl"): _f("أعلنوا"),
              ("m", "du"): _f("أعلنا"), ("f", "du"): _f("أعلنتا")}),
    # hollow
    ("قال", {("m", "sg"): ["قال"], ("f", "sg"): ["قالت"], ("m", "pl"): ["قالوا"],
             ("f", "pl"): ["قلن"], ("m", "du"): ["قالا"], ("f", "du"): ["قالتا"]}),
    ("أشار", {("m", "sg"): _f("أشار"), ("f", "sg"): _f("أشارت"), ("m", "pl"): _f("أشاروا"),
              ("f", "pl"): _f("أشرن"), ("m", "du"): _f("أشارا"), ("f", "du"): _f("أشارتا")}),
    # doubled
    ("رد", {("m", "sg"): ["رد"], ("f", "sg"): ["ردت"], ("m", "pl"): ["ردوا"],
            ("f", "pl"): ["رددن"], ("m", "du"): ["ردا"], ("f", "du"): ["ردتا"]}),
    ("أقر", {("m", "sg"): _f("أقر"), ("f", "sg"): _f("أقرت"), ("m", "pl"): _f("أقروا"),
             ("f", "pl"): _f("أقررن"), ("m", "du"): _f("أقرا"), ("f", "du"): _f("أقرتا")}),
    # defective in ى
    ("نفى", {("m", "sg"): _f("نفى"), ("f", "sg"): ["نفت"], ("m", "pl"): ["نفوا"],
             ("f", "pl"): ["نفين"], ("m", "du"): ["نفيا"], ("f", "du"): ["نفتا"]}),
    ("ادعى", {("m", "sg"): _f("ادعى"), ("f", "sg"): ["ادعت"], ("m", "pl"): ["ادعوا"],
              ("f", "pl"): ["ادعين"], ("m", "du"): ["ادعيا"], ("f", "du"): ["ادعتا"]}),
    ("رأى", {("m", "sg"): _f("رأى"), ("f", "sg"): _f("رأت"), ("m", "pl"): _f("رأوا"),
             ("f", "pl"): _f("رأين"), ("m", "du"): _f("رأيا"), ("f", "du"): _f("رأتا")}),
    # defective in ا: the dual دعوا is spelled like the plural, which wins
    ("دعا", {("m", "sg"): ["دعا"], ("f", "sg"): ["دعت"], ("m", "pl"): ["دعوا"],
             ("f", "pl"): ["دعون"], ("f", "du"): ["دعتا"]}),
    # final hamza: both plural spellings; the dual تنبآ folds onto the 3ms
    ("تنبأ", {("m", "sg"): _f("تنبأ"), ("f", "sg"): _f("تنبأت"), ("m", "pl"): _f("تنبأوا", "تنبؤوا"),
              ("f", "pl"): _f("تنبأن"), ("f", "du"): _f("تنبأتا")}),
]


@pytest.mark.parametrize(("lemma", "expected"), PERFECT)
def test_perfect(lemma: str, expected: dict) -> None:  # type: ignore[type-arg]
    assert _table(lemma, "perfect") == expected


IMPERFECT = [
    ("أكد", {("m", "sg"): _f("يؤكد"), ("f", "sg"): _f("تؤكد"), ("m", "pl"): _f("يؤكدون"),
             ("f", "pl"): _f("يؤكدن"), ("m", "du"): _f("يؤكدان"), ("f", "du"): _f("تؤكدان")}),
    ("قال", {("m", "sg"): ["يقول"], ("f", "sg"): ["تقول"], ("m", "pl"): ["يقولون"],
             ("f", "pl"): ["يقلن"], ("m", "du"): ["يقولان"], ("f", "du"): ["تقولان"]}),
    ("رد", {("m", "sg"): ["يرد"], ("f", "sg"): ["ترد"], ("m", "pl"): ["يردون"],
            ("f", "pl"): ["يرددن"], ("m", "du"): ["يردان"], ("f", "du"): ["تردان"]}),
    ("نفى", {("m", "sg"): ["ينفي"], ("f", "sg"): ["تنفي"], ("m", "pl"): ["ينفون"],
             ("f", "pl"): ["ينفين"], ("m", "du"): ["ينفيان"], ("f", "du"): ["تنفيان"]}),
    ("دعا", {("m", "sg"): ["يدعو"], ("f", "sg"): ["تدعو"], ("m", "pl"): ["يدعون"],
             ("m", "du"): ["يدعوان"], ("f", "du"): ["تدعوان"]}),
    ("رأى", {("m", "sg"): _f("يرى"), ("f", "sg"): _f("ترى"), ("m", "pl"): ["يرون"],
             ("f", "pl"): ["يرين"], ("m", "du"): ["يريان"], ("f", "du"): ["تريان"]}),
    ("وصف", {("m", "sg"): ["يصف"], ("f", "sg"): ["تصف"], ("m", "pl"): ["يصفون"],
             ("f", "pl"): ["يصفن"], ("m", "du"): ["يصفان"], ("f", "du"): ["تصفان"]}),
]


@pytest.mark.parametrize(("lemma", "expected"), IMPERFECT)
def test_imperfect(lemma: str, expected: dict) -> None:  # type: ignore[type-arg]
    assert _table(lemma, "imperfect") == expected


PARTICIPLE = [
    ("قال", {("m", "sg"): _f("قائلا"), ("f", "sg"): _f("قائلة"), ("m", "pl"): _f("قائلين", "قائلون"),
             ("f", "pl"): _f("قائلات"), ("m", "du"): _f("قائلان"), ("f", "du"): _f("قائلتين", "قائلتان")}),
    ("أضاف", {("m", "sg"): ["مضيفا"], ("f", "sg"): _f("مضيفة"), ("m", "pl"): ["مضيفين", "مضيفون"],
              ("f", "pl"): ["مضيفات"], ("m", "du"): ["مضيفان"], ("f", "du"): ["مضيفتين", "مضيفتان"]}),
    ("نفى", {("m", "sg"): ["نافيا"], ("f", "sg"): _f("نافية"), ("m", "pl"): ["نافين", "نافون"],
             ("f", "pl"): ["نافيات"], ("m", "du"): ["نافيين", "نافيان"], ("f", "du"): ["نافيتين", "نافيتان"]}),
]


@pytest.mark.parametrize(("lemma", "expected"), PARTICIPLE)
def test_participle(lemma: str, expected: dict) -> None:  # type: ignore[type-arg]
    assert _table(lemma, "participle") == expected


@pytest.mark.parametrize(
    ("lemma", "written"),
    [("قال", "قائلاً"), ("أكد", "مؤكداً"), ("أكد", "موكدا"), ("أشار", "مشيرًا"), ("دعا", "داعياً"),
     ("نفى", "نافيةً"), ("أوضح", "موضحا"), ("عزا", "عازياً"), ("تساءل", "متسائلا"), ("تساءل", "متساءلا")],
)
def test_participles_as_news_writes_them(lemma: str, written: str) -> None:
    assert fold(written) in {f.surface for f in inflect(VERBS[lemma]) if f.kind == "participle"}


@pytest.mark.parametrize("lemma", ["قال", "أضاف", "أشار", "أكد"])
def test_bare_masculine_participle_is_not_generated(lemma: str) -> None:
    # مضيف 'host', مشير 'marshal', مؤكد 'certain': nouns and adjectives
    participle = fold(VERBS[lemma]["participle"])
    assert participle not in {f.surface for f in inflect(VERBS[lemma])}


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("قال", [("قيل", "perfect", "m"), ("قيلت", "perfect", "f"), ("يقال", "imperfect", "m"), ("تقال", "imperfect", "f")]),
        ("ذكر", [("ذكر", "perfect", "m"), ("ذكرت", "perfect", "f"), ("يذكر", "imperfect", "m"), ("تذكر", "imperfect", "f")]),
        ("أكد", []),
    ],
)
def test_passive(lemma: str, expected: list) -> None:  # type: ignore[type-arg]
    assert [(f.surface, f.aspect, f.gender) for f in passive_forms(VERBS[lemma])] == expected
    assert all(f.kind == "passive" and f.number == "sg" for f in passive_forms(VERBS[lemma]))


def test_inflect_hides_a_passive_spelled_like_the_active() -> None:
    forms = inflect(VERBS["أعلن"])
    assert [f.kind for f in forms if f.surface == "اعلن"] == ["perfect"]
    assert Form("يعلن", "passive", "m", "sg", "imperfect") in passive_forms(VERBS["أعلن"])


def test_variant_spellings_are_inflected() -> None:
    surfaces = {f.surface for f in inflect(VERBS["تساءل"])}
    assert {fold("تسائلت"), fold("يتسائلون"), "تساءلت"} <= surfaces


@pytest.mark.parametrize("entry", list(VERBS.values()), ids=list(VERBS))
def test_every_entry_inflects_to_unique_folded_forms(entry: dict) -> None:  # type: ignore[type-arg]
    forms = inflect(entry)
    surfaces = [f.surface for f in forms]
    assert len(surfaces) == len(set(surfaces))
    assert all(s == fold(s) and len(s) >= 2 for s in surfaces)
    assert forms[0] == Form(fold(entry["perfect"]), "perfect", "m", "sg", "perfect")
    assert len(perfect_forms(entry)) >= 6


@given(st.sampled_from(sorted(VERBS)), st.sampled_from(["sound", "hollow", "doubled", "defective", "hamzated"]))
def test_any_class_gives_third_person_forms_of_the_stems(lemma: str, cls: str) -> None:
    entry = dict(VERBS[lemma], **{"class": cls})
    forms = inflect(entry)
    assert {f.kind for f in forms} >= {"perfect", "imperfect"}
    assert all(f.surface.startswith(("ي", "ت")) for f in forms if f.kind == "imperfect")
