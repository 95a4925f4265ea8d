"""Who gives and who receives: the donor and the recipient of a pledge.

The donor is the party thanked for the money ("The President thanked Canada for its
readiness to allocate ..."), the one whose giving word follows its name ("Canada provided",
"the EU's €18 billion package"), the agent ("provided by the United States"), the speaker of
"We will allocate ...", the person a "He announced ..." points back to, and failing those the
earlier sentence's giver, the publisher (for a sum in its own money) or the one other party.
A list that leaves out its verb ("Japan pledged $10 million and Korea $2 million") gives each
party its own share; a party that only carries the money out ("projects implemented by UN
agencies", "through the World Bank") gives nothing.
The recipient is the party named as receiving ("to Ukraine", "our country"), else the one the
readout's money goes to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from readout_browser.parse.amount_context import CLAUSE_END, REACH, WORD, AmountContext, Candidate
from readout_browser.parse.currency import own_currency
from readout_browser.parse.money import Amount
from readout_browser.parse.parties import person_party
from readout_browser.parse.places import places
from readout_browser.parse.pledge_words import pledge_words

_WE = re.compile(r"[\s\"“]*We\s+(?!agreed|discussed)|.*?(?:[,;:]|\bthat)\s+we\s+(?!agreed|discussed)")
_POSSESSIVE = re.compile(r"['’]s?(?![\w])")
_OBJECT_PRONOUN = re.compile(r"(?i)(?:him|her|them)(?:\s+personally)?")
_PRONOUN_SUBJECT = re.compile(r"[\"“]?(?:[A-Z][\w ,]{0,40}?,\s+)?(?:He|She|They)\s")
_PREPOSITION_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:to|for|in|into|against|towards?|on|at|with|about|than|between|among|across|"
    r"throughout|visit(?:ed|ing)?|within|inside|and)\s+(?:the\s+)?$"
)
# Between a giving word and "from": the receiver ("support | to Ukraine | from the EU").
_TO_RECIPIENT = re.compile(r"\s+(?:to|for)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*")
_AGENT_BEFORE = re.compile(r"(?i)(?<![\w-])(?:(?P<by>by)|from)\s+(?:the\s+)?$")
_RECIPIENT_AFTER = re.compile(
    r"(?i)\s+(?:is|are|was|were|has been|will be)\s+provided|\s+(?:has\s+|will\s+)?receiv"
)


# "..., and the Netherlands announced ...": after a comma, "and" opens a new clause whose party
# is its subject, not the second member of a pair ("talks between Ukraine and the EU").
_CLAUSE_AND = re.compile(r",\s+and\s+(?:the\s+)?$")
# A person named again by a word of their title: "The Commissioner announced ...".
_TITLE_SUBJECT = re.compile(r"[\"“]?The\s+(?P<title>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+")
# Between a sum and the agent that follows it at once: "$40 million | from the | United States".
_RIGHT_AFTER = re.compile(r"\s+(?:from|by)\s+(?:the\s+)?")
# An aside between a giver and its verb: "Indonesia, through its aid agency, will provide".
_ASIDE = re.compile(r"\s*,[^,;.:]{1,120},\s*")
# Between a pledge and the next giver of a list that leaves out the verb: ", and the", "; ".
_GAP_BEFORE = re.compile(
    r"(?i)\s*(?:[,;]\s*(?:(?:and|while|whereas)\s+)?|(?:and|while|whereas)\s+)(?:the\s+)?"
)


class DonorReader(AmountContext):
    """Finds the parties that give and receive the money of a readout."""

    def recipient_mentions_in(self, i: int) -> list[tuple[int, str]]:
        """The parties named as receiving in sentence `i`, found once."""
        if i not in self._recipients:
            self._recipients[i] = self.recipient_mentions(*self.sentence_span(i))
        return self._recipients[i]

    def recipient_mentions(self, start: int, end: int) -> list[tuple[int, str]]:
        """Parties named as receiving between `start` and `end`: "to Ukraine", "provided Ukraine
        with", "our country" (the speaker's, or in the narration the publisher's)."""
        text = self.text
        out: list[tuple[int, str]] = []
        for m in self.parties.in_span(start, end):
            head = text[max(0, m.span[0] - 30) : m.span[0]]
            if self.words.addressed.search(head):
                continue
            if self.gives_own(m.span[1]):
                continue  # "thanked for Japan's generous support": Japan gives
            if pledge_words().receiver_before.search(head) or _RECIPIENT_AFTER.match(text, m.span[1]):
                out.append((m.span[0], m.party))
        for s, e in self.parties.our(start, end):
            head = text[max(0, s - 30) : s]
            if not (pledge_words().receiver_before.search(head) or _RECIPIENT_AFTER.match(text, e)):
                continue
            quote = self.quote_at(s, self.direct)
            party = None
            if quote and quote.speaker and quote.speaker in self.people:
                party = self.party_of_person(quote.speaker)
            elif not quote:
                party = self.parties.host
            if party:
                out.append((s, party))
        return sorted(out)

    def gives_own(self, end: int) -> bool:
        """Whether a party's name ending at `end` owns the help that follows ("Japan's generous
        support"), which makes it the giver, not a receiver."""
        owner = _POSSESSIVE.match(self.text, end)
        if owner is None:
            return False
        cues = self.words.find(self.text, owner.end(), min(len(self.text), owner.end() + 30))
        if not cues or cues[0].kind != "noun":
            return False
        return len(WORD.findall(self.text, owner.end(), cues[0].start)) <= 2

    def document_recipient(self, sentences: set[int]) -> str | None:
        """The party the readout's money goes to: the one most often named as receiving it,
        and the one that does the thanking ("The President thanked Canada for ...")."""
        votes: Counter[str] = Counter()
        for i in sentences:
            s, e = self.sentence_span(i)
            for _, party in self.recipient_mentions_in(i):
                votes[party] += 2
            for m in self.words.thanks.finditer(self.text, s, e):
                subject = self.parties.in_span(s, m.start())
                if subject:
                    votes[subject[0].party] += 1
        return votes.most_common(1)[0][0] if votes else None

    def donor(self, c: Candidate, exclude: set[str]) -> str | None:
        """The party that gives, by the first rule that names one."""
        text = self.text
        i = c.sentence
        pos = c.amount.start if c.span is None else c.span[0]
        s = max(self.sentence_span(i)[0], pos - REACH)
        e = min(self.sentence_span(i)[1], pos + REACH)
        # The party thanked for it: "The President thanked Canada for its readiness to allocate ..."
        thanked = None
        for m in self.words.thanks.finditer(text, s, pos):
            named = [p for p in self.parties.in_span(m.start("obj"), m.end("obj")) if p.party not in exclude]
            if named:
                thanked = named[0].party
            elif _OBJECT_PRONOUN.fullmatch(m.group("obj")):
                person = self.parties.last_person_before(s, exclude)
                thanked = person.party if person else None
        if thanked:
            return thanked
        own = self.agent_after(c, exclude)
        if own:
            return own
        # The party whose giving word follows its name: "Canada provided", "the EU to allocate",
        # "Germany's intention", "David Malpass has confirmed the provision".
        actor = self.acting_party(s, pos, exclude)
        if actor:
            return actor
        # The agent: "provided by the United States", "help from the UK".
        for m in self.parties.in_span(s, e):
            if m.party not in exclude and self.is_agent(m.span[0]):
                return m.party
        # The speaker: "We will allocate ...", or a reported "He announced ...".
        for quotes in (self.direct, self.reported):
            q = self.quote_at(pos, quotes)
            if q and q.speaker:
                # A speaker the text gives no country or office abroad speaks for the publisher
                # (a minister quoted in her government's release).
                party = self.party_of_person(q.speaker) or self.parties.host
                if party and party not in exclude:
                    return party
        # "We will allocate ..." in the narration: the publisher speaks.
        host = self.parties.host
        opens = self.sentence_span(i)[0]
        if (
            host
            and host not in exclude
            and not self.quote_at(pos, self.direct)
            and _WE.match(text, opens, pos)
        ):
            return host
        titled = self.titled_subject(i, exclude)
        if titled:
            return titled
        if _PRONOUN_SUBJECT.match(text, self.sentence_span(i)[0]):
            m = self.parties.last_person_before(self.sentence_span(i)[0], exclude)
            if m and i - self.sentence_of(m.span[0]) <= 3:
                return m.party
        return None

    def agent_after(self, c: Candidate, exclude: set[str]) -> str | None:
        """The agent right after a sum, which names its own giver whoever gives the whole it is
        listed in: "donors pledged $131 million, including $40 million from the United States"."""
        if c.span is not None:
            return None
        end = c.amount.span[1]
        for m in self.parties.in_span(end, min(self.sentence_span(c.sentence)[1], end + 40)):
            if m.party not in exclude and _RIGHT_AFTER.fullmatch(self.text, end, m.span[0]):
                return m.party if self.is_agent(m.span[0]) else None
        return None

    def titled_subject(self, i: int, exclude: set[str]) -> str | None:
        """The party of the one person whose title names the subject of sentence `i` when a
        giving word follows it ("The Commissioner announced ..." after "European Commissioner
        Janez Lenarčič"): the person speaks for their institution, not for the host."""
        s, e = self.sentence_span(i)
        m = _TITLE_SUBJECT.match(self.text, s, e)
        if m is None:
            return None
        following = self.words.find(self.text, m.end(), min(e, m.end() + 40))
        if not following or following[0].kind == "block":
            return None
        if len(WORD.findall(self.text, m.end(), following[0].start)) > 2:
            return None
        title = re.compile(r"(?<![\w-])" + re.escape(m.group("title")) + r"(?![\w-])")
        parties = {person_party(p) for p in self.people.values() if p.title and title.search(p.title)} - {
            None
        }
        party = parties.pop() if len(parties) == 1 else None
        return party if party not in exclude else None

    def is_agent(self, pos: int) -> bool:
        """Whether the party named at `pos` is the one the money comes from: "provided by the
        United States", "help from the UK", "$5 million from Japan"; not "refugees from Syria"."""
        text = self.text
        agent = _AGENT_BEFORE.search(text, max(0, pos - 12), pos)
        if agent is None or self.implements(pos):
            return False
        if agent.group("by"):
            return True
        at = agent.start()
        k = bisect_right(self._amount_ends, at) - 1
        if k >= 0 and at - self.amounts[k].span[1] <= 2:
            return True  # "$5 million from Japan"
        # A giving word just before "from" ("help from", "resources from", "support to Ukraine from").
        for cue in self.words.find(text, max(0, at - 60), agent.end()):
            if cue.kind != "block" and (cue.end >= at - 2 or _TO_RECIPIENT.fullmatch(text, cue.end, at)):
                return True
        return False

    def implements(self, pos: int) -> bool:
        """Whether the party named at `pos` only carries the money out ("projects implemented by
        UN agencies", "through the World Bank"): it is not the one that gives it."""
        return self.words.implementer.search(self.text, max(0, pos - 40), pos) is not None

    def acting_party(self, start: int, end: int, exclude: set[str]) -> str | None:
        """The nearest party before `end` that a giving word follows within a few words, else
        the first that one follows in its clause ("Canada became the first country to send")."""
        return self._acting(start, end, exclude, 3) or self._acting(start, end, exclude, 8, first=True)

    def _acting(self, start: int, end: int, exclude: set[str], reach: int, first: bool = False) -> str | None:
        text = self.text
        best = None
        for m in self.parties.in_span(max(start, end - REACH), end):
            lead = text[max(0, m.span[0] - 20) : m.span[0]]
            if m.party in exclude or (_PREPOSITION_BEFORE.search(lead) and not _CLAUSE_AND.search(lead)):
                continue
            if self.implements(m.span[0]):
                continue
            if _POSSESSIVE.match(text, m.span[1]) and len(WORD.findall(text, m.span[1], end)) <= 4:
                best = m.party  # "the EU's €18 billion package"
                continue
            aside = _ASIDE.match(text, m.span[1], end)
            after = aside.end() if aside else m.span[1]
            following = self.words.find(text, after, min(end, after + 60))
            if not following:
                continue
            gap = text[after : following[0].start]
            if self.words.receiving.search(gap):
                continue  # "The President thanked for the support": the thanking side receives
            if (
                len(WORD.findall(gap)) <= reach
                and following[0].kind != "block"
                and not CLAUSE_END.search(gap)
            ):
                best = m.party
                if first:
                    return best
        return best

    def fallback_donor(
        self, c: Candidate, exclude: set[str], previous: Candidate | None
    ) -> tuple[str | None, str]:
        """When the sentence names no giver: the earlier sentence's, else the counterpart."""
        if previous is not None and previous.donor and previous.donor not in exclude:
            close = c.sentence - previous.sentence <= 1 or c.amount.increment
            if close and self.same_paragraph(
                self.sentence_span(previous.sentence)[0], self.sentence_span(c.sentence)[0]
            ):
                return previous.donor, "earlier"
        if c.sentence > 0:
            ps, pe = self.sentence_span(c.sentence - 1)
            actor = self.acting_party(ps, pe, exclude)
            if actor:
                return actor, "earlier"
            for m in self.parties.in_span(ps, pe):
                if m.party not in exclude and self.is_agent(m.span[0]):
                    return m.party, "earlier"
        # The publisher, when the text names no one else or the sum is in its own money ("£50m"
        # on gov.uk); otherwise the one other party of a two-sided readout.
        host = self.parties.host
        if host and host not in exclude and (not self.people or self.in_own_money(c.amount, host)):
            return host, "publisher"
        other = self.sole_other_party(host, *exclude)
        return (other, "counterpart") if other else (None, "")

    def in_own_money(self, a: Amount, party: str) -> bool:
        """Whether an amount is written in a party's own currency ("$" for the United States)."""
        form = a.form
        if form is None:
            return False
        if form.code:
            return form.code == places().currency(party)
        return own_currency(party, form.units) is not None

    def sole_other_party(self, *exclude: str | None) -> str | None:
        """The one party of a two-sided readout that is not excluded, if there is exactly one.

        Only people the readout is about count: named in its opening sentences or more than
        once (a passing mention of "the US President" in a long speech makes no counterpart).
        """
        opening = self.sentence_span(min(1, len(self.starts) - 1))[1] if self.starts else 0
        others = {
            self.party_of_person(pid)
            for pid, p in self.people.items()
            if len(p.mentions) > 1 or any(m[0] < opening for m in p.mentions)
        }
        others -= set(exclude) | {None}
        return others.pop() if len(others) == 1 else None

    def party_nearby(self, i: int, donor: str | None) -> str | None:
        """The party other than the donor named most in sentence `i`: who a host's own pledge
        goes to when the text does not say "to ..."."""
        counts = Counter(m.party for m in self.parties.in_span(*self.sentence_span(i)) if m.party != donor)
        return counts.most_common(1)[0][0] if counts else None

    def headline_party(self, donor: str | None) -> str | None:
        """The party other than the donor that the title or the opening sentence names: whom a
        readout's money goes to when its sentence only names a purpose ("Further support for
        Malawi's flood recovery" over "... will contribute $4 million to the recovery")."""
        titled = [places().canonical(f.name) or f.name for f in places().find(self.doc.source.title or "")]
        opening = [m.party for m in self.parties.in_span(*self.sentence_span(0))] if self.starts else []
        return next((n for n in titled + opening if n != donor), None)

    def gapped_party(self, a: Amount, i: int) -> str | None:
        """The party of a list item whose giving verb is left out: "Japan pledged $10 million
        and Korea $2.5 million" gives Korea's share to Korea, not to Japan."""
        previous = self.amount_before(a.start, i)
        if previous is None:
            return None
        named = self.parties.in_span(previous.span[1], a.start)
        if not named:
            return None
        m = named[-1]
        text = self.text
        listed = _GAP_BEFORE.fullmatch(text, previous.span[1], m.span[0])
        return m.party if listed and text[m.span[1] : a.start].isspace() else None
