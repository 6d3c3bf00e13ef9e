"""Blocs: communities of the signed dyad network, where cooperation attracts and conflict repels.

The method maximises *signed modularity* (Gómez, Jensen and Arenas, Phys. Rev. E 80,
016114, 2009): the network is made undirected by adding the net weights of both
directions of each dyad, split into a positive layer ``W+`` and a negative layer ``W-``,
and a partition scores

    Q = (2m+ Q+ - 2m- Q-) / (2m+ + 2m-)

with ``Q+``/``Q-`` the ordinary modularities of the two layers. Placing two states that
cooperate in one bloc raises ``Q``; placing two that quarrel in one bloc lowers it.
Both layers fold into one matrix ``B = W - k+ k+^T / 2m+ + k- k-^T / 2m-`` with
``Q = sum(B[i, j] for i, j in the same bloc) / (2m+ + 2m-)``, which is optimised
Louvain-style (local moves, then blocs merged into single nodes, repeated) with numpy.
As in Louvain a node only moves into a bloc it is linked to, here by cooperation: the
negative layer's null model alone would otherwise pull together two states that each
quarrel with others but have nothing to do with one another.
One more guard against that null model: a pair in net conflict never attracts. Its
``B`` is capped at its (negative) net weight, since the negative layer's expectation
``k-_i k-_j / 2m-`` can exceed the observed conflict between two states that quarrel with
many others, and would then reward placing two direct adversaries in one bloc (found on
the seed and wire articles: the United States, which accuses Iran, North Korea and
Russia, was put in their bloc).
Node visiting orders come from a seeded generator and the best of several seeded
restarts is kept, so the result is repeatable.

Why not Leiden via ``leidenalg``/``python-igraph``: both are GPL, which would bind
every redistribution of this MIT-licensed project; ``networkx`` (BSD) has Louvain but
no signed variant, so the signed objective is implemented here on numpy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dotterel.analysis.network import Network

RESTARTS = 8
_EPSILON = 1e-12


@dataclass(slots=True)
class Bloc:
    """A group of nodes: blocs are numbered from 1, largest first."""

    bloc: int
    members: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"bloc": self.bloc, "members": list(self.members)}


def signed_matrix(network: Network) -> tuple[list[str], np.ndarray]:
    """Node codes and the symmetric matrix of net weights (both directions added)."""
    codes = [node.code for node in network.nodes]
    index = {code: i for i, code in enumerate(codes)}
    weights = np.zeros((len(codes), len(codes)))
    for edge in network.edges:
        i, j = index[edge.source], index[edge.target]
        weights[i, j] += edge.weight
        weights[j, i] += edge.weight
    return codes, weights


def modularity_matrix(weights: np.ndarray, resolution: float = 1.0) -> np.ndarray:
    """``B`` of signed modularity: observed net weight minus both layers' null models,
    capped at the net weight for pairs in net conflict (they never attract)."""
    positive, negative = np.clip(weights, 0, None), np.clip(-weights, 0, None)
    matrix = weights.copy()
    for layer, sign in ((positive, -1.0), (negative, 1.0)):
        strength = layer.sum(axis=1)
        total = strength.sum()
        if total > _EPSILON:
            matrix += sign * resolution * np.outer(strength, strength) / total
    conflict = weights < -_EPSILON
    matrix[conflict] = np.minimum(matrix[conflict], weights[conflict])
    return matrix


def signed_modularity(weights: np.ndarray, labels: np.ndarray) -> float:
    """Signed modularity of a partition (``labels[i]`` is node ``i``'s bloc)."""
    scale = np.abs(weights).sum()
    if scale <= _EPSILON:
        return 0.0
    same = labels[:, None] == labels[None, :]
    return float((modularity_matrix(weights) * same).sum() / scale)


def _local_moves(matrix: np.ndarray, attracts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Move nodes to the bloc that raises ``Q`` most until no move does.

    As in Louvain, a node only joins a bloc it is linked to, here by cooperation
    (``attracts``), or leaves to be alone: the negative layer's null model would
    otherwise pull two unrelated conflict-prone states together on no evidence.
    """
    size = matrix.shape[0]
    labels = np.arange(size)
    improved = True
    while improved:
        improved = False
        for node in rng.permutation(size):
            row = matrix[node].copy()
            row[node] = 0.0  # a node's link to itself is the same wherever it goes
            links = np.bincount(labels, weights=row, minlength=size)
            current = labels[node]
            stay = links[current]
            allowed = np.zeros(size, dtype=bool)
            allowed[labels[attracts[node]]] = True
            unused = np.setdiff1d(np.arange(size), labels)
            if unused.size:
                allowed[unused[0]] = True  # an empty bloc: 0 links
            allowed[current] = False
            if not allowed.any():
                continue
            links[~allowed] = -np.inf
            target = int(np.argmax(links))
            if links[target] - stay > _EPSILON:
                labels[node] = target
                improved = True
    return _renumber(labels)


def _renumber(labels: np.ndarray) -> np.ndarray:
    _, compact = np.unique(labels, return_inverse=True)
    return np.asarray(compact)


def _louvain(matrix: np.ndarray, positive: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Labels of the original nodes after repeated local moves and aggregation."""
    membership = np.arange(matrix.shape[0])
    current, cooperation = matrix, positive
    while True:
        attracts = cooperation > _EPSILON
        np.fill_diagonal(attracts, False)
        labels = _local_moves(current, attracts, rng)
        count = labels.max() + 1 if labels.size else 0
        if count == current.shape[0]:
            return _renumber(membership)
        indicator = np.zeros((current.shape[0], count))
        indicator[np.arange(current.shape[0]), labels] = 1.0
        # Aggregating B (not W) keeps Q exact: a bloc's B-links are the sum of its nodes'.
        current = indicator.T @ current @ indicator
        cooperation = indicator.T @ cooperation @ indicator
        membership = labels[membership]


def detect_blocs(network: Network, *, seed: int = 7, resolution: float = 1.0) -> list[Bloc]:
    """Blocs of a network by signed modularity; every node is in exactly one bloc.

    Deterministic for a given ``seed``. Nodes with no cooperation at all end up alone.
    """
    codes, weights = signed_matrix(network)
    if not codes:
        return []
    matrix = modularity_matrix(weights, resolution)
    rng = np.random.default_rng(seed)
    best_labels, best_score = np.arange(len(codes)), -np.inf
    for _ in range(RESTARTS):
        labels = _louvain(matrix, np.clip(weights, 0, None), rng)
        score = float((matrix * (labels[:, None] == labels[None, :])).sum())
        if score > best_score + _EPSILON:
            best_labels, best_score = labels, score
    groups: dict[int, list[str]] = {}
    for code, label in zip(codes, best_labels, strict=True):
        groups.setdefault(int(label), []).append(code)
    ordered = sorted((sorted(members) for members in groups.values()), key=lambda m: (-len(m), m))
    return [Bloc(bloc=number, members=members) for number, members in enumerate(ordered, 1)]
