"""The learned sub-event classifier: artefact, hard ACLED distinctions, no-event snippets, determinism,
and a tiny reproducible training run. The sentences below are written for these tests (not training lines)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from frontlines.extract import classifier

REPO = Path(__file__).resolve().parent.parent


def _script(name: str):
    """Import a module from ``scripts/``."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_artefact_loads_and_is_small() -> None:
    labels = classifier.labels()
    assert len(labels) == 26 and "NONE" in labels
    assert "Shelling/artillery/missile attack" in labels
    assert (classifier.MODEL_DIR / "model.npz").stat().st_size < 5_000_000
    assert classifier.model() is classifier.model()  # loaded once


CASES = [
    # Attack (civilians targeted) vs Armed clash (two armed sides)
    (
        "Gunmen on motorbikes shot dead nine farmers working in their fields outside Tillaberi on Sunday.",
        "Attack",
    ),
    (
        "Soldiers and jihadist fighters exchanged heavy gunfire for three hours near an army post in Tillaberi region.",
        "Armed clash",
    ),
    # Protest family
    (
        "Several hundred nurses marched peacefully to the health ministry in Accra to demand overdue salaries.",
        "Peaceful protest",
    ),
    (
        "Riot police fired tear gas and detained 14 students who were marching against tuition fees in Dhaka.",
        "Protest with intervention",
    ),
    (
        "Troops fired live bullets into a crowd of unarmed demonstrators in Conakry, killing four of them.",
        "Excessive force against protesters",
    ),
    (
        "Protesters hurled stones at officers and torched two buses during a march against fuel prices in Lagos.",
        "Violent demonstration",
    ),
    (
        "A crowd of villagers beat a suspected cattle thief to death before police could arrive.",
        "Mob violence",
    ),
    # Explosions / remote violence
    (
        "A bomb hidden in a drainage ditch exploded as an army truck passed near Gao, wounding six soldiers.",
        "Remote explosive/landmine/IED",
    ),
    (
        "A suicide bomber wearing an explosive vest blew himself up at the entrance of a mosque in Maiduguri.",
        "Suicide bomb",
    ),
    (
        "Unknown attackers lobbed a hand grenade at a police picket in Srinagar, injuring three officers.",
        "Grenade",
    ),
    (
        "Separatist artillery units shelled residential districts of the town overnight with mortars and rockets.",
        "Shelling/artillery/missile attack",
    ),
    (
        "A drone strike hit a pickup truck carrying militants in Jilib, killing its four occupants.",
        "Air/drone strike",
    ),
    # Territory
    (
        "Rebel fighters seized the town of Kiwanja after routing the army garrison in a day of heavy fighting.",
        "Non-state actor overtakes territory",
    ),
    (
        "Government troops recaptured the district of Marja from the insurgents after a two-week offensive.",
        "Government regains territory",
    ),
    (
        "The militia withdrew from the border town under a local deal and army units moved in without a fight.",
        "Non-violent transfer of territory",
    ),
    # Strategic developments
    (
        "Army engineers defused a large roadside bomb planted on the highway outside Kandahar.",
        "Disrupted weapons use",
    ),
    (
        "Security forces arrested five suspected members of the insurgent group in dawn raids in Mombasa.",
        "Arrests",
    ),
    ("The two warring factions signed a ceasefire agreement in Juba on Thursday.", "Agreement"),
    (
        "Armed men kidnapped 20 passengers from a bus on the highway in Zamfara state.",
        "Abduction/forced disappearance",
    ),
]


@pytest.mark.parametrize(("text", "label"), CASES)
def test_hard_distinctions(text: str, label: str) -> None:
    ((pred, p),) = classifier.predict([text])
    assert pred == label, (text, pred, p)


@pytest.mark.parametrize(
    "text",
    [
        "Flash floods after three days of torrential rain swept away homes and killed 23 people in the valley.",
        "Two masked robbers held up a bank branch in the city centre and escaped with cash, police said.",
    ],
)
def test_no_event_snippets(text: str) -> None:
    ((pred, _),) = classifier.predict([text])
    assert pred == "NONE"


def test_deterministic_and_probabilities() -> None:
    texts = [t for t, _ in CASES[:5]]
    first = classifier.predict(texts)
    assert first == classifier.predict(texts)
    one_by_one = [classifier.predict([t])[0] for t in texts]
    assert [lab for lab, _ in one_by_one] == [lab for lab, _ in first]
    assert [p for _, p in one_by_one] == pytest.approx([p for _, p in first])
    proba = classifier.predict_proba(texts[0])
    assert set(proba) == set(classifier.labels())
    assert sum(proba.values()) == pytest.approx(1.0)
    assert next(iter(proba)) == first[0][0]
    assert classifier.predict([]) == []


def test_training_runs_on_a_tiny_subset(tmp_path: Path) -> None:
    gen = _script("make_training_data")
    train = _script("train_classifier")
    data = tmp_path / "tiny.jsonl"
    rows = gen.generate(per_class=25, seed=3)
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert rows == gen.generate(per_class=25, seed=3)  # the generator is deterministic
    out = tmp_path / "model"
    meta = train.train(data=data, output=out, model_name="svm", per_class_limit=20, max_features=3000)
    assert meta["n_train"] == 26 * 20
    m = classifier.model(str(out))
    assert sorted(m.classes) == sorted(classifier.labels())
    probs = m.proba(["Rebels shelled the town."])
    assert probs.shape == (1, 26) and abs(probs.sum() - 1) < 1e-6
    # Same data and arguments, same artefact.
    out2 = tmp_path / "model2"
    train.train(data=data, output=out2, model_name="svm", per_class_limit=20, max_features=3000)
    assert (out / "model.npz").read_bytes() == (out2 / "model.npz").read_bytes()
