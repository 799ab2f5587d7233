"""Language identification, and what the extractor does with a report that is not in English."""

from __future__ import annotations

import pytest

from frontlines.ingest.language import detect_language, detect_with_confidence

FRENCH = (
    "Les combats ont repris dimanche matin autour de la ville portuaire, selon des responsables locaux "
    "qui font état de plusieurs morts parmi les civils. L'armée affirme avoir repoussé l'assaut."
)
SPANISH = (
    "Los enfrentamientos entre el ejército y un grupo armado dejaron al menos cinco muertos en la "
    "provincia, informaron el domingo las autoridades locales, que pidieron calma a los vecinos."
)
ENGLISH = (
    "The army said rebels attacked a checkpoint near the border town on Monday, killing two soldiers "
    "and wounding three others, before retreating into the forest."
)


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (SPANISH, "es"), (ENGLISH, "en")])
def test_detects_language(text, code):
    assert detect_language(text) == code


def test_short_text_defaults_to_english():
    assert detect_language("Kunduz, Taloqan") == "en"
    assert detect_language("") == "en"


def test_english_crowded_with_foreign_names_stays_english():
    text = "Kunduz, Taloqan, Sheberghan: Taliban fighters overran Zaranj and Sar-e Pul."
    assert detect_language(text) == "en"


def test_only_the_start_is_sampled():
    assert detect_language(FRENCH * 12 + ENGLISH * 200) == "fr"


def test_confidence_is_a_probability():
    code, prob = detect_with_confidence(SPANISH)
    assert code == "es" and 0.5 < prob <= 1.0


def test_non_english_report_gets_no_events_and_a_warning(extractor):
    result = extractor.extract(FRENCH, published="2023-05-07")
    assert result.language == "fr"
    assert result.events == []
    assert any("'fr'" in w for w in result.warnings)
