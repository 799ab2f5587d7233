"""Syndication grouping on our own short texts (fictional wording; no published text)."""

from __future__ import annotations

import pytest

from frontlines.reconcile.syndication import (
    SyndicationIndex,
    minhash_signature,
    shingles,
    similarity,
    strip_boilerplate,
)

WIRE = """Taliban fighters seize Kunduz city after days of street fighting

KUNDUZ, Afghanistan, Aug 8 - Taliban fighters took control of the northern city of Kunduz on Sunday after
three days of street battles with government troops, two local officials and a resident said.

The insurgents captured the police headquarters and the governor's compound before noon, said Ghulam Rabbani,
a member of the provincial council. Government forces pulled back to the airport on the edge of the city,
where they were regrouping with commando units flown in overnight.

At least 14 civilians were killed and more than 30 wounded in the fighting, according to the main hospital,
which said it was running short of blood and surgical supplies.

Kunduz, a city of about 370,000 people near the border with Tajikistan, is the largest city to fall to the
insurgents since they launched an offensive in May as foreign troops began their final withdrawal.

The defence ministry in Kabul said in a statement that reinforcements had been sent and that the city would be
cleared within days. A spokesman for the group said its fighters were in full control of the city.
"""

# A republication: new headline, byline, last paragraph trimmed, scraper footer appended.
COPY = """Kunduz falls to insurgents as troops retreat to airport
By Staff Writer

KUNDUZ, Afghanistan, Aug 8 - Taliban fighters took control of the northern city of Kunduz on Sunday after
three days of street battles with government troops, two local officials and a resident said.

The insurgents captured the police headquarters and the governor's compound before noon, said Ghulam Rabbani,
a member of the provincial council. Government forces pulled back to the airport on the edge of the city,
where they were regrouping with commando units flown in overnight.

At least 14 civilians were killed and more than 30 wounded in the fighting, according to the main hospital,
which said it was running short of blood and surgical supplies.

Kunduz, a city of about 370,000 people near the border with Tajikistan, is the largest city to fall to the
insurgents since they launched an offensive in May as foreign troops began their final withdrawal.

Source link
Read more: Afghanistan news
"""

# A machine-translated round trip of the wire story: same content, some words and word orders changed.
TRANSLATED = """Taliban fighters seize the city of Kunduz after days of street fights

KUNDUZ, Afghanistan, 8 August - Taliban fighters took control of the northern city of Kunduz on Sunday after
three days of street battles with the government troops, two local officials and one resident said.

The insurgents captured the police headquarters and the compound of the governor before midday, said Ghulam
Rabbani, a member of the provincial council. Government forces withdrew to the airport on the edge of the
city, where they were regrouping with commando units flown in during the night.

At least 14 civilians were killed and more than 30 injured in the fighting, according to the main hospital,
which said it was running out of blood and surgical supplies.

Kunduz, a city of about 370,000 inhabitants near the border with Tajikistan, is the biggest city to fall to
the insurgents since they launched an offensive in May as foreign troops began their final withdrawal.

The ministry of defence in Kabul said in a statement that reinforcements had been sent and that the city
would be cleared within days. A spokesman for the group said its fighters were in full control of the city.
"""

# The same happening reported independently by another outlet, in its own words.
INDEPENDENT = """Afghan army retreats as Kunduz is overrun

Government soldiers abandoned their positions in Kunduz on Sunday and withdrew to the city's airfield as
Taliban units swept through the provincial capital, residents told our correspondent by telephone.

"They are everywhere, on every street, and the shops are shut," said a shopkeeper who asked not to be named.
Smoke rose over the central market, where a fuel depot was set alight overnight.

Hospital staff counted at least 14 dead civilians. Officials in Kabul promised a counter-offensive and
said special forces had arrived to defend the airfield.
"""

UNRELATED = """Flooding cuts highway in southern province

Heavy rain on Tuesday washed away a section of the main highway linking the provincial capital with the
coast, stranding hundreds of lorries, the transport authority said. Engineers expected to reopen one lane
by the weekend, and no injuries were reported.
"""


@pytest.fixture(scope="module")
def sigs() -> dict[str, bytes]:
    texts = {"wire": WIRE, "copy": COPY, "mt": TRANSLATED, "indep": INDEPENDENT, "other": UNRELATED}
    return {name: minhash_signature(text) for name, text in texts.items()}


def test_boilerplate_lines_are_stripped():
    stripped = strip_boilerplate(COPY)
    assert "Source link" not in stripped
    assert "Read more" not in stripped
    assert "By Staff Writer" not in stripped
    assert "Taliban fighters took control" in stripped


def test_signature_is_serialisable_and_stable():
    sig = minhash_signature(WIRE)
    assert isinstance(sig, bytes) and len(sig) == 513
    assert sig == minhash_signature(WIRE)
    assert similarity(sig, bytes(sig)) == 1.0


def test_observed_similarities(sigs):
    # The figures behind DEFAULT_THRESHOLD (0.5); see the module docstring.
    assert similarity(sigs["wire"], sigs["copy"]) >= 0.7
    assert 0.5 <= similarity(sigs["wire"], sigs["mt"]) < 0.8
    assert similarity(sigs["wire"], sigs["indep"]) < 0.1
    assert similarity(sigs["wire"], sigs["other"]) < 0.05


def test_copies_grouped_independent_and_unrelated_not(sigs):
    index = SyndicationIndex()
    assert index.add("wire", sigs["wire"]) == "wire"
    assert index.add("copy", sigs["copy"]) == "wire"
    assert index.add("mt", sigs["mt"]) == "wire"
    assert index.add("indep", sigs["indep"]) == "indep"
    assert index.add("other", sigs["other"]) == "other"
    assert index.origin_of("copy") == "wire"
    assert index.origin_of("never-seen") is None
    assert index.members("wire") == ["wire", "copy", "mt"]
    # Re-adding is idempotent.
    assert index.add("copy", sigs["copy"]) == "wire"


def test_origin_is_first_added_even_if_the_copy_arrives_first(sigs):
    index = SyndicationIndex()
    assert index.add("copy", sigs["copy"]) == "copy"
    assert index.add("wire", sigs["wire"]) == "copy"


def test_load_rebuilds_groups_from_stored_rows(sigs):
    first = SyndicationIndex()
    rows = [(k, sigs[k], first.add(k, sigs[k])) for k in ("wire", "indep")]
    second = SyndicationIndex()
    second.load(rows)
    assert second.origin_of("indep") == "indep"
    assert second.add("copy", sigs["copy"]) == "wire"


def test_empty_texts_are_never_grouped():
    index = SyndicationIndex()
    empty = minhash_signature("Source link\nRead more")
    assert shingles("Source link") == set()
    assert index.add("a", empty) == "a"
    assert index.add("b", empty) == "b"


def test_short_text_is_one_shingle():
    assert shingles("Kunduz falls") == {"kunduz falls"}


def test_reference_report_and_a_republished_copy(seed_text):
    # Built at test time from ../shared (never stored here): new headline, last paragraph cut, footer added.
    paragraphs = [p for p in seed_text.split("\n\n") if p.strip()]
    copy = "A new headline for the interview\n\n" + "\n\n".join(paragraphs[:-1]) + "\n\nSource link\n"
    index = SyndicationIndex()
    index.add("seed", minhash_signature(seed_text))
    assert index.add("copy", minhash_signature(copy)) == "seed"
    assert index.add("wire", minhash_signature(WIRE)) == "wire"
