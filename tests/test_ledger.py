"""The claims ledger and outlet affiliations, on hand-built claim records."""

from __future__ import annotations

import datetime as dt

from frontlines.reconcile.ledger import ClaimRecord, ledger, outlet_affiliation

D = dt.date
DAY = dt.date(2021, 8, 10)


def rec(
    cid,
    doc,
    claimant,
    *,
    taker=None,
    stance="asserts",
    day=DAY,
    fatalities=None,
    origin=None,
    group="g1",
    side=None,
):
    return ClaimRecord(
        claim_id=cid,
        group=group,
        claimant=claimant,
        side=side,
        date=day,
        quote=f"{claimant} says",
        document=doc,
        place="Kunduz",
        place_key="kunduz",
        event_date=day,
        stance=stance,
        taker=taker,
        fatalities=fatalities,
        origin=origin or doc,
    )


def test_outlet_affiliation_any_spelling():
    assert outlet_affiliation("Taliban statement (Voice of Jihad)") == (True, "Taliban")
    assert outlet_affiliation("Ministry of Defence (Afghanistan)", lambda: "Military Forces of X") == (
        True,
        "Military Forces of X",
    )
    assert outlet_affiliation("Reuters") == (True, None)
    assert outlet_affiliation("Example Wire") == (False, None)


def test_control_and_denial_pairs_skip_syndicated_copies():
    recs = [
        rec("a", "d1", "Taliban", taker="Taliban", side="Taliban"),
        rec("a2", "d1copy", "Taliban", taker="Taliban", origin="d1"),
        rec("b", "d2", "MoD", taker="Military", side="Military"),
        rec("c", "d3", "MoD", taker="Taliban", stance="denies", side="Military"),
        rec("x", "d1copy", "Copy", taker="Military", origin="d1"),  # same story as d1: never a pair with it
    ]
    kinds = [(e.kind, e.a.document, e.b.document) for e in ledger(recs, ["control", "denial"])]
    assert ("control", "d1", "d2") in kinds
    assert any(k == "denial" for k, _, _ in kinds)
    assert not any({a, b} <= {"d1", "d1copy"} for _, a, b in kinds)


def test_figures_keep_every_value_and_range():
    recs = [
        rec("f1", "d1", "MoD", fatalities=62, group="pk", side="Military"),
        rec("f2", "d2", "Taliban", fatalities=28, group="pk", side="Taliban"),
        rec("f3", "d3", "Wire", fatalities=28, group="pk"),
        rec("f4", "d4", "Wire", fatalities=5, group="other"),
    ]
    entries = [e.to_dict() for e in ledger(recs, ["figure"])]
    assert len(entries) == 1
    e = entries[0]
    assert sorted(e["values"]) == [28, 28, 62] and (e["low"], e["high"]) == (28, 62)
