"""The notebooks run from top to bottom in this project's own kernel, and are stored clean."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
#: First cell added before running: the kernel says which Python it is.
WHICH_PYTHON = "import sys; print(sys.prefix)"


def test_both_notebooks_are_there():
    assert [path.name for path in NOTEBOOKS] == [
        "01-explore-a-network.ipynb",
        "02-your-own-data.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code
    assert [c for c in code if c.outputs or c.execution_count is not None] == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_without_errors_in_the_project_kernel(path, monkeypatch):
    # The project's own kernelspec (installed by ipykernel into the environment) comes first,
    # even when the user has a "python3" kernel of another Python in ~/.local/share/jupyter.
    monkeypatch.setenv("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(WHICH_PYTHON, id="which-python"))
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=600,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError with the cell and traceback on any error
    nbformat.validate(nb)
    assert nb.cells[0].outputs[0]["text"].strip() == sys.prefix
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    uses = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "netmap." in uses and "from netmap." not in uses and "netmap._" not in uses


def test_inline_maps_are_sandboxed_as_in_the_report():
    # A map page shown with <iframe srcdoc> runs its scripts; sandbox="allow-scripts" keeps
    # them from the notebook's own page (its origin, cookies, kernel), as the report does.
    frames = [
        tag
        for path in NOTEBOOKS
        for cell in nbformat.read(path, as_version=4).cells
        if cell.cell_type == "code"
        for tag in re.findall(r"<iframe\b[^>]*>", cell.source)
    ]
    assert frames  # notebook 01 shows the map inline
    assert [tag for tag in frames if 'sandbox="allow-scripts"' not in tag] == []
