"""`jupyter nbconvert --to notebook --execute` of a small notebook that uses the magics and display."""
import json
import os
import subprocess
import sys

from jupyter_client.kernelspec import KernelSpecManager

HERE = os.path.dirname(os.path.abspath(__file__))


def test_nbconvert_executes_a_notebook_with_magics_and_display(tmp_path):
    kernel_dir = KernelSpecManager().get_kernel_spec("java").resource_dir
    source = open(os.path.join(HERE, "notebooks", "kernel-smoke.ipynb")).read()
    notebook = tmp_path / "kernel-smoke.ipynb"
    notebook.write_text(source.replace("${JARS}", kernel_dir.replace(os.sep, "/") + "/*.jar"))
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=600", "--output", "executed.ipynb", str(notebook)],
                   check=True, cwd=tmp_path)
    cells = json.loads((tmp_path / "executed.ipynb").read_text())["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    outputs = [o for c in code for o in c["outputs"]]

    def text(cell):
        value = cell["outputs"][-1]["data"]["text/plain"]
        return "".join(value) if isinstance(value, list) else value

    assert not [o for o in outputs if o["output_type"] == "error"], outputs
    assert code[0]["outputs"] == [] or all(o["output_type"] == "stream" for o in code[0]["outputs"])
    assert text(code[1]) == "junit from %maven works"
    assert text(code[2]) == "true"
    images = [o for o in code[3]["outputs"] if "image/png" in o.get("data", {})]
    assert len(images) == 1  # nbconvert applies update_display_data to the original output
    assert "".join(code[4]["outputs"][0]["data"]["text/markdown"]) == "**markdown** from Java"
