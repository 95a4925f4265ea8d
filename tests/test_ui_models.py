"""Every item model and proxy of the window keeps Qt's model contract on the parsed seed readout.

`qtmodeltester` keeps watching a model after `check`, so each test then changes the model
(filters, conversions, another readout) to check the signals those changes send too.
"""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester

from readout_browser.model import Readout
from readout_browser.paths import default_seed
from readout_browser.selection import topic_sentences
from readout_browser.ui.models.pledge_filter import PledgeFilter
from readout_browser.ui.models.pledge_model import AMOUNT, CONVERTED, PledgeModel
from readout_browser.ui.models.quote_filter import QuoteFilter
from readout_browser.ui.models.quote_model import QuoteModel
from readout_browser.ui.models.readout_list_model import ReadoutListModel
from readout_browser.ui.models.roles import Role
from readout_browser.ui.models.topic_tree_model import TopicTreeModel


@pytest.fixture(scope="module")
def seed() -> Readout:
    from readout_browser.parse.pipeline import parse_file

    return parse_file(default_seed())


def first_topic_with_sentences(readout: Readout) -> tuple[str, ...]:
    topic = next(t for t in readout.topics if t.spans)
    return topic_sentences(readout, topic.id)


def test_the_topic_tree_keeps_the_model_contract(qtmodeltester: ModelTester, seed: Readout) -> None:
    model = TopicTreeModel()
    model.set_readout(seed)
    qtmodeltester.check(model)
    assert model.rowCount() == sum(1 for t in seed.topics if seed.topic(t.parent) is None)
    model.set_readout(None)
    assert model.rowCount() == 0
    model.set_readout(seed)


def test_the_quote_table_and_its_filter_keep_the_model_contract(
    qtmodeltester: ModelTester, seed: Readout
) -> None:
    model = QuoteModel()
    model.set_readout(seed)
    qtmodeltester.check(model)
    proxy = QuoteFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == len(seed.quotes) > 0
    speaker = next(q.speaker for q in seed.quotes if q.speaker)
    proxy.set_speaker(speaker)
    proxy.set_kind("direct")
    shown = [proxy.index(r, 0).data(Role.ITEM) for r in range(proxy.rowCount())]
    assert all(q.speaker == speaker and q.kind == "direct" for q in shown)
    proxy.set_sentences(first_topic_with_sentences(seed))
    proxy.sort(1)
    proxy.set_speaker(None)
    proxy.set_kind(None)
    proxy.set_sentences(None)
    assert proxy.rowCount() == len(seed.quotes)
    model.set_readout(None)
    assert proxy.rowCount() == 0


def test_the_pledge_tree_and_its_filter_keep_the_model_contract(
    qtmodeltester: ModelTester, seed: Readout
) -> None:
    model = PledgeModel()
    model.set_readout(seed)
    qtmodeltester.check(model)
    proxy = PledgeFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert len(model.pledges()) == len(seed.pledges) > 0
    children = [p for p in seed.pledges if seed.pledge(p.parent) is not None]
    assert model.rowCount() == len(seed.pledges) - len(children)
    model.set_conversions("EUR", {})
    model.set_target("USD")
    proxy.sort(AMOUNT)
    amounts = [proxy.index(r, AMOUNT).data(Role.SORT) for r in range(proxy.rowCount())]
    assert amounts == sorted(amounts)
    proxy.sort(CONVERTED)
    proxy.set_sentences(first_topic_with_sentences(seed))
    proxy.set_sentences(None)
    model.set_readout(None)
    assert proxy.rowCount() == 0


def test_the_list_of_open_readouts_keeps_the_model_contract(
    qtmodeltester: ModelTester, seed: Readout
) -> None:
    model = ReadoutListModel()
    model.add(seed, default_seed())
    qtmodeltester.check(model)
    model.add(seed)
    assert model.rowCount() == 2
    assert model.row_of_file(default_seed()) == 0
    assert model.index(0, 0).data() == "Meeting with Mark Carney"  # the meeting and its counterpart
    assert "2025" in model.index(0, 0).data(Role.SECONDARY)
    model.remove(0)
    model.remove(5)
    assert model.rowCount() == 1
