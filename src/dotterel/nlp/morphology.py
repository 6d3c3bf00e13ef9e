"""``dotterel_morphology``: the model's attribute ruler and lemmatizer, remembered.

The small English model ends its tagging with two rule components, the attribute ruler
(part of speech and morphology from the tag, with exceptions by word and dependency) and
the rule lemmatizer. Both are pure functions of a token's form, tag and dependency label
(and, for a handful of two-token patterns such as "there is", of a neighbour), yet they
run per token in Python: together about 15% of the pipeline's time. This component gives
the same annotations by computing them once per distinct ``(form, tag, dependency)`` and
then copying the remembered ``(POS, MORPH, LEMMA)`` in one array operation. A token that a
multi-token pattern touches, that has no remembered answer yet, or whose answer would
change its tag or dependency (white space) is annotated by the model's own components'
rules, token by token, so the output is identical by construction (a test compares every
token's annotations with the model's components on real articles).

If the model's ruler uses a pattern this module cannot evaluate, the component simply
runs the model's attribute ruler and lemmatizer on every document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

#: Token-pattern keys the single-token evaluator understands.
_SUPPORTED_KEYS = frozenset({"LOWER", "TAG", "DEP", "IS_SPACE"})
#: Cache entries are bounded so that a long run over varied text stays flat in memory.
_MAX_REMEMBERED = 200_000

Check = Callable[[str, str, str, bool], bool]
#: (the rule's place in the ruler's order, its test, the attributes it sets)
Rule = tuple[int, Check, dict[str, Any]]


def _value_check(key: str, spec: Any) -> Check | None:
    """A predicate on (lower, tag, dep, is_space) for one key of a token pattern."""
    position = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}[key]

    def value(features: tuple[str, str, str, bool]) -> Any:
        return features[position]

    if not isinstance(spec, dict):
        return lambda *f: value(f) == spec
    if len(spec) != 1:
        return None
    ((operator, operand),) = spec.items()
    if operator == "IN":
        allowed = set(operand)
        return lambda *f: value(f) in allowed
    if operator == "NOT_IN":
        refused = set(operand)
        return lambda *f: value(f) not in refused
    if operator == "REGEX":
        pattern = re.compile(operand)
        return lambda *f: bool(pattern.search(value(f)))
    return None


def _token_check(token_pattern: dict[str, Any]) -> Check | None:
    if not set(token_pattern) <= _SUPPORTED_KEYS:
        return None
    checks = [_value_check(key, spec) for key, spec in token_pattern.items()]
    if any(check is None for check in checks):
        return None
    ready = [check for check in checks if check is not None]
    return lambda *f: all(check(*f) for check in ready)


def _morph_key(token: Token) -> int:
    return int(cast(Any, token.morph).key)


class Morphology:
    """Part of speech, morphology and lemma as the model's rules give them, remembered."""

    def __init__(self, nlp: Language, name: str, ruler: str, lemmatizer: str):
        self.name = name
        # spaCy's AttributeRuler and Lemmatizer (typed loosely: their stubs lack these).
        self.ruler: Any = cast(Any, nlp.get_pipe(ruler))
        self.lemmatizer: Any = cast(Any, nlp.get_pipe(lemmatizer))
        self.vocab = nlp.vocab
        self._by_tag: dict[str, list[Rule]] = {}
        self._by_word: dict[str, list[Rule]] = {}
        self._other: list[Rule] = []
        self._multi_attrs: dict[int, tuple[int, dict[str, Any]]] = {}
        self._multi = Matcher(nlp.vocab)
        self._remembered: dict[tuple[int, int, int], tuple[int, int, int]] = {}
        self.exact_rules = self._compile(self.ruler.patterns)

    def _compile(self, patterns: list[dict[str, Any]]) -> bool:
        """Split the ruler's patterns; False when one cannot be evaluated here.

        Single-token rules are filed under their exact tag or exact word when they have
        one, so that a new word is checked against a few rules, not all of them.
        """
        for order, entry in enumerate(patterns):
            attrs = entry["attrs"]
            index = entry.get("index", 0)
            for token_patterns in entry["patterns"]:
                if len(token_patterns) > 1:
                    key = f"dotterel-morphology-{order}"
                    self._multi.add(key, [token_patterns])
                    self._multi_attrs[self.vocab.strings[key]] = (order, {"index": index, **attrs})
                    continue
                pattern = token_patterns[0]
                check = _token_check(pattern)
                if check is None:
                    return False
                rule = (order, check, attrs)
                if isinstance(pattern.get("TAG"), str):
                    self._by_tag.setdefault(pattern["TAG"], []).append(rule)
                elif isinstance(pattern.get("LOWER"), str):
                    self._by_word.setdefault(pattern["LOWER"], []).append(rule)
                else:
                    self._other.append(rule)
        return True

    def __call__(self, doc: Doc) -> Doc:
        if not self.exact_rules:
            return self.lemmatizer(self.ruler(doc))
        if not len(doc):
            return doc
        touched = self._multi_token_rules(doc)
        features = doc.to_array([ORTH, TAG, DEP])
        out = numpy.zeros((len(doc), 3), dtype="uint64")
        remembered = self._remembered
        for i, (orth, tag, dep) in enumerate(features.tolist()):
            key = (orth, tag, dep)
            found = remembered.get(key) if i not in touched else None
            if found is None:
                found = self._annotate(doc[i], touched.get(i, ()))
                if found is None:  # the rules changed its tag or dependency: set in place
                    out[i] = (doc[i].pos, _morph_key(doc[i]), doc[i].lemma)
                    continue
                if i not in touched and len(remembered) < _MAX_REMEMBERED:
                    remembered[key] = found
            out[i] = found
        doc.from_array([POS, MORPH, LEMMA], cast(Any, out))
        return doc

    def _multi_token_rules(self, doc: Doc) -> dict[int, list[tuple[int, dict[str, Any]]]]:
        touched: dict[int, list[tuple[int, dict[str, Any]]]] = {}
        for match_id, start, end in self._multi(doc, allow_missing=True):
            order, attrs = self._multi_attrs[match_id]
            position = range(start, end)[attrs["index"]]
            values = {k: v for k, v in attrs.items() if k != "index"}
            touched.setdefault(position, []).append((order, values))
        return touched

    def _annotate(
        self, token: Token, extra: list[tuple[int, dict[str, Any]]] | tuple[()]
    ) -> tuple[int, int, int] | None:
        """Apply the ruler's rules to one token, in the ruler's order, then lemmatize it."""
        features = (token.lower_, token.tag_, token.dep_, token.is_space)
        candidates = (
            self._by_tag.get(features[1], []) + self._by_word.get(features[0], []) + self._other
        )
        matched = [(order, attrs) for order, check, attrs in candidates if check(*features)]
        matched.extend(extra)
        matched.sort(key=lambda item: item[0])
        merged: dict[str, Any] = {}
        for _, attrs in matched:
            merged.update(attrs)
        before = (token.tag, token.dep)
        for attr, value in merged.items():
            if attr == "POS":
                token.pos_ = value
            elif attr == "MORPH":
                cast(Any, token).set_morph(value)
            elif attr == "LEMMA":
                token.lemma_ = value
            elif attr == "TAG":
                token.tag_ = value
            elif attr == "DEP":
                token.dep_ = value
        if self.lemmatizer.overwrite or token.lemma == 0:
            token.lemma_ = self.lemmatizer.lemmatize(token)[0]
        if (token.tag, token.dep) != before:
            return None
        return (token.pos, _morph_key(token), token.lemma)


@Language.factory(
    "dotterel_morphology",
    default_config={"ruler": "attribute_ruler", "lemmatizer": "lemmatizer"},
    requires=["token.tag", "token.dep"],
    assigns=["token.pos", "token.morph", "token.lemma"],
    retokenizes=False,
)
def make_morphology(nlp: Language, name: str, ruler: str, lemmatizer: str) -> Morphology:
    """Part of speech, morphology and lemma by the model's own rules, computed once per form."""
    return Morphology(nlp, name, ruler, lemmatizer)


__all__ = ["Morphology", "make_morphology"]
