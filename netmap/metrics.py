"""Who holds the network together: key actors, brokerage roles and communities.

Betweenness and closeness come from one compiled Brandes search per group of twins
(:mod:`netmap.paths`), Burt's constraint and effective size from one compiled pass over each
actor's ties (:mod:`netmap.holes`); both run on every core. PageRank, communities, cores, cut
points and triangles are computed by igraph, the compiled library under python-igraph, on a
copy of the networkx graph made once from index arrays; the brokerage counts are vectorised
with scipy sparse matrices. networkx stays netmap's graph model and the reference the tests
compare against.

Why igraph: it is GPL-2 licensed (netmap's MIT licence is compatible with it; a distribution
bundling both falls under the GPL), it ships binary wheels for Windows, macOS and Linux, and
its PageRank (PRPACK), Louvain and core decomposition agree with networkx's. Its exact
betweenness was netmap's first engine (10,000 people in 6.2 s where networkx took about 8
minutes and networkit 20.6 s: issue 3's measurements), but python-igraph holds the GIL, so
it runs on one core, and it searches from every twin. The numba search does neither (5,000
people: 11 s in igraph, under 1 s here). networkit's faster estimators are approximations,
which netmap does itself when a graph is too large for exact values (sampled sources, with
measured accuracy).
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
import scipy.sparse.csgraph  # noqa: F401  (makes sp.csgraph available)

from netmap.arrays import (
    GraphArrays,
    igraph_seeded,
    masked_product,
    node_names,
    node_values,
    one_hot,
    row_sums,
)
from netmap.glossary import role_phrase
from netmap.holes import structural_holes
from netmap.i18n import check_lang, choice_label
from netmap.paths import merge_twins, path_sums

__all__ = [
    "BROKERAGE_ROLES",
    "EXACT_BETWEENNESS_LIMIT",
    "SAMPLE_SHARE",
    "SAMPLE_SOURCES",
    "brokerage_roles",
    "communities",
    "key_actors",
    "participation_coefficient",
    "role_texts",
]

#: Under ``betweenness="auto"``, graphs with more nodes than this get sampled betweenness
#: (and closeness); regional networks of up to 5,000 people are exact.
EXACT_BETWEENNESS_LIMIT = 5_000
#: Source nodes sampled for betweenness (Brandes & Pich 2007) when it is not exact: this
#: share of the largest connected group, and at least :data:`SAMPLE_SOURCES`.
SAMPLE_SHARE = 0.02
SAMPLE_SOURCES = 1_000
#: The Gould–Fernandez brokerage roles, in the order of the columns that count them.
BROKERAGE_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")

#: Threads for the path searches (compiled without the GIL, they run side by side).
_THREADS = os.cpu_count() or 1


# ------------------------------------------------------------------ the compiled-library bridge


# ------------------------------------------------------------------ communities


def communities(
    G: nx.Graph, *, weight: str | None = "weight", seed: int | None = 0, resolution: float = 1.0
) -> pd.Series:
    """Find communities with the Louvain method: groups more tied inside than between.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph. Self-loops are ignored.
    weight : str or None, default "weight"
        Edge attribute holding the tie strength; None counts every tie as 1.
    seed : int or None, default 0
        Seed of the random node order Louvain uses; the same seed gives the same communities.
    resolution : float, default 1.0
        Above 1 favours more, smaller communities; below 1 fewer, larger ones.

    Returns
    -------
    pandas.Series
        Community label (int) per node, named ``community``, indexed by node in sorted order.
        Labels are numbered 0, 1, 2, ... by community size, largest first; communities of the
        same size in the order of their smallest node.

    Raises
    ------
    networkx.NetworkXNotImplemented
        For directed graphs and multigraphs.
    ValueError
        If an edge weight is not a positive number.

    Notes
    -----
    The Louvain method (Blondel et al. 2008) greedily maximises modularity; it is computed by
    igraph's ``community_multilevel``, which is as exact as networkx's
    ``louvain_communities`` and about twenty times faster on 100,000 people. An isolated
    node is a community of its own. igraph draws its randomness from a private generator
    seeded with ``seed``, so Python's global ``random`` state is left alone.

    References
    ----------
    .. [1] V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
       communities in large networks", J. Stat. Mech. (2008) P10008.

    Examples
    --------
    Two triangles joined by one tie are two communities of three; ``a`` is the smallest node
    of the first one, so its community is 0:

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"),
    ...               ("d", "e"), ("e", "f"), ("d", "f")])
    >>> communities(G).to_dict()
    {'a': 0, 'b': 0, 'c': 0, 'd': 1, 'e': 1, 'f': 1}
    """
    return community_labels(GraphArrays.from_networkx(G, weight), seed=seed, resolution=resolution)


def community_labels(arrays: GraphArrays, *, seed: int | None, resolution: float) -> pd.Series:
    if arrays.n == 0:
        return arrays.series(np.zeros(0, dtype=np.int64), "community")
    with igraph_seeded(seed):
        clustering = arrays.igraph.community_multilevel(
            weights=arrays.weights, resolution=resolution
        )
    membership = np.asarray(clustering.membership, dtype=np.int64)
    sizes = np.bincount(membership)
    first_node = np.full(len(sizes), arrays.n, dtype=np.int64)
    np.minimum.at(first_node, membership, np.arange(arrays.n))
    order = np.lexsort((first_node, -sizes))
    relabel = np.empty_like(order)
    relabel[order] = np.arange(len(order))
    return arrays.series(relabel[membership], "community")


# ------------------------------------------------------------------ shared sparse helpers


# ------------------------------------------------------------------ participation coefficient


def participation_coefficient(
    G: nx.Graph,
    communities: pd.Series | dict | None = None,
    *,
    weight: str | None = None,
    seed: int | None = 0,
) -> pd.Series:
    """How evenly each node's ties spread over communities (Guimerà & Amaral 2005).

    ``P_i = 1 - sum_s (k_is / k_i)**2``, where ``k_i`` is the number (or with ``weight``,
    the total strength) of node ``i``'s ties and ``k_is`` those into community ``s``.
    0 means every tie stays in one community; values near 1 mean ties spread over many.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph. Self-loops are ignored.
    communities : Series or dict, optional
        Community label of every node; computed with :func:`communities` when omitted.
    weight : str or None, default None
        Edge attribute holding tie strength; None (the published measure) counts ties.
    seed : int or None, default 0
        Seed of :func:`communities` when ``communities`` is omitted.

    Returns
    -------
    pandas.Series
        Named ``participation_coefficient``, indexed by node in sorted order; 0 for
        isolated nodes.

    Raises
    ------
    ValueError
        If ``communities`` misses a node of ``G``.

    References
    ----------
    .. [1] R. Guimerà and L. A. N. Amaral, "Functional cartography of complex metabolic
       networks", Nature 433 (2005) 895–900.

    Examples
    --------
    In a path a–b–c with a and b in community 0 and c in community 1, b has one tie into
    each community: ``1 - (1/2)**2 - (1/2)**2 = 0.5``; a and c tie into one community only.

    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> participation_coefficient(G, {"a": 0, "b": 0, "c": 1}).to_dict()
    {'a': 0.0, 'b': 0.5, 'c': 0.0}
    """
    arrays = GraphArrays.from_networkx(G, weight)
    if communities is None:
        labels = community_labels(arrays, seed=seed, resolution=1.0)
    else:
        labels = pd.Series(communities)
        missing = [node for node in arrays.nodes if node not in labels.index]
        if missing:
            raise ValueError(
                f"communities must give a community to every node of the graph; "
                f"{len(missing)} node(s) have none, e.g. {missing[:3]}. Pass the Series "
                f"netmap.communities(G) returns, or omit communities to compute it."
            )
        labels = labels.loc[arrays.nodes]
    codes = pd.factorize(labels.to_numpy())[0]
    return arrays.series(_participation(arrays, codes), "participation_coefficient")


def _participation(arrays: GraphArrays, codes: np.ndarray) -> np.ndarray:
    ties = arrays.adjacency if arrays.weighted else arrays.binary
    per_community = sp.csr_array(ties @ one_hot(codes, int(codes.max(initial=-1)) + 1))
    total = row_sums(ties)
    spread = row_sums(per_community.power(2))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, 1.0 - spread / total**2, 0.0)


# ------------------------------------------------------------------ brokerage roles


def brokerage_roles(G: nx.Graph, attribute: str = "sector") -> pd.DataFrame:
    """Count the Gould–Fernandez brokerage roles of every node over a node attribute.

    A node ``v`` brokers for each ordered pair of its contacts ``(a, c)`` who are not tied to
    each other (the open two-path ``a -> v -> c``). By the groups of ``a``, ``v`` and ``c``
    (their values of ``attribute``) the brokerage is one of five roles:

    ================  ==================  ==============================================
    role              groups              in words
    ================  ==================  ==============================================
    coordinator       a = v = c           links two members of its own group
    itinerant         a = c ≠ v           links two members of another group
    representative    a = v ≠ c           carries its own group's contact out
    gatekeeper        a ≠ v = c           lets an outsider in to its own group
    liaison           a, v, c all differ  links two groups, neither its own
    ================  ==================  ==============================================

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph, read as a symmetric directed graph (each tie both ways), so
        every open pair ``{a, c}`` is counted twice, once in each direction: a representative
        count always equals the gatekeeper count. Self-loops and weights are ignored.
    attribute : str, default "sector"
        Node attribute naming each node's group.

    Returns
    -------
    pandas.DataFrame
        Indexed by node in sorted order, int columns ``coordinator``, ``itinerant``,
        ``representative``, ``gatekeeper``, ``liaison`` (raw counts).

    Notes
    -----
    The counts agree with ``raw.nli`` of R's ``sna::brokerage(g, cl)`` for the symmetric
    adjacency matrix of ``G``. Like sna (which numbers groups with ``match(cl, unique(cl))``),
    nodes whose attribute is missing form one group of their own, "unknown"; so in a graph
    without the attribute every brokerage is coordination. The counts are computed from
    sparse matrix products (pairs of contacts by group, minus the tied pairs), not by
    walking triples.

    References
    ----------
    .. [1] R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal approach to
       brokerage in transaction networks", Sociological Methodology 19 (1989) 89–126.
    .. [2] C. T. Butts, sna: Tools for Social Network Analysis, ``brokerage``.

    Examples
    --------
    In the path a–b–c where a and b are in civil society and c in academia, b is the only
    broker (a and c are not tied): the two-path a→b→c makes it a representative, c→b→a a
    gatekeeper.

    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> nx.set_node_attributes(G, {"a": "civil_society", "b": "civil_society",
    ...                            "c": "academia"}, "sector")
    >>> brokerage_roles(G).loc["b"].to_dict()
    {'coordinator': 0, 'itinerant': 0, 'representative': 1, 'gatekeeper': 1, 'liaison': 0}
    """
    arrays = GraphArrays.from_networkx(G, None)
    codes, _ = node_values(G, arrays.nodes, attribute)
    counts = _brokerage_counts(arrays, codes)
    return pd.DataFrame(
        counts, index=pd.Index(arrays.nodes, name="node"), columns=list(BROKERAGE_ROLES)
    )


def _triangles(g: ig.Graph) -> np.ndarray:
    """Number of triangles at each vertex (ties among its contacts)."""
    degree = np.asarray(g.degree(), dtype=np.float64)
    share = np.asarray(g.transitivity_local_undirected(mode="zero"), dtype=np.float64)
    return np.rint(share * degree * (degree - 1) / 2)


def _brokerage_counts(arrays: GraphArrays, codes: np.ndarray) -> np.ndarray:
    """Brokerage counts, one row per node, columns in :data:`BROKERAGE_ROLES` order.

    For broker ``v`` with ``s`` contacts in its own group and ``d`` in others, the ordered
    pairs of distinct contacts split by group as: coordinator ``s(s-1)``, itinerant
    ``sum_g n_g(n_g-1)`` over other groups ``g``, representative and gatekeeper ``s·d``
    each, liaison ``d² - sum_g n_g²``. Subtracting the pairs that are tied to each other
    (triangles, counted by kind below) leaves the open two-paths.
    """
    codes = np.where(codes < 0, codes.max(initial=-1) + 1, codes)  # "unknown" is a group
    same_edge = codes[arrays.source] == codes[arrays.target]  # in igraph's edge order
    ties = arrays.binary
    owner = np.repeat(np.arange(arrays.n), np.diff(ties.indptr))
    same_group = (codes[owner] == codes[ties.indices]).astype(np.float64)
    within, between = ties.copy(), ties.copy()
    within.data, between.data = same_group, 1.0 - same_group
    within.eliminate_zeros()
    between.eliminate_zeros()

    s, d = row_sums(within), row_sums(between)
    per_group = sp.csr_array(ties @ one_hot(codes, int(codes.max(initial=-1)) + 1))
    other_squares = row_sums(per_group.power(2)) - s**2
    all_pairs = np.column_stack(
        [s * (s - 1), other_squares - d, s * d, s * d, d * d - other_squares]
    )

    # Tied pairs of contacts are triangles. A triangle's ties within groups number 3
    # (all one group), 1 (two in a group, one outside) or 0 (three groups): so a broker's
    # triangles are all-own-group (coordinator), all-different (liaison), or "2+1" ones,
    # where the broker is either the odd one (itinerant) or one of the pair (counted once
    # as representative and once as gatekeeper).
    all_triangles = _triangles(arrays.igraph)
    own_group = _triangles(
        arrays.igraph.subgraph_edges(np.flatnonzero(same_edge).tolist(), delete_vertices=False)
    )
    three_groups = _triangles(
        arrays.igraph.subgraph_edges(np.flatnonzero(~same_edge).tolist(), delete_vertices=False)
    )
    odd_one = np.rint(row_sums(masked_product(between, within, between)) / 2)
    in_pair = all_triangles - own_group - three_groups - odd_one
    closed = np.column_stack([2 * own_group, 2 * odd_one, in_pair, in_pair, 2 * three_groups])
    return np.rint(all_pairs - closed).astype(np.int64)


# ------------------------------------------------------------------ key actors


def key_actors(
    G: nx.Graph,
    *,
    weight: str | None = "weight",
    attributes: tuple[str, ...] = ("organisation", "sector", "municipality"),
    brokerage_attribute: str = "sector",
    place_attribute: str = "municipality",
    betweenness: Literal["auto", "exact", "sampled"] = "auto",
    sample_sources: int | None = None,
    seed: int | None = 0,
    community_seed: int | None = 0,
    resolution: float = 1.0,
    lang: str = "en",
) -> pd.DataFrame:
    """Who holds the network together: one row of measures per actor.

    Parameters
    ----------
    G : networkx.Graph
        An undirected graph, from netmap (:meth:`netmap.Network.graph`) or not. Node
        attributes named below are optional; self-loops are ignored.
    weight : str or None, default "weight"
        Edge attribute holding tie strength (a positive number; missing on an edge means 1).
        For paths a tie's length is ``1 / weight``: a strong tie is a short distance. None
        treats every tie as strength 1.
    attributes : tuple of str, default ("organisation", "sector", "municipality")
        Node attributes whose distinct values among each actor's contacts are counted, in
        columns named after the attribute's plural plus ``_reached``.
    brokerage_attribute : str, default "sector"
        The groups of the Gould–Fernandez brokerage roles (see :func:`brokerage_roles`).
    place_attribute : str, default "municipality"
        Names the place in ``role`` when an actor is the only bridge to people of one place.
    betweenness : {"auto", "exact", "sampled"}, default "auto"
        ``exact`` runs Brandes' algorithm from every node (once per group of twins);
        ``sampled`` from ``sample_sources`` random nodes (Brandes & Pich 2007), scaled up;
        ``auto`` is exact up to :data:`EXACT_BETWEENNESS_LIMIT` nodes and sampled above.
    sample_sources : int, optional
        Number of source nodes for sampled betweenness. By default :data:`SAMPLE_SHARE`
        (2 %) of the largest connected group, and at least :data:`SAMPLE_SOURCES` (1,000):
        the rank correlation with exact values falls as the network grows if the number
        of sources does not (benchmarks/README.md).
    seed : int or None, default 0
        Seed of the sampled sources.
    community_seed : int or None, default 0
        Seed of the Louvain communities (see :func:`communities`).
    resolution : float, default 1.0
        Louvain resolution.
    lang : {"en", "sv"}, default "en"
        Language of the ``role`` text.

    Returns
    -------
    pandas.DataFrame
        Indexed by node (``node``), one row per node, sorted by ``betweenness``, then
        ``pagerank`` (both descending), then node id. Columns, each explained in one
        sentence by :func:`netmap.glossary.explain`:

        - ``name`` (the node's ``name`` attribute, else its id), ``degree`` (contacts),
          ``strength`` (sum of tie weights);
        - ``organisations_reached``, ``sectors_reached``, ``municipalities_reached`` (one
          per entry of ``attributes``): distinct values among the actor's contacts;
        - ``betweenness``: share of shortest paths between other pairs that pass through
          the actor, normalised as networkx (``2 / ((n-1)(n-2))`` times the raw count);
        - ``closeness``: Wasserman–Faust closeness, networkx's
          ``closeness_centrality(wf_improved=True)``: ``(r-1)/sum of distances`` to the
          ``r-1`` reachable actors, times ``(r-1)/(n-1)``;
        - ``pagerank`` (weighted, damping 0.85);
        - ``constraint``, ``effective_size``: Burt's structural-holes measures (weighted;
          NaN for an isolated actor);
        - ``cut_point`` (bool): removing the actor disconnects the network; ``lose_contact``:
          actors of the largest connected group who would lose contact with it if the
          actor left (0 outside that group);
        - ``core_number``: the largest k of a k-core (every member has k contacts inside)
          the actor belongs to;
        - ``community`` (:func:`communities`), ``participation_coefficient`` (how evenly
          the actor's ties, weighted, spread over communities);
        - ``coordinator``, ``itinerant``, ``representative``, ``gatekeeper``, ``liaison``:
          brokerage counts over ``brokerage_attribute`` (:func:`brokerage_roles`);
        - ``role``: a short text of the actor's distinctive role.

        ``.attrs["betweenness"]`` records how betweenness was computed: ``{"method":
        "exact"}`` or ``{"method": "sampled", "sources": k, "seed": seed}`` (closeness then
        comes from the mean distance to the same sources).

    Raises
    ------
    networkx.NetworkXNotImplemented
        For directed graphs and multigraphs.
    ValueError
        If an edge weight is not a positive number, or an option is out of range.

    Notes
    -----
    Betweenness and closeness come from a compiled Brandes search that merges twins
    (:mod:`netmap.paths`), Burt's measures from a compiled pass (:mod:`netmap.holes`);
    PageRank, cores, communities and cut points from igraph, brokerage from sparse matrix
    products (see the module docstring). They agree with networkx's functions of the same
    name, including networkx's per-node path for weighted ``effective_size``: its all-nodes
    sparse path is wrong for weighted graphs (networkx pull request #8906). Sampled
    betweenness is an unbiased estimate; benchmarks/README.md reports its accuracy against
    exact values.
    Isolated actors get 0 for centralities and NaN for Burt's measures; an empty graph
    gives an empty table with all the columns.

    References
    ----------
    .. [1] U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol.
       25 (2001) 163–177.
    .. [2] U. Brandes and C. Pich, "Centrality estimation in large networks", Int. J.
       Bifurcation and Chaos 17 (2007) 2303–2318.
    .. [3] S. Wasserman and K. Faust, Social Network Analysis, Cambridge UP (1994).
    .. [4] R. S. Burt, Structural Holes, Harvard UP (1992).
    .. [5] S. B. Seidman, "Network structure and minimum degree", Social Networks 5 (1983).

    Examples
    --------
    In the path a–b–c, b lies on the only path between a and c (betweenness 1, the
    maximum) and removing b leaves a and c apart: b is a cut point and one actor (of the
    three) loses contact with the largest remaining group. a and b are in civil society, c
    in academia, so b links the two sectors.

    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> nx.set_node_attributes(G, {"a": "civil_society", "b": "civil_society",
    ...                            "c": "academia"}, "sector")
    >>> table = key_actors(G)
    >>> table[["degree", "betweenness", "cut_point", "lose_contact"]]
          degree  betweenness  cut_point  lose_contact
    node
    b          2          1.0       True             1
    a          1          0.0      False             0
    c          1          0.0      False             0
    >>> table.loc["b", "role"]
    'links civil society and academia; the only bridge to 1 other; on many shortest paths
    between others'
    """
    method = _check_choice(betweenness, "betweenness", ("auto", "exact", "sampled"))
    if sample_sources is not None and sample_sources < 1:
        raise ValueError(
            f"sample_sources must be an int of at least 1; got {sample_sources!r}. "
            f"The default, 2% of the actors and at least {SAMPLE_SOURCES}, is accurate on "
            f"100,000 people."
        )
    arrays = GraphArrays.from_networkx(G, weight)
    arrays.adjacency, arrays.igraph  # noqa: B018  (built once, before the search thread reads them)
    # The path searches run in compiled code without the GIL: the other measures are
    # computed meanwhile, on the second core.
    with ThreadPoolExecutor(1) as background:
        paths = background.submit(_path_measures, arrays, method, sample_sources, seed)
        table, groups, group_names, bridged = _other_measures(
            G,
            arrays,
            attributes=attributes,
            community_seed=community_seed,
            resolution=resolution,
            brokerage_attribute=brokerage_attribute,
            place_attribute=place_attribute,
        )
        betweenness_values, closeness, info = paths.result()
    position = table.columns.get_loc("pagerank")
    table.insert(position, "closeness", closeness)
    table.insert(position, "betweenness", betweenness_values)
    labels = [_group_label(brokerage_attribute, g, lang) for g in group_names]
    table["role"] = _role_texts(table, arrays, groups=(groups, labels), bridged=bridged, lang=lang)
    table.attrs["betweenness"] = info
    order = np.lexsort(
        (-np.round(table["pagerank"].to_numpy(), 12), -np.round(table["betweenness"], 12))
    )
    return table.iloc[order]


def _other_measures(
    G: nx.Graph,
    arrays: GraphArrays,
    *,
    attributes: tuple[str, ...],
    community_seed: int | None,
    resolution: float,
    brokerage_attribute: str,
    place_attribute: str,
) -> tuple[pd.DataFrame, np.ndarray, list, list[str | None]]:
    """Every column of :func:`key_actors` but the path measures and the role text.

    Also returns what the role text needs: each actor's brokerage group code, the groups'
    values, and the place everyone who would lose contact shares (or None).
    """
    table = pd.DataFrame(index=pd.Index(arrays.nodes, name="node"))
    table["name"] = pd.array(node_names(G, arrays.nodes), dtype="str")
    table["degree"] = np.diff(arrays.binary.indptr).astype(np.int64)
    table["strength"] = row_sums(arrays.adjacency)
    for attribute in attributes:
        codes, _ = node_values(G, arrays.nodes, attribute)
        table[f"{_plural(attribute)}_reached"] = _distinct_reached(arrays, codes)
    table["pagerank"] = _pagerank(arrays)
    table["constraint"], table["effective_size"] = structural_holes(
        arrays.adjacency, threads=_THREADS
    )
    places, place_names = node_values(G, arrays.nodes, place_attribute)
    cut_point, lose_contact, bridged_place = _cut_points(arrays, places)
    table["cut_point"], table["lose_contact"] = cut_point, lose_contact
    table["core_number"] = np.asarray(arrays.igraph.coreness(), dtype=np.int64)
    community = community_labels(arrays, seed=community_seed, resolution=resolution).to_numpy()
    table["community"] = community
    table["participation_coefficient"] = _participation(arrays, community)
    groups, group_names = node_values(G, arrays.nodes, brokerage_attribute)
    table[list(BROKERAGE_ROLES)] = _brokerage_counts(arrays, groups)
    bridged = [place_names[code] if code >= 0 else None for code in bridged_place]
    return table, groups, group_names, bridged


def role_texts(
    G: nx.Graph,
    *,
    actors: pd.DataFrame,
    weight: str | None = "weight",
    brokerage_attribute: str = "sector",
    place_attribute: str = "municipality",
    lang: str = "en",
) -> pd.Series:
    """The ``role`` column of a :func:`key_actors` table, written again in ``lang``.

    Switching language needs only the texts: the measures they are made from are in
    ``actors``, so nothing but the cut points is computed again.

    Parameters
    ----------
    G : networkx.Graph
        The graph ``actors`` was computed on.
    actors : pandas.DataFrame
        ``key_actors(G, ...)`` with the same ``weight``, ``brokerage_attribute`` and
        ``place_attribute``.
    weight, brokerage_attribute, place_attribute, lang
        As in :func:`key_actors`.

    Returns
    -------
    pandas.Series
        The texts, indexed like ``actors``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> nx.set_node_attributes(G, {"a": "civil_society", "b": "civil_society",
    ...                            "c": "academia"}, "sector")
    >>> role_texts(G, actors=key_actors(G), lang="sv")["b"]
    'länkar civilsamhälle och akademi; enda länken till 1 annan; ligger på många kortaste
    vägar mellan andra'
    """
    check_lang(lang)
    arrays = GraphArrays.from_networkx(G, weight)
    if set(actors.index) != set(arrays.nodes):
        raise ValueError(
            "actors must be the key_actors table of this graph (one row per node); got "
            f"{len(actors)} rows for a graph of {arrays.n} nodes."
        )
    places, place_names = node_values(G, arrays.nodes, place_attribute)
    *_, bridged_place = _cut_points(arrays, places)
    groups, group_names = node_values(G, arrays.nodes, brokerage_attribute)
    labels = [_group_label(brokerage_attribute, g, lang) for g in group_names]
    texts = _role_texts(
        actors.reindex(arrays.nodes),
        arrays,
        groups=(groups, labels),
        bridged=[place_names[code] if code >= 0 else None for code in bridged_place],
        lang=lang,
    )
    return texts.reindex(actors.index)


def _check_choice(value: str, name: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ValueError(
            f"The {name!r} option must be one of {', '.join(map(repr, choices))}; got {value!r}."
        )
    return value


def _plural(word: str) -> str:
    """English plural of an attribute name: sector -> sectors, municipality -> municipalities."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word if word.endswith("s") else word + "s"


def _distinct_reached(arrays: GraphArrays, codes: np.ndarray) -> np.ndarray:
    """Per node, the number of distinct known values among its contacts."""
    reached = arrays.binary @ one_hot(codes, int(codes.max(initial=-1)) + 1)
    return np.diff(sp.csr_array(reached).indptr).astype(np.int64)


def _component_sizes(arrays: GraphArrays) -> tuple[np.ndarray, np.ndarray]:
    """Component label of each node and the size of each component."""
    membership = np.asarray(arrays.igraph.connected_components().membership, dtype=np.int64)
    return membership, np.bincount(membership, minlength=1)


def _path_measures(
    arrays: GraphArrays, method: str, sample_sources: int | None, seed: int | None
) -> tuple[np.ndarray, np.ndarray, dict]:
    """Betweenness and closeness, exact or from sampled sources (see :mod:`netmap.paths`).

    Exact: a search from every group of twins, counted once per member. Sampled: searches
    from everyone outside the largest component (small components are cheap and exact), and
    from ``k`` random sources inside it, whose dependencies are scaled by ``|L| / k``
    (Brandes & Pich 2007); closeness inside it from the mean distance to (by symmetry:
    from) the same sources (Eppstein & Wang 2004).
    """
    n = arrays.n
    if n < 2:
        return np.zeros(n), np.zeros(n), {"method": "exact"}
    merged = merge_twins(arrays.adjacency)
    group, multiplicity = merged.group, merged.multiplicity
    membership, sizes = _component_sizes(arrays)
    largest = np.flatnonzero(membership == np.argmax(sizes))
    sampled = method == "sampled" or (method == "auto" and n > EXACT_BETWEENNESS_LIMIT)
    if sample_sources is None:
        sample_sources = max(SAMPLE_SOURCES, math.ceil(SAMPLE_SHARE * len(largest)))
    sampled = sampled and sample_sources < len(largest)
    among_reachable, reachable = np.zeros(n), np.zeros(n)
    if not sampled:
        everyone = np.arange(len(multiplicity))
        dependency, _, total, reached = path_sums(
            merged, everyone, multiplicity.astype(np.float64), threads=_THREADS
        )
        with np.errstate(divide="ignore", invalid="ignore"):
            among_reachable = (reached / total)[group]
        reachable = reached[group]
        info = {"method": "exact"}
    else:
        drawn = np.random.default_rng(seed).choice(largest, sample_sources, replace=False)
        drawn_groups, draws = np.unique(group[drawn], return_counts=True)
        inside, distance, _, _ = path_sums(
            merged, drawn_groups, draws.astype(np.float64), threads=_THREADS
        )
        # Closeness inside the largest component: the mean distance to the drawn sources
        # (by symmetry, from them), a drawn twin at the inner tie's length, oneself left out.
        draws_in_group = np.zeros(len(multiplicity))
        draws_in_group[drawn_groups] = draws
        is_drawn = np.zeros(n)
        is_drawn[drawn] = 1.0
        own = group[largest]
        others = sample_sources - is_drawn[largest]
        total = (
            distance[own] + (draws_in_group[own] - is_drawn[largest]) * (merged.inner_length[own])
        )
        among_reachable[largest] = others / total
        reachable[largest] = len(largest) - 1
        # Everyone outside it: exact, from every group there.
        outside = np.flatnonzero(membership != membership[largest[0]])
        outside_groups = np.unique(group[outside])
        outside_dependency, _, outside_total, outside_reached = path_sums(
            merged, outside_groups, multiplicity[outside_groups].astype(np.float64), threads=1
        )
        at = np.searchsorted(outside_groups, group[outside])
        with np.errstate(divide="ignore", invalid="ignore"):
            among_reachable[outside] = outside_reached[at] / outside_total[at]
        reachable[outside] = outside_reached[at]
        dependency = inside * (len(largest) / sample_sources) + outside_dependency
        info = {"method": "sampled", "sources": sample_sources, "seed": seed}
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    betweenness = dependency[group] / 2 * scale
    closeness = np.nan_to_num(among_reachable, nan=0.0, posinf=0.0) * reachable / (n - 1)
    return betweenness, closeness, info


def _pagerank(arrays: GraphArrays) -> np.ndarray:
    if arrays.n == 0:
        return np.zeros(0)
    ranks = arrays.igraph.pagerank(weights=arrays.weights, directed=False, damping=0.85)
    return np.asarray(ranks, dtype=np.float64)


def _cut_points(arrays: GraphArrays, places: np.ndarray) -> tuple[np.ndarray, ...]:
    """Cut points, how many lose contact with the largest group, and the place they are in.

    Uses the block–cut tree: blocks (biconnected components) and cut points, a cut point
    tied to each block it belongs to. Rooted, a cut point's child subtrees are the groups
    that fall apart from the rest when it leaves; their sizes come from one pass over the
    tree in depth-first order, and each subtree is one range of that order, so whether
    everyone cut off shares one place is a check on at most three ranges.

    Returns
    -------
    cut_point : bool array
    lose_contact : int array
        For a cut point in the largest component: that component's size minus one minus the
        largest group left when it leaves; else 0.
    bridged_place : int array
        The place code everyone who loses contact shares, or -1.
    """
    n = arrays.n
    cut_point = np.zeros(n, dtype=bool)
    lose_contact = np.zeros(n, dtype=np.int64)
    bridged_place = np.full(n, -1, dtype=np.int64)
    blocks, articulation = arrays.igraph.biconnected_components(return_articulation_points=True)
    if not articulation:
        return cut_point, lose_contact, bridged_place
    membership, sizes = _component_sizes(arrays)
    largest = int(np.argmax(sizes))
    articulation = np.asarray(sorted(articulation), dtype=np.int64)
    cut_point[articulation] = True

    # Tree nodes: blocks 0..B-1, cut points B..B+A-1, a virtual root B+A over all components.
    n_blocks, n_cuts = len(blocks), len(articulation)
    root = n_blocks + n_cuts
    cut_index = np.full(n, -1, dtype=np.int64)
    cut_index[articulation] = np.arange(n_cuts)
    lengths = np.fromiter((len(block) for block in blocks), np.int64, n_blocks)
    members = np.concatenate([np.asarray(block, dtype=np.int64) for block in blocks])
    block_ids = np.repeat(np.arange(n_blocks), lengths)
    is_cut = cut_index[members] >= 0
    tree_node = np.full(n, -1, dtype=np.int64)  # every vertex in a block, as a tree node
    tree_node[members[~is_cut]] = block_ids[~is_cut]
    tree_node[articulation] = n_blocks + np.arange(n_cuts)
    block_component = membership[members[np.cumsum(lengths) - lengths]]
    component_ids, root_blocks = np.unique(block_component, return_index=True)
    rows = np.concatenate([block_ids[is_cut], np.full(len(root_blocks), root)])
    cols = np.concatenate([n_blocks + cut_index[members[is_cut]], root_blocks])
    tree = sp.csr_array((np.ones(len(rows)), (rows, cols)), shape=(root + 1, root + 1))
    order, parent = sp.csgraph.depth_first_order(
        tree, root, directed=False, return_predecessors=True
    )

    weight = np.concatenate([np.bincount(block_ids[~is_cut], minlength=n_blocks), [1] * n_cuts])
    below = np.append(weight, 0).tolist()  # vertices in each subtree
    span = [1] * (root + 1)  # tree nodes in each subtree
    parents = parent.tolist()
    for node in reversed(order[1:].tolist()):
        below[parents[node]] += below[node]
        span[parents[node]] += span[node]
    below_arr, position = np.asarray(below), np.empty(root + 1, dtype=np.int64)
    position[order] = np.arange(root + 1)

    # The largest child subtree of each cut point.
    child_blocks = np.flatnonzero(parent[:n_blocks] >= n_blocks)
    by_size = child_blocks[np.lexsort((below_arr[child_blocks], parent[child_blocks]))]
    biggest_child = dict(zip(parent[by_size].tolist(), by_size.tolist(), strict=True))

    # Vertices in depth-first order of their tree node; places in that order.
    in_blocks = np.flatnonzero(tree_node >= 0)
    vertex_order = in_blocks[np.argsort(position[tree_node[in_blocks]], kind="stable")]
    vertex_position = position[tree_node[vertex_order]]
    place_seq = places[vertex_order]
    changes = np.concatenate([[0], np.cumsum(place_seq[1:] != place_seq[:-1])])

    def shared_place(tree_ranges: list[tuple[int, int]]) -> int:
        found = -1
        for lo, hi in tree_ranges:
            first, last = np.searchsorted(vertex_position, [lo, hi])
            if first == last:
                continue
            if changes[last - 1] != changes[first] or (found not in (-1, place_seq[first])):
                return -1
            found = int(place_seq[first])
        return found

    component_root = dict(zip(component_ids.tolist(), root_blocks.tolist(), strict=True))
    size = int(sizes[largest])
    for vertex, cut in zip(articulation.tolist(), range(n_cuts), strict=True):
        if membership[vertex] != largest:
            continue
        node = n_blocks + cut
        child = biggest_child[node]
        outside = size - below[node]
        if outside >= below[child]:
            kept = outside
            cut_off = [(position[node] + 1, position[node] + span[node])]
        else:
            kept = below[child]
            top = component_root[largest]
            cut_off = [
                (position[top], position[node]),
                (position[node] + 1, position[child]),
                (position[child] + span[child], position[top] + span[top]),
            ]
        lose_contact[vertex] = size - 1 - kept
        if lose_contact[vertex]:
            bridged_place[vertex] = shared_place(cut_off)
    return cut_point, lose_contact, bridged_place


#: Participation coefficient above which an actor is a "connector" (Guimerà & Amaral 2005).
_CONNECTOR_PARTICIPATION = 0.62
#: Share of actors, by betweenness, called "on many shortest paths".
_CENTRAL_SHARE = 0.05


def _role_texts(
    table: pd.DataFrame,
    arrays: GraphArrays,
    *,
    groups: tuple[np.ndarray, list[str]],
    bridged: list[str | None],
    lang: str,
) -> pd.Series:
    """One short text per actor: the groups it links, what it alone bridges, and so on.

    Phrases, in this order, each when it applies: "links A and B" (a broker between groups,
    naming the groups of its contacts and itself, most frequent first), "the only bridge
    to ..." (``lose_contact`` > 0, naming the place when all who would lose contact share
    one), "connects k communities" (participation above 0.62, Guimerà & Amaral's connector
    threshold), "on many shortest paths" (top 5% by betweenness). Without any: within-group
    brokerage, a single contact, a closed circle, or no ties.
    """
    codes, labels = groups
    and_word = role_phrase("and", lang)
    members = one_hot(codes, len(labels))
    with_self = arrays.binary + sp.eye_array(arrays.n, format="csr")
    around = sp.csr_array(with_self @ members)  # groups of contacts and self
    communities_around = sp.csr_array(with_self @ one_hot(table["community"].to_numpy(), arrays.n))
    n_communities = np.diff(communities_around.indptr)
    cross = table[["itinerant", "representative", "gatekeeper", "liaison"]].sum(axis=1).to_numpy()
    betweenness = table["betweenness"].to_numpy()
    n_central = int(np.ceil(_CENTRAL_SHARE * arrays.n))
    threshold = np.sort(betweenness)[::-1][n_central - 1] if arrays.n else 0.0
    texts = []
    for i, row in enumerate(table.itertuples(index=False)):
        parts = []
        if cross[i] > 0:
            lo, hi = around.indptr[i], around.indptr[i + 1]
            ranked = sorted(
                zip(-around.data[lo:hi], (labels[g] for g in around.indices[lo:hi]), strict=True)
            )
            names = [name for _, name in ranked]
            parts.append(role_phrase("links", lang, groups=list_names(names, and_word, lang)))
        if row.lose_contact > 0:
            if bridged[i] is not None:
                parts.append(role_phrase("bridge.place", lang, place=bridged[i]))
            elif row.lose_contact == 1:
                parts.append(role_phrase("bridge.one", lang))
            else:
                parts.append(role_phrase("bridge.many", lang, count=row.lose_contact))
        if row.participation_coefficient > _CONNECTOR_PARTICIPATION:
            parts.append(role_phrase("connector", lang, count=n_communities[i]))
        if row.betweenness > 0 and row.betweenness >= threshold:
            parts.append(role_phrase("central", lang))
        if not parts:
            if row.degree == 0:
                parts.append(role_phrase("isolated", lang))
            elif row.degree == 1:
                parts.append(role_phrase("single", lang))
            elif row.coordinator > 0 and codes[i] >= 0:
                parts.append(role_phrase("within", lang, group=labels[codes[i]]))
            else:
                parts.append(role_phrase("closed", lang))
        texts.append("; ".join(parts))
    return pd.Series(texts, index=table.index, dtype="str")


def _group_label(attribute: str, value: object, lang: str) -> str:
    """A group's name as it reads mid-sentence: netmap's own labels of fixed choices in
    lower case ("civil society"), values as written otherwise ("Kiruna", "LTU")."""
    label = choice_label(attribute, value, lang)
    return label[:1].lower() + label[1:] if label != str(value) else label


def list_names(names: list[str], and_word: str, lang: str, *, most: int = 3) -> str:
    """'a and b', 'a, b and c', 'a, b, c and 2 more'."""
    if len(names) > most:
        names = [*names[:most], role_phrase("more", lang, count=len(names) - most)]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {and_word} {names[-1]}"
