"""The outlet, time-word, title and source-noun lexicons: well formed and complete enough."""

from __future__ import annotations

import collections
import importlib.util
from pathlib import Path

import pytest

from quotes.lexicon import load_lexicon
from quotes.text import fold

SCORE = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "score.py"

FILES = ["outlets.jsonl", "outlet_cues.jsonl", "time_words.jsonl", "titles.jsonl", "source_nouns.jsonl"]


def _key(s: str) -> str:
    return " ".join(fold(s).split())


def _ambiguous(row: dict, spelling: str) -> bool:
    amb = row.get("ambiguous", False)
    return amb is True or (isinstance(amb, list) and spelling in amb)


@pytest.mark.parametrize("name, at_least", [
    ("outlets.jsonl", 150), ("outlet_cues.jsonl", 100), ("time_words.jsonl", 150),
    ("titles.jsonl", 100), ("source_nouns.jsonl", 100),
])
def test_every_file_validates_and_is_big_enough(name: str, at_least: int) -> None:
    rows = load_lexicon(name)  # raises LexiconError on any line off its schema
    assert len(rows) >= at_least


def test_outlet_names_are_unique() -> None:
    names = [r["name"] for r in load_lexicon("outlets.jsonl")]
    assert len(names) == len(set(names))


def test_ambiguous_lists_name_listed_spellings() -> None:
    for row in load_lexicon("outlets.jsonl"):
        amb = row.get("ambiguous")
        if isinstance(amb, list):
            assert set(amb) <= set(row["ar"] + row["latin"]), row["name"]


def test_a_spelling_shared_by_two_outlets_is_ambiguous_in_both() -> None:
    owners: dict[str, list[tuple[str, bool]]] = collections.defaultdict(list)
    for row in load_lexicon("outlets.jsonl"):
        for s in row["ar"] + row["latin"]:
            owners[_key(s)].append((row["name"], _ambiguous(row, s)))
    for spelling, who in owners.items():
        if len({name for name, _ in who}) > 1:
            assert all(amb for _, amb in who), (spelling, who)


@pytest.mark.parametrize("word, outlet", [
    ("الشرق الأوسط", "Asharq Al-Awsat"),  # the region
    ("الرياض", "Al Riyadh"),  # the city
    ("الوطن", "Al Watan"),  # the homeland
    ("اليوم", "Al Yaum"),  # today
    ("الجزيرة", "Al Jazirah"),  # the island
    ("سبق", "Sabq"),  # "preceded"
    ("البيان", "Al Bayan"),  # the statement
    ("العربية", "Al Arabiya"),  # the Arabic language
])
def test_common_words_are_marked_ambiguous(word: str, outlet: str) -> None:
    row = next(r for r in load_lexicon("outlets.jsonl") if r["name"] == outlet)
    assert _ambiguous(row, word)


@pytest.mark.parametrize("spelling, outlet", [
    ("رويترز", "Reuters"), ("فرانس برس", "AFP"), ("وكالة الأنباء الفرنسية", "AFP"),
    ("أسوشيتد برس", "AP"), ("الأناضول", "Anadolu"), ("واس", "SPA"), ("سانا", "SANA"),
    ("بترا", "Petra"), ("إرنا", "IRNA"), ("شينخوا", "Xinhua"), ("وات", "TAP"),
    ("بي بي سي", "BBC"), ("سي إن إن", "CNN"), ("سكاي نيوز عربية", "Sky News Arabia"),
    ("روسيا اليوم", "RT"), ("الغارديان", "Guardian"), ("الجارديان", "Guardian"),
    ("هآرتس", "Haaretz"), ("يديعوت أحرونوت", "Yedioth Ahronoth"), ("تويتر", "Twitter"),
    ("إكس", "Twitter"), ("فيس بوك", "Facebook"), ("أنستاغرام", "Instagram"), ("تيك توك", "TikTok"),
])
def test_spellings_name_their_outlet(spelling: str, outlet: str) -> None:
    owners = [r["name"] for r in load_lexicon("outlets.jsonl") if spelling in r["ar"] + r["latin"]]
    assert owners[0] == outlet


def test_canonical_names_agree_with_the_scorer() -> None:
    """Every outlet the scorer knows by alias is one of ours under a name it maps the same way."""
    if not SCORE.exists():
        pytest.skip("shared scorer not available")
    spec = importlib.util.spec_from_file_location("score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)  # type: ignore[union-attr]
    ours = {tuple(score.outlet_key({"name": r["name"]})) for r in load_lexicon("outlets.jsonl")}
    for target in set(score.OUTLET_ALIASES.values()):
        assert tuple(target.split()) in ours, target


def test_weekdays_and_months_are_complete() -> None:
    rows = load_lexicon("time_words.jsonl")
    assert {r["value"] for r in rows if r["kind"] == "weekday"} == set(range(1, 8))
    for cal in ("levantine", "gregorian"):
        assert {r["value"] for r in rows if r["kind"] == "month" and r.get("calendar") == cal} == set(range(1, 13))
    assert {r["value"] for r in rows if r["kind"] == "ordinal"} == set(range(1, 32))


def test_a_time_word_means_one_thing() -> None:
    """A folded month, weekday or ordinal spelling never has two values."""
    seen: dict[tuple[str, str], int] = {}
    for r in load_lexicon("time_words.jsonl"):
        if "value" in r:
            k = (r["kind"], _key(r["text"]))
            assert seen.setdefault(k, r["value"]) == r["value"], r


@pytest.mark.parametrize("text, value", [
    ("تموز", 7), ("يوليو", 7), ("جويلية", 7), ("آب", 8), ("أغسطس", 8), ("أوت", 8),
    ("كانون الثاني", 1), ("كانون الأول", 12), ("تشرين الأول", 10), ("تشرين الثاني", 11),
    ("يونيه", 6), ("جوان", 6), ("إبريل", 4), ("فبرائر", 2),
])
def test_month_names(text: str, value: int) -> None:
    got = {r["value"] for r in load_lexicon("time_words.jsonl") if r["kind"] == "month" and r["text"] == text}
    assert got == {value}


@pytest.mark.parametrize("text, kind, gender", [
    ("العقيد", "military", "m"), ("وزيرة", "political", "f"), ("المتحدثة باسم", "political", "f"),
    ("الشيخ", "honorific", "m"), ("المفتي", "religious", "m"), ("المدرب", "job", "m"),
    ("الناشطة", "job", "f"), ("ولي العهد", "political", "m"),
])
def test_titles(text: str, kind: str, gender: str) -> None:
    rows = [r for r in load_lexicon("titles.jsonl") if r["text"] == text]
    assert (rows[0]["kind"], rows[0]["gender"]) == (kind, gender)


def test_titles_are_not_names() -> None:
    texts = {r["text"] for r in load_lexicon("titles.jsonl")}
    assert "محمد" not in texts and "العموري" not in texts


@pytest.mark.parametrize("text, kind, gender, number", [
    ("مصادر", "anonymous", "f", "pl"),  # قالت مصادر: non-human plural agrees fem. sg.
    ("شهود", "anonymous", "m", "pl"),  # قال شهود ... وأضافوا
    ("مسؤول", "anonymous", "m", "sg"),
    ("الحكومة", "organization", "f", "sg"),
    ("الجيش", "organization", "m", "sg"),
    ("البيت الأبيض", "organization", "m", "sg"),
    ("الأمم المتحدة", "organization", "f", "sg"),
    ("البيان", "document", "m", "sg"),
    ("الدراسة", "document", "f", "sg"),
    ("الإحصاءات", "document", "f", "pl"),
    ("المعارضة", "group", "f", "sg"),
    ("الحوثيون", "group", "m", "pl"),
])
def test_source_nouns_record_agreement(text: str, kind: str, gender: str, number: str) -> None:
    row = next(r for r in load_lexicon("source_nouns.jsonl") if r["text"] == text)
    assert (row["kind"], row["gender"], row["number"]) == (kind, gender, number)


def test_source_nouns_are_unique() -> None:
    texts = [_key(r["text"]) for r in load_lexicon("source_nouns.jsonl")]
    assert len(texts) == len(set(texts))
