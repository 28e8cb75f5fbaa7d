"""Which conversation a typed question plainly asks for
(docs/rules.md#written-messages-and-threads).

"потеряли ключ", "ключът се счупи", "how much is a support renewal": a customer who writes
instead of pressing a menu button is offered the flow they mean. The phrases are the
vendor's, per language, in the catalogues (``intents-<flow>``, one phrase per line), so
they can be extended without code.

Matching is by word stems, so inflected forms match ("ключ", "ключа", "ключом"): Snowball
stemmers for Russian and English, BulStem for Bulgarian. Small typos in longer words are
forgiven by a similarity ratio (rapidfuzz). A phrase matches when every one of its words
is in the message; the message's other words do not matter. The intent whose matching
phrase has the most words wins; a tie between intents is no match (the message then goes
to a person as written).

Pure apart from the stemmers, which are built once per language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import snowballstemmer
from bulstem.stem import BulStemmer
from rapidfuzz.distance import Levenshtein

#: Shortest stem compared with a typo allowance; shorter ones must match exactly.
_FUZZY_FROM = 4
#: Edits forgiven in a stem of at least _FUZZY_FROM letters.
_MAX_EDITS = 1
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _stemmer(language: str) -> Callable[[str], str]:
    if language == "bg":
        bulgarian: Callable[[str], str] = BulStemmer.from_file(
            "stem-context-1", min_freq=2, left_context=1
        ).stem
        return bulgarian
    name = {"ru": "russian", "en": "english"}.get(language, "russian")
    stem: Callable[[str], str] = snowballstemmer.stemmer(name).stemWord
    return stem


def stems(text: str, language: str) -> tuple[str, ...]:
    """The stems of the words of ``text`` (lower case, ё read as е)."""
    stem = _stemmer(language)
    words = _WORD.findall(text.lower().replace("ё", "е"))
    return tuple(stem(word) for word in words)


def _same(phrase_stem: str, word_stem: str) -> bool:
    if phrase_stem == word_stem:
        return True
    if min(len(phrase_stem), len(word_stem)) < _FUZZY_FROM:
        return False
    # A derived form the stemmer cut differently ("продл" / "продлен"), or one typo.
    if word_stem.startswith(phrase_stem) or phrase_stem.startswith(word_stem):
        return True
    return bool(Levenshtein.distance(phrase_stem, word_stem) <= _MAX_EDITS)


@dataclass(frozen=True, slots=True)
class IntentMatcher:
    """The phrases of each intent in one language, stemmed once."""

    language: str
    phrases: Mapping[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def build(cls, language: str, phrases: Mapping[str, Sequence[str]]) -> IntentMatcher:
        """``phrases``: intent → its phrases as written (blank ones are ignored)."""
        stemmed = {
            intent: tuple(s for s in (stems(p, language) for p in listed) if s)
            for intent, listed in phrases.items()
        }
        return cls(language, stemmed)

    def match(self, text: str) -> str | None:
        """The intent ``text`` plainly asks for, or None."""
        words = stems(text, self.language)
        if not words:
            return None
        best: dict[str, int] = {}
        for intent, listed in self.phrases.items():
            for phrase in listed:
                if all(any(_same(p, w) for w in words) for p in phrase):
                    best[intent] = max(best.get(intent, 0), len(phrase))
        if not best:
            return None
        top = max(best.values())
        winners = [intent for intent, size in best.items() if size == top]
        return winners[0] if len(winners) == 1 else None
