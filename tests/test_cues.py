"""The cue finder: speech verbs, participles and nominal cues, with negative twins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.cues import CueFinder, CueMatch
from quotes.lexicon import Lexicon, load_lexicon
from quotes.text import normalize

FINDER = CueFinder()
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _only(text: str) -> CueMatch:
    cues = FINDER.find_text(text)
    assert len(cues) == 1, [c.text for c in cues]
    return cues[0]


def _at(text: str, token: str) -> tuple[int, int]:
    start = text.index(token)
    assert text.find(token, start + 1) == -1, "token must be unique in the sentence"
    return start, start + len(token)


# (sentence, cue token as written, lemma, kind, aspect, gender, number, proclitics)
VERBS = [
    ("وقال الوزير إن المحادثات مستمرة.", "وقال", "قال", "verb", "perfect", "m", "sg", "و"),
    ("وقالت المتحدثة إن الوفد وصل.", "وقالت", "قال", "verb", "perfect", "f", "sg", "و"),
    ("قالوا إن الطريق مغلق.", "قالوا", "قال", "verb", "perfect", "m", "pl", ""),
    ("وقالا في بيان مشترك إن", "وقالا", "قال", "verb", "perfect", "m", "du", "و"),
    ("فأضاف أن الاجتماع تأجل.", "فأضاف", "أضاف", "verb", "perfect", "m", "sg", "ف"),
    ("وأكدت الشركة أن الأرباح ارتفعت.", "وأكدت", "أكد", "verb", "perfect", "f", "sg", "و"),
    ("نفت الوزارة وجود أي خلاف.", "نفت", "نفى", "verb", "perfect", "f", "sg", ""),
    ("ونفى المتحدث هذه الأنباء.", "ونفى", "نفى", "verb", "perfect", "m", "sg", "و"),
    ("ونفوا أي علاقة بالحادث.", "ونفوا", "نفى", "verb", "perfect", "m", "pl", "و"),
    ("ودعا الأمين العام إلى التهدئة.", "ودعا", "دعا", "verb", "perfect", "m", "sg", "و"),
    ("ورأت اللجنة أن القرار متسرع.", "ورأت", "رأى", "verb", "perfect", "f", "sg", "و"),
    ("وردت الوزارة على الانتقادات بأن", "وردت", "رد", "verb", "perfect", "f", "sg", "و"),
    ("يقول الخبراء إن الأسعار سترتفع.", "يقول", "قال", "verb", "imperfect", "m", "sg", ""),
    ("وتقول الحكومة إن الوضع تحت السيطرة.", "وتقول", "قال", "verb", "imperfect", "f", "sg", "و"),
    ("وسيقول الرئيس في خطابه إن", "وسيقول", "قال", "verb", "imperfect", "m", "sg", "وس"),
    ("ليقول إن الأمر انتهى.", "ليقول", "قال", "verb", "imperfect", "m", "sg", "ل"),
    ("وينفي المسؤولون ذلك.", "وينفي", "نفى", "verb", "imperfect", "m", "sg", "و"),
    ("ويؤكدون أن الهدنة صامدة.", "ويؤكدون", "أكد", "verb", "imperfect", "m", "pl", "و"),
    ("ويصفه مراقبون بأنه متشدد.", "ويصفه", "وصف", "verb", "imperfect", "m", "sg", "و"),
    ("وتساءلت الصحيفة عن مصير الأموال.", "وتساءلت", "تساءل", "verb", "perfect", "f", "sg", "و"),
    ("وتسائل النائب عن الأسباب.", "وتسائل", "تساءل", "verb", "perfect", "m", "sg", "و"),
    ("الوزير، مضيفا أن الخطة جاهزة.", "مضيفا", "أضاف", "participle", None, "m", "sg", ""),
    ("وتابع قائلاً: \"لن نتراجع\".", "قائلاً", "قال", "participle", None, "m", "sg", ""),
    ("قائلة إن الموعد لم يحدد.", "قائلة", "قال", "participle", None, "f", "sg", ""),
    ("مؤكدين أن المطالب مشروعة.", "مؤكدين", "أكد", "participle", None, "m", "pl", ""),
    ("مشيرةً إلى أن العدد ارتفع.", "مشيرةً", "أشار", "participle", None, "f", "sg", ""),
    ("نافياً أن يكون قد التقى به.", "نافياً", "نفى", "participle", None, "m", "sg", ""),
    ("داعيا إلى ضبط النفس.", "داعيا", "دعا", "participle", None, "m", "sg", ""),
    ("قيل إن الاجتماع ألغي.", "قيل", "قال", "passive", "perfect", "m", "sg", ""),
    ("ويقال إن السفير غادر.", "ويقال", "قال", "passive", "imperfect", "m", "sg", "و"),
    ("أُعلن عن تشكيل لجنة.", "أُعلن", "أعلن", "passive", "perfect", "m", "sg", ""),
    ("اكد الوزير أن", "اكد", "أكد", "verb", "perfect", "m", "sg", ""),
    ("إكد الوزير أن", None, None, None, None, None, None, None),
    ("قـال المتحدث إن", "قـال", "قال", "verb", "perfect", "m", "sg", ""),
    ("وقالَ المتحدثُ إنّ", "وقالَ", "قال", "verb", "perfect", "m", "sg", "و"),
    ("وأكّدت الوزارة أنّ", "وأكّدت", "أكد", "verb", "perfect", "f", "sg", "و"),
]


@pytest.mark.parametrize(
    ("text", "token", "lemma", "kind", "aspect", "gender", "number", "proclitics"), VERBS,
)
def test_verb_cues(text: str, token: str | None, lemma: str | None, kind: str | None,
                   aspect: str | None, gender: str | None, number: str | None, proclitics: str | None) -> None:
    cues = [c for c in FINDER.find_text(text) if c.kind in ("verb", "participle", "passive")]
    if token is None:
        assert cues == []
        return
    cue = next(c for c in cues if c.lemma == lemma)
    assert (cue.start, cue.end) == _at(text, token)
    assert cue.text == token == text[cue.start:cue.end]
    assert (cue.lemma, cue.kind, cue.aspect, cue.gender, cue.number, cue.proclitics) == (
        lemma, kind, aspect, gender, number, proclitics)


NEGATIVES = [
    "القول إن الحرب انتهت غير دقيق.",   # masdar with the article
    "ورفض قولها دون دليل.",              # the masdar قول + pronoun is no cue (رفض is)
    "اجتمعوا في قاعة المؤتمرات.",
    "وصل رئيس الوزراء إلى العاصمة.",
    "جمع الباحث أقوال الشهود.",
    "صدر إعلان رسمي أمس.",
    "إضافة إلى ذلك، ارتفعت الأسعار.",
    "في إشارة إلى الأزمة.",
    "هناك خلاف بين الطرفين.",
    "ليس هذا فحسب، بل ارتفعت الأسعار.",
    "لم يتغير شيء وحسب.",
    "القائل مجهول.",
    "يقولوهاx",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_speech_cue(text: str) -> None:
    cues = [c for c in FINDER.find_text(text) if not c.ambiguous]
    assert [c.text for c in cues if c.lemma != "رفض"] == []


def test_masdar_with_pronoun_twin() -> None:
    assert [c.lemma for c in FINDER.find_text("ورفض قولها دون دليل.")] == ["رفض"]


# (sentence, cue token, lemma, rule, proclitics)
NOMINALS = [
    ("قتل عشرة مدنيين، وفقًا لـ«الأمم المتحدة».", "وفقًا", "وفقا", "nominal.wafqan", ""),
    ("قتل عشرة مدنيين، وفقا للأمم المتحدة.", "وفقا", "وفقا", "nominal.wafqan", ""),
    ("ووفقاً لمصادر محلية، فإن القصف استمر.", "ووفقاً", "وفقا", "nominal.wafqan", "و"),
    ("وبحسب البيان، فإن الضحايا مدنيون.", "وبحسب", "بحسب", "nominal.bihasab", "و"),
    ("ارتفع العدد بحسب “رويترز”.", "بحسب", "بحسب", "nominal.bihasab", ""),
    ("حسب مصادر طبية فإن الحصيلة ارتفعت.", "حسب", "حسب", "nominal.hasab", ""),
    ("وقع الانفجار حسبما أفاد شهود.", "حسبما", "حسبما", "nominal.hasabama", ""),
    ("نقلا عن مصدر أمني.", "نقلا", "نقلا", "nominal.naqlan", ""),
    ("وذلك على حد قول الوزير.", "على حد قول", "على حد قول", "nominal.ala_hadd_qawl", ""),
    ("وجاء ذلك على لسان المتحدث.", "على لسان", "على لسان", "nominal.ala_lisan", ""),
    ("طبقاً لتقديرات الأمم المتحدة.", "طبقاً", "طبقا", "nominal.tibqan", ""),
]


@pytest.mark.parametrize(("text", "token", "lemma", "rule", "proclitics"), NOMINALS)
def test_nominal_cues(text: str, token: str, lemma: str, rule: str, proclitics: str) -> None:
    cue = next(c for c in FINDER.find_text(text) if c.kind == "nominal")
    assert (cue.start, cue.end) == _at(text, token)
    assert (cue.lemma, cue.rule, cue.proclitics, cue.cue_kind, cue.sense) == (
        lemma, rule, proclitics, "according_to", "according-to")


@pytest.mark.parametrize(
    "text",
    [
        "وفقا ذلك",             # وفقا with no لـ
        "نقلا المصابين",        # نقلا with no عن: the verb, not the cue
        "ليس ذلك فحسب بل",     # فحسب 'only'
        "وحسب.",                # clause-final 'only'
        "وعلى حد علمي",        # not a cue phrase
    ],
)
def test_nominal_negative_twins(text: str) -> None:
    assert [c.text for c in FINDER.find_text(text) if c.kind == "nominal"] == []


def test_naqlan_without_an_is_read_as_the_verb() -> None:
    cue = _only("نقلا المصابين إلى المستشفى.")
    assert (cue.text, cue.lemma, cue.kind, cue.number) == ("نقلا", "نقل", "verb", "du")


@pytest.mark.parametrize(
    ("text", "token", "rule", "enclitic"),
    [
        ("وقال في بيان إن", "في بيان", "verbal_noun.fi_bayan", ""),
        ("وأوضح في تصريحات صحفية أن", "في تصريحات", "verbal_noun.fi_tasrihat", ""),
        ("وقالت في كلمتها أمام البرلمان إن", "في كلمتها", "verbal_noun.fi_kalima", "ها"),
        ("وأكد في مؤتمر صحفي أن", "في مؤتمر صحفي", "verbal_noun.fi_mutamar_sahafi", ""),
        ("وفي مقابلة مع القناة قال", "وفي مقابلة", "verbal_noun.fi_muqabala", ""),
    ],
)
def test_verbal_noun_cues(text: str, token: str, rule: str, enclitic: str) -> None:
    cue = next(c for c in FINDER.find_text(text) if c.kind == "verbal_noun")
    assert (cue.start, cue.end) == _at(text, token)
    assert (cue.rule, cue.cue_kind, cue.enclitic) == (rule, "verbal_noun", enclitic)


@pytest.mark.parametrize(
    ("text", "token", "marker"),
    [
        ("وصل الوفد، كما قالت الوزارة.", "قالت", "nominal.kama"),
        ("ارتفع العدد وفقا لما ذكرته الوكالة.", "ذكرته", "nominal.wafqan_lima"),
        ("ارتفع العدد بحسب ما أعلنت الوزارة.", "أعلنت", "nominal.bihasab_ma"),
        ("وصل الوفد حسبما أوردت الوكالة.", "أوردت", "nominal.hasabama"),
    ],
)
def test_markers_make_a_verb_an_according_to_cue(text: str, token: str, marker: str) -> None:
    cue = next(c for c in FINDER.find_text(text) if c.kind == "verb")
    assert (cue.start, cue.end) == _at(text, token)
    assert cue.cue_kind == "according_to" and cue.rule.endswith("+" + marker)


def test_unmarked_verb_twin() -> None:
    assert _only("وقالت الوزارة إن الوفد وصل.").cue_kind is None


@pytest.mark.parametrize(
    ("text", "ambiguous"),
    [
        ("رد على الانتقادات", True),    # also the noun 'reply'
        ("بين الطرفين", True),           # the preposition 'between'
        ("وبين الوزير أن", True),
        ("مبينا أن", False),
        ("نفي", True),                   # the noun 'denial'
        ("نفى", False),                  # alef maqsura: the verb
        ("رأي", True),
        ("رأى", False),
        ("طالب", True),                  # 'student'
        ("طالبت", False),
        ("ذكرا", True),                  # accusative of the noun ذكر
        ("عبر", True),                   # 'via'
        ("قال", False),
    ],
)
def test_ambiguous_forms_are_flagged(text: str, ambiguous: bool) -> None:
    assert _only(text).ambiguous is ambiguous


@pytest.mark.parametrize(
    ("text", "kind", "passive_possible"),
    [("أعلن", "verb", True), ("أُعلن", "passive", False), ("ذُكر", "passive", False),
     ("أعلنت", "verb", True), ("أكد", "verb", False), ("قيل", "passive", False)],
)
def test_damma_selects_the_passive(text: str, kind: str, passive_possible: bool) -> None:
    cue = _only(text)
    assert (cue.kind, cue.passive_possible) == (kind, passive_possible)


@pytest.mark.parametrize(
    ("text", "enclitic", "found"),
    [("ذكرته", "ه", True), ("أخبرني", "ني", True), ("دعاهم", "هم", True),
     ("إشارته", "", False), ("قالواه", "", False), ("تشارك", "", False)],
)
def test_object_pronouns(text: str, enclitic: str, found: bool) -> None:
    cues = FINDER.find_text(text)
    assert [c.enclitic for c in cues] == ([enclitic] if found else [])


def test_entry_fields_are_carried() -> None:
    cue = _only("وأشارت إلى أن")
    assert cue.sense == "point" and cue.prepositions == ("إلى",) and cue.complementizers == ("أن",)
    assert cue.requires_complement and not cue.expressive and cue.rule == "verb.perfect"
    praise = _only("وأشاد بالاتفاق")
    assert praise.expressive and praise.sense == "other"
    assert _only("مضيفا").rule == "participle"


def test_offsets_follow_the_original_text_around_deleted_characters() -> None:
    text = "\u200fوقـالَ الوزير: وفقـاً لـ\u200fالأمم"
    cues = FINDER.find_text(text)
    assert [c.text for c in cues] == ["وقـالَ", "وفقـاً"]
    assert all(text[c.start:c.end] == c.text for c in cues)


def test_find_and_find_text_agree() -> None:
    text = "وقال الوزير، مضيفا أن الوفد وصل، وفقا للوكالة."
    assert FINDER.find(normalize(text)) == FINDER.find_text(text)


def test_custom_lexicon() -> None:
    verbs = [v for v in load_lexicon("speech_verbs") if v["lemma"] == "أكد"]
    finder = CueFinder(Lexicon(verbs, []))
    assert [c.lemma for c in finder.find_text("وقال إنه أكد وفقا للبيان")] == ["أكد"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="وقالتأكدنفيىةـَُ إنفحسبلـ،.“”\n\u200f", max_size=60))
def test_spans_slice_back_and_do_not_overlap(text: str) -> None:
    cues = FINDER.find_text(text)
    last = 0
    for c in cues:
        assert text[c.start:c.end] == c.text and c.start >= last and c.end > c.start
        last = c.end


@pytest.mark.skipif(not (SHARED / "dev" / "gold.jsonl").exists(), reason="shared corpus absent")
def test_gold_cue_recall_on_dev() -> None:
    hit = total = 0
    for line in (SHARED / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        found = {(c.start, c.end) for c in FINDER.find_text(doc["text"])}
        for q in doc["quotes"]:
            if q.get("cue"):
                total += 1
                hit += (q["cue"]["start"], q["cue"]["end"]) in found
    assert total and hit / total >= 0.97
