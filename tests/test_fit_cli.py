"""python -m lib.fit: JSON on success, a clear error (exit 2) on bad input; it reads files as the
My runs page reads uploads, and the README's example command runs as written."""

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, "-m", "lib.fit", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_chinchilla_json_with_bootstrap(tmp_path):
    n, d = (m.ravel() for m in np.meshgrid(np.geomspace(1e7, 1e10, 6), np.geomspace(1e9, 1e12, 6), indexing="ij"))
    loss = 1.82 + 482 / n**0.348 + 2085 / d**0.366
    loss[0] = 9.0  # one broken run, left out by --exclude-top-loss 1
    csv = tmp_path / "runs.csv"
    pd.DataFrame({"params": n, "tokens": d, "flops": 6 * n * d, "loss": loss}).to_csv(csv, index=False)
    out = run("--csv", str(csv), "--law", "chinchilla", "--exclude-top-loss", "1", "--bootstrap", "20", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert set(report["params"]) == {"E", "A", "B", "alpha", "beta"}
    assert report["n_points"] == 35 and report["seconds"] > 0 and report["objective"] >= 0
    assert abs(report["params"]["alpha"] - 0.348) < 0.01
    assert set(report["intervals"]) == set(report["params"])


def test_bad_input_is_a_message_not_a_traceback(tmp_path):
    csv = tmp_path / "runs.csv"
    pd.DataFrame({"params": [1e8, -1e9, 1e10], "tokens": [1e10, 2e10, 3e10], "loss": [3.0] * 3}).to_csv(csv, index=False)
    out = run("--csv", str(csv), "--law", "chinchilla", "--json")
    assert out.returncode == 2
    # the upload page's rejection, with the line in the file, rather than a fit on the rows left
    assert "line 3, column 'params'" in json.loads(out.stdout)["error"]
    assert "zero or negative" in json.loads(out.stdout)["error"]
    assert "Traceback" not in out.stderr
    text = run("--csv", str(tmp_path / "missing.csv"), "--law", "kaplan")
    assert text.returncode == 2 and text.stderr.startswith("error: cannot read")


def readme_fit_command() -> list[str]:
    """The README's example command line for the CLI, as written there."""
    lines = re.findall(r"^(python -m lib\.fit .*?)(?:\s+#.*)?$", (ROOT / "README.md").read_text(), flags=re.MULTILINE)
    assert len(lines) == 1, lines
    return shlex.split(lines[0])


def test_the_readme_example_runs_as_written():
    command = readme_fit_command()
    assert command[:3] == ["python", "-m", "lib.fit"]
    out = subprocess.run([sys.executable, *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    # the example's 20 Chinchilla runs, read with the upload page's names ("Params", "Train Tokens",
    # "train_loss") and values ("6.8B", "1,429,232,579"): Chinchilla-like coefficients
    assert report["n_points"] == 20 and report["metric"] == "train_loss"
    assert report["status"]["converged"]
    assert 0.2 <= report["params"]["alpha"] <= 0.5
    assert 1.5 <= report["params"]["E"] <= 2.5
    assert any("unit suffix" in note for note in report["notes"])


def test_a_file_the_upload_page_reads_fits_as_it_does(tmp_path):
    n, d = (m.ravel() for m in np.meshgrid(np.geomspace(1e7, 1e10, 5), np.geomspace(1e9, 1e12, 5), indexing="ij"))
    loss = 1.82 + 482 / n**0.348 + 2085 / d**0.366
    csv = tmp_path / "sweep.csv"
    pd.DataFrame({"Model": [f"run-{i}" for i in range(len(n))], "Params (M)": n / 1e6, "Train Tokens": [f"{v / 1e9:g}B" for v in d],
                  "Val Loss": loss, "Accuracy": 0.3 * (n / 1e7) ** 0.05}).to_csv(csv, index=False)
    report = json.loads(run("--csv", str(csv), "--law", "chinchilla", "--json").stdout)
    assert report["metric"] == "val_loss" and report["n_points"] == 25
    assert abs(report["params"]["alpha"] - 0.348) < 0.01
    accuracy = json.loads(run("--csv", str(csv), "--law", "power_law", "--x", "N", "--y", "Accuracy", "--json").stdout)
    assert accuracy["metric"] == "accuracy"


def test_inputs_the_upload_page_has_no_role_for_are_found_by_their_names(tmp_path):
    n, d = (m.ravel() for m in np.meshgrid(np.geomspace(1e7, 1e10, 4), np.geomspace(1e9, 1e12, 4), indexing="ij"))
    csv = tmp_path / "runs.csv"
    pd.DataFrame({"params": n, "tokens": d, "unique_tokens": d / np.tile([1, 2, 4, 8], 4), "loss": 2 + 400 / n**0.34}).to_csv(csv, index=False)
    out = run("--csv", str(csv), "--law", "data_constrained", "--json")
    assert out.returncode == 0, out.stdout
    assert json.loads(out.stdout)["n_points"] == 16
