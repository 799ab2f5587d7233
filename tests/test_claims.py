"""Claims on short reports written for these tests (synthetic; no published text)."""

from __future__ import annotations

PUBLISHED = "2021-08-10"


def test_party_claim_and_denial_contradict(extractor):
    text = (
        "KABUL (Aug. 10, 2021) - The Taliban said on Tuesday they had captured the city of Pul-e Khumri, the "
        "capital of Baghlan province. The defence ministry denied that the city had fallen and said "
        "government forces remained in control."
    )
    r = extractor.extract(text, published=PUBLISHED, source="Test Wire")
    capture = [e for e in r.events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert capture and capture[0].modality == "claimed"
    by_id = {c.id: c for c in r.claims}
    taliban = [c for c in r.claims if c.claimant == "Taliban"]
    assert taliban and taliban[0].claimant_kind == "actor" and taliban[0].stance == "claims"
    assert taliban[0].event == capture[0].id
    assert taliban[0].id in capture[0].claims
    denials = [c for c in r.claims if c.stance == "denies"]
    assert denials and denials[0].claimant_kind == "actor"
    assert denials[0].id in taliban[0].contradicts
    assert taliban[0].id in denials[0].contradicts  # linked both ways
    for c in r.claims:
        assert r.text[c.start : c.end] == c.text
        for other in c.contradicts:
            assert c.id in by_id[other].contradicts


def test_outlet_narration_is_a_claim(extractor):
    text = (
        "Gunmen shot dead two teachers outside a school in the town of Chora in Uruzgan province on Monday "
        "morning."
    )
    r = extractor.extract(text, published=PUBLISHED, source="Valley Post")
    assert r.events
    ev = r.events[0]
    assert ev.sub_event_type == "Attack"
    assert ev.actor2.startswith("Civilians")
    assert ev.civilian_targeting == "Civilian targeting"
    outlet = [c for c in r.claims if c.claimant_kind == "outlet"]
    assert outlet and outlet[0].claimant == "Valley Post" and outlet[0].stance == "asserts"
    assert outlet[0].event == ev.id
    assert all(c.id.startswith("cl_") for c in r.claims)


def test_army_claim_and_group_version_dispute(extractor):
    text = (
        "Government troops recaptured the town of Bulo Burte in Hiiraan region from Al Shabaab on Wednesday "
        "after a battle that lasted several hours, the army said.\n\n"
        "Al Shabaab said on its radio station that its fighters had left the town in good order and had "
        "lost no men."
    )
    r = extractor.extract(text, published=PUBLISHED, source="Horn Wire")
    ev = r.events[0]
    assert ev.sub_event_type == "Government regains territory"
    shabaab = [c for c in r.claims if c.claimant == "Al Shabaab"]
    assert shabaab and shabaab[0].stance in ("disputes", "denies", "claims")
    army = [
        c for c in r.claims if c.event == ev.id and c.claimant_kind == "actor" and c.claimant != "Al Shabaab"
    ]
    assert army and army[0].stance == "claims"


def test_interview_speaker_claims(extractor):
    text = (
        "Reporter: Did the army lose control of Kunduz after the attack yesterday?\n\n"
        "Ahmad Karimi: No. Our forces repelled the attack and pushed the Taliban out of the city on Sunday.\n\n"
        "Reporter: Were civilians killed in the fighting?\n\n"
        "Ahmad Karimi: I cannot give figures."
    )
    r = extractor.extract(text, published=PUBLISHED, source="Test Radio")
    speaker_claims = [c for c in r.claims if c.claimant_kind == "speaker"]
    assert speaker_claims
    assert all(not c.text.rstrip().endswith("?") for c in r.claims)
