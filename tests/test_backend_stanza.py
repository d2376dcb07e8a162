"""The stanza backend with the bundled Arabic model (no network, ever)."""

from __future__ import annotations

import builtins

import pytest

from quotes.errors import BackendUnavailable, ModelNotFound

pytestmark = pytest.mark.slow

stanza = pytest.importorskip("stanza")

from quotes.backends import stanza as sb  # noqa: E402

MINISTER = "قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل."
GOVERNMENT = "وقالت الحكومة في بيان إن الوضع مستقر."


@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    # an empty resources dir: the bundled model must be the one found
    empty = tmp_path_factory.mktemp("stanza_resources")
    mp = pytest.MonkeyPatch()
    mp.setenv("STANZA_RESOURCES_DIR", str(empty))
    try:
        yield sb.StanzaBackend()
    finally:
        mp.undo()


def _parse_one(backend, text):
    sents = backend.parse(text, [(0, len(text))])
    assert len(sents) == 1
    return sents[0]


def _verb(sentence, text, surface):
    idx = sb.word_at(sentence, text.index(surface))
    assert idx is not None
    return idx


def test_uses_bundled_model(backend):
    assert backend.name == "stanza"
    assert all(p.startswith(str(sb.BUNDLED_DIR)) for p in backend.model_paths.values())


def test_minister_subject_and_complement(backend):
    s = _parse_one(backend, MINISTER)
    verb = _verb(s, MINISTER, "قال")
    assert s.words[verb].lemma == "قال"
    subj = sb.subject_of(s, verb)
    assert subj is not None
    assert MINISTER[subj[0]:subj[1]] == "وزير الخارجية"
    comp = sb.complement_of(s, verb)
    assert comp is not None
    assert MINISTER[comp[0]:comp[1]] == "المفاوضات ستستأنف الأسبوع المقبل"


def test_government_clitic_verb(backend):
    s = _parse_one(backend, GOVERNMENT)
    verb = _verb(s, GOVERNMENT, "وقالت")
    w = s.words[verb]
    assert w.upos == "VERB" and w.mwt
    # the word inside the multiword token gets the token's span
    assert GOVERNMENT[w.start:w.end] == "وقالت"
    subj = sb.subject_of(s, verb)
    assert subj is not None and GOVERNMENT[subj[0]:subj[1]] == "الحكومة"
    comp = sb.complement_of(s, verb)
    assert comp is not None and GOVERNMENT[comp[0]:comp[1]] == "الوضع مستقر"


def test_outlet_oblique(backend):
    text = "وقال المتحدث لوكالة فرانس برس إن الهجوم فشل."
    s = _parse_one(backend, text)
    verb = _verb(s, text, "وقال")
    spans = [text[a:b] for a, b in sb.obliques_of(s, verb)]
    assert any(span.startswith("لوكالة") for span in spans), spans


def test_offsets_slice_original_with_selective_spans(backend):
    doc = "عنوان الخبر\n\n" + MINISTER + " " + "وَقالَت الحكومة في بيان إن الوضع مستقر."
    first = (doc.index(MINISTER), doc.index(MINISTER) + len(MINISTER))
    second = (doc.index("وَقالَت"), len(doc))
    sents = backend.parse(doc, [first, second])
    assert len(sents) == 2
    for sent, (a, b) in zip(sents, [first, second]):
        assert a <= sent.start < sent.end <= b
        for w in sent.words:
            assert a <= w.start < w.end <= b
            piece = doc[w.start:w.end]
            assert piece.strip() == piece and piece
            if not w.mwt:
                # vocalization is stripped before parsing, so compare bare forms
                assert sb._STRIP.sub("", piece) == w.text
    # the vocalized clitic verb maps back onto the original characters
    verb = sb.word_at(sents[1], second[0])
    assert doc[sents[1].words[verb].start:sents[1].words[verb].end] == "وَقالَت"


def test_plain_data_only(backend):
    s = _parse_one(backend, MINISTER)
    assert isinstance(s, sb.ParsedSentence)
    for w in s.words:
        assert isinstance(w, sb.ParsedWord)
        assert type(w.head) is int and type(w.start) is int
    assert [w.id for w in s.words] == list(range(1, len(s.words) + 1))


def test_word_at_outside(backend):
    s = _parse_one(backend, MINISTER)
    assert sb.word_at(s, MINISTER.index(" ")) is None
    assert sb.word_at(s, len(MINISTER) + 5) is None


def test_missing_stanza_names_extra(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "stanza" or name.startswith("stanza."):
            raise ImportError("No module named 'stanza'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(BackendUnavailable) as info:
        sb.StanzaBackend()
    assert "pip install 'quotes[parser]'" in str(info.value)
    assert isinstance(info.value, ImportError)


def test_empty_explicit_dir(tmp_path):
    with pytest.raises(ModelNotFound) as info:
        sb.StanzaBackend(stanza_dir=str(tmp_path))
    assert str(tmp_path) in str(info.value)
    assert isinstance(info.value, FileNotFoundError)


def test_load_backend_stanza_explicit_dir(tmp_path):
    pytest.importorskip("quotes.backends.refine")
    from quotes.backends import load_backend

    with pytest.raises(ModelNotFound):
        load_backend("stanza", stanza_dir=str(tmp_path))
