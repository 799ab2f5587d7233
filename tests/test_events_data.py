"""The events' data files load and validate; a broken entry fails loudly, naming the file and entry."""

from __future__ import annotations

import pytest

from frontlines.errors import DataFileError
from frontlines.extract import modality, notes, triggers
from frontlines.model import EVENT_TYPE_OF


def test_every_sub_event_type_has_triggers_and_a_note_template():
    covered = {r.sub_event_type for r in triggers.lexicon().rules}
    assert covered == set(EVENT_TYPE_OF)
    assert set(notes.templates()) >= set(EVENT_TYPE_OF)
    assert modality.cues().denied.search("the ministry denied the reports")


def test_trigger_scores_prefer_the_specific_type():
    hits = triggers.score("A suicide bomber blew himself up at the gate of the compound.")
    assert hits[0].sub_event_type == "Suicide bomb"
    hits = triggers.score("Crowds threw stones at police and set cars on fire during the protest.")
    assert hits[0].sub_event_type == "Violent demonstration"
    assert triggers.may_hold_event("Troops clashed with rebels near the border.")
    assert not triggers.may_hold_event("The central bank kept its interest rate unchanged.")


def test_bad_trigger_file_names_file_and_entry(monkeypatch):
    bad = {"rules": [{"sub_event_type": "Armed clash", "cues": ["clash("]}], "non_events": {}}
    monkeypatch.setattr(triggers, "load_yaml", lambda _path: bad)
    triggers.lexicon.cache_clear()
    try:
        with pytest.raises(DataFileError) as info:
            triggers.lexicon()
        assert "triggers.yaml" in str(info.value) and "rule 1" in str(info.value)
        monkeypatch.setattr(
            triggers, "load_yaml", lambda _path: {"rules": [{"sub_event_type": "Battle", "cues": ["x"]}]}
        )
        with pytest.raises(DataFileError, match="unknown sub_event_type"):
            triggers.lexicon()
    finally:
        monkeypatch.undo()
        triggers.lexicon.cache_clear()
        triggers.lexicon()
