"""Every page's view state, declared once: the URL keys a link may set, their kinds, bounds,
options and defaults. Pages read and write their state through ui.state with these declarations,
and the test suites (hostile links, link round trips) iterate them, so a key no declaration names
cannot be read or written.

A declaration holds no Streamlit: `options`, `default` or bounds left as None are decided by the
page's data (the families in the store, the metrics of the chosen families, the years of the models
database) and passed when the page reads the value."""

from __future__ import annotations

from dataclasses import dataclass

from lib.figures import IMAGE_FORMATS
from lib.figures.landscape import MODEL_AXES
from lib.fitspec import LOSSES, MAX_BOOT, MAX_EXCLUDE_TOP, MAX_FAMILIES, LOSS_FORMS
from lib.predict import ALLOCATION_MODES
from lib.verdicts.backtest import METHODS
from lib.verdicts.views import VERDICT_LABELS
from ui.text import MAX_ECHO_CHARS

# Fits a view takes from a link (Compare, Compute-optimal): each is fitted, with at most
# MAX_VIEW_BOOT bootstrap refits between them (ui.models).
MAX_FITS = 12
# A runs token carries at most lib.ingest.share's MAX_SHARED_RUNS runs, compressed; far longer
# text is no token the app wrote.
MAX_RUNS_TOKEN_CHARS = 400_000


@dataclass(frozen=True, kw_only=True)
class Param:
    key: str
    what: str  # what the key sets, as a user would say it
    # The widget is bound to the URL with Streamlit's bind="query-params": Streamlit reads, checks
    # and writes the key, and the page never writes it itself.
    bound: bool = False

    @property
    def widget_key(self) -> str:
        """The session-state key of the widget showing the value (the URL key itself when bound)."""
        return self.key if self.bound else f"widget_{self.key}"


@dataclass(frozen=True, kw_only=True)
class Choice(Param):
    """One of `options`, written as the option itself (str() of it)."""

    options: tuple | None = None
    default: object = None  # None: the first option


@dataclass(frozen=True, kw_only=True)
class Many(Param):
    """Several of `options`, comma-separated; `limit` at most."""

    options: tuple | None = None
    default: tuple | None = None  # None: every option
    limit: int | None = None


@dataclass(frozen=True, kw_only=True)
class Number(Param):
    """A number within [low, high]; a value outside, or no finite number, reads as the default."""

    default: float | None = None
    low: float | None = None
    high: float | None = None
    integer: bool = False


@dataclass(frozen=True, kw_only=True)
class Flag(Param):
    """On or off, written as 1 or 0."""

    default: bool = False


@dataclass(frozen=True, kw_only=True)
class Text(Param):
    """Free text a person typed (a target, a cutoff), cut to `max_chars` and echoed only as plain text."""

    default: str = ""
    max_chars: int = MAX_ECHO_CHARS


@dataclass(frozen=True, kw_only=True)
class Tokens(Param):
    """Machine-written items (fit descriptions) joined by `separator`, at most `limit` of them;
    lib parses each and refuses a damaged one with a message."""

    separator: str = "|"
    limit: int = MAX_FITS


@dataclass(frozen=True, kw_only=True)
class Coded(Param):
    """Machine-written text lib decodes and refuses with a message when damaged (a runs token, the
    conventions it was read under); at most `max_chars` characters are read."""

    default: str = ""
    max_chars: int = MAX_ECHO_CHARS


@dataclass(frozen=True)
class View:
    page: str
    params: tuple[Param, ...]

    def __post_init__(self):
        keys = [param.key for param in self.params]
        assert len(keys) == len(set(keys)), f"{self.page} declares a key twice"

    def __getitem__(self, key: str) -> Param:
        for param in self.params:
            if param.key == key:
                return param
        raise KeyError(f"{self.page} declares no view key '{key}'")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(param.key for param in self.params)


def families(default: tuple[str, ...], key: str = "families", what: str = "the families shown",
             limit: int = MAX_FAMILIES) -> Many:
    return Many(key=key, what=what, default=default, limit=limit)


def metric(default: str | None = "train_loss") -> Choice:
    return Choice(key="metric", what="the metric on the y axis", default=default)


X_VARIABLES = ("C", "N", "D", "D_over_N", "step")
PARAM_COUNTS = {"N": "as each paper counts", "N_total": "with embeddings", "N_non_embedding": "non-embedding"}
FLOP_COUNTS = {"C": "as reported (6ND where not)", "C_6ND": "6ND"}
CONVENTIONS = (
    Choice(key="params", what="which parameter count N is", options=tuple(PARAM_COUNTS), default="N"),
    Choice(key="flops", what="which compute count C is", options=tuple(FLOP_COUNTS), default="C"),
)

# The sidebar's keys, on every page: the chart download format and the runs a link carries.
SIDEBAR = View("sidebar", (
    Choice(key="image", what="the format the chart toolbar saves", options=IMAGE_FORMATS, default="png"),
    Coded(key="runs", what="the runs this link carries", max_chars=MAX_RUNS_TOKEN_CHARS),
    Coded(key="runs_params", what="how the carried runs count parameters", default="unknown"),
    Coded(key="runs_flops", what="how the carried runs' compute was counted", default="reported"),
    Coded(key="runs_domain", what="the carried runs' domain", default="language"),
))

OVERVIEW = View("overview_page", (
    families(("chinchilla_epoch",)),
    metric(),
    Choice(key="x", what="the x axis", options=("C", "N", "D", "D_over_N"), default="C"),
    Flag(key="logy", what="a log y axis", default=True),
))

EXPLORE = View("explore_page", (
    families(("chinchilla_epoch",)),
    metric(),
    Choice(key="x", what="the x axis", options=X_VARIABLES, default="C"),
    Flag(key="logx", what="a log x axis", default=True),
    Flag(key="logy", what="a log y axis", default=True),
    *CONVENTIONS,
))

FIT_DELTAS = (1e-4, 1e-3, 1e-2, 1e-1)
FIT_BOOTS = (0, 50, 200, MAX_BOOT)
FIT = View("fit_page", (
    families(("chinchilla_epoch",), what="the families fitted (several are pooled)"),
    metric(),
    Choice(key="law", what="the law form fitted", options=None, default="chinchilla"),
    Choice(key="x", what="the variable of a one-variable law", default="C", bound=True),
    *CONVENTIONS,
    Choice(key="loss", what="the fitting loss", options=LOSSES, default="huber"),
    Choice(key="delta", what="the Huber delta", options=FIT_DELTAS, default=1e-3, bound=True),
    Choice(key="boot", what="the bootstrap refits", options=FIT_BOOTS, default=200, bound=True),
    # Not bound: Streamlit 1.67's bound integer number_input raises OverflowError on "top=inf".
    Number(key="top", what="how many highest-loss runs are left out", default=0, low=0, high=MAX_EXCLUDE_TOP,
           integer=True),
    Text(key="cutoff", what="the held-out check's compute cutoff"),
    Text(key="dmin", what="the smallest tokens D of the points kept"),
    Text(key="dmax", what="the largest tokens D of the points kept"),
    Flag(key="final", what="final checkpoints only"),
    Text(key="fix", what="coefficients held fixed, as name:value pairs", max_chars=400),
    Choice(key="tie", what="two coefficients tied equal", default="none"),
    Flag(key="sens", what="the method-sensitivity refits"),
))

COMPARE_LAWS = ("kaplan2020_L_ND", "hoffmann2022_approach3", "besiroglu2024_approach3")
COMPARE = View("compare_page", (
    Many(key="laws", what="the published laws drawn", default=COMPARE_LAWS),
    families(("chinchilla_epoch",), key="fitfam", what="the families fitted here"),
    Many(key="fitlaws", what="the law forms fitted to them", options=LOSS_FORMS, default=("chinchilla",)),
    Choice(key="boot", what="bootstrap refits per fit", options=(0, 100, 200), default=100, bound=True),
    Tokens(key="fits", what="fits made on the Fit page"),
    Text(key="target", what="the target: a compute budget or parameters / tokens", default="1e25"),
))

OPTIMAL_LAWS = (
    "kaplan2020_N_opt", "hoffmann2022_approach3", "besiroglu2024_approach3", "bi2024_D_opt", "dubey2024_tokens_opt",
    "porian2024_rw_base_long_kaplan_kaplan_train_N_opt", "porian2024_rw_tuned_short_const_standard_val_N_opt",
)
OPTIMAL_VALUES = {"C": "1e24", "N": "70B", "D": "1.4T"}
ISOFLOP_FAMILIES = (
    "chinchilla_isoflops_epoch", "chinchilla_isoflops_scalefit", "llama3_isoflops", "misfitting_isoflops",
)
OPTIMAL = View("optimal_page", (
    Many(key="laws", what="the laws compared", default=OPTIMAL_LAWS),
    Tokens(key="fits", what="fits made on the Fit page"),
    Choice(key="mode", what="what is given: compute, parameters or tokens", options=tuple(ALLOCATION_MODES), default="C"),
    Text(key="value", what="the given value (its default depends on the mode)"),
    Choice(key="line", what="the allocation line drawn", options=("N_opt", "D_opt"), default="N_opt"),
    Choice(key="isoflop", what="the IsoFLOP runs profiled", options=ISOFLOP_FAMILIES, default=ISOFLOP_FAMILIES[0]),
))

RUNS = View("runs_page", ())

BENCHMARK_FAMILIES = ("ruan2024_opt", "ruan2024_pythia", "ruan2024_llama", "ruan2024_llama-2", "ruan2024_qwen1-5",
                      "ruan2024_falcon")
BENCHMARK_FITS = {"sigmoid": "Sigmoid", "none": "None"}
CHECKPOINTS = {"final": "Final checkpoint only", "all": "All checkpoints"}
CEILINGS = {"fit": "Fitted", "perfect": "Perfect score"}
FLOORS = {"fit": "Fitted", "chance": "Chance level"}
# How far past the data to carry the fit: decades of C or N, or nats of loss. Each unit has its
# own URL key, so switching the x axis never reads decades as nats.
EXTENSIONS = {"decades": ("0", "0.5", "1", "1.5", "2", "3"), "nats": ("0", "0.1", "0.2", "0.3", "0.5", "1")}
BENCHMARKS = View("benchmarks_page", (
    families(BENCHMARK_FAMILIES),
    metric("acc_mmlu_5shot"),
    Choice(key="x", what="the x axis: compute, parameters or a loss of the same runs", default="C"),
    Choice(key="fit", what="the curve fitted", options=tuple(BENCHMARK_FITS), default="sigmoid"),
    Choice(key="checkpoints", what="which checkpoints are drawn", options=tuple(CHECKPOINTS), default="final"),
    Choice(key="decades", what="how far past the data the fit is carried, in decades", options=EXTENSIONS["decades"],
           default="1", bound=True),
    Choice(key="nats", what="how far past the data the fit is carried, in nats of loss", options=EXTENSIONS["nats"],
           default="0.3", bound=True),
    Choice(key="ceiling", what="the sigmoid's ceiling", options=tuple(CEILINGS), default="fit"),
    Choice(key="floor", what="the sigmoid's floor", options=tuple(FLOORS), default="fit"),
))

MODEL_AXIS_NAMES = {column: title for column, (_, title) in MODEL_AXES.items()}
CONFIDENCES = ("Confident", "Likely", "Speculative", "Unknown")
MODELS = View("models_page", (
    Choice(key="x", what="the x axis", options=tuple(MODEL_AXIS_NAMES), default="flops"),
    Choice(key="y", what="the y axis (any axis but x)", options=tuple(MODEL_AXIS_NAMES)),
    Many(key="domains", what="the domains shown"),
    Number(key="from", what="the first publication year shown", integer=True),
    Number(key="to", what="the last publication year shown", integer=True),
    Many(key="confidence", what="Epoch's confidence levels shown", options=CONFIDENCES),
    Flag(key="tokens", what="models whose dataset is counted in tokens only"),
    families((), key="overlay", what="the families whose runs are laid over the models", limit=6),
))

SOURCES = View("sources_page", (
    Choice(key="paper", what="the paper shown"),
))

REPRODUCTIONS = View("reproductions_page", (
    Many(key="verdicts", what="the verdicts listed", options=tuple(VERDICT_LABELS)),
    Choice(key="paper", what="the paper whose laws are listed", default="all"),
    Choice(key="law", what="the law shown in detail", bound=True),
))

BACKTEST = View("backtest_page", (
    Choice(key="family", what="the family drawn", default="chinchilla_epoch"),
    Choice(key="method", what="the fitting method drawn", options=tuple(label for label, *_ in METHODS), bound=True),
))

OVERTRAINED = ",".join(f"openlm_rw_m{m}" for m in (5, 10, 20, 40, 80, 160, 320, 640))
# The Overview's canonical views: (page file, label, icon, the link's view state).
START_HERE = [
    ("pages/optimal_page.py", "Kaplan vs Chinchilla: compute-optimal allocation", ":material/balance:",
     {"laws": "kaplan2020_N_opt,hoffmann2022_approach3,besiroglu2024_approach3,"
              "porian2024_rw_base_long_kaplan_kaplan_train_N_opt,porian2024_rw_tuned_short_const_standard_val_N_opt",
      "mode": "C", "value": "1e24"}),
    ("pages/fit_page.py", "Chinchilla replication: Approach 3 on the Epoch extraction", ":material/insights:",
     {"families": "chinchilla_epoch", "law": "chinchilla", "top": "5", "boot": "200", "loss": "huber", "delta": "0.001"}),
    ("pages/explore_page.py", "Over-training: Gadre et al. OpenLM on RefinedWeb, M = 5 to 640", ":material/scatter_plot:",
     {"families": OVERTRAINED, "metric": "val_loss_c4_eval", "x": "C"}),
    ("pages/compare_page.py", "Kaplan, Hoffmann, Besiroglu and a fresh fit at 1e25 FLOPs", ":material/stacked_line_chart:",
     {"laws": "kaplan2020_L_ND,hoffmann2022_approach3,besiroglu2024_approach3", "fitfam": "chinchilla_epoch",
      "fitlaws": "chinchilla", "target": "1e25"}),
]

PAGES = {view.page: view for view in (
    OVERVIEW, EXPLORE, FIT, COMPARE, OPTIMAL, RUNS, REPRODUCTIONS, BACKTEST, BENCHMARKS, MODELS, SOURCES,
)}
